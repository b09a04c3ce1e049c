package io.paygate.gateway.db;

/** An insert hit a unique constraint: the login, or the idempotency key, is taken. */
public final class DuplicateKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String message) {
    super(message, null, false, false);
  }
}
