package io.paygate.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.WebhookEndpointRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender's endpoint cache against the real schema on H2. Changes written straight through
 * the repository stand for changes made by another node, which no invalidation reaches here.
 */
class WebhookEndpointCacheTest {
  @TempDir Path dir;
  Database database;
  WebhookEndpointRepository endpoints;
  UUID id;

  @BeforeEach
  void endpoint() {
    database = Database.open(GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.toString()))));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID merchant = UUID.randomUUID();
    new MerchantRepository(database.dataSource()).insert(new Merchant(merchant, "shop-hooks",
        "Shop", "$2a$10$hash", "PiggyBank", now));
    endpoints = new WebhookEndpointRepository(database.dataSource());
    id = UUID.randomUUID();
    endpoints.insert(new WebhookEndpoint(id, merchant, "https://example.com/hooks",
        EnumSet.of(WebhookEventType.PAYMENT_AUTHORISED), "whsec_first", null, null, true, null, 0, null,
        now));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anEndpointEnabledAgainElsewhereIsSeenAtOnceThoughTheCacheSawItDisabled() {
    WebhookEndpointCache cache = new WebhookEndpointCache(endpoints, Duration.ofHours(1));
    endpoints.disable(id, "failing");
    assertThat(cache.find(id)).get().extracting(WebhookEndpoint::enabled).isEqualTo(false);

    endpoints.enable(id);

    assertThat(cache.find(id)).get().extracting(WebhookEndpoint::enabled).isEqualTo(true);
  }

  @Test
  void aChangeMadeHereIsSeenAtOnceAfterInvalidation() {
    WebhookEndpointCache cache = new WebhookEndpointCache(endpoints, Duration.ofHours(1));
    assertThat(cache.find(id)).get().extracting(WebhookEndpoint::secret).isEqualTo("whsec_first");

    endpoints.rotate(id, "whsec_second", Instant.now().plusSeconds(60));
    cache.invalidate(id);

    assertThat(cache.find(id).orElseThrow().signingSecrets(Instant.now()))
        .containsExactly("whsec_second", "whsec_first");
  }

  @Test
  void aChangeMadeElsewhereIsSeenOnceTheEntryExpires() {
    WebhookEndpointCache cache = new WebhookEndpointCache(endpoints, Duration.ofMillis(200));
    assertThat(cache.find(id)).get().extracting(WebhookEndpoint::secret).isEqualTo("whsec_first");

    endpoints.rotate(id, "whsec_second", Instant.now().plusSeconds(60));

    await().atMost(Duration.ofSeconds(5))
        .until(() -> cache.find(id).orElseThrow().secret().equals("whsec_second"));
  }

  @Test
  void aDeletedEndpointIsGoneAndTheFailureCountIsReadFresh() {
    WebhookEndpointCache cache = new WebhookEndpointCache(endpoints, Duration.ofHours(1));
    assertThat(cache.find(id)).isPresent();
    endpoints.recordFailure(id, Instant.now());
    assertThat(cache.findFresh(id).orElseThrow().consecutiveFailures()).isEqualTo(1);

    endpoints.delete(id, Instant.now());
    cache.invalidate(id);

    assertThat(cache.find(id)).isEmpty();
  }
}
