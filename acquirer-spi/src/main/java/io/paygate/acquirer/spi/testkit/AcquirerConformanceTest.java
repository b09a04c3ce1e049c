package io.paygate.acquirer.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit: the contract of {@link Acquirer}, as a JUnit 5 suite a plug-in author runs
 * against their own connector. Extend it, say how to start your bank's sandbox (or a WireMock
 * double of it) and which test cards it authorises and declines, and run it with your tests:
 *
 * <pre>{@code
 * class MyBankConformanceTest extends AcquirerConformanceTest {
 *   MyBankSandbox bank = new MyBankSandbox();
 *   protected AcquirerProvider provider() { return new MyBankProvider(); }
 *   protected URI startBank() { return bank.start(); }
 *   protected void stopBank() { bank.stop(); }
 *   protected Map<String, String> settings(URI bankUrl, Duration timeout) {
 *     return Map.of("baseUrl", bankUrl.toString(), "readTimeout", timeout.toMillis() + "ms");
 *   }
 *   protected String authorisingCard() { return "4111111111111111"; }
 *   protected String decliningCard() { return "4000000000000002"; }
 *   protected int paymentsAtBank(String reference) { return bank.count(reference); }
 * }
 * }</pre>
 *
 * <p>What it checks: the provider is well formed; a payment is authorised or declined as the bank
 * says; the same payment reference twice is one payment at the bank; a payment can be looked up by
 * its reference; a bank that does not answer in time gives {@code UNKNOWN} (never declined); a
 * refused connection gives {@code NOT_PROCESSED}; an unreadable answer gives {@code UNKNOWN}; no
 * card number or CVV ever appears in a result, an exception or {@code toString()}; and all of it
 * holds under many concurrent calls. The kit starts its own misbehaving banks
 * ({@link MisbehavingBank}) for the failure cases: you only provide the well-behaved one.
 *
 * <p>Since SPI 1.1 it also checks each operation the connector declares in
 * {@link Acquirer#supportedOperations()} (capture, void, refund, cancel): see
 * {@link OperationConformance}; override {@link #operationsAtBank} so that it can count them.
 *
 * <p>Every call must return a result: although the gateway reads an exception as
 * {@code UNKNOWN}, a connector that throws fails the kit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AcquirerConformanceTest extends OperationConformance {
  private static final Pattern ACQUIRER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Currency EUR = Currency.getInstance("EUR");

  private URI bankUrl;
  private Acquirer acquirer;

  // The plug-in author's part.

  /** The provider under test, constructed as the gateway constructs it. */
  protected abstract AcquirerProvider provider();

  /**
   * Starts the bank's sandbox, or a double of it, before the suite.
   *
   * @return its base URL, handed to {@link #settings}
   */
  protected abstract URI startBank() throws Exception;

  /** Stops the bank after the suite. */
  protected abstract void stopBank() throws Exception;

  /**
   * The connector's configuration section for a bank at {@code bankUrl}, as an operator would
   * write it in the gateway's configuration (without the {@code acquirer.<name>.} prefix).
   *
   * @param timeout how long one call may wait for the bank; the kit's misbehaving banks rely on
   *     it, so map it to your read (and connect) timeout
   */
  protected abstract Map<String, String> settings(URI bankUrl, Duration timeout);

  /** A card number the bank authorises (Luhn-valid, digits only). */
  protected abstract String authorisingCard();

  /** A card number the bank declines (Luhn-valid, digits only). */
  protected abstract String decliningCard();

  /**
   * How many payments the bank holds under the gateway's {@code paymentReference}, authorised or
   * declined: ask the sandbox's ledger, or count what your double recorded.
   */
  protected abstract int paymentsAtBank(String paymentReference) throws Exception;

  /** The per-call timeout the kit configures; the hanging bank must be given up on after it. */
  protected Duration timeout() {
    return Duration.ofSeconds(1);
  }

  /** How many threads call the acquirer at once in the thread-safety check. */
  protected int concurrentCallers() {
    return 16;
  }

  /** How many payments each of those threads makes. */
  protected int paymentsPerCaller() {
    return 8;
  }

  // What OperationConformance needs.

  @Override
  final Acquirer acquirerUnderTest() {
    return acquirer;
  }

  @Override
  final Acquirer createFor(URI url) {
    return create(url);
  }

  @Override
  final AuthorisationRequest authorisable() {
    return payment(authorisingCard());
  }

  @Override
  final Duration callTimeout() {
    return timeout();
  }

  // Lifecycle.

  @BeforeAll
  final void startTheBank() throws Exception {
    bankUrl = startBank();
    acquirer = create(bankUrl);
  }

  @AfterAll
  final void stopTheBank() throws Exception {
    try {
      if (acquirer != null) {
        acquirer.close();
      }
    } finally {
      stopBank();
    }
  }

  private Acquirer create(URI url) {
    AcquirerProvider provider = provider();
    Acquirer created = provider.create(new AcquirerSettings(provider.name(),
        settings(url, timeout())));
    assertNotNull(created, "create() returned null");
    return created;
  }

  // The contract.

  @Test
  void theProviderIsWellFormed() {
    AcquirerProvider provider = provider();
    String name = provider.name();
    assertNotNull(name, "name() is null");
    assertTrue(ACQUIRER_NAME.matcher(name).matches(),
        "name() must be letters, digits, - and _ only, not '" + name + "'");
    assertNull(AcquirerSpi.incompatibility(provider.spiVersion()),
        "this SPI cannot run the provider: " + AcquirerSpi.incompatibility(provider.spiVersion()));
    assertNotNull(provider.version(), "version() is null");
    assertNotNull(provider.settings(), "settings() is null; return List.of() when there are none");
  }

  @Test
  void anAuthorisingCardIsAuthorised() {
    AuthorisationResult result = authorise(acquirer, payment(authorisingCard()));
    assertEquals(AuthorisationResult.Outcome.AUTHORISED, result.outcome(), result::toString);
    assertFalse(result.authorisationCode().isBlank(), "an authorisation needs a code");
  }

  @Test
  void aDecliningCardIsDeclinedWithTheBanksReason() {
    AuthorisationResult result = authorise(acquirer, payment(decliningCard()));
    assertEquals(AuthorisationResult.Outcome.DECLINED, result.outcome(), result::toString);
    assertFalse(result.reasonCode().isBlank(), "a decline needs the bank's reason code");
  }

  @Test
  void theSamePaymentReferenceTwiceIsOnePaymentAtTheBank() throws Exception {
    AuthorisationRequest request = payment(authorisingCard());
    AuthorisationResult first = authorise(acquirer, request);
    AuthorisationResult second = authorise(acquirer, request);

    assertEquals(AuthorisationResult.Outcome.AUTHORISED, first.outcome(), first::toString);
    assertEquals(AuthorisationResult.Outcome.AUTHORISED, second.outcome(), second::toString);
    assertEquals(first.authorisationCode(), second.authorisationCode(),
        "the retry must answer the first authorisation, not a new one");
    assertEquals(first.bankReference(), second.bankReference());
    assertEquals(1, paymentsAtBank(request.paymentReference()),
        "send the payment reference as the bank's idempotency key: one reference, one payment");
  }

  @Test
  void aPaymentCanBeLookedUpByItsReference() {
    AuthorisationRequest authorised = payment(authorisingCard());
    AuthorisationResult approval = authorise(acquirer, authorised);
    AuthorisationRequest declined = payment(decliningCard());
    authorise(acquirer, declined);

    StatusResult foundAuthorised = status(acquirer, authorised.paymentReference());
    StatusResult foundDeclined = status(acquirer, declined.paymentReference());
    StatusResult neverSent = status(acquirer, "never-sent-" + UUID.randomUUID());

    assertEquals(StatusResult.Outcome.AUTHORISED, foundAuthorised.outcome(),
        foundAuthorised::toString);
    assertEquals(approval.authorisationCode(), foundAuthorised.authorisationCode());
    assertEquals(StatusResult.Outcome.DECLINED, foundDeclined.outcome(), foundDeclined::toString);
    assertEquals(StatusResult.Outcome.NOT_FOUND, neverSent.outcome(), neverSent::toString);
  }

  @Test
  void aBankThatDoesNotAnswerInTimeGivesUnknownNeverDeclined() {
    try (MisbehavingBank bank = MisbehavingBank.start(MisbehavingBank.Behaviour.HANG);
        Acquirer hanging = create(bank.baseUrl())) {
      Duration patience = timeout().multipliedBy(3).plusSeconds(5);
      AuthorisationResult result = assertTimeoutPreemptively(patience,
          () -> authorise(hanging, payment(authorisingCard())),
          "authorise() must give up on a silent bank after its timeout");
      StatusResult status = assertTimeoutPreemptively(patience,
          () -> status(hanging, "ref-" + UUID.randomUUID()),
          "status() must give up on a silent bank after its timeout");

      assertEquals(AuthorisationResult.Outcome.UNKNOWN, result.outcome(),
          "the bank may have acted: " + result);
      assertEquals(StatusResult.Outcome.UNKNOWN, status.outcome(), status::toString);
    }
  }

  @Test
  void aRefusedConnectionIsNotProcessed() {
    try (Acquirer refused = create(MisbehavingBank.refusingAddress())) {
      AuthorisationResult result = authorise(refused, payment(authorisingCard()));
      StatusResult status = status(refused, "ref-" + UUID.randomUUID());

      assertEquals(AuthorisationResult.Outcome.NOT_PROCESSED, result.outcome(),
          "nothing reached the bank: " + result);
      assertEquals(StatusResult.Outcome.UNKNOWN, status.outcome(),
          "a failed look-up says nothing about the payment: " + status);
    }
  }

  @Test
  void anUnreadableAnswerIsUnknown() {
    for (MisbehavingBank.Behaviour garbage : List.of(
        MisbehavingBank.Behaviour.GARBAGE_BODY, MisbehavingBank.Behaviour.GARBAGE_BYTES)) {
      try (MisbehavingBank bank = MisbehavingBank.start(garbage);
          Acquirer confused = create(bank.baseUrl())) {
        AuthorisationResult result = authorise(confused, payment(authorisingCard()));
        StatusResult status = status(confused, "ref-" + UUID.randomUUID());

        assertEquals(AuthorisationResult.Outcome.UNKNOWN, result.outcome(),
            garbage + ": the bank may have acted: " + result);
        assertEquals(StatusResult.Outcome.UNKNOWN, status.outcome(), garbage + ": " + status);
      }
    }
  }

  @Test
  void noCardDataInResultsOrToString() {
    List<Object> seen = new ArrayList<>();
    seen.add(acquirer);
    seen.add(authorise(acquirer, payment(authorisingCard())));
    seen.add(authorise(acquirer, payment(decliningCard())));
    try (MisbehavingBank hang = MisbehavingBank.start(MisbehavingBank.Behaviour.HANG);
        MisbehavingBank garbage = MisbehavingBank.start(MisbehavingBank.Behaviour.GARBAGE_BODY);
        Acquirer hanging = create(hang.baseUrl());
        Acquirer confused = create(garbage.baseUrl());
        Acquirer refused = create(MisbehavingBank.refusingAddress())) {
      for (Acquirer a : List.of(hanging, confused, refused)) {
        seen.add(a);
        seen.add(authorise(a, payment(authorisingCard())));
      }
    }
    for (Object o : seen) {
      assertNoCardData(String.valueOf(o), o.getClass().getSimpleName() + ".toString()");
      if (o instanceof AuthorisationResult) {
        AuthorisationResult r = (AuthorisationResult) o;
        assertNoCardData(r.message() + " " + r.reasonCode() + " " + r.bankReference() + " "
            + r.authorisationCode(), "the fields of " + r.outcome());
      }
    }
  }

  @Test
  void manyConcurrentCallsEachGetTheirOwnRightAnswer() throws Exception {
    int callers = concurrentCallers();
    int each = paymentsPerCaller();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> work = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        work.add(pool.submit(() -> {
          start.await();
          List<String> references = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            boolean approve = (caller + i) % 2 == 0;
            AuthorisationRequest request = payment(approve ? authorisingCard() : decliningCard());
            AuthorisationResult result = authorise(acquirer, request);
            assertEquals(approve ? AuthorisationResult.Outcome.AUTHORISED
                : AuthorisationResult.Outcome.DECLINED, result.outcome(),
                () -> "concurrent payment " + request.paymentReference() + ": " + result);
            references.add(request.paymentReference());
          }
          return references;
        }));
      }
      start.countDown();
      for (Future<List<String>> f : work) {
        for (String reference : f.get()) {
          assertEquals(1, paymentsAtBank(reference),
              "the bank must hold each concurrent payment exactly once: " + reference);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // Helpers.

  /** A fresh payment of 42.50 EUR with {@code cardNumber}, a unique reference and a deadline. */
  protected final AuthorisationRequest payment(String cardNumber) {
    return AuthorisationRequest.builder()
        .paymentReference("conformance-" + UUID.randomUUID())
        .merchantId("merchant-conformance")
        .merchantName("Conformance Kit Shop")
        .card(new Card(cardNumber, cvv(), 12, Year.now().getValue() + 3, "Ada Lovelace"))
        .amount(4250, EUR)
        .deadline(Instant.now().plus(timeout()).plusSeconds(1))
        .build();
  }

  /** The CVV the kit's payments carry; it must never come back in any text. */
  protected String cvv() {
    return "123";
  }

  private AuthorisationResult authorise(Acquirer a, AuthorisationRequest request) {
    AuthorisationResult result = call(() -> a.authorise(request));
    assertNotNull(result, "authorise() returned null; return a result for every outcome");
    return result;
  }

  private StatusResult status(Acquirer a, String reference) {
    StatusResult result = call(() -> a.status(new StatusRequest(reference,
        "merchant-conformance", 4250, EUR, Instant.now().plus(timeout()).plusSeconds(1))));
    assertNotNull(result, "status() returned null; return StatusResult.unknown(...) instead");
    return result;
  }

  /** Runs a call that must not throw; if it does, checks the exception for card data first. */
  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException | Error e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertNoCardData(String.valueOf(t.getMessage()), "an exception's message");
      }
      // Only the type: the message could hold what we must not print.
      return fail("the acquirer threw " + e.getClass().getName() + " instead of returning a"
          + " result (an exception reads as UNKNOWN in the gateway, whatever happened)");
    }
  }

  private void assertNoCardData(String text, String where) {
    for (String number : List.of(authorisingCard(), decliningCard())) {
      assertFalse(text.contains(number), where + " contains a full card number");
    }
    Pattern cvv = Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(cvv()) + "(?![0-9A-Za-z])");
    assertFalse(cvv.matcher(text).find(), where + " contains the CVV");
  }
}
