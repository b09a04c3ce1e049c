package io.paygate.gateway.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A merchant account. The password hash stays inside the server: the wire type
 * {@code MerchantJson} has no field for it.
 */
public record Merchant(
    UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt,
    List<String> fallbackAcquirers) {

  public Merchant {
    fallbackAcquirers = fallbackAcquirers == null ? List.of() : List.copyOf(fallbackAcquirers);
  }

  /** A merchant with one acquirer and no failover. */
  public Merchant(
      UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt) {
    this(id, login, name, passwordHash, acquirer, createdAt, List.of());
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
