package io.paygate.gateway.merchants;

import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code /createuser} body into a {@link NewMerchant}, or refuses it with one
 * {@link ValidationException} naming every bad field: types first ({@code login}, {@code name},
 * {@code password}, {@code acquiringbank}), then each field's rules, then whether the acquirers
 * named are loaded. Used at the edge, so that the service never reads a JSON body.
 */
public final class NewMerchantReader {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
  // Lengths count characters (Unicode code points), as the API document and JSON Schema do: a
  // character outside the BMP is one character, not two UTF-16 units.
  static final int MAX_NAME = 200;

  private final AcquirerRegistry acquirers;

  public NewMerchantReader(AcquirerRegistry acquirers) {
    this.acquirers = acquirers;
  }

  /**
   * @param body the request body, keys in lower case
   * @throws ValidationException naming every bad field
   */
  public NewMerchant read(Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    String login = string(body, "login", errors);
    String name = string(body, "name", errors);
    String password = string(body, "password", errors);
    List<String> banks = AcquirerChoice.names(body.get(AcquirerChoice.FIELD), errors);
    if (login != null && !LOGIN.matcher(login).matches()) {
      errors.add(new FieldError("login",
          "must be 3 to 64 letters, digits, or the characters . _ @ -"));
    }
    if (name != null && (name.isBlank() || characters(name) > MAX_NAME || hasControl(name))) {
      errors.add(new FieldError("name", "must be 1 to " + MAX_NAME
          + " characters, without control characters"));
    }
    if (password != null) {
      MerchantService.passwordProblem(password)
          .ifPresent(p -> errors.add(new FieldError("password", p)));
    }
    List<String> chosen = AcquirerChoice.resolve(banks, acquirers, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new NewMerchant(login, name.trim(), password, chosen);
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
