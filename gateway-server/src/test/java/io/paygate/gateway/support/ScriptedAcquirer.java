package io.paygate.gateway.support;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import java.util.List;
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
