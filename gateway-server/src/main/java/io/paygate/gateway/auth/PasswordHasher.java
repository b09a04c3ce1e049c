package io.paygate.gateway.auth;

import java.nio.charset.StandardCharsets;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt password hashes (jBCrypt). Not final: a test counts the checks a login makes, to prove
 * that every kind of failed login costs the same bcrypt work.
 */
public class PasswordHasher {
  private final int cost;
  /** Checked against when the login is unknown, so that both failures take the same time. */
  private final String dummyHash;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.dummyHash = BCrypt.hashpw("no such merchant, same work", BCrypt.gensalt(cost));
  }

  /** The cost (log2 rounds) of new hashes. */
  public int cost() {
    return cost;
  }

  public String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(cost));
  }

  /**
   * Whether {@code password} matches {@code hash}; a null hash costs the same as a real one. A
   * password longer than bcrypt reads never matches: bcrypt would compare its first 72 bytes only,
   * so a stored password plus anything would otherwise pass.
   */
  public boolean matches(String password, String hash) {
    boolean ok = BCrypt.checkpw(password, hash == null ? dummyHash : hash);
    return ok && hash != null && fitsBcrypt(password);
  }

  /** The hash checked when the login is unknown: for tests that prove it costs the same. */
  final String unknownLoginHash() {
    return dummyHash;
  }

  /** bcrypt reads at most 72 bytes: longer passwords would be equal past that point. */
  static boolean fitsBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= 72;
  }
}
