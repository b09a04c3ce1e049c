package io.paygate.gateway.core;

/**
 * How a payment was settled by hand, instead of by its bank's answer.
 *
 * @param by who settled it: the name the operator gave, or {@code operator}
 * @param reason why, in the operator's words
 */
public record ManualSettlement(String by, String reason) {}
