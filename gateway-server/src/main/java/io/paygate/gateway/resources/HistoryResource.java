package io.paygate.gateway.resources;

import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/** A merchant's payments: pages newest first, and one by id. */
@Path("/api/history")
@MerchantOnly
@Produces(MediaType.APPLICATION_JSON)
public final class HistoryResource {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final PaymentRepository payments;

  public HistoryResource(PaymentRepository payments) {
    this.payments = payments;
  }

  @GET
  public Response page(@QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursorParam, @Context SecurityContext security) {
    int limit = limit(limitParam);
    HistoryCursor cursor = null;
    if (cursorParam != null) {
      cursor = HistoryCursor.decode(cursorParam).orElseThrow(() -> ValidationException.of(
          "cursor", "is not a cursor this gateway gave; follow the Link header as given"));
    }
    UUID merchantId = merchantId(security);
    // One row more than asked tells whether a next page exists without a second query.
    List<Payment> rows = payments.page(merchantId, cursor, limit + 1);
    boolean more = rows.size() > limit;
    List<Payment> page = more ? rows.subList(0, limit) : rows;
    Response.ResponseBuilder answer = Response.ok(PaymentJson.list(page));
    if (more) {
      Payment last = page.get(page.size() - 1);
      String next = new HistoryCursor(last.createdAt(), last.id()).encode();
      answer.header("Link", "</api/history?limit=" + limit + "&cursor=" + next + ">; rel=\"next\"");
    }
    return answer.build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id, @Context SecurityContext security) {
    UUID paymentId;
    try {
      paymentId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no payment with this id");
    }
    Payment p = payments.find(merchantId(security), paymentId)
        .orElseThrow(() -> ApiException.notFound("no payment with this id"));
    return Response.ok(new PaymentJson(p)).build();
  }

  /** The page size asked for: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
  static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the same message
    }
    throw ValidationException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static UUID merchantId(SecurityContext security) {
    return ((AuthenticatedMerchant) security.getUserPrincipal()).merchantId();
  }
}
