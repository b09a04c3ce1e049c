-- Several gateway nodes on one database (docs/scaling.md). The same file runs on H2 (PostgreSQL
-- mode) and on PostgreSQL.

-- Every node polls for sessions revoked since its last look (auth/SessionSync): an index keeps
-- that a short range scan however many sessions there are.
CREATE INDEX token_families_revoked ON token_families (revoked_at);
