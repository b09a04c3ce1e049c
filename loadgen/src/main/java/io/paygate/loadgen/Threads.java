package io.paygate.loadgen;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads: virtual threads when the JVM has them (Java 21+), so that thousands of
 * connections in flight cost no more than their sockets; platform threads with a small stack
 * otherwise. Found by reflection because the build targets Java 17.
 */
final class Threads {
  private Threads() {}

  static ThreadFactory workers() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, "load-", 0L);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
          .getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(null, r, "load-" + n.incrementAndGet(), 256 * 1024);
        t.setDaemon(true);
        return t;
      };
    }
  }

  static boolean virtual() {
    try {
      Thread.class.getMethod("ofVirtual");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
