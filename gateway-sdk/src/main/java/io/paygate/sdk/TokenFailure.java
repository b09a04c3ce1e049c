package io.paygate.sdk;

import java.io.IOException;

/**
 * Carries a typed failure to get a token (a rejected password, a 503 from {@code /login}) out of
 * an OkHttp interceptor or authenticator, which may only throw {@link IOException}s. The retry
 * loop unwraps it.
 */
final class TokenFailure extends IOException {
  final PaygateException failure;

  TokenFailure(PaygateException failure) {
    super(failure.getMessage(), failure);
    this.failure = failure;
  }

  /** The typed failure inside {@code e} or its cause (OkHttp may wrap it), or null. */
  static PaygateException unwrap(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TokenFailure) return ((TokenFailure) t).failure;
    }
    return null;
  }
}
