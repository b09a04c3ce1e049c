package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.paygate.gateway.logging.LogFormat;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * PCI DSS 3.3.1, 3.4.1, 3.5.1: payments with sentinel card numbers and CVVs go down every path
 * (authorised, declined, bank 503, bank timeout, validation errors, malformed JSON, an idempotent
 * replay and a reused key, a server restart) with every logger at TRACE, once for each log format
 * (text and JSON). Then the database
 * files, every log line as the console would print it, and every answer body are searched: no
 * sentinel appears, and no card-like number does either (in a database file, the sentinels are
 * looked for in every byte and card-like numbers in its content, as H2's {@code SCRIPT} prints
 * it).
 *
 * <p>"Card-like": a run of 13 to 19 digits, not part of a longer run or of a word (the hexadecimal
 * request fingerprints and token hashes in the database hold such runs by chance), that passes the
 * Luhn check and starts with an issuer digit 2 to 6 (Mastercard 2/5, Amex 3, Visa 4, Discover
 * 6). Epoch milliseconds (13 digits starting with 1 until 2033) and nanosecond counters are
 * excluded by the prefix, so a timestamp that happens to pass Luhn is not a false alarm.
 */
class CardDataNeverStoredTest {
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9]{13,19}(?![0-9A-Za-z])");
  private static final String H2_FILE = ".mv.db";

  // JUnit names temporary folders with a random 19-digit number, which the logs then show and
  // which is Luhn-valid one time in ten: name the folder with letters only.
  @TempDir(factory = LetterNamedTempDir.class) Path dir;

  /** Creates temporary folders whose names hold no digits. */
  static final class LetterNamedTempDir implements org.junit.jupiter.api.io.TempDirFactory {
    @Override
    public Path createTempDirectory(org.junit.jupiter.api.extension.AnnotatedElementContext element,
        org.junit.jupiter.api.extension.ExtensionContext context) throws java.io.IOException {
      java.util.Random random = new java.security.SecureRandom();
      StringBuilder name = new StringBuilder("paygate-card-data-");
      for (int i = 0; i < 16; i++) {
        name.append((char) ('a' + random.nextInt(26)));
      }
      return Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"), name.toString()));
    }
  }
  final List<String> logLines = new ArrayList<>();
  final List<String> bodies = new ArrayList<>();
  final Map<Logger, Level> levels = new HashMap<>();
  AppenderBase<ILoggingEvent> capture;
  Logger root;

  final String authorised = Cards.luhnComplete("411111987654321");
  final String declined = Cards.withLastDigit("555555987654321", 2);
  final String unavailable = Cards.withLastDigit("400000987654321", 0);
  final String timedOut = Cards.withLastDigit("601100987654321", 7);
  final String invalid = Cards.luhnComplete("378282987654321").substring(0, 15);
  final List<String> cvvs = List.of("7391", "8462", "9573", "6284", "5195");

  /** Every logger at TRACE, every event captured as the console prints it in {@code format}. */
  void everyLoggerAtTrace(LogFormat format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // Lines as the console prints them in this format, with its escaping.
    Encoder<ILoggingEvent> encoder = format.newEncoder(context);
    capture = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent e) {
        String line = new String(encoder.encode(e), StandardCharsets.UTF_8);
        synchronized (logLines) {
          logLines.add(line + " " + e.getMDCPropertyMap());
        }
      }
    };
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
    for (Logger logger : context.getLoggerList()) {
      levels.put(logger, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
    for (String name : List.of("org.eclipse.jetty", "org.glassfish.jersey", "org.h2",
        "com.zaxxer.hikari", "org.flywaydb", "io.paygate", "okhttp3")) {
      Logger logger = context.getLogger(name);
      levels.putIfAbsent(logger, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
  }

  @AfterEach
  void restoreLevels() {
    if (root == null) {
      return;
    }
    root.detachAppender(capture);
    levels.forEach(Logger::setLevel);
  }

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void noCardNumberOrCvvInDatabaseLogsOrAnswers(LogFormat format) throws Exception {
    everyLoggerAtTrace(format);
    try (TestGateway gw = TestGateway.start(dir, Map.of(
        // A bank slower than the gateway waits: the timeout path, answered 202 Unknown.
        "acquirer.piggybank.simulatorDelay", "1500ms", "acquirer.timeout", "300ms",
        // H2 traces through SLF4J (level 4), at TRACE like the rest.
        "db.url", "jdbc:h2:file:" + dir.resolve("db/paygate") + ";MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;"
            + "TRACE_LEVEL_FILE=4"))) {
      String token = gw.newMerchantToken();
      assertThat(pay(gw, token, timedOut, cvvs.get(3), "Idempotency-Key", "k-timeout").status())
          .isEqualTo(202);
      gw.restart();
      token = gw.login(gw.createMerchant());
      try (TestGateway fast = TestGateway.start(dir.resolve("fast"), Map.of())) {
        String t = fast.newMerchantToken();
        assertThat(pay(fast, t, authorised, cvvs.get(0), "Idempotency-Key", "k-1").status())
            .isEqualTo(201);
        assertThat(pay(fast, t, authorised, cvvs.get(0), "Idempotency-Key", "k-1").status())
            .isEqualTo(201); // replay
        assertThat(pay(fast, t, declined, cvvs.get(1), "Idempotency-Key", "k-1").status())
            .isEqualTo(422); // the key with another card
        assertThat(pay(fast, t, declined, cvvs.get(1)).string("status")).isEqualTo("Declined");
        assertThat(pay(fast, t, unavailable, cvvs.get(2)).string("status")).isEqualTo("Failed");
        // Validation errors that name the card field, and others that do not.
        assertThat(pay(fast, t, invalid, cvvs.get(4)).status()).isEqualTo(400);
        String jpy = payment(authorised, "10.5", "JPY").replace("\"123\"", "\"" + cvvs.get(0) + "\"");
        assertThat(fast.http().post("/api/process", t, jpy).status()).isEqualTo(400);
        String cut = jpy.substring(0, jpy.indexOf(cvvs.get(0)) + 6);
        keep(fast.http().post("/api/process", t, cut));
        keep(fast.http().post("/api/process", t, jpy.replace("}", ",\"CVV\":\"" + cvvs.get(0) + "\"}")));
        keep(fast.http().get("/api/history", t));
        keep(fast.http().get("/api/audit?limit=200", t));
        keep(fast.http().get("/admin/audit?limit=200", TestGateway.OPERATOR_KEY));
      }
      keep(gw.http().get("/api/history", token));
    }

    List<String> sentinels = new ArrayList<>(List.of(authorised, declined, unavailable, timedOut,
        invalid));
    String allBodies = String.join("\n", bodies);
    String logs = String.join("\n", logLines);
    assertThat(logLines).hasSizeGreaterThan(1000); // TRACE really was on
    assertThat(bodies).hasSizeGreaterThan(10);
    assertNoCardData("answers", allBodies, sentinels);
    assertNoCardData("logs", logs, sentinels);
    List<Path> databases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (f.getFileName().toString().endsWith(H2_FILE)) {
          // Every byte, old page versions included, for the sentinels. Not for any card-like
          // number: H2 writes its own page positions into the file as hexadecimal text, and one
          // made only of decimal digits passes Luhn now and then (root:2698000118207).
          assertNoSentinels(f.toString(), bytes, sentinels);
          databases.add(f);
        } else {
          assertNoCardData(f.toString(), bytes, sentinels);
        }
      }
    }
    assertThat(databases).hasSize(2);
    for (Path db : databases) {
      // What the database holds, every table and row, for card-like numbers too.
      assertNoCardData(db + " (content)", contentOf(db), sentinels);
    }
  }

  /** The whole content of an H2 database file, as the SQL script that would recreate it. */
  private static String contentOf(Path h2File) throws SQLException {
    String name = h2File.toString();
    String url = "jdbc:h2:file:" + name.substring(0, name.length() - H2_FILE.length())
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    StringBuilder script = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("SCRIPT")) {
      while (rs.next()) {
        script.append(rs.getString(1)).append('\n');
      }
    }
    assertThat(script).as(name).contains("INSERT INTO \"public\".\"payments\"");
    return script.toString();
  }

  private void assertNoCardData(String where, String text, List<String> sentinels) {
    assertNoSentinels(where, text, sentinels);
    Matcher m = DIGIT_RUN.matcher(text);
    while (m.find()) {
      String run = m.group();
      assertThat(cardLike(run)).as("%s holds a card-like number %s", where, run).isFalse();
    }
  }

  private void assertNoSentinels(String where, String text, List<String> sentinels) {
    for (String card : sentinels) {
      assertThat(text).as(where).doesNotContain(card);
    }
    for (String cvv : cvvs) {
      assertThat(text).as(where).doesNotContainPattern("(?<![0-9A-Za-z_-])" + cvv + "(?![0-9A-Za-z_-])");
    }
  }

  private static boolean cardLike(String digits) {
    char issuer = digits.charAt(0);
    return issuer >= '2' && issuer <= '6' && luhn(digits);
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private Http.Answer pay(TestGateway gw, String token, String card, String cvv, String... headers) {
    String body = payment(card, "10.00", "EUR").replace("\"123\"", "\"" + cvv + "\"");
    return keep(gw.http().post("/api/process", token, body, headers));
  }

  private Http.Answer keep(Http.Answer a) {
    bodies.add(a.status() + " " + a.headers().map() + " " + a.body());
    return a;
  }
}
