package io.paygate.sdk;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import okio.ByteString;

/**
 * Verifies the webhook requests your endpoint receives.
 *
 * <p>The gateway signs each request: {@code Paygate-Signature: t=<unix seconds>,v1=<hex>} where
 * the hex is HMAC-SHA256, keyed with your endpoint's secret, of {@code "<t>.<body>"}. During a
 * secret rotation it sends one {@code v1} per secret in force; either verifies.
 *
 * <pre>{@code
 * try {
 *   WebhookEvent event = Webhooks.verify(body, request.getHeader("Paygate-Signature"),
 *       secret, Duration.ofMinutes(5));
 *   if (seen.add(event.id())) handle(event);
 *   respond(200);
 * } catch (WebhookSignatureException e) {
 *   respond(400);
 * }
 * }</pre>
 *
 * <p>Pass the body exactly as received (the raw bytes decoded as UTF-8), not re-serialised JSON.
 */
public final class Webhooks {
  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Paygate-Signature";

  private Webhooks() {}

  /**
   * Checks the signature and the timestamp, then reads the event.
   *
   * @param payload the request body as received
   * @param signatureHeader the {@code Paygate-Signature} header's value (null when absent)
   * @param secret your endpoint's secret ({@code whsec_...})
   * @param tolerance how far the signature's time may be from now: older requests are refused as
   *     replays (5 minutes is usual)
   * @throws WebhookSignatureException when the request does not verify
   */
  public static WebhookEvent verify(String payload, String signatureHeader, String secret,
      Duration tolerance) {
    return verify(payload, signatureHeader, secret, tolerance, Clock.systemUTC());
  }

  static WebhookEvent verify(String payload, String signatureHeader, String secret,
      Duration tolerance, Clock clock) {
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(secret, "secret == null");
    Objects.requireNonNull(tolerance, "tolerance == null");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new WebhookSignatureException("no " + SIGNATURE_HEADER + " header");
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>(2);
    for (String part : signatureHeader.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        try {
          timestamp = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          throw new WebhookSignatureException("the signature's timestamp is not a number");
        }
      } else if (p.startsWith("v1=")) {
        signatures.add(p.substring(3));
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new WebhookSignatureException(SIGNATURE_HEADER + " must hold t= and at least one v1=");
    }
    long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
    if (age > tolerance.getSeconds()) {
      throw new WebhookSignatureException("the signature's timestamp is " + age
          + " s away from now, more than the tolerance of " + tolerance.getSeconds() + " s");
    }
    byte[] expected = hmac(secret, timestamp + "." + payload);
    boolean match = false;
    for (String candidate : signatures) {
      byte[] given;
      try {
        given = HexFormat.of().parseHex(candidate);
      } catch (IllegalArgumentException e) {
        continue;
      }
      // Constant time, and every candidate checked: no timing tells which one nearly matched.
      match |= MessageDigest.isEqual(expected, given);
    }
    if (!match) {
      throw new WebhookSignatureException("no signature matches this secret and body");
    }
    return read(payload);
  }

  private static byte[] hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static WebhookEvent read(String payload) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(payload));
      WebhookEvent.Builder event = new WebhookEvent.Builder();
      String id = null;
      String type = null;
      Instant createdAt = null;
      String dataJson = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "id": id = reader.nextString(); break;
          case "type": type = reader.nextString(); break;
          case "createdAt": createdAt = Instant.parse(reader.nextString()); break;
          // Raw, as sent: amounts stay exact decimals, never a double on the way.
          case "data":
            try (okio.BufferedSource raw = reader.nextSource()) {
              dataJson = raw.readUtf8();
            }
            break;
          default: reader.skipValue();
        }
      }
      reader.endObject();
      if (id == null || type == null || createdAt == null || dataJson == null) {
        throw new WebhookSignatureException("the body is signed but is not a Paygate event:"
            + " id, type, createdAt or data is missing");
      }
      event.id(id).type(type).createdAt(createdAt).dataJson(dataJson);
      if (type.startsWith("payment.")) {
        event.payment(WireJson.payment(ByteString.encodeUtf8(dataJson), null, false));
      } else if (type.startsWith("capture.") || type.startsWith("refund.")
          || type.startsWith("void.")) {
        // The same shape as the answer to the operation; no key: it is not an answer to a call.
        OperationResult r = LifecycleJson.result(ByteString.encodeUtf8(dataJson), null, false, "");
        event.operation(r.operation()).paymentDetail(r.payment());
      }
      return event.build();
    } catch (IOException | JsonDataException | DateTimeParseException
        | IllegalArgumentException e) {
      throw new WebhookSignatureException("the body is signed but is not a Paygate event: "
          + e.getMessage());
    }
  }
}
