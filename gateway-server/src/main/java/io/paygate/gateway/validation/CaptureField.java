package io.paygate.gateway.validation;

import io.paygate.gateway.errors.ValidationException;
import java.util.Map;

/**
 * The optional {@code capture} field of a payment request: {@code true} to authorise and capture
 * at once, {@code false} or absent to authorise only (what the original clients get). Whether the
 * gateway captures at all is the payment service's to say.
 */
public final class CaptureField {
  public static final String NAME = "capture";

  private CaptureField() {}

  /**
   * @param body the request body, keys in lower case
   * @throws ValidationException when the field is not a boolean
   */
  public static boolean of(Map<String, ?> body) {
    Object raw = body == null ? null : body.get(NAME);
    if (raw == null || Boolean.FALSE.equals(raw)) {
      return false;
    }
    if (!Boolean.TRUE.equals(raw)) {
      throw ValidationException.of(NAME, "must be true or false");
    }
    return true;
  }
}
