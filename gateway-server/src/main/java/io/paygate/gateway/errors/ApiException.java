package io.paygate.gateway.errors;

import java.util.Map;

/**
 * An error answered as {@code application/problem+json}: a status, a stable type (the last part
 * of the type URI) and a human detail. Throw it from anywhere in a request; the
 * {@code http.ProblemAnswers} turns it into the answer.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  public ApiException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  /** With RFC 9457 extension members (strings and whole numbers) beside the standard ones. */
  public ApiException(int status, String type, String title, String detail,
      Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
  }

  /** 409: the payment's state does not allow the operation; names the state. */
  public static ApiException illegalTransition(String operation, String currentState,
      String detail) {
    return new ApiException(409, "illegal-transition", "Operation not allowed in this state",
        detail, Map.of("currentState", currentState, "operation", operation));
  }

  /** 422: the payment's acquirer does not support the operation. */
  public static ApiException operationNotSupported(String operation, String acquirer) {
    return new ApiException(422, "operation-not-supported", "Operation not supported",
        "the acquirer " + acquirer + " of this payment does not support " + operation,
        Map.of("operation", operation, "acquirer", acquirer));
  }

  /** 422: the amount is more than remains to capture or refund; names what remains. */
  public static ApiException amountExceedsRemaining(String operation, long remaining,
      String currency) {
    return new ApiException(422, "amount-exceeds-remaining", "Amount exceeds what remains",
        "the amount is more than remains to " + operation + ": " + remaining + " " + currency
            + " (minor units)", Map.of("remaining", remaining, "currency", currency));
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail);
  }

  /** 403: the operator has disabled the merchant; logging in again will not help. */
  public static ApiException merchantDisabled() {
    return new ApiException(403, "merchant-disabled", "Merchant disabled",
        "this merchant account is disabled; contact the gateway's operator");
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", detail);
  }

  public static ApiException malformedJson(String detail) {
    return new ApiException(400, "malformed-json", "Malformed JSON", detail);
  }

  public static ApiException idempotencyInFlight() {
    return new ApiException(409, "idempotency-in-flight", "Request in progress",
        "a request with this Idempotency-Key is still being processed; retry later with the same"
            + " key to get its outcome");
  }

  /** 503: the server is shutting down and takes no new payments. */
  public static ApiException unavailable(String detail) {
    return new ApiException(503, "unavailable", "Service unavailable", detail);
  }

  public static ApiException idempotencyKeyReused() {
    return new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
        "this Idempotency-Key was used with a different request; use a new key for a new payment");
  }

  /** Extension members of the problem answer; empty for most problems. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** Headers that go with the answer ({@code Retry-After}, {@code WWW-Authenticate}); none here. */
  public Map<String, String> headers() {
    return Map.of();
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
