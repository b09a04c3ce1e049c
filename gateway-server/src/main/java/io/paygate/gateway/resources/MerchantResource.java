package io.paygate.gateway.resources;

import io.paygate.gateway.api.MerchantJson;
import io.paygate.gateway.auth.OperatorOnly;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.merchants.MerchantService;
import io.paygate.gateway.merchants.NewMerchantReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Merchant creation, for the operator. */
@Path("/")
@OperatorOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class MerchantResource {
  private final MerchantService merchants;
  private final NewMerchantReader reader;

  public MerchantResource(MerchantService merchants, NewMerchantReader reader) {
    this.merchants = merchants;
    this.reader = reader;
  }

  @POST
  @Path("createuser")
  public Response createUser(Map<String, Object> body) {
    Merchant m = merchants.create(reader.read(Bodies.required(body)));
    return Response.status(Response.Status.CREATED).entity(new MerchantJson(m)).build();
  }

  /** The same as {@code /createuser}, under the name the product uses. */
  @POST
  @Path("createmerchant")
  public Response createMerchant(Map<String, Object> body) {
    return createUser(body);
  }
}
