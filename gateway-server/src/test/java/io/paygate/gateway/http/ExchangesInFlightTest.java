package io.paygate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop that begins while an answer is still on its way out (a payment just back from
 * its bank) lets that answer out whole, then stops the server.
 */
class ExchangesInFlightTest {
  /** Larger than the socket buffers, so its write stays pending until the client reads. */
  private static final byte[] ANSWER = new byte[8 * 1024 * 1024];

  static {
    Arrays.fill(ANSWER, (byte) 'x');
  }

  private final CountDownLatch writing = new CountDownLatch(1);
  private Server server;
  private ExchangesInFlight exchanges;

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    exchanges = new ExchangesInFlight(new GracefulHandler(new LargeAnswer()));
    server.setHandler(exchanges);
    server.setStopTimeout(10_000);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void aStopWaitsForTheAnswerOnItsWayOutAndTheClientGetsItWhole() throws Exception {
    try (Socket client = new Socket("127.0.0.1", port())) {
      client.setSoTimeout(30_000);
      client.getOutputStream().write(
          "GET /pay HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      // The answer is being written, and the client does not read yet.
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

      Thread stopper = new Thread(() -> {
        try {
          exchanges.stopServer(Duration.ofSeconds(10));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "stopper");
      stopper.start();
      // The stop has begun and waits for the answer before Jetty's own stop begins. Before the
      // fix it went straight into Jetty's stop, whose first step cuts every connection's idle
      // timeout to a second; a loaded machine then expired this quiet connection and the pending
      // write failed half-way. Checked on the connector, not by shrinking that timeout to force
      // the expiry: at 1 ms the test lost a race inside Jetty's IdleTimeout now and then.
      await().atMost(Duration.ofSeconds(10)).until(
          () -> stopper.getState() == Thread.State.TIMED_WAITING || !stopper.isAlive());
      assertThat(connector().isShutdown()).as("Jetty's stop began with an answer on its way out")
          .isFalse();

      assertThat(bodyOf(client.getInputStream()).length).as("bytes of the answer received")
          .isEqualTo(ANSWER.length);
      stopper.join(10_000);
      assertThat(server.isStopped()).isTrue();
      assertThat(exchanges.size()).isZero();
    }
  }

  @Test
  void waitsOnlyAsLongAsTheBound() throws Exception {
    // Nothing open: back at once, nothing left.
    assertThat(exchanges.awaitOpen(Duration.ofSeconds(10))).isZero();

    try (Socket client = new Socket("127.0.0.1", port())) {
      client.getOutputStream().write(
          "GET /pay HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      // An answer the client never reads, past the bound: reported, not waited for forever.
      assertThat(exchanges.awaitOpen(Duration.ofMillis(20))).isEqualTo(1);
    }
  }

  private ServerConnector connector() {
    return (ServerConnector) server.getConnectors()[0];
  }

  private int port() {
    return connector().getLocalPort();
  }

  /** Reads one answer's head and its Content-Length worth of body, as many bytes as arrive. */
  private static byte[] bodyOf(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return new byte[0];
      }
      head.write(b);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int n; body.size() < ANSWER.length && (n = in.read(buffer)) > 0; ) {
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }

  /** Answers with more bytes than the connection holds, so the write waits on the client. */
  private final class LargeAnswer extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, ANSWER.length);
      writing.countDown();
      response.write(true, ByteBuffer.wrap(ANSWER), callback);
      return true;
    }
  }
}
