package io.paygate.gateway.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.Interceptor;

/**
 * SSRF protection: webhook receivers must be on the public internet unless the operator allows
 * otherwise ({@code webhooks.allow.private.addresses}). Checked when an endpoint is registered
 * and again on every delivery through {@link #dns()}, which hands OkHttp only the addresses it
 * checked: a host that resolves elsewhere between the check and the connection (DNS rebinding)
 * is caught at connection time.
 */
public final class AddressPolicy {
  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Resolves {@code host} and returns its addresses, or throws naming the refused one. */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    List<InetAddress> allowed = new ArrayList<>(all.length);
    for (InetAddress a : all) {
      if (!allowPrivate && isForbidden(a)) {
        // All or nothing: a host with one private address among public ones is refused too.
        throw new ForbiddenAddressException(host, a);
      }
      allowed.add(a);
    }
    return allowed;
  }

  /** OkHttp's resolver, filtered. */
  public Dns dns() {
    return this::resolve;
  }

  /**
   * OkHttp does not ask its {@link Dns} about a URL whose host is an IP literal
   * ({@code https://127.0.0.1/}), so those are checked here, before any connection.
   */
  public Interceptor literalAddresses() {
    return chain -> {
      String host = chain.request().url().host();
      if (!allowPrivate && isIpLiteral(host)) {
        resolve(host);
      }
      return chain.proceed(chain.request());
    };
  }

  /** Dotted IPv4 or (OkHttp gives it without brackets) IPv6: no DNS look-up to resolve it. */
  static boolean isIpLiteral(String host) {
    return host.contains(":") || IPV4.matcher(host).matches();
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * Loopback, link-local (169.254/16, fe80::/10, cloud metadata), site-local and private
   * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), 0/8, multicast and
   * the unspecified address, also when written as IPv4-mapped or IPv4-compatible IPv6.
   */
  public static boolean isForbidden(InetAddress a) {
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      if (isEmbeddedV4(b)) {
        try {
          return isForbidden(InetAddress.getByAddress(
              new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // fc00::/7, unique local
      }
    }
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return true;
    }
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || first == 127 || (first == 100 && second >= 64 && second < 128)
          || first >= 240;
    }
    return false;
  }

  /** ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated but still parsed). */
  private static boolean isEmbeddedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0;
    return mapped || compatible;
  }

  /** A host that resolves to an address the policy refuses. */
  public static final class ForbiddenAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    ForbiddenAddressException(String host, InetAddress address) {
      super(host + " resolves to " + address.getHostAddress() + ", a loopback, link-local,"
          + " private, multicast or unspecified address; webhooks go only to public addresses"
          + " unless the operator sets webhooks.allow.private.addresses=true");
    }
  }
}
