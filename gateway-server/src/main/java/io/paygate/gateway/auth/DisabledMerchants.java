package io.paygate.gateway.auth;

import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.SessionNotices;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>Several nodes: a change made here is announced ({@link #announce}) once its row is written,
 * and {@link SessionSync} {@link #reload reloads} the set on a notice from another node and on
 * every poll.
 */
public final class DisabledMerchants {
  private final Set<UUID> disabled = ConcurrentHashMap.newKeySet();
  private final MerchantRepository merchants;
  private final SessionNotices notices;
  /** Bumped by every change made here: a reload that raced with one is dropped (see reload). */
  private final AtomicLong changes = new AtomicLong();

  public DisabledMerchants(MerchantRepository merchants, SessionNotices notices) {
    this.merchants = merchants;
    this.notices = notices;
    disabled.addAll(merchants.disabledIds());
  }

  public synchronized void disable(UUID merchantId) {
    changes.incrementAndGet();
    disabled.add(merchantId);
  }

  public synchronized void enable(UUID merchantId) {
    changes.incrementAndGet();
    disabled.remove(merchantId);
  }

  /** Tells the other nodes that a merchant's row changed (after it is committed). */
  public void announce() {
    notices.announce();
  }

  /**
   * Reads the set again from the database. A read that raced with a change made here (disabled in
   * memory before its row is written) could undo it: such a read is dropped, and the next poll
   * reads again.
   */
  public void reload() {
    long before = changes.get();
    Set<UUID> now = merchants.disabledIds();
    synchronized (this) {
      if (changes.get() == before) {
        disabled.retainAll(now);
        disabled.addAll(now);
      }
    }
  }

  public boolean isDisabled(UUID merchantId) {
    return disabled.contains(merchantId);
  }
}
