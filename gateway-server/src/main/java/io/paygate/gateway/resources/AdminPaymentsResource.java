package io.paygate.gateway.resources;

import io.paygate.gateway.api.AdminPaymentJson;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.PaymentSettlements.Settled;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.payments.HandSettlement;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /admin/payments}: the payments that need the operator, and settling one by hand.
 */
@Path("/admin/payments")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public final class AdminPaymentsResource {
  private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@ -]{1,64}");
  /** A run of digits as long as a card number: an operator's reason must not carry one. */
  private static final Pattern CARD_LIKE = Pattern.compile("[0-9][0-9 -]{11,}[0-9]");
  private static final List<String> FINAL = List.of("Authorised", "Declined", "Failed");

  private final HandSettlement settlement;

  public AdminPaymentsResource(HandSettlement settlement) {
    this.settlement = settlement;
  }

  @GET
  @Path("attention")
  public Response attention(@QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursorParam) {
    int limit = HistoryResource.limit(limitParam);
    HistoryCursor after = KeysetLinks.cursor(cursorParam);
    return KeysetLinks.page("/admin/payments/attention",
        settlement.needingAttention(after, limit + 1), limit,
        page -> AdminPaymentJson.attention(page, settlement::reason),
        u -> new HistoryCursor(u.payment().createdAt(), u.payment().id()));
  }

  /**
   * {@code {"status": "Authorised|Declined|Failed", "reason": "...", "operator": "alice"}}: the
   * outcome the operator settled with the bank, why, and (optionally) who they are.
   */
  @POST
  @Path("{id}/settle")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response settle(@PathParam("id") String id, Map<String, Object> body) {
    Map<String, Object> b = Bodies.required(body);
    List<FieldError> errors = new ArrayList<>();
    Object status = b.get("status");
    if (!(status instanceof String s) || !FINAL.contains(s)) {
      errors.add(new FieldError("status", "must be one of " + String.join(", ", FINAL)));
    }
    Object reason = b.get("reason");
    if (!(reason instanceof String r) || r.isBlank() || r.length() > 300
        || r.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("reason", "is required: 1 to 300 characters, without control"
          + " characters, saying why (a bank's confirmation reference, say)"));
    } else if (CARD_LIKE.matcher(r).find()) {
      errors.add(new FieldError("reason", "must not hold a card number"));
    }
    Object operator = b.getOrDefault("operator", "operator");
    if (!(operator instanceof String o) || !OPERATOR.matcher(o).matches()) {
      errors.add(new FieldError("operator", "must be 1 to 64 letters, digits, spaces or . _ @ -"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Settled settled = settlement.settle(KeysetLinks.id(id, "payment"),
        PaymentStatus.valueOf((String) status),
        new ManualSettlement(((String) operator).trim(), ((String) reason).trim()));
    return Response.ok(AdminPaymentJson.settled(settled.payment(), settled.settlement())).build();
  }
}
