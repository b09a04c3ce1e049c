package io.paygate.gateway.webhooks;

import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.db.WebhookEndpointRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which endpoints want which events, in memory: the payment path asks it for every outcome, and a
 * merchant with no endpoint costs a map look-up, not a query. Reloaded whenever an endpoint is
 * created or deleted here, and periodically by the dispatcher (for changes made by another node).
 * Disabled endpoints still subscribe: their events wait in the outbox until they are enabled.
 */
public final class WebhookSubscriptions {
  private record Subscription(UUID endpointId, java.util.Set<WebhookEventType> events) {}

  private final WebhookEndpointRepository endpoints;
  private volatile Map<UUID, List<Subscription>> byMerchant = Map.of();

  public WebhookSubscriptions(WebhookEndpointRepository endpoints) {
    this.endpoints = endpoints;
  }

  /** Reads every endpoint again. */
  public synchronized void reload() {
    Map<UUID, List<Subscription>> next = new HashMap<>();
    for (WebhookEndpoint e : endpoints.all()) {
      next.computeIfAbsent(e.merchantId(), k -> new ArrayList<>())
          .add(new Subscription(e.id(), e.events()));
    }
    byMerchant = next;
  }

  /** The merchant's endpoints subscribed to {@code type}; empty for most merchants. */
  public List<UUID> endpointsFor(UUID merchantId, WebhookEventType type) {
    List<Subscription> subs = byMerchant.get(merchantId);
    if (subs == null) {
      return List.of();
    }
    List<UUID> out = new ArrayList<>(subs.size());
    for (Subscription s : subs) {
      if (s.events().contains(type)) {
        out.add(s.endpointId());
      }
    }
    return out;
  }
}
