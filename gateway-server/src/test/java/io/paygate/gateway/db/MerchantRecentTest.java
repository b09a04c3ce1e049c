package io.paygate.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.Merchant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment path reads its merchant from memory (issue 15): a change made through the same
 * repository is seen by the next payment, one made on another node (another repository on the
 * same database) within {@link MerchantRepository#RECENT}.
 */
class MerchantRecentTest {
  @TempDir Path dir;
  private Database database;
  private MerchantRepository merchants;
  private final UUID id = UUID.randomUUID();

  @BeforeEach
  void merchant() {
    database = Database.open(GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.toString()))));
    merchants = new MerchantRepository(database.dataSource());
    merchants.insert(new Merchant(id, "shop-recent", "Shop", "$2a$10$hash", "PiggyBank",
        Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aNewRouteIsTakenByTheNextPaymentOnThisNode() {
    assertThat(merchants.findRecent(id).orElseThrow().acquirers()).containsExactly("PiggyBank");

    merchants.setAcquirers(id, List.of("KestrelBank", "PiggyBank"));

    assertThat(merchants.findRecent(id).orElseThrow().acquirers())
        .containsExactly("KestrelBank", "PiggyBank");
  }

  @Test
  void aRouteChangedOnAnotherNodeIsTakenWithinTheRecentWindow() {
    assertThat(merchants.findRecent(id).orElseThrow().acquirers()).containsExactly("PiggyBank");

    new MerchantRepository(database.dataSource()).setAcquirers(id, List.of("KestrelBank"));

    await().atMost(MerchantRepository.RECENT.plus(Duration.ofSeconds(2)))
        .until(() -> merchants.findRecent(id).orElseThrow().acquirers()
            .equals(List.of("KestrelBank")));
  }

  @Test
  void aMerchantNotFoundIsNotRemembered() {
    UUID later = UUID.randomUUID();
    assertThat(merchants.findRecent(later)).isEmpty();

    new MerchantRepository(database.dataSource()).insert(new Merchant(later, "shop-later",
        "Later", "$2a$10$hash", "PiggyBank", Instant.now().truncatedTo(ChronoUnit.MICROS)));

    assertThat(merchants.findRecent(later)).isPresent();
  }
}
