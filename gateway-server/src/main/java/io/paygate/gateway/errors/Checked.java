package io.paygate.gateway.errors;

import java.util.List;
import java.util.Objects;

/**
 * A request body as read at the edge: the typed request, or every field at fault. For a service
 * that must look before it refuses (an unknown merchant is a 404 before its body is a 400) or that
 * audits a refusal; where neither holds, a reader throws {@link ValidationException} at once.
 *
 * @param <T> the typed request
 */
public final class Checked<T> {
  private final T value;
  private final List<FieldError> errors;

  private Checked(T value, List<FieldError> errors) {
    this.value = value;
    this.errors = errors;
  }

  public static <T> Checked<T> valid(T value) {
    return new Checked<>(Objects.requireNonNull(value, "value == null"), List.of());
  }

  /** @param errors at least one */
  public static <T> Checked<T> refused(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors is empty");
    }
    return new Checked<>(null, List.copyOf(errors));
  }

  public boolean isValid() {
    return value != null;
  }

  /** The fields at fault, in the order found; empty when valid. */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * The request.
   *
   * @throws ValidationException 400 naming every bad field, when refused
   */
  public T orThrow() {
    if (value == null) {
      throw new ValidationException(errors);
    }
    return value;
  }

  @Override
  public String toString() {
    return value != null ? "Checked[" + value + "]" : "Checked" + errors;
  }
}
