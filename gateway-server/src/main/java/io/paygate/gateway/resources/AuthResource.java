package io.paygate.gateway.resources;

import io.paygate.gateway.api.TokenPairJson;
import io.paygate.gateway.auth.AuthService;
import io.paygate.gateway.auth.TokenPair;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** Login, token refresh and logout. */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
  private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

  private final AuthService auth;

  public AuthResource(AuthService auth) {
    this.auth = auth;
  }

  @POST
  @Path("login")
  public Response login(Map<String, Object> body, @Context Request request) {
    TokenPair pair = auth.login(Bodies.string(body, "login"), Bodies.string(body, "password"),
        Request.getRemoteAddr(request));
    return tokens(pair);
  }

  @POST
  @Path("token/refresh")
  public Response refresh(Map<String, Object> body) {
    TokenPair pair = auth.refresh(Bodies.string(body, "refreshtoken"));
    return tokens(pair);
  }

  @POST
  @Path("logout")
  public Response logout(Map<String, Object> body) {
    auth.logout(Bodies.string(body, "refreshtoken"));
    return Response.noContent().build();
  }

  /** The pair in the original design's field names; never stored by a cache on the way. */
  private static Response tokens(TokenPair pair) {
    return Response.ok(new TokenPairJson(pair.accessToken(), pair.accessExpires(),
        pair.refreshToken(), pair.refreshExpires())).cacheControl(NO_STORE).build();
  }
}
