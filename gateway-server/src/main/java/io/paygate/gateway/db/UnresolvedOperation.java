package io.paygate.gateway.db;

import io.paygate.gateway.core.PaymentOperation;

/** An operation whose outcome is not final, with how many look-ups have failed to settle it. */
public record UnresolvedOperation(PaymentOperation operation, int lookUps) {}
