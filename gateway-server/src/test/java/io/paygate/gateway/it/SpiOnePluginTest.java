package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PluginJarBuilder;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plug-in built for SPI 1.0 (it declares 1.0 and implements only authorise and status, as every
 * 1.0 plug-in does) keeps loading and authorising on this 1.1 gateway; its payments answer 422
 * operation-not-supported to captures, voids and refunds, never a 500.
 */
class SpiOnePluginTest {
  @TempDir Path dir;

  @Test
  void aOneZeroPluginAuthorisesAndItsPaymentsRefuseOperationsAs422() {
    new PluginJarBuilder().provider("com.wren.Provider", "WrenBank", "1.0", "")
        .writeTo(dir.resolve("plugins"), "wren.jar");

    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.login(gw.createMerchant("\"WrenBank\""));
      Http.Answer paid = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "5.00", "EUR"));
      assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
      assertThat(paid.string("status")).isEqualTo("Authorised");
      assertThat(paid.string("acquirer")).isEqualTo("WrenBank");
      String id = paid.string("id");

      for (String kind : new String[] {"captures", "voids"}) {
        Http.Answer refused = gw.http().post("/api/payments/" + id + "/" + kind, token,
            "{\"amount\": 500, \"currency\": \"EUR\"}");
        assertThat(refused.status()).as(kind + ": " + refused).isEqualTo(422);
        assertThat(refused.string("type")).endsWith("/operation-not-supported");
        assertThat(refused.string("acquirer")).isEqualTo("WrenBank");
      }
      Http.Answer detail = gw.http().get("/api/payments/" + id, token);
      assertThat(detail.status()).isEqualTo(200);
      assertThat(detail.json()).containsEntry("status", "Authorised");
    }
  }
}
