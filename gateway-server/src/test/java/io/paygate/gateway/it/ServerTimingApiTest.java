package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Server-Timing} header of {@code POST /api/process}: the time at each bank the request
 * reached, so that a client can subtract it from its total. The embedded Piggy Bank answers after
 * a fixed delay, which is a floor for its entry; the client's own total is its ceiling. That a
 * replay has no bank entry is checked with the other replay behaviour, in {@link
 * IdempotencyApiTest}.
 */
class ServerTimingApiTest {
  private static final long BANK_DELAY_MS = 50;
  private static final Pattern ENTRY =
      Pattern.compile("bank;dur=(\\d+\\.\\d{3});desc=\"([^\"]*)\"(, )?");

  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  /** One {@code bank} entry of the header. */
  record BankEntry(double millis, String acquirer) {}

  @BeforeAll
  static void start() {
    ScriptedAcquirer.reset();
    gw = TestGateway.start(dir, Map.of(
        "acquirer.piggybank.simulatorDelay", BANK_DELAY_MS + "ms",
        // Roomy: a cold JVM's first call to the embedded bank must not time out.
        "acquirer.timeout", "5s"));
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
    ScriptedAcquirer.reset();
  }

  @Test
  void anAuthorisedPaymentCarriesTheTimeAtItsBank() {
    long start = System.nanoTime();
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "5.00", "EUR"));
    double totalMillis = (System.nanoTime() - start) / 1e6;

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    List<BankEntry> entries = bankEntries(a);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).acquirer()).isEqualTo("PiggyBank");
    assertThat(entries.get(0).millis()).isGreaterThanOrEqualTo(BANK_DELAY_MS)
        .isLessThan(totalMillis);
  }

  @Test
  void aDeclinedPaymentReachedTheBankToo() {
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.DECLINED, "6.00", "EUR"));

    assertThat(a.string("status")).isEqualTo("Declined");
    assertThat(bankEntries(a)).singleElement()
        .satisfies(e -> assertThat(e.millis()).isGreaterThanOrEqualTo(BANK_DELAY_MS));
  }

  @Test
  void aValidationErrorReachesNoBankAndHasNoBankEntry() {
    // The check digit is wrong.
    Http.Answer a = gw.http().post("/api/process", token,
        payment("4111111111111112", "8.00", "EUR"));

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.header("Server-Timing")).isNull();
  }

  @Test
  void failoverHasOneEntryPerBankInTheOrderTried() {
    String failover = gw.login(gw.createMerchant("[\"PiggyBank\",\"" + ScriptedAcquirer.NAME + "\"]"));

    // Piggy Bank answers 503 for this card, so the payment goes on to the next bank.
    Http.Answer a = gw.http().post("/api/process", failover,
        payment(Cards.BANK_UNAVAILABLE, "9.00", "EUR"));

    assertThat(a.string("acquirer")).as(a.toString()).isEqualTo(ScriptedAcquirer.NAME);
    assertThat(bankEntries(a)).extracting(BankEntry::acquirer)
        .containsExactly("PiggyBank", ScriptedAcquirer.NAME);
    assertThat(bankEntries(a).get(0).millis()).isGreaterThanOrEqualTo(BANK_DELAY_MS);
  }

  /** The header's {@code bank} entries; fails the test when the header is not well formed. */
  private static List<BankEntry> bankEntries(Http.Answer a) {
    String header = a.header("Server-Timing");
    assertThat(header).as("Server-Timing of %s", a).isNotNull();
    List<BankEntry> entries = new ArrayList<>();
    Matcher m = ENTRY.matcher(header);
    int end = 0;
    while (m.find() && m.start() == end) {
      entries.add(new BankEntry(Double.parseDouble(m.group(1)), m.group(2)));
      end = m.end();
    }
    assertThat(end).as("well-formed Server-Timing: %s", header).isEqualTo(header.length());
    return entries;
  }
}
