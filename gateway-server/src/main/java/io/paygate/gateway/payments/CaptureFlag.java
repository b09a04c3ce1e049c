package io.paygate.gateway.payments;

import io.paygate.gateway.errors.ValidationException;
import java.util.Map;

/**
 * The optional {@code capture} field of a payment request: {@code true} to authorise and capture
 * at once, {@code false} or absent to authorise only (what the original clients get).
 */
final class CaptureFlag {
  private CaptureFlag() {}

  /**
   * @param body the request body, keys in lower case
   * @param supported whether this gateway captures; when not, {@code true} is refused
   * @throws ValidationException when the field is not a boolean
   */
  static boolean of(Map<String, ?> body, boolean supported) {
    Object raw = body == null ? null : body.get("capture");
    if (raw == null || Boolean.FALSE.equals(raw)) {
      return false;
    }
    if (!Boolean.TRUE.equals(raw)) {
      throw ValidationException.of("capture", "must be true or false");
    }
    if (!supported) {
      throw ValidationException.of("capture", "this gateway does not capture");
    }
    return true;
  }
}
