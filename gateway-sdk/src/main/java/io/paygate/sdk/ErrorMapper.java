package io.paygate.sdk;

import io.paygate.sdk.internal.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/** Turns an error answer of the gateway into the exception that says what it means. */
final class ErrorMapper {
  private ErrorMapper() {
  }

  /** True for the statuses a retry can fix: in flight elsewhere, too many requests, server trouble. */
  static boolean isRetryable(int code) {
    return code == 409 || code == 429 || code >= 500;
  }

  static PaygateException fromResponse(ApiRequest request, ApiResponse response, int attempts,
      Clock clock) {
    Problem problem = WireJson.problem(response.body);
    int code = response.code;
    String requestId = response.requestId() != null ? response.requestId() : problem.requestId;
    String key = request.idempotencyKey;
    String message = message(request, code, problem, requestId, attempts);
    switch (code) {
      case 400:
      case 405:
      case 413:
      case 415:
        return new InvalidRequestException(message, code, requestId, key, problem.errors);
      case 401:
        return new AuthenticationException(message, code, requestId, key);
      case 403:
        return new PermissionException(message, code, requestId, key);
      case 404:
        return new NotFoundException(message, code, requestId, key);
      case 409:
        return "illegal-transition".equals(problem.typeSuffix())
            ? new IllegalTransitionException(message, code, requestId, key)
            : new IdempotencyKeyInUseException(message, code, requestId, key);
      case 422:
        return "idempotency-key-reused".equals(problem.typeSuffix())
            ? new IdempotencyKeyReusedException(message, code, requestId, key)
            : new InvalidRequestException(message, code, requestId, key, problem.errors);
      case 429:
        Duration retryAfter = Backoff.parseRetryAfter(response.header("Retry-After"), clock);
        return new RateLimitedException(message, code, requestId, key, retryAfter);
      default:
        if (code >= 500) {
          return new ServerException(message + outcomeUnknown(request), code, requestId, key);
        }
        return new PaygateException(message, code, requestId, key, null);
    }
  }

  /**
   * {@code POST /api/process: 2 fields are invalid: cardnumber is ...; expiryyear ... (HTTP 400,
   * request id X)}, or {@code GET /api/history/7: HTTP 502 (after 4 attempts)} without a problem.
   */
  private static String message(ApiRequest request, int code, Problem problem,
      @Nullable String requestId, int attempts) {
    StringBuilder message = new StringBuilder(request.description()).append(": ");
    String what = problem.detail != null ? problem.detail : problem.title;
    if (what != null) message.append(what);
    List<FieldError> errors = problem.errors;
    for (int i = 0; i < errors.size(); i++) {
      message.append(i == 0 ? ": " : "; ").append(errors.get(i).field()).append(' ')
          .append(errors.get(i).message());
    }
    StringBuilder facts = new StringBuilder();
    if (what != null) facts.append("HTTP ").append(code);
    if (requestId != null) facts.append(facts.length() > 0 ? ", " : "").append("request id ").append(requestId);
    if (attempts > 1) facts.append(facts.length() > 0 ? ", " : "").append("after ").append(attempts).append(" attempts");
    if (what == null) return message.append("HTTP ").append(code)
        .append(facts.length() > 0 ? " (" + facts + ")" : "").toString();
    return message.append(" (").append(facts).append(')').toString();
  }

  static String outcomeUnknown(ApiRequest request) {
    return request.isPayment()
        ? ". The outcome of the payment is unknown: submit it again with idempotency key "
            + request.idempotencyKey + " to learn it without paying twice"
        : "";
  }

  /**
   * Returns a copy of {@code e} that carries {@code idempotencyKey} and has {@code e} as its cause:
   * for a failure that happened elsewhere (another thread's token refresh) but must be thrown
   * here, about this payment.
   */
  static PaygateException copy(PaygateException e, @Nullable String idempotencyKey) {
    String key = idempotencyKey != null ? idempotencyKey : e.idempotencyKey();
    String message = e.getMessage();
    int code = e.httpStatus();
    String requestId = e.requestId();
    PaygateException copy;
    if (e instanceof CallTimeoutException) {
      return new CallTimeoutException(message, key, e);
    } else if (e instanceof ConnectionFailureException) {
      return new ConnectionFailureException(message, key, e);
    } else if (e instanceof AuthenticationException) {
      copy = new AuthenticationException(message, code, requestId, key);
    } else if (e instanceof PermissionException) {
      copy = new PermissionException(message, code, requestId, key);
    } else if (e instanceof InvalidRequestException) {
      copy = new InvalidRequestException(message, code, requestId, key,
          ((InvalidRequestException) e).fieldErrors());
    } else if (e instanceof NotFoundException) {
      copy = new NotFoundException(message, code, requestId, key);
    } else if (e instanceof IllegalTransitionException) {
      copy = new IllegalTransitionException(message, code, requestId, key);
    } else if (e instanceof IdempotencyKeyInUseException) {
      copy = new IdempotencyKeyInUseException(message, code, requestId, key);
    } else if (e instanceof IdempotencyKeyReusedException) {
      copy = new IdempotencyKeyReusedException(message, code, requestId, key);
    } else if (e instanceof IdempotencyConflictException) {
      copy = new IdempotencyConflictException(message, code, requestId, key);
    } else if (e instanceof RateLimitedException) {
      copy = new RateLimitedException(message, code, requestId, key,
          ((RateLimitedException) e).retryAfter());
    } else if (e instanceof ServerException) {
      copy = new ServerException(message, code, requestId, key);
    } else {
      return new PaygateException(message, code, requestId, key, e);
    }
    copy.initCause(e);
    return copy;
  }
}
