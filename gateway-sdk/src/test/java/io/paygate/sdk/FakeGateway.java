package io.paygate.sdk;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

/**
 * A MockWebServer that plays the gateway's token endpoints by the contract (login, rotation of
 * refresh tokens, 401 for unknown or revoked tokens) and answers API requests from a queue the
 * test fills. Every request is recorded with the time it arrived.
 */
final class FakeGateway extends Dispatcher implements AutoCloseable {
  static final String LOGIN = "disney";
  static final String PASSWORD = "correct horse 42";

  final MockWebServer server = new MockWebServer();
  /** The time of both the gateway and its clients: move it on to age tokens. */
  final TestClock clock = new TestClock();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger refreshes = new AtomicInteger();
  final List<Recorded> requests = new CopyOnWriteArrayList<>();
  /** API answers, taken in order; enqueue before calling the client. */
  final BlockingQueue<MockResponse> api = new LinkedBlockingQueue<>();
  final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
  final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();

  /** How long issued access tokens live, as the gateway says in {@code expires}. */
  volatile Duration accessTokenLifetime = Duration.ofMinutes(15);
  /** Answered to API requests when the queue is empty; null makes an empty queue a 500. */
  volatile MockResponse defaultApiResponse;
  /** False makes the gateway refuse every access token, even one it just issued. */
  volatile boolean acceptAccessTokens = true;
  /** Holds token answers back, so that concurrent callers pile up behind one refresh. */
  volatile Duration tokenDelay = Duration.ZERO;

  private static final AtomicInteger REQUEST_IDS = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();

  FakeGateway() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  /** A client of this gateway with fast retries, logged in with the right password. */
  PaygateClient.Builder clientBuilder() {
    return new PaygateClient.Builder()
        .baseUrl(server.url("/").toString())
        .login(LOGIN, PASSWORD)
        .clock(clock)
        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
        .callTimeout(Duration.ofSeconds(10));
  }

  PaygateClient client() {
    return clientBuilder().build();
  }

  void enqueue(MockResponse... responses) {
    api.addAll(List.of(responses));
  }

  @Override public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    // Answers are enqueued before the client is called: an empty queue is a test's mistake.
    requests.add(new Recorded(request, System.nanoTime()));
    String path = request.getUrl().encodedPath();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    switch (path) {
      case "/login":
        logins.incrementAndGet();
        if (!body.contains("\"login\":\"" + LOGIN + "\"") || !body.contains("\"password\":\"" + PASSWORD + "\"")) {
          return problem(401, "unauthorized", "Invalid login or password");
        }
        return tokens();
      case "/token/refresh":
        refreshes.incrementAndGet();
        Matcher matcher = Pattern.compile("\"refreshToken\":\"([^\"]+)\"").matcher(body);
        if (!matcher.find() || !validRefreshTokens.remove(matcher.group(1))) {
          return problem(401, "unauthorized", "Invalid refresh token");
        }
        return tokens();
      default:
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !acceptAccessTokens
            || !validAccessTokens.contains(authorization.replace("Bearer ", ""))) {
          return problem(401, "unauthorized", "Missing, expired or invalid token");
        }
        MockResponse next = api.poll();
        if (next != null) return next;
        if (defaultApiResponse != null) return defaultApiResponse;
        return problem(500, "internal-error", "the test enqueued no answer for " + path);
    }
  }

  private MockResponse tokens() {
    int n = issued.incrementAndGet();
    String access = "at-" + n;
    String refresh = "rt-" + n;
    validAccessTokens.add(access);
    validRefreshTokens.add(refresh);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return json(200, "{\"token\":\"" + access + "\",\"expires\":\"" + now.plus(accessTokenLifetime)
        + "\",\"refreshToken\":\"" + refresh + "\",\"refreshExpires\":\""
        + now.plus(Duration.ofDays(30)) + "\"}")
        .newBuilder()
        .headersDelay(tokenDelay.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** Makes the gateway refuse every access token issued so far, as after a key rotation. */
  void revokeAccessTokens() {
    validAccessTokens.clear();
  }

  // --- answers -------------------------------------------------------------------------------

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", code >= 400 ? "application/problem+json" : "application/json")
        .setHeader("X-Request-Id", "req-" + code + "-" + REQUEST_IDS.incrementAndGet())
        .body(body)
        .build();
  }

  static MockResponse problem(int code, String type, String detail) {
    return json(code, "{\"type\":\"https://paygate.dev/problems/" + type + "\",\"title\":\"" + type
        + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}");
  }

  static String paymentJson(String id, String status) {
    return "{\"id\":\"" + id + "\",\"merchantId\":\"m-1\",\"status\":\"" + status + "\","
        + "\"cardHolderName\":\"Santa Claus\",\"cardNumber\":\"424242******4242\","
        + "\"expiryMonth\":12,\"expiryYear\":2031,\"amount\":42.5,\"currency\":\"EUR\","
        + "\"createdAt\":\"2026-11-25T22:11:30.123Z\",\"processedAt\":\"2026-11-25T22:11:31Z\","
        + "\"processed\":" + !status.equals("Unknown") + ",\"acquirer\":\"PiggyBank\","
        + "\"acquirerStatus\":\"" + status + "\",\"acquirerReference\":\"piggy-1\","
        + "\"errorCode\":" + (status.equals("Declined") ? "\"insufficient_funds\"" : "null") + "}";
  }

  static MockResponse payment(String id, String status) {
    return json(status.equals("Unknown") ? 202 : 201, paymentJson(id, status));
  }

  /** Reads the whole request, then closes the connection without a word. */
  static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  // --- what arrived -------------------------------------------------------------------------

  List<Recorded> apiRequests() {
    return requests.stream()
        .filter(r -> !r.path.equals("/login") && !r.path.equals("/token/refresh"))
        .collect(Collectors.toList());
  }

  List<Recorded> requestsTo(String path) {
    return requests.stream().filter(r -> r.path.equals(path)).collect(Collectors.toList());
  }

  @Override public void close() {
    server.close();
  }

  static final class Recorded {
    final String method;
    final String path;
    final String target;
    final Headers headers;
    final String body;
    final long arrivedNanos;

    Recorded(RecordedRequest request, long arrivedNanos) {
      this.method = request.getMethod();
      this.path = request.getUrl().encodedPath();
      this.target = request.getTarget();
      this.headers = request.getHeaders();
      this.body = request.getBody() == null ? "" : request.getBody().utf8();
      this.arrivedNanos = arrivedNanos;
    }

    String header(String name) {
      return headers.get(name);
    }
  }
}
