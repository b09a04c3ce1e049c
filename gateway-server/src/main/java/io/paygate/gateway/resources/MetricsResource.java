package io.paygate.gateway.resources;

import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.metrics.GatewayMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: every meter in Prometheus's text format 0.0.4, or OpenMetrics 1.0 when the
 * {@code Accept} header asks for it (as Prometheus does), written by Micrometer's Prometheus
 * registry. For the operator only: the figures tell a stranger how much business runs here.
 */
@Path("/metrics")
@OperatorOnly
public final class MetricsResource {
  private final GatewayMetrics metrics;

  public MetricsResource(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
    String type = GatewayMetrics.contentType(accept);
    return Response.ok(metrics.scrape(type), type).build();
  }
}
