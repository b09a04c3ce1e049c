-- Several gateway nodes on one database (docs/scaling.md, docs/rate-limits.md). The same file runs
-- on H2 (PostgreSQL mode) and on PostgreSQL.

-- A merchant's own request limits, set by the operator; NULL: the gateway's default.
ALTER TABLE merchants ADD COLUMN reads_per_second INTEGER;
ALTER TABLE merchants ADD COLUMN writes_per_second INTEGER;

-- The nodes alive now: each heartbeats its row, and enforces its share of every merchant's limit
-- (the limit divided by the nodes seen lately).
CREATE TABLE gateway_nodes (
  id          VARCHAR(100) PRIMARY KEY,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
