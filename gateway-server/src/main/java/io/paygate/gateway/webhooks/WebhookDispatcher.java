package io.paygate.gateway.webhooks;

import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background: one thread claims due deliveries (leased in the
 * database, so several nodes can share the outbox) into a small queue, and a fixed set of
 * delivery threads sends them. The payment path never waits for it: appending an event only wakes
 * this thread. A slow or hanging receiver holds one delivery thread for at most the attempt
 * timeout, never a payment.
 *
 * <p>Cost on the payment path (BENCHMARKS.md, "Webhooks"): a claim takes up to twice as many
 * deliveries as there are threads (one claim transaction feeds two rounds of attempts), claims are
 * at least 20 ms apart, and each is an index walk that stops at its limit. While payments are busy
 * ({@link DeliveryGovernor}) it claims at most {@code webhooks.busy.rate} deliveries a second:
 * at saturation a delivery costs about a payment's CPU, so deliveries lag and payments keep pace.
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

  /** A claimed delivery and the end of its lease. */
  private record Leased(WebhookDelivery delivery, Instant leaseUntil) {}

  private final WebhookDeliveryRepository deliveries;
  private final WebhookSubscriptions subscriptions;
  private final WebhookSender sender;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration timeout;
  private final Duration lease;
  /** Deliveries claimed and not finished, queued or in flight: at most {@link #capacity}. */
  private final AtomicInteger held = new AtomicInteger();
  private final int capacity;
  private final BlockingQueue<Leased> queue = new LinkedBlockingQueue<>();
  private final Semaphore wakeUp = new Semaphore(0);
  private final ExecutorService pool;
  private final int threads;
  private final Thread loop;
  private final DeliveryGovernor governor;
  private final DeliveryGovernor.Pace fullSpeed =
      new DeliveryGovernor.Pace(CLAIM_SPACING_NANOS, Integer.MAX_VALUE);
  private volatile boolean running = true;

  /**
   * @param paymentsInFlight the payments this node is processing now: while they are many,
   *     deliveries yield to them ({@code webhooks.busy.*})
   */
  public WebhookDispatcher(WebhookDeliveryRepository deliveries,
      WebhookSubscriptions subscriptions, WebhookOutbox outbox, WebhookSender sender,
      WebhookSettings settings, Clock clock, IntSupplier paymentsInFlight) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.clock = clock;
    this.pollInterval = settings.pollInterval();
    this.timeout = settings.timeout();
    this.threads = settings.threads();
    this.capacity = 2 * threads;
    // A claimed delivery waits behind at most one attempt per thread (capacity is twice the
    // threads), then makes its own: two timeouts, and 5 s to record the outcome. A node that dies
    // holding it loses the lease after that and the delivery goes out again (at least once).
    this.lease = timeout.multipliedBy(2).plusSeconds(5);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.governor = new DeliveryGovernor(paymentsInFlight, System::nanoTime,
        settings.busyPayments(), settings.busyRate(), fullSpeed);
    this.loop = new Thread(this::run, "webhook-dispatcher");
    this.loop.setDaemon(true);
    outbox.onCommitted(this::wake);
  }

  public WebhookDispatcher start() {
    for (int i = 0; i < threads; i++) {
      pool.execute(this::deliver);
    }
    loop.start();
    return this;
  }

  /** Looks at the outbox now instead of at the next poll; returns at once. */
  public void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  /** Whether deliveries are held to {@code webhooks.busy.rate} because payments are busy. */
  public boolean throttled() {
    return governor.busy();
  }

  private void run() {
    Instant nextReload = clock.instant().plus(RELOAD_EVERY);
    long lastClaim = System.nanoTime() - CLAIM_SPACING_NANOS;
    while (running) {
      try {
        DeliveryGovernor.Pace pace = governor.pace();
        long wait = lastClaim + pace.spacingNanos() - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        lastClaim = System.nanoTime();
        if (!clock.instant().isBefore(nextReload)) {
          subscriptions.reload();
          nextReload = clock.instant().plus(RELOAD_EVERY);
        }
        int room = capacity - held.get();
        int limit = Math.min(room, pace.limit());
        // At full speed, claim when at least half the queue is free: fewer, fuller claims. When
        // throttled, a claim takes what the pace allows.
        boolean worthIt = pace == fullSpeed ? room >= threads : limit >= 1;
        boolean claimedAll = worthIt && claim(limit) == limit;
        if (!claimedAll) {
          // Nothing more is due, or the queue is full: sleep until a commit or a finished
          // delivery wakes us, or the poll interval passes (retries falling due).
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

  /** Leases up to {@code limit} due deliveries into the queue; returns how many. */
  private int claim(int limit) {
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(lease);
    List<WebhookDelivery> due = deliveries.claim(now, leaseUntil, limit);
    held.addAndGet(due.size());
    for (WebhookDelivery d : due) {
      queue.add(new Leased(d, leaseUntil));
    }
    return due.size();
  }

  /** One delivery thread: sends what the queue holds, until closed. */
  private void deliver() {
    while (running) {
      Leased next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      WebhookDelivery d = next.delivery();
      try {
        if (clock.instant().plus(timeout).isAfter(next.leaseUntil())) {
          // Waited so long that the lease could run out mid-attempt and another node send it
          // too: left alone, it is claimed again once the lease is over.
          log.warn("webhook delivery {} left to a later claim: its lease is nearly over", d.id());
        } else {
          sender.send(d);
        }
      } catch (RuntimeException e) {
        // Its lease runs out and it is claimed again.
        log.warn("webhook delivery {} failed: {}", d.id(), e.toString());
      } finally {
        held.decrementAndGet();
        wake();
      }
    }
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
