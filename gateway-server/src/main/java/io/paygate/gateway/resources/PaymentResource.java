package io.paygate.gateway.resources;

import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.http.ServerTiming;
import io.paygate.gateway.payments.PaymentService;
import io.paygate.gateway.payments.ProcessedPayment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /api/process}: take a payment. */
@Path("/api/process")
@MerchantOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class PaymentResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private final PaymentService payments;
  private final MerchantRepository merchants;

  public PaymentResource(PaymentService payments, MerchantRepository merchants) {
    this.payments = payments;
    this.merchants = merchants;
  }

  @POST
  public Response process(Map<String, Object> body, @HeaderParam(IDEMPOTENCY_KEY) String key,
      @Context SecurityContext security) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw ValidationException.of(IDEMPOTENCY_KEY,
          "must be 1 to 255 printable ASCII characters without spaces");
    }
    AuthenticatedMerchant who = (AuthenticatedMerchant) security.getUserPrincipal();
    Merchant merchant = merchants.findById(who.merchantId())
        .orElseThrow(() -> ApiException.unauthorized("the merchant of this token no longer exists"));
    ProcessedPayment result = payments.process(merchant, Bodies.required(body), key);
    int status = result.payment().status() == PaymentStatus.Unknown ? 202 : 201;
    Response.ResponseBuilder answer = Response.status(status)
        .location(URI.create("/api/history/" + result.payment().id()))
        .entity(new PaymentJson(result.payment()));
    if (result.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    String timing = ServerTiming.of(result.bankTimes());
    if (timing != null) {
      answer.header(ServerTiming.HEADER, timing);
    }
    return answer.build();
  }
}
