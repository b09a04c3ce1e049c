-- Security (issue 4): login lockout counters and audit reading. Runs on H2 (PostgreSQL mode) and
-- PostgreSQL alike.

-- Failed logins in a row per merchant account (PCI DSS 8.3.4): counted per account, never per
-- address, and kept in the database so that a restart does not unlock anyone.
CREATE TABLE login_attempts (
  merchant_id  UUID PRIMARY KEY REFERENCES merchants (id),
  failures     INTEGER NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);

-- Audit pages are newest first by id, for the operator and for one merchant.
CREATE INDEX audit_events_merchant_id ON audit_events (merchant_id, id);
