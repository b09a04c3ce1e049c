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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merchants whose clients gave up on a slow bank and closed their connections: their payments
 * are still settled, and their answers, which can no longer be delivered, do not hold up the
 * gateway's stop (each used to hold it for the whole shutdown timeout).
 */
class AbandonedAnswersTest {
  private static final int ABANDONED = 3;

  @TempDir Path dir;

  @Test
  void answersToClientsThatHungUpDoNotHoldUpTheStop() throws Exception {
    TestGateway gw = TestGateway.start(dir, Map.of(
        "acquirer.piggybank.simulatorDelay", "1500ms",
        "shutdown.timeout", "30s"));
    try {
      String token = gw.newMerchantToken();
      List<Socket> clients = new ArrayList<>();
      for (int i = 0; i < ABANDONED; i++) {
        clients.add(sendPayment(gw.gateway().port(), token, (i + 1) + ".00"));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> count(gw, token, "Pending") == ABANDONED);

      // The clients give up while the bank thinks: their connections are reset.
      for (Socket client : clients) {
        client.setSoLinger(true, 0);
        client.close();
      }
      await().atMost(Duration.ofSeconds(20))
          .until(() -> count(gw, token, "Authorised") == ABANDONED);

      Duration stop = gw.closeTimed();
      // Well under the 30 s shutdown timeout that an answer nobody could take used to hold it for.
      assertThat(stop).isLessThan(Duration.ofSeconds(10));
    } finally {
      gw.close();
    }
  }

  private static Socket sendPayment(int port, String token, String amount) throws Exception {
    byte[] body = payment(Cards.AUTHORISED, amount, "EUR").getBytes(StandardCharsets.UTF_8);
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /api/process HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return socket;
  }

  private static long count(TestGateway gw, String token, String status) {
    return gw.http().get("/api/history", token).jsonList().stream()
        .filter(p -> status.equals(p.get("status"))).count();
  }
}
