package io.paygate.gateway.auth;

import java.security.Principal;
import java.util.UUID;

/** The merchant a request's access token was issued to. */
public record AuthenticatedMerchant(UUID merchantId, UUID sessionId) implements Principal {
  @Override
  public String getName() {
    return merchantId.toString();
  }
}
