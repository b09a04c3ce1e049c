package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import io.paygate.gateway.metrics.ProblemMetrics;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Counts Jersey's problem answers ({@link ProblemMetrics}) once they are final, whichever mapper
 * made them, under the route template Jersey matched: global, so it sees the answers of the
 * authentication filters and of requests that matched no route too.
 */
public final class ProblemMetricsFilter implements ContainerResponseFilter {
  private final ProblemMetrics metrics;

  public ProblemMetricsFilter(ProblemMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400) {
      return;
    }
    String type = response.getEntity() instanceof ProblemJson problem ? problem.type() : null;
    metrics.answered(route(request), request.getMethod(), status, type);
  }

  /** The matched route as one template ({@code /api/history/{id}}), or "unmatched". */
  static String route(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo uri)) {
      return ProblemMetrics.UNMATCHED;
    }
    // Innermost first: the method's template, then its resource's.
    List<UriTemplate> templates = uri.getMatchedTemplates();
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String t = templates.get(i).getTemplate();
      if (t.isEmpty() || t.equals("/")) {
        continue;
      }
      if (t.charAt(0) != '/') {
        route.append('/');
      }
      route.append(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
    }
    return route.length() == 0 ? ProblemMetrics.UNMATCHED : route.toString();
  }
}
