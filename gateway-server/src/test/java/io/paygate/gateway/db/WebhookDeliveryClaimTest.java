package io.paygate.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a dispatcher's claim takes from the outbox, against the real schema on H2: due deliveries
 * oldest first up to the limit, each leased to one claimer, never a later event of a payment
 * before its earlier one, nothing for a disabled endpoint, and again once a lease ran out.
 */
class WebhookDeliveryClaimTest {
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(600);

  @TempDir Path dir;
  Database database;
  WebhookDeliveryRepository deliveries;
  WebhookEndpointRepository endpoints;
  UUID merchant = UUID.randomUUID();
  UUID endpoint;

  @BeforeEach
  void outbox() {
    database = Database.open(GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.toString()))));
    new MerchantRepository(database.dataSource()).insert(new Merchant(merchant, "shop-claims",
        "Shop", "$2a$10$hash", "PiggyBank", T0));
    endpoints = new WebhookEndpointRepository(database.dataSource());
    deliveries = new WebhookDeliveryRepository(database.dataSource(), null);
    endpoint = newEndpoint();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aClaimTakesTheOldestDueUpToItsLimitAndASecondClaimTheRest() throws SQLException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(append(endpoint, UUID.randomUUID(), WebhookEventType.PAYMENT_AUTHORISED,
          T0.plusSeconds(i)));
    }
    // Not due yet.
    append(endpoint, UUID.randomUUID(), WebhookEventType.PAYMENT_AUTHORISED, T0.plusSeconds(6000));
    Instant now = T0.plusSeconds(60);

    List<WebhookDelivery> first = deliveries.claim(now, now.plusSeconds(30), 3);
    List<WebhookDelivery> second = deliveries.claim(now, now.plusSeconds(30), 10);

    assertThat(first).extracting(WebhookDelivery::id).containsExactly(ids.get(0), ids.get(1),
        ids.get(2));
    assertThat(second).extracting(WebhookDelivery::id).containsExactly(ids.get(3), ids.get(4));
    assertThat(deliveries.claim(now, now.plusSeconds(30), 10)).isEmpty();
  }

  @Test
  void aLeaseThatRanOutIsClaimedAgain() throws SQLException {
    UUID id = append(endpoint, UUID.randomUUID(), WebhookEventType.PAYMENT_AUTHORISED, T0);
    Instant now = T0.plusSeconds(1);
    assertThat(deliveries.claim(now, now.plusSeconds(30), 10)).hasSize(1);
    assertThat(deliveries.claim(now.plusSeconds(29), now.plusSeconds(59), 10)).isEmpty();

    assertThat(deliveries.claim(now.plusSeconds(31), now.plusSeconds(61), 10))
        .extracting(WebhookDelivery::id).containsExactly(id);
  }

  @Test
  void aLaterEventOfAPaymentWaitsForItsEarlierOneAndADisabledEndpointGetsNothing()
      throws SQLException {
    UUID payment = UUID.randomUUID();
    UUID unknown = append(endpoint, payment, WebhookEventType.PAYMENT_UNKNOWN, T0);
    UUID settled = append(endpoint, payment, WebhookEventType.PAYMENT_SETTLED, T0);
    UUID other = newEndpoint();
    append(other, UUID.randomUUID(), WebhookEventType.PAYMENT_AUTHORISED, T0);
    endpoints.disable(other, "failing");
    Instant now = T0.plusSeconds(1);

    assertThat(deliveries.claim(now, now.plusSeconds(30), 10)).extracting(WebhookDelivery::id)
        .containsExactly(unknown);
    WebhookDelivery first = new WebhookDelivery(unknown, "evt_1", WebhookEventType.PAYMENT_UNKNOWN,
        endpoint, merchant, payment, "{}", T0, 0);
    deliveries.recordAttempt(first, new WebhookDeliveryRepository.AttemptResult(now, 200, 1, null,
        1, WebhookDeliveryRepository.Next.DELIVERED, null));

    assertThat(deliveries.claim(now, now.plusSeconds(30), 10)).extracting(WebhookDelivery::id)
        .containsExactly(settled);
  }

  UUID newEndpoint() {
    UUID id = UUID.randomUUID();
    endpoints.insert(new WebhookEndpoint(id, merchant, "https://example.com/hooks",
        EnumSet.allOf(WebhookEventType.class), "whsec_x", null, null, true, null, 0, null, T0));
    return id;
  }

  UUID append(UUID endpointId, UUID payment, WebhookEventType type, Instant at)
      throws SQLException {
    UUID id = Ids.newId();
    try (Connection c = database.dataSource().getConnection()) {
      WebhookDeliveryRepository.insert(c, new WebhookDelivery(id, "evt_" + id, type, endpointId,
          merchant, payment, "{}", at, 0));
    }
    return id;
  }
}
