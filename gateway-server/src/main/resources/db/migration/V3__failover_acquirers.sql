-- The same file runs on H2 (in PostgreSQL mode) and on PostgreSQL: keep to the SQL both speak.

-- Failover: acquirers to try, in order, after merchants.acquirer when it certainly did not process
-- a payment (unreachable, 503, circuit open). Comma-separated acquirer names; null for none.
-- payments.acquirer names the acquirer of a payment's current attempt: it is rewritten before each
-- failover attempt, while the payment is still Pending, so that after a crash reconciliation asks
-- the one bank that may have the payment (every earlier attempt certainly did not process it).
ALTER TABLE merchants ADD COLUMN fallback_acquirers VARCHAR(500);

-- Reconciliation backoff, kept with the payment so that it survives restarts and is shared by every
-- gateway on the database: how many look-ups failed to settle it, and when to look again.
ALTER TABLE payments ADD COLUMN reconcile_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN reconcile_after TIMESTAMP WITH TIME ZONE;
