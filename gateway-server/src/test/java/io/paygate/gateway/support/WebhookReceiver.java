package io.paygate.gateway.support;

import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 for tests: the JDK's HTTP server, recording every request, and
 * answering 200 unless told otherwise (a queue of statuses, or hanging until released).
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  /** One request as received. */
  public record Received(String signature, String eventId, String body) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      try {
        return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String type() {
      return (String) json().get("type");
    }

    public String id() {
      return (String) json().get("id");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
      return (Map<String, Object>) json().get("data");
    }

    /** The {@code v1} signatures of the header. */
    public List<String> v1() {
      List<String> out = new ArrayList<>();
      for (String part : signature.split(",")) {
        if (part.startsWith("v1=")) {
          out.add(part.substring(3));
        }
      }
      return out;
    }

    public long timestamp() {
      for (String part : signature.split(",")) {
        if (part.startsWith("t=")) {
          return Long.parseLong(part.substring(2));
        }
      }
      throw new IllegalStateException("no t= in " + signature);
    }

    /** Whether one of the v1 signatures is HMAC-SHA256(secret, t + "." + body). */
    public boolean signedWith(String secret) {
      return v1().contains(hmac(secret, timestamp() + "." + body));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile int defaultStatus = 200;
  private volatile CountDownLatch hang;

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestHeaders().getFirst("Paygate-Signature"),
          exchange.getRequestHeaders().getFirst("Paygate-Event-Id"),
          new String(body, StandardCharsets.UTF_8)));
      CountDownLatch h = hang;
      if (h != null) {
        try {
          h.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Integer next = statuses.poll();
      exchange.sendResponseHeaders(next == null ? defaultStatus : next, -1);
      exchange.close();
    });
    server.start();
  }

  /** The URL to register. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** Answers these statuses to the next requests, then the default. */
  public WebhookReceiver thenAnswer(int... codes) {
    for (int c : codes) {
      statuses.add(c);
    }
    return this;
  }

  /** What every request not otherwise scripted gets. */
  public void answerAlways(int status) {
    defaultStatus = status;
  }

  /** Holds every request until {@link #release()}. */
  public void hang() {
    hang = new CountDownLatch(1);
  }

  public void release() {
    CountDownLatch h = hang;
    hang = null;
    if (h != null) {
      h.countDown();
    }
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests about one payment, in the order received. */
  public List<Received> forPayment(String paymentId) {
    return received.stream().filter(r -> paymentId.equals(r.data().get("id"))).toList();
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
