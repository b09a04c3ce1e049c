package io.paygate.gateway.validation;

import java.util.List;

/**
 * The wire names of the fields of a payment request ({@code POST /api/process}), lower-case as
 * documented in {@code docs/rest-api.md}; field errors are named by these.
 */
public final class PaymentFields {
  public static final String CARD_NUMBER = "cardnumber";
  public static final String CVV = "cvv";
  public static final String EXPIRY_MONTH = "expirymonth";
  public static final String EXPIRY_YEAR = "expiryyear";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String CARD_HOLDER_NAME = "cardholdername";

  /** Every field, in the documented order; field errors are listed in this order. */
  public static final List<String> ALL = List.of(
      CARD_NUMBER, CVV, EXPIRY_MONTH, EXPIRY_YEAR, AMOUNT, CURRENCY, CARD_HOLDER_NAME);

  private PaymentFields() {}
}
