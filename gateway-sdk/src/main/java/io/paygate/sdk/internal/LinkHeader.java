package io.paygate.sdk.internal;

import java.util.List;
import java.util.Locale;

/** Reads RFC 8288 {@code Link} headers: {@code </api/history?cursor=abc>; rel="next"}. */
public final class LinkHeader {
  private LinkHeader() {
  }

  /**
   * Returns the target of the first link whose {@code rel} includes {@code rel}, across all the
   * given header values, or null if there is none. The target is returned exactly as written.
   */
  public static String find(List<String> headerValues, String rel) {
    for (String header : headerValues) {
      int pos = 0;
      while (pos < header.length()) {
        int open = header.indexOf('<', pos);
        if (open < 0) break;
        int close = header.indexOf('>', open);
        if (close < 0) break;
        String target = header.substring(open + 1, close).trim();
        // The parameters run to the next link, which starts at a comma outside quotes.
        int end = endOfParams(header, close + 1);
        if (hasRel(header.substring(close + 1, end), rel)) return target;
        pos = end + 1;
      }
    }
    return null;
  }

  private static int endOfParams(String header, int from) {
    boolean quoted = false;
    for (int i = from; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) return i;
    }
    return header.length();
  }

  private static boolean hasRel(String params, String rel) {
    for (String param : params.split(";")) {
      int eq = param.indexOf('=');
      if (eq < 0) continue;
      if (!param.substring(0, eq).trim().equalsIgnoreCase("rel")) continue;
      String value = param.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      // rel may hold several space-separated relation types: rel="next last".
      for (String type : value.toLowerCase(Locale.ROOT).split("\\s+")) {
        if (type.equals(rel.toLowerCase(Locale.ROOT))) return true;
      }
    }
    return false;
  }
}
