package io.paygate.gateway.auth;

import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.BearerChallengeException;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Turns a merchant's {@code Authorization} header into the merchant it speaks for: a valid,
 * unrevoked access token, whose subject is the merchant (never a field of the body). Shared by
 * Jersey's {@link MerchantAuthFilter} and the plain Jetty payment endpoint, so both admit and
 * refuse exactly the same tokens with the same words.
 */
public final class MerchantAuthenticator {
  private final TokenService tokens;
  private final RevokedSessions revoked;
  private final DisabledMerchants disabled;

  public MerchantAuthenticator(TokenService tokens, RevokedSessions revoked,
      DisabledMerchants disabled) {
    this.tokens = tokens;
    this.revoked = revoked;
    this.disabled = disabled;
  }

  /**
   * The merchant of the access token in {@code authorization}; also put in the logging context
   * ({@code merchantId}), so that log lines and audit rows of the request name it.
   *
   * @param authorization the {@code Authorization} header's value, or null when there is none
   * @throws BearerChallengeException 401 when the token is missing, invalid, expired or revoked
   * @throws ApiException 403 when the operator has disabled the merchant
   */
  public AuthenticatedMerchant authenticate(String authorization) {
    String bearer = BearerTokens.of(authorization);
    if (bearer == null) {
      throw BearerChallengeException.missingToken(
          "an access token is required: Authorization: Bearer <token>");
    }
    Optional<TokenService.AccessToken> token = tokens.verify(bearer);
    if (token.isPresent() && disabled.isDisabled(token.get().merchantId())) {
      // Checked first: a disabled merchant's sessions are revoked too, and would get the 401
      // that tells a client to log in again, in vain.
      throw ApiException.merchantDisabled();
    }
    if (token.isEmpty() || revoked.isRevoked(token.get().sessionId())) {
      throw BearerChallengeException.invalidToken(
          "the access token is invalid or expired; log in again");
    }
    AuthenticatedMerchant merchant =
        new AuthenticatedMerchant(token.get().merchantId(), token.get().sessionId());
    MDC.put("merchantId", merchant.getName());
    return merchant;
  }
}
