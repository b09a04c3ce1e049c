package io.paygate.gateway.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Admits requests that carry a valid, unrevoked merchant access token ({@link
 * MerchantAuthenticator}), and makes the merchant the request's principal.
 */
@MerchantOnly
@Priority(Priorities.AUTHENTICATION)
public final class MerchantAuthFilter implements ContainerRequestFilter {
  private final MerchantAuthenticator authenticator;

  public MerchantAuthFilter(MerchantAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    AuthenticatedMerchant merchant =
        authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
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
