#include "schema.h"

#include "database.h"

namespace pay::schema {

namespace {

// Tables of version 1. Plain SQL that SQLite and PostgreSQL both accept (INTEGER amounts,
// TEXT states, no AUTOINCREMENT); the SQLite-only parts are in sqliteDialect().
QStringList tablesV1()
{
    return {
        QStringLiteral("CREATE TABLE trade_orders ("
                       " id INTEGER PRIMARY KEY,"
                       " merchant_id TEXT NOT NULL,"
                       " out_trade_no TEXT NOT NULL,"
                       " subject TEXT NOT NULL,"
                       " amount INTEGER NOT NULL CHECK (amount > 0),"
                       " currency TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " paid_amount INTEGER NOT NULL DEFAULT 0,"
                       " refunded_amount INTEGER NOT NULL DEFAULT 0,"
                       " expires_at INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_trade_merchant_no ON trade_orders(merchant_id, out_trade_no)"),
        QStringLiteral("CREATE INDEX ix_trade_status ON trade_orders(status, id)"),
        QStringLiteral("CREATE INDEX ix_trade_out_no ON trade_orders(out_trade_no)"),
        QStringLiteral("CREATE TABLE payment_orders ("
                       " id INTEGER PRIMARY KEY,"
                       " payment_no TEXT NOT NULL,"
                       " trade_id INTEGER NOT NULL REFERENCES trade_orders(id),"
                       " amount INTEGER NOT NULL CHECK (amount > 0),"
                       " currency TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " fail_reason TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_payment_no ON payment_orders(payment_no)"),
        QStringLiteral("CREATE INDEX ix_payment_trade ON payment_orders(trade_id)"),
        QStringLiteral("CREATE TABLE payment_flows ("
                       " id INTEGER PRIMARY KEY,"
                       " flow_no TEXT NOT NULL,"
                       " payment_id INTEGER NOT NULL REFERENCES payment_orders(id),"
                       " trade_id INTEGER NOT NULL REFERENCES trade_orders(id),"
                       " seq INTEGER NOT NULL,"
                       " method TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " account TEXT,"
                       " amount INTEGER NOT NULL CHECK (amount > 0),"
                       " currency TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " channel_txn_no TEXT,"
                       " fail_code TEXT,"
                       " fail_reason TEXT,"
                       " qr_content TEXT,"
                       " prepay_expires_at INTEGER,"
                       " refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0,"
                       " CHECK (refunded_amount <= amount))"),
        QStringLiteral("CREATE UNIQUE INDEX ux_flow_no ON payment_flows(flow_no)"),
        // NULLs are distinct in both SQLite and PostgreSQL, so flows without a txn no. coexist.
        QStringLiteral("CREATE UNIQUE INDEX ux_flow_channel_txn ON payment_flows(channel, channel_txn_no)"),
        QStringLiteral("CREATE INDEX ix_flow_payment ON payment_flows(payment_id)"),
        QStringLiteral("CREATE INDEX ix_flow_trade ON payment_flows(trade_id)"),
        QStringLiteral("CREATE INDEX ix_flow_status ON payment_flows(status)"),
        QStringLiteral("CREATE TABLE refund_orders ("
                       " id INTEGER PRIMARY KEY,"
                       " refund_no TEXT NOT NULL,"
                       " trade_id INTEGER NOT NULL REFERENCES trade_orders(id),"
                       " amount INTEGER NOT NULL CHECK (amount > 0),"
                       " currency TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " requested_by TEXT,"
                       " approved_by TEXT,"
                       " note TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_refund_no ON refund_orders(refund_no)"),
        QStringLiteral("CREATE INDEX ix_refund_trade ON refund_orders(trade_id)"),
        QStringLiteral("CREATE TABLE refund_flows ("
                       " id INTEGER PRIMARY KEY,"
                       " refund_flow_no TEXT NOT NULL,"
                       " refund_id INTEGER NOT NULL REFERENCES refund_orders(id),"
                       " flow_id INTEGER NOT NULL REFERENCES payment_flows(id),"
                       " trade_id INTEGER NOT NULL REFERENCES trade_orders(id),"
                       " channel TEXT NOT NULL,"
                       " amount INTEGER NOT NULL CHECK (amount > 0),"
                       " currency TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " channel_refund_no TEXT,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " fail_reason TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_refund_flow_no ON refund_flows(refund_flow_no)"),
        QStringLiteral("CREATE INDEX ix_refund_flow_refund ON refund_flows(refund_id)"),
        QStringLiteral("CREATE INDEX ix_refund_flow_flow ON refund_flows(flow_id)"),
        QStringLiteral("CREATE TABLE ledger_postings ("
                       " id INTEGER PRIMARY KEY,"
                       " posting_set TEXT NOT NULL,"
                       " account TEXT NOT NULL,"
                       " amount INTEGER NOT NULL,"
                       " currency TEXT NOT NULL,"
                       " trade_id INTEGER,"
                       " flow_id INTEGER,"
                       " refund_flow_id INTEGER,"
                       " memo TEXT,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX ix_ledger_set ON ledger_postings(posting_set)"),
        QStringLiteral("CREATE INDEX ix_ledger_trade ON ledger_postings(trade_id)"),
        QStringLiteral("CREATE TABLE events ("
                       " id INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " trade_id INTEGER,"
                       " entity TEXT NOT NULL,"
                       " entity_id INTEGER,"
                       " entity_no TEXT,"
                       " from_state TEXT,"
                       " to_state TEXT,"
                       " event TEXT NOT NULL,"
                       " source TEXT NOT NULL,"
                       " actor TEXT,"
                       " payload TEXT)"),
        QStringLiteral("CREATE INDEX ix_events_trade ON events(trade_id, id)"),
        QStringLiteral("CREATE INDEX ix_events_entity ON events(entity, entity_id, id)"),
        QStringLiteral("CREATE TABLE idempotency_keys ("
                       " scope TEXT NOT NULL,"
                       " idem_key TEXT NOT NULL,"
                       " request_hash TEXT NOT NULL,"
                       " response TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " PRIMARY KEY (scope, idem_key))"),
    };
}

// SQLite-only: the event log is append-only, enforced by the database itself.
QStringList sqliteDialectV1()
{
    return {
        QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
                       " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"),
        QStringLiteral("CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
                       " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"),
    };
}

// Version 2: loss-prevention freeze, compensation schedule persisted, statement hand-off flag.
QStringList stepTo2()
{
    return {
        QStringLiteral("ALTER TABLE trade_orders ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE trade_orders ADD COLUMN freeze_reason TEXT"),
        QStringLiteral("ALTER TABLE payment_flows ADD COLUMN recon_pending INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX ix_trade_frozen ON trade_orders(frozen, id)"),
        QStringLiteral("CREATE TABLE compensation_tasks ("
                       " kind TEXT NOT NULL,"
                       " target_id INTEGER NOT NULL,"
                       " attempt INTEGER NOT NULL DEFAULT 0,"
                       " next_at INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (kind, target_id))"),
        QStringLiteral("CREATE INDEX ix_comp_next ON compensation_tasks(next_at)"),
    };
}

// Version 3: reconciliation runs, breaks (first-class records with a category and a state) and
// quarantined statement lines. Amounts are integer minor units.
QStringList stepTo3()
{
    return {
        QStringLiteral("CREATE TABLE recon_runs ("
                       " id INTEGER PRIMARY KEY,"
                       " kind TEXT NOT NULL DEFAULT 'STATEMENT',"
                       " channel TEXT NOT NULL,"
                       " statement_day TEXT,"
                       " format TEXT,"
                       " file_name TEXT,"
                       " lines INTEGER NOT NULL DEFAULT 0,"
                       " quarantined INTEGER NOT NULL DEFAULT 0,"
                       " matched INTEGER NOT NULL DEFAULT 0,"
                       " breaks INTEGER NOT NULL DEFAULT 0,"
                       " auto_resolved INTEGER NOT NULL DEFAULT 0,"
                       " started_at INTEGER NOT NULL,"
                       " finished_at INTEGER)"),
        QStringLiteral("CREATE INDEX ix_recon_runs_channel_day ON recon_runs(channel, statement_day, id)"),
        QStringLiteral("CREATE TABLE recon_breaks ("
                       " id INTEGER PRIMARY KEY,"
                       " run_id INTEGER REFERENCES recon_runs(id),"
                       " channel TEXT NOT NULL,"
                       " category TEXT NOT NULL,"
                       " flow_no TEXT,"
                       " channel_txn_no TEXT,"
                       " local_amount INTEGER,"
                       " statement_amount INTEGER,"
                       " local_status TEXT,"
                       " statement_status TEXT,"
                       " line_no INTEGER,"
                       " detail TEXT,"
                       " state TEXT NOT NULL CHECK (state IN ('OPEN', 'HELD', 'RESOLVED')),"
                       " resolution TEXT,"
                       " expected_day TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " resolved_at INTEGER,"
                       " resolved_by TEXT)"),
        QStringLiteral("CREATE INDEX ix_recon_breaks_state ON recon_breaks(state, category, id)"),
        QStringLiteral("CREATE INDEX ix_recon_breaks_run ON recon_breaks(run_id, id)"),
        QStringLiteral("CREATE INDEX ix_recon_breaks_flow ON recon_breaks(flow_no)"),
        QStringLiteral("CREATE TABLE recon_quarantine ("
                       " run_id INTEGER NOT NULL REFERENCES recon_runs(id),"
                       " line_no INTEGER NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " raw TEXT,"
                       " PRIMARY KEY (run_id, line_no))"),
    };
}

// Version 4: the operations audit log, append-only and hash-chained (each row's hash covers
// the previous row's hash, so editing or deleting a row breaks the chain from there on).
QStringList stepTo4()
{
    return {
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " approver TEXT,"
                       " action TEXT NOT NULL,"
                       " target TEXT,"
                       " reason TEXT NOT NULL,"
                       " payload TEXT,"
                       " prev_hash TEXT NOT NULL,"
                       " hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX ix_audit_target ON audit_log(target, id)"),
        QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    };
}

// Version 5: a payment's flows are read in leg order (seq) straight from their index, without
// sorting them first: the engine reads them once per settled leg.
QStringList stepTo5()
{
    return {
        QStringLiteral("DROP INDEX ix_flow_payment"),
        QStringLiteral("CREATE INDEX ix_flow_payment ON payment_flows(payment_id, seq)"),
    };
}

// Version 6: a trade's refund flows are found by trade (the engine checks after every payment
// that none is still running; without the index that was a scan of every refund ever made).
QStringList stepTo6()
{
    return {
        QStringLiteral("CREATE INDEX ix_refund_flow_trade ON refund_flows(trade_id, status)"),
    };
}

// Version 7: the trade records the attempt that paid it (customer refunds use only that one; an
// attempt also paid after it is DUPLICATE), and a failed refund flow keeps its remainder reserved
// until it is retried or abandoned (resolution). Existing trades: the first attempt to succeed
// paid the order; later succeeded attempts of a paid order become DUPLICATE.
QStringList stepTo7()
{
    return {
        QStringLiteral("ALTER TABLE trade_orders ADD COLUMN paid_payment_id INTEGER"),
        QStringLiteral("ALTER TABLE refund_flows ADD COLUMN resolution TEXT"),
        // The PAYMENT_SUCCEEDED event of the trade names the attempt that paid it (every version
        // wrote it); the first attempt that succeeded (by id) only when the event is missing.
        QStringLiteral("UPDATE trade_orders SET paid_payment_id = COALESCE("
                       " (SELECT p.id FROM events e JOIN payment_orders p ON p.trade_id = e.trade_id"
                       "   AND p.payment_no = json_extract(e.payload, '$.payment_no')"
                       "  WHERE e.trade_id = trade_orders.id AND e.entity = 'TRADE' AND e.event = 'PAYMENT_SUCCEEDED'"
                       "  ORDER BY e.id LIMIT 1),"
                       " (SELECT p.id FROM payment_orders p WHERE p.trade_id = trade_orders.id AND p.status = 'SUCCEEDED'"
                       "  ORDER BY p.id LIMIT 1))"
                       " WHERE status IN ('PAID','PARTIALLY_REFUNDED','REFUNDED')"),
        QStringLiteral("UPDATE payment_orders SET status = 'DUPLICATE' WHERE status = 'SUCCEEDED' AND EXISTS"
                       " (SELECT 1 FROM trade_orders t WHERE t.id = payment_orders.trade_id"
                       "  AND t.status IN ('PAID','PARTIALLY_REFUNDED','REFUNDED') AND t.paid_payment_id <> payment_orders.id)"),
        // Failed refund flows of earlier versions were retried or left by operators already:
        // they reserve nothing (the guard counts only what this version records).
        QStringLiteral("UPDATE refund_flows SET resolution = 'LEGACY' WHERE status = 'FAILED'"),
        // The callback secret agreed with each channel: drawn at random for a new database or
        // configured, never compiled in.
        QStringLiteral("CREATE TABLE channel_secrets (channel TEXT PRIMARY KEY, secret TEXT NOT NULL)"),
        // Facts about the file itself, e.g. numbering_epoch: moved on by a restore so that an
        // older copy never hands out payment numbers the channels have already seen.
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    };
}

Result<void> run(Database &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r;
    }
    return {};
}

Result<void> setVersion(Database &db, int version)
{
    return db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

} // namespace

QStringList version1()
{
    return tablesV1() + sqliteDialectV1();
}

Result<void> createSchema(Database &db)
{
    if (auto r = run(db, version1()); !r)
        return r;
    if (auto r = run(db, stepTo2()); !r)
        return r;
    if (auto r = run(db, stepTo3()); !r)
        return r;
    if (auto r = run(db, stepTo4()); !r)
        return r;
    if (auto r = run(db, stepTo5()); !r)
        return r;
    if (auto r = run(db, stepTo6()); !r)
        return r;
    if (auto r = run(db, stepTo7()); !r)
        return r;
    return setVersion(db, Database::kSchemaVersion);
}

Result<void> migrate(Database &db, int fromVersion)
{
    if (fromVersion < 1 || fromVersion > Database::kSchemaVersion)
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Store", "Cannot migrate from schema version %1").arg(fromVersion));
    if (fromVersion < 2) {
        if (auto r = run(db, stepTo2()); !r)
            return r;
    }
    if (fromVersion < 3) {
        if (auto r = run(db, stepTo3()); !r)
            return r;
    }
    if (fromVersion < 4) {
        if (auto r = run(db, stepTo4()); !r)
            return r;
    }
    if (fromVersion < 5) {
        if (auto r = run(db, stepTo5()); !r)
            return r;
    }
    if (fromVersion < 6) {
        if (auto r = run(db, stepTo6()); !r)
            return r;
    }
    if (fromVersion < 7) {
        if (auto r = run(db, stepTo7()); !r)
            return r;
    }
    return setVersion(db, Database::kSchemaVersion);
}

} // namespace pay::schema
