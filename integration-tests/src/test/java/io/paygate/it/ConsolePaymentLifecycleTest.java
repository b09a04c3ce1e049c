package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A payment's lifecycle in the console: a merchant pays and captures at once through the API,
 * refunds part of it, and the payment's page (GET /api/payments/{id}) shows the capture and the
 * refund in major units and what is left to refund. Screenshot in target/screenshots/.
 */
class ConsolePaymentLifecycleTest extends ConsoleTestBase {

  @Test void aCapturedAndPartlyRefundedPaymentShowsItsOperationsAndWhatIsLeftToRefund() {
    String login = gateway.createMerchant();
    String token = token(login);
    HttpResponse<String> paid = gateway.post("/api/process", token, "{\"cardnumber\":\""
        + TestCards.AUTHORISED + "\",\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":"
        + (Year.now().getValue() + 2) + ",\"amount\":42.50,\"currency\":\"EUR\","
        + "\"cardholdername\":\"Santa Claus\",\"capture\":true}");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(paid.headers().firstValue("Capture-Status")).hasValue("Succeeded");
    String id = (String) ((Map<?, ?>) json(paid.body())).get("id");

    HttpResponse<String> refund = postWithKey("/api/payments/" + id + "/refunds", token,
        "{\"amount\":1250,\"currency\":\"EUR\"}");
    assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
    assertThat(((Map<?, ?>) json(refund.body())).get("status")).isEqualTo("Succeeded");

    signIn(login);
    browser.go("#/payments/" + id);
    browser.waitFor(ExpectedConditions.textToBe(By.id("detail-id"), id));
    assertThat(browser.find("main h1").getText()).isEqualTo("Payment of 42.50 EUR");
    assertThat(browser.find("#detail-captured").getText()).isEqualTo("42.50 EUR");
    assertThat(browser.find("#detail-refunded").getText()).isEqualTo("12.50 EUR");
    assertThat(browser.find("#detail-capturable").getText()).isEqualTo("0.00 EUR");
    assertThat(browser.find("#detail-refundable").getText()).isEqualTo("30.00 EUR");
    assertThat(browser.find("dl.facts").getText()).contains("PartiallyRefunded");

    List<WebElement> rows = browser.all("tr.operation");
    assertThat(rows).extracting(r -> r.getAttribute("data-type"))
        .containsExactly("capture", "refund");
    assertThat(rows.get(0).getText()).contains("capture", "42.50 EUR", "Succeeded");
    assertThat(rows.get(1).getText()).contains("refund", "12.50 EUR", "Succeeded");
    assertThat(rows.get(1).getText()).doesNotContain("1250");
    // The totals and the operations in one picture: from "Captured" down to the table's end.
    browser.script("document.getElementById('detail-captured').scrollIntoView({block: 'start'})");
    browser.screenshot("19-payment-captured-and-refunded");
  }

  /** A POST with a fresh {@code Idempotency-Key}, as the operations require. */
  private static HttpResponse<String> postWithKey(String path, String bearer, String json) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
          .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + bearer)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
