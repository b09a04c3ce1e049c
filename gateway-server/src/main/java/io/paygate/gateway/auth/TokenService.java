package io.paygate.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Access tokens: JWTs signed with HS256 (RFC 8725 practice: the algorithm is pinned by the key
 * type and checked on every parse; issuer, audience, expiry and not-before are required; the
 * header's {@code typ} is {@code at+jwt}, so no other JWT of ours passes for an access token).
 *
 * <p>A merchant sends the same access token with every request until it expires, and checking its
 * signature and parsing its JSON cost about a tenth of a payment's CPU. So a token that passed
 * every check is remembered (bounded, by the exact token text), and a later request with it only
 * has its expiry and not-before checked again against the clock. Nothing that failed a check is
 * remembered, and revocation is not decided here: callers ask {@link RevokedSessions} every time.
 */
public final class TokenService {
  static final String ISSUER = "paygate";
  static final String AUDIENCE = "paygate-api";
  static final String TYPE = "at+jwt";
  private static final long LEEWAY_SECONDS = 60;
  private static final Duration LEEWAY = Duration.ofSeconds(LEEWAY_SECONDS);
  /** Sessions whose tokens are remembered at once; beyond that, the least used are verified anew. */
  private static final int REMEMBERED = 20_000;

  private final SecretKey key;
  private final Duration ttl;
  private final Clock clock;
  private final JwtParser parser;
  private final Cache<String, Verified> verified;

  /** A verified access token. */
  public record AccessToken(UUID merchantId, UUID sessionId, Instant expiresAt) {}

  /** A token that passed every check, with the times it must be checked against again. */
  private record Verified(AccessToken token, Instant notBefore) {}

  /** A freshly issued access token. */
  public record Issued(String token, Instant expiresAt) {}

  /**
   * @param secret the signing secret, at least 32 bytes (256 bits) of UTF-8
   * @throws IllegalArgumentException when the secret is shorter than 256 bits
   */
  public TokenService(String secret, Duration ttl, Clock clock) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalArgumentException("the token signing secret must be at least 256 bits"
          + " (32 bytes) long; it is " + bytes.length * 8 + " bits");
    }
    this.key = Keys.hmacShaKeyFor(bytes);
    this.ttl = ttl;
    this.clock = clock;
    this.parser = Jwts.parser()
        .json(new JwtJson.Deserializer())
        .verifyWith(key)
        .requireIssuer(ISSUER)
        .requireAudience(AUDIENCE)
        .clockSkewSeconds(LEEWAY_SECONDS)
        .clock(() -> Date.from(clock.instant()))
        .build();
    // Pruned some time after they expire; expiry itself is checked against the clock on use.
    this.verified = Caffeine.newBuilder()
        .maximumSize(REMEMBERED)
        .expireAfterWrite(ttl.plus(LEEWAY))
        .build();
  }

  /** Issues an access token for a merchant's session. */
  public Issued issue(UUID merchantId, UUID sessionId) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String token = Jwts.builder()
        .json(new JwtJson.Serializer())
        .header().type(TYPE).and()
        .issuer(ISSUER)
        .audience().add(AUDIENCE).and()
        .subject(merchantId.toString())
        .id(UUID.randomUUID().toString())
        .claim("sid", sessionId.toString())
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(expires))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
    return new Issued(token, expires);
  }

  /**
   * Verifies an access token: signature with our key and algorithm, type, issuer, audience,
   * expiry and not-before.
   *
   * @return empty for any token that is not a valid access token of ours, whatever the reason
   */
  public Optional<AccessToken> verify(String token) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    Verified known = verified.getIfPresent(token);
    if (known != null) {
      return inForce(known) ? Optional.of(known.token()) : Optional.empty();
    }
    Optional<Verified> checked = check(token);
    checked.ifPresent(v -> verified.put(token, v));
    return checked.map(Verified::token);
  }

  /** Expiry and not-before against the clock, with the same leeway as the parser's. */
  private boolean inForce(Verified known) {
    Instant now = clock.instant();
    return !now.isAfter(known.token().expiresAt().plus(LEEWAY))
        && !now.isBefore(known.notBefore().minus(LEEWAY));
  }

  private Optional<Verified> check(String token) {
    try {
      var jws = parser.parseSignedClaims(token);
      if (!TYPE.equals(jws.getHeader().getType())
          || !Jwts.SIG.HS256.getId().equals(jws.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      Claims claims = jws.getPayload();
      if (claims.getExpiration() == null || claims.getNotBefore() == null) {
        return Optional.empty();
      }
      return Optional.of(new Verified(new AccessToken(
          UUID.fromString(claims.getSubject()),
          UUID.fromString(claims.get("sid", String.class)),
          claims.getExpiration().toInstant()), claims.getNotBefore().toInstant()));
    } catch (JwtException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
