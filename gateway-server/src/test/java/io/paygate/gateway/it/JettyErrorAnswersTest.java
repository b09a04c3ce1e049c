package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.paygate.gateway.support.RawHttp;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors Jetty answers on its own, before any handler (a bad URI, a bad header, a URI or headers
 * too large), carry what every answer promises: an {@code X-Request-Id}, the security headers,
 * and a problem+json body with that {@code requestId}. Sent over a raw socket: the JDK's client
 * will not send such requests.
 */
class JettyErrorAnswersTest {
  @TempDir static Path dir;
  static TestGateway gw;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static RawHttp.Answer send(String request) throws IOException {
    try (RawHttp connection = RawHttp.connect(gw.gateway().port())) {
      return connection.send(request).read();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> assertProblem(RawHttp.Answer a, int status)
      throws IOException {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(a.header("Cache-Control")).isEqualTo("no-store");
    assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
    String id = a.header("X-Request-Id");
    assertThat(id).as("X-Request-Id of %s", a).isNotBlank();
    Map<String, Object> problem =
        (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(a.body());
    assertThat(problem).containsEntry("requestId", id)
        .containsEntry("status", (double) status)
        .containsKeys("type", "title", "detail");
    assertThat((String) problem.get("type")).startsWith("https://paygate.dev/problems/");
    return problem;
  }

  @Test
  void aControlCharacterInThePathIsAProblemWithARequestId() throws IOException {
    RawHttp.Answer a = send("GET /api/history/%01 HTTP/1.1\r\nHost: gateway\r\n\r\n");

    assertThat(assertProblem(a, 400)).containsEntry("type",
        "https://paygate.dev/problems/bad-request");
  }

  @Test
  void theClientsRequestIdIsKeptWhenItsHeadersWereRead() throws IOException {
    RawHttp.Answer a = send("GET /api/history/%01 HTTP/1.1\r\nHost: gateway\r\n"
        + "X-Request-Id: my-request-42\r\n\r\n");

    assertProblem(a, 400);
    assertThat(a.header("X-Request-Id")).isEqualTo("my-request-42");
  }

  @Test
  void aMalformedHeaderIsAProblemWithARequestId() throws IOException {
    assertProblem(send("GET /health HTTP/1.1\r\nHost: gateway\r\nBad Header: x\r\n\r\n"), 400);
  }

  @Test
  void aMalformedContentLengthIsAProblemWithARequestId() throws IOException {
    assertProblem(send("POST /login HTTP/1.1\r\nHost: gateway\r\nContent-Length: abc\r\n\r\n"),
        400);
  }

  @Test
  void aUriTooLongIsAProblemWithARequestId() throws IOException {
    assertProblem(send("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n"),
        414);
  }

  @Test
  void headersTooLargeAreAProblemWithARequestId() throws IOException {
    assertProblem(send("GET /health HTTP/1.1\r\nHost: gateway\r\nX-Big: " + "a".repeat(20_000)
        + "\r\n\r\n"), 431);
  }
}
