package io.paygate.sdk.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host checks for the cleartext rule: plain http is only for the machine itself. */
public final class Hosts {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Hosts() {
  }

  /**
   * True if {@code host} is {@code localhost} or a loopback address literal (127.0.0.0/8, ::1).
   * Names other than localhost are not resolved: a DNS answer can change, and a check that waits
   * on the network has no place in a builder.
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.equals("localhost")) return true;
    if (!IPV4.matcher(h).matches() && !h.contains(":")) return false;
    try {
      // A literal address is parsed, not looked up.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
