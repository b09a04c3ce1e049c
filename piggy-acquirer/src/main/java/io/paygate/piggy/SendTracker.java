package io.paygate.piggy;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Tells whether OkHttp began to send a request, which decides what a failure means for a payment.
 *
 * <p>Exception types cannot tell this reliably: a {@code SocketTimeoutException} may be a connect
 * or a read timeout, a call timeout is the same {@code InterruptedIOException} before or after
 * sending, and a reset may come on connect or after the body went out. OkHttp's own account is
 * exact: {@link #requestHeadersStart} fires just before the first byte of the request is written.
 * Before it, the bank cannot have seen the payment (not processed); from it on, it may have
 * (unknown).
 *
 * <p>One tracker per call travels as a request tag; {@link #FACTORY} hands it to OkHttp.
 */
final class SendTracker extends EventListener {
  /** Gives each call the tracker tagged on its request, or no listener when there is none. */
  static final EventListener.Factory FACTORY = call -> {
    SendTracker tracker = call.request().tag(SendTracker.class);
    return tracker != null ? tracker : EventListener.NONE;
  };

  private volatile boolean requestStarted;

  @Override
  public void requestHeadersStart(Call call) {
    requestStarted = true;
  }

  /** Whether any of the request may have reached the bank. */
  boolean requestStarted() {
    return requestStarted;
  }

  @Override
  public String toString() {
    return "SendTracker{requestStarted=" + requestStarted + "}";
  }
}
