package io.paygate.sdk;

import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * The request is invalid: the gateway refused it (400, or 405, 413, 415, 422), or the SDK refused
 * it before sending ({@link PaymentRequest.Builder}; then {@link #httpStatus()} is 0 and nothing
 * was sent). Either way nothing was charged and nothing was stored, and {@link #fieldErrors()}
 * names each bad field by its REST API name. Never retried: the same request would fail the same
 * way.
 *
 * <pre>{@code
 * } catch (InvalidRequestException e) {
 *   for (FieldError error : e.fieldErrors()) form.markInvalid(error.field(), error.message());
 * }
 * }</pre>
 */
public class InvalidRequestException extends PaygateException {
  private final List<FieldError> fieldErrors;

  public InvalidRequestException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey, List<FieldError> fieldErrors) {
    super(message, httpStatus, requestId, idempotencyKey, null);
    this.fieldErrors = List.copyOf(Objects.requireNonNull(fieldErrors, "fieldErrors == null"));
  }

  /**
   * Every bad field, named as the REST API names it ({@code cardnumber}, {@code expirymonth},
   * {@code Idempotency-Key}); empty when the whole body was wrong (malformed JSON).
   */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
