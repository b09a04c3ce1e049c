package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was acknowledged is there after a restart: merchants, payments, sessions, keys. */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void restartKeepsEverything() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String login = gw.createMerchant();
      Http.Answer pair = gw.loginPair(login);
      String token = pair.string("token");
      Http.Answer paid = gw.http().post("/api/process", token,
          payment(Cards.AUTHORISED, "12.34", "EUR"), "Idempotency-Key", "order-1");

      gw.restart();

      Http.Answer fetched = gw.http().get(paid.header("Location"), token);
      assertThat(fetched.status()).as("token still valid after restart").isEqualTo(200);
      assertThat(fetched.json()).isEqualTo(paid.json());
      Http.Answer replay = gw.http().post("/api/process", token,
          payment(Cards.AUTHORISED, "12.34", "EUR"), "Idempotency-Key", "order-1");
      assertThat(replay.json()).isEqualTo(paid.json());
      assertThat(gw.login(login)).isNotBlank();
      assertThat(gw.http().post("/token/refresh", null,
          "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}").status()).isEqualTo(200);
    }
  }

  @Test
  void generatedSecretsAreKeptOwnerOnlyAndReused() throws Exception {
    Map<String, String> noOperatorKey = Map.of("operator.key", "");
    String first;
    try (TestGateway gw = TestGateway.start(dir, noOperatorKey)) {
      first = gw.gateway().operatorKey();
      assertThat(gw.gateway().operatorKeyGenerated()).isTrue();
    }
    Path file = dir.resolve("operator.key");
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    try (TestGateway gw = TestGateway.start(dir, noOperatorKey)) {
      assertThat(gw.gateway().operatorKey()).isEqualTo(first);
      assertThat(gw.gateway().operatorKeyGenerated()).isFalse();
    }
  }
}
