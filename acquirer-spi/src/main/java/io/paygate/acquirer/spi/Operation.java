package io.paygate.acquirer.spi;

/**
 * What a connector can be asked to do with a payment. A connector declares the ones it supports in
 * {@link Acquirer#supportedOperations()}; the gateway asks only for those, and answers the merchant
 * a clear "not supported" for the others without calling the connector.
 *
 * @since 1.1
 */
public enum Operation {
  /** {@link Acquirer#authorise}: every connector supports it. */
  AUTHORISE,
  /** {@link Acquirer#capture}: take all or part of an authorised amount. */
  CAPTURE,
  /** {@link Acquirer#voidAuthorisation}: release an authorisation nothing was captured from. */
  VOID,
  /** {@link Acquirer#refund}: give back all or part of what was captured, in one or more parts. */
  REFUND,
  /**
   * {@link Acquirer#cancel}: the technical cancel of a payment whose authorisation may or may not
   * have reached the bank; the bank voids it if it has it and refuses it if it arrives later.
   */
  CANCEL
}
