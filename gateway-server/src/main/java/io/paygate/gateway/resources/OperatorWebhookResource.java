package io.paygate.gateway.resources;

import io.paygate.gateway.api.JsonWritable;
import io.paygate.gateway.api.WebhookEndpointJson;
import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.webhooks.WebhookEndpointService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.UUID;

/** The operator's view of webhooks: every endpoint (disabled ones too), and replays. */
@Path("/admin/webhooks")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorWebhookResource {
  private final WebhookEndpointService service;
  private final Clock clock;

  public OperatorWebhookResource(WebhookEndpointService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @GET
  @Path("endpoints")
  public Response endpoints(@QueryParam("merchant") String merchant) {
    UUID merchantId = merchant == null ? null : AuditPages.uuid("merchant", merchant);
    return Response.ok(WebhookEndpointJson.list(service.listAll(merchantId), true,
        clock.instant())).build();
  }

  @POST
  @Path("events/{eventId}/replay")
  public Response replayEvent(@PathParam("eventId") String eventId) {
    return Response.accepted(queued(service.replayEvent(eventId))).build();
  }

  @POST
  @Path("endpoints/{endpointId}/replay")
  public Response replayEndpoint(@PathParam("endpointId") String id) {
    return Response.accepted(queued(service.replayEndpoint(
        WebhookEndpointResource.uuid(id)))).build();
  }

  private static JsonWritable queued(int n) {
    return w -> w.beginObject().name("queued").value(n).endObject();
  }
}
