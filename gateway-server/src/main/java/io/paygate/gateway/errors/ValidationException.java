package io.paygate.gateway.errors;

import java.util.List;

/** A request has bad fields; answered with 400 and every field error. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " fields are invalid",
        null, false, false);
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
