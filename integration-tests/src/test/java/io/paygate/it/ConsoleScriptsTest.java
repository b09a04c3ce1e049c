package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's modules that compute rather than draw, run in the real browser as the console
 * loads them: the Prometheus text parser and the rates and quantiles of the live charts (on a
 * fixed exposition), the Link header reader that paging follows, amounts shown as written, and
 * minor units turned into the currency's major-unit decimal.
 */
class ConsoleScriptsTest extends ConsoleTestBase {
  /** Two scrapes 10 s apart, as Micrometer's Prometheus registry writes them. */
  static final String BEFORE = String.join("\n",
      "# HELP paygate_payments_total payments processed, by outcome",
      "# TYPE paygate_payments_total counter",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"EUR\",outcome=\"authorised\",} 100.0",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"USD\",outcome=\"authorised\",} 50.0",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"EUR\",outcome=\"declined\",} 20.0",
      "# TYPE paygate_payment_duration_seconds histogram",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"0.01\",} 10.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"0.1\",} 100.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"1.0\",} 150.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"+Inf\",} 150.0",
      "paygate_payment_duration_seconds_count{outcome=\"authorised\",} 150.0",
      "paygate_payment_duration_seconds_sum{outcome=\"authorised\",} 6.0",
      "paygate_label_escapes{path=\"a\\\\b \\\"q\\\" \\n end\",} NaN 1700000000000",
      "");
  static final String AFTER = String.join("\n",
      "# TYPE paygate_payments_total counter",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"EUR\",outcome=\"authorised\",} 180.0",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"USD\",outcome=\"authorised\",} 70.0",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"EUR\",outcome=\"declined\",} 30.0",
      "paygate_payments_total{acquirer=\"PiggyBank\",currency=\"EUR\",outcome=\"unknown\",} 5.0",
      "# TYPE paygate_payment_duration_seconds histogram",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"0.01\",} 10.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"0.1\",} 150.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"1.0\",} 250.0",
      "paygate_payment_duration_seconds_bucket{outcome=\"authorised\",le=\"+Inf\",} 250.0",
      "paygate_payment_duration_seconds_count{outcome=\"authorised\",} 250.0",
      "paygate_payment_duration_seconds_sum{outcome=\"authorised\",} 31.0",
      "");

  @BeforeAll static void openTheConsole() {
    browser.open("/");
  }

  /** Imports a console module in the page and returns what {@code body} (given m) returns. */
  private static Object inModule(String module, String body, Object... args) {
    return browser.asyncScript("const done = arguments[arguments.length - 1];"
        + "const args = [...arguments].slice(0, -1);"
        + "import('/console/js/" + module + "').then(m => done((function () {" + body + "})(m)),"
        + " e => done('failed: ' + e));", args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  @Test void theParserReadsSamplesLabelsEscapesAndSpecialValues() {
    Object parsed = inModule("prom.js", "const p = arguments[0].parse(args[0]);"
        + "const esc = p.samples.find(s => s.name === 'paygate_label_escapes');"
        + "return {types: p.types, count: p.samples.length,"
        + " first: p.samples[0], escaped: esc.labels.path, nan: Number.isNaN(esc.value),"
        + " inf: p.samples.find(s => s.labels.le === '+Inf').labels.le};", BEFORE);

    Map<String, Object> p = map(parsed);
    assertThat(map(p.get("types"))).containsEntry("paygate_payments_total", "counter")
        .containsEntry("paygate_payment_duration_seconds", "histogram");
    assertThat(p.get("count")).isEqualTo(10L);
    assertThat(map(p.get("first"))).containsEntry("name", "paygate_payments_total")
        .containsEntry("value", 100L);
    assertThat(map(map(p.get("first")).get("labels")))
        .containsEntry("outcome", "authorised").containsEntry("currency", "EUR");
    assertThat(p.get("escaped")).isEqualTo("a\\b \"q\" \n end");
    assertThat(p.get("nan")).isEqualTo(true);
    assertThat(p.get("inf")).isEqualTo("+Inf");
  }

  @Test void aMalformedLineIsAnErrorNamingTheLine() {
    Object error = inModule("prom.js", "try { arguments[0].parse(args[0]); return 'parsed'; }"
        + " catch (e) { return e.message; }", "# TYPE x counter\nx{a=\"1\"} 1\nx{a=\"2\" 2\n");
    assertThat(error).asString().startsWith("line 3:");
  }

  @Test void ratesAreThePerSecondIncreaseByOutcomeAndSurviveAReset() {
    Object rates = inModule("prom.js", "const m = arguments[0];"
        + "const a = m.parse(args[0]), b = m.parse(args[1]);"
        + "return {byOutcome: m.rates(a, b, 10, 'paygate_payments_total', 'outcome'),"
        + " afterReset: m.rates(b, a, 10, 'paygate_payments_total', 'outcome')};", BEFORE, AFTER);

    Map<String, Object> r = map(rates);
    // authorised: (180 + 70) - (100 + 50) = 100 in 10 s; declined 10; unknown is new: 5.
    assertThat(map(r.get("byOutcome"))).containsEntry("authorised", 10L)
        .containsEntry("declined", 1L).containsEntry("unknown", 0.5);
    // A counter that went down was restarted: what it counts now is the increase.
    assertThat(map(r.get("afterReset"))).containsEntry("authorised", 15L)
        .containsEntry("declined", 2L);
  }

  @Test void quantilesAndTheMeanComeFromTheIntervalsBuckets() {
    Object q = inModule("prom.js", "const m = arguments[0];"
        + "const a = m.parse(args[0]), b = m.parse(args[1]);"
        + "const d = 'paygate_payment_duration_seconds';"
        + "return [m.quantile(a, b, d, 0.5), m.quantile(a, b, d, 0.9), m.mean(a, b, d),"
        + " m.quantile(a, a, d, 0.5)];", BEFORE, AFTER);

    // In the interval: 0 at or under 10 ms, 50 up to 100 ms, 50 more up to 1 s (100 in all).
    // The median is the 50th: the top of the 10-100 ms bucket. The 90th is 4/5 into 0.1-1 s.
    List<Object> values = list(q);
    assertThat(((Number) values.get(0)).doubleValue()).isCloseTo(0.1, offset(1e-9));
    assertThat(((Number) values.get(1)).doubleValue()).isCloseTo(0.82, offset(1e-9));
    assertThat(((Number) values.get(2)).doubleValue()).isCloseTo(0.25, offset(1e-9));
    assertThat(values.get(3)).as("nothing observed").isNull();
  }

  @Test void pagingFollowsTheNextLinkOfTheLinkHeader() {
    Object links = inModule("api.js", "const n = arguments[0].nextLink; return ["
        + "n('</api/history?limit=20&cursor=abc>; rel=\"next\"'),"
        + "n('</a>; rel=\"prev\", </b?x=1>; rel=\"next\"'),"
        + "n('</a>; rel=\"prev\"'), n(null)];");
    assertThat(list(links)).containsExactly("/api/history?limit=20&cursor=abc", "/b?x=1", null,
        null);
  }

  @Test void amountsAreShownAsWrittenWithTheCurrencysDecimals() {
    Object shown = inModule("dom.js", "const money = arguments[0].money; return ["
        + "money('42.50', 'EUR'), money(42.5, 'EUR'), money(10, 'USD'), money(1000, 'JPY'),"
        + "money('0.001', 'BHD'), money('12345678901234.99', 'EUR')];");
    assertThat(list(shown)).containsExactly("42.50 EUR", "42.50 EUR", "10.00 USD", "1000 JPY",
        "0.001 BHD", "12345678901234.99 EUR");
  }

  @Test void minorUnitsBecomeTheCurrencysMajorUnitDecimalWithoutRounding() {
    Object shown = inModule("dom.js", "const f = arguments[0].minorToMajor; return ["
        + "f(1250, 'EUR'), f(1250, 'JPY'), f(1250, 'KWD'), f(5, 'EUR'), f(0, 'EUR'),"
        + "f('1250', 'EUR'), f('900719925474099312', 'EUR'), f(-5, 'EUR'), f(7, 'KWD'),"
        + "arguments[0].minorMoney('3000', 'EUR'),"
        + "(() => { try { return f('12.5', 'EUR'); } catch (e) { return e.message; } })()];");
    // 900719925474099312 is past Number.MAX_SAFE_INTEGER: floating point would change a digit.
    assertThat(list(shown)).containsExactly("12.50", "1250", "1.250", "0.05", "0.00", "12.50",
        "9007199254740993.12", "-0.05", "0.007", "30.00 EUR",
        "not a whole number of minor units: 12.5");
  }

  @Test void amountsInAnswersStayTheDecimalTextTheGatewayWrote() {
    Object read = inModule("api.js", "return arguments[0].readJson(args[0]);",
        "{\"amount\":42.50,\"other\":1.50,\"list\":[{\"amount\":0.10}]}");
    Map<String, Object> r = map(read);
    assertThat(r.get("amount")).isEqualTo("42.50");
    assertThat((map(list(r.get("list")).get(0))).get("amount")).isEqualTo("0.10");
    assertThat(r.get("other")).isEqualTo(1.5);
  }

  @Test void aChartDrawsEachSeriesAndWritesItsLatestValueAsText() {
    Object drawn = inModule("chart.js", "const c = arguments[0].lineChart({id: 't', title: 'Outcomes',"
        + " unit: 'per second', points: 5});"
        + "c.add({authorised: 10, declined: 1}); c.add({authorised: 12, declined: 2, unknown: 0.5});"
        + "document.body.append(c.element);"
        + "const paths = [...c.element.querySelectorAll('path[data-series]')];"
        + "const out = {series: paths.map(p => p.dataset.series),"
        + " dashed: paths.map(p => p.getAttribute('stroke-dasharray')),"
        + " legend: c.element.querySelector('.legend').textContent,"
        + " label: c.element.querySelector('svg').getAttribute('aria-labelledby'),"
        + " caption: c.element.querySelector('figcaption').id};"
        + "c.element.remove(); return out;");
    Map<String, Object> d = map(drawn);
    assertThat(list(d.get("series"))).containsExactly("authorised", "declined", "unknown");
    // Colour is not the only cue: the second and third series are dashed, each its own way.
    assertThat(list(d.get("dashed"))).doesNotHaveDuplicates();
    assertThat((String) d.get("legend")).contains("authorised: 12.0", "declined: 2.0", "unknown: 0.5");
    assertThat(d.get("label")).isEqualTo(d.get("caption"));
  }

  @Test void aValueWithoutNeighboursIsADotNotAnInvisibleOnePointLine() {
    // The first scrape of the Live page, and a latency between two intervals with no payments.
    Object drawn = inModule("chart.js", "const c = arguments[0].lineChart({id: 'd', title: 'Latency',"
        + " unit: 'ms', points: 5});"
        + "c.add({p50: 12}); const first = [...c.element.querySelectorAll('circle[data-point]')]"
        + ".map(e => e.dataset.point);"
        + "c.add({p50: 14}); const joined = c.element.querySelectorAll('circle').length;"
        + "c.add({p50: null}); c.add({p50: 9});"
        + "const alone = c.element.querySelectorAll('circle[data-point=p50]').length;"
        + "return {first, joined, alone};");
    Map<String, Object> d = map(drawn);
    assertThat(list(d.get("first"))).containsExactly("p50");
    assertThat(((Number) d.get("joined")).intValue()).isZero();
    assertThat(((Number) d.get("alone")).intValue()).isEqualTo(1);
  }
}
