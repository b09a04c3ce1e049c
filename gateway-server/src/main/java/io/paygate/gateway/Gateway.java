package io.paygate.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.auth.AuthService;
import io.paygate.gateway.auth.DisabledMerchants;
import io.paygate.gateway.auth.Lockout;
import io.paygate.gateway.auth.MerchantAuthFilter;
import io.paygate.gateway.auth.MerchantAuthenticator;
import io.paygate.gateway.auth.OperatorAuthFilter;
import io.paygate.gateway.auth.PasswordHasher;
import io.paygate.gateway.auth.RevokedSessions;
import io.paygate.gateway.auth.SecretStore;
import io.paygate.gateway.auth.SessionSync;
import io.paygate.gateway.auth.TokenService;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.config.ReconcileSettings;
import io.paygate.gateway.config.SecurityConfig;
import io.paygate.gateway.config.WebhookSettings;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.db.AuditRepository;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.GroupCommitWriter;
import io.paygate.gateway.db.LoginAttemptRepository;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.NodeRepository;
import io.paygate.gateway.db.NoticeListener;
import io.paygate.gateway.db.OperationRepository;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.db.PaymentSettlements;
import io.paygate.gateway.db.SessionNotices;
import io.paygate.gateway.db.TokenRepository;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import io.paygate.gateway.db.WebhookEndpointRepository;
import io.paygate.gateway.http.ConsoleHandler;
import io.paygate.gateway.http.CorsHandler;
import io.paygate.gateway.http.ExceptionMappers;
import io.paygate.gateway.http.ExchangesInFlight;
import io.paygate.gateway.http.FinishFailedExchanges;
import io.paygate.gateway.http.JsonBodyLimit;
import io.paygate.gateway.http.JsonBodyReader;
import io.paygate.gateway.http.JsonWritableWriter;
import io.paygate.gateway.http.MerchantRateLimitFilter;
import io.paygate.gateway.http.ProblemAnswers;
import io.paygate.gateway.http.ProblemErrorHandler;
import io.paygate.gateway.http.ProblemMetricsFilter;
import io.paygate.gateway.http.RequestContextHandler;
import io.paygate.gateway.http.RouteTemplateFilter;
import io.paygate.gateway.http.SecurityHeaders;
import io.paygate.gateway.http.ServerThreads;
import io.paygate.gateway.http.UnreadBodies;
import io.paygate.gateway.limits.LoginThrottle;
import io.paygate.gateway.limits.MerchantRateLimit;
import io.paygate.gateway.limits.RateLimiter;
import io.paygate.gateway.merchants.MerchantAdmin;
import io.paygate.gateway.merchants.MerchantLimitsAdmin;
import io.paygate.gateway.merchants.MerchantService;
import io.paygate.gateway.merchants.NewMerchantReader;
import io.paygate.gateway.metrics.AuthMetrics;
import io.paygate.gateway.metrics.GatewayMetrics;
import io.paygate.gateway.metrics.GroupCommitMetrics;
import io.paygate.gateway.metrics.PaymentMetrics;
import io.paygate.gateway.metrics.ProblemMetrics;
import io.paygate.gateway.metrics.RateLimitMetrics;
import io.paygate.gateway.nodes.LiveNodes;
import io.paygate.gateway.metrics.ReconciliationMetrics;
import io.paygate.gateway.metrics.binders.BacklogMetrics;
import io.paygate.gateway.metrics.binders.WebhookMetrics;
import io.paygate.gateway.metrics.binders.BreakerMetrics;
import io.paygate.gateway.metrics.binders.DatabaseSizeMetrics;
import io.paygate.gateway.payments.HandSettlement;
import io.paygate.gateway.payments.InFlightPayments;
import io.paygate.gateway.payments.OperationService;
import io.paygate.gateway.payments.PaymentService;
import io.paygate.gateway.payments.Reconciler;
import io.paygate.gateway.payments.RequestFingerprint;
import io.paygate.gateway.resources.AcquirersResource;
import io.paygate.gateway.resources.AdminMerchantsResource;
import io.paygate.gateway.resources.AdminPaymentsResource;
import io.paygate.gateway.resources.AuthResource;
import io.paygate.gateway.resources.HealthResource;
import io.paygate.gateway.resources.HistoryResource;
import io.paygate.gateway.resources.MerchantAuditResource;
import io.paygate.gateway.resources.MerchantResource;
import io.paygate.gateway.resources.MetricsResource;
import io.paygate.gateway.resources.OpenApiResource;
import io.paygate.gateway.resources.OperatorAuditResource;
import io.paygate.gateway.resources.OperatorWebhookResource;
import io.paygate.gateway.resources.PaymentEndpoint;
import io.paygate.gateway.resources.PaymentOperationsResource;
import io.paygate.gateway.resources.WebhookEndpointResource;
import io.paygate.gateway.validation.PaymentRequestValidator;
import io.paygate.gateway.webhooks.AddressPolicy;
import io.paygate.gateway.webhooks.NewWebhookEndpointReader;
import io.paygate.gateway.webhooks.WebhookDispatcher;
import io.paygate.gateway.webhooks.WebhookEndpointCache;
import io.paygate.gateway.webhooks.WebhookEndpointService;
import io.paygate.gateway.webhooks.OperationEvents;
import io.paygate.gateway.webhooks.WebhookOutbox;
import io.paygate.gateway.webhooks.WebhookSender;
import io.paygate.gateway.webhooks.WebhookSubscriptions;
import jakarta.ws.rs.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: all the wiring, in one place, by hand. {@link #start} builds every part from
 * the configuration and starts the HTTP server; {@link #close} stops them in reverse order.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final Deque<AutoCloseable> parts;
  private final Server server;
  private final String operatorKey;
  private final boolean operatorKeyGenerated;
  private final String operatorKeyFile;
  private final List<Class<?>> resourceClasses;
  private final List<LoadedAcquirer> acquirers;
  private final AtomicReference<Consumer<String>> stopReport;

  private Gateway(Deque<AutoCloseable> parts, Server server, SecretStore.Secret operatorKey,
      List<Class<?>> resourceClasses, List<LoadedAcquirer> acquirers,
      AtomicReference<Consumer<String>> stopReport) {
    this.parts = parts;
    this.stopReport = stopReport;
    this.acquirers = acquirers;
    this.server = server;
    this.resourceClasses = resourceClasses;
    this.operatorKey = operatorKey.value();
    this.operatorKeyGenerated = operatorKey.generated();
    this.operatorKeyFile = operatorKey.file() == null ? null : operatorKey.file().toString();
  }

  /** Starts a gateway on the system clock. */
  public static Gateway start(GatewayConfig config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Builds every part and starts serving, on {@code clock}. Public for embedders that simulate
   * time, and for the integration tests (another module) that move it to expire tokens and
   * sessions; everything time-dependent reads this one clock.
   *
   * @throws ConfigException when a setting is wrong or a part cannot start
   */
  public static Gateway start(GatewayConfig config, Clock clock) {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      SecretStore secrets = new SecretStore(config.dataDir());
      SecretStore.Secret operatorKey = config.operatorKey()
          .map(k -> new SecretStore.Secret(k, false, null))
          .orElseGet(() -> secrets.readOrCreate("operator.key", "pgop_", 32));
      String jwtSecret = config.jwtSecret()
          .orElseGet(() -> secrets.readOrCreate("jwt.key", "", 48).value());
      TokenService tokenService;
      try {
        tokenService = new TokenService(jwtSecret, config.accessTokenTtl(), clock);
      } catch (IllegalArgumentException e) {
        // Named both ways: the operator may have set either (RFC 8725 3.5: keys of full strength).
        throw new ConfigException(config.describe("jwt.secret") + " (jwt.secret,"
            + " PAYGATE_JWT_SECRET): " + e.getMessage());
      }

      // Names this run of this node wherever nodes meet: reconciliation leases, the listener's
      // connection, the node table.
      String nodeId = Ids.newId().toString();

      // Closed last: every part records into it until it stops.
      GatewayMetrics metrics = push(parts, new GatewayMetrics());
      MeterRegistry registry = metrics.registry();
      Database database = push(parts, Database.open(config, registry));
      new DatabaseSizeMetrics(database).bindTo(registry);
      MerchantRepository merchantRepo = new MerchantRepository(database.dataSource());
      // Payments are written with group commit: durable on return, one commit for many. Audit
      // rows join the same groups (closed after the audit log, which flushes into it).
      GroupCommitWriter groupCommit = config.dbGroupCommit()
          ? push(parts, new GroupCommitWriter(database.dataSource(), new GroupCommitMetrics(registry)))
          : null;
      // Webhook events are appended to the outbox in the payment's own transaction; merchants'
      // subscriptions are held in memory so that a merchant without endpoints costs nothing.
      WebhookSettings webhookSettings = config.webhooks();
      WebhookEndpointRepository webhookEndpoints =
          new WebhookEndpointRepository(database.dataSource());
      WebhookDeliveryRepository webhookDeliveries =
          new WebhookDeliveryRepository(database.dataSource(), groupCommit);
      WebhookSubscriptions subscriptions = new WebhookSubscriptions(webhookEndpoints);
      subscriptions.reload();
      WebhookOutbox outbox = new WebhookOutbox(subscriptions);
      PaymentRepository paymentRepo =
          new PaymentRepository(database.dataSource(), groupCommit, outbox);
      TokenRepository tokenRepo = new TokenRepository(database.dataSource());
      AuditRepository auditRepo = new AuditRepository(database.dataSource(), groupCommit);
      AuditLog audit = push(parts, new AuditLog(auditRepo, clock));

      AcquirerRegistry acquirers = push(parts,
          AcquirerRegistry.load(config, Gateway.class.getClassLoader()));
      AcquirerCaller caller = push(parts,
          new AcquirerCaller(config.acquirerCalls(), clock));
      new BreakerMetrics(caller, acquirers.all().stream().map(LoadedAcquirer::name).toList())
          .bindTo(registry);
      InFlightPayments inFlight = new InFlightPayments();
      PaymentMetrics paymentMetrics = new PaymentMetrics(registry);
      paymentMetrics.inFlight(inFlight::size);
      new BacklogMetrics(paymentRepo, clock).bindTo(registry);
      // Every operation state change passes OperationChanges inside its transaction: its
      // capture.*, void.* and refund.* events are appended to the outbox there.
      OperationRepository operationRepo = new OperationRepository(database.dataSource(),
          groupCommit, new OperationEvents(outbox));
      RequestFingerprint fingerprint =
          new RequestFingerprint(jwtSecret.getBytes(StandardCharsets.UTF_8));
      ReconcileSettings reconcile = config.reconcile();
      Duration staleAfter = reconcile.staleAfter();
      OperationService paymentOperations = new OperationService(paymentRepo, operationRepo,
          acquirers, caller, fingerprint, audit, inFlight, clock, staleAfter);
      Reconciler reconciler = push(parts, new Reconciler(paymentRepo, acquirers, caller, inFlight,
          audit, clock, reconcile, new ReconciliationMetrics(registry), paymentOperations,
          // A look-up and a technical cancel, each within the acquirer timeout, with margin.
          new Reconciler.Lease(nodeId, staleAfter.multipliedBy(2))));

      AddressPolicy addressPolicy = new AddressPolicy(webhookSettings.allowPrivateAddresses());
      // The sender reads endpoints from a cache (no query per delivery); every change made
      // through the service invalidates it.
      WebhookEndpointCache endpointCache =
          new WebhookEndpointCache(webhookEndpoints, Duration.ofSeconds(5));
      WebhookDispatcher dispatcher = push(parts, new WebhookDispatcher(webhookDeliveries,
          subscriptions, outbox, new WebhookSender(webhookDeliveries, webhookEndpoints,
              endpointCache, addressPolicy, webhookSettings, clock), webhookSettings, clock,
          // Payments first: while many are in flight, deliveries lag instead of slowing them.
          inFlight::size));
      new WebhookMetrics(webhookDeliveries, dispatcher::throttled, clock).bindTo(registry);
      WebhookEndpointService webhooks = new WebhookEndpointService(webhookEndpoints,
          webhookDeliveries, subscriptions, endpointCache, addressPolicy, webhookSettings, audit,
          clock);
      webhooks.onDue(dispatcher::wake);

      PasswordHasher hasher = new PasswordHasher(config.bcryptCost());
      // Several nodes on one PostgreSQL: revocations and disabled merchants are announced to the
      // others (NOTIFY) and read back from them (LISTEN plus polling). One node on H2.
      SessionNotices sessionNotices = database.isH2()
          ? SessionNotices.none() : SessionNotices.postgres(database.dataSource());
      RevokedSessions revoked =
          new RevokedSessions(tokenRepo, config.accessTokenTtl(), clock, sessionNotices);
      SecurityConfig security = config.security();
      Lockout lockout = new Lockout(new LoginAttemptRepository(database.dataSource()),
          security.lockoutAttempts(), security.lockoutDuration(), clock);
      RateLimitMetrics rateLimitMetrics = new RateLimitMetrics(registry);
      AuthService auth = new AuthService(merchantRepo, tokenRepo, hasher, tokenService, revoked,
          audit, config.tokenLifetimes(), clock, lockout,
          new LoginThrottle(security.loginRateLimits(), clock, rateLimitMetrics),
          new AuthMetrics(registry));
      MerchantService merchants = new MerchantService(merchantRepo, hasher, audit, clock);
      DisabledMerchants disabled = new DisabledMerchants(merchantRepo, sessionNotices);
      if (!database.isH2()) {
        push(parts, new SessionSync(revoked, disabled, new NoticeListener(config.dbUrl().get(),
            config.dbUser(), config.dbPassword(), SessionNotices.CHANNEL,
            "paygate-listener-" + nodeId), config.nodes().sessionsPoll()).start());
      }
      MerchantAdmin merchantAdmin = new MerchantAdmin(new MerchantAdmin.Parts(merchantRepo,
          tokenRepo, revoked, disabled, lockout, hasher, acquirers, audit, clock));
      HandSettlement handSettlement = new HandSettlement(
          new PaymentSettlements(database.dataSource()), inFlight, audit, clock, staleAfter);
      PaymentService payments = new PaymentService(paymentRepo, acquirers, caller, fingerprint,
          audit, inFlight, reconciler, clock, paymentMetrics, paymentOperations);

      // Shared by Jersey and the payment endpoint in front of it: one set of rules, one budget
      // per merchant.
      MerchantAuthenticator merchantAuth = new MerchantAuthenticator(tokenService, revoked,
          disabled);
      // Each node enforces its share of every merchant's limit: the limit over the live nodes.
      LiveNodes liveNodes = push(parts, database.isH2() ? LiveNodes.single()
          : LiveNodes.heartbeat(new NodeRepository(database.dataSource()), nodeId,
              config.nodes().heartbeat(), clock));
      MerchantRateLimit merchantLimit = new MerchantRateLimit(
          new RateLimiter(0, Duration.ofSeconds(1), clock), rateLimitMetrics, merchantRepo,
          security.merchantLimits(), liveNodes::count);
      JsonBodyLimit bodyLimit = new JsonBodyLimit(config.maxBodyBytes());
      ProblemAnswers problems = new ProblemAnswers(audit);
      ProblemMetrics problemMetrics = new ProblemMetrics(registry);
      ResourceConfig api = new ResourceConfig()
          .property(ServerProperties.WADL_FEATURE_DISABLE, true)
          .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
          // Location stays relative (/api/history/{id}), right behind any proxy.
          .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true)
          .register(new JsonBodyReader(bodyLimit))
          .register(new JsonWritableWriter())
          .register(new RouteTemplateFilter())
          .register(new MerchantAuthFilter(merchantAuth))
          .register(new OperatorAuthFilter(operatorKey.value(), tokenService))
          .register(new MerchantRateLimitFilter(merchantLimit))
          .register(new MerchantResource(merchants, new NewMerchantReader(acquirers)))
          .register(new AuthResource(auth))
          .register(new HistoryResource(paymentRepo))
          .register(new PaymentOperationsResource(paymentOperations))
          .register(new HealthResource(database, acquirers, caller, inFlight))
          .register(new AcquirersResource(acquirers, config.pluginsDir(), caller))
          .register(new OpenApiResource())
          .register(new MerchantAuditResource(auditRepo))
          .register(new OperatorAuditResource(auditRepo))
          .register(new WebhookEndpointResource(webhooks,
              new NewWebhookEndpointReader(webhookSettings.allowHttp()), clock))
          .register(new OperatorWebhookResource(webhooks, clock))
          .register(new AdminMerchantsResource(merchantAdmin,
              new MerchantLimitsAdmin(merchantRepo, merchantLimit, audit), clock))
          .register(new AdminPaymentsResource(handSettlement))
          .register(new MetricsResource(metrics))
          .register(new ProblemMetricsFilter(problemMetrics));
      ExceptionMappers.all(problems).forEach(api::register);
      PaymentEndpoint paymentEndpoint = new PaymentEndpoint(payments,
          new PaymentRequestValidator(clock, config.maxAmountMinor()), merchantRepo, merchantAuth,
          merchantLimit, bodyLimit, problems, problemMetrics);

      // Everything has read its settings, acquirers included: what is left is a typo or stale.
      config.refuseUnknownSettings();

      ExchangesInFlight exchanges = new ExchangesInFlight();
      Server server = httpServer(config, api, paymentEndpoint, exchanges, problemMetrics);
      new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of()).bindTo(registry);
      JettyConnectionMetrics.addToAllConnectors(server, registry);
      // Payments left Pending or Unknown by an earlier run are looked up from now on, in the
      // background: a slow bank does not hold up start-up.
      reconciler.start();
      dispatcher.start();
      server.start();
      // Popped first on close: stop taking payments, let those in flight finish and their answers
      // go out (bounded), and only then stop the HTTP server.
      AtomicReference<Consumer<String>> stopReport = new AtomicReference<>(log::info);
      parts.push(() -> stopGracefully(inFlight, exchanges, config.shutdownTimeout(),
          stopReport.get()));
      Gateway gateway = new Gateway(parts, server, operatorKey, rootResources(api),
          List.copyOf(acquirers.all()), stopReport);
      log.info("gateway listening on port {}", gateway.port());
      return gateway;
    } catch (Exception e) {
      closeAll(parts);
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new ConfigException("the gateway failed to start: " + e, e);
    }
  }

  /** Stops taking payments, waits (bounded) for those in flight, and says what it does. */
  private static void stopGracefully(InFlightPayments inFlight, ExchangesInFlight exchanges,
      Duration bound, Consumer<String> report) throws Exception {
    long start = System.nanoTime();
    long end = start + bound.toNanos();
    report.accept("stopping: new payments get 503; waiting up to " + seconds(bound.toNanos())
        + " for " + inFlight.size() + " payment(s) in flight at the bank");
    int left = inFlight.closeAndDrain(bound);
    if (left > 0) {
      report.accept(left + " payment(s) still at the bank after " + seconds(bound.toNanos())
          + "; reconciliation settles them at the next start");
    } else {
      report.accept("payments in flight settled after waiting "
          + seconds(System.nanoTime() - start));
    }
    // The payments back from the bank are settled, but their answers may still be on their way
    // out: the server stops once they are written.
    long answersFrom = System.nanoTime();
    report.accept("waiting for " + exchanges.size() + " answer(s) still being written, then"
        + " stopping the HTTP server");
    int unanswered = exchanges.stopServer(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    report.accept(unanswered > 0
        ? "stopped the HTTP server with " + unanswered + " request(s) still being answered after "
            + seconds(System.nanoTime() - answersFrom)
        : "HTTP server stopped after waiting " + seconds(System.nanoTime() - answersFrom)
            + " for answers; stopping reconciliation, bank connections and the database");
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static Server httpServer(GatewayConfig config, ResourceConfig api,
      PaymentEndpoint payments, ExchangesInFlight exchanges, ProblemMetrics problemMetrics) {
    Server server = new Server(ServerThreads.of(config));
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // No per-connection header cache: Jetty keeps each connection's header fields of up to 1 KiB
    // in a trie and matches every later header against it byte by byte. Each API request carries
    // a bearer token of several hundred bytes, and that walk was 5% of the gateway's CPU samples;
    // without the cache the CPU per payment fell by about as much (BENCHMARKS.md, issue 15).
    http.setHeaderCacheSize(0);
    ServerConnector connector = connector(server, http, config.security());
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, api);
    // GracefulHandler lets requests in flight finish when the server stops (within the stop
    // timeout) and answers new ones 503 meanwhile. Payments are taken by a plain handler in front
    // of Jersey, and the web console's files by a handler of their own; Jersey serves every other
    // request.
    exchanges.setHandler(new GracefulHandler(new RequestContextHandler(new SecurityHeaders(
        new CorsHandler(config.security().corsAllowedOrigins(), problemMetrics,
            new Handler.Sequence(payments, new ConsoleHandler(),
                new FinishFailedExchanges(jersey)))))));
    // Outermost: a body left unread by an early answer is drained, or the answer says
    // Connection: close, whoever answered (UnreadBodies).
    server.setHandler(new UnreadBodies(config.maxBodyBytes(), exchanges));
    server.setErrorHandler(new ProblemErrorHandler(problemMetrics));
    server.setStopTimeout(config.shutdownTimeout().toMillis());
    return server;
  }

  /** Plain HTTP, or only HTTPS when a keystore is configured (PCI DSS 4.2.1). */
  private static ServerConnector connector(Server server, HttpConfiguration http,
      SecurityConfig security) {
    if (security.tlsKeystore().isEmpty()) {
      return new ServerConnector(server, new HttpConnectionFactory(http));
    }
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(security.tlsKeystore().get().toString());
    tls.setKeyStorePassword(security.tlsKeystorePassword());
    tls.setKeyStoreType(security.tlsKeystoreType());
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    http.addCustomizer(new SecureRequestCustomizer());
    return new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
        new HttpConnectionFactory(http));
  }

  /** The classes of the root resources registered in {@code api}: every route comes from them. */
  private static List<Class<?>> rootResources(ResourceConfig api) {
    return api.getInstances().stream().map(Object::getClass)
        .filter(c -> c.isAnnotationPresent(Path.class)).toList();
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> parts, T part) {
    parts.push(part);
    return part;
  }

  /** The port the server listens on (the chosen one when configured as 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The acquirers loaded, with where each sends payments and whether it is a simulator. */
  public List<LoadedAcquirer> acquirers() {
    return acquirers;
  }

  /**
   * Where {@link #close()} says what it is doing while it stops (what it waits for, how long it
   * waited); the log by default. {@code GatewayMain} prints it, so SIGTERM is not silent.
   */
  public void reportStopTo(Consumer<String> report) {
    stopReport.set(report);
  }

  /** The operator key in force. */
  public String operatorKey() {
    return operatorKey;
  }

  /** Whether the operator key was generated by this start (so it should be shown once). */
  public boolean operatorKeyGenerated() {
    return operatorKeyGenerated;
  }

  /** Where a generated operator key is kept, or null when it came from the configuration. */
  public String operatorKeyFile() {
    return operatorKeyFile;
  }

  /**
   * The JAX-RS root resource classes this gateway serves, as registered: every route of the REST
   * API but those of {@link #handlerRoutes} is a resource method of one of them. The OpenAPI
   * contract test checks its document against both (through a helper in this package: no
   * operator or embedder needs them, so they are not public).
   */
  List<Class<?>> resourceClasses() {
    return resourceClasses;
  }

  /**
   * The routes served by plain Jetty handlers in front of Jersey, as {@code METHOD /path}: with
   * {@link #resourceClasses}, every route of the REST API.
   */
  List<String> handlerRoutes() {
    return List.of(PaymentEndpoint.ROUTE);
  }

  /** Stops the server (finishing requests in flight), then every other part. */
  @Override
  public void close() {
    closeAll(parts);
  }

  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("failed to stop {}: {}", part, e.toString());
      }
    }
  }
}
