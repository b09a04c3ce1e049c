-- Operator tools (issue 10). The same file runs on H2 (in PostgreSQL mode) and on PostgreSQL.

-- A disabled merchant cannot log in and its tokens are refused; null while the merchant is active.
ALTER TABLE merchants ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
-- The operator's merchant list pages by creation time (keyset, like the payment history).
CREATE INDEX merchants_created ON merchants (created_at, id);

-- A payment settled by hand keeps who settled it (the name the operator gave, or 'operator') and
-- why; both null for a payment its bank settled.
ALTER TABLE payments ADD COLUMN settled_by VARCHAR(64);
ALTER TABLE payments ADD COLUMN settle_reason VARCHAR(500);
