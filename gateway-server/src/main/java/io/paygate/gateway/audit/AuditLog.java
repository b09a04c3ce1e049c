package io.paygate.gateway.audit;

import io.paygate.gateway.core.AuditEvent;
import io.paygate.gateway.db.AuditRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes audit events to the audit table from one background thread, in batches, so that a
 * payment does not wait for its audit rows. The price: events of the last few milliseconds are
 * lost if the process is killed; payments themselves are written synchronously and are not.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_BATCH = 500;

  private final AuditRepository repository;
  private final Clock clock;
  private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(100_000);
  private final Thread writer;
  private final AtomicLong recorded = new AtomicLong();
  private long handled; // guarded by this: events written, or lost to a database error
  private volatile boolean closing;

  public AuditLog(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
    this.writer = new Thread(this::drain, "audit-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Records an event of the current request (its id and origin come from the logging context). */
  public void record(String event, String outcome, UUID merchantId, UUID paymentId, String detail) {
    AuditEvent e = new AuditEvent(clock.instant(), merchantId, event, outcome, paymentId,
        MDC.get("requestId"), MDC.get("origin"), detail);
    recorded.incrementAndGet();
    if (!queue.offer(e)) {
      // The database cannot keep up; block rather than drop an audit event.
      try {
        queue.put(e);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void drain() {
    List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        repository.append(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("cannot write {} audit events; they are lost", batch.size(), e);
      } finally {
        markHandled(batch.size());
        batch.clear();
      }
    }
  }

  private synchronized void markHandled(int n) {
    handled += n;
    notifyAll();
  }

  /** Waits until every event recorded so far is written; for tests and shutdown. */
  public synchronized void flush() {
    long target = recorded.get();
    try {
      while (handled < target && writer.isAlive()) {
        wait(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
