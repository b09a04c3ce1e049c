package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * No answer came from the gateway: the connection was refused or reset, or a timeout ran out,
 * and still so after every retry. {@link #getCause()} holds the last I/O error.
 *
 * <p><strong>For a payment, the outcome is unknown</strong>: the gateway may have received it and
 * charged the card. Do not submit a new payment; submit the same one again with
 * {@link #idempotencyKey()}, and the gateway answers with the first outcome if there was one:
 *
 * <pre>{@code
 * } catch (ConnectionFailureException e) {
 *   Payment payment = client.submit(request.newBuilder().idempotencyKey(e.idempotencyKey()).build());
 * }
 * }</pre>
 */
public class ConnectionFailureException extends PaygateException {
  public ConnectionFailureException(String message, @Nullable String idempotencyKey,
      @Nullable Throwable cause) {
    super(message, 0, null, idempotencyKey, cause);
  }
}
