package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * After payments down every path, neither the database files nor the logs hold a full card number
 * or a CVV, nor does any answer.
 */
class CardDataNeverStoredTest {
  @TempDir Path dir;

  @Test
  void noCardNumberOrCvvInDatabaseOrLogs() throws Exception {
    List<String> logLines = new ArrayList<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent e) {
        synchronized (logLines) {
          logLines.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap()
              + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()));
        }
      }
    };
    capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    capture.start();
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);

    List<String> cards = List.of(Cards.luhnComplete("411111987654321"),
        Cards.withLastDigit("555555987654321", 2), Cards.withLastDigit("400000987654321", 0));
    List<String> cvvs = List.of("7391", "8462", "9573");
    List<String> bodies = new ArrayList<>();
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      for (int i = 0; i < cards.size(); i++) {
        String body = payment(cards.get(i), "10.00", "EUR").replace("\"123\"", "\"" + cvvs.get(i) + "\"");
        bodies.add(gw.http().post("/api/process", token, body).body());
      }
      // A validation error with a Luhn-valid card: the answer must not echo it either.
      bodies.add(gw.http().post("/api/process", token,
          payment(cards.get(0), "10.5", "JPY").replace("\"123\"", "\"7391\"")).body());
      gw.restart();
      bodies.add(gw.http().get("/api/history", gw.login(gw.createMerchant())).body());
    } finally {
      root.detachAppender(capture);
      root.setLevel(level);
    }

    List<String> sentinels = new ArrayList<>(cards);
    for (String card : cards) {
      assertThat(String.join("\n", bodies)).doesNotContain(card);
    }
    String logs = String.join("\n", logLines);
    assertThat(logLines).isNotEmpty();
    for (String s : sentinels) {
      assertThat(logs).doesNotContain(s);
    }
    for (String cvv : cvvs) {
      assertThat(logs).doesNotContainPattern("(?<![\\w-])" + cvv + "(?![\\w-])");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String s : sentinels) {
          assertThat(content).as(f.toString()).doesNotContain(s);
        }
        for (String cvv : cvvs) {
          assertThat(content).as(f.toString()).doesNotContain("\"" + cvv)
              .doesNotContainPattern("(?<![\\w-])" + cvv + "(?![\\w-])");
        }
      }
    }
  }
}
