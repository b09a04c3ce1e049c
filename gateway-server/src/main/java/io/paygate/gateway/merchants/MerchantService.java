package io.paygate.gateway.merchants;

import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.auth.PasswordHasher;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.DuplicateKeyException;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates merchant accounts, each mapped to an acquirer that is loaded, or to an ordered list of
 * them for failover.
 */
public final class MerchantService {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
  // Lengths count characters (Unicode code points), as the API document and JSON Schema do: a
  // character outside the BMP is one character, not two UTF-16 units.
  static final int MAX_NAME = 200;
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 64;

  private final MerchantRepository merchants;
  private final AcquirerRegistry acquirers;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Clock clock;

  public MerchantService(MerchantRepository merchants, AcquirerRegistry acquirers,
      PasswordHasher hasher, AuditLog audit, Clock clock) {
    this.merchants = merchants;
    this.acquirers = acquirers;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a merchant from a {@code /createuser} body.
   *
   * @throws ValidationException naming every bad field
   * @throws ApiException 409 when the login exists
   */
  public Merchant create(Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    String login = string(body, "login", errors);
    String name = string(body, "name", errors);
    String password = string(body, "password", errors);
    List<String> banks = AcquirerChoice.names(body.get("acquiringbank"), errors);
    if (login != null && !LOGIN.matcher(login).matches()) {
      errors.add(new FieldError("login",
          "must be 3 to 64 letters, digits, or the characters . _ @ -"));
    }
    if (name != null && (name.isBlank() || characters(name) > MAX_NAME || hasControl(name))) {
      errors.add(new FieldError("name", "must be 1 to " + MAX_NAME
          + " characters, without control characters"));
    }
    if (password != null) {
      passwordProblem(password).ifPresent(p -> errors.add(new FieldError("password", p)));
    }
    List<String> chosen = AcquirerChoice.resolve(banks, acquirers, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Merchant merchant = new Merchant(Ids.newId(), login, name.trim(), hasher.hash(password),
        chosen.get(0), clock.instant().truncatedTo(ChronoUnit.MICROS),
        chosen.subList(1, chosen.size()));
    try {
      merchants.insert(merchant);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a merchant with this login exists");
    }
    audit.record("merchant.created", "success", merchant.id(), null,
        "login " + login + ", acquirers " + String.join(", ", merchant.acquirers()));
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

  private static String string(Map<String, Object> body, String field, List<FieldError> errors) {
    Object v = body.get(field);
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!(v instanceof String)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    return (String) v;
  }

  /** Control characters, and unpaired surrogates (no character at all: not storable as UTF-8). */
  private static boolean hasControl(String s) {
    return s.codePoints().anyMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.SURROGATE);
  }

  private static int characters(String s) {
    return s.codePointCount(0, s.length());
  }
}
