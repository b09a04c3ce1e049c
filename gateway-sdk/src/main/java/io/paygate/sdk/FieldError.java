package io.paygate.sdk;

import java.util.Objects;

/** One bad field of a request, as named by the gateway: {@code cardnumber}, "is not a valid card number". */
public final class FieldError {
  private final String field;
  private final String message;

  public FieldError(String field, String message) {
    this.field = Objects.requireNonNull(field, "field == null");
    this.message = Objects.requireNonNull(message, "message == null");
  }

  /** The field's name in the REST API, such as {@code "cardnumber"} or {@code "expiryyear"}. */
  public String field() {
    return field;
  }

  /** What is wrong with it, in words fit for a developer (not necessarily for a shopper). */
  public String message() {
    return message;
  }

  @Override public boolean equals(Object o) {
    return o instanceof FieldError
        && ((FieldError) o).field.equals(field)
        && ((FieldError) o).message.equals(message);
  }

  @Override public int hashCode() {
    return field.hashCode() * 31 + message.hashCode();
  }

  @Override public String toString() {
    return field + ": " + message;
  }
}
