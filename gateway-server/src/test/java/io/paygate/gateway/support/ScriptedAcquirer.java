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

  /** Makes it declare and answer technical cancels (done), or stop doing so. */
  public static void cancels(boolean on) {
    cancels = on;
  }

  /** The payment references it was asked to cancel, in order. */
  public static List<String> cancelCalls() {
    return List.copyOf(CANCEL_CALLS);
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
    return cancels ? EnumSet.of(Operation.AUTHORISE, Operation.CANCEL)
        : EnumSet.of(Operation.AUTHORISE);
  }

  @Override
  public OperationResult cancel(CancelRequest request) {
    if (!cancels) {
      return Acquirer.super.cancel(request);
    }
    CANCEL_CALLS.add(request.paymentReference());
    return OperationResult.done("scripted-cancel-" + request.operationReference());
  }

  @Override
  public OperationResult operationStatus(OperationRequest request) {
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
