package io.paygate.gateway.resources;

import io.paygate.gateway.api.PaymentDetailJson;
import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.OperationType;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.payments.OperationOutcome;
import io.paygate.gateway.payments.OperationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A payment's lifecycle: the payment with its operations, and captures, voids and refunds of it.
 * Amounts here are whole minor units ({@code {"amount": 1250, "currency": "EUR"}}).
 */
@Path("/api/payments/{id}")
@MerchantOnly
@Produces(MediaType.APPLICATION_JSON)
public final class PaymentOperationsResource {
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final OperationService operations;

  public PaymentOperationsResource(OperationService operations) {
    this.operations = operations;
  }

  @GET
  public Response one(@PathParam("id") String id, @Context SecurityContext security) {
    return Response.ok(PaymentDetailJson.of(operations.detail(merchantId(security), paymentId(id))
        .orElseThrow(() -> ApiException.notFound("no payment with this id")))).build();
  }

  @POST
  @Path("captures")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response capture(@PathParam("id") String id, Map<String, Object> body,
      @HeaderParam("Idempotency-Key") String key, @Context SecurityContext security) {
    return operate(OperationType.Capture, id, Bodies.required(body), key, security);
  }

  @POST
  @Path("voids")
  public Response voidPayment(@PathParam("id") String id, Map<String, Object> body,
      @HeaderParam("Idempotency-Key") String key, @Context SecurityContext security) {
    // A void takes no amount: the body may be absent or {}.
    return operate(OperationType.Void, id, body == null ? Map.of() : body, key, security);
  }

  @POST
  @Path("refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(@PathParam("id") String id, Map<String, Object> body,
      @HeaderParam("Idempotency-Key") String key, @Context SecurityContext security) {
    return operate(OperationType.Refund, id, Bodies.required(body), key, security);
  }

  private Response operate(OperationType type, String id, Map<String, Object> body, String key,
      SecurityContext security) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw ValidationException.of("Idempotency-Key",
          "must be 1 to 255 printable ASCII characters without spaces");
    }
    UUID paymentId = paymentId(id);
    Long amount = type == OperationType.Void ? null : amount(body);
    String currency = currency(body, type != OperationType.Void);
    OperationOutcome outcome = operations.operate(
        merchantId(security), paymentId, type, amount, currency, key);
    Response.ResponseBuilder answer = Response
        .status(outcome.operation().status() == OperationStatus.Unknown ? 202 : 201)
        .entity(PaymentDetailJson.of(outcome))
        .header("Location", "/api/payments/" + paymentId);
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  /** A whole, positive number of minor units. */
  private static Long amount(Map<String, Object> body) {
    Object raw = body.get("amount");
    if (raw == null) {
      throw ValidationException.of("amount", "is required, in minor units (1250 for 12.50 EUR)");
    }
    if (raw instanceof BigDecimal d && d.precision() <= 19 && d.signum() > 0) {
      try {
        return d.stripTrailingZeros().longValueExact();
      } catch (ArithmeticException e) {
        // Below.
      }
    }
    throw ValidationException.of("amount",
        "must be a positive whole number of minor units (1250 for 12.50 EUR)");
  }

  private static String currency(Map<String, Object> body, boolean required) {
    Object raw = body.get("currency");
    if (raw == null) {
      if (required) {
        throw ValidationException.of("currency", "is required: the payment's currency");
      }
      return null;
    }
    if (!(raw instanceof String s) || !CURRENCY.matcher(s).matches()) {
      throw ValidationException.of("currency", "must be a three-letter ISO 4217 code");
    }
    return s;
  }

  private static UUID paymentId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no payment with this id");
    }
  }

  private static UUID merchantId(SecurityContext security) {
    return ((AuthenticatedMerchant) security.getUserPrincipal()).merchantId();
  }
}
