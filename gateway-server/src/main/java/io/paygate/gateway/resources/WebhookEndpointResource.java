package io.paygate.gateway.resources;

import io.paygate.gateway.api.WebhookAttemptJson;
import io.paygate.gateway.api.WebhookEndpointJson;
import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.webhooks.NewWebhookEndpoint;
import io.paygate.gateway.webhooks.NewWebhookEndpointReader;
import io.paygate.gateway.webhooks.WebhookEndpointService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** A merchant's webhook endpoints (docs/webhooks.md). */
@Path("/api/webhooks/endpoints")
@MerchantOnly
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookEndpointResource {
  private final WebhookEndpointService service;
  private final NewWebhookEndpointReader reader;
  private final Clock clock;

  public WebhookEndpointResource(WebhookEndpointService service, NewWebhookEndpointReader reader,
      Clock clock) {
    this.service = service;
    this.reader = reader;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(Map<String, Object> body, @Context SecurityContext security) {
    NewWebhookEndpoint request = reader.read(Bodies.required(body));
    WebhookEndpoint e = service.register(merchantId(security), request);
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/webhooks/endpoints/" + e.id())
        .entity(WebhookEndpointJson.withSecret(e, clock.instant())).build();
  }

  @GET
  public Response list(@Context SecurityContext security) {
    return Response.ok(WebhookEndpointJson.list(service.list(merchantId(security)), false,
        clock.instant())).build();
  }

  @GET
  @Path("{endpointId}")
  public Response one(@PathParam("endpointId") String id, @Context SecurityContext security) {
    return Response.ok(WebhookEndpointJson.of(service.get(merchantId(security), uuid(id)),
        clock.instant())).build();
  }

  @DELETE
  @Path("{endpointId}")
  public Response delete(@PathParam("endpointId") String id, @Context SecurityContext security) {
    service.delete(merchantId(security), uuid(id));
    return Response.noContent().build();
  }

  @POST
  @Path("{endpointId}/rotate-secret")
  public Response rotate(@PathParam("endpointId") String id, @Context SecurityContext security) {
    WebhookEndpoint e = service.rotateSecret(merchantId(security), uuid(id));
    return Response.ok(WebhookEndpointJson.withSecret(e, clock.instant())).build();
  }

  @POST
  @Path("{endpointId}/enable")
  public Response enable(@PathParam("endpointId") String id, @Context SecurityContext security) {
    return Response.ok(WebhookEndpointJson.of(service.enable(merchantId(security), uuid(id)),
        clock.instant())).build();
  }

  @GET
  @Path("{endpointId}/deliveries")
  public Response deliveries(@PathParam("endpointId") String id, @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    return Response.ok(WebhookAttemptJson.list(service.attempts(merchantId(security), uuid(id),
        HistoryResource.limit(limit)))).build();
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no webhook endpoint with this id");
    }
  }

  private static UUID merchantId(SecurityContext security) {
    return ((AuthenticatedMerchant) security.getUserPrincipal()).merchantId();
  }
}
