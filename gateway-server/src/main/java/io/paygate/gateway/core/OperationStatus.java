package io.paygate.gateway.core;

/** Where an operation stands. The names are the wire names. */
public enum OperationStatus {
  /** Stored, the bank has not answered yet. */
  Pending(false),
  /** The bank carried it out. */
  Succeeded(true),
  /** The bank refused it; the reason is the operation's error code. */
  Declined(true),
  /** The bank certainly did not act. */
  Failed(true),
  /** The bank may have acted but did not answer; reconciliation will find out. */
  Unknown(false);

  private final boolean isFinal;

  OperationStatus(boolean isFinal) {
    this.isFinal = isFinal;
  }

  public boolean isFinal() {
    return isFinal;
  }
}
