package io.paygate.piggy.simulator;

/**
 * A well-formed payment request, reduced to what the bank keeps: the full card number and the CVV
 * are checked by {@link PaymentSubmissionParser} and then dropped, never stored here.
 *
 * @param reference the sender's reference, the bank's idempotency key
 * @param merchantId the merchant the payment is for
 * @param maskedCard the card number with all but the first six and last four digits masked
 * @param verdict what the bank does with this card
 * @param amount minor units, positive
 * @param currency ISO 4217 code
 */
record PaymentSubmission(
    String reference, String merchantId, String maskedCard, CardVerdict verdict, long amount,
    String currency) {}
