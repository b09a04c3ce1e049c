package io.paygate.gateway.validation;

import static io.paygate.gateway.validation.PaymentFields.AMOUNT;
import static io.paygate.gateway.validation.PaymentFields.CARD_HOLDER_NAME;
import static io.paygate.gateway.validation.PaymentFields.CARD_NUMBER;
import static io.paygate.gateway.validation.PaymentFields.CURRENCY;
import static io.paygate.gateway.validation.PaymentFields.CVV;
import static io.paygate.gateway.validation.PaymentFields.EXPIRY_MONTH;
import static io.paygate.gateway.validation.PaymentFields.EXPIRY_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.errors.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentRequestValidatorTest {
  /** 25 November 2026: this month is 11/2026, last month 10/2026. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T22:11:30Z"), ZoneOffset.UTC);
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency BHD = Currency.getInstance("BHD");

  final PaymentRequestValidator validator = new PaymentRequestValidator(CLOCK);

  /** The example of docs/rest-api.md, as the JSON parser gives it. */
  static Map<String, Object> validBody() {
    Map<String, Object> body = new HashMap<>();
    body.put("cardnumber", "4242 4242 4242 4242");
    body.put("cvv", "123");
    body.put("expirymonth", new BigDecimal("12"));
    body.put("expiryyear", new BigDecimal("31"));
    body.put("amount", new BigDecimal("42.50"));
    body.put("currency", "eur");
    body.put("cardholdername", "Santa Claus");
    return body;
  }

  /** The valid body with some fields replaced: {@code with("cvv", "12", "amount", null)}. */
  static Map<String, Object> with(Object... fieldsAndValues) {
    Map<String, Object> body = validBody();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return body;
  }

  static List<FieldError> errorsOf(PaymentRequestValidator validator, Map<String, ?> body) {
    try {
      validator.validate(body);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("the body was accepted: " + body.keySet());
  }

  List<FieldError> errorsOf(Map<String, ?> body) {
    return errorsOf(validator, body);
  }

  void assertOnlyError(Map<String, ?> body, String field, String message) {
    assertThat(errorsOf(body)).containsExactly(new FieldError(field, message));
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void acceptsTheDocumentedExampleAndNormalisesIt() {
    ValidatedPayment payment = validator.validate(validBody());

    assertThat(payment.cardNumber()).isEqualTo("4242424242424242");
    assertThat(payment.cvv()).isEqualTo("123");
    assertThat(payment.expiryMonth()).isEqualTo(12);
    assertThat(payment.expiryYear()).isEqualTo(2031);
    assertThat(payment.cardHolderName()).isEqualTo("Santa Claus");
    assertThat(payment.amount()).isEqualTo(Money.ofMinor(4250, EUR));
  }

  @Test
  void ignoresFieldsTheServerOwns() {
    Map<String, Object> body = with(
        "merchantname", "Disney", "merchantid", List.of(), "id", true, "status", "Authorised",
        "somethingelse", Map.of("x", 1));

    assertThat(validator.validate(body)).isEqualTo(validator.validate(validBody()));
  }

  @ParameterizedTest
  @MethodSource("io.paygate.gateway.validation.PaymentRequestValidatorTest#allFields")
  void everyFieldIsRequired(String field) {
    Map<String, Object> missing = validBody();
    missing.remove(field);
    assertOnlyError(missing, field, "is required");
    assertOnlyError(with(field, null), field, "is required");
    assertOnlyError(with(field, ""), field, "is required");
  }

  static Stream<String> allFields() {
    return PaymentFields.ALL.stream();
  }

  @Test
  void anEmptyBodyHasSevenErrorsInTheDocumentedOrder() {
    assertThat(errorsOf(Map.of())).extracting(FieldError::field)
        .containsExactlyElementsOf(PaymentFields.ALL);
  }

  @Test
  void everyFieldWrongReportsAllSevenAtOnce() {
    Map<String, Object> body = new HashMap<>();
    body.put("cardnumber", "4242424242424241");
    body.put("cvv", "12");
    body.put("expirymonth", dec("13"));
    body.put("expiryyear", "3");
    body.put("amount", BigDecimal.ZERO);
    body.put("currency", "XXX");
    body.put("cardholdername", "Santa\nClaus");

    assertThat(errorsOf(body)).containsExactly(
        new FieldError(CARD_NUMBER, CardFields.CARD_NUMBER_CHECK_DIGIT),
        new FieldError(CVV, CardFields.CVV_FORMAT),
        new FieldError(EXPIRY_MONTH, ExpiryFields.MONTH_RANGE),
        new FieldError(EXPIRY_YEAR, ExpiryFields.YEAR_DIGITS),
        new FieldError(AMOUNT, MoneyFields.AMOUNT_NOT_POSITIVE),
        new FieldError(CURRENCY, "XXX is not a currency that can be paid in (no minor unit)"),
        new FieldError(CARD_HOLDER_NAME, CardFields.NAME_CONTROL));
  }

  @Test
  void theExceptionSummarisesTheCount() {
    assertThat(catchValidation(with("cvv", "1", "currency", "EURO")).getMessage())
        .isEqualTo("2 fields are invalid");
  }

  @Test
  void refusesANullBodyAndABadConfiguration() {
    assertThatNullPointerException().isThrownBy(() -> validator.validate(null));
    assertThatNullPointerException().isThrownBy(() -> new PaymentRequestValidator(null));
    assertThatIllegalArgumentException().isThrownBy(() -> new PaymentRequestValidator(CLOCK, 0));
    assertThat(validator.maxAmountMinor())
        .isEqualTo(PaymentRequestValidator.DEFAULT_MAX_AMOUNT_MINOR).isEqualTo(100_000_000_00L);
  }

  @Test
  void aDoubleIsAParserBugNotAClientError() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> validator.validate(with("amount", 42.5)))
        .withMessageContaining("BigDecimal");
  }

  ValidationException catchValidation(Map<String, ?> body) {
    try {
      validator.validate(body);
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("the body was accepted");
  }

  @Nested
  class CardNumber {
    @ParameterizedTest
    @ValueSource(strings = {
        "4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "4242 42424242 4242"})
    void acceptsDigitsGroupedBySpacesOrDashes(String input) {
      assertThat(validator.validate(with("cardnumber", input)).cardNumber())
          .isEqualTo("4242424242424242");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "123456789015", "3782 822463 10005", "60110000000000001", "4242424242424242428"})
    void accepts12To19Digits(String input) {
      assertThat(validator.validate(with("cardnumber", input)).cardNumber())
          .isEqualTo(input.replace(" ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42424242420", "42424242424242424242", "4242 4242 4242 4242 4242"})
    void refuses11Or20Digits(String luhnValid) {
      assertThat(Luhn.isValid(CardNumbers.normalize(luhnValid).orElseThrow())).isTrue();
      assertOnlyError(with("cardnumber", luhnValid), CARD_NUMBER, CardFields.CARD_NUMBER_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4242 4242 4242 4243", "4111111111111112"})
    void refusesAWrongCheckDigit(String input) {
      assertOnlyError(with("cardnumber", input), CARD_NUMBER, CardFields.CARD_NUMBER_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " 4242424242424242", "4242424242424242 ", "-4242-4242-4242-4242", "4242-4242-4242-4242-",
        "4242  4242 4242 4242", "4242 4242-4242 4242", "4242 4242 4242 424X", "abcd",
        "4242.4242.4242.4242", "4242\t4242\t4242\t4242", "\u0664\u0662\u0664\u0662\u0664\u0662"
            + "\u0664\u0662\u0664\u0662\u0664\u0662\u0664\u0662\u0664\u0662"})
    void refusesOtherCharactersAndMisplacedSeparators(String input) {
      assertOnlyError(with("cardnumber", input), CARD_NUMBER, CardFields.CARD_NUMBER_FORMAT);
    }

    @Test
    void refusesAJsonNumberAskingForAString() {
      List<Object> numbers =
          List.of(dec("4242424242424242"), 4242424242424242L, new BigInteger("4242424242424242"));
      for (Object number : numbers) {
        assertThat(errorsOf(with("cardnumber", number))).singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo(CARD_NUMBER);
          assertThat(e.message()).contains("string").contains("leading zeros");
        });
      }
    }

    @Test
    void refusesOtherJsonTypes() {
      for (Object wrong : List.of(true, List.of("4242"), Map.of("n", "4242"))) {
        assertOnlyError(with("cardnumber", wrong), CARD_NUMBER, "must be a string");
      }
    }
  }

  @Nested
  class Cvv {
    @ParameterizedTest
    @ValueSource(strings = {"123", "0123", "012", "9999", "000"})
    void acceptsAStringOf3Or4Digits(String cvv) {
      assertThat(validator.validate(with("cvv", cvv)).cvv()).isEqualTo(cvv);
    }

    @Test
    void acceptsAWholeNumberWrittenWith3Or4Digits() {
      assertThat(validator.validate(with("cvv", dec("123"))).cvv()).isEqualTo("123");
      assertThat(validator.validate(with("cvv", dec("4567"))).cvv()).isEqualTo("4567");
      assertThat(validator.validate(with("cvv", 321)).cvv()).isEqualTo("321");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12", "12345", "12a", " 123", "123 ", "1.23", "-12", "\u0661\u0662\u0663"})
    void refusesOtherStrings(String cvv) {
      assertOnlyError(with("cvv", cvv), CVV, CardFields.CVV_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "0", "12345", "123.0", "12.3", "-123", "1E+2", "1E+1000000000"})
    void refusesOtherNumbersAskingForAString(String number) {
      assertOnlyError(with("cvv", dec(number)), CVV, CardFields.CVV_NUMBER);
      assertThat(CardFields.CVV_NUMBER).contains("string").contains("leading zeros");
    }

    @Test
    void refusesOtherJsonTypes() {
      for (Object wrong : List.of(true, List.of("123"), Map.of())) {
        assertOnlyError(with("cvv", wrong), CVV, CardFields.CVV_FORMAT);
      }
    }
  }

  @Nested
  class ExpiryMonth {
    @Test
    void acceptsAWholeNumberFrom1To12AsNumberOrString() {
      assertThat(validator.validate(with("expirymonth", dec("1"))).expiryMonth()).isEqualTo(1);
      assertThat(validator.validate(with("expirymonth", 12)).expiryMonth()).isEqualTo(12);
      assertThat(validator.validate(with("expirymonth", "7")).expiryMonth()).isEqualTo(7);
      assertThat(validator.validate(with("expirymonth", "07")).expiryMonth()).isEqualTo(7);
      assertThat(validator.validate(with("expirymonth", dec("12.0"))).expiryMonth()).isEqualTo(12);
    }

    @Test
    void refusesMonthsOutsideTheYear() {
      for (Object month : List.of(dec("0"), dec("13"), "0", "00", "13", dec("-1"), "-1",
          "99999999999999999999999", dec("1E+1000000000"), dec("-1E+1000000000"))) {
        assertOnlyError(with("expirymonth", month), EXPIRY_MONTH, ExpiryFields.MONTH_RANGE);
      }
    }

    @Test
    void refusesWhatIsNotAWholeNumber() {
      for (Object month : List.of(dec("1.5"), dec("0.5"), dec("1E-1000000000"), "abc", "7.0",
          " 7", "+7", true, List.of(7), Map.of())) {
        assertOnlyError(with("expirymonth", month), EXPIRY_MONTH, "must be a whole number");
      }
    }
  }

  @Nested
  class ExpiryYear {
    @Test
    void acceptsTwoOrFourDigitsAsNumberOrString() {
      for (Object year : List.of(dec("31"), "31", dec("2031"), "2031", 31, 2031L)) {
        assertThat(validator.validate(with("expiryyear", year)).expiryYear()).isEqualTo(2031);
      }
    }

    @Test
    void readsANumberBelow100AsTwoDigitsThatLostALeadingZero() {
      assertOnlyError(with("expiryyear", dec("5")), EXPIRY_YEAR, ExpiryFields.EXPIRED);
      assertThat(validator.validate(with("expiryyear", "30")).expiryYear()).isEqualTo(2030);
    }

    @Test
    void refusesOtherDigitCounts() {
      for (Object year : List.of("5", "031", "0031", "20311", dec("100"), dec("999"),
          dec("20311"), dec("-31"), "-31", dec("1E+1000000000"))) {
        assertOnlyError(with("expiryyear", year), EXPIRY_YEAR, ExpiryFields.YEAR_DIGITS);
      }
    }

    @Test
    void refusesWhatIsNotAWholeNumber() {
      for (Object year : List.of(dec("31.5"), "31.0", "2O31", true, List.of(31))) {
        assertOnlyError(with("expiryyear", year), EXPIRY_YEAR, "must be a whole number");
      }
    }

    @Test
    void acceptsTheCurrentMonth() {
      ValidatedPayment payment = validator.validate(with("expirymonth", 11, "expiryyear", 26));
      assertThat(payment.expiryMonth()).isEqualTo(11);
      assertThat(payment.expiryYear()).isEqualTo(2026);
    }

    @Test
    void refusesLastMonthWithOneErrorOnTheYear() {
      assertOnlyError(with("expirymonth", 10, "expiryyear", 2026),
          EXPIRY_YEAR, "the card has expired");
      assertOnlyError(with("expirymonth", 12, "expiryyear", "25"),
          EXPIRY_YEAR, "the card has expired");
    }

    @Test
    void aCardIsValidThroughTheLastInstantOfItsMonthInUtc() {
      Map<String, Object> november = with("expirymonth", 11, "expiryyear", 2026);
      Instant lastMoment = Instant.parse("2026-11-30T23:59:59.999999999Z");
      assertThat(validatorAt(Clock.fixed(lastMoment, ZoneOffset.UTC)).validate(november))
          .isNotNull();
      assertThat(errorsOf(validatorAt(Clock.fixed(lastMoment.plusNanos(1), ZoneOffset.UTC)),
          november)).containsExactly(new FieldError(EXPIRY_YEAR, ExpiryFields.EXPIRED));
    }

    @Test
    void ignoresTheZoneOfTheClock() {
      // 1 December in Tokyo, still 30 November in UTC.
      Clock tokyo = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
      assertThat(validatorAt(tokyo).validate(with("expirymonth", 11, "expiryyear", 2026)))
          .isNotNull();
    }

    @Test
    void acceptsUpTo20YearsAhead() {
      assertThat(validator.validate(with("expiryyear", 2046)).expiryYear()).isEqualTo(2046);
      assertThat(validator.validate(with("expiryyear", "46")).expiryYear()).isEqualTo(2046);
      assertOnlyError(with("expiryyear", 2047), EXPIRY_YEAR, ExpiryFields.YEAR_TOO_FAR);
      assertOnlyError(with("expiryyear", "99"), EXPIRY_YEAR, ExpiryFields.YEAR_TOO_FAR);
      assertOnlyError(with("expiryyear", "9999"), EXPIRY_YEAR, ExpiryFields.YEAR_TOO_FAR);
    }

    @Test
    void withABadMonthAPastYearIsStillExpiredAndTheCurrentYearIsNot() {
      assertThat(errorsOf(with("expirymonth", 13, "expiryyear", 2025))).containsExactly(
          new FieldError(EXPIRY_MONTH, ExpiryFields.MONTH_RANGE),
          new FieldError(EXPIRY_YEAR, ExpiryFields.EXPIRED));
      assertThat(errorsOf(with("expirymonth", 13, "expiryyear", 2026))).containsExactly(
          new FieldError(EXPIRY_MONTH, ExpiryFields.MONTH_RANGE));
    }

    PaymentRequestValidator validatorAt(Clock clock) {
      return new PaymentRequestValidator(clock);
    }
  }

  @Nested
  class Amount {
    @Test
    void acceptsADecimalInTheMajorUnit() {
      assertThat(amountOf(dec("42.50"), "EUR")).isEqualTo(Money.ofMinor(4250, EUR));
      assertThat(amountOf(dec("42.5"), "EUR")).isEqualTo(Money.ofMinor(4250, EUR));
      assertThat(amountOf(dec("10"), "EUR")).isEqualTo(Money.ofMinor(1000, EUR));
      assertThat(amountOf(dec("0.01"), "EUR")).isEqualTo(Money.ofMinor(1, EUR));
      assertThat(amountOf(7, "EUR")).isEqualTo(Money.ofMinor(700, EUR));
    }

    @Test
    void acceptsAPlainDecimalString() {
      assertThat(amountOf("42.50", "EUR")).isEqualTo(Money.ofMinor(4250, EUR));
      assertThat(amountOf("42", "EUR")).isEqualTo(Money.ofMinor(4200, EUR));
    }

    @Test
    void allowsAsManyDecimalsAsTheCurrencyHas() {
      assertThat(amountOf(dec("10.0"), "JPY")).isEqualTo(Money.ofMinor(10, JPY));
      assertThat(amountOf(dec("10"), "JPY")).isEqualTo(Money.ofMinor(10, JPY));
      assertThat(amountOf(dec("1.234"), "BHD")).isEqualTo(Money.ofMinor(1234, BHD));
      assertThat(amountOf(dec("42.500000"), "EUR")).isEqualTo(Money.ofMinor(4250, EUR));
    }

    @Test
    void refusesMoreDecimalsNamingTheCurrencyAndItsDecimals() {
      assertOnlyError(with("amount", dec("10.5"), "currency", "JPY"), AMOUNT,
          "must be a whole number: JPY has no decimals");
      assertOnlyError(with("amount", "10.5", "currency", "jpy"), AMOUNT,
          "must be a whole number: JPY has no decimals");
      assertOnlyError(with("amount", dec("1.2345"), "currency", "BHD"), AMOUNT,
          "must have at most 3 decimals for BHD");
      assertOnlyError(with("amount", dec("42.501"), "currency", "EUR"), AMOUNT,
          "must have at most 2 decimals for EUR");
    }

    @Test
    void refusesZeroAndNegativeAmounts() {
      for (Object amount : List.of(BigDecimal.ZERO, dec("0.00"), dec("-1"), dec("-0.01"), "0",
          "-42.50", 0, dec("-1E+1000000000"), dec("0E+1000000000"))) {
        assertOnlyError(with("amount", amount), AMOUNT, "must be greater than zero");
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1e3", "1E3", "+5", "1,000.00", "1 000", " 42.50", "42.50 ", "42.", ".5", "abc", "€42",
        "42.50EUR", "0x10", "NaN", "Infinity", "\u0664\u0662"})
    void refusesStringsThatAreNotPlainDecimals(String amount) {
      assertOnlyError(with("amount", amount), AMOUNT, MoneyFields.AMOUNT_FORMAT);
    }

    @Test
    void refusesOtherJsonTypes() {
      for (Object wrong : List.of(true, List.of(dec("42.50")), Map.of("value", 42))) {
        assertOnlyError(with("amount", wrong), AMOUNT, MoneyFields.AMOUNT_TYPE);
      }
    }

    @Test
    void refusesMoreThanTheMaximumGivenInMajorUnits() {
      PaymentRequestValidator small = new PaymentRequestValidator(CLOCK, 1_000_00);
      assertThat(small.validate(with("amount", dec("1000.00"))).amount())
          .isEqualTo(Money.ofMinor(1_000_00, EUR));
      assertThat(errorsOf(small, with("amount", dec("1000.01")))).containsExactly(
          new FieldError(AMOUNT, "must not be more than 1000.00 EUR"));
      assertThat(errorsOf(small, with("amount", "100001", "currency", "JPY"))).containsExactly(
          new FieldError(AMOUNT, "must not be more than 100000 JPY"));
      assertThat(errorsOf(small, with("amount", "100.001", "currency", "BHD"))).containsExactly(
          new FieldError(AMOUNT, "must not be more than 100.000 BHD"));
    }

    @Test
    void theDefaultMaximumIs100MillionOfATwoDecimalCurrency() {
      assertThat(amountOf(dec("100000000.00"), "EUR"))
          .isEqualTo(Money.ofMinor(100_000_000_00L, EUR));
      assertOnlyError(with("amount", dec("100000000.01")), AMOUNT,
          "must not be more than 100000000.00 EUR");
    }

    @Test
    void refusesAmountsBeyondALongOfMinorUnitsAsTooLarge() {
      for (Object amount : List.of(dec("1E+18"), dec("9223372036854775807"),
          "99999999999999999999", dec("1E+1000000000"))) {
        assertOnlyError(with("amount", amount), AMOUNT, "must not be more than 100000000.00 EUR");
      }
    }

    @Test
    void refusesNumbersWithTooManyDigits() {
      String manyZeros = "1." + "0".repeat(60);
      assertOnlyError(with("amount", dec(manyZeros)), AMOUNT, MoneyFields.AMOUNT_TOO_MANY_DIGITS);
      assertOnlyError(with("amount", manyZeros), AMOUNT, MoneyFields.AMOUNT_TOO_MANY_DIGITS);
    }

    @Test
    void withABadCurrencyReportsOnlyTheCurrencyForTheDecimalsAndTheMaximum() {
      for (Object amount : List.of(dec("10.5"), dec("1.23456"), "100000000000.00")) {
        assertThat(errorsOf(with("amount", amount, "currency", "XXX")))
            .extracting(FieldError::field).containsExactly(CURRENCY);
        assertThat(errorsOf(with("amount", amount, "currency", null)))
            .extracting(FieldError::field).containsExactly(CURRENCY);
      }
    }

    @Test
    void withABadCurrencyStillReportsWhatDoesNotDependOnIt() {
      assertThat(errorsOf(with("amount", dec("-1"), "currency", "QQQ"))).containsExactly(
          new FieldError(AMOUNT, MoneyFields.AMOUNT_NOT_POSITIVE),
          new FieldError(CURRENCY, "QQQ is not an ISO 4217 currency code"));
      assertThat(errorsOf(with("amount", dec("1E+1000000000"), "currency", "QQQ")))
          .extracting(FieldError::message)
          .containsExactly(MoneyFields.AMOUNT_TOO_LARGE, "QQQ is not an ISO 4217 currency code");
    }

    Money amountOf(Object amount, String currency) {
      return validator.validate(with("amount", amount, "currency", currency)).amount();
    }
  }

  @Nested
  class CurrencyField {
    @ParameterizedTest
    @ValueSource(strings = {"EUR", "eur", "Eur", "eUR"})
    void acceptsAnIsoCodeInAnyCase(String code) {
      assertThat(validator.validate(with("currency", code)).amount().currency()).isEqualTo(EUR);
    }

    @Test
    void upperCasesIndependentlyOfTheDefaultLocale() {
      Locale saved = Locale.getDefault();
      Locale.setDefault(new Locale("tr", "TR"));
      try {
        assertThat(validator.validate(with("currency", "try")).amount().currency())
            .isEqualTo(Currency.getInstance("TRY"));
      } finally {
        Locale.setDefault(saved);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "xau", "XAG", "XDR"})
    void refusesCodesWithoutAMinorUnit(String code) {
      String upper = code.toUpperCase(Locale.ROOT);
      assertOnlyError(with("currency", code), CURRENCY,
          upper + " is not a currency that can be paid in (no minor unit)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQQ", "ABC", "zzz"})
    void refusesUnknownCodes(String code) {
      assertOnlyError(with("currency", code), CURRENCY,
          code.toUpperCase(Locale.ROOT) + " is not an ISO 4217 currency code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU", "EURO", " EUR", "E1R", "€", "978", "ÉUR", "\u0395UR"})
    void refusesWhatIsNotThreeLetters(String code) {
      assertOnlyError(with("currency", code), CURRENCY, MoneyFields.CURRENCY_FORMAT);
    }

    @Test
    void refusesOtherJsonTypes() {
      for (Object wrong : List.of(dec("978"), true, List.of("EUR"))) {
        assertThat(errorsOf(with("currency", wrong))).containsExactly(
            new FieldError(CURRENCY, MoneyFields.CURRENCY_NOT_STRING));
      }
      assertThat(MoneyFields.CURRENCY_NOT_STRING).startsWith("must be a string");
    }
  }

  @Nested
  class CardHolderName {
    @Test
    void trimsAndKeepsAnyScript() {
      assertThat(nameOf("  Santa Claus \u3000")).isEqualTo("Santa Claus");
      assertThat(nameOf("Zoë Ødegård-Łukasiewicz 李小龍 O'Brien")).isEqualTo(
          "Zoë Ødegård-Łukasiewicz 李小龍 O'Brien");
      assertThat(nameOf("X")).isEqualTo("X");
    }

    @Test
    void acceptsUpTo100Characters() {
      String hundred = "a".repeat(100);
      assertThat(nameOf("  " + hundred + "  ")).isEqualTo(hundred);
      assertOnlyError(with("cardholdername", "a".repeat(101)), CARD_HOLDER_NAME,
          "must be at most 100 characters");
    }

    @Test
    void refusesABlankName() {
      for (String blank : List.of(" ", "   ", "\u3000")) {
        assertOnlyError(with("cardholdername", blank), CARD_HOLDER_NAME, CardFields.NAME_BLANK);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Santa\nClaus", "Santa\r\nClaus", "Santa Claus\n", "\nSanta Claus", "Santa\tClaus",
        "Santa\u0000Claus", "Santa\u001bClaus", "Santa\u007fClaus", "Santa\u0085Claus",
        "Santa\u2028Claus", "Santa\u2029Claus", "Santa\u202eClaus", "Santa\u2066Claus",
        "Santa\ud800Claus"})
    void refusesControlCharactersAndLineBreaksAnywhere(String name) {
      assertOnlyError(with("cardholdername", name), CARD_HOLDER_NAME, CardFields.NAME_CONTROL);
    }

    @Test
    void refusesOtherJsonTypes() {
      for (Object wrong : List.of(dec("42"), true, List.of("Santa"), Map.of())) {
        assertOnlyError(with("cardholdername", wrong), CARD_HOLDER_NAME, "must be a string");
      }
    }

    String nameOf(String name) {
      return validator.validate(with("cardholdername", name)).cardHolderName();
    }
  }

  @Nested
  class CardDataNeverLeaks {
    static final String SENTINEL_CARD = "4929135786420917"; // Luhn-invalid on purpose
    static final String SENTINEL_CVV = "7391";

    @Test
    void theSentinelCardNumberIsLuhnInvalid() {
      assertThat(Luhn.isValid(SENTINEL_CARD)).isFalse();
    }

    @Test
    void noErrorMessageRepeatsTheCardNumberOrTheCvv() {
      List<Map<String, Object>> bodies = new ArrayList<>();
      for (Object card : List.of(SENTINEL_CARD, "4929 1357 8642 0917", "4929-1357-8642-0917",
          SENTINEL_CARD + "x", SENTINEL_CARD + "9999", SENTINEL_CARD.substring(0, 11),
          "4929 1357-8642 0917", dec(SENTINEL_CARD), Long.parseLong(SENTINEL_CARD),
          SENTINEL_CARD.repeat(100))) {
        for (Object cvv : List.of(SENTINEL_CVV + "1", SENTINEL_CVV.substring(0, 2) + "x",
            dec(SENTINEL_CVV + "1"), dec(SENTINEL_CVV + ".0"), List.of(SENTINEL_CVV))) {
          bodies.add(with("cardnumber", card, "cvv", cvv, "amount", dec("0"),
              "cardholdername", "\n", "currency", "XXX", "expirymonth", 13, "expiryyear", 1));
        }
      }
      // A valid card and CVV with every other field wrong.
      bodies.add(with("cardnumber", "4242424242424242", "cvv", SENTINEL_CVV,
          "amount", "x", "currency", "x", "expirymonth", "x", "expiryyear", "x"));

      for (Map<String, Object> body : bodies) {
        ValidationException e = catchValidation(body);
        List<String> texts = new ArrayList<>();
        texts.add(e.getMessage());
        texts.add(e.toString());
        e.errors().forEach(error -> texts.add(error.toString()));
        assertThat(texts).allSatisfy(text -> assertThat(text)
            .doesNotContain(SENTINEL_CARD)
            .doesNotContain(SENTINEL_CARD.substring(0, 6))
            .doesNotContain(SENTINEL_CARD.substring(12))
            .doesNotContain("4242424242424242")
            .doesNotContain(SENTINEL_CVV));
      }
    }

    @Test
    void toStringShowsOnlyTheMaskedNumberAndNeverTheCvv() {
      ValidatedPayment payment = validator.validate(with("cvv", "987"));

      assertThat(payment.maskedCardNumber()).isEqualTo("424242******4242");
      assertThat(payment.toString())
          .isEqualTo("ValidatedPayment[card=424242******4242, expiry=12/2031, amount=42.50 EUR]")
          .doesNotContain("4242424242424242")
          .doesNotContain("987")
          .doesNotContain("Santa");
    }
  }

  @Nested
  class AbsurdInputs {
    static final String TEN_THOUSAND_DIGITS = "9".repeat(10_000);

    static Stream<Arguments> absurdValues() {
      return Stream.of(
          Arguments.of(CARD_NUMBER, TEN_THOUSAND_DIGITS, CardFields.CARD_NUMBER_LENGTH),
          Arguments.of(CARD_NUMBER, "4242 ".repeat(10_000), CardFields.CARD_NUMBER_LENGTH),
          Arguments.of(CVV, TEN_THOUSAND_DIGITS, CardFields.CVV_FORMAT),
          Arguments.of(CVV, dec("1E+1000000000"), CardFields.CVV_NUMBER),
          Arguments.of(CVV, dec(TEN_THOUSAND_DIGITS), CardFields.CVV_NUMBER),
          Arguments.of(EXPIRY_MONTH, TEN_THOUSAND_DIGITS, ExpiryFields.MONTH_RANGE),
          Arguments.of(EXPIRY_MONTH, dec("1E+1000000000"), ExpiryFields.MONTH_RANGE),
          Arguments.of(EXPIRY_MONTH, dec("1E-1000000000"), ExpiryFields.NOT_WHOLE),
          Arguments.of(EXPIRY_MONTH, dec("1." + "0".repeat(10_000)), ExpiryFields.NOT_WHOLE),
          Arguments.of(EXPIRY_YEAR, TEN_THOUSAND_DIGITS, ExpiryFields.YEAR_DIGITS),
          Arguments.of(EXPIRY_YEAR, dec("1E+1000000000"), ExpiryFields.YEAR_DIGITS),
          Arguments.of(EXPIRY_YEAR, dec(TEN_THOUSAND_DIGITS), ExpiryFields.YEAR_DIGITS),
          Arguments.of(AMOUNT, TEN_THOUSAND_DIGITS, MoneyFields.AMOUNT_TOO_MANY_DIGITS),
          Arguments.of(AMOUNT, "1." + "0".repeat(10_000), MoneyFields.AMOUNT_TOO_MANY_DIGITS),
          Arguments.of(AMOUNT, "1e" + TEN_THOUSAND_DIGITS, MoneyFields.AMOUNT_FORMAT),
          Arguments.of(AMOUNT, dec("1E+1000000000"), "must not be more than 100000000.00 EUR"),
          Arguments.of(AMOUNT, dec("1E+2147483647"), "must not be more than 100000000.00 EUR"),
          Arguments.of(AMOUNT, dec(TEN_THOUSAND_DIGITS), "must not be more than 100000000.00 EUR"),
          Arguments.of(AMOUNT, dec("1E-1000000000"), "must have at most 2 decimals for EUR"),
          Arguments.of(AMOUNT, dec("1E-2147483647"), "must have at most 2 decimals for EUR"),
          Arguments.of(AMOUNT, dec("1." + "0".repeat(10_000)), MoneyFields.AMOUNT_TOO_MANY_DIGITS),
          Arguments.of(CURRENCY, "E".repeat(10_000), MoneyFields.CURRENCY_FORMAT),
          Arguments.of(CARD_HOLDER_NAME, "a".repeat(10_000), CardFields.NAME_TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdValues")
    void areRefusedQuickly(String field, Object value, String message) {
      Map<String, Object> body = with(field, value);
      List<FieldError> errors =
          assertTimeoutPreemptively(Duration.ofMillis(500), () -> errorsOf(body));
      assertThat(errors).containsExactly(new FieldError(field, message));
    }

    @Test
    void aBodyOfAbsurdValuesIsRefusedQuicklyWithEveryError() {
      Map<String, Object> body = new HashMap<>();
      body.put("cardnumber", TEN_THOUSAND_DIGITS);
      body.put("cvv", dec("1E+1000000000"));
      body.put("expirymonth", dec("1E+1000000000"));
      body.put("expiryyear", dec("-1E+1000000000"));
      body.put("amount", dec("1E+1000000000"));
      body.put("currency", TEN_THOUSAND_DIGITS);
      body.put("cardholdername", "\n".repeat(10_000));

      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        assertThat(errorsOf(body)).hasSize(7);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }
}
