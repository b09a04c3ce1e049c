package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logs, messages and toString() never show a card number, a CVV, a password or a token. The
 * sentinels are values that cannot turn up in a log by chance.
 */
class RedactionTest {
  private static final String CARD = "4000 0566 5566 5556";
  private static final String CARD_DIGITS = "4000056655665556";
  private static final String CVV = "987";
  private static final String PASSWORD = FakeGateway.PASSWORD; // the gateway only knows this one

  private FakeGateway gateway;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  private PaymentRequest sentinelPayment() {
    return new PaymentRequest.Builder()
        .amount(Money.of("42.50", "EUR"))
        .cardNumber(CARD)
        .cvv(CVV)
        .expiryMonth(12)
        .expiryYear(2031)
        .cardHolderName("Santa Claus")
        .idempotencyKey("order-redaction")
        .build();
  }

  /** Logs in, pays, refreshes, is refused a token once and a payment once: every secret goes by. */
  private String exercise(PaygateClient client) {
    gateway.enqueue(payment("p-1", "Authorised"));
    client.submit(sentinelPayment());

    gateway.clock.advance(Duration.ofMinutes(15)); // so that the next call refreshes
    gateway.enqueue(payment("p-2", "Authorised"));
    client.submit(sentinelPayment()); // refreshes first

    gateway.revokeAccessTokens();
    gateway.enqueue(problem(400, "validation-error", "1 field is invalid"));
    Throwable failure = null;
    try {
      client.submit(sentinelPayment()); // 401, refresh, then 400
    } catch (InvalidRequestException e) {
      failure = e;
    }
    assertThat(failure).isNotNull();
    assertThat(gateway.logins).hasValue(1);
    assertThat(gateway.refreshes).hasValue(2);
    return String.valueOf(failure.getMessage()) + "\n" + sentinelPayment() + "\n" + client;
  }

  private void assertNoSecrets(String text) {
    // The port of the fake server is the one number in the log that changes from run to run.
    String log = text.replace(":" + gateway.server.getPort(), ":PORT");
    assertThat(log)
        .doesNotContain(CARD)
        .doesNotContain(CARD_DIGITS)
        // Not inside a longer token: the random request ids in the log hold "987" now and then.
        .doesNotContainPattern("(?<![0-9A-Za-z_-])" + CVV + "(?![0-9A-Za-z_-])")
        .doesNotContain(PASSWORD)
        .doesNotContain("Bearer at-")
        .doesNotContainPattern("\"(at|rt)-\\d+\"")
        .doesNotContainPattern("[^a-z](at|rt)-[1-9]");
  }

  @Test void loggingListenerRedactsEverySecret() {
    List<String> lines = new CopyOnWriteArrayList<>();
    PaygateClient client = gateway.clientBuilder()
        .listener(PaygateListener.logging(new ListLogger(lines), System.Logger.Level.INFO))
        .build();

    String messages = exercise(client);
    String log = String.join("\n", lines);

    assertThat(lines).hasSizeGreaterThan(10);
    assertThat(log)
        .contains("--> POST")
        .contains("/login")
        .contains("/token/refresh")
        .contains("Authorization: Bearer [redacted]")
        .contains("\"password\":\"[redacted]\"")
        .contains("\"cvv\":\"[redacted]\"")
        .contains("\"cardnumber\":\"400005******5556\"") // as the gateway masks it
        .contains("\"refreshToken\":\"[redacted]\"")
        .contains("\"token\":\"[redacted]\"")
        .contains("<-- 401");
    assertNoSecrets(log);
    assertNoSecrets(messages);
  }

  @Test void defaultLoggingGoesToSystemLoggerRedacted() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger jul = Logger.getLogger("io.paygate.sdk");
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    jul.addHandler(capture);
    try {
      exercise(gateway.clientBuilder().listener(PaygateListener.logging()).build());
    } finally {
      jul.removeHandler(capture);
    }

    assertThat(lines).isNotEmpty();
    assertNoSecrets(String.join("\n", lines));
  }

  @Test void silentWithoutAListener() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger jul = Logger.getLogger("io.paygate.sdk");
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    jul.addHandler(capture);
    try {
      exercise(gateway.client());
    } finally {
      jul.removeHandler(capture);
    }

    assertThat(lines).isEmpty();
  }

  @Test void everyToStringMasksCardNumbersInTheGatewaysOneFormat() {
    // The gateway's masked number, as a payment comes back with it.
    Payment fromGateway = new Payment.Builder().id("p-1").status(PaymentStatus.AUTHORISED)
        .amount(Money.of("42.50", "EUR")).cardNumber("400005******5556").build();
    // One built in a user's test, careless with the card number.
    Payment careless = fromGateway.newBuilder().cardNumber(CARD).build();

    assertThat(fromGateway.toString()).contains("card=400005******5556");
    assertThat(careless.toString()).contains("card=400005******5556").doesNotContain(CARD_DIGITS);
    assertThat(sentinelPayment().toString()).contains("card=400005******5556");
    assertThat(io.paygate.sdk.internal.Redactor.json("{\"cardnumber\":\"" + CARD + "\"}"))
        .isEqualTo("{\"cardnumber\":\"400005******5556\"}");
  }

  @Test void toStringsShowNoSecrets() {
    PaymentRequest request = sentinelPayment();
    assertThat(request.toString()).contains("card=400005******5556")
        .doesNotContain(CARD).doesNotContain(CVV);
    PaygateClient client = gateway.client();
    assertThat(client.toString()).doesNotContain(PASSWORD);
    assertThat(client.newBuilder().build().toString()).doesNotContain(PASSWORD);
  }

  @Test void aListenerThatThrowsCannotFailAPayment() {
    PaygateClient client = gateway.clientBuilder().listener(new PaygateListener() {
      @Override public void requestSent(RequestEvent request) {
        throw new IllegalStateException("listener bug");
      }
    }).build();
    gateway.enqueue(payment("p-1", "Authorised"));

    assertThat(client.submit(sentinelPayment()).id()).isEqualTo("p-1");
  }

  @Test void wrongPasswordMessageDoesNotEchoIt() {
    PaygateClient client = gateway.clientBuilder().login("disney", "hunter2-sentinel").build();

    assertThatThrownBy(() -> client.payment("p-1"))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2-sentinel"));
  }

  /** A System.Logger that keeps its lines in a list. */
  private static final class ListLogger implements System.Logger {
    private final List<String> lines;

    ListLogger(List<String> lines) {
      this.lines = lines;
    }

    @Override public String getName() {
      return "test";
    }

    @Override public boolean isLoggable(Level level) {
      return true;
    }

    @Override public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg);
    }

    @Override public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(format);
    }

    @Override public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(msgSupplier.get());
    }
  }
}
