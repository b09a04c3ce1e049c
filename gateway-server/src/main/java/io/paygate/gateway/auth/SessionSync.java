package io.paygate.gateway.auth;

import io.paygate.gateway.db.NoticeListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's {@link RevokedSessions} and {@link DisabledMerchants} in step with the other
 * nodes on the same PostgreSQL: re-reads both as soon as a notice comes ({@code LISTEN}, within
 * milliseconds), and every {@code poll} whatever happens, so that a lost notice, a lost listener
 * connection or a node that was down never leaves a revoked token working for longer than
 * {@code poll} (plus the reconnect, which needs no notice). One background thread.
 */
public final class SessionSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionSync.class);

  private final RevokedSessions revoked;
  private final DisabledMerchants disabled;
  private final NoticeListener listener;
  private final Duration poll;
  private final Thread thread;
  private volatile boolean running = true;
  private boolean failing;

  public SessionSync(RevokedSessions revoked, DisabledMerchants disabled, NoticeListener listener,
      Duration poll) {
    this.revoked = revoked;
    this.disabled = disabled;
    this.listener = listener;
    this.poll = poll;
    this.thread = new Thread(this::run, "session-sync");
    thread.setDaemon(true);
  }

  public SessionSync start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      while (running) {
        listener.await(poll);
        if (running) {
          refresh();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      listener.close();
    }
  }

  private void refresh() {
    try {
      revoked.refresh();
      disabled.reload();
      if (failing) {
        log.info("reading revoked sessions and disabled merchants again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        // Logged once per outage: the database being down is reported elsewhere too.
        log.warn("cannot read revoked sessions and disabled merchants: {}", e.getMessage());
        failing = true;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    listener.wake();
    thread.join(poll.plusSeconds(5).toMillis());
  }
}
