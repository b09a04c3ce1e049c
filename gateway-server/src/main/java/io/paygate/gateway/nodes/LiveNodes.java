package io.paygate.gateway.nodes;

import io.paygate.gateway.db.NodeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many gateway nodes serve the database now, so that each can enforce its share of a limit
 * meant for all of them. Each node writes a heartbeat into {@code gateway_nodes} every
 * {@code every}; a node counts as alive while its last beat is younger than three beats. A
 * stopping node removes its row, so the others raise their shares at their next beat; a killed
 * node's share is given back three beats later.
 *
 * <p>The count is read from memory on the request path (no database round trip per request).
 */
public final class LiveNodes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final NodeRepository nodes;
  private final String id;
  private final Duration every;
  private final Clock clock;
  private final Instant started;
  private final ScheduledExecutorService schedule;
  private volatile int count = 1;
  private boolean failing;

  private LiveNodes(NodeRepository nodes, String id, Duration every, Clock clock) {
    this.nodes = nodes;
    this.id = id;
    this.every = every;
    this.clock = clock;
    this.started = clock.instant();
    this.schedule = nodes == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "node-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /** One node, always: the embedded database cannot be shared. */
  public static LiveNodes single() {
    return new LiveNodes(null, null, Duration.ofDays(1), Clock.systemUTC());
  }

  /** Beats now (so the first count is right before the server takes requests) and every beat. */
  public static LiveNodes heartbeat(NodeRepository nodes, String id, Duration every, Clock clock) {
    LiveNodes live = new LiveNodes(nodes, id, every, clock);
    live.beat();
    live.schedule.scheduleWithFixedDelay(live::beatSafely, every.toMillis(), every.toMillis(),
        TimeUnit.MILLISECONDS);
    return live;
  }

  /** The nodes alive now, this one included: at least 1. */
  public int count() {
    return count;
  }

  private void beat() {
    Instant now = clock.instant();
    nodes.beat(id, started, now);
    int alive = Math.max(1, nodes.aliveSince(now.minus(every.multipliedBy(3))));
    if (alive != count) {
      log.info("{} gateway node(s) alive: each takes 1/{} of every merchant's rate limit", alive,
          alive);
    }
    count = alive;
    nodes.removeNotSeenSince(now.minus(FORGET_AFTER));
  }

  private void beatSafely() {
    try {
      beat();
      failing = false;
    } catch (RuntimeException e) {
      // The count stays as it was: shares stay as they were until the database answers again.
      if (!failing) {
        log.warn("cannot write this node's heartbeat: {}", e.getMessage());
        failing = true;
      }
    }
  }

  /** Stops beating and removes this node's row, so the others take its share at once. */
  @Override
  public void close() {
    if (schedule == null) {
      return;
    }
    schedule.shutdownNow();
    try {
      schedule.awaitTermination(5, TimeUnit.SECONDS);
      nodes.remove(id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("cannot remove this node's row (it is forgotten after three beats): {}",
          e.getMessage());
    }
  }
}
