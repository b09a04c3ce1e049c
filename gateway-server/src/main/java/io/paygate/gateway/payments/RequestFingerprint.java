package io.paygate.gateway.payments;

import io.paygate.gateway.validation.ValidatedPayment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a payment request, stored beside its idempotency key so that a
 * retry can be told from a different request under the same key. Keyed, because a plain hash of a
 * card number can be reversed by trying every number. The CVV is left out: it may not be kept in
 * any form.
 */
public final class RequestFingerprint {
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public RequestFingerprint(byte[] secret) {
    this.key = new SecretKeySpec(derive(secret), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A key of its own, derived from the gateway's secret, so the two uses never share a key. */
  private static byte[] derive(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal("paygate request fingerprint v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public String of(ValidatedPayment p) {
    return of(canonical(p));
  }

  private static String canonical(ValidatedPayment p) {
    return (p.cardNumber() + '|' + p.expiryMonth() + '|' + p.expiryYear() + '|'
        + p.cardHolderName() + '|' + p.amount().minor() + '|'
        + p.amount().currency().getCurrencyCode());
  }

  /**
   * The fingerprint of a payment request with its {@code capture} flag: the same as
   * {@link #of(ValidatedPayment)} when it is false, so that keys stored before the flag existed
   * still match their retries.
   */
  public String of(ValidatedPayment p, boolean capture) {
    return capture ? of(canonical(p) + "|capture") : of(p);
  }

  /** The fingerprint of any canonical text of a request (an operation's, say). */
  public String of(String canonical) {
    Mac mac = macs.get();
    return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
  }
}
