package io.paygate.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Paygate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">[,v1=...]}: one
 * {@code v1} per secret in force, so that a receiver keeps verifying through a rotation.
 */
public final class WebhookSigner {
  public static final String HEADER = "Paygate-Signature";

  private WebhookSigner() {}

  /** The header value for {@code body} sent at {@code unixSeconds}, signed with each secret. */
  public static String header(long unixSeconds, String body, List<String> secrets) {
    StringBuilder h = new StringBuilder("t=").append(unixSeconds);
    for (String secret : secrets) {
      h.append(",v1=").append(sign(unixSeconds, body, secret));
    }
    return h.toString();
  }

  /** Hex HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes. */
  public static String sign(long unixSeconds, String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
