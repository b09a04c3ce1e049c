package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One real gateway and one headless Chromium for all the tests of a class (each starts in
 * seconds), and what the console's tests do often: sign in, and ask the API what the console did.
 */
abstract class ConsoleTestBase {
  @TempDir static Path dataDir;
  @TempDir static Path profileDir;
  static LiveGateway gateway;
  static Browser browser;

  /** Settings ({@code "key=value"}) a test class's gateway starts with, beside the usual ones. */
  @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)
  @interface GatewaySettings {
    String[] value();
  }

  @BeforeAll static void startGatewayAndBrowser(TestInfo info) {
    Map<String, String> settings = new HashMap<>();
    GatewaySettings extra = info.getTestClass().orElseThrow().getAnnotation(GatewaySettings.class);
    if (extra != null) {
      for (String pair : extra.value()) {
        settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    gateway = LiveGateway.start(dataDir, settings);
    browser = Browser.start(gateway.url(), profileDir);
  }

  @AfterAll static void stopGatewayAndBrowser() {
    if (browser != null) browser.close();
    if (gateway != null) gateway.close();
  }

  /** Opens the console afresh and signs in as this merchant. */
  static void signIn(String login) {
    browser.open("/");
    browser.type("#f-login", login);
    browser.type("#f-password", LiveGateway.PASSWORD);
    browser.find("#merchant-login button[type=submit]").click();
    browser.waitForHeading("Payments");
  }

  /** Opens the console afresh and signs in as the operator. */
  static void signInOperator() {
    browser.open("/");
    browser.type("#f-operatorKey", LiveGateway.OPERATOR_KEY);
    browser.find("#operator-login button[type=submit]").click();
    browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
  }

  static String token(String login) {
    HttpResponse<String> a = gateway.post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + LiveGateway.PASSWORD + "\"}");
    assertThat(a.statusCode()).isEqualTo(200);
    return a.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  /** The merchant's payments, from the API. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> history(String login) {
    HttpResponse<String> a = get("/api/history?limit=200", token(login));
    assertThat(a.statusCode()).isEqualTo(200);
    return (List<Map<String, Object>>) json(a.body());
  }

  @SuppressWarnings("unchecked")
  static List<String> auditEvents(String login) {
    HttpResponse<String> a = get("/api/audit?limit=50", token(login));
    return ((List<Map<String, Object>>) json(a.body())).stream()
        .map(e -> (String) e.get("event")).toList();
  }

  @SuppressWarnings("unchecked")
  static String merchantIdOf(String login) {
    HttpResponse<String> a = get("/api/audit?limit=1", token(login));
    List<Map<String, Object>> entries = (List<Map<String, Object>>) json(a.body());
    return (String) entries.get(0).get("merchantId");
  }

  static Object json(String body) {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  static HttpResponse<String> get(String path, String bearer) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
          .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + bearer).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
