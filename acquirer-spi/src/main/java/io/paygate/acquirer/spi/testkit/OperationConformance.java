package io.paygate.acquirer.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.VoidRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit's checks of captures, voids, refunds and cancels (SPI 1.1), each run only
 * when the connector declares the operation in {@link Acquirer#supportedOperations()}. Extend
 * {@link AcquirerConformanceTest}, not this class.
 *
 * <p>What it checks, per declared operation: the operation is done as asked; the same operation
 * reference twice is one operation at the bank; a capture never takes more than was authorised and
 * a refund never gives back more than was captured; a bank that does not answer gives
 * {@code UNKNOWN} (never {@code REFUSED}); a refused connection gives {@code NOT_PROCESSED}; an
 * operation can be looked up, and one never sent is not found.
 */
public abstract class OperationConformance {
  // Implemented by AcquirerConformanceTest.
  abstract Acquirer acquirerUnderTest();

  abstract Acquirer createFor(URI bankUrl);

  abstract AuthorisationRequest authorisable();

  abstract Duration callTimeout();

  /**
   * How many operations the bank holds under the gateway's {@code operationReference}; the kit
   * skips its "one reference, one operation" checks when this answers -1 (the default).
   */
  protected int operationsAtBank(String operationReference) throws Exception {
    return -1;
  }

  /**
   * Whether an authorisation also captures (a "sale"): the kit then refunds right after
   * authorising. By default, when the connector does not declare {@link Operation#CAPTURE}.
   */
  protected boolean authorisationCaptures() {
    return !supported().contains(Operation.CAPTURE);
  }

  private Set<Operation> supported() {
    Set<Operation> ops = acquirerUnderTest().supportedOperations();
    assertNotNull(ops, "supportedOperations() is null");
    return ops;
  }

  private void assumeSupported(Operation op) {
    assumeTrue(supported().contains(op), "the connector does not declare " + op);
  }

  @Test
  void theDeclaredOperationsIncludeAuthorise() {
    Set<Operation> ops = supported();
    assertTrue(ops.contains(Operation.AUTHORISE), "supportedOperations() must include AUTHORISE");
  }

  @Test
  void aCaptureIsDoneOnceForItsReference() throws Exception {
    assumeSupported(Operation.CAPTURE);
    AuthorisationRequest payment = authorised();
    CaptureRequest capture = build(CaptureRequest.builder(), payment, 4250);

    OperationResult first = operate(acquirerUnderTest(), capture);
    OperationResult again = operate(acquirerUnderTest(), capture);

    assertEquals(OperationResult.Outcome.DONE, first.outcome(), first::toString);
    assertEquals(OperationResult.Outcome.DONE, again.outcome(), again::toString);
    assertEquals(first.bankReference(), again.bankReference(),
        "the retry must answer the first capture, not a new one");
    assertOneAtBank(capture);
    OperationResult looked = lookUp(acquirerUnderTest(), capture);
    assertEquals(OperationResult.Outcome.DONE, looked.outcome(), looked::toString);
  }

  @Test
  void aCaptureNeverTakesMoreThanWasAuthorised() {
    assumeSupported(Operation.CAPTURE);
    AuthorisationRequest payment = authorised();
    OperationResult part = operate(acquirerUnderTest(), build(CaptureRequest.builder(), payment, 4000));
    OperationResult over = operate(acquirerUnderTest(), build(CaptureRequest.builder(), payment, 300));

    assertEquals(OperationResult.Outcome.DONE, part.outcome(), part::toString);
    assertNotEquals(OperationResult.Outcome.DONE, over.outcome(),
        "42.50 authorised, 40.00 captured: 3.00 more must not be captured: " + over);
  }

  @Test
  void partialRefundsAreDoneOnceEachAndNeverPassTheCapturedAmount() throws Exception {
    assumeSupported(Operation.REFUND);
    AuthorisationRequest payment = captured();
    RefundRequest first = build(RefundRequest.builder(), payment, 1000);

    OperationResult once = operate(acquirerUnderTest(), first);
    OperationResult again = operate(acquirerUnderTest(), first);
    OperationResult second = operate(acquirerUnderTest(), build(RefundRequest.builder(), payment, 1000));
    OperationResult over = operate(acquirerUnderTest(), build(RefundRequest.builder(), payment, 3000));

    assertEquals(OperationResult.Outcome.DONE, once.outcome(), once::toString);
    assertEquals(OperationResult.Outcome.DONE, again.outcome(), again::toString);
    assertEquals(once.bankReference(), again.bankReference(),
        "the retry must answer the first refund, not make a second one");
    assertOneAtBank(first);
    assertEquals(OperationResult.Outcome.DONE, second.outcome(),
        "a second partial refund has its own reference: " + second);
    assertNotEquals(OperationResult.Outcome.DONE, over.outcome(),
        "42.50 captured, 20.00 refunded: 30.00 more must not be refunded: " + over);
    OperationResult looked = lookUp(acquirerUnderTest(), first);
    assertEquals(OperationResult.Outcome.DONE, looked.outcome(), looked::toString);
  }

  @Test
  void aVoidIsDoneOnceAndNothingIsCapturedAfterIt() throws Exception {
    assumeSupported(Operation.VOID);
    AuthorisationRequest payment = authorised();
    VoidRequest release = build(VoidRequest.builder(), payment, 4250);

    OperationResult once = operate(acquirerUnderTest(), release);
    OperationResult again = operate(acquirerUnderTest(), release);

    assertEquals(OperationResult.Outcome.DONE, once.outcome(), once::toString);
    assertEquals(OperationResult.Outcome.DONE, again.outcome(), again::toString);
    assertOneAtBank(release);
    if (supported().contains(Operation.CAPTURE)) {
      OperationResult capture =
          operate(acquirerUnderTest(), build(CaptureRequest.builder(), payment, 4250));
      assertNotEquals(OperationResult.Outcome.DONE, capture.outcome(),
          "a voided authorisation must not be captured: " + capture);
    }
  }

  @Test
  void aCancelBeforeThePaymentArrivesMakesTheLateAuthorisationFail() {
    assumeSupported(Operation.CANCEL);
    AuthorisationRequest payment = authorisable();
    OperationResult cancel = operate(acquirerUnderTest(), build(CancelRequest.builder(), payment, 4250));
    AuthorisationResult late = acquirerUnderTest().authorise(payment);

    assertNotEquals(OperationResult.Outcome.UNKNOWN, cancel.outcome(), cancel::toString);
    assertNotEquals(AuthorisationResult.Outcome.AUTHORISED, late.outcome(),
        "a payment cancelled by its reference must not be authorised when it arrives: " + late);
  }

  @Test
  void aCancelOfAnAuthorisedPaymentIsDone() {
    assumeSupported(Operation.CANCEL);
    OperationResult cancel =
        operate(acquirerUnderTest(), build(CancelRequest.builder(), authorised(), 4250));
    assertEquals(OperationResult.Outcome.DONE, cancel.outcome(), cancel::toString);
  }

  @Test
  void anOperationNeverSentIsNotFound() {
    Operation op = supported().stream().filter(o -> o != Operation.AUTHORISE).findFirst()
        .orElse(null);
    assumeTrue(op != null, "the connector declares no operation beyond AUTHORISE");
    OperationResult looked = lookUp(acquirerUnderTest(), request(op, authorisable(), 4250));
    assertEquals(OperationResult.Outcome.NOT_PROCESSED, looked.outcome(), looked::toString);
  }

  @Test
  void aBankThatDoesNotAnswerGivesUnknownNeverRefused() {
    Set<Operation> ops = supported();
    assumeTrue(ops.size() > 1, "the connector declares no operation beyond AUTHORISE");
    try (MisbehavingBank bank = MisbehavingBank.start(MisbehavingBank.Behaviour.HANG);
        Acquirer hanging = createFor(bank.baseUrl())) {
      Duration patience = callTimeout().multipliedBy(3).plusSeconds(5);
      for (Operation op : ops) {
        if (op == Operation.AUTHORISE) {
          continue;
        }
        OperationRequest request = request(op, authorisable(), 4250);
        OperationResult result = assertTimeoutPreemptively(patience,
            () -> operate(hanging, request), op + " must give up on a silent bank");
        assertEquals(OperationResult.Outcome.UNKNOWN, result.outcome(),
            op + ": the bank may have acted: " + result);
        OperationResult looked = assertTimeoutPreemptively(patience,
            () -> lookUp(hanging, request), "operationStatus must give up on a silent bank");
        assertEquals(OperationResult.Outcome.UNKNOWN, looked.outcome(), looked::toString);
      }
    }
  }

  @Test
  void aRefusedConnectionIsNotProcessed() {
    Set<Operation> ops = supported();
    assumeTrue(ops.size() > 1, "the connector declares no operation beyond AUTHORISE");
    try (Acquirer refused = createFor(MisbehavingBank.refusingAddress())) {
      for (Operation op : ops) {
        if (op == Operation.AUTHORISE) {
          continue;
        }
        OperationResult result = operate(refused, request(op, authorisable(), 4250));
        assertEquals(OperationResult.Outcome.NOT_PROCESSED, result.outcome(),
            op + ": nothing reached the bank: " + result);
      }
    }
  }

  // Helpers.

  private AuthorisationRequest authorised() {
    AuthorisationRequest payment = authorisable();
    AuthorisationResult result = acquirerUnderTest().authorise(payment);
    assertEquals(AuthorisationResult.Outcome.AUTHORISED, result.outcome(), result::toString);
    return payment;
  }

  /** An authorised payment whose 42.50 are captured, by a capture or by the authorisation. */
  private AuthorisationRequest captured() {
    AuthorisationRequest payment = authorised();
    if (!authorisationCaptures()) {
      OperationResult capture =
          operate(acquirerUnderTest(), build(CaptureRequest.builder(), payment, 4250));
      assertEquals(OperationResult.Outcome.DONE, capture.outcome(), capture::toString);
    }
    return payment;
  }

  private OperationRequest request(Operation op, AuthorisationRequest payment, long amount) {
    switch (op) {
      case CAPTURE:
        return build(CaptureRequest.builder(), payment, amount);
      case VOID:
        return build(VoidRequest.builder(), payment, amount);
      case REFUND:
        return build(RefundRequest.builder(), payment, amount);
      case CANCEL:
        return build(CancelRequest.builder(), payment, amount);
      default:
        throw new IllegalArgumentException(op.toString());
    }
  }

  private <R extends OperationRequest> R build(
      OperationRequest.Builder<R> builder, AuthorisationRequest payment, long amount) {
    return builder
        .operationReference("conformance-op-" + UUID.randomUUID())
        .paymentReference(payment.paymentReference())
        .merchantId(payment.merchantId())
        .amount(amount, payment.currency())
        .deadline(Instant.now().plus(callTimeout()).plusSeconds(1))
        .build();
  }

  private static OperationResult operate(Acquirer a, OperationRequest request) {
    OperationResult result;
    if (request instanceof CaptureRequest) {
      result = a.capture((CaptureRequest) request);
    } else if (request instanceof VoidRequest) {
      result = a.voidAuthorisation((VoidRequest) request);
    } else if (request instanceof RefundRequest) {
      result = a.refund((RefundRequest) request);
    } else {
      result = a.cancel((CancelRequest) request);
    }
    assertNotNull(result, request.operation() + " returned null; return a result for every outcome");
    return result;
  }

  private static OperationResult lookUp(Acquirer a, OperationRequest request) {
    OperationResult result = a.operationStatus(request);
    assertNotNull(result, "operationStatus() returned null; return OperationResult.unknown(...)");
    return result;
  }

  private void assertOneAtBank(OperationRequest request) throws Exception {
    int count = operationsAtBank(request.operationReference());
    if (count >= 0) {
      assertEquals(1, count, "send the operation reference as the bank's idempotency key: one"
          + " reference, one " + request.operation().name().toLowerCase());
    }
  }
}
