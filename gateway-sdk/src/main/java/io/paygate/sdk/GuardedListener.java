package io.paygate.sdk;

import java.io.IOException;

/** Calls a user's listener, so that a bug in it can never fail a payment. */
final class GuardedListener implements PaygateListener {
  private final PaygateListener delegate;

  GuardedListener(PaygateListener delegate) {
    this.delegate = delegate;
  }

  @Override public void requestSent(RequestEvent request) {
    try {
      delegate.requestSent(request);
    } catch (RuntimeException ignored) {
      // A listener observes; it does not get a say in the outcome.
    }
  }

  @Override public void responseReceived(ResponseEvent response) {
    try {
      delegate.responseReceived(response);
    } catch (RuntimeException ignored) {
      // As above.
    }
  }

  @Override public void requestFailed(RequestEvent request, IOException failure) {
    try {
      delegate.requestFailed(request, failure);
    } catch (RuntimeException ignored) {
      // As above.
    }
  }

  @Override public void retryScheduled(RetryEvent retry) {
    try {
      delegate.retryScheduled(retry);
    } catch (RuntimeException ignored) {
      // As above.
    }
  }
}
