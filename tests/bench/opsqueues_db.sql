-- A large database for bench_opsqueues: 1,000,000 trade orders, one payment and one or two
-- flows each, 100,000 refunds (closed-but-paid, duplicate, some failed), 2,000 stuck flows,
-- 1,000 frozen orders and 13,000 open breaks. Run on a file made by `paydeskctl db init`:
--
--   build/app/paydeskctl db init --db /tmp/opsbench.sqlite
--   sqlite3 /tmp/opsbench.sqlite < tests/bench/opsqueues_db.sql
--
-- Deterministic (no random()); times spread over a year from 2024-01-01.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO trade_orders (id, merchant_id, out_trade_no, subject, amount, currency, status, paid_amount,
    refunded_amount, expires_at, created_at, updated_at, frozen, freeze_reason)
SELECT i, 'M100001', printf('PD%08d', i), 'Item', 100 + (i * 7919) % 99900, 'CNY',
    CASE WHEN i % 10 = 0 THEN 'REFUNDED' WHEN i % 1000 = 4 THEN 'PAYING' ELSE 'PAID' END,
    100 + (i * 7919) % 99900, CASE WHEN i % 10 = 0 THEN 100 + (i * 7919) % 99900 ELSE 0 END,
    1704067200000 + i * 31536 + 900000, 1704067200000 + i * 31536, 1704067200000 + i * 31536 + 2000,
    CASE WHEN i % 1000 = 8 THEN 1 ELSE 0 END, CASE WHEN i % 1000 = 8 THEN 'velocity' END
FROM n;
INSERT INTO payment_orders (id, payment_no, trade_id, amount, currency, status, created_at, updated_at)
SELECT id, 'PAY' || id, id, amount, currency, 'SUCCEEDED', created_at, updated_at FROM trade_orders;
-- The main flow on one of five channels; every fourth order adds a coupon.
INSERT INTO payment_flows (id, flow_no, payment_id, trade_id, seq, method, channel, amount, currency, status,
    channel_txn_no, created_at, updated_at, recon_pending)
SELECT id, printf('P%08d-1', id), id, id, 1, 'x',
    CASE id % 4 WHEN 0 THEN 'card' WHEN 1 THEN 'wallet' WHEN 2 THEN 'qr_a' ELSE 'qr_b' END,
    amount, currency, CASE WHEN status = 'PAYING' THEN 'PAYING' ELSE 'SUCCEEDED' END,
    printf('T%08d', id), created_at, updated_at, CASE WHEN id % 2000 = 4 THEN 1 ELSE 0 END
FROM trade_orders;
INSERT INTO payment_flows (id, flow_no, payment_id, trade_id, seq, method, channel, amount, currency, status,
    channel_txn_no, created_at, updated_at)
SELECT 1000000 + id, printf('P%08d-2', id), id, id, 2, 'coupon', 'coupon', 100, currency, 'SUCCEEDED',
    printf('C%08d', id), created_at, updated_at
FROM trade_orders WHERE id % 4 = 3;
-- Refunds on every tenth order: half closed-but-paid, a quarter duplicate, the rest by a person;
-- one in fifty failed.
INSERT INTO refund_orders (id, refund_no, trade_id, amount, currency, reason, status, created_at, updated_at)
SELECT id / 10, printf('RF%08d', id), id, amount, currency,
    CASE (id / 10) % 4 WHEN 0 THEN 'CLOSED_BUT_PAID' WHEN 1 THEN 'CLOSED_BUT_PAID' WHEN 2 THEN 'DUPLICATE_PAYMENT'
        ELSE 'CUSTOMER' END,
    CASE WHEN (id / 10) % 50 = 2 THEN 'FAILED' ELSE 'SUCCEEDED' END, created_at + 60000, created_at + 61000
FROM trade_orders WHERE id % 10 = 0;
INSERT INTO refund_flows (id, refund_flow_no, refund_id, flow_id, trade_id, channel, amount, currency, status,
    created_at, updated_at)
SELECT r.id, r.refund_no || '-1', r.id, f.id, r.trade_id, f.channel, r.amount, r.currency, r.status, r.created_at,
    r.updated_at
FROM refund_orders r JOIN payment_flows f ON f.trade_id = r.trade_id AND f.seq = 1;
-- 13,000 open breaks spread over the flows.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 13000)
INSERT INTO recon_breaks (channel, category, flow_no, channel_txn_no, local_amount, statement_amount, state, created_at)
SELECT f.channel, CASE i % 3 WHEN 0 THEN 'AMOUNT_MISMATCH' WHEN 1 THEN 'STATUS_MISMATCH' ELSE 'MISSING_AT_CHANNEL' END,
    f.flow_no, f.channel_txn_no, f.amount, f.amount + (i % 3), CASE WHEN i % 5 = 0 THEN 'HELD' ELSE 'OPEN' END,
    f.created_at + 86400000
FROM n JOIN payment_flows f ON f.id = i * 73;
COMMIT;
