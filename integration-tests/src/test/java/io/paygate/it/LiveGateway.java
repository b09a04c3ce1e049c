package io.paygate.it;

import io.paygate.gateway.Gateway;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.sdk.PaygateClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real gateway, started through its public API on a free port of this machine with its own
 * database in a temporary folder, and the raw HTTP a test needs beside the SDK (creating
 * merchants is the operator's job, which the SDK does not do).
 */
final class LiveGateway implements AutoCloseable {
  static final String OPERATOR_KEY = "it-operator-key-0123456789abcdef";
  static final String PASSWORD = "correct horse 42";
  private static final AtomicInteger MERCHANTS = new AtomicInteger();

  private final Gateway gateway;
  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LiveGateway(Gateway gateway) {
    this.gateway = gateway;
    this.url = "http://127.0.0.1:" + gateway.port();
  }

  static LiveGateway start(Path dataDir, Map<String, String> extra) {
    return start(dataDir, extra, Clock.systemUTC());
  }

  /** Starts a gateway whose notion of time is {@code clock}, with {@code extra} settings. */
  static LiveGateway start(Path dataDir, Map<String, String> extra, Clock clock) {
    Map<String, String> settings = new HashMap<>();
    settings.put("port", "0");
    settings.put("host", "127.0.0.1");
    settings.put("data.dir", dataDir.toString());
    settings.put("operator.key", OPERATOR_KEY);
    // The Piggy Bank simulator runs only when asked for, as ./run.sh asks.
    settings.put("acquirer.piggybank.simulator", "true");
    // The SDK tests push one merchant past a real merchant's 100 requests a second.
    settings.put("rate.limit.merchant.reads.per.second", "1000000");
    settings.put("rate.limit.merchant.writes.per.second", "1000000");
    settings.putAll(extra);
    return new LiveGateway(Gateway.start(GatewayConfig.from(ConfigSource.of(settings)), clock));
  }

  /** The base URL, such as {@code http://127.0.0.1:40123}. */
  String url() {
    return url;
  }

  /** Creates a merchant on Piggy Bank with a fresh login, the way an operator does, and returns the login. */
  String createMerchant() {
    String login = "it-merchant-" + MERCHANTS.incrementAndGet() + "-" + System.nanoTime();
    HttpResponse<String> answer = post("/createuser", OPERATOR_KEY, "{\"login\":\"" + login
        + "\",\"name\":\"Shop " + login + "\",\"password\":\"" + PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("cannot create a merchant: " + answer.statusCode() + " " + answer.body());
    }
    return login;
  }

  /** An SDK client builder for this gateway and merchant, with fast retries for tests. */
  PaygateClient.Builder client(String login) {
    return new PaygateClient.Builder()
        .baseUrl(url)
        .login(login, PASSWORD)
        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
        .callTimeout(Duration.ofSeconds(20));
  }

  /** A JSON POST, with {@code bearer} as the token when not null. */
  HttpResponse<String> post(String path, String bearer, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) request.header("Authorization", "Bearer " + bearer);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override public void close() {
    gateway.close();
  }
}
