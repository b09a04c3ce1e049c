-- The same file runs on H2 (in PostgreSQL mode) and on PostgreSQL: keep to the SQL both speak.

-- Room for the new payment states (PartiallyCaptured, PartiallyRefunded: 17 characters).
ALTER TABLE payments ALTER COLUMN status SET DATA TYPE VARCHAR(32);

-- Running totals of a payment's captures and refunds, in minor units. "reserved" counts what is
-- done plus what is in flight or unknown: a new capture or refund is admitted by one conditional
-- UPDATE on these columns (reserved + amount <= limit), so concurrent requests, on one gateway or
-- several on one PostgreSQL, can never together pass the authorised or captured amount. A declined
-- or failed operation gives its reservation back; an unknown one keeps it until reconciled.
ALTER TABLE payments ADD COLUMN captured_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN capture_reserved_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN refunded_minor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN refund_reserved_minor BIGINT DEFAULT 0 NOT NULL;

-- One row per capture, void, refund or technical cancel, stored before its bank call.
CREATE TABLE payment_operations (
  id                  UUID PRIMARY KEY,
  payment_id          UUID NOT NULL REFERENCES payments (id),
  merchant_id         UUID NOT NULL REFERENCES merchants (id),
  type                VARCHAR(16)  NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  amount_minor        BIGINT       NOT NULL,
  currency            CHAR(3)      NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  processed_at        TIMESTAMP WITH TIME ZONE,
  acquirer            VARCHAR(64)  NOT NULL,
  acquirer_reference  VARCHAR(128),
  error_code          VARCHAR(64),
  idempotency_key     VARCHAR(255),
  request_fingerprint VARCHAR(64),
  reconcile_attempts  INTEGER DEFAULT 0 NOT NULL,
  reconcile_after     TIMESTAMP WITH TIME ZONE,
  -- Scoped to the merchant like payments' keys; a separate namespace from them.
  CONSTRAINT payment_operations_idempotency UNIQUE (merchant_id, idempotency_key)
);

CREATE INDEX payment_operations_payment ON payment_operations (payment_id, created_at);
CREATE INDEX payment_operations_status ON payment_operations (status, created_at);
