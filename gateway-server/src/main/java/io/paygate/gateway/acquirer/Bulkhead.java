package io.paygate.gateway.acquirer;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls in flight to one acquirer: at most {@code limit}, each on a thread of its own, so that
 * a connector that hangs holds its own threads and nobody else's.
 *
 * <p>A call holds its permit until the connector has returned, even after the caller gave up
 * waiting (a hung connector still counts). A permit, not the size of a bounded thread pool,
 * because a pool refuses a task while the worker that has just answered the previous one is on
 * its way back to the queue: calls made one after the other were refused as "too many in
 * flight", and opened the acquirer's circuit breaker.
 */
final class Bulkhead implements AutoCloseable {
  private final Semaphore permits;
  private final ExecutorService threads;

  Bulkhead(String acquirerName, int limit) {
    this.permits = new Semaphore(limit);
    AtomicInteger n = new AtomicInteger();
    // Unbounded on its own: the permits bound it. Idle threads end after a minute.
    this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "acquirer-" + acquirerName + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Starts {@code work} on a thread of its own.
   *
   * @throws RejectedExecutionException when {@code limit} calls are in flight already, or after
   *     {@link #close()}: nothing was started
   */
  <T> Future<T> submit(Callable<T> work) {
    if (!permits.tryAcquire()) {
      throw new RejectedExecutionException("calls in flight at the limit");
    }
    // Released as soon as the connector has returned, before the caller can see the answer, so
    // that the caller's next call finds the permit free; or, for a task cancelled before it
    // started, when its thread skips it. Once either way.
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release = () -> {
      if (held.compareAndSet(true, false)) {
        permits.release();
      }
    };
    FutureTask<T> task = new FutureTask<>(() -> {
      try {
        return work.call();
      } finally {
        release.run();
      }
    });
    try {
      threads.execute(() -> {
        try {
          task.run();
        } finally {
          release.run();
        }
      });
    } catch (RejectedExecutionException e) {
      release.run();
      throw e;
    }
    return task;
  }

  /** Interrupts the calls in flight; later calls are refused. */
  @Override
  public void close() {
    threads.shutdownNow();
  }
}
