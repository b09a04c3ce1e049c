package io.paygate.sdk.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jetbrains.annotations.Nullable;

/**
 * Reads the one form of instant the gateway writes, {@code 2026-11-25T22:11:30.123456Z}, without
 * {@link java.time.format.DateTimeFormatter}, whose general parser was the largest cost of reading
 * a payment. Anything else (an offset, lower case, a leap second, a date that does not exist)
 * is left to {@link Instant#parse}: this is a shortcut for the common form, never a second opinion.
 */
public final class IsoInstant {
  private IsoInstant() {
  }

  /**
   * The instant {@code text} says if it is {@code yyyy-MM-ddTHH:mm:ss}, optionally with one to nine
   * decimals of the second, then {@code Z}, and a valid time; otherwise null.
   */
  public static @Nullable Instant parseUtc(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      // ".f" to ".fffffffff" between the seconds and the Z.
      int fraction = length - 21;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
      nanos = digits(text, 20, length - 1);
      if (nanos < 0) return null;
      for (int i = fraction; i < 9; i++) nanos *= 10;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // February 30th and the like: let Instant.parse say what is wrong
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
