package io.paygate.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bank's time out of a {@code Server-Timing} header (W3C Server Timing): the sum of the
 * {@code dur} (milliseconds) of its {@code bank} entries, one per bank the gateway asked. Other
 * entries, and entries without a duration, are ignored.
 */
final class ServerTimingHeader {
  private ServerTimingHeader() {}

  /** Nanoseconds at the bank(s), or {@link Answer#NO_BANK_TIME} when there is no bank entry. */
  static long bankNanos(String header) {
    if (header == null) {
      return Answer.NO_BANK_TIME;
    }
    double millis = 0;
    boolean found = false;
    for (String entry : split(header, ',')) {
      List<String> parts = split(entry, ';');
      if (!parts.get(0).trim().equalsIgnoreCase("bank")) {
        continue;
      }
      for (String param : parts.subList(1, parts.size())) {
        int eq = param.indexOf('=');
        if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("dur")) {
          try {
            millis += Double.parseDouble(param.substring(eq + 1).trim());
            found = true;
          } catch (NumberFormatException e) {
            // A malformed duration counts as none.
          }
        }
      }
    }
    return found ? Math.round(millis * 1e6) : Answer.NO_BANK_TIME;
  }

  /** Splits at {@code separator} outside quoted strings (a description may hold one). */
  private static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(s.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(s.substring(from));
    return parts;
  }
}
