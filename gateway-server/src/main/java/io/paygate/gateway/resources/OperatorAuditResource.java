package io.paygate.gateway.resources;

import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.db.AuditRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /admin/audit}: every audit entry, for the operator, filterable by merchant. */
@Path("/admin/audit")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorAuditResource {
  private final AuditPages pages;

  public OperatorAuditResource(AuditRepository audit) {
    this.pages = new AuditPages(audit);
  }

  @GET
  public Response page(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
      @QueryParam("merchant") String merchant, @QueryParam("event") String event,
      @QueryParam("outcome") String outcome, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return pages.page("/admin/audit", new AuditPages.Params(limit, cursor, event, outcome, from, to),
        AuditPages.uuid("merchant", merchant), merchant);
  }
}
