package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.TestGateway;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up while still sending its payment: the gateway gives up on the body,
 * answers into the void, and the exchange ends, so it does not hold up a later stop.
 */
class HalfSentPaymentsTest {
  @TempDir Path dir;

  @Test
  void aClientThatHangsUpMidBodyDoesNotHoldUpTheStop() throws Exception {
    TestGateway gw = TestGateway.start(dir, Map.of("shutdown.timeout", "30s"));
    try {
      String token = gw.newMerchantToken();
      String merchantId = gw.http().post("/api/process", token,
          payment(Cards.AUTHORISED, "1.00", "EUR")).string("merchantId");

      byte[] body = payment(Cards.AUTHORISED, "2.00", "EUR").getBytes(StandardCharsets.UTF_8);
      try (Socket client = new Socket("127.0.0.1", gw.gateway().port())) {
        OutputStream out = client.getOutputStream();
        out.write(("POST /api/process HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        client.setSoLinger(true, 0); // a reset, as a client that gives up sends
      }
      // The endpoint met the broken body: the client's error (400), not the gateway's (500), is
      // audited for the merchant.
      await().atMost(Duration.ofSeconds(10)).until(() -> !gw.http()
          .get("/admin/audit?event=error&outcome=400&merchant=" + merchantId,
              TestGateway.OPERATOR_KEY)
          .jsonList().isEmpty());
      assertThat(gw.http()
          .get("/admin/audit?event=error&outcome=500&merchant=" + merchantId,
              TestGateway.OPERATOR_KEY)
          .jsonList()).isEmpty();

      Duration stop = gw.closeTimed();
      // Well under the 30 s an exchange left open would hold the stop for.
      assertThat(stop).isLessThan(Duration.ofSeconds(10));
    } finally {
      gw.close();
    }
  }
}
