package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant account. The password hash stays inside the server: the wire type
 * {@code MerchantJson} has no field for it.
 */
public record Merchant(
    UUID id, String login, String name, String passwordHash, String acquirer, Instant createdAt) {

  @Override
  public String toString() {
    return "Merchant{" + id + ", " + login + ", acquirer=" + acquirer + "}";
  }
}
