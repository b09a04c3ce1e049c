package io.paygate.gateway.config;

import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.Setting;
import io.paygate.gateway.logging.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the gateway, parsed and checked. Built by {@link #from(ConfigSource)}; a bad
 * value stops start-up with a {@link ConfigException} that names the setting.
 *
 * <p>Secrets (operator key, signing key) are optional here: when absent they are generated on first
 * start and kept in the data folder (see {@code SecretStore}).
 */
public final class GatewayConfig {
  private final String host;
  private final int port;
  private final Path dataDir;
  private final Path pluginsDir;
  private final Optional<String> dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final int dbPoolSize;
  private final boolean dbGroupCommit;
  private final Optional<String> operatorKey;
  private final Optional<String> jwtSecret;
  private final Duration accessTokenTtl;
  private final Duration refreshTokenTtl;
  private final int bcryptCost;
  private final Duration acquirerTimeout;
  private final int maxBodyBytes;
  private final long maxAmountMinor;
  private final int acquirerMaxConcurrency;
  private final int httpMaxThreads;
  private final boolean httpVirtualThreads;
  private final Duration shutdownTimeout;
  private final int breakerFailures;
  private final Duration breakerPause;
  private final Duration reconcileInterval;
  private final Duration reconcileMargin;
  private final Duration reconcileMaxBackoff;
  private final Duration reconcileCancelAfter;
  private final LogFormat logFormat;
  private final ConfigSource source;
  private final SecurityConfig security;
  private final WebhookSettings webhooks;
  private final NodeSettings nodes;

  private GatewayConfig(ConfigSource s) {
    this.source = s;
    Settings v = new Settings(s);
    this.host = v.string("host", "0.0.0.0");
    this.port = v.integer("port", 8080, 0, 65535);
    this.dataDir = v.path("data.dir", Path.of("data"));
    // Beside the data folder: ./plugins with the default ./data.
    this.pluginsDir = v.path("plugins.dir", dataDir.resolveSibling("plugins"));
    this.dbUrl = s.get("db.url");
    this.dbUser = v.string("db.user", "sa");
    this.dbPassword = s.get("db.password").orElse("");
    this.dbPoolSize = v.integer("db.pool.size", 16, 1, 1000);
    String groupCommit = v.string("db.group.commit", "true");
    if (!groupCommit.equals("true") && !groupCommit.equals("false")) {
      throw new ConfigException(s.describe("db.group.commit") + " must be true or false, not '"
          + groupCommit + "'");
    }
    this.dbGroupCommit = groupCommit.equals("true");
    this.operatorKey = s.get("operator.key");
    this.jwtSecret = s.get("jwt.secret");
    this.accessTokenTtl = v.duration("access.token.ttl", Duration.ofMinutes(15));
    this.refreshTokenTtl = v.duration("refresh.token.ttl", Duration.ofDays(30));
    this.bcryptCost = v.integer("bcrypt.cost", 10, 10, 20);
    this.acquirerTimeout = v.duration("acquirer.timeout", Duration.ofSeconds(10));
    this.maxBodyBytes = v.integer("max.body.bytes", 64 * 1024, 1024, 16 * 1024 * 1024);
    this.maxAmountMinor = v.longValue("max.amount.minor", 100_000_000_00L, 1, Long.MAX_VALUE / 10);
    this.acquirerMaxConcurrency = v.integer("acquirer.max.concurrency", 256, 1, 100_000);
    this.httpMaxThreads = v.integer("http.max.threads", 400, 16, 100_000);
    String threads = v.string("http.threads", "virtual");
    if (!threads.equals("virtual") && !threads.equals("platform")) {
      throw new ConfigException(s.describe("http.threads") + " must be virtual or platform, not '"
          + threads + "'");
    }
    this.httpVirtualThreads = threads.equals("virtual");
    this.shutdownTimeout = v.duration("shutdown.timeout", Duration.ofSeconds(15));
    this.breakerFailures = v.integer("acquirer.breaker.failures", 5, 1, 1_000_000);
    this.breakerPause = v.duration("acquirer.breaker.pause", Duration.ofSeconds(30));
    this.reconcileInterval = v.duration("reconcile.interval", Duration.ofSeconds(10));
    this.reconcileMargin = v.duration("reconcile.margin", Duration.ofSeconds(5));
    this.reconcileMaxBackoff = v.duration("reconcile.max.backoff", Duration.ofMinutes(15));
    this.reconcileCancelAfter = v.duration("reconcile.cancel.after", Duration.ofHours(24));
    this.security = new SecurityConfig(s);
    this.webhooks = WebhookSettings.from(s);
    this.nodes = NodeSettings.from(s);
    String format = v.string("log.format", LogFormat.TEXT.settingValue());
    this.logFormat = LogFormat.parse(format).orElseThrow(() -> new ConfigException(
        s.describe("log.format") + " must be text or json, not '" + format + "'"));
    if (operatorKey.isPresent() && operatorKey.get().length() < 24) {
      throw new ConfigException(s.describe("operator.key")
          + " must be at least 24 characters long; leave it unset to have one generated");
    }
  }

  /** Parses and checks every setting. */
  public static GatewayConfig from(ConfigSource source) {
    return new GatewayConfig(source);
  }

  /** The interface to listen on; {@code 0.0.0.0} for all. */
  public String host() {
    return host;
  }

  /** The HTTP port; 0 picks a free one (tests). */
  public int port() {
    return port;
  }

  /** Where the embedded database and generated secrets live. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * The folder of acquirer plug-in jars, each loaded in a class loader of its own; by default
   * {@code plugins} beside the data folder. A missing folder holds no plug-ins.
   */
  public Path pluginsDir() {
    return pluginsDir;
  }

  /** A JDBC URL; empty means the embedded H2 database in the data folder. */
  public Optional<String> dbUrl() {
    return dbUrl;
  }

  public String dbUser() {
    return dbUser;
  }

  public String dbPassword() {
    return dbPassword;
  }

  public int dbPoolSize() {
    return dbPoolSize;
  }

  /** The operator key, when configured; otherwise one is generated and kept in the data folder. */
  public Optional<String> operatorKey() {
    return operatorKey;
  }

  /** The token signing secret, when configured; otherwise one is generated. */
  public Optional<String> jwtSecret() {
    return jwtSecret;
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public Duration refreshTokenTtl() {
    return refreshTokenTtl;
  }

  /** Both token lifetimes, named: what the services that issue tokens take. */
  public TokenLifetimes tokenLifetimes() {
    return new TokenLifetimes(accessTokenTtl, refreshTokenTtl);
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The largest payment accepted, in minor units of any currency. */
  public long maxAmountMinor() {
    return maxAmountMinor;
  }

  /**
   * Whether payment writes share commits ({@code db.group.commit}, default true): as durable
   * either way; off only to measure what it saves.
   */
  public boolean dbGroupCommit() {
    return dbGroupCommit;
  }

  public int httpMaxThreads() {
    return httpMaxThreads;
  }

  /**
   * Whether requests run on virtual threads ({@code http.threads=virtual}, the default) when the
   * JVM has them (Java 21+); on Java 17, or with {@code platform}, a pool of at most
   * {@link #httpMaxThreads} platform threads.
   */
  public boolean httpVirtualThreads() {
    return httpVirtualThreads;
  }

  /** How long a stopping server waits for requests in flight. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How bank calls are bounded: deadline, calls in flight, circuit breaker; named. */
  public AcquirerCallSettings acquirerCalls() {
    return new AcquirerCallSettings(acquirerTimeout, acquirerMaxConcurrency, breakerFailures,
        breakerPause);
  }

  /** How often reconciliation looks for payments whose outcome is not final. */
  public Duration reconcileInterval() {
    return reconcileInterval;
  }

  /**
   * How long after {@code acquirer.timeout} a {@code Pending} payment counts as abandoned (its
   * process crashed) and is reconciled; younger ones may still be in flight.
   */
  public Duration reconcileMargin() {
    return reconcileMargin;
  }

  /** The longest wait between two look-ups of one unresolved payment (backoff doubles to it). */
  public Duration reconcileMaxBackoff() {
    return reconcileMaxBackoff;
  }

  /** Reconciliation's timing, with the age from which a payment counts as abandoned. */
  public ReconcileSettings reconcile() {
    return new ReconcileSettings(acquirerTimeout.plus(reconcileMargin), reconcileInterval,
        reconcileMaxBackoff, reconcileCancelAfter);
  }

  /**
   * The age from which an {@code Unknown} payment whose bank still cannot say what became of it
   * gets a technical cancel (when its acquirer can cancel) instead of staying unknown for good.
   */
  public Duration reconcileCancelAfter() {
    return reconcileCancelAfter;
  }

  /** How the console prints log events ({@code log.format}): {@code text} or {@code json}. */
  public LogFormat logFormat() {
    return logFormat;
  }

  /** TLS, CORS, rate limits and lockout. */
  public SecurityConfig security() {
    return security;
  }

  /** Webhook delivery, signing and SSRF settings. */
  public WebhookSettings webhooks() {
    return webhooks;
  }

  /** How this node keeps in step with the others on the same database. */
  public NodeSettings nodes() {
    return nodes;
  }

  /** The configuration section of one acquirer: {@code acquirer.<name>.*}. */
  public AcquirerSettings acquirerSettings(String acquirerName) {
    Map<String, String> section = source.section("acquirer." + ConfigSource.normalise(acquirerName));
    return new AcquirerSettings(acquirerName, section);
  }

  /**
   * The configuration section of a loaded acquirer, recording its declared settings as known:
   * {@link #refuseUnknownSettings} then refuses only what no part and no acquirer declares.
   */
  public AcquirerSettings acquirerSettings(String acquirerName, List<Setting> declared) {
    for (Setting s : declared) {
      source.markKnown("acquirer." + acquirerName + "." + s.name());
    }
    return acquirerSettings(acquirerName);
  }

  /**
   * Stops start-up when a setting was given that nothing asked for: a misspelt name would
   * otherwise be silently ignored and its default used. Call once everything has read its
   * settings.
   *
   * @throws ConfigException naming each unknown setting and the closest known name
   */
  public void refuseUnknownSettings() {
    UnknownSettings.refuse(source);
  }

  /** Describes a setting's origin for messages. */
  public String describe(String key) {
    return source.describe(key);
  }
}
