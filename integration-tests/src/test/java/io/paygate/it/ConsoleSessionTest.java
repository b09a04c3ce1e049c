package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A console session over time, on a gateway whose clock the test moves: an expired access token
 * is renewed with the refresh token without the merchant noticing (a payment sent with it goes
 * through once), and a session whose refresh token has expired ends on the sign-in page.
 */
class ConsoleSessionTest {
  @TempDir static Path dataDir;
  @TempDir static Path profileDir;
  static final TokenLifecycleTest.MovableClock clock = new TokenLifecycleTest.MovableClock();
  static LiveGateway gateway;
  static Browser browser;

  @BeforeAll static void start() {
    gateway = LiveGateway.start(dataDir, Map.of(), clock);
    browser = Browser.start(gateway.url(), profileDir);
  }

  @AfterAll static void stop() {
    if (browser != null) browser.close();
    if (gateway != null) gateway.close();
  }

  @Test void anExpiredAccessTokenIsRenewedAndThePaymentGoesThroughOnce() {
    String login = gateway.createMerchant();
    signIn(login);
    browser.go("#/pay");
    browser.waitForHeading("New payment");
    // The access token lives 15 minutes (and a minute of leeway): this one is past it.
    clock.advance(Duration.ofMinutes(20));

    browser.type("#f-cardholdername", "Santa Claus");
    browser.type("#f-cardnumber", TestCards.AUTHORISED);
    browser.type("#f-expiryyear", String.valueOf(Year.now().getValue() + 2));
    browser.type("#f-cvv", "123");
    browser.type("#f-amount", "12.34");
    browser.find("#pay-button").click();

    browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("#pay-result .outcome"),
        "data-status", "Authorised"));
    browser.find("#outcome-link").click();
    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"),
        "12.34 EUR"));
    browser.go("#/payments");
    browser.waitForHeading("Payments");
    assertThat(browser.all("tbody tr")).hasSize(1);
  }

  @Test void aSessionWhoseRefreshTokenExpiredEndsOnTheSignInPage() {
    String login = gateway.createMerchant();
    signIn(login);
    // Refresh tokens live 30 days.
    clock.advance(Duration.ofDays(31));

    browser.go("#/pay");
    browser.waitForHeading("New payment");
    browser.go("#/payments");
    browser.waitForHeading("Sign in");
    assertThat(browser.find(".notice-info").getText()).contains("Your session has ended");
    assertThat(browser.all("#logout")).isEmpty();
  }

  private void signIn(String login) {
    browser.open("/");
    browser.type("#f-login", login);
    browser.type("#f-password", LiveGateway.PASSWORD);
    browser.find("#merchant-login button[type=submit]").click();
    browser.waitForHeading("Payments");
  }
}
