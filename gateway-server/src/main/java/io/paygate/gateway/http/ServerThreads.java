package io.paygate.gateway.http;

import io.paygate.gateway.config.GatewayConfig;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's threads. On Java 21+ each request runs on its own virtual thread, so a slow
 * bank holds thousands of payments in flight at the cost of their stacks on the heap rather than
 * of platform threads (measured in BENCHMARKS.md: the slow-bank run). On Java 17 the same jar uses
 * a bounded pool of platform threads. Jetty finds virtual threads by reflection, so the build
 * still targets Java 17.
 */
public final class ServerThreads {
  private static final Logger log = LoggerFactory.getLogger(ServerThreads.class);

  private ServerThreads() {}

  public static ThreadPool of(GatewayConfig config) {
    if (config.httpVirtualThreads() && VirtualThreads.areSupported()) {
      VirtualThreadPool pool = new VirtualThreadPool();
      pool.setName("http");
      log.info("requests run on virtual threads");
      return pool;
    }
    QueuedThreadPool pool = new QueuedThreadPool(config.httpMaxThreads(), 8);
    pool.setName("http");
    return pool;
  }
}
