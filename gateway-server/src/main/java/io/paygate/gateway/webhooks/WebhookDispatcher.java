package io.paygate.gateway.webhooks;

import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background: one thread claims due deliveries (leased in the
 * database, so several nodes can share the outbox) and a small pool sends them. The payment path
 * never waits for it: appending an event only wakes this thread. A slow or hanging receiver holds
 * one delivery thread for at most the attempt timeout, never a payment.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration RELOAD_EVERY = Duration.ofSeconds(30);
  /**
   * The least time between two claims. Every payment commit wakes the dispatcher; claiming at
   * each wake-up made a transaction per event under load, which cost payments throughput
   * (BENCHMARKS.md). Waiting this long lets a claim take the events of many payments at once.
   */
  private static final long CLAIM_SPACING_NANOS = Duration.ofMillis(20).toNanos();

  private final WebhookDeliveryRepository deliveries;
  private final WebhookSubscriptions subscriptions;
  private final WebhookSender sender;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration lease;
  private final Semaphore free;
  private final Semaphore wakeUp = new Semaphore(0);
  private final ExecutorService pool;
  private final Thread loop;
  private volatile boolean running = true;

  public WebhookDispatcher(WebhookDeliveryRepository deliveries,
      WebhookSubscriptions subscriptions, WebhookOutbox outbox, WebhookSender sender,
      WebhookSettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.clock = clock;
    this.pollInterval = settings.pollInterval();
    // Long enough for one attempt; a node that dies mid-attempt loses its lease after it and the
    // delivery goes out again (at least once).
    this.lease = settings.timeout().plusSeconds(5);
    int threads = settings.threads();
    this.free = new Semaphore(threads);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.loop = new Thread(this::run, "webhook-dispatcher");
    this.loop.setDaemon(true);
    outbox.onCommitted(this::wake);
  }

  public WebhookDispatcher start() {
    loop.start();
    return this;
  }

  /** Looks at the outbox now instead of at the next poll; returns at once. */
  public void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void run() {
    Instant nextReload = clock.instant().plus(RELOAD_EVERY);
    long lastClaim = System.nanoTime() - CLAIM_SPACING_NANOS;
    while (running) {
      try {
        long wait = lastClaim + CLAIM_SPACING_NANOS - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        lastClaim = System.nanoTime();
        if (!clock.instant().isBefore(nextReload)) {
          subscriptions.reload();
          nextReload = clock.instant().plus(RELOAD_EVERY);
        }
        int claimed = claimAndSend();
        if (claimed == 0 || free.availablePermits() == 0) {
          wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly unreachable: try again at the next poll.
        log.warn("webhook dispatch failed: {}", e.toString());
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private int claimAndSend() {
    int capacity = free.availablePermits();
    if (capacity == 0) {
      return 0;
    }
    Instant now = clock.instant();
    List<WebhookDelivery> due = deliveries.claim(now, now.plus(lease), capacity);
    for (WebhookDelivery d : due) {
      free.acquireUninterruptibly();
      pool.execute(() -> {
        try {
          sender.send(d);
        } catch (RuntimeException e) {
          // Its lease runs out and it is claimed again.
          log.warn("webhook delivery {} failed: {}", d.id(), e.toString());
        } finally {
          free.release();
          wake();
        }
      });
    }
    return due.size();
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
    pool.shutdownNow();
    try {
      loop.join(5_000);
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.close();
  }
}
