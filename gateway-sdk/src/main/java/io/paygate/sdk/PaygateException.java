package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The root of every error this SDK throws; all are unchecked. Catch a subclass for the cases you
 * handle and this class for the rest:
 *
 * <ul>
 *   <li>{@link AuthenticationException}: the login, the password or the refresh token is wrong
 *       (401). Not retried.
 *   <li>{@link PermissionException}: the credential is valid but not allowed to do this (403).
 *   <li>{@link InvalidRequestException}: the request is wrong; {@code fieldErrors()} names each bad
 *       field (400, 405, 413, 415, 422). Never retried: fix the request. Thrown too, with
 *       {@code httpStatus() == 0}, by {@link PaymentRequest.Builder} when it refuses a value before
 *       anything is sent, with the same field names the gateway uses.
 *   <li>{@link NotFoundException}: no such payment, or another merchant's (404).
 *   <li>{@link IdempotencyConflictException}: the key is in conflict, one of two ways.
 *       {@link IdempotencyKeyInUseException}: a request with the key is still in flight (409, still
 *       after retries): ask again later with the same key. {@link IdempotencyKeyReusedException}:
 *       the key was used for a different payment (422): a bug in how keys are chosen, never retried.
 *   <li>{@link RateLimitedException}: too many requests, still after waiting as told (429).
 *   <li>{@link ServerException}: the gateway failed (5xx), still after retries.
 *   <li>{@link ConnectionFailureException}: no answer came (connection refused or reset, timeout);
 *       {@link CallTimeoutException} when the client's total call timeout ran out.
 * </ul>
 *
 * <p>For a payment, {@code ConnectionFailureException} and {@code ServerException} mean that the
 * outcome is unknown: the card may have been charged. Every exception thrown by
 * {@link PaygateClient#submit} carries the payment's {@link #idempotencyKey()}; submitting the
 * same payment again with it is always safe, as the gateway answers with the first outcome
 * instead of charging again. A declined payment is not an exception: it is a {@link Payment} with
 * status {@link PaymentStatus#DECLINED}.
 *
 * <p>A {@link java.util.concurrent.CancellationException} from a cancelled
 * {@link PaygateClient#submitAsync} future is the one exception outside this tree; its cause is a
 * {@link ConnectionFailureException} that carries the payment's key.
 *
 * <p>Wrong arguments to a method, as opposed to wrong payment data, are programming errors and
 * throw what the JDK throws for them: {@code NullPointerException} naming the argument, or
 * {@code IllegalArgumentException} (a history page size out of range, a payment id that is not
 * one path segment).
 *
 * <p>Constructors are public so that you can throw these from fakes in your own tests. Messages
 * never contain card numbers, CVVs, passwords or tokens.
 */
public class PaygateException extends RuntimeException {
  private final int httpStatus;
  private final @Nullable String requestId;
  private final @Nullable String idempotencyKey;

  /**
   * @param httpStatus the HTTP status of the answer, or 0 when there was none.
   * @param requestId the gateway's {@code X-Request-Id} of the answer, if there was one.
   * @param idempotencyKey the key of the payment this error is about, if it is about one.
   */
  public PaygateException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey, @Nullable Throwable cause) {
    super(message);
    if (cause != null) initCause(cause);
    this.httpStatus = httpStatus;
    this.requestId = requestId;
    this.idempotencyKey = idempotencyKey;
  }

  /** The HTTP status of the gateway's answer, or 0 if no answer came. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The gateway's id of the request ({@code X-Request-Id}), to quote to support; null if none. */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The {@code Idempotency-Key} of the payment this error is about, or null if it is not about a
   * payment. Submitting the same payment again with this key is safe: it cannot charge twice.
   */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }
}
