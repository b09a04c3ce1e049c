package com.kestrelbank.paygate;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.StatusResult;
import java.util.Map;

/**
 * Kestrel Bank's numeric response codes (ISO 8583 style), read into the SPI's outcomes. A code
 * this connector does not know is {@code UNKNOWN}: the bank may have acted.
 */
final class ResponseCodes {
  /** Codes that decline, and the reason the merchant sees as {@code errorCode}. */
  private static final Map<String, String> DECLINES = Map.of(
      "05", "do_not_honour",
      "51", "insufficient_funds",
      "54", "expired_card",
      "59", "suspected_fraud");

  private ResponseCodes() {}

  static AuthorisationResult authorisation(Map<String, String> answer) {
    String code = answer.getOrDefault("code", "");
    if (code.equals("00") && answer.containsKey("auth")) {
      return AuthorisationResult.authorised(answer.get("txn"), answer.get("auth"));
    }
    if (DECLINES.containsKey(code)) {
      return AuthorisationResult.declined(DECLINES.get(code), "Kestrel Bank code " + code);
    }
    if (code.equals("91")) {
      // Issuer or switch inoperative: the bank says it did not process the payment.
      return AuthorisationResult.notProcessed("Kestrel Bank code 91: issuer unavailable");
    }
    return AuthorisationResult.unknown("Kestrel Bank answered an unknown code");
  }

  /** Codes that refuse a capture, and the reason the merchant sees as the capture's errorCode. */
  static final Map<String, String> CAPTURE_REFUSALS = Map.of(
      "13", "exceeds_authorised",
      "25", "no_such_payment");

  /** Codes that refuse a refund, and the reason the merchant sees as the refund's errorCode. */
  static final Map<String, String> REFUND_REFUSALS = Map.of(
      "13", "exceeds_captured",
      "25", "no_such_payment");

  /** A capture's or refund's answer, with the refusal reasons of that operation. */
  static OperationResult operation(Map<String, String> answer, Map<String, String> refusals) {
    String code = answer.getOrDefault("code", "");
    if (code.equals("00")) {
      return OperationResult.done(answer.get("txn"));
    }
    if (refusals.containsKey(code)) {
      return OperationResult.refused(refusals.get(code), "Kestrel Bank code " + code);
    }
    if (code.equals("91")) {
      return OperationResult.notProcessed("Kestrel Bank code 91: unavailable");
    }
    return OperationResult.unknown("Kestrel Bank answered an unknown code");
  }

  static StatusResult status(Map<String, String> answer) {
    AuthorisationResult result = authorisation(answer);
    switch (result.outcome()) {
      case AUTHORISED:
        return StatusResult.authorised(result.bankReference(), result.authorisationCode(),
            null, null);
      case DECLINED:
        return StatusResult.declined(result.reasonCode(), result.message());
      default:
        return StatusResult.unknown("Kestrel Bank's record is not final");
    }
  }
}
