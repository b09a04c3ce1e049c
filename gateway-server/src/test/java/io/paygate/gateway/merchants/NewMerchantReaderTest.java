package io.paygate.gateway.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.errors.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code /createuser} body read at the edge: every bad field named at once, in order. */
class NewMerchantReaderTest {
  @TempDir Path dir;
  AcquirerRegistry acquirers;
  NewMerchantReader reader;

  @BeforeEach
  void setUp() {
    acquirers = AcquirerRegistry.load(GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.resolve("data").toString(),
        "plugins.dir", dir.resolve("plugins").toString(),
        "acquirer.piggybank.simulator", "true"))), getClass().getClassLoader());
    reader = new NewMerchantReader(acquirers);
  }

  @AfterEach
  void tearDown() {
    acquirers.close();
  }

  @Test
  void aGoodBodyBecomesANewMerchantWithTheRegistrysSpellingAndATrimmedName() {
    NewMerchant m = reader.read(Map.of("login", "shop-1", "name", "  Santa's Shop ",
        "password", "correct horse 42", "acquiringbank", List.of("piggybank", "scripted")));

    assertThat(m.login()).isEqualTo("shop-1");
    assertThat(m.name()).isEqualTo("Santa's Shop");
    assertThat(m.acquirers()).containsExactly("PiggyBank", "Scripted");
    assertThat(m.toString()).doesNotContain("correct horse 42");
  }

  @Test
  void everyBadFieldIsNamedAtOnceTheUnknownAcquirerIncluded() {
    assertThatThrownBy(() -> reader.read(Map.of("login", "x", "name", 7,
        "acquiringbank", "NoSuchBank")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.errors()).extracting(f -> f.field() + ": " + f.message()).containsExactly(
              "name: must be a string",
              "password: is required",
              "login: must be 3 to 64 letters, digits, or the characters . _ @ -",
              "acquiringbank: no acquirer of that name is loaded; loaded: "
                  + String.join(", ", acquirers.all().stream().map(a -> a.name()).toList()));
        });
  }
}
