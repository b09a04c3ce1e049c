package io.paygate.gateway.auth;

import java.nio.charset.StandardCharsets;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt password hashes (jBCrypt). */
public final class PasswordHasher {
  private final int cost;
  /** Checked against when the login is unknown, so that both failures take the same time. */
  private final String dummyHash;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.dummyHash = BCrypt.hashpw("no such merchant, same work", BCrypt.gensalt(cost));
  }

  public String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(cost));
  }

  /** Whether {@code password} matches {@code hash}; a null hash costs the same as a real one. */
  public boolean matches(String password, String hash) {
    boolean ok = BCrypt.checkpw(password, hash == null ? dummyHash : hash);
    return ok && hash != null;
  }

  /** bcrypt reads at most 72 bytes: longer passwords would be equal past that point. */
  static boolean fitsBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= 72;
  }
}
