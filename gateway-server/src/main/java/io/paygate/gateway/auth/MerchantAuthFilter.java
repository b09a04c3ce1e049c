package io.paygate.gateway.auth;

import io.paygate.gateway.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Admits requests that carry a valid, unrevoked merchant access token, and makes the merchant the
 * request's principal: the merchant is the token's subject, never a field of the body.
 */
@MerchantOnly
@Priority(Priorities.AUTHENTICATION)
public final class MerchantAuthFilter implements ContainerRequestFilter {
  private final TokenService tokens;
  private final RevokedSessions revoked;

  public MerchantAuthFilter(TokenService tokens, RevokedSessions revoked) {
    this.tokens = tokens;
    this.revoked = revoked;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String bearer = BearerTokens.of(request);
    if (bearer == null) {
      throw ApiException.unauthorized("an access token is required: Authorization: Bearer <token>");
    }
    Optional<TokenService.AccessToken> token = tokens.verify(bearer);
    if (token.isEmpty() || revoked.isRevoked(token.get().sessionId())) {
      throw ApiException.unauthorized("the access token is invalid or expired; log in again");
    }
    AuthenticatedMerchant merchant =
        new AuthenticatedMerchant(token.get().merchantId(), token.get().sessionId());
    MDC.put("merchantId", merchant.getName());
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return merchant;
      }

      @Override
      public boolean isUserInRole(String role) {
        return "merchant".equals(role);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    });
  }
}
