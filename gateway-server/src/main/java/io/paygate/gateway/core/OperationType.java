package io.paygate.gateway.core;

import io.paygate.acquirer.spi.Operation;

/** What an operation on an existing payment does. The lower-case names are the wire names. */
public enum OperationType {
  Capture(Operation.CAPTURE),
  Void(Operation.VOID),
  Refund(Operation.REFUND),
  /** The technical cancel reconciliation sends for a payment whose outcome stays unknowable. */
  Cancel(Operation.CANCEL);

  private final Operation spi;

  OperationType(Operation spi) {
    this.spi = spi;
  }

  /** The SPI's name of it, to check what a plug-in supports. */
  public Operation spi() {
    return spi;
  }

  /** {@code capture}, {@code void}, {@code refund}, {@code cancel}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
