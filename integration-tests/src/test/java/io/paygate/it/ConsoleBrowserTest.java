package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in a real browser against a real gateway, as a merchant uses it: sign in, pay,
 * see a field error, page through the history, open a payment, sign out. Screenshots of each page
 * go to target/screenshots/.
 */
class ConsoleBrowserTest extends ConsoleTestBase {
  private static final String CVV = "7319";
  /** The CVV as a number of its own, not four hex digits inside an id. */
  private static final Pattern CVV_ALONE = Pattern.compile("(?<![0-9A-Fa-f])" + CVV + "(?![0-9A-Fa-f])");

  @Test void aMerchantPaysWithAnAuthorisedAndADeclinedCardAndNoCardDataStaysInTheBrowser() {
    String login = gateway.createMerchant();
    browser.open("/");
    browser.screenshot("01-login");
    signIn(login);

    browser.go("#/pay");
    browser.waitForHeading("New payment");
    fillPayment("Santa Claus", TestCards.AUTHORISED, "42.50", "EUR");
    browser.screenshot("03-new-payment-form");
    browser.find("#pay-button").click();
    WebElement outcome = browser.find("#pay-result .outcome");
    assertThat(outcome.getAttribute("data-status")).isEqualTo("Authorised");
    assertThat(outcome.getText()).contains("Payment authorised", "42.50 EUR", "411111******1111");
    browser.screenshot("04-payment-authorised");
    assertNoCardData(TestCards.AUTHORISED);

    fillPayment("Santa Claus", TestCards.DECLINED, "10", "USD");
    browser.find("#pay-button").click();
    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("#pay-result .outcome"),
        "data-status", "Declined"));
    assertThat(browser.find("#pay-result .outcome").getText()).contains("Payment declined", "10.00 USD");
    assertNoCardData(TestCards.DECLINED);

    browser.find("a[href='#/payments']").click();
    browser.waitForHeading("Payments");
    List<WebElement> rows = browser.all("tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("10.00 USD", "Declined", "400000******0002");
    assertThat(rows.get(1).getText()).contains("42.50 EUR", "Authorised", "411111******1111");
    browser.screenshot("02-payments-two");
    assertNoCardData(TestCards.AUTHORISED);
    assertNoCardData(TestCards.DECLINED);
  }

  @Test void aBadCardNumberIsNamedNextToItsFieldAndNothingIsPaid() {
    String login = gateway.createMerchant();
    signIn(login);
    browser.go("#/pay");
    browser.waitForHeading("New payment");
    fillPayment("Santa Claus", TestCards.BAD_CHECK_DIGIT, "42.50", "EUR");
    browser.find("#pay-button").click();

    WebElement error = browser.find("#error-cardnumber");
    assertThat(error.getText()).contains("is not a valid card number");
    WebElement card = browser.find("#f-cardnumber");
    assertThat(card.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(card.getAttribute("aria-describedby")).isEqualTo("error-cardnumber");
    // The error sits in the card number's own field, and the focus goes there.
    assertThat(browser.all(".field:has(#f-cardnumber) .field-error")).hasSize(1);
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("f-cardnumber");
    assertThat(browser.all(".field-error")).hasSize(1);
    browser.screenshot("05-field-error");
    assertThat(history(login)).isEmpty();
  }

  @Test void aDoubleClickOnPayPaysOnce() {
    String login = gateway.createMerchant();
    signIn(login);
    browser.go("#/pay");
    browser.waitForHeading("New payment");
    fillPayment("Santa Claus", TestCards.AUTHORISED, "99.99", "EUR");
    new Actions(browser.driver()).doubleClick(browser.find("#pay-button")).perform();
    browser.find("#pay-result .outcome");
    assertThat(history(login)).hasSize(1);
    assertThat(history(login).get(0)).containsEntry("status", "Authorised");
  }

  @Test void sixtyPaymentsArePagedByTheApisCursorAndOneOpens() {
    String login = gateway.createMerchant();
    String token = token(login);
    for (int i = 1; i <= 60; i++) {
      String card = i % 2 == 1 ? TestCards.AUTHORISED : TestCards.DECLINED;
      HttpResponse<String> a = gateway.post("/api/process", token, "{\"cardnumber\":\"" + card
          + "\",\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":" + (Year.now().getValue() + 2)
          + ",\"amount\":" + i + ".00,\"currency\":\"EUR\",\"cardholdername\":\"Customer " + i + "\"}");
      assertThat(a.statusCode()).isEqualTo(201);
    }
    signIn(login);

    Set<String> seen = new LinkedHashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    browser.screenshot("02-payments");
    while (true) {
      List<WebElement> links = browser.all("tbody a.payment-link");
      pageSizes.add(links.size());
      links.forEach(a -> seen.add(a.getAttribute("data-id")));
      List<WebElement> older = browser.all("#older");
      if (older.isEmpty()) break;
      String first = links.get(0).getAttribute("data-id");
      older.get(0).click();
      browser.waitFor(ExpectedConditions.not(ExpectedConditions.attributeToBe(
          By.cssSelector("tbody a.payment-link"), "data-id", first)));
    }
    assertThat(pageSizes).containsExactly(20, 20, 20);
    assertThat(seen).hasSize(60);
    assertThat(browser.find("main h1").getText()).isEqualTo("Payments");
    assertThat(browser.find("caption").getText()).contains("page 3");

    // Back one page with "Newer", then open an authorised payment there.
    browser.find("#newer").click();
    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("caption"),
        "page 2"));
    WebElement authorised = browser.find("tbody tr:has(.badge-ok) a.payment-link");
    String id = authorised.getAttribute("data-id");
    assertThat(new ArrayList<>(seen).subList(20, 40)).contains(id);
    authorised.click();
    browser.waitFor(ExpectedConditions.textToBe(By.id("detail-id"), id));
    String detail = browser.find("dl.facts").getText();
    assertThat(detail).contains("Amount", ".00 EUR", "Card", "Bank reference", "Authorised");
    assertThat(browser.find("#detail-card").getText()).matches("\\d{6}\\*{6}\\d{4}");
    assertThat(browser.find("#detail-reference").getText()).isNotBlank().isNotEqualTo("—");
    browser.screenshot("06-payment-detail");
    // The browser's Back returns to the page the payment was opened from.
    browser.driver().navigate().back();
    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("caption"),
        "page 2"));
  }

  @Test void aCardholderNameIsShownAsTextAndNeverRunsAsMarkup() {
    String login = gateway.createMerchant();
    String name = "<img src=x onerror=alert(1)><b>Eve</b>";
    HttpResponse<String> paid = gateway.post("/api/process", token(login), "{\"cardnumber\":\""
        + TestCards.AUTHORISED + "\",\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":"
        + (Year.now().getValue() + 2) + ",\"amount\":5,\"currency\":\"EUR\",\"cardholdername\":\""
        + name + "\"}");
    assertThat(paid.statusCode()).isEqualTo(201);
    signIn(login);

    WebElement row = browser.find("tbody tr");
    assertThat(row.getText()).contains(name);
    assertThat(browser.all("main img, main b")).isEmpty();
    browser.find("tbody a.payment-link").click();
    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"),
        name));
    assertThat(browser.all("main img, main b")).isEmpty();
  }

  @Test void afterSigningOutThePagesAreRefused() {
    String login = gateway.createMerchant();
    signIn(login);
    browser.find("#logout").click();
    browser.waitForHeading("Sign in");
    assertThat(browser.find(".notice-ok").getText()).contains("You have signed out");

    browser.go("#/payments");
    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-info"),
        "Please sign in"));
    assertThat(browser.find("main h1").getText()).isEqualTo("Sign in");
    assertThat(browser.all("tbody tr")).isEmpty();
    browser.driver().navigate().back();
    assertThat(browser.find("main h1").getText()).isEqualTo("Sign in");
    browser.screenshot("07-signed-out");
    // The gateway ended the session too: the console revoked its refresh token.
    assertThat(auditEvents(login)).contains("logout");
  }

  @Test void thePagesFitAPhoneAndAreUsableByKeyboard() {
    String login = gateway.createMerchant();
    browser.phone(375, 812);
    try {
      browser.open("/");
      // Keyboard only: type the login, Tab to the password, Enter.
      WebElement loginField = browser.find("#f-login");
      assertThat(browser.script("return document.activeElement.id")).isEqualTo("f-login");
      loginField.sendKeys(login, Keys.TAB);
      browser.driver().switchTo().activeElement().sendKeys(LiveGateway.PASSWORD, Keys.ENTER);
      browser.waitForHeading("Payments");
      browser.go("#/pay");
      browser.waitForHeading("New payment");
      // Nothing wider than the screen: no sideways scrolling of the page.
      assertThat(browser.script("return window.innerWidth")).isEqualTo(375L);
      assertThat(browser.script("return document.documentElement.scrollWidth")).isEqualTo(375L);
      browser.screenshot("11-phone-new-payment");
    } finally {
      browser.desktop();
    }
  }

  private void fillPayment(String holder, String card, String amount, String currency) {
    browser.type("#f-cardholdername", holder);
    browser.type("#f-cardnumber", card);
    browser.type("#f-expiryyear", String.valueOf(Year.now().getValue() + 2));
    browser.type("#f-cvv", CVV);
    browser.type("#f-amount", amount);
    new org.openqa.selenium.support.ui.Select(browser.find("#f-currency")).selectByValue(currency);
  }

  /**
   * After an answer, neither the card number (as typed, or as digits) nor the CVV is in the
   * browser's storage, the page's HTML, its form fields or its console log.
   */
  private void assertNoCardData(String typedCard) {
    String digits = typedCard.replace(" ", "");
    String storage = (String) browser.script("const all = {};"
        + "for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) {"
        + "  all[s.key(i)] = s.getItem(s.key(i)); }"
        + "return JSON.stringify(all) + document.cookie;");
    String html = (String) browser.script("return document.documentElement.outerHTML");
    String fields = (String) browser.script(
        "return [...document.querySelectorAll('input')].map(i => i.value).join('|')");
    String log = String.join("\n", browser.consoleLog());
    for (String place : List.of(storage, html, fields, log)) {
      assertThat(place).doesNotContain(digits).doesNotContain(typedCard);
      assertThat(CVV_ALONE.matcher(place).find()).as("the CVV in %s", place).isFalse();
    }
    assertThat(storage).isEqualTo("{}");
  }
}
