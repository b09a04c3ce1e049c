package io.paygate.piggy.simulator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identifiers the bank hands out. They come from {@link ThreadLocalRandom}, not
 * {@link UUID#randomUUID()}, whose single shared {@code SecureRandom} becomes a point of contention
 * at benchmark rates; a simulator's identifiers need to be unique, not unguessable.
 */
final class BankIdentifiers {
  private static final char[] CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private BankIdentifiers() {}

  /** {@code piggy-} and a random (version 4) UUID. */
  static String newBankReference() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
    long leastSignificant = (random.nextLong() & ~(3L << 62)) | (2L << 62);
    return "piggy-" + new UUID(mostSignificant, leastSignificant);
  }

  /** Six random upper-case letters and digits. */
  static String newAuthorisationCode() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] code = new char[6];
    for (int i = 0; i < code.length; i++) {
      code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
    }
    return new String(code);
  }
}
