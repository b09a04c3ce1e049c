package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.paygate.gateway.metrics.GroupCommitMetrics;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the small writes of many requests run in one transaction and one commit, and each
 * caller returns only once the commit that holds its write is done. A write is therefore exactly
 * as durable as with its own commit, but the commit's cost (on H2, writing out every changed page
 * of the table and its indexes) is shared by every payment in the group. The profile that led to
 * this is in BENCHMARKS.md: one commit per statement spent about 40% of the gateway's CPU.
 *
 * <p>While a group is being committed the next one gathers, so under load the groups grow by
 * themselves and with one request in flight nothing waits for a timer. Each write runs under its
 * own savepoint, so one that fails (a duplicate idempotency key) fails alone, on PostgreSQL too.
 */
public final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_GROUP = 256;

  /** A write on the group's connection; it must not commit, roll back or close it. */
  @FunctionalInterface
  public interface Write<T> {
    T apply(Connection connection) throws SQLException;
  }

  private record Queued<T>(Write<T> write, CompletableFuture<T> done) {}

  private final DataSource db;
  private final GroupCommitMetrics metrics;
  private final BlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  public GroupCommitWriter(DataSource db) {
    this(db, null);
  }

  /** With each group's size and time recorded in {@code metrics} (null: not recorded). */
  public GroupCommitWriter(DataSource db, GroupCommitMetrics metrics) {
    this.db = db;
    this.metrics = metrics;
    this.thread = new Thread(this::run, "db-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Runs {@code write} in the next group and waits until that group is committed.
   *
   * @return what the write returned
   * @throws SQLException what the write threw (its own work rolled back, the group's unharmed)
   * @throws DataAccessException when the group could not be committed, or the writer is closed
   */
  public <T> T execute(Write<T> write) throws SQLException {
    if (closing) {
      throw new DataAccessException("the database writer is closed", null);
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    queue.add(new Queued<>(write, done));
    if (!thread.isAlive()) {
      failAll(new DataAccessException("the database writer is closed", null));
    }
    try {
      return done.get();
    } catch (InterruptedException e) {
      // The write may still commit: the caller must treat the outcome as unknown.
      Thread.currentThread().interrupt();
      throw new DataAccessException("interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException) {
        throw (SQLException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new DataAccessException("database write failed", cause);
    }
  }

  private void run() {
    List<Queued<?>> group = new ArrayList<>(MAX_GROUP);
    while (!closing || !queue.isEmpty()) {
      try {
        Queued<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        group.clear();
      }
    }
    failAll(new DataAccessException("the database writer is closed", null));
  }

  private void commit(List<Queued<?>> group) {
    long start = System.nanoTime();
    List<Runnable> completions = new ArrayList<>(group.size());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (Queued<?> q : group) {
          completions.add(apply(c, q));
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      log.error("cannot commit a group of {} writes", group.size(), e);
      DataAccessException failure = new DataAccessException("cannot commit", e);
      measure(group.size(), start);
      group.forEach(q -> q.done().completeExceptionally(failure));
      return;
    }
    // Measured before the callers hear of it: once a write returns, its group is counted.
    measure(group.size(), start);
    completions.forEach(Runnable::run);
  }

  private void measure(int writes, long start) {
    if (metrics != null) {
      metrics.committed(writes, System.nanoTime() - start);
    }
  }

  /** Runs one write under a savepoint; returns how to tell its caller once the group commits. */
  private static <T> Runnable apply(Connection c, Queued<T> q) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      T result = q.write().apply(c);
      c.releaseSavepoint(savepoint);
      return () -> q.done().complete(result);
    } catch (SQLException | RuntimeException e) {
      c.rollback(savepoint);
      return () -> q.done().completeExceptionally(e);
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed: {}", e.toString());
    }
  }

  private void failAll(RuntimeException failure) {
    Queued<?> q;
    while ((q = queue.poll()) != null) {
      q.done().completeExceptionally(failure);
    }
  }

  /** Commits what is queued, then stops; later writes fail. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
