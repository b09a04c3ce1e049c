package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console's files as the gateway serves them: the page at {@code /}, its files under
 * {@code /console/}, each with its content type, the console's strict Content-Security-Policy and
 * cache headers; and the API's own answers unchanged around them. (The pages themselves are
 * driven in a real browser by integration-tests' ConsoleBrowserTest.)
 */
class ConsoleServingTest {
  static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
      + " form-action 'self'";

  @TempDir static Path dir;
  static TestGateway gw;
  static Http http;

  @BeforeAll static void start() {
    gw = TestGateway.start(dir, Map.of());
    http = gw.http();
  }

  @AfterAll static void stop() {
    gw.close();
  }

  @Test
  void thePageIsServedAtTheRootWithTheConsolesPolicyAndNeverCached() {
    Http.Answer page = http.get("/", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(page.header("Content-Security-Policy")).isEqualTo(CONSOLE_POLICY);
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/main.js\">");
  }

  @Test
  void thePageHasNoInlineScriptOrStyleAndLoadsOnlyItsOwnFiles() {
    String html = http.get("/", null).body();

    // The policy forbids inline code; the page must not need any.
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    assertThat(html).doesNotContain("<style").doesNotContain(" style=")
        .doesNotContainPattern("\\son[a-z]+=");
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
    int files = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref).as("everything from the jar, nothing from elsewhere").startsWith("/console/");
      assertThat(http.get(ref, null).status()).as(ref).isEqualTo(200);
      files++;
    }
    assertThat(files).isGreaterThanOrEqualTo(3);
  }

  @Test
  void filesHaveTheirContentTypesAndAreRevalidatedByETag() {
    Map<String, String> types = Map.of(
        "/console/js/main.js", "text/javascript;charset=utf-8",
        "/console/css/console.css", "text/css;charset=utf-8",
        "/console/img/favicon.svg", "image/svg+xml;charset=utf-8");
    types.forEach((path, type) -> {
      Http.Answer file = http.get(path, null);
      assertThat(file.status()).as(path).isEqualTo(200);
      assertThat(file.header("Content-Type")).as(path).isEqualTo(type);
      assertThat(file.header("Content-Security-Policy")).as(path).isEqualTo(CONSOLE_POLICY);
      assertThat(file.header("Cache-Control")).as(path).isEqualTo("no-cache");
      String etag = file.header("ETag");
      assertThat(etag).as(path).isNotBlank();

      Http.Answer again = http.send(http.request(path, null).header("If-None-Match", etag).build());
      assertThat(again.status()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    });
  }

  @Test
  void unknownPathsStayTheApisProblemAnswers() {
    for (String path : List.of("/console/no-such-file.js", "/no-such-path", "/console/",
        "/index.html", "/console/../pom.xml", "/console/%2e%2e/openapi.json")) {
      Http.Answer a = http.get(path, null);
      assertThat(a.status()).as(path).isIn(400, 404);
      assertThat(a.header("Content-Type")).as(path).isEqualTo("application/problem+json");
      assertThat(a.header("Content-Security-Policy")).as(path)
          .isEqualTo("default-src 'none'; frame-ancestors 'none'");
      assertThat(a.header("Cache-Control")).as(path).isEqualTo("no-store");
    }
  }

  @Test
  void classFilesAndOtherResourcesOfTheJarAreNotServed() {
    for (String path : List.of("/console/io/paygate/gateway/Gateway.class",
        "/console/openapi.json", "/console/logback.xml", "/console/db/migration")) {
      assertThat(http.get(path, null).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void theApiIsAnsweredAsBeforeBesideTheConsole() {
    Http.Answer health = http.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.header("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    // Only GET and HEAD reach the console's files: a POST to the page is the API's to refuse.
    Http.Answer post = http.post("/", null, "{}");
    assertThat(post.status()).isIn(404, 405);
    assertThat(post.header("Content-Type")).isEqualTo("application/problem+json");
  }
}
