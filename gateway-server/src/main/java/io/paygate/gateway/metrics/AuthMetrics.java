package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Logins by outcome, and accounts locked by too many failures in a row (PCI DSS 8.3.4). */
public final class AuthMetrics {
  static final String LOGINS = "paygate.logins";
  static final String LOCKOUTS = "paygate.login.lockouts";

  private final Counter success;
  private final Counter failure;
  private final Counter locked;
  private final Counter lockouts;

  public AuthMetrics(MeterRegistry registry) {
    this.success = login(registry, "success");
    this.failure = login(registry, "failure");
    this.locked = login(registry, "locked");
    this.lockouts = Counter.builder(LOCKOUTS)
        .description("accounts locked after too many failed logins in a row").register(registry);
  }

  private static Counter login(MeterRegistry registry, String outcome) {
    return Counter.builder(LOGINS).description("login attempts that reached the password check")
        .tag("outcome", outcome).register(registry);
  }

  public void succeeded() {
    success.increment();
  }

  /** A wrong password or an unknown login. */
  public void failed() {
    failure.increment();
  }

  /** A login to a locked account (refused whatever the password). */
  public void refusedLocked() {
    locked.increment();
  }

  /** A failure that locked the account. */
  public void lockedOut() {
    lockouts.increment();
  }
}
