package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PrometheusText;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics}: after authorised, declined and failed payments, a bad request, failed
 * logins up to a lockout and a rate-limit refusal, the operator's scrape shows each of them, by
 * name and tags, in Prometheus's text format; without the operator key it is refused.
 */
class MetricsApiTest {
  static final String ACQUIRER = "PiggyBank";
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() throws IOException {
    // A budget of 10 requests at once, refilled at 10 a second: the five requests below stay
    // within it, and a quick loop of requests runs it out.
    gw = TestGateway.start(dir, Map.of("rate.limit.merchant.reads.per.second", "10",
        "rate.limit.merchant.writes.per.second", "10",
        "login.lockout.attempts", "2"));
    token = gw.newMerchantToken();
    Http http = gw.http();
    assertThat(http.post("/api/process", token, payment(Cards.AUTHORISED, "10.00", "EUR")).status())
        .isEqualTo(201);
    Http.Answer declined = http.post("/api/process", token, payment(Cards.DECLINED, "11.00", "EUR"));
    assertThat(declined.string("status")).as(declined.toString()).isEqualTo("Declined");
    assertThat(http.post("/api/process", token, payment(Cards.BANK_UNAVAILABLE, "12.00", "GBP"))
        .string("status")).isEqualTo("Failed");
    assertThat(http.post("/api/process", token, payment("4111111111111112", "1", "EUR")).status())
        .as("not a valid card number").isEqualTo(400);
    assertThat(http.get("/api/history/" + UUID.randomUUID(), token).status()).isEqualTo(404);

    String locked = gw.createMerchant();
    for (int i = 0; i < 2; i++) {
      assertThat(http.post("/login", null, "{\"login\":\"" + locked + "\",\"password\":\"wrong\"}")
          .status()).isEqualTo(401);
    }
    // Refused although the password is right: the account is locked.
    assertThat(http.post("/login", null, "{\"login\":\"" + locked + "\",\"password\":\""
        + TestGateway.PASSWORD + "\"}").status()).isEqualTo(401);

    int refused = 0;
    for (int i = 0; i < 200 && refused == 0; i++) {
      if (http.get("/api/history", token).status() == 429) {
        refused++;
      }
    }
    assertThat(refused).as("the merchant's budget ran out").isEqualTo(1);
    malformedRequest();
  }

  /** A request Jetty refuses before any route: a header line without a colon. */
  static void malformedRequest() throws IOException {
    URI base = URI.create(gw.http().baseUrl());
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/history HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("HTTP/1.1 400");
    }
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  static PrometheusText scrape() {
    Http.Answer a = gw.http().get("/metrics", TestGateway.OPERATOR_KEY);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Content-Type").replace(" ", "").split(";"))
        .containsExactlyInAnyOrder("text/plain", "version=0.0.4", "charset=utf-8");
    return PrometheusText.parse(a.body());
  }

  @Test
  void paymentsAreCountedByOutcomeAcquirerAndCurrency() {
    PrometheusText m = scrape();
    assertThat(m.value("paygate_payments_total", "outcome", "authorised", "acquirer", ACQUIRER,
        "currency", "EUR")).isEqualTo(1);
    assertThat(m.value("paygate_payments_total", "outcome", "declined", "acquirer", ACQUIRER,
        "currency", "EUR")).isEqualTo(1);
    assertThat(m.value("paygate_payments_total", "outcome", "failed", "acquirer", ACQUIRER,
        "currency", "GBP")).isEqualTo(1);
    assertThat(m.all("paygate_payments_total", "currency", "GBP")).hasSize(1);
  }

  @Test
  void latencyAndBankTimeAreHistogramsWithBuckets() {
    PrometheusText m = scrape();
    String[] authorised = {"outcome", "authorised", "acquirer", ACQUIRER, "currency", "EUR"};
    assertThat(m.value("paygate_payment_duration_seconds_count", authorised)).isEqualTo(1);
    assertThat(m.value("paygate_payment_duration_seconds_sum", authorised)).isPositive();
    // Buckets for histogram_quantile: cumulative, the SLO boundaries among them, +Inf holds all.
    assertThat(m.all("paygate_payment_duration_seconds_bucket", authorised)).hasSizeGreaterThan(10);
    assertThat(m.value("paygate_payment_duration_seconds_bucket", withLe(authorised, "+Inf")))
        .isEqualTo(1);
    assertThat(m.find("paygate_payment_duration_seconds_bucket", withLe(authorised, "0.1")))
        .isPresent();
    String[] bank = {"acquirer", ACQUIRER, "answer", "authorised"};
    assertThat(m.value("paygate_acquirer_duration_seconds_count", bank)).isEqualTo(1);
    assertThat(m.value("paygate_acquirer_duration_seconds_count", "acquirer", ACQUIRER,
        "answer", "not_processed")).as("the 503 of the unavailable bank").isEqualTo(1);
    assertThat(m.value("paygate_acquirer_duration_seconds_bucket", withLe(bank, "+Inf")))
        .isEqualTo(1);
  }

  private static String[] withLe(String[] labels, String le) {
    String[] out = java.util.Arrays.copyOf(labels, labels.length + 2);
    out[labels.length] = "le";
    out[labels.length + 1] = le;
    return out;
  }

  @Test
  void inFlightBacklogAndBreakerStateAreGauges() {
    PrometheusText m = scrape();
    assertThat(m.value("paygate_payments_in_flight")).isZero();
    assertThat(m.value("paygate_payments_backlog", "status", "pending")).isZero();
    assertThat(m.value("paygate_payments_backlog", "status", "unknown")).isZero();
    assertThat(m.value("paygate_payments_backlog_oldest_age_seconds", "status", "unknown"))
        .isZero();
    assertThat(m.value("paygate_acquirer_breaker_state", "acquirer", ACQUIRER, "state", "closed"))
        .isEqualTo(1);
    assertThat(m.value("paygate_acquirer_breaker_state", "acquirer", ACQUIRER, "state", "open"))
        .isZero();
  }

  @Test
  void problemAnswersAreCountedByRouteTemplateAndType() {
    PrometheusText m = scrape();
    assertThat(m.value("paygate_http_problems_total", "route", "/api/process", "method", "POST",
        "status", "400", "type", "validation-error")).isEqualTo(1);
    assertThat(m.value("paygate_http_problems_total", "route", "/api/history/{id}", "method",
        "GET", "status", "404", "type", "not-found")).isEqualTo(1);
    assertThat(m.value("paygate_http_problems_total", "route", "/api/history", "status", "429",
        "type", "rate-limited")).isEqualTo(1);
    assertThat(m.value("paygate_http_problems_total", "route", "/login", "status", "401"))
        .isEqualTo(3);
    assertThat(m.value("paygate_http_problems_total", "route", "unmatched", "status", "400",
        "type", "bad-request")).as("answered by Jetty's error handler").isEqualTo(1);
    // Never a raw path: no id in any route.
    assertThat(m.all("paygate_http_problems_total"))
        .allSatisfy(s -> assertThat(s.labels().get("route")).doesNotMatch(".*[0-9a-f]{8}-.*"));
  }

  @Test
  void loginsLockoutsAndRateLimitsAreCounted() {
    PrometheusText m = scrape();
    assertThat(m.value("paygate_logins_total", "outcome", "failure")).isEqualTo(2);
    assertThat(m.value("paygate_logins_total", "outcome", "locked")).isEqualTo(1);
    assertThat(m.value("paygate_logins_total", "outcome", "success")).isEqualTo(1);
    assertThat(m.value("paygate_login_lockouts_total")).isEqualTo(1);
    assertThat(m.value("paygate_rate_limit_rejections_total", "limit", "merchant")).isEqualTo(1);
    assertThat(m.value("paygate_rate_limit_rejections_total", "limit", "login")).isZero();
  }

  @Test
  void databaseGroupCommitReconciliationAndJvmAreMeasured() {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        scrape().value("paygate_reconciliation_runs_total", "outcome", "completed"))
        .as("the run at start-up").isGreaterThanOrEqualTo(1));
    // The GC meters appear with the first collection the registry hears of.
    System.gc();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(scrape().names()).contains("jvm_gc_pause_seconds_count"));
    PrometheusText m = scrape();
    assertThat(m.value("paygate_db_group_commit_size_writes_count")).isPositive();
    assertThat(m.value("paygate_db_group_commit_size_writes_sum"))
        .as("two writes per payment at least").isGreaterThanOrEqualTo(6);
    assertThat(m.value("paygate_db_group_commit_duration_seconds_count")).isPositive();
    assertThat(m.value("paygate_db_size_bytes")).isPositive();
    assertThat(m.value("hikaricp_connections_max", "pool", "paygate-db")).isEqualTo(16);
    assertThat(m.find("hikaricp_connections_active", "pool", "paygate-db")).isPresent();
    assertThat(m.names()).contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds_count",
        "process_cpu_usage", "jetty_connections_current_connections");
  }

  @Test
  void openMetricsWhenTheScraperAsksForIt() {
    Http.Answer a = gw.http().send(gw.http().request("/metrics", TestGateway.OPERATOR_KEY)
        .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;q=0.5").GET()
        .build());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Content-Type").replace(" ", "").split(";"))
        .containsExactlyInAnyOrder("application/openmetrics-text", "version=1.0.0", "charset=utf-8");
    assertThat(a.body()).endsWith("# EOF\n");
    assertThat(PrometheusText.parse(a.body()).value("paygate_payments_total", "outcome",
        "authorised", "acquirer", ACQUIRER, "currency", "EUR")).isEqualTo(1);
  }

  @Test
  void onlyTheOperatorMayScrape() {
    Http.Answer none = gw.http().get("/metrics", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.string("type")).endsWith("/unauthorized");
    assertThat(gw.http().get("/metrics", "not-the-operator-key-at-all-0000").status())
        .isEqualTo(401);
    Http.Answer merchant = gw.http().get("/metrics", gw.newMerchantToken());
    assertThat(merchant.status()).isEqualTo(403);
    assertThat(merchant.string("type")).endsWith("/forbidden");
    assertThat(merchant.body()).doesNotContain("paygate_");
  }
}
