package io.paygate.gateway.webhooks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.db.WebhookEndpointRepository;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The endpoints the sender delivers to, held for a few seconds: without it every delivery read
 * its endpoint's row (a query per attempt, measured in BENCHMARKS.md). Caffeine, not a hand-made
 * map, because it expires, bounds and loads once per key under concurrency.
 *
 * <p>What a stale entry can do, and why it is harmless: the claim reads whether an endpoint is
 * enabled from the database, so a delivery is only ever started for an endpoint that was enabled
 * when claimed; an entry that says "disabled" or "gone" is never trusted, but read again
 * ({@link #findFresh}). A secret rotated on another node signs here after at most {@code ttl},
 * and the old secret keeps signing during the overlap. Every change made on this node
 * ({@link WebhookEndpointService}, the sender's own failure counts) invalidates the entry at once.
 */
public final class WebhookEndpointCache {
  private final WebhookEndpointRepository endpoints;
  private final LoadingCache<UUID, Optional<WebhookEndpoint>> cache;

  public WebhookEndpointCache(WebhookEndpointRepository endpoints, Duration ttl) {
    this.endpoints = endpoints;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(10_000)
        .build(endpoints::find);
  }

  /** The endpoint to deliver to, from the cache when it is there, enabled. */
  public Optional<WebhookEndpoint> find(UUID id) {
    Optional<WebhookEndpoint> cached = cache.get(id);
    if (cached.isPresent() && cached.get().enabled()) {
      return cached;
    }
    // Disabled or gone here may be enabled again elsewhere: never trust that from the cache.
    return findFresh(id);
  }

  /** The endpoint as stored now; the cache keeps it. */
  public Optional<WebhookEndpoint> findFresh(UUID id) {
    Optional<WebhookEndpoint> now = endpoints.find(id);
    cache.put(id, now);
    return now;
  }

  /** Forgets the endpoint: it was changed. */
  public void invalidate(UUID id) {
    cache.invalidate(id);
  }
}
