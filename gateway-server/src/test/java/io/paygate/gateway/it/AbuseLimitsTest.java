package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OWASP API4 (resource consumption) and API8 (misconfiguration): per-merchant rate limits, body
 * size, content type, methods, hostile JSON and absurd parameters, each answered quickly with a
 * problem that carries no stack trace and no class name.
 */
class AbuseLimitsTest {
  @TempDir static Path dir;
  static MutableClock clock = MutableClock.ofNow();
  static TestGateway gw;
  static String token;
  static final List<Http.Answer> ERRORS = new ArrayList<>();

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of("rate.limit.merchant.reads.per.second", "1000",
        "rate.limit.merchant.writes.per.second", "1000"), clock);
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
    // No error body of this class carries a stack trace or a class name.
    assertThat(ERRORS).isNotEmpty().allSatisfy(a -> assertThat(a.body())
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
        .doesNotContain("io.paygate").doesNotContain("org.glassfish").doesNotContain("jakarta.")
        .doesNotContain("org.eclipse").doesNotContain("com.squareup"));
  }

  @Test
  void eachMerchantIsRateLimitedOnItsOwnWithRetryAfter(@TempDir Path other) {
    MutableClock ownClock = MutableClock.ofNow();
    try (TestGateway limited = TestGateway.start(other,
        Map.of("rate.limit.merchant.reads.per.second", "3",
            "rate.limit.merchant.writes.per.second", "1"), ownClock)) {
      String a = limited.newMerchantToken();
      String b = limited.newMerchantToken();
      for (int i = 0; i < 3; i++) {
        assertThat(limited.http().get("/api/history", a).status()).isEqualTo(200);
      }
      Http.Answer refused = limited.http().get("/api/history", a);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");
      assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
      assertThat(refused.string("type")).endsWith("/rate-limited");
      // Writes have a budget of their own: one a second here.
      assertThat(limited.http().post("/api/process", a, payment(Cards.AUTHORISED, "1", "EUR"))
          .status()).isEqualTo(201);
      Http.Answer tooManyWrites =
          limited.http().post("/api/process", a, payment(Cards.AUTHORISED, "1", "EUR"));
      assertThat(tooManyWrites.status()).isEqualTo(429);
      assertThat(tooManyWrites.header("RateLimit-Limit")).isEqualTo("1");
      // Another merchant has its own budget.
      assertThat(limited.http().get("/api/history", b).status()).isEqualTo(200);

      ownClock.advance(Duration.ofSeconds(1));
      assertThat(limited.http().get("/api/history", a).status()).isEqualTo(200);
    }
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String big = "{\"cardholdername\":\"" + "x".repeat(65 * 1024) + "\"}";
    assertProblem(gw.http().post("/api/process", token, big), 413, "payload-too-large");
    assertProblem(gw.http().post("/login", null, big), 413, "payload-too-large");
  }

  @Test
  void aBodyFarOverTheLimitStillGetsItsAnswer() {
    // The client is still sending when the gateway has seen enough to refuse: the answer must
    // reach it all the same, not a reset connection.
    String huge = "{\"cardholdername\":\"" + "x".repeat(1024 * 1024) + "\"}";
    for (int i = 0; i < 5; i++) {
      assertProblem(gw.http().post("/api/process", token, huge), 413, "payload-too-large");
    }
  }

  @Test
  void aWrongContentTypeIs415() {
    Http.Answer a = gw.http().send(gw.http().request("/api/process", token)
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(payment(Cards.AUTHORISED, "1", "EUR"))).build());
    assertProblem(a, 415, "unsupported-media-type");
  }

  @Test
  void methodsNotAllowedAre405() {
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      Http.Answer a = gw.http().send(gw.http().request("/api/process", token)
          .method(method, HttpRequest.BodyPublishers.noBody()).build());
      assertProblem(a, 405, "method-not-allowed");
    }
    assertProblem(gw.http().get("/login", null), 405, "method-not-allowed");
  }

  @Test
  void hostileJsonIsA400WithinASecond() {
    gw.http().post("/api/process", token, "{}"); // warm up: the second is for the parser alone
    List<String> bodies = List.of(
        "[".repeat(30_000),
        "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
        "{\"cvv\":\"1\",\"CVV\":\"2\"}",
        "{\"amount\":" + "9".repeat(30_000) + "}",
        "{\"amount\":1e999999999}",
        "{\"amount\":1e-999999999}");
    for (String body : bodies) {
      Http.Answer a = fast(gw.http().request("/api/process", token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(a.status()).as(body.substring(0, Math.min(40, body.length()))).isEqualTo(400);
      ERRORS.add(a);
    }
  }

  @Test
  void absurdLimitsAndCursorsAreA400() {
    for (String q : List.of("limit=0", "limit=-1", "limit=201", "limit=99999999999999999999",
        "limit=abc", "cursor=" + "A".repeat(5000), "cursor=%00")) {
      for (String path : List.of("/api/history?", "/api/audit?")) {
        Http.Answer a = fast(gw.http().request(path + q, token).GET());
        assertProblem(a, 400, "validation-error");
      }
    }
    assertProblem(gw.http().get("/admin/audit?limit=100000", TestGateway.OPERATOR_KEY), 400,
        "validation-error");
    assertProblem(gw.http().get("/admin/audit?from=yesterday", TestGateway.OPERATOR_KEY), 400,
        "validation-error");
  }

  @Test
  void aMalformedRequestLineIsAProblemWithoutDetails() throws IOException {
    URI base = URI.create(gw.http().baseUrl());
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/history HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
          .contains("X-Content-Type-Options: nosniff").doesNotContain("Exception")
          .doesNotContain("org.eclipse");
    }
  }

  private static Http.Answer fast(HttpRequest.Builder request) {
    return gw.http().send(request.timeout(Duration.ofSeconds(1)).build());
  }

  private static void assertProblem(Http.Answer a, int status, String type) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.string("type")).endsWith("/" + type);
    ERRORS.add(a);
  }
}
