package io.paygate.gateway.errors;

import java.util.Objects;

/**
 * One fault in a request, named by the request field it concerns. The message is for a human and
 * never repeats a card number or a CVV.
 */
public final class FieldError {
  private final String field;
  private final String message;

  public FieldError(String field, String message) {
    this.field = Objects.requireNonNull(field, "field == null");
    this.message = Objects.requireNonNull(message, "message == null");
  }

  /** The request field at fault, as documented ({@code cardnumber}, {@code amount}). */
  public String field() {
    return field;
  }

  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldError
        && ((FieldError) o).field.equals(field) && ((FieldError) o).message.equals(message);
  }

  @Override
  public int hashCode() {
    return field.hashCode() * 31 + message.hashCode();
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
