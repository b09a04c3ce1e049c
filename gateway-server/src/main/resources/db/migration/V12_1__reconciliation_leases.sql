-- Several gateway nodes on one database (docs/scaling.md). The same file runs on H2 (PostgreSQL
-- mode) and on PostgreSQL.

-- Reconciliation leases: one node at a time looks an unresolved payment or operation up; a dead
-- node's lease runs out and another node takes the row over.
ALTER TABLE payments ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE payments ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_operations ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE payment_operations ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
