package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.GatewayProcess;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A payment acknowledged to the merchant survives SIGKILL of the server right after. */
class KillDashNineTest {
  @TempDir Path dir;

  @Test
  void acknowledgedPaymentsSurviveSigkill() throws Exception {
    List<Map<String, Object>> acknowledged = new ArrayList<>();
    String token;
    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of())) {
      Http http = gw.http();
      String login = "killtest";
      http.post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\"" + login
          + "\",\"name\":\"K\",\"password\":\"" + TestGateway.PASSWORD
          + "\",\"acquiringbank\":\"PiggyBank\"}");
      token = http.post("/login", null, "{\"login\":\"" + login + "\",\"password\":\""
          + TestGateway.PASSWORD + "\"}").string("token");
      for (int i = 0; i < 20; i++) {
        Http.Answer a = http.post("/api/process", token,
            payment(i % 2 == 0 ? Cards.AUTHORISED : Cards.DECLINED, "1." + (10 + i), "EUR"));
        assertThat(a.status()).isEqualTo(201);
        acknowledged.add(a.json());
      }
      // Killed the instant the last answer arrived: no shutdown hook, no flush.
      gw.kill();
    }

    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of())) {
      for (Map<String, Object> p : acknowledged) {
        Http.Answer a = gw.http().get("/api/history/" + p.get("id"), token);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).isEqualTo(p);
      }
    }
  }
}
