-- Performance (issue 7): every audit row paid for an index no query uses. Audit pages filter by
-- merchant and order by id, which audit_events_merchant_id (merchant_id, id) serves; the time
-- filters of those pages are checked on the rows it yields. audit_events_merchant
-- (merchant_id, occurred_at) was a fourth B-tree written for each of a payment's three audit rows.
DROP INDEX audit_events_merchant;
