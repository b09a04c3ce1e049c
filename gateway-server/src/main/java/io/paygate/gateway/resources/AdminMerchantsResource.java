package io.paygate.gateway.resources;

import io.paygate.gateway.api.AdminMerchantJson;
import io.paygate.gateway.api.MerchantLimitsJson;
import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.MerchantRepository.Account;
import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.merchants.AcquirerRoute;
import io.paygate.gateway.merchants.AcquirerRouteReader;
import io.paygate.gateway.merchants.LimitsChangeReader;
import io.paygate.gateway.merchants.MerchantAdmin;
import io.paygate.gateway.merchants.MerchantLimitsAdmin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/merchants}: the operator's merchant accounts. Actions are {@code POST}s on the
 * merchant ({@code disable}, {@code enable}, {@code unlock}, {@code password}) and a {@code PUT} of
 * its acquirers; each answers with the merchant as it is afterwards, and is audited. Its request
 * limits are a resource of their own ({@code limits}).
 */
@Path("/admin/merchants")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public final class AdminMerchantsResource {
  private static final String PATH = "/admin/merchants";

  private final MerchantAdmin merchants;
  private final MerchantLimitsAdmin limits;
  private final Clock clock;

  public AdminMerchantsResource(MerchantAdmin merchants, MerchantLimitsAdmin limits,
      Clock clock) {
    this.merchants = merchants;
    this.limits = limits;
    this.clock = clock;
  }

  @GET
  public Response page(@QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursorParam) {
    int limit = HistoryResource.limit(limitParam);
    HistoryCursor after = KeysetLinks.cursor(cursorParam);
    return KeysetLinks.page(PATH, merchants.page(after, limit + 1), limit,
        page -> AdminMerchantJson.list(page, clock.instant()),
        a -> new HistoryCursor(a.merchant().createdAt(), a.merchant().id()));
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id) {
    return ok(merchants.account(KeysetLinks.id(id, "merchant")));
  }

  @POST
  @Path("{id}/disable")
  public Response disable(@PathParam("id") String id) {
    return ok(merchants.disable(KeysetLinks.id(id, "merchant")));
  }

  @POST
  @Path("{id}/enable")
  public Response enable(@PathParam("id") String id) {
    return ok(merchants.enable(KeysetLinks.id(id, "merchant")));
  }

  @POST
  @Path("{id}/unlock")
  public Response unlock(@PathParam("id") String id) {
    return ok(merchants.unlock(KeysetLinks.id(id, "merchant")));
  }

  /** {@code {"password": "..."}}: the merchant's new password, under the creation policy. */
  @POST
  @Path("{id}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response password(@PathParam("id") String id, Map<String, Object> body) {
    String password = Bodies.string(body, "password");
    return ok(merchants.resetPassword(KeysetLinks.id(id, "merchant"), password));
  }

  /** {@code {"acquiringbank": "Name"}} or a list of names for failover, as on creation. */
  @PUT
  @Path("{id}/acquirer")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response acquirer(@PathParam("id") String id, Map<String, Object> body) {
    // Read before the id, as always; refused by the service once the merchant is known to exist.
    Checked<AcquirerRoute> route = AcquirerRouteReader.read(Bodies.required(body));
    return ok(merchants.route(KeysetLinks.id(id, "merchant"), route));
  }

  /** The merchant's request limits: in force, its own, and the defaults. */
  @GET
  @Path("{id}/limits")
  public Response limits(@PathParam("id") String id) {
    UUID merchant = KeysetLinks.id(id, "merchant");
    return Response.ok(new MerchantLimitsJson(merchant, limits.own(merchant), limits.defaults()))
        .build();
  }

  /**
   * {@code {"readsPerSecond": n, "writesPerSecond": n}}: the merchant's own limits across all
   * nodes (0: none; null: the default; a field left out is kept).
   */
  @PUT
  @Path("{id}/limits")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setLimits(@PathParam("id") String id, Map<String, Object> body) {
    UUID merchant = KeysetLinks.id(id, "merchant");
    MerchantLimits own = limits.set(merchant, LimitsChangeReader.read(Bodies.required(body)));
    return Response.ok(new MerchantLimitsJson(merchant, own, limits.defaults())).build();
  }

  private Response ok(Account account) {
    return Response.ok(new AdminMerchantJson(account, clock.instant())).build();
  }
}
