package io.paygate.sdk;

import java.io.IOException;

/**
 * Hears every HTTP request the client sends and every answer it gets, token requests and retries
 * included, for logging and metrics. What it is given is already redacted: passwords, tokens and
 * CVVs are replaced, card numbers show their last four digits. Set one with
 * {@link PaygateClient.Builder#listener}; without one the client is silent.
 *
 * <pre>{@code
 * new PaygateClient.Builder()
 *     .listener(PaygateListener.logging())   // java.lang.System.Logger "io.paygate.sdk", INFO
 *     ...
 * }</pre>
 *
 * <p>Methods are called on the thread that makes the call, so they must be quick and must not
 * throw; an exception thrown by a listener is ignored. Every method does nothing by default.
 */
public interface PaygateListener {
  /** A listener that hears nothing: the default. */
  PaygateListener NONE = new PaygateListener() {
  };

  /** A request is about to go on the wire (a connection to the gateway is open). */
  default void requestSent(RequestEvent request) {
  }

  /** An answer came: its status and headers, and its body, already read. */
  default void responseReceived(ResponseEvent response) {
  }

  /** A request got no answer: the connection failed or a timeout ran out. */
  default void requestFailed(RequestEvent request, IOException failure) {
  }

  /** A failed attempt will be retried after a delay. */
  default void retryScheduled(RetryEvent retry) {
  }

  /**
   * Returns a listener that writes one line per event to the {@code System.Logger} named
   * {@code io.paygate.sdk}, at level INFO. {@code System.Logger} goes to java.util.logging unless
   * your application routes it elsewhere (SLF4J and Log4j both can): the SDK imposes no logging
   * framework.
   */
  static PaygateListener logging() {
    return logging(System.getLogger("io.paygate.sdk"), System.Logger.Level.INFO);
  }

  /** Returns a listener that writes one line per event to {@code logger} at {@code level}. */
  static PaygateListener logging(System.Logger logger, System.Logger.Level level) {
    return new LoggingListener(logger, level);
  }
}
