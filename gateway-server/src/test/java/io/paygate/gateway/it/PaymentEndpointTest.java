package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/process} is served by a plain Jetty handler in front of Jersey: the answers a
 * client sees at the edges of the protocol (content types, methods, the order of the checks) are
 * the ones Jersey gave.
 */
class PaymentEndpointTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void aPaymentIsAnsweredWithItsLengthAndPlainJsonWhateverTheRequestsCharsetOrTrailingSlash() {
    Http.Answer a = gw.http().send(gw.http().request("/api/process/", token)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "text/html, application/*;q=0.5")
        .POST(HttpRequest.BodyPublishers.ofString(payment(Cards.AUTHORISED, "3.00", "EUR")))
        .build());

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(a.header("Content-Type")).isEqualTo("application/json");
    assertThat(a.header("Content-Length")).isEqualTo(String.valueOf(a.body().length()));
    assertThat(a.header("Location")).isEqualTo("/api/history/" + a.string("id"));
    assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aBodyWithoutContentTypeIs415ButOnlyOnceTheTokenIsGood() {
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.ofString(payment(Cards.AUTHORISED, "1.00", "EUR"));

    assertProblem(gw.http().send(gw.http().request("/api/process", token).POST(body).build()),
        415, "unsupported-media-type");
    assertProblem(gw.http().send(gw.http().request("/api/process", null).POST(body).build()),
        401, "unauthorized");
  }

  @Test
  void aClientThatTakesNoJsonIs406BeforeItsTokenIsLookedAt() {
    Http.Answer a = gw.http().post("/api/process", null, payment(Cards.AUTHORISED, "1.00", "EUR"),
        "Accept", "text/html");

    assertProblem(a, 406, "not-acceptable");
  }

  @Test
  void acceptIsReadWithItsQualityValues() {
    // Taken: JSON named, or under a wildcard, at any quality above zero.
    for (String accept : List.of("*/*", "application/*", "application/json",
        "text/html;q=0.9, application/json;q=0.1", "text/html, */*;q=0.01",
        "application/json; charset=utf-8; q=0.3")) {
      Http.Answer a = gw.http().send(gw.http().request("/api/process", token)
          .header("Content-Type", "application/json")
          .header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(payment(Cards.AUTHORISED, "1.00", "EUR")))
          .build());
      assertThat(a.status()).as("Accept: %s -> %s", accept, a).isEqualTo(201);
    }
    // Refused: q=0 means "not this", an unreadable quality takes nothing, and a header that is
    // no list of media ranges is not taken as "anything".
    for (String accept : List.of("application/json;q=0, text/html", "application/*;q=0",
        "*/*;q=0", "application/json;q=abc", "json")) {
      Http.Answer a = gw.http().post("/api/process", null,
          payment(Cards.AUTHORISED, "1.00", "EUR"), "Accept", accept);
      assertProblem(a, 406, "not-acceptable");
    }
  }

  @Test
  void aContentTypeThatIsNotAMediaTypeIsAProblem() {
    Http.Answer a = gw.http().send(gw.http().request("/api/process", token)
        .header("Content-Type", "json")
        .POST(HttpRequest.BodyPublishers.ofString(payment(Cards.AUTHORISED, "1.00", "EUR")))
        .build());

    assertProblem(a, 400, "bad-request");
    assertThat(a.string("detail")).contains("Content-Type");
  }

  @Test
  void otherMethodsAreRefusedWithTheMethodsAllowed() {
    Http.Answer get = gw.http().get("/api/process", token);
    assertProblem(get, 405, "method-not-allowed");
    assertThat(get.header("Allow")).isEqualTo("POST, OPTIONS");

    Http.Answer head = gw.http().send(gw.http().request("/api/process", token)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.status()).isEqualTo(405);
    assertThat(head.header("Allow")).isEqualTo("POST, OPTIONS");
    assertThat(head.header("Content-Length")).isEqualTo("0");
    assertThat(head.body()).isEmpty();

    Http.Answer options = gw.http().send(gw.http().request("/api/process", null)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.header("Allow")).isEqualTo("POST,OPTIONS");
  }

  private static void assertProblem(Http.Answer a, int status, String type) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(a.string("type")).endsWith("/" + type);
    assertThat(a.string("requestId")).isEqualTo(a.header("X-Request-Id"));
  }
}
