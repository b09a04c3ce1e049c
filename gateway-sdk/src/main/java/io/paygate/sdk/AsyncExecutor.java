package io.paygate.sdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the asynchronous calls of clients built without an executor of their own: at most 64 at
 * once (OkHttp's own limit for asynchronous calls), the rest queued. Its threads are daemons that
 * end after a minute idle, so an application that never calls async pays nothing, and one that
 * does never has to shut it down.
 */
final class AsyncExecutor {
  static final ExecutorService SHARED = create();

  private AsyncExecutor() {
  }

  private static ExecutorService create() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(64, 64, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "paygate-async-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
