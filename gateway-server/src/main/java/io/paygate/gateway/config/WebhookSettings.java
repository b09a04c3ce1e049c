package io.paygate.gateway.config;

import java.time.Duration;

/**
 * The webhook settings ({@code webhooks.*}, docs/webhooks.md).
 *
 * @param allowPrivateAddresses whether endpoints may resolve to loopback, link-local, private,
 *     multicast or unspecified addresses (off: SSRF protection; tests turn it on)
 * @param allowHttp whether plain {@code http://} URLs are accepted (off: https only)
 * @param connectTimeout connecting to a receiver
 * @param timeout one whole attempt, connect to last byte
 * @param retryBase the first back-off step; it doubles per attempt, with jitter
 * @param retryMaxDelay the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is given up (left for the operator to replay)
 * @param disableAfter how long an endpoint's attempts must all have failed before it is disabled
 * @param disableFailures how many failed attempts in a row, at least, before it is disabled
 * @param secretOverlap how long the old secret keeps signing after a rotation
 * @param pollInterval how often the outbox is looked at when nothing wakes the dispatcher
 * @param threads deliveries in flight at once
 * @param busyPayments payments in flight on this node, averaged over about a second, at which
 *     deliveries yield to payments (0: they never do)
 * @param busyRate the most deliveries a second this node starts while payments are busy
 */
public record WebhookSettings(
    boolean allowPrivateAddresses,
    boolean allowHttp,
    Duration connectTimeout,
    Duration timeout,
    Duration retryBase,
    Duration retryMaxDelay,
    int maxAttempts,
    Duration disableAfter,
    int disableFailures,
    Duration secretOverlap,
    Duration pollInterval,
    int threads,
    int busyPayments,
    int busyRate) {

  /**
   * The default of {@code webhooks.busy.payments}: at saturation every load-generator connection
   * has a payment in flight (32 of 32 in benchmarks/webhooks.sh); below the peak it stays off.
   */
  static final int BUSY_PAYMENTS = 8;

  static WebhookSettings from(ConfigSource s) {
    Settings v = new Settings(s);
    return new WebhookSettings(
        bool(s, v, "webhooks.allow.private.addresses", false),
        bool(s, v, "webhooks.allow.http", false),
        v.duration("webhooks.connect.timeout", Duration.ofSeconds(5)),
        v.duration("webhooks.timeout", Duration.ofSeconds(10)),
        v.duration("webhooks.retry.base", Duration.ofSeconds(10)),
        v.duration("webhooks.retry.max.delay", Duration.ofHours(4)),
        // 10 s doubling to 4 h: 18 attempts span about 34 hours (27 h with the least jitter).
        v.integer("webhooks.retry.attempts", 18, 1, 1000),
        v.duration("webhooks.disable.after", Duration.ofHours(24)),
        v.integer("webhooks.disable.failures", 20, 1, 1_000_000),
        v.duration("webhooks.secret.overlap", Duration.ofHours(24)),
        v.duration("webhooks.poll.interval", Duration.ofSeconds(1)),
        v.integer("webhooks.threads", 8, 1, 256),
        v.integer("webhooks.busy.payments", BUSY_PAYMENTS, 0, 100_000),
        v.integer("webhooks.busy.rate", 100, 1, 1_000_000));
  }

  private static boolean bool(ConfigSource s, Settings v, String key, boolean dflt) {
    String raw = v.string(key, Boolean.toString(dflt));
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new ConfigException(s.describe(key) + " must be true or false, not '" + raw + "'");
    }
    return raw.equals("true");
  }
}
