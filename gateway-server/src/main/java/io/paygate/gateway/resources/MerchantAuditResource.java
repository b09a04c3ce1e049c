package io.paygate.gateway.resources;

import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.db.AuditRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/audit}: a merchant's own audit entries. The merchant is the token's subject;
 * there is no parameter to name another one (a {@code merchant} parameter is ignored).
 */
@Path("/api/audit")
@MerchantOnly
@Produces(MediaType.APPLICATION_JSON)
public final class MerchantAuditResource {
  private final AuditPages pages;

  public MerchantAuditResource(AuditRepository audit) {
    this.pages = new AuditPages(audit);
  }

  @GET
  public Response page(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
      @QueryParam("event") String event, @QueryParam("outcome") String outcome,
      @QueryParam("from") String from, @QueryParam("to") String to,
      @Context SecurityContext security) {
    AuthenticatedMerchant merchant = (AuthenticatedMerchant) security.getUserPrincipal();
    return pages.page("/api/audit", new AuditPages.Params(limit, cursor, event, outcome, from, to),
        merchant.merchantId(), null);
  }
}
