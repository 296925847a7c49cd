#include "store/database.h"
#include "store/invariants.h"
#include "store/schema.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace pay;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0).toString();
}

// Runs statements on a raw connection (no PayDesk code), as an old version or a foreign tool would.
void rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + path;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s + QStringLiteral(": ") + q.lastError().text()));
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsSchemaWithPragmas();
    void reopenKeepsData();
    void migratesVersion1Fixture();
    void migratesVersion2Fixture();
    void migratesVersion3Fixture();
    void migratesVersion4Fixture();
    void refusesTextFile();
    void refusesForeignSqlite();
    void refusesNewerSchema();
    void refusesReadOnlyFile();
    void reportsLockedFile();
    void missingFileWithoutCreate();
    void transactionGuardRollsBack();
    void eventsAreAppendOnly();
};

void TestDatabase::createsSchemaWithPragmas()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(pragma(**db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
    QCOMPARE(pragma(**db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
    QCOMPARE(pragma(**db, QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
    QCOMPARE(pragma(**db, QStringLiteral("busy_timeout")), QStringLiteral("5000"));

    Database::Options full;
    full.synchronous = Database::Synchronous::Full;
    db->reset();
    auto again = Database::open(tmp.path(), full);
    QVERIFY(again);
    QCOMPARE(pragma(**again, QStringLiteral("synchronous")), QStringLiteral("2"));
}

void TestDatabase::reopenKeepsData()
{
    test::TempDb tmp;
    {
        auto db = Database::open(tmp.path());
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount,"
                                           " currency, status, expires_at, created_at, updated_at)"
                                           " VALUES ('M1','T1','tea',100,'CNY','CREATED',0,0,0)")));
    }
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT out_trade_no FROM trade_orders")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("T1"));
}

// Loads a fixture dump (tests/fixtures/schema_vN.sql) into a fresh file at user_version N.
static void loadFixture(const QString &path, const QString &name, int version)
{
    QFile fixture(QStringLiteral(PAYDESK_FIXTURES "/") + name);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(fixture.readAll()).split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.startsWith(QStringLiteral("--")); });
    QStringList statements;
    for (const QString &s : lines.join(QLatin1Char('\n')).split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
        const QString t = s.trimmed();
        if (!t.isEmpty() && t != QStringLiteral("BEGIN TRANSACTION") && t != QStringLiteral("COMMIT"))
            statements << t;
    }
    rawExec(path, statements);
    rawExec(path, {QStringLiteral("PRAGMA user_version = %1").arg(version)});
}

// The version-3 reconciliation tables exist and are empty after a migration.
static void checkReconTables(Database &db)
{
    QSqlQuery q(db.db());
    for (const QString &table : {QStringLiteral("recon_runs"), QStringLiteral("recon_breaks"),
                                 QStringLiteral("recon_quarantine")}) {
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM ") + table), qPrintable(table));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
}

void TestDatabase::migratesVersion1Fixture()
{
    // tests/fixtures/schema_v1.sql is a dump of a version-1 database with data, written by
    // the version-1 code and never edited since.
    test::TempDb tmp;
    loadFixture(tmp.path(), QStringLiteral("schema_v1.sql"), 1);
    if (QTest::currentTestFailed())
        return;

    auto db = Database::open(tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT out_trade_no, frozen, amount FROM trade_orders ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("V1-0001"));
    QCOMPARE(q.value(1).toInt(), 0);
    QCOMPARE(q.value(2).toLongLong(), 1999);
    QVERIFY(q.exec(QStringLiteral("SELECT recon_pending FROM payment_flows")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM compensation_tasks")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    checkReconTables(**db);
}

void TestDatabase::migratesVersion2Fixture()
{
    // tests/fixtures/schema_v2.sql: a version-2 database made by the version-2 code, dumped once.
    test::TempDb tmp;
    loadFixture(tmp.path(), QStringLiteral("schema_v2.sql"), 2);
    if (QTest::currentTestFailed())
        return;

    auto db = Database::open(tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT out_trade_no, status FROM trade_orders ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("V2-0001"));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QStringLiteral("PAYING"));
    QVERIFY(q.exec(QStringLiteral("SELECT flow_no, recon_pending FROM payment_flows WHERE id = 2")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("F-V2-0002-1"));
    QCOMPARE(q.value(1).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("SELECT kind, attempt FROM compensation_tasks")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("flow"));
    QCOMPARE(q.value(1).toInt(), 3);
    checkReconTables(**db);
    // A break can be written into the migrated file.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO recon_breaks (channel, category, state, created_at)"
                                  " VALUES ('card', 'MISSING_AT_CHANNEL', 'OPEN', 1)")));
}

void TestDatabase::migratesVersion3Fixture()
{
    // tests/fixtures/schema_v3.sql: a version-3 database (with a reconciliation run and a
    // break) made by the version-3 code, dumped once.
    test::TempDb tmp;
    loadFixture(tmp.path(), QStringLiteral("schema_v3.sql"), 3);
    if (QTest::currentTestFailed())
        return;
    auto db = Database::open(tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT out_trade_no, paid_amount FROM trade_orders")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("V3-0001"));
    QCOMPARE(q.value(1).toLongLong(), 1999);
    QVERIFY(q.exec(QStringLiteral("SELECT category, statement_amount FROM recon_breaks")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("AMOUNT_MISMATCH"));
    QCOMPARE(q.value(1).toLongLong(), 2000);
    // Version 4 added the audit log, empty and append-only.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, reason, prev_hash, hash)"
                                  " VALUES (1, 1, 'ops1', 'X', 'why', 'p', 'h')")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET reason = 'changed'")));
}

void TestDatabase::migratesVersion4Fixture()
{
    // tests/fixtures/schema_v4.sql: two paid combined payments written by the version-4 engine.
    test::TempDb tmp;
    loadFixture(tmp.path(), QStringLiteral("schema_v4.sql"), 4);
    if (QTest::currentTestFailed())
        return;
    auto db = Database::open(tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(amount) FROM payment_flows WHERE status = 'SUCCEEDED'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 6);
    QCOMPARE(q.value(1).toLongLong(), 6000);
    // Version 5: a payment's flows come in leg order from their index, with no sort step.
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM pragma_index_info('ix_flow_payment') ORDER BY seqno")));
    QStringList columns;
    while (q.next())
        columns << q.value(0).toString();
    QCOMPARE(columns, (QStringList{QStringLiteral("payment_id"), QStringLiteral("seq")}));
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM payment_flows WHERE payment_id = 1 ORDER BY seq, id")));
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + QLatin1Char(';');
    QVERIFY2(plan.contains(QStringLiteral("ix_flow_payment")) && !plan.contains(QStringLiteral("TEMP B-TREE")),
             qPrintable(plan));
    QVERIFY(q.exec(QStringLiteral("SELECT seq FROM payment_flows WHERE payment_id = 2 ORDER BY seq, id")));
    QList<int> seqs;
    while (q.next())
        seqs << q.value(0).toInt();
    QCOMPARE(seqs, (QList<int>{1, 2, 3}));
    // Version 6: a trade's running refunds are found through an index, not a scan.
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT 1 FROM refund_flows WHERE trade_id = 1"
                                  " AND status IN ('ACCEPTED','PROCESSING')")));
    plan.clear();
    while (q.next())
        plan += q.value(3).toString() + QLatin1Char(';');
    QVERIFY2(plan.contains(QStringLiteral("ix_refund_flow_trade")) && !plan.contains(QStringLiteral("SCAN")), qPrintable(plan));
    // Every invariant holds on the migrated file.
    InvariantChecker checker(**db);
    QVERIFY(InvariantChecker::allHold(checker.checkAll(true)));
}

void TestDatabase::refusesTextFile()
{
    test::TempDb tmp;
    QFile f(tmp.path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("these are my shopping notes, not a database\n");
    f.close();
    const QByteArray before = fileHash(tmp.path());
    auto db = Database::open(tmp.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotADatabase);
    QVERIFY(db.error().message.contains(tmp.path()));
    QCOMPARE(fileHash(tmp.path()), before);
}

void TestDatabase::refusesForeignSqlite()
{
    test::TempDb tmp;
    rawExec(tmp.path(), {QStringLiteral("CREATE TABLE recipes (name TEXT)"),
                         QStringLiteral("INSERT INTO recipes VALUES ('dumplings')")});
    const QByteArray before = fileHash(tmp.path());
    auto db = Database::open(tmp.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotADatabase);
    QVERIFY(db.error().message.contains(QStringLiteral("not a PayDesk database")));
    QCOMPARE(fileHash(tmp.path()), before);
}

void TestDatabase::refusesNewerSchema()
{
    test::TempDb tmp;
    {
        auto db = Database::open(tmp.path());
        QVERIFY(db);
    }
    rawExec(tmp.path(), {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("PRAGMA user_version = 99")});
    const QByteArray before = fileHash(tmp.path());
    auto db = Database::open(tmp.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NewerSchema);
    QVERIFY(db.error().message.contains(QStringLiteral("99")));
    QCOMPARE(fileHash(tmp.path()), before);
}

void TestDatabase::refusesReadOnlyFile()
{
    test::TempDb tmp;
    {
        auto db = Database::open(tmp.path());
        QVERIFY(db);
    }
    QFile::setPermissions(tmp.path(), QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const QByteArray before = fileHash(tmp.path());
    auto db = Database::open(tmp.path());
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::ReadOnly);
    QCOMPARE(fileHash(tmp.path()), before);

    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    auto reader = Database::open(tmp.path(), ro);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message));
    QFile::setPermissions(tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestDatabase::reportsLockedFile()
{
    test::TempDb tmp;
    auto holder = Database::open(tmp.path());
    QVERIFY(holder);
    QVERIFY((*holder)->exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY((*holder)->exec(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount,"
                                           " currency, status, expires_at, created_at, updated_at)"
                                           " VALUES ('M1','LOCKED','tea',100,'CNY','CREATED',0,0,0)")));
    Database::Options quick;
    quick.busyTimeoutMs = 50;
    auto db = Database::open(tmp.path(), quick);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Locked);
    QVERIFY(db.error().message.contains(QStringLiteral("locked")));
    // The holder's work is intact and commits.
    QVERIFY((*holder)->exec(QStringLiteral("COMMIT")));
    QSqlQuery q((*holder)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM trade_orders")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::missingFileWithoutCreate()
{
    test::TempDb tmp;
    Database::Options o;
    o.create = false;
    auto db = Database::open(tmp.path(), o);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(tmp.path()));
}

void TestDatabase::transactionGuardRollsBack()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    {
        TransactionGuard tx(**db);
        QVERIFY(tx.begun());
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount,"
                                           " currency, status, expires_at, created_at, updated_at)"
                                           " VALUES ('M1','GONE','tea',100,'CNY','CREATED',0,0,0)")));
    } // no commit
    {
        TransactionGuard tx(**db);
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount,"
                                           " currency, status, expires_at, created_at, updated_at)"
                                           " VALUES ('M1','KEPT','tea',100,'CNY','CREATED',0,0,0)")));
        QVERIFY(tx.commit());
    }
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(out_trade_no) FROM trade_orders")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("KEPT"));
}

void TestDatabase::eventsAreAppendOnly()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QVERIFY((*db)->exec(QStringLiteral("INSERT INTO events (at, entity, event, source) VALUES (1,'TRADE','X','sync')")));
    auto upd = (*db)->exec(QStringLiteral("UPDATE events SET event = 'Y'"));
    QVERIFY(!upd);
    QVERIFY(upd.error().message.contains(QStringLiteral("append-only")));
    QVERIFY(!(*db)->exec(QStringLiteral("DELETE FROM events")));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
