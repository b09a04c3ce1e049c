package io.paygate.sdk;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * The future of an {@code ...Async} call, which {@link #cancel cancel(true)} really stops: the
 * thread running the call is interrupted, which cancels the OkHttp call in flight
 * ({@link CallWatchdog}) or the wait before a retry, and no retry follows. A plain
 * {@link CompletableFuture#supplyAsync} future ignores cancellation and lets the call run on.
 *
 * <p>The future then fails with a {@link CancellationException} whose cause is a
 * {@link ConnectionFailureException} carrying the payment's idempotency key, since a payment
 * cancelled mid-flight may have reached the gateway.
 */
final class CancellableCall<T> extends CompletableFuture<T> implements Runnable {
  private final Supplier<T> call;
  private final String description;
  private final @Nullable String idempotencyKey;
  private final Object lock = new Object();
  /** The thread running the call, while it runs. Guarded by {@link #lock}. */
  private @Nullable Thread runner;
  /** True once the call started: its outcome is then unknown if cancelled. Guarded by lock. */
  private boolean started;
  /** True once cancel() was called: the call must not start. Guarded by lock. */
  private boolean cancelRequested;

  private CancellableCall(Supplier<T> call, String description, @Nullable String idempotencyKey) {
    this.call = call;
    this.description = description;
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * Runs {@code call} on {@code executor}.
   *
   * @param description what the call is, for the message of a cancellation
   * @param idempotencyKey the payment's key, or null when the call is not a payment
   */
  static <T> CompletableFuture<T> start(Supplier<T> call, String description,
      @Nullable String idempotencyKey, Executor executor) {
    CancellableCall<T> future = new CancellableCall<>(call, description, idempotencyKey);
    executor.execute(future);
    return future;
  }

  @Override public void run() {
    synchronized (lock) {
      if (cancelRequested || isDone()) return; // cancelled while queued: never started
      runner = Thread.currentThread();
      started = true;
    }
    try {
      complete(call.get());
    } catch (Throwable t) {
      completeExceptionally(t);
    } finally {
      synchronized (lock) {
        runner = null;
      }
      // An interrupt meant for this call must not reach the pool thread's next task. After the
      // block above, cancel() can no longer interrupt this thread.
      if (isCancelled()) Thread.interrupted();
    }
  }

  /**
   * Cancels the call. With {@code mayInterruptIfRunning}, a call in flight is stopped too: its
   * thread is interrupted, its HTTP call cancelled, and no retry follows.
   */
  @Override public boolean cancel(boolean mayInterruptIfRunning) {
    boolean wasStarted;
    synchronized (lock) {
      // From here on the call has either started or never will.
      cancelRequested = true;
      wasStarted = started;
    }
    String message = description + ": cancelled" + (wasStarted && idempotencyKey != null
        ? ". The outcome of the payment is unknown: submit it again with idempotency key "
            + idempotencyKey + " to learn it without paying twice"
        : wasStarted ? "" : " before it was sent");
    CancellationException cancelled = new CancellationException(message);
    cancelled.initCause(new ConnectionFailureException(message, idempotencyKey, null));
    // A CancellationException as the outcome is what makes isCancelled() true, as in cancel().
    // Completed before the interrupt, so that the call's own failure cannot win the race.
    boolean done = completeExceptionally(cancelled);
    if (done && mayInterruptIfRunning) {
      synchronized (lock) {
        if (runner != null) runner.interrupt();
      }
    }
    return done || isCancelled();
  }
}
