package io.paygate.gateway.config;

import java.time.Duration;

/**
 * How a gateway node keeps in step with the other nodes on the same PostgreSQL
 * ({@code nodes.*}, docs/scaling.md). On the embedded H2 database there is one node and these
 * settings change nothing.
 *
 * @param sessionsPoll how often revoked sessions and disabled merchants are read again whatever
 *     else happens (notices usually bring them within milliseconds): the longest a revoked
 *     token keeps working on another node when notices are lost
 * @param heartbeat how often a node records that it is alive in {@code gateway_nodes}; a node
 *     missing three beats no longer counts in the rate limits' shares
 */
public record NodeSettings(Duration sessionsPoll, Duration heartbeat) {

  static NodeSettings from(ConfigSource s) {
    Settings v = new Settings(s);
    return new NodeSettings(v.duration("nodes.sessions.poll", Duration.ofMillis(500)),
        v.duration("nodes.heartbeat", Duration.ofSeconds(1)));
  }
}
