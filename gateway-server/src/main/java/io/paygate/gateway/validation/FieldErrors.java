package io.paygate.gateway.validation;

import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.errors.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one request, so that all bad fields are reported at once. */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  /**
   * Records that {@code field} is bad. Returns {@code null}, so that a field reader can write
   * {@code return errors.add(...)}. The message must never repeat a card number or a CVV.
   */
  <T> T add(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }

  /** Throws the errors, in the documented field order, if there are any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(e -> PaymentFields.ALL.indexOf(e.field())));
      throw new ValidationException(errors);
    }
  }
}
