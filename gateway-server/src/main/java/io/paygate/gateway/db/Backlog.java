package io.paygate.gateway.db;

import io.paygate.gateway.core.PaymentStatus;
import java.time.Instant;

/** The payments of one unresolved status: how many, and when the oldest was received. */
public record Backlog(PaymentStatus status, long count, Instant oldest) {}
