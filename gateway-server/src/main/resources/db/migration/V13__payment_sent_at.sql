-- Performance (issue 15): a payment's own row is its trail. Received is created_at (written,
-- durably, before any bank is called), answered is processed_at with the status as the outcome,
-- and sent is this column, written with the outcome in the same update (no extra write). They
-- replace the payment.received and payment.sent audit rows, which cost two inserts into three
-- B-trees per payment on the single group-commit writer; payment.answered stays in the audit
-- table, once per bank attempt (see SECURITY.md, PCI DSS 10.2).
ALTER TABLE payments ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
