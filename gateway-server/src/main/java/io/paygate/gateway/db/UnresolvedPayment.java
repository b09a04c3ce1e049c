package io.paygate.gateway.db;

import io.paygate.gateway.core.Payment;

/**
 * A payment whose outcome is not final yet, as reconciliation finds it.
 *
 * @param lookUps how many bank look-ups have failed to settle it so far
 */
public record UnresolvedPayment(Payment payment, int lookUps) {}
