package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console as the operator uses it, in a real browser against a real gateway: the live
 * charts, the merchants (disable, enable), the audit log, the acquirers. Screenshots of each page
 * go to target/screenshots/.
 */
class ConsoleOperatorTest extends ConsoleTestBase {
  @Test void theOperatorReadsTheAuditLogAMerchantAndTheAcquirers() {
    String login = gateway.createMerchant();
    String merchantId = merchantIdOf(login);
    signInOperator();

    browser.go("#/operator/audit");
    browser.waitForHeading("Audit log");
    browser.type("#f-event", "merchant.created");
    browser.find("#audit-filters button[type=submit]").click();
    browser.waitFor(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("tbody tr"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> "merchant.created".equals(
          r.getAttribute("data-event"))) ? rows : null;
    });
    browser.screenshot("08-operator-audit");

    WebElement merchantLink = browser.find("tbody a[href='#/operator/merchants/" + merchantId + "']");
    merchantLink.click();
    browser.waitFor(ExpectedConditions.textToBe(By.id("merchant-id"), merchantId));
    assertThat(browser.find("main").getText()).contains("Latest activity", "merchant.created");
    browser.screenshot("09-operator-merchant");

    browser.go("#/operator/acquirers");
    browser.waitForHeading("Acquirers");
    WebElement piggy = browser.find("tr[data-acquirer='PiggyBank']");
    assertThat(piggy.getText()).contains("PiggyBank", "UP");
    browser.screenshot("10-operator-acquirers");
  }

  @Test void theLiveChartsShowThroughputOutcomesAndLatencyFromTheMetrics() {
    String token = token(gateway.createMerchant());
    signInOperator();
    browser.go("#/operator/live");
    browser.waitForHeading("Live");
    browser.find("#chart-throughput");
    // Payments after the page's first scrape: a later scrape's point shows them.
    for (int i = 1; i <= 12; i++) {
      String card = i % 3 == 0 ? TestCards.DECLINED : TestCards.AUTHORISED;
      assertThat(gateway.post("/api/process", token, paymentJson(card, i)).statusCode())
          .isEqualTo(201);
    }
    // The first scrape after the payments: both outcomes above zero. Later ones go back to 0.
    Map<String, Double> seen = browser.waitFor(d -> {
      Map<String, Double> now = Map.of("authorised", latest("#chart-outcomes", "authorised"),
          "declined", latest("#chart-outcomes", "declined"),
          "all", latest("#chart-throughput", "all"), "p50", latest("#chart-latency", "p50"),
          "p95", latest("#chart-latency", "p95"), "p99", latest("#chart-latency", "p99"));
      return now.get("authorised") > 0 && now.get("declined") > 0 ? now : null;
    });
    browser.screenshot("12-operator-live");
    assertThat(seen.get("all")).isPositive();
    // Latency as figures, not only as lines: p50 <= p95 <= p99, in milliseconds.
    assertThat(seen.get("p50")).isPositive().isLessThanOrEqualTo(seen.get("p95"));
    assertThat(seen.get("p95")).isLessThanOrEqualTo(seen.get("p99"));
    browser.waitFor(d -> browser.find("#live-totals").getText().matches(
        "(?s).*Payments since start\\s+12\\b.*Authorised\\s+8\\b.*Declined\\s+4\\b.*") ? true : null);
  }

  @Test void theOperatorListsMerchantsOpensOneDisablesItAndEnablesIt() {
    String login = gateway.createMerchant();
    String merchantId = merchantIdOf(login);
    String token = token(login);
    assertThat(get("/api/history", token).statusCode()).isEqualTo(200);
    signInOperator();

    browser.go("#/operator/merchants");
    browser.waitForHeading("Merchants");
    WebElement row = browser.find("tr[data-merchant='" + merchantId + "']");
    assertThat(row.getText()).contains("Shop " + login, login, "PiggyBank", "Active");
    browser.screenshot("13-operator-merchants");

    row.findElement(By.cssSelector("a")).click();
    browser.waitFor(ExpectedConditions.textToBe(By.id("merchant-id"), merchantId));
    browser.waitForHeading("Merchant Shop " + login);
    assertThat(browser.find(".facts").getText()).contains(login, "PiggyBank", "Active");

    browser.find("#disable").click();
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("enable")));
    assertThat(browser.find(".facts").getText()).contains("Disabled");
    browser.screenshot("14-operator-merchant-disabled");
    // The merchant's very next call with the token it already had is refused.
    HttpResponse<String> refused = get("/api/history", token);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("merchant-disabled");
    assertThat(gateway.post("/login", null, "{\"login\":\"" + login + "\",\"password\":\""
        + LiveGateway.PASSWORD + "\"}").statusCode()).isEqualTo(401);

    browser.find("#enable").click();
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("disable")));
    assertThat(browser.find(".facts").getText()).contains("Active");
    assertThat(get("/api/history", token(login)).statusCode()).isEqualTo(200);

    browser.go("#/operator/merchants");
    browser.waitFor(d -> browser.find("tr[data-merchant='" + merchantId + "']").getText()
        .contains("Active") ? true : null);
  }

  @Test void theOperatorUnlocksAMerchantLockedOutByWrongPasswords() {
    String login = gateway.createMerchant();
    String merchantId = merchantIdOf(login);
    String wrong = "{\"login\":\"" + login + "\",\"password\":\"not the password 1\"}";
    for (int i = 0; i < 10; i++) {
      assertThat(gateway.post("/login", null, wrong).statusCode()).isEqualTo(401);
    }
    // Locked: the right password is refused as a wrong one would be.
    String right = "{\"login\":\"" + login + "\",\"password\":\"" + LiveGateway.PASSWORD + "\"}";
    assertThat(gateway.post("/login", null, right).statusCode()).isEqualTo(401);
    signInOperator();

    browser.go("#/operator/merchants/" + merchantId);
    browser.waitFor(ExpectedConditions.textToBe(By.id("merchant-id"), merchantId));
    assertThat(browser.find(".facts").getText()).contains("Locked");
    assertThat(browser.find("#locked-until").getText()).contains("locked");
    browser.screenshot("18-operator-merchant-locked");

    browser.find("#unlock").click();
    browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("unlock")));
    assertThat(browser.find(".facts").getText()).contains("Active");
    assertThat(gateway.post("/login", null, right).statusCode()).isEqualTo(200);
  }

  /** The latest value a chart's legend writes for a series, or -1 while it has none. */
  private static double latest(String chart, String series) {
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(series) + ": ([0-9.]+)")
        .matcher(browser.find(chart + " .legend").getText());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  static String paymentJson(String card, int amount) {
    return "{\"cardnumber\":\"" + card + "\",\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":"
        + (Year.now().getValue() + 2) + ",\"amount\":" + amount
        + ",\"currency\":\"EUR\",\"cardholdername\":\"Live " + amount + "\"}";
  }
}
