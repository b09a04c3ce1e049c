package io.paygate.sdk;

import io.paygate.sdk.internal.Backoff;
import io.paygate.sdk.internal.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jetbrains.annotations.Nullable;

/**
 * Runs one logical call to the gateway: the only place in the SDK that retries. OkHttp's own
 * silent retry is switched off, so every attempt that goes on the wire is counted here, sent with
 * the same {@code Idempotency-Key}, spaced by {@link Backoff}, and bounded by one deadline for the
 * whole call.
 *
 * <p>Retried: no answer (connection refused or reset, read timeout), 409 (the same key is still in
 * flight), 429 (after {@code Retry-After}), 5xx. Never retried: any other answer, a 400 or a 401
 * above all, a decline, which is a 201, and any failure once the caller's thread is interrupted
 * (the caller gave up). Retrying a POST is safe only because the gateway answers a repeated key
 * with the first outcome.
 */
final class Transport {
  private final Sender sender;
  private final int maxRetries;
  private final Backoff backoff;
  private final Duration callTimeout;
  private final PaygateListener listener;
  private final Clock clock;

  Transport(Sender sender, int maxRetries, Backoff backoff, Duration callTimeout,
      PaygateListener listener, Clock clock) {
    this.sender = sender;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.callTimeout = callTimeout;
    this.listener = listener;
    this.clock = clock;
  }

  /** Returns the first 2xx answer, or throws what the last attempt ran into. */
  ApiResponse execute(ApiRequest request) {
    Deadline deadline = Deadline.after(callTimeout);
    for (int attempt = 1; ; attempt++) {
      Failure failure;
      try {
        ApiResponse response = sender.send(request, deadline, attempt);
        if (response.isSuccessful()) return response;
        PaygateException error = ErrorMapper.fromResponse(request, response, attempt, clock);
        Duration retryAfter = error instanceof RateLimitedException
            ? ((RateLimitedException) error).retryAfter() : null;
        // A 409 for the payment's state, unlike one for a key in flight, no retry can change.
        boolean retryable = ErrorMapper.isRetryable(response.code)
            && !(error instanceof IllegalTransitionException);
        failure = new Failure(error, retryable, retryAfter,
            "HTTP " + response.code);
      } catch (IOException e) {
        failure = ioFailure(request, e, attempt, deadline);
      }

      if (!failure.retryable || attempt > maxRetries) throw failure.error;
      Duration delay = backoff.delay(attempt, failure.retryAfter);
      // Waiting past the deadline only to fail then would waste the caller's time.
      if (deadline.wouldExpireWithin(delay)) throw failure.error;
      listener.retryScheduled(new RetryEvent(request.method, request.url.toString(), attempt, delay,
          failure.reason, request.idempotencyKey));
      try {
        Deadline.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionFailureException(request.description()
            + ": interrupted while waiting to retry" + ErrorMapper.outcomeUnknown(request),
            request.idempotencyKey, failure.error);
      }
    }
  }

  private Failure ioFailure(ApiRequest request, IOException e, int attempt, Deadline deadline) {
    if (Thread.currentThread().isInterrupted()) {
      // The caller gave up (an interrupt, or a cancelled submitAsync future): the call was
      // cancelled, no retry follows, and the flag stays set for the caller to see.
      throw new ConnectionFailureException(request.description() + ": interrupted, the call was "
          + "cancelled" + (attempt > 1 ? " (attempt " + attempt + ")" : "")
          + ErrorMapper.outcomeUnknown(request), request.idempotencyKey, e);
    }
    PaygateException tokenError = TokenFailure.unwrap(e);
    if (tokenError != null && !deadline.isExpired()) {
      // Getting a token failed with an answer: retry as if this request had got that answer.
      int code = tokenError.httpStatus();
      Duration retryAfter = tokenError instanceof RateLimitedException
          ? ((RateLimitedException) tokenError).retryAfter() : null;
      return new Failure(ErrorMapper.copy(tokenError, request.idempotencyKey),
          ErrorMapper.isRetryable(code), retryAfter, "HTTP " + code + " getting a token");
    }
    if (deadline.isExpired()) {
      throw new CallTimeoutException(request.description() + ": no answer within the call timeout of "
          + deadline.total().toMillis() + " ms (" + attempt + (attempt == 1 ? " attempt" : " attempts")
          + ")" + ErrorMapper.outcomeUnknown(request), request.idempotencyKey, e);
    }
    String message = request.description() + ": no answer from the gateway ("
        + e + (attempt > 1 ? ", after " + attempt + " attempts" : "") + ")"
        + ErrorMapper.outcomeUnknown(request);
    return new Failure(new ConnectionFailureException(message, request.idempotencyKey, e),
        isRetryable(e), null, e.toString());
  }

  /** False for failures that a new connection cannot fix, as OkHttp itself judges them. */
  private static boolean isRetryable(IOException e) {
    if (Thread.currentThread().isInterrupted()) return false;
    if (e instanceof ProtocolException) return false;
    if (e instanceof SSLPeerUnverifiedException) return false;
    if (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) return false;
    // A read timeout is an InterruptedIOException too, and is worth a retry; an interrupt is not.
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /** Why one attempt failed, and whether another may succeed. */
  private static final class Failure {
    final PaygateException error;
    final boolean retryable;
    final @Nullable Duration retryAfter;
    final String reason;

    Failure(PaygateException error, boolean retryable, @Nullable Duration retryAfter, String reason) {
      this.error = error;
      this.retryable = retryable;
      this.retryAfter = retryAfter;
      this.reason = reason;
    }
  }
}
