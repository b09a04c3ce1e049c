package io.paygate.gateway.support;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.VoidRequest;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A second bank for failover and circuit-breaker tests, loaded from the test class path as the
 * plug-in {@code Scripted}. Until a test scripts it, it authorises every payment; what it was
 * asked is recorded, by payment reference.
 */
public final class ScriptedAcquirer implements Acquirer {
  public static final String NAME = "Scripted";

  private static volatile Function<AuthorisationRequest, AuthorisationResult> script =
      ScriptedAcquirer::approve;
  private static volatile Function<StatusRequest, StatusResult> statusScript = null;
  private static final List<String> AUTHORISE_CALLS = new CopyOnWriteArrayList<>();
  private static final Map<String, AuthorisationResult> DONE = new ConcurrentHashMap<>();
  /** Whether it declares CANCEL (SPI 1.1); by default it is an authorise-only (1.0) connector. */
  private static volatile boolean cancels;
  private static final List<String> CANCEL_CALLS = new CopyOnWriteArrayList<>();
  private static final Map<String, java.time.Instant> CANCELLED_AT = new ConcurrentHashMap<>();
  /** Whether it declares capture, void and refund (SPI 1.1), answered by {@link #opScript}. */
  private static volatile boolean lifecycle;
  private static volatile Function<OperationRequest, OperationResult> opScript =
      ScriptedAcquirer::carryOut;
  /** The operations it carried out, by operation reference: what its look-ups answer. */
  private static final Map<String, OperationResult> OPS_DONE = new ConcurrentHashMap<>();

  /** Makes it declare and carry out captures, voids and refunds, or stop doing so. */
  public static void lifecycle(boolean on) {
    lifecycle = on;
  }

  /** Answers every later capture, void and refund with {@code next}. */
  public static void scriptOperations(Function<OperationRequest, OperationResult> next) {
    opScript = next;
  }

  /** Carries the operation out and says so. */
  public static OperationResult carryOut(OperationRequest r) {
    OperationResult done = OperationResult.done("scripted-op-" + r.operationReference());
    OPS_DONE.put(r.operationReference(), done);
    return done;
  }

  /** Carries the operation out but loses the answer: unknown until looked up. */
  public static OperationResult carryOutButLoseTheAnswer(OperationRequest r) {
    carryOut(r);
    return OperationResult.unknown("the answer was lost");
  }

  /** Makes it declare and answer technical cancels (done), or stop doing so. */
  public static void cancels(boolean on) {
    cancels = on;
  }

  /** The payment references it was asked to cancel, in order. */
  public static List<String> cancelCalls() {
    return List.copyOf(CANCEL_CALLS);
  }

  /** When it was first asked to cancel this payment, if it was. */
  public static java.time.Instant cancelledAt(String paymentReference) {
    return CANCELLED_AT.get(paymentReference);
  }

  /** Loses the request before the bank: the outcome reads unknown and the bank never saw it. */
  public static AuthorisationResult loseTheRequest(AuthorisationRequest r) {
    return AuthorisationResult.unknown("the request was lost on its way");
  }

  /** Answers every later authorisation with {@code next}. */
  public static void script(Function<AuthorisationRequest, AuthorisationResult> next) {
    script = next;
  }

  /** Answers every later status look-up with {@code next} (null: from what it authorised). */
  public static void scriptStatus(Function<StatusRequest, StatusResult> next) {
    statusScript = next;
  }

  /** Back to authorising everything, with no calls recorded. */
  public static void reset() {
    script = ScriptedAcquirer::approve;
    statusScript = null;
    AUTHORISE_CALLS.clear();
    DONE.clear();
    cancels = false;
    CANCEL_CALLS.clear();
    CANCELLED_AT.clear();
    lifecycle = false;
    opScript = ScriptedAcquirer::carryOut;
    OPS_DONE.clear();
  }

  /** The payment references it was asked to authorise, in order. */
  public static List<String> authoriseCalls() {
    return List.copyOf(AUTHORISE_CALLS);
  }

  /** Authorises at the bank but loses the answer, as a timeout after the bank acted does. */
  public static AuthorisationResult approveButLoseTheAnswer(AuthorisationRequest r) {
    DONE.put(r.paymentReference(), approve(r));
    return AuthorisationResult.unknown("the answer was lost");
  }

  private static AuthorisationResult approve(AuthorisationRequest r) {
    return AuthorisationResult.authorised("scripted-" + r.paymentReference(), "S1");
  }

  @Override
  public AuthorisationResult authorise(AuthorisationRequest request) {
    AUTHORISE_CALLS.add(request.paymentReference());
    AuthorisationResult result = script.apply(request);
    if (result != null && result.outcome() == AuthorisationResult.Outcome.AUTHORISED) {
      DONE.put(request.paymentReference(), result);
    }
    return result;
  }

  @Override
  public StatusResult status(StatusRequest request) {
    Function<StatusRequest, StatusResult> scripted = statusScript;
    if (scripted != null) {
      return scripted.apply(request);
    }
    AuthorisationResult done = DONE.get(request.paymentReference());
    return done == null ? StatusResult.notFound() : StatusResult.authorised(done.bankReference(),
        done.authorisationCode(), request.amountMinor(), request.currency());
  }

  @Override
  public Set<Operation> supportedOperations() {
    Set<Operation> ops = EnumSet.of(Operation.AUTHORISE);
    if (cancels) {
      ops.add(Operation.CANCEL);
    }
    if (lifecycle) {
      ops.addAll(EnumSet.of(Operation.CAPTURE, Operation.VOID, Operation.REFUND));
    }
    return ops;
  }

  @Override
  public OperationResult capture(CaptureRequest request) {
    return lifecycle ? opScript.apply(request) : Acquirer.super.capture(request);
  }

  @Override
  public OperationResult voidAuthorisation(VoidRequest request) {
    return lifecycle ? opScript.apply(request) : Acquirer.super.voidAuthorisation(request);
  }

  @Override
  public OperationResult refund(RefundRequest request) {
    return lifecycle ? opScript.apply(request) : Acquirer.super.refund(request);
  }

  @Override
  public OperationResult cancel(CancelRequest request) {
    if (!cancels) {
      return Acquirer.super.cancel(request);
    }
    CANCEL_CALLS.add(request.paymentReference());
    CANCELLED_AT.putIfAbsent(request.paymentReference(), java.time.Instant.now());
    return OperationResult.done("scripted-cancel-" + request.operationReference());
  }

  @Override
  public OperationResult operationStatus(OperationRequest request) {
    OperationResult done = OPS_DONE.get(request.operationReference());
    if (done != null) {
      return done;
    }
    return CANCEL_CALLS.contains(request.paymentReference())
        ? OperationResult.done("scripted-cancel-" + request.operationReference())
        : OperationResult.notProcessed("no such operation");
  }

  /** Its provider, registered in the test class path's META-INF/services. */
  public static final class Provider implements AcquirerProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String spiVersion() {
      return AcquirerSpi.VERSION;
    }

    @Override
    public Acquirer create(AcquirerSettings settings) {
      return new ScriptedAcquirer();
    }
  }
}
