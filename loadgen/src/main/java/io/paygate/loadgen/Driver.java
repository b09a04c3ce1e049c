package io.paygate.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the workload on {@code concurrency} workers until the deadline or the count.
 *
 * <p>Closed loop (no rate): each worker sends its next request as soon as the last is answered.
 * Open loop (a rate): request {@code n} is due at {@code start + n / rate}; a worker takes the next
 * due request, waits for its time, and its latency counts from that time, not from when it was
 * sent, so a stalled gateway shows as latency rather than as fewer requests (no coordinated
 * omission, as long as there are enough workers to have a request in flight when one is due).
 *
 * <p>The gateway-added latency of an answer that says how long its bank had it ({@code
 * Server-Timing}) is that same total minus the bank's time: in the open loop it therefore counts
 * from the due time too, and includes any wait for a free worker.
 */
final class Driver {
  private final Target target;
  private final Mix mix;
  private final int merchants;
  private final boolean idempotent;
  private final Results results;
  private final boolean virtualThreads;

  Driver(Target target, Mix mix, int merchants, boolean idempotent, Results results,
      boolean virtualThreads) {
    this.target = target;
    this.mix = mix;
    this.merchants = merchants;
    this.idempotent = idempotent;
    this.results = results;
    this.virtualThreads = virtualThreads;
  }

  /**
   * Starts the workers and returns at once; {@link Run#await} waits for them.
   *
   * @param rate requests per second, or 0 for a closed loop
   * @param count requests to send, or 0 for no limit
   * @param deadlineNanos {@link System#nanoTime} at which to stop
   */
  Run start(int concurrency, double rate, long count, long deadlineNanos) {
    long startNanos = System.nanoTime();
    AtomicLong tickets = new AtomicLong();
    double interval = rate > 0 ? 1e9 / rate : 0;
    ThreadFactory factory = Threads.workers(virtualThreads);
    List<Thread> workers = new ArrayList<>(concurrency);
    Run run = new Run(workers);
    for (int i = 0; i < concurrency; i++) {
      Thread t = factory.newThread(() -> {
        work(tickets, count, deadlineNanos, startNanos, interval);
        run.finished(System.nanoTime());
      });
      workers.add(t);
    }
    workers.forEach(Thread::start);
    return run;
  }

  private void work(AtomicLong tickets, long count, long deadline, long start, double interval) {
    while (true) {
      long ticket = tickets.getAndIncrement();
      if (count > 0 && ticket >= count) {
        return;
      }
      long due = interval > 0 ? start + (long) (ticket * interval) : System.nanoTime();
      if (due - deadline >= 0) {
        return;
      }
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() - deadline >= 0) {
        return;
      }
      RequestKind kind = mix.next();
      int merchant = ThreadLocalRandom.current().nextInt(merchants);
      Answer answer;
      try {
        answer = target.send(kind, merchant, idempotent);
      } catch (RuntimeException e) {
        answer = Answer.of(e.getClass().getSimpleName());
      }
      // The total from the due time (open loop) or the send (closed loop), as documented above.
      results.record(kind, System.nanoTime() - due, answer);
    }
  }

  /** The running workers. */
  static final class Run {
    private final List<Thread> workers;
    private final AtomicLong end = new AtomicLong(Long.MIN_VALUE);

    private Run(List<Thread> workers) {
      this.workers = workers;
    }

    private void finished(long nanos) {
      end.accumulateAndGet(nanos, (a, b) -> a == Long.MIN_VALUE || b - a > 0 ? b : a);
    }

    /** When the last worker stopped ({@link System#nanoTime}); after {@link #await} only. */
    long endNanos() {
      return end.get();
    }

    boolean isDone() {
      return workers.stream().noneMatch(Thread::isAlive);
    }

    void await() throws InterruptedException {
      for (Thread t : workers) {
        t.join();
      }
    }
  }
}
