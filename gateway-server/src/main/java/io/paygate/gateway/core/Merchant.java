package io.paygate.gateway.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A merchant account. The password hash stays inside the server: the wire type
 * {@code MerchantJson} has no field for it.
 *
 * @param disabledAt when the operator disabled it (it cannot log in, its tokens are refused);
 *     null while it is active
 */
public record Merchant(
    UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt,
    List<String> fallbackAcquirers, Instant disabledAt) {

  public Merchant {
    fallbackAcquirers = fallbackAcquirers == null ? List.of() : List.copyOf(fallbackAcquirers);
  }

  /** An active merchant. */
  public Merchant(
      UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt,
      List<String> fallbackAcquirers) {
    this(id, login, name, passwordHash, acquirer, createdAt, fallbackAcquirers, null);
  }

  /** A merchant with one acquirer and no failover. */
  public Merchant(
      UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt) {
    this(id, login, name, passwordHash, acquirer, createdAt, List.of());
  }

  /** Whether the operator has disabled it. */
  public boolean disabled() {
    return disabledAt != null;
  }

  /** Every acquirer to try, in order: the main one, then the fallbacks. */
  public List<String> acquirers() {
    List<String> all = new ArrayList<>(1 + fallbackAcquirers.size());
    all.add(acquirer);
    all.addAll(fallbackAcquirers);
    return all;
  }

  @Override
  public String toString() {
    return "Merchant{" + id + ", " + login + ", acquirers=" + acquirers() + "}";
  }
}
