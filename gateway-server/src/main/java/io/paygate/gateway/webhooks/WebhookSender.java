package io.paygate.gateway.webhooks;

import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import io.paygate.gateway.db.WebhookDeliveryRepository.AttemptResult;
import io.paygate.gateway.db.WebhookDeliveryRepository.Next;
import io.paygate.gateway.db.WebhookEndpointRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one delivery: sign, POST, record the attempt, then mark the delivery delivered
 * (2xx), schedule the next attempt, or give up; and disable an endpoint whose attempts have all
 * failed for long enough.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final WebhookDeliveryRepository deliveries;
  private final WebhookEndpointRepository endpoints;
  private final WebhookEndpointCache cache;
  private final RetrySchedule schedule;
  private final WebhookSettings settings;
  private final OkHttpClient http;
  private final Clock clock;

  public WebhookSender(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
      WebhookEndpointCache cache, AddressPolicy addresses, WebhookSettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.cache = cache;
    this.settings = settings;
    this.clock = clock;
    this.schedule = new RetrySchedule(settings.retryBase(), settings.retryMaxDelay(),
        settings.maxAttempts());
    this.http = new OkHttpClient.Builder()
        .dns(addresses.dns())
        .addInterceptor(addresses.literalAddresses())
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .callTimeout(settings.timeout())
        // A redirect would be a second, unchecked request: a 3xx is a failed attempt.
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(settings.threads(), 1, java.util.concurrent.TimeUnit.MINUTES))
        .build();
  }

  /** Makes one attempt at {@code d}. */
  public void send(WebhookDelivery d) {
    Optional<WebhookEndpoint> found = cache.find(d.endpointId());
    if (found.isEmpty()) {
      deliveries.giveUp(d.id(), d.attempts(), "endpoint deleted");
      return;
    }
    WebhookEndpoint endpoint = found.get();
    if (!endpoint.enabled()) {
      // Disabled after it was claimed: it waits, unattempted, until enabled.
      deliveries.retryAt(d.id(), d.attempts(), clock.instant(), "endpoint disabled");
      return;
    }
    Instant at = clock.instant();
    int attempt = d.attempts() + 1;
    Request request = new Request.Builder()
        .url(endpoint.url())
        .header(WebhookSigner.HEADER, WebhookSigner.header(at.getEpochSecond(), d.payload(),
            endpoint.signingSecrets(at)))
        .header("Paygate-Event-Id", d.eventId())
        .header("Paygate-Event-Type", d.eventType().wireName())
        .header("User-Agent", "Paygate-Webhooks/1")
        .post(RequestBody.create(d.payload(), JSON))
        .build();
    long start = System.nanoTime();
    Integer status = null;
    String error;
    try (Response response = http.newCall(request).execute()) {
      status = response.code();
      error = response.isSuccessful() ? null : "HTTP " + status;
    } catch (IOException | RuntimeException e) {
      error = describe(e);
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    Instant done = clock.instant();
    if (error == null) {
      deliveries.recordAttempt(d, new AttemptResult(at, status, millis, null, attempt,
          Next.DELIVERED, null));
      if (endpoint.consecutiveFailures() > 0) {
        endpoints.recordSuccess(endpoint.id());
        cache.invalidate(endpoint.id());
      }
      return;
    }
    if (schedule.hasNext(attempt)) {
      deliveries.recordAttempt(d, new AttemptResult(at, status, millis, error, attempt,
          Next.RETRY, done.plus(schedule.delayAfter(attempt))));
    } else {
      deliveries.recordAttempt(d, new AttemptResult(at, status, millis, error, attempt,
          Next.GIVE_UP, null));
      log.warn("webhook event {} to endpoint {} given up after {} attempts: {}", d.eventId(),
          endpoint.id(), attempt, error);
    }
    endpoints.recordFailure(endpoint.id(), at);
    // The count just written, not the cached one: failures on other threads or nodes count too.
    cache.findFresh(endpoint.id()).ifPresent(this::disableIfFailingTooLong);
  }

  /** Disabled once every attempt for {@code disableAfter} failed, and at least N in a row. */
  private void disableIfFailingTooLong(WebhookEndpoint failing) {
    int failures = failing.consecutiveFailures();
    Instant since = failing.failingSince();
    if (!failing.enabled() || since == null) {
      return;
    }
    boolean longEnough = !since.plus(settings.disableAfter()).isAfter(clock.instant());
    if (failures >= settings.disableFailures() && longEnough) {
      String reason = failures + " failed attempts in a row since " + since;
      endpoints.disable(failing.id(), reason);
      cache.invalidate(failing.id());
      log.warn("webhook endpoint {} of merchant {} disabled: {}", failing.id(),
          failing.merchantId(), reason);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) : message;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
