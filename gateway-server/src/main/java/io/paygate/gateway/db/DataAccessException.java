package io.paygate.gateway.db;

/** A database operation failed; the request that caused it gets a 500 without details. */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
