package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.PrometheusText;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the shipped Grafana dashboard ({@code docs/grafana-dashboard.json}) queries is
 * exposed by a running gateway's {@code /metrics} after a little traffic: a metric renamed in the
 * code, or misspelt in the dashboard, fails the build.
 */
class GrafanaDashboardTest {
  static final Path DASHBOARD = Path.of("..", "docs", "grafana-dashboard.json");
  /** PromQL's functions, aggregations and keywords: every other identifier is a metric name. */
  static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "stddev",
      "stdvar", "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on",
      "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "rate",
      "irate", "increase", "delta", "idelta", "deriv", "histogram_quantile", "abs", "ceil",
      "floor", "round", "clamp_min", "clamp_max", "label_replace", "label_join", "time",
      "vector", "scalar", "sort", "sort_desc", "absent", "changes", "resets", "avg_over_time",
      "max_over_time", "min_over_time", "sum_over_time", "count_over_time", "last_over_time",
      "predict_linear", "timestamp", "label_values", "inf", "nan");
  static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  @TempDir Path dir;

  @Test
  void everyMetricTheDashboardQueriesIsExposed() throws IOException {
    Set<String> queried = metricNames(queries(Files.readString(DASHBOARD)));
    assertThat(queried).as("the dashboard's queries").hasSizeGreaterThan(20)
        .contains("paygate_payments_total", "paygate_payment_duration_seconds_bucket",
            "hikaricp_connections_active", "jvm_memory_used_bytes");

    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      // A little traffic: a payment, a problem answer, a failed login.
      assertThat(gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1", "EUR"))
          .status()).isEqualTo(201);
      assertThat(gw.http().get("/api/history/nope", token).status()).isGreaterThanOrEqualTo(400);
      assertThat(gw.http().post("/login", null, "{\"login\":\"nobody\",\"password\":\"x\"}")
          .status()).isEqualTo(401);
      // The GC meters appear with the first collection the gateway's registry hears of.
      System.gc();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
          PrometheusText.parse(gw.http().get("/metrics", TestGateway.OPERATOR_KEY).body()).names())
          .containsAll(queried));
    }
  }

  @Test
  void metricNamesAreFoundInPromQl() {
    assertThat(metricNames(List.of(
        "histogram_quantile(0.99, sum by (le, acquirer) (rate(a_bucket{instance=~\"$instance\","
            + " state=\"open\"}[$__rate_interval])))",
        "sum(rate(b_sum[5m])) / sum(rate(c_count[5m])) == 1",
        "label_values(d_total, instance)")))
        .containsExactlyInAnyOrder("a_bucket", "b_sum", "c_count", "d_total");
  }

  /** The PromQL of every panel target and every query variable. */
  @SuppressWarnings("unchecked")
  static List<String> queries(String dashboardJson) throws IOException {
    Map<String, Object> dashboard = new Moshi.Builder().build()
        .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class,
            Object.class)).fromJson(dashboardJson);
    List<String> out = new ArrayList<>();
    collect(dashboard.get("panels"), out);
    Map<String, Object> templating = (Map<String, Object>) dashboard.get("templating");
    for (Object v : (List<Object>) templating.get("list")) {
      Object query = ((Map<String, Object>) v).get("query");
      if (query instanceof Map<?, ?> q) {
        out.add((String) q.get("query"));
      } else if (query instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object panels, List<String> out) {
    if (!(panels instanceof List<?> list)) {
      return;
    }
    for (Object o : list) {
      Map<String, Object> panel = (Map<String, Object>) o;
      collect(panel.get("panels"), out); // collapsed rows hold their panels
      Object targets = panel.get("targets");
      if (targets instanceof List<?> ts) {
        for (Object t : ts) {
          Object expr = ((Map<String, Object>) t).get("expr");
          assertThat(expr).as("panel " + panel.get("title")).isInstanceOf(String.class);
          out.add((String) expr);
        }
      }
    }
  }

  /**
   * The metric names in PromQL expressions: label matchers ({@code {...}}), ranges
   * ({@code [...]}), strings, Grafana variables, grouping clauses and numbers removed, what is
   * left and is not PromQL's own word is a metric.
   */
  static Set<String> metricNames(List<String> expressions) {
    Set<String> names = new TreeSet<>();
    for (String e : expressions) {
      String bare = e.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")
          .replaceAll("\\{[^}]*}", " ")
          .replaceAll("\\[[^]]*]", " ")
          .replaceAll("\\$\\{?[A-Za-z_]+}?", " ")
          .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
      // label_values(metric, label): the label is not a metric.
      bare = bare.replaceAll("label_values\\s*\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", " $1 ");
      Matcher m = IDENTIFIER.matcher(bare);
      while (m.find()) {
        String word = m.group();
        int before = m.start() - 1;
        boolean partOfNumber = before >= 0 && (Character.isDigit(bare.charAt(before))
            || bare.charAt(before) == '.');
        if (!PROMQL.contains(word.toLowerCase()) && !partOfNumber) {
          names.add(word);
        }
      }
    }
    return names;
  }
}
