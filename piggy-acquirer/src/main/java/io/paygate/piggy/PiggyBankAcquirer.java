package io.paygate.piggy;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.acquirer.spi.VoidRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Piggy Bank connector: authorises payments with {@code POST /payments} and looks them up with
 * {@code GET /payments/{reference}}, captures, voids, refunds and cancels with
 * {@code POST /payments/{reference}/captures} (voids, refunds, cancels) and looks those up with
 * {@code GET /operations/{reference}}, over OkHttp. Create it with {@link PiggyBankAcquirerProvider}.
 *
 * <p>A payment is sent at most once per call. OkHttp's retries are off
 * ({@code retryOnConnectionFailure(false)}, no redirects, a one-shot body: see
 * {@link PaymentRequestBody}), because a silent second send of a payment the bank already took
 * is exactly what must not happen; the gateway retries with the same reference, and the bank
 * treats that reference as an idempotency key.
 *
 * <p>Calls run on the caller's thread ({@code execute()}, not {@code enqueue()}), so OkHttp's
 * Dispatcher and its per-host limit play no part. Concurrency is bounded here instead: at most
 * {@code maxConnections} calls at once, which is also the size of the connection pool, so every
 * connection can be kept for reuse.
 *
 * <p>Thread-safe. Never throws from {@link #authorise} or {@link #status}; never puts the card
 * number or CVV in a result, an exception or a log line.
 */
public final class PiggyBankAcquirer implements Acquirer {
  /**
   * How long an idle connection is kept: well under the bank's own idle timeout (the simulator's
   * is 60 s), so that a payment is not written to a connection the bank is just closing, which
   * would make its outcome unknown.
   */
  private static final long KEEP_ALIVE_SECONDS = 30;

  private static final Map<Operation, String> OPERATION_PATHS = Map.of(
      Operation.CAPTURE, "captures", Operation.VOID, "voids", Operation.REFUND, "refunds",
      Operation.CANCEL, "cancels");

  private final HttpUrl baseUrl;
  private final HttpUrl paymentsUrl;
  private final HttpUrl operationsUrl;
  private final OkHttpClient http;
  private final long connectTimeoutMillis;
  private final long readTimeoutMillis;
  private final int maxConnections;
  private final Semaphore connections;
  private final AutoCloseable embeddedBank;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param baseUrl where the bank is
   * @param settings timeouts and limits
   * @param embeddedBank a simulator this acquirer started and must stop on close, or null
   */
  PiggyBankAcquirer(HttpUrl baseUrl, PiggyBankSettings settings, AutoCloseable embeddedBank) {
    this.baseUrl = baseUrl;
    this.paymentsUrl = baseUrl.newBuilder().addPathSegment("payments").build();
    this.operationsUrl = baseUrl.newBuilder().addPathSegment("operations").build();
    this.connectTimeoutMillis = settings.connectTimeout().toMillis();
    this.readTimeoutMillis = settings.readTimeout().toMillis();
    this.maxConnections = settings.maxConnections();
    this.connections = new Semaphore(maxConnections);
    this.embeddedBank = embeddedBank;
    this.http = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .connectionPool(new ConnectionPool(maxConnections, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
        .eventListenerFactory(SendTracker.FACTORY)
        .build();
  }

  @Override
  public AuthorisationResult authorise(AuthorisationRequest request) {
    if (closed.get()) {
      return AuthorisationResult.notProcessed("the Piggy Bank acquirer is closed");
    }
    if (!acquireConnection(request.deadline())) {
      return AuthorisationResult.notProcessed(noConnection());
    }
    try {
      long timeoutMillis = callTimeoutMillis(request.deadline());
      if (timeoutMillis <= 0) {
        return AuthorisationResult.notProcessed("the deadline passed before the request was sent");
      }
      return send(request, timeoutMillis);
    } finally {
      connections.release();
    }
  }

  private AuthorisationResult send(AuthorisationRequest request, long timeoutMillis) {
    SendTracker tracker = new SendTracker();
    try {
      Call call = http.newCall(new Request.Builder()
          .url(paymentsUrl)
          .post(new PaymentRequestBody(request))
          .tag(SendTracker.class, tracker)
          .build());
      call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      try (Response response = call.execute()) {
        return AuthorisationAnswers.interpret(response, request);
      }
    } catch (IOException e) {
      return tracker.requestStarted()
          ? AuthorisationResult.unknown(failedAfterSending(e, timeoutMillis))
          : AuthorisationResult.notProcessed(failedBeforeSending(e, timeoutMillis));
    } catch (RuntimeException e) {
      // A bug here or in OkHttp: what it means for the money depends on how far the call got.
      String reason = "unexpected failure (" + SafeText.describe(e) + ")";
      return tracker.requestStarted()
          ? AuthorisationResult.unknown(reason + " after the request was sent")
          : AuthorisationResult.notProcessed(reason + " before the request was sent");
    }
  }

  @Override
  public StatusResult status(StatusRequest request) {
    if (closed.get()) {
      return StatusResult.unknown("the Piggy Bank acquirer is closed");
    }
    if (!acquireConnection(request.deadline())) {
      return StatusResult.unknown(noConnection());
    }
    try {
      long timeoutMillis = callTimeoutMillis(request.deadline());
      if (timeoutMillis <= 0) {
        return StatusResult.unknown("the deadline passed before the look-up was sent");
      }
      return lookUp(request, timeoutMillis);
    } finally {
      connections.release();
    }
  }

  private StatusResult lookUp(StatusRequest request, long timeoutMillis) {
    try {
      Call call = http.newCall(new Request.Builder()
          .url(paymentsUrl.newBuilder().addPathSegment(request.paymentReference()).build())
          .build());
      call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      try (Response response = call.execute()) {
        return StatusAnswers.interpret(response, request);
      }
    } catch (IOException e) {
      // Whether or not it was sent, a failed look-up says nothing about the payment.
      return StatusResult.unknown("the look-up failed: " + failure(e, timeoutMillis));
    } catch (RuntimeException e) {
      return StatusResult.unknown("the look-up failed: unexpected " + SafeText.describe(e));
    }
  }

  @Override
  public Set<Operation> supportedOperations() {
    return EnumSet.allOf(Operation.class);
  }

  @Override
  public OperationResult capture(CaptureRequest request) {
    return operate(request);
  }

  @Override
  public OperationResult voidAuthorisation(VoidRequest request) {
    return operate(request);
  }

  @Override
  public OperationResult refund(RefundRequest request) {
    return operate(request);
  }

  @Override
  public OperationResult cancel(CancelRequest request) {
    return operate(request);
  }

  /** Sends an operation once, with the never-sent / sent-no-answer distinction of payments. */
  private OperationResult operate(OperationRequest request) {
    if (closed.get()) {
      return OperationResult.notProcessed("the Piggy Bank acquirer is closed");
    }
    if (!acquireConnection(request.deadline())) {
      return OperationResult.notProcessed(noConnection());
    }
    SendTracker tracker = new SendTracker();
    try {
      long timeoutMillis = callTimeoutMillis(request.deadline());
      if (timeoutMillis <= 0) {
        return OperationResult.notProcessed("the deadline passed before the request was sent");
      }
      Call call = http.newCall(new Request.Builder()
          .url(paymentsUrl.newBuilder().addPathSegment(request.paymentReference())
              .addPathSegment(OPERATION_PATHS.get(request.operation())).build())
          .post(new OperationRequestBody(request))
          .tag(SendTracker.class, tracker)
          .build());
      call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      try (Response response = call.execute()) {
        return OperationAnswers.interpret(response, request);
      } catch (IOException e) {
        return tracker.requestStarted()
            ? OperationResult.unknown(failedAfterSending(e, timeoutMillis))
            : OperationResult.notProcessed(failedBeforeSending(e, timeoutMillis));
      }
    } catch (RuntimeException e) {
      String reason = "unexpected failure (" + SafeText.describe(e) + ")";
      return tracker.requestStarted()
          ? OperationResult.unknown(reason + " after the request was sent")
          : OperationResult.notProcessed(reason + " before the request was sent");
    } finally {
      connections.release();
    }
  }

  @Override
  public OperationResult operationStatus(OperationRequest request) {
    if (closed.get()) {
      return OperationResult.unknown("the Piggy Bank acquirer is closed");
    }
    if (!acquireConnection(request.deadline())) {
      return OperationResult.unknown(noConnection());
    }
    try {
      long timeoutMillis = callTimeoutMillis(request.deadline());
      if (timeoutMillis <= 0) {
        return OperationResult.unknown("the deadline passed before the look-up was sent");
      }
      Call call = http.newCall(new Request.Builder()
          .url(operationsUrl.newBuilder().addPathSegment(request.operationReference()).build())
          .build());
      call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      try (Response response = call.execute()) {
        return OperationAnswers.interpretLookUp(response, request);
      }
    } catch (IOException e) {
      return OperationResult.unknown("the look-up failed: " + failure(e, timeoutMillisFor(request)));
    } catch (RuntimeException e) {
      return OperationResult.unknown("the look-up failed: unexpected " + SafeText.describe(e));
    } finally {
      connections.release();
    }
  }

  private long timeoutMillisFor(OperationRequest request) {
    return callTimeoutMillis(request.deadline());
  }

  /** Stops the embedded simulator, if this acquirer started one, and drops idle connections. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.connectionPool().evictAll();
    if (embeddedBank != null) {
      try {
        embeddedBank.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the embedded Piggy Bank simulator", e);
      }
    }
  }

  /** The bank's address, without any user name or password it holds. */
  @Override
  public String destination() {
    return baseUrl.newBuilder().username("").password("").build().toString();
  }

  /** True when this acquirer started an embedded simulator ({@code simulator=true}). */
  @Override
  public boolean simulator() {
    return embeddedBank != null;
  }

  @Override
  public String toString() {
    return "PiggyBankAcquirer{" + paymentsUrl + (embeddedBank != null ? ", embedded" : "") + "}";
  }

  /** Waits, at most until the deadline, for one of the {@code maxConnections} places. */
  private boolean acquireConnection(Instant deadline) {
    try {
      return connections.tryAcquire(Math.max(0, millisUntil(deadline)), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String noConnection() {
    return Thread.currentThread().isInterrupted()
        ? "interrupted before the request was sent"
        : "no free connection to the Piggy Bank before the deadline (maxConnections="
            + maxConnections + "); nothing was sent";
  }

  /** The whole call's budget: the read timeout, or less when the deadline is nearer. */
  private long callTimeoutMillis(Instant deadline) {
    return Math.min(readTimeoutMillis, millisUntil(deadline));
  }

  private static long millisUntil(Instant deadline) {
    return deadline.toEpochMilli() - System.currentTimeMillis();
  }

  private String failedBeforeSending(IOException e, long timeoutMillis) {
    String what;
    if (e instanceof ConnectException) {
      what = "could not connect to the Piggy Bank (" + SafeText.describe(e) + ")";
    } else if (e instanceof UnknownHostException) {
      what = "unknown Piggy Bank host (" + SafeText.describe(e) + ")";
    } else if (e instanceof SocketTimeoutException) {
      what = "no connection to the Piggy Bank within the connect timeout of "
          + connectTimeoutMillis + " ms";
    } else if (e instanceof InterruptedIOException) {
      what = "the call timed out after " + timeoutMillis + " ms while connecting";
    } else {
      what = "could not reach the Piggy Bank (" + SafeText.describe(e) + ")";
    }
    return what + "; nothing was sent";
  }

  private String failedAfterSending(IOException e, long timeoutMillis) {
    return failure(e, timeoutMillis) + " after the request was sent";
  }

  private String failure(IOException e, long timeoutMillis) {
    if (e instanceof SocketTimeoutException) {
      return "no answer within the read timeout of " + readTimeoutMillis + " ms";
    }
    if (e instanceof InterruptedIOException) {
      return "no complete answer within the call's time limit of " + timeoutMillis + " ms";
    }
    return "the connection failed (" + SafeText.describe(e) + ")";
  }
}
