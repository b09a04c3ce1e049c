package io.paygate.gateway.auth;

import io.paygate.gateway.db.MerchantRepository;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merchants the operator has disabled, in memory, so that every request can refuse their
 * access tokens at once without a database read: a read per request would cost the payment path
 * (thousands a second) a round trip for what changes a few times a year. Loaded at start-up and
 * changed together with the database row.
 *
 * <p>Disabling also revokes the merchant's sessions (refresh tokens) through
 * {@link RevokedSessions}; this set adds the answer that names the reason, and covers a token
 * issued by a login that raced with the disabling.
 *
 * <p>Single node: with several gateways on one PostgreSQL, another node learns of a change only at
 * its next start (as with {@link RevokedSessions}); until then its access tokens live at most their
 * short lifetime there, and no login or refresh succeeds anywhere (those read the database).
 */
public final class DisabledMerchants {
  private final Set<UUID> disabled = ConcurrentHashMap.newKeySet();

  public DisabledMerchants(MerchantRepository merchants) {
    disabled.addAll(merchants.disabledIds());
  }

  public void disable(UUID merchantId) {
    disabled.add(merchantId);
  }

  public void enable(UUID merchantId) {
    disabled.remove(merchantId);
  }

  public boolean isDisabled(UUID merchantId) {
    return disabled.contains(merchantId);
  }
}
