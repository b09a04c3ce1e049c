package io.paygate.gateway.payments;

/**
 * How long one acquirer had a payment: one authorisation attempt that reached its connector.
 *
 * @param acquirer the acquirer's name
 * @param nanos the time at the bank, in nanoseconds
 */
public record BankTime(String acquirer, long nanos) {}
