package io.paygate.gateway.payments;

import io.paygate.gateway.core.Payment;

/**
 * The answer to a payment request.
 *
 * @param replayed whether this is the stored outcome of an earlier request with the same
 *     idempotency key
 */
public record ProcessedPayment(Payment payment, boolean replayed) {}
