package io.paygate.gateway.merchants;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.auth.PasswordHasher;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.DuplicateKeyException;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates merchant accounts, each mapped to an acquirer that is loaded, or to an ordered list of
 * them for failover; the request is read and checked at the edge ({@link NewMerchantReader}).
 */
public final class MerchantService {
  // Lengths count characters (Unicode code points), as the API document and JSON Schema do: a
  // character outside the BMP is one character, not two UTF-16 units.
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 64;

  private final MerchantRepository merchants;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Clock clock;

  public MerchantService(MerchantRepository merchants, PasswordHasher hasher, AuditLog audit,
      Clock clock) {
    this.merchants = merchants;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a merchant, read and checked at the edge ({@link NewMerchantReader}).
   *
   * @throws ApiException 409 when the login exists
   */
  public Merchant create(NewMerchant request) {
    List<String> chosen = request.acquirers();
    Merchant merchant = new Merchant(Ids.newId(), request.login(), request.name(),
        hasher.hash(request.password()), chosen.get(0),
        clock.instant().truncatedTo(ChronoUnit.MICROS), chosen.subList(1, chosen.size()));
    try {
      merchants.insert(merchant);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a merchant with this login exists");
    }
    audit.record("merchant.created", "success", merchant.id(), null,
        "login " + request.login() + ", acquirers " + String.join(", ", merchant.acquirers()));
    return merchant;
  }

  /**
   * PCI DSS 8.3.6: at least 12 characters with letters and digits. At most 64, and within bcrypt's
   * 72 bytes, so that two long passwords can never hash alike.
   */
  static Optional<String> passwordProblem(String password) {
    int length = characters(password);
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      return Optional.of("must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      return Optional.of("must be at most 72 bytes in UTF-8");
    }
    boolean letter = password.codePoints().anyMatch(Character::isLetter);
    boolean digit = password.codePoints().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return Optional.of("must contain both letters and digits");
    }
    return Optional.empty();
  }

  private static int characters(String s) {
    return s.codePointCount(0, s.length());
  }
}
