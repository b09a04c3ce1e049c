package io.paygate.sdk;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Cancels an attempt whose call's deadline has passed, or whose calling thread was interrupted
 * (a blocked socket read does not notice an interrupt by itself; cancelling the call closes the
 * socket, so the caller's thread is released and the server sees the connection closed). The
 * deadline is enforced the way OkHttp's own call timeout does it (it cancels the call too), but
 * without OkHttp's timeout queue: that is one heap behind one lock
 * for the whole JVM, and entering and leaving it on every call made the lock the client's hottest
 * spot under concurrent load. Here, watching a call is a lock-free append and a volatile write,
 * and one daemon thread looks over the calls every {@link #TICK_NANOS} while there are any, so a
 * call ends at most a tick after its deadline.
 */
final class CallWatchdog {
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  static final CallWatchdog SHARED = new CallWatchdog();

  private final ConcurrentLinkedQueue<Watch> watched = new ConcurrentLinkedQueue<>();
  /** True while the thread is parked (or about to park) for want of calls to watch. */
  private final AtomicBoolean idle = new AtomicBoolean();
  private final Thread thread;

  private CallWatchdog() {
    thread = new Thread(this::run, "Paygate call watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Watches {@code call}, made on the current thread, until {@link Watch#close()}; cancels it
   * once {@code deadlineNanos} passes or the thread is interrupted.
   */
  Watch watch(Call call, long deadlineNanos) {
    Watch watch = new Watch(call, deadlineNanos, Thread.currentThread());
    watched.add(watch);
    if (idle.get() && idle.compareAndSet(true, false)) LockSupport.unpark(thread);
    return watch;
  }

  /** How many calls are in the list, finished ones not yet dropped included; for tests. */
  int watching() {
    return watched.size();
  }

  private void run() {
    while (true) {
      if (watched.isEmpty()) {
        idle.set(true);
        // Re-checked after saying so: a call added in between has unparked us, or is seen here.
        if (watched.isEmpty()) LockSupport.park(this);
        idle.set(false);
        continue;
      }
      long now = System.nanoTime();
      for (Iterator<Watch> i = watched.iterator(); i.hasNext(); ) {
        Watch watch = i.next();
        if (watch.done) {
          i.remove();
        } else if (now - watch.deadlineNanos >= 0) {
          i.remove();
          watch.fired = true;
          watch.call.cancel();
        } else if (watch.owner.isInterrupted()) {
          i.remove();
          watch.interrupted = true;
          watch.call.cancel();
        }
      }
      LockSupport.parkNanos(this, TICK_NANOS);
    }
  }

  /** One watched call; close it when the attempt is over, answer read or not. */
  static final class Watch implements AutoCloseable {
    final Call call;
    final long deadlineNanos;
    /** The thread waiting for the call: interrupting it cancels the call. */
    final Thread owner;
    volatile boolean done;
    /** Set before the call is cancelled, so that its failure reads as the timeout it is. */
    volatile boolean fired;
    /** Set before the call is cancelled because its thread was interrupted. */
    volatile boolean interrupted;

    Watch(Call call, long deadlineNanos, Thread owner) {
      this.call = call;
      this.deadlineNanos = deadlineNanos;
      this.owner = owner;
    }

    @Override public void close() {
      done = true;
    }
  }
}
