package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.acquirer.spi.VoidRequest;
import io.paygate.gateway.config.AcquirerCallSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls connectors so that their failures stay contained: each acquirer runs on its own bounded
 * pool, every call has a deadline, and whatever a connector does (throws, returns null, hangs)
 * becomes a result that says what is known about the money.
 */
public final class AcquirerCaller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AcquirerCaller.class);

  private final Duration timeout;
  private final int maxConcurrentCalls;
  private final Clock clock;
  private final Map<String, Bulkhead> pools = new ConcurrentHashMap<>();
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final int breakerThreshold;
  private final Duration breakerPause;

  public AcquirerCaller(AcquirerCallSettings settings, Clock clock) {
    this.timeout = settings.timeout();
    this.maxConcurrentCalls = settings.maxConcurrentCalls();
    this.breakerThreshold = settings.breakerThreshold();
    this.breakerPause = settings.breakerPause();
    this.clock = clock;
  }

  /** The state of an acquirer's circuit breaker. */
  public CircuitBreaker.State breakerState(String acquirerName) {
    CircuitBreaker b = breakers.get(acquirerName);
    return b == null ? CircuitBreaker.State.CLOSED : b.state();
  }

  /** When a call started now must end. */
  public Instant deadline() {
    return clock.instant().plus(timeout);
  }

  /**
   * Asks the acquirer to authorise, unless its circuit breaker is open (then nothing is sent and
   * the result is not processed), and times the bank; never throws.
   */
  public TimedAuthorisation authorise(LoadedAcquirer acquirer, AuthorisationRequest request) {
    CircuitBreaker breaker = breakers.computeIfAbsent(acquirer.name(),
        name -> new CircuitBreaker(breakerThreshold, breakerPause, clock));
    if (!breaker.tryAcquire()) {
      return TimedAuthorisation.notSent(AuthorisationResult.notProcessed("the circuit breaker of "
          + acquirer.name() + " is open after " + breaker.failures()
          + " failures in a row; nothing was sent"));
    }
    TimedAuthorisation timed = call(acquirer, request);
    AuthorisationResult result = timed.result();
    switch (result.outcome()) {
      case AUTHORISED:
      case DECLINED:
        breaker.onSuccess();
        break;
      default:
        breaker.onFailure();
    }
    return timed;
  }

  /**
   * Runs the connector on the acquirer's pool. The bank's time is taken inside the pool task,
   * around the connector alone, so that handing the call over to the pool counts as the
   * gateway's time; when no answer comes back (timeout, a throw) it is the time waited here.
   */
  private TimedAuthorisation call(LoadedAcquirer acquirer, AuthorisationRequest request) {
    Future<TimedAuthorisation> call;
    long submitted = System.nanoTime();
    try {
      call = pool(acquirer).submit(() -> {
        long start = System.nanoTime();
        AuthorisationResult result = acquirer.acquirer().authorise(request);
        return new TimedAuthorisation(result, System.nanoTime() - start);
      });
    } catch (RejectedExecutionException e) {
      // We never called the bank: certainly not processed.
      return TimedAuthorisation.notSent(
          AuthorisationResult.notProcessed("too many payments in flight to " + acquirer.name()));
    }
    try {
      TimedAuthorisation answered = await(call, request.deadline());
      if (answered.result() == null) {
        return new TimedAuthorisation(
            AuthorisationResult.unknown("the connector returned no result"), answered.bankNanos());
      }
      return answered;
    } catch (TimeoutException e) {
      call.cancel(true);
      return waited(submitted,
          AuthorisationResult.unknown("no answer within " + timeout.toMillis() + " ms"));
    } catch (ExecutionException e) {
      log.warn("acquirer {} threw while authorising {}: {}", acquirer.name(),
          request.paymentReference(), e.getCause().getClass().getName());
      return waited(submitted, AuthorisationResult.unknown("the connector failed: "
          + e.getCause().getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return waited(submitted, AuthorisationResult.unknown("interrupted while waiting for the bank"));
    }
  }

  private static TimedAuthorisation waited(long since, AuthorisationResult result) {
    return new TimedAuthorisation(result, System.nanoTime() - since);
  }

  /** Asks the acquirer what became of a payment; never throws. */
  public StatusResult status(LoadedAcquirer acquirer, StatusRequest request) {
    Future<StatusResult> call;
    try {
      call = pool(acquirer).submit((Callable<StatusResult>) () -> acquirer.acquirer().status(request));
    } catch (RejectedExecutionException e) {
      return StatusResult.unknown("too many calls in flight to " + acquirer.name());
    }
    try {
      StatusResult result = await(call, request.deadline());
      return result == null ? StatusResult.unknown("the connector returned no result") : result;
    } catch (TimeoutException e) {
      call.cancel(true);
      return StatusResult.unknown("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return StatusResult.unknown("the connector failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StatusResult.unknown("interrupted");
    }
  }

  /**
   * Sends a capture, void, refund or cancel; never throws. A call that never reached the
   * connector (too many in flight) is not processed; a throw, a null or a timeout is unknown. The
   * circuit breaker is the authorisations': operations neither consult nor move it.
   */
  public OperationResult operate(LoadedAcquirer acquirer, OperationRequest request) {
    Acquirer a = acquirer.acquirer();
    return callForOperation(acquirer, request, () -> {
      if (request instanceof CaptureRequest capture) {
        return a.capture(capture);
      } else if (request instanceof VoidRequest release) {
        return a.voidAuthorisation(release);
      } else if (request instanceof RefundRequest refund) {
        return a.refund(refund);
      }
      return a.cancel((CancelRequest) request);
    }, true);
  }

  /** Asks the acquirer what became of an operation; never throws. */
  public OperationResult operationStatus(LoadedAcquirer acquirer, OperationRequest request) {
    return callForOperation(acquirer, request,
        () -> acquirer.acquirer().operationStatus(request), false);
  }

  private OperationResult callForOperation(LoadedAcquirer acquirer, OperationRequest request,
      Callable<OperationResult> work, boolean sends) {
    Future<OperationResult> call;
    try {
      call = pool(acquirer).submit(work);
    } catch (RejectedExecutionException e) {
      String why = "too many calls in flight to " + acquirer.name();
      return sends ? OperationResult.notProcessed(why) : OperationResult.unknown(why);
    }
    try {
      OperationResult result = await(call, request.deadline());
      return result == null ? OperationResult.unknown("the connector returned no result") : result;
    } catch (TimeoutException e) {
      call.cancel(true);
      return OperationResult.unknown("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      log.warn("acquirer {} threw on {} {}: {}", acquirer.name(), request.operation(),
          request.operationReference(), e.getCause().getClass().getName());
      return OperationResult.unknown(
          "the connector failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OperationResult.unknown("interrupted while waiting for the bank");
    }
  }

  private <T> T await(Future<T> call, Instant deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    long nanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
    return call.get(nanos, TimeUnit.NANOSECONDS);
  }

  private Bulkhead pool(LoadedAcquirer acquirer) {
    return pools.computeIfAbsent(acquirer.name(), name -> new Bulkhead(name, maxConcurrentCalls));
  }

  @Override
  public void close() {
    pools.values().forEach(Bulkhead::close);
  }
}
