package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every 4xx and 5xx answer by route template, method, status and problem type, from the
 * three places that answer errors: Jersey's exception mappers (through a response filter that
 * knows the matched route), the plain payment endpoint, and Jetty's error handler.
 *
 * <p>The route is the template ({@code /api/history/{id}}), never the path: a path holds ids.
 * Requests that matched no route count as {@link #UNMATCHED}.
 */
public final class ProblemMetrics {
  static final String NAME = "paygate.http.problems";
  /** The route of a request that matched none (a 404, or an error Jetty answered itself). */
  public static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private final MeterRegistry registry;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  private record Key(String route, String method, int status, String type) {}

  public ProblemMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one problem answer; an answer below 400 is not a problem and is not counted. */
  public void answered(String route, String method, int status, String type) {
    if (status < 400) {
      return;
    }
    String m = method != null && METHODS.contains(method) ? method : "OTHER";
    counters.computeIfAbsent(new Key(route, m, status, type == null ? "none" : type),
        k -> Counter.builder(NAME).description("problem answers (4xx and 5xx)")
            .tag("route", k.route()).tag("method", k.method())
            .tag("status", String.valueOf(k.status())).tag("type", k.type())
            .register(registry))
        .increment();
  }
}
