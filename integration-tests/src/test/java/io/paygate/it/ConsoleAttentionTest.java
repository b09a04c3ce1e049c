package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator's "Needs attention" page against a gateway whose bank is slower than the gateway
 * waits: every payment is answered 202 Unknown, stays so (no reconciliation run after the
 * first), and is listed for the operator, page by page, who settles one by hand in the browser.
 */
@ConsoleTestBase.GatewaySettings({"acquirer.piggybank.simulatorDelay=1500ms",
    "acquirer.timeout=300ms", "reconcile.margin=100ms", "reconcile.interval=1h"})
class ConsoleAttentionTest extends ConsoleTestBase {
  @Test void theOperatorSeesAnUnknownPaymentAndSettlesItByHand() {
    String login = gateway.createMerchant();
    String token = token(login);
    HttpResponse<String> answer = gateway.post("/api/process", token,
        ConsoleOperatorTest.paymentJson(TestCards.AUTHORISED, 7));
    assertThat(answer.statusCode()).isEqualTo(202);
    String id = answer.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    signInOperator();

    // Listed once it is older than the bank timeout plus the margin.
    await().atMost(Duration.ofSeconds(15)).until(() -> get("/admin/payments/attention",
        LiveGateway.OPERATOR_KEY).body().contains(id));
    browser.go("#/operator/attention");
    browser.waitForHeading("Payments needing attention");
    WebElement row = browser.find("tr[data-payment='" + id + "']");
    assertThat(row.getText()).contains("Outcome unknown, past the bank timeout", "Unknown",
        "PiggyBank", "7.00 EUR");
    browser.screenshot("15-operator-attention");

    row.findElement(By.cssSelector("button.settle-button")).click();
    browser.find("#settle-form[data-payment='" + id + "']");
    // Nothing chosen, no reason: the gateway's field errors appear next to both fields.
    browser.find("#settle-button").click();
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error-reason")));
    assertThat(browser.find("#error-status").getText()).isNotBlank();
    assertThat(browser.find("#f-status").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#f-reason").getAttribute("aria-describedby")).isEqualTo("error-reason");
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("f-status");
    browser.screenshot("16-operator-settle-errors");

    browser.find("#f-status option[value='Declined']").click();
    browser.type("#f-reason", "Piggy Bank confirmed by phone: declined, ref PB-77");
    browser.type("#f-operator", "alice");
    browser.find("#settle-button").click();
    browser.waitFor(d -> browser.find("main .notice-ok").getText()
        .contains("settled as Declined") ? true : null);
    assertThat(browser.all("tr[data-payment='" + id + "']")).isEmpty();
    browser.screenshot("17-operator-settled");

    // The merchant sees the outcome the operator set, and the audit log says who and why.
    Map<String, Object> payment = history(login).get(0);
    assertThat(payment).containsEntry("id", id).containsEntry("status", "Declined")
        .containsEntry("errorCode", "settled_by_hand");
    HttpResponse<String> audit = get("/admin/audit?event=payment.settled", LiveGateway.OPERATOR_KEY);
    assertThat(audit.body()).contains("alice", "PB-77");
  }

  @Test void theAttentionListComesInPagesByTheApisNextLink() {
    String token = token(gateway.createMerchant());
    Set<String> mine = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> answer = gateway.post("/api/process", token,
          ConsoleOperatorTest.paymentJson(TestCards.AUTHORISED, i));
      assertThat(answer.statusCode()).isEqualTo(202);
      mine.add(answer.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> {
      String listed = get("/admin/payments/attention?limit=200", LiveGateway.OPERATOR_KEY).body();
      return mine.stream().allMatch(listed::contains);
    });
    signInOperator();

    // Two a page: every payment on one page only, the last page without a "More" link.
    browser.go("#/operator/attention?page="
        + URLEncoder.encode("/admin/payments/attention?limit=2", StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<WebElement> rows = browser.waitFor(d -> {
        List<WebElement> r = d.findElements(By.cssSelector("tr[data-payment]"));
        return r.isEmpty() ? null : r;
      });
      assertThat(rows).hasSizeLessThanOrEqualTo(2);
      rows.forEach(r -> seen.add(r.getAttribute("data-payment")));
      List<WebElement> more = browser.all("#older");
      if (more.isEmpty()) break;
      assertThat(page).isLessThan(10);
      String before = rows.get(0).getAttribute("data-payment");
      more.get(0).click();
      browser.waitFor(d -> d.findElements(By.cssSelector("tr[data-payment='" + before + "']"))
          .isEmpty() ? true : null);
    }
    assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
  }
}
