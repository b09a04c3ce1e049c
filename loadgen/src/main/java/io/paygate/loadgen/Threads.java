package io.paygate.loadgen;

import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads, of the kind {@code --threads} names. Virtual threads (Java 21+) let thousands of
 * requests be in flight for the cost of their sockets; platform threads cost the generator less
 * CPU per request at the concurrencies of a latency run (64 workers at 2,700 requests a second:
 * about 180 CPU-µs per request against 250 with virtual threads, BENCHMARKS.md), and the CPU the
 * generator does not use is left to the gateway on the same machine. Virtual threads are found by
 * reflection because the build targets Java 17; without them, platform threads.
 */
final class Threads {
  /** Above this many workers, {@code auto} takes virtual threads: a platform thread each is heavy. */
  static final int AUTO_PLATFORM_LIMIT = 256;

  /** What {@code --threads} accepts. */
  enum Kind {
    AUTO, PLATFORM, VIRTUAL;

    /** {@code auto}, {@code platform} or {@code virtual}, in any case. */
    static Kind parse(String text) {
      try {
        return valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--threads must be auto, platform or virtual, not '" + text + "'");
      }
    }
  }

  private Threads() {}

  /** Whether {@code kind} at this concurrency runs on virtual threads, on this JVM. */
  static boolean virtual(Kind kind, int concurrency) {
    boolean wanted = kind == Kind.VIRTUAL
        || (kind == Kind.AUTO && concurrency > AUTO_PLATFORM_LIMIT);
    return wanted && virtualThreadsExist();
  }

  static ThreadFactory workers(boolean virtual) {
    if (virtual) {
      try {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, "load-", 0L);
        return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
            .getMethod("factory").invoke(builder);
      } catch (ReflectiveOperationException e) {
        // Checked by virtualThreadsExist(); falls through to platform threads all the same.
      }
    }
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "load-" + n.incrementAndGet(), 256 * 1024);
      t.setDaemon(true);
      return t;
    };
  }

  private static boolean virtualThreadsExist() {
    try {
      Thread.class.getMethod("ofVirtual");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
