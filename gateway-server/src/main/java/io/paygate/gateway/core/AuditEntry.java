package io.paygate.gateway.core;

/** An audit event as stored, with its position in the log (ids grow with time). */
public record AuditEntry(long id, AuditEvent event) {}
