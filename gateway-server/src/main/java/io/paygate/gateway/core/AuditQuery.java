package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of audit entries, newest first: every filter is optional (null).
 *
 * @param merchantId only this merchant's entries
 * @param event only this event ({@code login}, {@code payment.answered}, …)
 * @param outcome only this outcome
 * @param from entries at or after this time
 * @param to entries before this time
 * @param beforeId entries older than this one (the cursor of the previous page)
 * @param limit the most entries to return
 */
public record AuditQuery(UUID merchantId, String event, String outcome, Instant from, Instant to,
    Long beforeId, int limit) {}
