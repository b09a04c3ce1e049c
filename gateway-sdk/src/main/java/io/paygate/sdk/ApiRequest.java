package io.paygate.sdk;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import org.jetbrains.annotations.Nullable;

/** One logical call to the REST API, before any attempt: what to send, not how often. */
final class ApiRequest {
  final String method;
  final HttpUrl url;
  final @Nullable byte[] body;
  /** Sent on every attempt; makes a POST safe to retry. Null for reads. */
  final @Nullable String idempotencyKey;
  /**
   * Sent as {@code X-Request-Id} on every attempt. The gateway adopts it for its logs and its
   * answer, so that all the attempts of one call can be found there under one id.
   */
  final String requestId = newRequestId();

  private ApiRequest(String method, HttpUrl url, @Nullable byte[] body, @Nullable String idempotencyKey) {
    this.method = method;
    this.url = url;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
  }

  static ApiRequest get(HttpUrl url) {
    return new ApiRequest("GET", url, null, null);
  }

  static ApiRequest post(HttpUrl url, byte[] body, @Nullable String idempotencyKey) {
    return new ApiRequest("POST", url, body, idempotencyKey);
  }

  /**
   * A random (version 4) UUID for {@code X-Request-Id}, drawn from {@link ThreadLocalRandom}: it
   * names a call in logs and guards nothing, so it needs no {@code SecureRandom}, whose shared
   * generator {@link UUID#randomUUID()} would otherwise take on every call. Idempotency keys, which
   * keep payments apart, still come from {@link UUID#randomUUID()}.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(3L << 62)) | (1L << 63); // IETF variant
    return new UUID(high, low).toString();
  }

  /** {@code POST /api/process}: the method and path, for messages. */
  String description() {
    return method + " " + url.encodedPath();
  }

  /** True if this request may have taken a payment. */
  boolean isPayment() {
    return idempotencyKey != null;
  }
}
