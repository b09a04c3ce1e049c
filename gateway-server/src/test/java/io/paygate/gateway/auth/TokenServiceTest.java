package io.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token already verified once is remembered, so these check that what it is remembered for
 * still holds on every later use: it expires, it is not valid before its time, and nothing else
 * passes for it.
 */
class TokenServiceTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(15), clock);
  private final UUID merchant = UUID.randomUUID();
  private final UUID session = UUID.randomUUID();

  @Test
  void aTokenUsedBeforeStillExpiresWithAtMostAMinuteOfLeeway() {
    String token = tokens.issue(merchant, session).token();
    assertThat(tokens.verify(token)).hasValueSatisfying(t -> {
      assertThat(t.merchantId()).isEqualTo(merchant);
      assertThat(t.sessionId()).isEqualTo(session);
    });

    clock.advance(Duration.ofMinutes(16));
    assertThat(tokens.verify(token)).as("within the minute of leeway").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.verify(token)).as("past expiry and leeway").isEmpty();
  }

  @Test
  void aTokenUsedBeforeIsRefusedWhenTheClockIsBeforeItsNotBefore() {
    String token = tokens.issue(merchant, session).token();
    assertThat(tokens.verify(token)).isPresent();

    clock.advance(Duration.ofSeconds(-61));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void aTamperedCopyOfATokenUsedBeforeIsRefused() {
    String token = tokens.issue(merchant, session).token();
    assertThat(tokens.verify(token)).isPresent();

    // The signature's first character: all six of its bits count (the last one's low bits do not).
    int at = token.lastIndexOf('.') + 1;
    String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A')
        + token.substring(at + 1);
    assertThat(tokens.verify(tampered)).isEmpty();
    assertThat(tokens.verify(token + ".")).isEmpty();
    assertThat(tokens.verify(token)).isPresent();
  }

  @Test
  void anotherKeysTokenIsRefusedEvenForTheSameSession() {
    TokenService other = new TokenService(SECRET.replace('0', 'z'), Duration.ofMinutes(15), clock);
    String mine = tokens.issue(merchant, session).token();
    assertThat(tokens.verify(mine)).isPresent();

    assertThat(tokens.verify(other.issue(merchant, session).token())).isEmpty();
  }
}
