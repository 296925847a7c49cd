#include "engine/operations.h"
#include "enginerig.h"
#include "store/auditlog.h"
#include "store/invariants.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace pay;
using namespace pay::test;

// Operations actions: each needs a reason and lands in the hash-chained audit log; money moves
// only with a second person's approval (a manager's PIN), and a refusal is recorded too.
class TestOperations : public QObject
{
    Q_OBJECT
private slots:
    void queryAndCloseAreAudited();
    void reasonIsRequired();
    void cashierMayNotOperate();
    void refundNeedsASecondPerson_data();
    void refundNeedsASecondPerson();
    void approvedRefundRecordsBothNames();
    void retryFailedRefund();
    void resolveBreak();
    void invariantsCatchATerminalStateLeft();

private:
    static OperatorContext ops(const QString &reason = QStringLiteral("customer called"))
    {
        return {QStringLiteral("ops1"), reason, {}, {}};
    }
    static void paidByCard(EngineRig &rig, const QString &no, qint64 amount)
    {
        QVERIFY(rig.pay(no, amount, {{QStringLiteral("card"), {}, amount}}));
        rig.clock.advance(20'000);
        QCOMPARE_NAME(rig.view(no).trade.status, TradeStatus::Paid);
    }
    static QList<AuditEntry> auditOf(EngineRig &rig, const QString &target)
    {
        AuditLog log(*rig.db);
        auto r = log.forTarget(target);
        return r ? *r : QList<AuditEntry>{};
    }
};

void TestOperations::queryAndCloseAreAudited()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    QVERIFY(rig.pay(QStringLiteral("T-op1"), 1000, {{QStringLiteral("qr_a"), {}, 1000}}));
    rig.clock.advance(1000);
    QVERIFY(svc.queryChannel(QStringLiteral("T-op1"), ops()));
    QVERIFY(svc.closeOrder(QStringLiteral("T-op1"), ops(QStringLiteral("customer left without paying"))));
    rig.clock.advance(5000);
    QCOMPARE_NAME(rig.view(QStringLiteral("T-op1")).trade.status, TradeStatus::Closed);
    const auto entries = auditOf(rig, QStringLiteral("T-op1"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].action, QStringLiteral("QUERY_CHANNEL"));
    QCOMPARE(entries[1].action, QStringLiteral("CLOSE_ORDER"));
    QCOMPARE(entries[1].reason, QStringLiteral("customer left without paying"));
    QCOMPARE(entries[1].actor, QStringLiteral("ops1"));
    QVERIFY(AuditLog(*rig.db).verify()->intact);
}

void TestOperations::reasonIsRequired()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    QVERIFY(rig.pay(QStringLiteral("T-op2"), 1000, {{QStringLiteral("qr_a"), {}, 1000}}));
    auto r = svc.closeOrder(QStringLiteral("T-op2"), ops(QStringLiteral("  ")));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    rig.clock.advance(1000);
    QCOMPARE_NAME(rig.view(QStringLiteral("T-op2")).trade.status, TradeStatus::Paying);
}

void TestOperations::cashierMayNotOperate()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    QVERIFY(rig.pay(QStringLiteral("T-op3"), 1000, {{QStringLiteral("qr_a"), {}, 1000}}));
    auto r = svc.closeOrder(QStringLiteral("T-op3"), {QStringLiteral("cashier1"), QStringLiteral("why not"), {}, {}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
    const auto entries = auditOf(rig, QStringLiteral("T-op3"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].action, QStringLiteral("ACTION_REFUSED"));
}

void TestOperations::refundNeedsASecondPerson_data()
{
    QTest::addColumn<QString>("approver");
    QTest::addColumn<QString>("pin");
    QTest::addRow("no approver") << QString() << QString();
    QTest::addRow("wrong PIN") << QStringLiteral("manager1") << QStringLiteral("0000");
    QTest::addRow("not a manager") << QStringLiteral("cashier1") << QStringLiteral("1111");
    QTest::addRow("approves own action") << QStringLiteral("ops1") << QStringLiteral("2222");
}

void TestOperations::refundNeedsASecondPerson()
{
    QFETCH(QString, approver);
    QFETCH(QString, pin);
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    paidByCard(rig, QStringLiteral("T-op4"), 5000);
    OperatorContext who{QStringLiteral("ops1"), QStringLiteral("goods returned"), approver, pin};
    auto r = svc.refund(QStringLiteral("T-op4"), 5000, QStringLiteral("R-op4"), who);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
    rig.clock.advance(20'000);
    const OrderView v = rig.view(QStringLiteral("T-op4"));
    QCOMPARE(v.refunds.size(), 0); // nothing moved
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    const auto entries = auditOf(rig, QStringLiteral("T-op4"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].action, QStringLiteral("APPROVAL_REFUSED"));
}

void TestOperations::approvedRefundRecordsBothNames()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    paidByCard(rig, QStringLiteral("T-op5"), 5000);
    OperatorContext who{QStringLiteral("ops1"), QStringLiteral("goods returned"), QStringLiteral("manager1"),
                        QStringLiteral("9999")};
    auto r = svc.refund(QStringLiteral("T-op5"), 5000, QStringLiteral("R-op5"), who);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    rig.clock.advance(30'000);
    const OrderView v = rig.view(QStringLiteral("T-op5"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    QCOMPARE(v.refunds[0].requestedBy, QStringLiteral("ops1"));
    QCOMPARE(v.refunds[0].approvedBy, QStringLiteral("manager1"));
    const auto entries = auditOf(rig, QStringLiteral("T-op5"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].actor, QStringLiteral("ops1"));
    QCOMPARE(entries[0].approver, QStringLiteral("manager1"));
    InvariantChecker checker(*rig.db);
    QVERIFY(InvariantChecker::allHold(checker.checkAll(false)));
}

void TestOperations::retryFailedRefund()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    QVERIFY(rig.pay(QStringLiteral("T-op6"), 2000, {{QStringLiteral("wallet"), QStringLiteral("M1001"), 2000}}));
    rig.clock.advance(2000);
    FaultProfile declining;
    declining.declineRate = 1.0;
    rig.wallet->setFaultProfile(declining);
    QVERIFY(rig.engine->refund({QStringLiteral("T-op6"), QStringLiteral("R-op6"), 2000, QStringLiteral("cashier1"), {}, {}}));
    rig.clock.advance(600'000);
    QCOMPARE_NAME(rig.view(QStringLiteral("T-op6")).refunds[0].status, RefundStatus::Failed);
    rig.wallet->setFaultProfile(FaultProfile{});
    OperatorContext who{QStringLiteral("ops1"), QStringLiteral("wallet is back"), QStringLiteral("manager1"),
                        QStringLiteral("9999")};
    auto r = svc.retryRefund(QStringLiteral("R-op6"), who);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(*r, QStringLiteral("R-op6-R1"));
    rig.clock.advance(30'000);
    const OrderView v = rig.view(QStringLiteral("T-op6"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    QCOMPARE(v.refunds.size(), 2);
    QCOMPARE_NAME(v.refunds[1].status, RefundStatus::Succeeded);
    // A refund that did not fail cannot be retried.
    QCOMPARE(svc.retryRefund(QStringLiteral("R-op6-R1"), who).error().code, ErrorCode::InvalidTransition);
    InvariantChecker checker(*rig.db);
    QVERIFY(InvariantChecker::allHold(checker.checkAll(false)));
}

void TestOperations::resolveBreak()
{
    EngineRig rig;
    OperationsService svc(*rig.engine, *rig.db, rig.clock);
    QVERIFY(rig.db->exec(QStringLiteral("INSERT INTO recon_breaks (id, channel, category, state, created_at)"
                                        " VALUES (7, 'qr_a', 'MISSING_LOCALLY', 'OPEN', 1)")));
    QVERIFY(svc.resolveBreak(7, QStringLiteral("test payment by the channel, confirmed by phone"), ops()));
    QSqlQuery q(rig.db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT state, resolved_by, resolution FROM recon_breaks WHERE id = 7")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("RESOLVED"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("ops1"));
    QCOMPARE(auditOf(rig, QStringLiteral("break:7")).size(), 1);
    // Resolving it again is refused: it is no longer open.
    QCOMPARE(svc.resolveBreak(7, QStringLiteral("again"), ops()).error().code, ErrorCode::NotFound);
}

// "Terminal states stay terminal" finds an entity whose event log leaves a terminal state, and
// only that one, on an engine-written database.
void TestOperations::invariantsCatchATerminalStateLeft()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-inv1"), 3000, {{QStringLiteral("coupon"), QStringLiteral("CP-5OFF"), 500},
                                                    {QStringLiteral("wallet"), QStringLiteral("M1001"), 1000},
                                                    {QStringLiteral("card"), {}, 1500}}));
    QVERIFY(rig.pay(QStringLiteral("T-inv2"), 1000, {{QStringLiteral("card"), {}, 1000}}));
    rig.clock.advance(3000);
    InvariantChecker checker(*rig.db);
    auto find = [&](const QList<InvariantResult> &all) {
        for (const InvariantResult &r : all) {
            if (r.name == QStringLiteral("terminal_states_final"))
                return r;
        }
        return InvariantResult{};
    };
    QVERIFY(find(checker.checkAll(false)).ok);
    QCOMPARE(find(checker.checkAll(false)).name, QStringLiteral("terminal_states_final"));
    // T-inv1's card flow succeeded; an event that takes it back to PAYING afterwards breaks it.
    const OrderView v = rig.view(QStringLiteral("T-inv1"));
    const PaymentFlow card = v.flows.last();
    QVERIFY(card.status == FlowStatus::Succeeded);
    QSqlQuery q(rig.db->db());
    q.prepare(QStringLiteral("INSERT INTO events (at, trade_id, entity, entity_id, entity_no, from_state, to_state, event, source)"
                             " VALUES (?, ?, 'FLOW', ?, ?, 'SUCCEEDED', 'PAYING', 'SEND', 'system')"));
    q.addBindValue(rig.clock.nowMs());
    q.addBindValue(card.tradeId);
    q.addBindValue(card.id);
    q.addBindValue(card.flowNo);
    QVERIFY(q.exec());
    const InvariantResult r = find(checker.checkAll(false));
    QVERIFY(!r.ok);
    QCOMPARE(r.violations, 1);
    QVERIFY2(r.examples.value(0).contains(card.flowNo) && r.examples.value(0).contains(QStringLiteral("SUCCEEDED then PAYING")),
             qPrintable(r.examples.value(0)));
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
