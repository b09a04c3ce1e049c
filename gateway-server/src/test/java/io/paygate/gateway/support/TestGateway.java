package io.paygate.gateway.support;

import io.paygate.gateway.Gateway;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole gateway, started for a test on a free port with its own database in a temporary
 * folder, and a client for it. Restartable on the same folder to test durability.
 */
public final class TestGateway implements AutoCloseable {
  public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";
  public static final String PASSWORD = "correct horse 42";
  private static final AtomicInteger LOGINS = new AtomicInteger();
  /** Distinguishes this JVM's merchants from those of another run on the same database. */
  private static final String RUN = randomLetters(8);

  private final Path dataDir;
  private final Map<String, String> settings;
  private final Clock clock;
  private Gateway gateway;
  private Http http;

  private TestGateway(Path dataDir, Map<String, String> settings, Clock clock) {
    this.dataDir = dataDir;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Starts a gateway in {@code dataDir} with extra settings over the test defaults, which ask for
   * the embedded Piggy Bank simulator unless {@code extra} gives Piggy Bank a {@code baseUrl}.
   */
  public static TestGateway start(Path dataDir, Map<String, String> extra) {
    return start(dataDir, extra, Clock.systemUTC());
  }

  public static TestGateway start(Path dataDir, Map<String, String> extra, Clock clock) {
    Map<String, String> s = new HashMap<>();
    s.put("port", "0");
    s.put("host", "127.0.0.1");
    s.put("data.dir", dataDir.toString());
    s.put("operator.key", OPERATOR_KEY);
    // Not the default (a "plugins" folder beside the temporary data folder, shared by tests).
    s.put("plugins.dir", dataDir.resolve("plugins").toString());
    // Tests push one merchant far past a real merchant's 100 requests a second; those about
    // rate limits set their own.
    s.put("rate.limit.merchant.reads.per.second", "1000000");
    s.put("rate.limit.merchant.writes.per.second", "1000000");
    if (!PiggyBank.hasBaseUrl(extra)) {
      // Asked for explicitly, as ./run.sh does: without it (or a baseUrl) start-up stops.
      s.put(PiggyBank.SIMULATOR_SETTING, "true");
    }
    s.putAll(extra);
    TestGateway t = new TestGateway(dataDir, s, clock);
    t.startGateway();
    return t;
  }

  private void startGateway() {
    gateway = Gateway.start(GatewayConfig.from(ConfigSource.of(settings)), clock);
    http = new Http("http://127.0.0.1:" + gateway.port());
  }

  /** Stops the gateway and starts it again on the same data. */
  public void restart() {
    gateway.close();
    startGateway();
  }

  public Http http() {
    return http;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Gateway gateway() {
    return gateway;
  }

  /** Creates a merchant on Piggy Bank with a fresh login and returns the login. */
  public String createMerchant() {
    return createMerchant("\"PiggyBank\"");
  }

  /**
   * Creates a merchant with this {@code acquiringbank} JSON value (a name in quotes, or a list)
   * and returns the login.
   */
  public String createMerchant(String acquiringBankJson) {
    // Letters, not a clock reading: a long run of digits in a login would look like a card number
    // to the tests that scan answers and logs for one.
    String login = "merchant" + LOGINS.incrementAndGet() + "-" + RUN;
    Http.Answer a = http.post("/createuser", OPERATOR_KEY, "{\"login\":\"" + login
        + "\",\"name\":\"Shop " + login + "\",\"password\":\"" + PASSWORD
        + "\",\"acquiringbank\":" + acquiringBankJson + "}");
    if (a.status() != 201) {
      throw new IllegalStateException("cannot create merchant: " + a);
    }
    return login;
  }

  /** Logs in and returns the access token. */
  public String login(String login) {
    return loginPair(login).string("token");
  }

  public Http.Answer loginPair(String login) {
    Http.Answer a = http.post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}");
    if (a.status() != 200) {
      throw new IllegalStateException("cannot log in: " + a);
    }
    return a;
  }

  /** A merchant, logged in: its access token. */
  public String newMerchantToken() {
    return login(createMerchant());
  }

  /**
   * The audit events written so far for a payment, oldest first, as {@code event:outcome}. The
   * audit log writes in the background: wait for the one expected.
   */
  public List<String> auditEvents(String paymentId) {
    return AuditTrail.events(dataDir, paymentId);
  }

  private static String randomLetters(int n) {
    java.util.Random random = new java.security.SecureRandom();
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  /** A payment body with this card number and amount. */
  public static String payment(String cardNumber, String amount, String currency) {
    return "{\"cardnumber\":\"" + cardNumber + "\",\"cvv\":\"123\",\"expirymonth\":12,"
        + "\"expiryyear\":2031,\"amount\":" + amount + ",\"currency\":\"" + currency + "\","
        + "\"cardholdername\":\"Santa Claus\"}";
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** Stops the gateway gracefully, as SIGTERM does, and says how long the stop took. */
  public Duration closeTimed() {
    long start = System.nanoTime();
    close();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
