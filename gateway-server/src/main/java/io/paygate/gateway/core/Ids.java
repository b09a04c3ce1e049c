package io.paygate.gateway.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of milliseconds, then random bits, so that new
 * rows land at the end of an index instead of splitting pages all over it.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    return newId(Clock.systemUTC().millis());
  }

  static UUID newId(long epochMillis) {
    long randA = RANDOM.nextInt() & 0xfffL;
    long msb = (epochMillis << 16) | 0x7000L | randA;
    long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
