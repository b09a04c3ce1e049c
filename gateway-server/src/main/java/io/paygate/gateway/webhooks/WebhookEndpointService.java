package io.paygate.gateway.webhooks;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.WebhookAttempt;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import io.paygate.gateway.db.WebhookEndpointRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Merchants' endpoints: registration (URL and event types checked, SSRF included), secrets and
 * their rotation, enabling again, and the operator's replays.
 */
public final class WebhookEndpointService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_ENDPOINTS = 16;

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSubscriptions subscriptions;
  private final WebhookEndpointCache cache;
  private final AddressPolicy addresses;
  private final WebhookSettings settings;
  private final AuditLog audit;
  private final Clock clock;
  private Runnable wake = () -> { };

  public WebhookEndpointService(WebhookEndpointRepository endpoints,
      WebhookDeliveryRepository deliveries, WebhookSubscriptions subscriptions,
      WebhookEndpointCache cache, AddressPolicy addresses, WebhookSettings settings,
      AuditLog audit, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.cache = cache;
    this.addresses = addresses;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** What to call when deliveries become due (the dispatcher's wake). */
  public void onDue(Runnable wakeUp) {
    this.wake = wakeUp;
  }

  /**
   * Registers an endpoint, read and checked for syntax at the edge
   * ({@link NewWebhookEndpointReader}); here its host is resolved and refused when it points
   * where the gateway must not call (SSRF).
   *
   * @return the endpoint, whose secret the caller shows once
   * @throws ValidationException 400 naming {@code url} when its host is refused or does not
   *     resolve
   * @throws ApiException 409 when the merchant has as many endpoints as it may
   */
  public WebhookEndpoint register(UUID merchantId, NewWebhookEndpoint request) {
    checkAddress(request.url());
    if (endpoints.list(merchantId).size() >= MAX_ENDPOINTS) {
      throw ApiException.conflict("a merchant has at most " + MAX_ENDPOINTS + " endpoints;"
          + " delete one first");
    }
    WebhookEndpoint e = new WebhookEndpoint(Ids.newId(), merchantId, request.url().toString(),
        request.events(), newSecret(), null, null, true, null, 0, null, now());
    endpoints.insert(e);
    subscriptions.reload();
    // The id only: a URL may carry a merchant's token in its query, and audit rows hold no secret.
    audit.record("webhook.endpoint.created", "success", merchantId, null, e.id().toString());
    return e;
  }

  public List<WebhookEndpoint> list(UUID merchantId) {
    return endpoints.list(merchantId);
  }

  /** The operator's view: every endpoint, or one merchant's. */
  public List<WebhookEndpoint> listAll(UUID merchantId) {
    return merchantId == null ? endpoints.all() : endpoints.list(merchantId);
  }

  public WebhookEndpoint get(UUID merchantId, UUID id) {
    return endpoints.find(merchantId, id).orElseThrow(WebhookEndpointService::notFound);
  }

  public void delete(UUID merchantId, UUID id) {
    get(merchantId, id);
    endpoints.delete(id, now());
    cache.invalidate(id);
    subscriptions.reload();
    audit.record("webhook.endpoint.deleted", "success", merchantId, null, id.toString());
  }

  /**
   * A new secret; the old one keeps signing beside it for {@code webhooks.secret.overlap}.
   *
   * @return the endpoint with its new secret, shown once
   */
  public WebhookEndpoint rotateSecret(UUID merchantId, UUID id) {
    get(merchantId, id);
    Instant now = now();
    endpoints.rotate(id, newSecret(), now.plus(settings.secretOverlap()));
    cache.invalidate(id);
    audit.record("webhook.secret.rotated", "success", merchantId, null, id.toString());
    return get(merchantId, id);
  }

  /** Enabled again; its waiting events go out now. */
  public WebhookEndpoint enable(UUID merchantId, UUID id) {
    get(merchantId, id);
    endpoints.enable(id);
    cache.invalidate(id);
    deliveries.dueNow(id, now());
    audit.record("webhook.endpoint.enabled", "success", merchantId, null, id.toString());
    wake.run();
    return get(merchantId, id);
  }

  public List<WebhookAttempt> attempts(UUID merchantId, UUID id, int limit) {
    get(merchantId, id);
    return deliveries.attempts(id, limit);
  }

  /** The operator sends an event again to each of its endpoints; 404 when it never existed. */
  public int replayEvent(String eventId) {
    int queued = deliveries.replayEvent(eventId, now());
    if (queued == 0) {
      throw ApiException.notFound("no delivered or given-up event with this id");
    }
    audit.record("webhook.event.replayed", "success", null, null, eventId + " to " + queued);
    wake.run();
    return queued;
  }

  /** The operator enables an endpoint and queues every event it gave up again. */
  public int replayEndpoint(UUID id) {
    WebhookEndpoint e = endpoints.find(id).orElseThrow(WebhookEndpointService::notFound);
    endpoints.enable(id);
    cache.invalidate(id);
    int queued = deliveries.replayEndpoint(id, now());
    audit.record("webhook.endpoint.replayed", "success", e.merchantId(), null, id + ": " + queued);
    wake.run();
    return queued;
  }

  private void checkAddress(URI url) {
    String host = url.getHost().startsWith("[")
        ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
    try {
      addresses.resolve(host);
    } catch (AddressPolicy.ForbiddenAddressException e) {
      throw ValidationException.of("url", e.getMessage());
    } catch (UnknownHostException e) {
      throw ValidationException.of("url", "the host " + host + " does not resolve");
    }
  }

  /** {@code whsec_} and 256 random bits in hex. */
  private static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "whsec_" + HexFormat.of().formatHex(b);
  }

  private static ApiException notFound() {
    return ApiException.notFound("no webhook endpoint with this id");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
