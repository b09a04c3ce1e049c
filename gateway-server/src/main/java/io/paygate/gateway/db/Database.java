package io.paygate.gateway.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, with the schema migrated to the latest version on open. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final boolean h2;

  private Database(HikariDataSource dataSource, boolean h2) {
    this.dataSource = dataSource;
    this.h2 = h2;
  }

  /**
   * Opens the configured database (the embedded H2 file in the data folder by default) and runs
   * the migrations.
   *
   * @throws ConfigException when the database cannot be reached or migrated
   */
  public static Database open(GatewayConfig config) {
    return open(config, null);
  }

  /**
   * As {@link #open(GatewayConfig)}, with the pool's own meters (connections active, idle,
   * pending, acquire and usage times: HikariCP's Micrometer tracker) in {@code metrics}.
   */
  public static Database open(GatewayConfig config, MeterRegistry metrics) {
    String url = config.dbUrl().orElseGet(() -> embeddedUrl(config));
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setUsername(config.dbUser());
    hikari.setPassword(config.dbPassword());
    hikari.setMaximumPoolSize(config.dbPoolSize());
    hikari.setPoolName("paygate-db");
    // Fail fast at start-up with a clear message rather than retrying in the background.
    hikari.setInitializationFailTimeout(1);
    if (metrics != null) {
      hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      if (config.dbUrl().isEmpty() && lockedByAnotherProcess(e)) {
        throw new ConfigException("another gateway is probably running on the data folder "
            + config.dataDir() + ": its embedded database is locked by another process. Stop"
            + " that gateway, or give this one a data folder of its own ("
            + config.describe("data.dir") + ")", e);
      }
      throw new ConfigException("cannot open the database at " + redact(url) + " ("
          + config.describe("db.url") + "): " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      ds.close();
      throw new ConfigException("cannot migrate the database at " + redact(url) + ": "
          + e.getMessage(), e);
    }
    log.info("database ready at {}", redact(url));
    return new Database(ds, url.startsWith("jdbc:h2:"));
  }

  /**
   * The embedded database: H2 in PostgreSQL mode so the migrations are shared, and
   * {@code WRITE_DELAY=0} so that a committed payment is written out before the merchant hears of
   * it (H2's default keeps commits in memory for up to 500 ms, which {@code kill -9} would lose).
   */
  static String embeddedUrl(GatewayConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new ConfigException("cannot create the data folder " + config.dataDir() + " ("
          + config.describe("data.dir") + "): " + e.getMessage(), e);
    }
    return embeddedUrl(config.dataDir());
  }

  /** The JDBC URL of the embedded database in {@code dataDir}; tests open it beside the gateway. */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("paygate").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Whether this is the embedded H2 database. */
  public boolean isH2() {
    return h2;
  }

  /** Whether the database answers within a second. */
  public boolean isReachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * The database's size on disk in bytes: the H2 file ({@code DATABASE_PATH()} plus
   * {@code .mv.db}), or {@code pg_database_size} on PostgreSQL; -1 when it has no file (an H2
   * database in memory).
   */
  public long sizeOnDisk() {
    String sql = h2 ? "SELECT DATABASE_PATH()" : "SELECT pg_database_size(current_database())";
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      if (!h2) {
        return rs.getLong(1);
      }
      String path = rs.getString(1);
      if (path == null) {
        return -1;
      }
      Path file = Path.of(path + ".mv.db");
      return Files.exists(file) ? Files.size(file) : -1;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read the database size", e);
    } catch (IOException e) {
      throw new DataAccessException("cannot read the database file's size", e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  /** H2's "Database may be already in use" (90020): another process holds the file's lock. */
  private static boolean lockedByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
