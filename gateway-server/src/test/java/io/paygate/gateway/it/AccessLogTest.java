package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.squareup.moshi.Moshi;
import io.paygate.gateway.http.AccessLog;
import io.paygate.gateway.logging.LogFormat;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per exchange, written when it ends: method, route template, status,
 * duration and request id; never a raw id, a query string or a token.
 */
class AccessLogTest {
  @TempDir Path dir;
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger access = context.getLogger(AccessLog.LOGGER);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.setContext(context);
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void release() {
    access.detachAppender(lines);
  }

  @Test
  void oneLinePerExchangeWithTheRouteTemplateOnly() throws Exception {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      Http.Answer paid = gw.http().post("/api/process", token,
          payment(Cards.luhnComplete("411111987654321"), "10.00", "EUR"));
      assertThat(paid.status()).isEqualTo(201);
      String id = paid.string("id");
      // The line is written once the answer has gone out, so it may come after the client has
      // it: wait for it before starting to count.
      await().atMost(Duration.ofSeconds(10)).until(() -> logged("POST /api/process 201"));
      synchronized (lines) { // the appender appends under its own lock
        lines.list.clear();
      }

      List<Http.Answer> answers = new ArrayList<>();
      answers.add(gw.http().post("/api/process", token,
          payment(Cards.luhnComplete("411111987654321"), "11.00", "EUR")));
      answers.add(gw.http().get("/api/history/" + id, token));
      answers.add(gw.http().get("/api/history?limit=1&cursor=c2VjcmV0LWN1cnNvcg", token));
      answers.add(gw.http().get("/admin/audit?merchant=" + id, TestGateway.OPERATOR_KEY));
      answers.add(gw.http().get("/no/such/path/" + id + "?token=" + token, null));
      answers.add(gw.http().get("/api/history/" + id, "not-a-token"));

      await().atMost(Duration.ofSeconds(10)).until(() -> lines.list.size() >= answers.size());
      List<ILoggingEvent> events = List.copyOf(lines.list);
      assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
          .hasSize(answers.size())
          .satisfiesExactly(
              l -> assertThat(l).matches("POST /api/process 201 \\d+ms"),
              l -> assertThat(l).matches("GET /api/history/\\{id} 200 \\d+ms"),
              l -> assertThat(l).matches("GET /api/history 400 \\d+ms"),
              l -> assertThat(l).matches("GET /admin/audit 200 \\d+ms"),
              l -> assertThat(l).matches("GET \\(unmatched\\) 404 \\d+ms"),
              l -> assertThat(l).matches("GET /api/history/\\{id} 401 \\d+ms"));
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).getMDCPropertyMap())
            .containsEntry("requestId", answers.get(i).header("X-Request-Id"));
      }
      // As printed, in both formats: no payment id, cursor, query or token anywhere in a line.
      for (LogFormat format : LogFormat.values()) {
        Encoder<ILoggingEvent> encoder = format.newEncoder(context);
        for (ILoggingEvent e : events) {
          String printed = new String(encoder.encode(e), StandardCharsets.UTF_8);
          assertThat(printed).doesNotContain(id).doesNotContain(token).doesNotContain("cursor")
              .doesNotContain("limit=").doesNotContain("?");
        }
      }
      String json = new String(LogFormat.JSON.newEncoder(context).encode(events.get(0)),
          StandardCharsets.UTF_8);
      Map<?, ?> fields = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class)
          .fromJson(json);
      assertThat(fields.get("loggerName")).isEqualTo(AccessLog.LOGGER);
      @SuppressWarnings("unchecked")
      List<Object> pairs = (List<Object>) fields.get("kvpList");
      assertThat(pairs.subList(0, 3)).containsExactly(Map.of("method", "POST"),
          Map.of("route", "/api/process"), Map.of("status", "201"));
      assertThat(((Map<?, ?>) pairs.get(3)).get("durationMs").toString()).matches("\\d+");
      assertThat(((Map<?, ?>) fields.get("mdc")).get("paymentId")).isNotNull();
    }
  }

  private boolean logged(String prefix) {
    synchronized (lines) {
      return lines.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith(prefix));
    }
  }
}
