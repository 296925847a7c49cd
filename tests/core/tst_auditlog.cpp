#include "store/auditlog.h"
#include "store/invariants.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace pay;

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void appendsAChain();
    void refusesWithoutReason();
    void appendOnlyInTheDatabase();
    void detectsAnEditedRow();
    void detectsADeletedRow();
    void dbCheckReportsABrokenChain();

private:
    std::unique_ptr<Database> open(const test::TempDb &tmp)
    {
        auto db = Database::open(tmp.path());
        return db ? std::move(*db) : nullptr;
    }
    void fill(Database &db)
    {
        AuditLog log(db);
        for (int i = 0; i < 4; ++i) {
            AuditEntry e;
            e.atMs = 1000 + i;
            e.actor = QStringLiteral("ops1");
            e.approver = i % 2 ? QStringLiteral("manager1") : QString();
            e.action = i % 2 ? QStringLiteral("REFUND") : QStringLiteral("QUERY_CHANNEL");
            e.target = QStringLiteral("D2026%1").arg(i);
            e.reason = QStringLiteral("customer called, reason %1").arg(i);
            e.payload = QJsonObject{{QStringLiteral("amount"), 100 * i}};
            QVERIFY(log.append(e));
        }
    }
    // Tampering as someone with raw SQL access would: drop the guard, change the row.
    void tamper(Database &db, const QString &sql)
    {
        QVERIFY(db.exec(QStringLiteral("DROP TRIGGER audit_no_update")));
        QVERIFY(db.exec(QStringLiteral("DROP TRIGGER audit_no_delete")));
        QVERIFY(db.exec(sql));
    }
};

void TestAuditLog::appendsAChain()
{
    test::TempDb tmp;
    auto db = open(tmp);
    QVERIFY(db);
    fill(*db);
    AuditLog log(*db);
    auto v = log.verify();
    QVERIFY(v);
    QVERIFY(v->intact);
    QCOMPARE(v->rows, 4);
    auto entries = log.forTarget(QStringLiteral("D20261"));
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const AuditEntry &e = entries->first();
    QCOMPARE(e.approver, QStringLiteral("manager1"));
    QCOMPARE(e.hash, AuditLog::hashOf(e));
    QVERIFY(e.prevHash != AuditLog::genesisHash());
    QCOMPARE(e.hash.size(), 64);
}

void TestAuditLog::refusesWithoutReason()
{
    test::TempDb tmp;
    auto db = open(tmp);
    AuditLog log(*db);
    AuditEntry e;
    e.actor = QStringLiteral("ops1");
    e.action = QStringLiteral("CLOSE_ORDER");
    e.reason = QStringLiteral("   ");
    auto r = log.append(e);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
}

void TestAuditLog::appendOnlyInTheDatabase()
{
    test::TempDb tmp;
    auto db = open(tmp);
    fill(*db);
    auto upd = db->exec(QStringLiteral("UPDATE audit_log SET reason = 'nothing happened' WHERE id = 2"));
    QVERIFY(!upd);
    QVERIFY(upd.error().message.contains(QStringLiteral("append-only")));
    QVERIFY(!db->exec(QStringLiteral("DELETE FROM audit_log WHERE id = 2")));
}

void TestAuditLog::detectsAnEditedRow()
{
    test::TempDb tmp;
    auto db = open(tmp);
    fill(*db);
    tamper(*db, QStringLiteral("UPDATE audit_log SET reason = 'nothing happened' WHERE id = 2"));
    auto v = AuditLog(*db).verify();
    QVERIFY(v);
    QVERIFY(!v->intact);
    QCOMPARE(v->firstBrokenId, 2);
    QVERIFY(v->problem.contains(QStringLiteral("changed")));
}

void TestAuditLog::detectsADeletedRow()
{
    test::TempDb tmp;
    auto db = open(tmp);
    fill(*db);
    tamper(*db, QStringLiteral("DELETE FROM audit_log WHERE id = 3"));
    auto v = AuditLog(*db).verify();
    QVERIFY(v);
    QVERIFY(!v->intact);
    QCOMPARE(v->firstBrokenId, 4);
    QVERIFY(v->problem.contains(QStringLiteral("missing")));
}

void TestAuditLog::dbCheckReportsABrokenChain()
{
    test::TempDb tmp;
    auto db = open(tmp);
    fill(*db);
    {
        InvariantChecker checker(*db);
        QVERIFY(InvariantChecker::allHold(checker.checkAll()));
    }
    // Rewriting a row together with its own hash still breaks the link to the next row.
    tamper(*db, QStringLiteral("UPDATE audit_log SET reason = 'x', hash = 'ffff' WHERE id = 1"));
    InvariantChecker checker(*db);
    const auto results = checker.checkAll();
    QVERIFY(!InvariantChecker::allHold(results));
    bool found = false;
    for (const auto &r : results) {
        if (r.name == QStringLiteral("audit_chain_intact")) {
            found = true;
            QVERIFY(!r.ok);
        }
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
