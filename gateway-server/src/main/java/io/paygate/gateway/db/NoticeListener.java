package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a PostgreSQL channel ({@code LISTEN}) over a connection of its own, outside the pool:
 * a pooled connection would be handed to other work and lose its {@code LISTEN}. A lost connection
 * is opened again with a doubling back-off (100 ms up to 5 s); notices sent meanwhile are lost,
 * which is why {@link #await} answers true after each reconnect: the caller reads everything again.
 *
 * <p>Used by one thread at a time.
 */
public final class NoticeListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final String url;
  private final Properties properties;
  private final String channel;
  private final CountDownLatch closed = new CountDownLatch(1);
  private Connection connection;
  private PGConnection pg;
  private Duration retry = FIRST_RETRY;
  private long retryAt = System.nanoTime();
  private boolean failing;

  /**
   * @param applicationName shown in {@code pg_stat_activity}, so an operator can tell the
   *     listeners of each node apart
   */
  public NoticeListener(String url, String user, String password, String channel,
      String applicationName) {
    this.url = url;
    this.channel = channel;
    this.properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", applicationName);
  }

  /**
   * Waits up to {@code max} for a notice.
   *
   * @return true when a notice came, or when the connection was (re)opened and notices may have
   *     been missed; false after {@code max} with nothing heard, or when the connection is down
   */
  public boolean await(Duration max) throws InterruptedException {
    if (closed.getCount() == 0) {
      return false;
    }
    if (connection == null) {
      long wait = retryAt - System.nanoTime();
      if (wait > 0) {
        closed.await(Math.min(wait, max.toNanos()), TimeUnit.NANOSECONDS);
        return false;
      }
      try {
        connect();
        return true;
      } catch (SQLException e) {
        lost(e);
        return false;
      }
    }
    try {
      PGNotification[] notices = pg.getNotifications((int) Math.max(1, max.toMillis()));
      return notices != null && notices.length > 0;
    } catch (SQLException e) {
      lost(e);
      return false;
    }
  }

  private void connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, properties);
    try (Statement st = c.createStatement()) {
      st.execute("LISTEN " + channel);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    connection = c;
    pg = c.unwrap(PGConnection.class);
    retry = FIRST_RETRY;
    if (failing) {
      log.info("listening on {} again", channel);
      failing = false;
    }
  }

  private void lost(SQLException e) {
    if (!failing) {
      log.warn("lost the {} listener connection ({}); reconnecting with back-off, polling"
          + " meanwhile", channel, e.getMessage());
      failing = true;
    }
    closeConnection();
    retryAt = System.nanoTime() + retry.toNanos();
    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already broken: nothing to release.
      }
      connection = null;
      pg = null;
    }
  }

  /** Stops a back-off wait at once; the connection is closed by {@link #closeConnection}. */
  public void wake() {
    closed.countDown();
  }

  /** Closes the connection; call from the thread that awaits, after {@link #wake}. */
  @Override
  public void close() {
    closed.countDown();
    closeConnection();
  }
}
