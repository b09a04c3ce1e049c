package io.paygate.sdk;

import java.io.IOException;

import io.paygate.sdk.internal.Backoff;
import io.paygate.sdk.internal.Hosts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jetbrains.annotations.Nullable;

/**
 * A client of a Paygate gateway: takes payments, looks them up, walks the history.
 *
 * <pre>{@code
 * PaygateClient client = new PaygateClient.Builder()
 *     .baseUrl("https://pay.example.com")
 *     .login("disney", System.getenv("PAYGATE_PASSWORD"))
 *     .build();
 * Payment payment = client.submit(request);
 * }</pre>
 *
 * <p><strong>Build one and share it.</strong> A client is immutable and safe to use from any
 * number of threads; each one holds a connection pool and a login session, so making one per
 * payment wastes both.
 *
 * <p><strong>Tokens are handled for you.</strong> The client logs in on first use, refreshes the
 * access token shortly before it expires, and once more if the gateway answers 401. However many
 * threads need a token at the same moment, one request fetches it. If the gateway refuses the
 * refresh token, the client logs in again with the password, or throws an
 * {@link AuthenticationException} when it has none.
 *
 * <p><strong>Retries cannot charge twice.</strong> Each {@link #submit} sends an
 * {@code Idempotency-Key}, the same on every retry, so the gateway answers a repeat with the first
 * outcome. A call is retried, with exponential backoff and jitter, when no answer came and on 409,
 * 429 (after {@code Retry-After}) and 5xx; never on 400 or any other refusal. The whole call,
 * retries and waits included, ends within {@link Builder#callTimeout}.
 *
 * <p><strong>Calls can be cancelled.</strong> Interrupting a thread blocked in a call cancels the
 * HTTP call in flight (the connection is closed) or the wait before a retry, within about 10 ms;
 * no retry follows, the call throws a {@link ConnectionFailureException} that carries the
 * payment's idempotency key (the payment may have reached the gateway), and the thread's interrupt
 * flag stays set. {@code cancel(true)} on the future of an {@code ...Async} call does the same.
 *
 * <p><strong>What is an error.</strong> A declined or failed payment is a {@link Payment}, not an
 * exception; exceptions are subclasses of {@link PaygateException} and say which failure it was.
 *
 * <p>With {@link Builder#listener} unset the client writes nothing anywhere. With one, passwords,
 * tokens, CVVs and card numbers are redacted before the listener sees them.
 */
public final class PaygateClient {
  private final HttpUrl baseUrl;
  private final @Nullable String login;
  private final @Nullable String password;
  private final @Nullable String refreshToken;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final int maxRetries;
  private final Backoff backoff;
  private final @Nullable OkHttpClient okHttpClient;
  private final PaygateListener listener;
  private final boolean allowCleartext;
  private final @Nullable Executor asyncExecutor;
  private final Consumer<String> refreshTokenListener;
  private final Clock clock;

  private final Transport transport;
  private final ResponseReader reader;
  // Resolved once: HttpUrl.resolve parses its argument and builds a new URL on every call.
  private final HttpUrl processUrl;
  private final HttpUrl historyUrl;
  private final HttpUrl paymentsUrl;

  private PaygateClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.login = builder.login;
    this.password = builder.password;
    this.refreshToken = builder.refreshToken;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.writeTimeout = builder.writeTimeout;
    this.callTimeout = builder.callTimeout;
    this.maxRetries = builder.maxRetries;
    this.backoff = builder.backoff;
    this.okHttpClient = builder.okHttpClient;
    this.listener = builder.listener;
    this.allowCleartext = builder.allowCleartext;
    this.asyncExecutor = builder.asyncExecutor;
    this.refreshTokenListener = builder.refreshTokenListener;
    this.clock = builder.clock;
    this.transport = newTransport();
    this.reader = new ResponseReader(baseUrl);
    this.processUrl = baseUrl.resolve("api/process");
    this.historyUrl = baseUrl.resolve("api/history");
    this.paymentsUrl = baseUrl.resolve("api/payments");
  }

  private Transport newTransport() {
    PaygateListener guarded = listener == PaygateListener.NONE
        ? PaygateListener.NONE : new GuardedListener(listener);
    OkHttpClient.Builder common = (okHttpClient != null ? okHttpClient : new OkHttpClient())
        .newBuilder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(writeTimeout)
        .callTimeout(Duration.ZERO) // CallWatchdog bounds each attempt by what is left of the deadline
        .retryOnConnectionFailure(false) // Transport retries, and counts every attempt
        .followRedirects(false) // the API never redirects; a redirect would resend a POST
        .followSslRedirects(false)
        .addNetworkInterceptor(new NoSilentRetryInterceptor());
    if (guarded != PaygateListener.NONE) common.addNetworkInterceptor(new ListenerInterceptor(guarded));
    OkHttpClient tokenClient = common.build();

    TokenEndpoint endpoint = new TokenEndpoint(new Sender(tokenClient), baseUrl, clock);
    TokenManager tokens = new TokenManager(
        endpoint, login, password, refreshToken, refreshTokenListener, clock);
    OkHttpClient apiClient = tokenClient.newBuilder()
        .addInterceptor(new BearerInterceptor(tokens))
        .authenticator(new TokenAuthenticator(tokens))
        .build();
    return new Transport(new Sender(apiClient), maxRetries, backoff, callTimeout, guarded, clock);
  }

  /**
   * Submits a card payment and returns it with the bank's answer, whatever the answer: check
   * {@link Payment#status()}. A decline is a payment with status {@link PaymentStatus#DECLINED},
   * not an exception. A payment the bank did not answer in time has status
   * {@link PaymentStatus#UNKNOWN}: look at it later with {@link #refetch(Payment)}.
   *
   * <p>Safe to retry: the request's {@link PaymentRequest#idempotencyKey() idempotency key}, or
   * one generated for this call, goes with every attempt.
   *
   * @throws InvalidRequestException if a field is invalid; {@code fieldErrors()} says which.
   * @throws ConnectionFailureException if no answer came, even after retries: the outcome is
   *     unknown; submit again with the exception's {@code idempotencyKey()} to learn it.
   * @throws PaygateException for the other failures, each its own subclass.
   */
  public Payment submit(PaymentRequest request) {
    Objects.requireNonNull(request, "request == null");
    String key = request.idempotencyKey() != null
        ? request.idempotencyKey()
        : UUID.randomUUID().toString();
    ApiRequest call = ApiRequest.post(processUrl, WireJson.paymentRequest(request), key);
    return reader.payment(call, transport.execute(call));
  }

  /**
   * Like {@link #submit}, on the client's async executor. The future fails with the same
   * exceptions, wrapped in a {@link java.util.concurrent.CompletionException}.
   *
   * <p>{@code cancel(true)} stops the call: the HTTP call in flight is cancelled (the connection
   * closed) and no retry follows. The future then fails with a
   * {@link java.util.concurrent.CancellationException} whose cause is a
   * {@link ConnectionFailureException} carrying the payment's idempotency key: a payment cancelled
   * in flight may have reached the gateway, so learn its outcome by submitting it again with that
   * key. {@code cancel(false)} only stops a call that has not started. Cancelling a future derived
   * from this one (with {@code thenApply} and the like) does not reach the call.
   */
  public CompletableFuture<Payment> submitAsync(PaymentRequest request) {
    Objects.requireNonNull(request, "request == null");
    // The key is chosen now, so that a cancellation can name it.
    PaymentRequest keyed = request.idempotencyKey() != null ? request
        : request.newBuilder().idempotencyKey(UUID.randomUUID().toString()).build();
    return CancellableCall.start(() -> submit(keyed), "POST /api/process",
        keyed.idempotencyKey(), executor());
  }

  /**
   * Returns the payment with id {@code id}. The id is sent as one opaque path segment
   * ({@code /api/history/{id}}), encoded as needed, so no id can reach another endpoint.
   *
   * @throws NotFoundException if there is none, or it is another merchant's.
   * @throws IllegalArgumentException if {@code id} is blank, {@code "."} or {@code ".."}: no
   *     payment has such an id, and as a path segment it would name another resource.
   */
  public Payment payment(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) throw new IllegalArgumentException("id is blank");
    // OkHttp resolves these as dot segments: "." would fetch /api/history, ".." /api/.
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("id is not a payment id: \"" + id + "\"");
    }
    HttpUrl url = historyUrl.newBuilder().addPathSegment(id).build();
    ApiRequest call = ApiRequest.get(url);
    return reader.payment(call, transport.execute(call));
  }

  /**
   * Like {@link #payment(String)}, on the client's async executor; {@code cancel(true)} stops the
   * call as for {@link #submitAsync}.
   */
  public CompletableFuture<Payment> paymentAsync(String id) {
    Objects.requireNonNull(id, "id == null");
    return CancellableCall.start(() -> payment(id), "GET /api/history/" + id, null, executor());
  }

  /**
   * Fetches {@code payment} again, to see what became of a payment that was
   * {@link PaymentStatus#UNKNOWN} or {@link PaymentStatus#PENDING}.
   */
  public Payment refetch(Payment payment) {
    Objects.requireNonNull(payment, "payment == null");
    return payment(payment.id());
  }

  /**
   * Returns every payment of the merchant, newest first, fetched page by page as the iteration
   * goes: no request is made until the first {@code hasNext()}, and a page only when the previous
   * one is used up. Each {@code iterator()} starts again from the newest. A failure to fetch a
   * page is thrown from {@code hasNext()} or {@code next()}.
   *
   * <pre>{@code
   * for (Payment payment : client.history()) {
   *   if (payment.createdAt().isBefore(cutoff)) break;   // later pages are never fetched
   *   report.add(payment);
   * }
   * }</pre>
   */
  public Iterable<Payment> history() {
    return history(100);
  }

  /** Like {@link #history()}, fetching {@code pageSize} payments per request (1 to 200). */
  public Iterable<Payment> history(int pageSize) {
    checkLimit(pageSize);
    return () -> new PagingIterator(() -> historyPage(pageSize), this::historyPage);
  }

  /** Returns the newest {@code limit} payments (1 to 200) and a cursor to the next page. */
  public PaymentPage historyPage(int limit) {
    checkLimit(limit);
    HttpUrl url = historyUrl.newBuilder()
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
    ApiRequest call = ApiRequest.get(url);
    return reader.page(call, transport.execute(call));
  }

  /** Returns the page at {@code cursor}, a {@link PaymentPage#nextCursor()} of an earlier page. */
  public PaymentPage historyPage(String cursor) {
    Objects.requireNonNull(cursor, "cursor == null");
    HttpUrl url = reader.resolveCursor(cursor);
    if (url == null) throw new IllegalArgumentException("not a history cursor of this gateway: " + cursor);
    ApiRequest call = ApiRequest.get(url);
    return reader.page(call, transport.execute(call));
  }

  // The lifecycle: captures, voids and refunds. Each is safe to retry as submit is: one
  // idempotency key per call (yours, or one generated for it), sent with every attempt.

  /**
   * Returns the payment with its captures, voids and refunds, and what remains to capture and to
   * refund.
   *
   * @throws NotFoundException if there is none, or it is another merchant's.
   */
  public PaymentDetail paymentDetail(String id) {
    ApiRequest call = ApiRequest.get(paymentUrl(id).build());
    ApiResponse response = transport.execute(call);
    try {
      return LifecycleJson.detail(response.body, response.requestId());
    } catch (IOException | RuntimeException e) {
      throw unreadable(call, response, e);
    }
  }

  /**
   * Captures {@code amount} of an authorised payment (all of it, or part: several partial
   * captures may follow each other up to the authorised amount). A refusal by the bank is a
   * result whose operation is {@link OperationStatus#DECLINED}, not an exception.
   *
   * @throws IllegalTransitionException if the payment cannot be captured in its state.
   * @throws InvalidRequestException if the amount is more than remains, the currency is not the
   *     payment's, or its acquirer cannot capture.
   * @throws ConnectionFailureException if no answer came, even after retries: call again with the
   *     exception's {@code idempotencyKey()} to learn the outcome.
   */
  public OperationResult capture(String paymentId, Money amount) {
    return capture(paymentId, amount, UUID.randomUUID().toString());
  }

  /** Like {@link #capture(String, Money)}, with your own idempotency key. */
  public OperationResult capture(String paymentId, Money amount, String idempotencyKey) {
    Objects.requireNonNull(amount, "amount == null");
    return operate(paymentId, "captures", WireJson.minorUnits(amount), idempotencyKey);
  }

  /** Like {@link #capture(String, Money)}, on the client's async executor. */
  public CompletableFuture<OperationResult> captureAsync(String paymentId, Money amount) {
    String key = UUID.randomUUID().toString();
    return CompletableFuture.supplyAsync(() -> capture(paymentId, amount, key), executor());
  }

  /**
   * Voids (releases) an authorised payment of which nothing was captured.
   *
   * @throws IllegalTransitionException if the payment cannot be voided in its state.
   */
  public OperationResult voidPayment(String paymentId) {
    return voidPayment(paymentId, UUID.randomUUID().toString());
  }

  /** Like {@link #voidPayment(String)}, with your own idempotency key. */
  public OperationResult voidPayment(String paymentId, String idempotencyKey) {
    return operate(paymentId, "voids", new byte[] {'{', '}'}, idempotencyKey);
  }

  /** Like {@link #voidPayment(String)}, on the client's async executor. */
  public CompletableFuture<OperationResult> voidPaymentAsync(String paymentId) {
    String key = UUID.randomUUID().toString();
    return CompletableFuture.supplyAsync(() -> voidPayment(paymentId, key), executor());
  }

  /**
   * Refunds {@code amount} of what was captured (all of it, or part: several partial refunds may
   * follow each other, and together never pass what was captured).
   *
   * @throws IllegalTransitionException if the payment cannot be refunded in its state.
   * @throws InvalidRequestException if the amount is more than remains, or the currency is not
   *     the payment's.
   * @throws ConnectionFailureException if no answer came, even after retries: call again with the
   *     exception's {@code idempotencyKey()} to learn the outcome without refunding twice.
   */
  public OperationResult refund(String paymentId, Money amount) {
    return refund(paymentId, amount, UUID.randomUUID().toString());
  }

  /** Like {@link #refund(String, Money)}, with your own idempotency key. */
  public OperationResult refund(String paymentId, Money amount, String idempotencyKey) {
    Objects.requireNonNull(amount, "amount == null");
    return operate(paymentId, "refunds", WireJson.minorUnits(amount), idempotencyKey);
  }

  /** Like {@link #refund(String, Money)}, on the client's async executor. */
  public CompletableFuture<OperationResult> refundAsync(String paymentId, Money amount) {
    String key = UUID.randomUUID().toString();
    return CompletableFuture.supplyAsync(() -> refund(paymentId, amount, key), executor());
  }

  private OperationResult operate(String paymentId, String kind, byte[] body,
      String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
    ApiRequest call = ApiRequest.post(paymentUrl(paymentId).addPathSegment(kind).build(), body,
        idempotencyKey);
    ApiResponse response = transport.execute(call);
    boolean replayed = "true".equalsIgnoreCase(response.header("Idempotent-Replayed"));
    try {
      return LifecycleJson.result(response.body, response.requestId(), replayed, idempotencyKey);
    } catch (IOException | RuntimeException e) {
      throw unreadable(call, response, e);
    }
  }

  private HttpUrl.Builder paymentUrl(String id) {
    Objects.requireNonNull(id, "paymentId == null");
    if (id.isBlank()) throw new IllegalArgumentException("paymentId is blank");
    // As in payment(String): OkHttp would resolve these as dot segments, naming another resource.
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("paymentId is not a payment id: \"" + id + "\"");
    }
    return paymentsUrl.newBuilder().addPathSegment(id);
  }

  private static PaygateException unreadable(ApiRequest call, ApiResponse response, Exception e) {
    return new PaygateException(call.description() + ": unreadable answer from the gateway (HTTP "
        + response.code + "): " + e.getMessage(), response.code, response.requestId(),
        call.idempotencyKey, e);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 200) throw new IllegalArgumentException("limit must be 1..200: " + limit);
  }

  private Executor executor() {
    return asyncExecutor != null ? asyncExecutor : AsyncExecutor.SHARED;
  }

  /** The gateway's base URL, ending in {@code /}. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The merchant's login, or null if the client was built with a refresh token only. */
  public @Nullable String login() {
    return login;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The most any one call may take, retries, waits and token refreshes included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns a builder with this client's settings. What it builds is a new client with a session
   * of its own: it logs in again, and shares only the {@link OkHttpClient} given to this one.
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Shows the gateway and the login; never the password or a token. */
  @Override public String toString() {
    return "PaygateClient{baseUrl=" + baseUrl + ", login=" + login + "}";
  }

  /**
   * Configures a {@link PaygateClient}. Required: {@link #baseUrl} and credentials, either
   * {@link #login} or {@link #refreshToken} (or both: the refresh token is tried first).
   */
  public static final class Builder {
    private @Nullable HttpUrl baseUrl;
    private @Nullable String login;
    private @Nullable String password;
    private @Nullable String refreshToken;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxRetries = 3;
    private Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    private @Nullable OkHttpClient okHttpClient;
    private PaygateListener listener = PaygateListener.NONE;
    private boolean allowCleartext;
    private @Nullable Executor asyncExecutor;
    private Consumer<String> refreshTokenListener = token -> { };
    private Clock clock = Clock.systemUTC();

    public Builder() {
    }

    Builder(PaygateClient client) {
      this.baseUrl = client.baseUrl;
      this.login = client.login;
      this.password = client.password;
      this.refreshToken = client.refreshToken;
      this.connectTimeout = client.connectTimeout;
      this.readTimeout = client.readTimeout;
      this.writeTimeout = client.writeTimeout;
      this.callTimeout = client.callTimeout;
      this.maxRetries = client.maxRetries;
      this.backoff = client.backoff;
      this.okHttpClient = client.okHttpClient;
      this.listener = client.listener;
      this.allowCleartext = client.allowCleartext;
      this.asyncExecutor = client.asyncExecutor;
      this.refreshTokenListener = client.refreshTokenListener;
      this.clock = client.clock;
    }

    /**
     * The gateway's address, such as {@code https://pay.example.com} or
     * {@code https://example.com/paygate/}. Plain {@code http} is refused by {@link #build()}
     * unless the host is this machine or {@link #allowCleartext} says otherwise.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must have no query or fragment: " + baseUrl);
      }
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        // It would be sent nowhere useful and shown in every log line and message.
        throw new IllegalArgumentException("baseUrl must carry no credentials: use login(login, password)");
      }
      // With a trailing slash, "api/process" resolves below the base path instead of beside it.
      this.baseUrl = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
      return this;
    }

    /** Like {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      return baseUrl(baseUrl.toString());
    }

    /** The merchant's login and password; the client logs in on first use and when it must. */
    public Builder login(String login, String password) {
      this.login = Objects.requireNonNull(login, "login == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * A refresh token from an earlier login, to start without the password. The gateway rotates
     * refresh tokens: to keep a usable one for your next start, listen with
     * {@link #refreshTokenListener}.
     */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken == null");
      return this;
    }

    /**
     * Called with every new refresh token the gateway issues, so that you can store it in place of
     * the one given to {@link #refreshToken}, which stops working. Called on the thread that
     * renewed the token; must be quick.
     */
    public Builder refreshTokenListener(Consumer<String> refreshTokenListener) {
      this.refreshTokenListener =
          Objects.requireNonNull(refreshTokenListener, "refreshTokenListener == null");
      return this;
    }

    /** How long to wait for a connection to open, per attempt. Default 10 s; zero for no limit. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each read from the gateway, per attempt. Default 30 s; zero for no limit. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkTimeout(readTimeout, "readTimeout");
      return this;
    }

    /** How long to wait for each write to the gateway, per attempt. Default 30 s; zero for no limit. */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = checkTimeout(writeTimeout, "writeTimeout");
      return this;
    }

    /**
     * The most one call may take from start to end: every attempt, every wait between attempts,
     * logging in and refreshing tokens. When it runs out the call ends with a
     * {@link CallTimeoutException}, however slow the gateway. Default 60 s; must be positive.
     */
    public Builder callTimeout(Duration callTimeout) {
      checkTimeout(callTimeout, "callTimeout");
      if (callTimeout.isZero()) throw new IllegalArgumentException("callTimeout must be positive");
      this.callTimeout = callTimeout;
      return this;
    }

    /** How many times a failed attempt may be retried (0 for never). Default 3. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The wait before the first retry and the most any wait may be; each wait doubles, with
     * random jitter, up to {@code max}. Default 500 ms and 5 s. A {@code Retry-After} from the
     * gateway is waited for even when longer, as long as the call timeout allows.
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial == null");
      Objects.requireNonNull(max, "max == null");
      this.backoff = new Backoff(initial, max);
      return this;
    }

    /**
     * An OkHttp client to share its connection pool, dispatcher, proxy, TLS setup and interceptors
     * with. It is not changed; the Paygate client derives its own from it, with this builder's
     * timeouts, no redirects, and OkHttp's silent retry switched off (the Paygate client retries
     * itself, safely). Mind its interceptors: a logging interceptor there sees the unredacted
     * traffic, credentials included.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /** Hears every request and answer, redacted; see {@link PaygateListener#logging()}. */
    public Builder listener(PaygateListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Allows a plain {@code http} base URL to a host other than this machine. Everything, the
     * password and card numbers included, then crosses the network unencrypted: only for a
     * network you trust entirely, such as between containers of one pod.
     */
    public Builder allowCleartext(boolean allowCleartext) {
      this.allowCleartext = allowCleartext;
      return this;
    }

    /**
     * Where the {@code ...Async} methods run. By default a shared pool of up to 64 daemon threads.
     */
    public Builder asyncExecutor(Executor asyncExecutor) {
      this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor == null");
      return this;
    }

    /** The clock that tells when a token expires; for tests. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @throws IllegalStateException if the base URL or the credentials are missing, or the base
     *     URL is cleartext http to another machine without {@link #allowCleartext}.
     */
    public PaygateClient build() {
      if (baseUrl == null) throw new IllegalStateException("baseUrl required");
      if (login == null && refreshToken == null) {
        throw new IllegalStateException("login(login, password) or refreshToken required");
      }
      if (baseUrl.scheme().equals("http") && !allowCleartext && !Hosts.isLoopback(baseUrl.host())) {
        throw new IllegalStateException("baseUrl " + baseUrl + " is cleartext http to another "
            + "machine: passwords, tokens and card numbers would cross the network unencrypted. "
            + "Use https, or allowCleartext(true) for a network you trust entirely");
      }
      return new PaygateClient(this);
    }

    private static Duration checkTimeout(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name + " == null");
      if (timeout.isNegative()) throw new IllegalArgumentException(name + " < 0: " + timeout);
      if (timeout.toMillis() > Integer.MAX_VALUE) throw new IllegalArgumentException(name + " too large: " + timeout);
      return timeout;
    }
  }
}
