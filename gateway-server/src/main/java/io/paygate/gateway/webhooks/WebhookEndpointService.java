package io.paygate.gateway.webhooks;

import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.WebhookAttempt;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import io.paygate.gateway.db.WebhookEndpointRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
   * Registers an endpoint.
   *
   * @return the endpoint, whose secret the caller shows once
   */
  public WebhookEndpoint register(UUID merchantId, Object url, Object events) {
    List<FieldError> errors = new ArrayList<>();
    String checkedUrl = checkUrl(url, errors);
    Set<WebhookEventType> types = checkEvents(events, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    if (endpoints.list(merchantId).size() >= MAX_ENDPOINTS) {
      throw ApiException.conflict("a merchant has at most " + MAX_ENDPOINTS + " endpoints;"
          + " delete one first");
    }
    WebhookEndpoint e = new WebhookEndpoint(Ids.newId(), merchantId, checkedUrl, types,
        newSecret(), null, null, true, null, 0, null, now());
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

  private String checkUrl(Object raw, List<FieldError> errors) {
    if (!(raw instanceof String text) || text.isBlank()) {
      errors.add(new FieldError("url", "is required: the https URL that receives events"));
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      errors.add(new FieldError("url", "is not a valid URL"));
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    boolean httpOk = settings.allowHttp() && scheme.equals("http");
    if (!scheme.equals("https") && !httpOk) {
      errors.add(new FieldError("url", settings.allowHttp() ? "must be an http or https URL"
          : "must be an https URL"));
      return null;
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
        || text.length() > 2000) {
      errors.add(new FieldError("url", "must be an absolute URL with a host, no user info or"
          + " fragment, at most 2000 characters"));
      return null;
    }
    String host = uri.getHost().startsWith("[")
        ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    try {
      addresses.resolve(host);
    } catch (AddressPolicy.ForbiddenAddressException e) {
      errors.add(new FieldError("url", e.getMessage()));
      return null;
    } catch (UnknownHostException e) {
      errors.add(new FieldError("url", "the host " + host + " does not resolve"));
      return null;
    }
    return text;
  }

  private static Set<WebhookEventType> checkEvents(Object raw, List<FieldError> errors) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      errors.add(new FieldError("events", "is required: a non-empty array of event types"));
      return null;
    }
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    for (Object o : list) {
      if (!(o instanceof String name) || WebhookEventType.fromWireName(name).isEmpty()) {
        errors.add(new FieldError("events", "has an unknown event type: " + o + "; known are "
            + known()));
        return null;
      }
      types.add(WebhookEventType.fromWireName(name).get());
    }
    return types;
  }

  private static String known() {
    List<String> names = new ArrayList<>();
    for (WebhookEventType t : WebhookEventType.values()) {
      names.add(t.wireName());
    }
    return String.join(", ", names);
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
