#include "enginerig.h"
#include "recon/pairwisechecker.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using namespace pay::test;
using namespace Qt::StringLiterals;

namespace {

int breaks(Database &db, const QString &where = u"1 = 1"_s)
{
    QSqlQuery q(db.db());
    if (!q.exec(u"SELECT count(*) FROM recon_breaks WHERE "_s + where) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void exec(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    QVERIFY2(q.exec(sql), qPrintable(sql));
}

} // namespace

class TestPairwiseChecker : public QObject
{
    Q_OBJECT
private slots:
    void cleanTradesHaveNoBreaks();
    void tamperedLedgerRowDetected();
    void tamperedTradeRowDetected();
    void tamperedFlowDetectedAtChannel();
    void channelAmountDisagreementDetected();
    void sweepFindsTamperedRows();
    void paymentCoreRunsChecksOnTerminalEvents();
};

void TestPairwiseChecker::cleanTradesHaveNoBreaks()
{
    EngineRig rig;
    PairwiseChecker checker(*rig.db, rig.clock, &rig.core->gateway());
    checker.attach(*rig.engine); // every terminal event is checked
    QSignalSpy spy(&checker, &PairwiseChecker::breakRecorded);
    QVERIFY(rig.pay(u"T-ok"_s, 1500, {{u"wallet"_s, u"M1001"_s, 500}, {u"card"_s, {}, 1000}}));
    QVERIFY(rig.pay(u"T-qr"_s, 800, {{u"qr_a"_s, {}, 800}}));
    rig.clock.advance(1000);
    QVERIFY(rig.qrA->customerPays(rig.view(u"T-qr"_s).flows[0].flowNo));
    rig.clock.advance(20'000);
    QCOMPARE_NAME(rig.view(u"T-ok"_s).trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(rig.view(u"T-qr"_s).trade.status, TradeStatus::Paid);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(breaks(*rig.db), 0);
}

void TestPairwiseChecker::tamperedLedgerRowDetected()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-led"_s, 1200, {{u"card"_s, {}, 1200}}));
    rig.clock.advance(5000);
    OrderView v = rig.view(u"T-led"_s);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    PairwiseChecker checker(*rig.db, rig.clock, nullptr);
    auto clean = checker.checkTrade(v.trade.id);
    QVERIFY(clean);
    QCOMPARE(clean->size(), 0);
    exec(*rig.db,
        u"UPDATE ledger_postings SET amount = 1100 WHERE posting_set = 'PAY-%1' AND amount > 0"_s.arg(
            v.flows[0].flowNo));
    auto found = checker.checkTrade(v.trade.id);
    QVERIFY(found);
    QCOMPARE(found->size(), 2); // the flow's posting and the trade's balance
    QCOMPARE(
        breaks(*rig.db,
            u"category = 'LEDGER_MISMATCH' AND flow_no = '%1' AND state = 'OPEN'"_s.arg(v.flows[0].flowNo)),
        1);
    QCOMPARE(breaks(*rig.db, u"category = 'LEDGER_MISMATCH' AND flow_no = 'T-led'"_s), 1);
    // Checking again does not write the same disagreement twice.
    auto again = checker.checkTrade(v.trade.id);
    QVERIFY(again);
    QCOMPARE(again->size(), 0);
    QCOMPARE(breaks(*rig.db), 2);
}

void TestPairwiseChecker::tamperedTradeRowDetected()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-trd"_s, 1200, {{u"card"_s, {}, 1200}}));
    rig.clock.advance(5000);
    OrderView v = rig.view(u"T-trd"_s);
    exec(*rig.db, u"UPDATE trade_orders SET paid_amount = 1000 WHERE id = %1"_s.arg(v.trade.id));
    PairwiseChecker checker(*rig.db, rig.clock, nullptr);
    auto found = checker.checkTrade(v.trade.id);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE_NAME(found->first().category, BreakCategory::TradePaymentMismatch);
    QCOMPARE(found->first().statementAmount.value_or(-1), 1000);
}

void TestPairwiseChecker::tamperedFlowDetectedAtChannel()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-chn"_s, 1200, {{u"card"_s, {}, 1200}}));
    rig.clock.advance(5000);
    OrderView v = rig.view(u"T-chn"_s);
    // Someone marks the paid flow FAILED in our books: the channel still says PAID.
    exec(*rig.db, u"UPDATE payment_flows SET status = 'FAILED' WHERE id = %1"_s.arg(v.flows[0].id));
    PairwiseChecker checker(*rig.db, rig.clock, &rig.core->gateway());
    int written = -1;
    checker.checkChannel(v.trade.id, [&written](int n) { written = n; });
    rig.clock.advance(5000);
    QCOMPARE(written, 1);
    QCOMPARE(
        breaks(*rig.db,
            u"category = 'CHANNEL_STATUS_MISMATCH' AND flow_no = '%1' AND statement_status = 'PAID'"_s.arg(
                v.flows[0].flowNo)),
        1);
    // And trade <-> payment sees a succeeded attempt whose flows no longer add up.
    auto found = checker.checkTrade(v.trade.id);
    QVERIFY(found);
    bool tradePayment = false;
    for (const ReconBreak &b : *found)
        tradePayment |= b.category == BreakCategory::TradePaymentMismatch;
    QVERIFY(tradePayment);
}

void TestPairwiseChecker::channelAmountDisagreementDetected()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-amt"_s, 1200, {{u"card"_s, {}, 1200}}));
    rig.clock.advance(5000);
    OrderView v = rig.view(u"T-amt"_s);
    exec(*rig.db, u"UPDATE payment_flows SET amount = 1300 WHERE id = %1"_s.arg(v.flows[0].id));
    PairwiseChecker checker(*rig.db, rig.clock, &rig.core->gateway());
    int written = -1;
    checker.checkChannel(v.trade.id, [&written](int n) { written = n; });
    rig.clock.advance(5000);
    QCOMPARE(written, 1);
    QCOMPARE(
        breaks(*rig.db,
            u"category = 'CHANNEL_AMOUNT_MISMATCH' AND statement_amount = 1200 AND local_amount = 1300"_s),
        1);
}

void TestPairwiseChecker::sweepFindsTamperedRows()
{
    EngineRig rig;
    PairwiseChecker checker(*rig.db, rig.clock, &rig.core->gateway());
    checker.startSweep(60'000);
    QVERIFY(rig.pay(u"T-sw"_s, 900, {{u"wallet"_s, u"M1001"_s, 900}}));
    rig.clock.advance(61'000);
    QCOMPARE(breaks(*rig.db), 0);
    OrderView v = rig.view(u"T-sw"_s);
    exec(*rig.db,
        u"UPDATE ledger_postings SET amount = 800 WHERE posting_set = 'PAY-%1' AND amount > 0"_s.arg(
            v.flows[0].flowNo));
    exec(*rig.db,
        u"UPDATE trade_orders SET updated_at = %1 WHERE id = %2"_s.arg(rig.clock.nowMs()).arg(v.trade.id));
    rig.clock.advance(61'000);
    QCOMPARE(breaks(*rig.db, u"category = 'LEDGER_MISMATCH'"_s), 2);
    checker.stopSweep();
}

void TestPairwiseChecker::paymentCoreRunsChecksOnTerminalEvents()
{
    TempDb tmp;
    VirtualClock clock(1'780'000'000'000);
    PaymentCore::Options o;
    o.databasePath = tmp.path();
    o.clock = &clock;
    o.pairwise.enabled = true;
    auto core = PaymentCore::open(o);
    QVERIFY(core);
    QVERIFY((*core)->pairwise());
    QSignalSpy spy((*core)->pairwise(), &PairwiseChecker::breakRecorded);
    AcceptRequest req {u"T-core"_s, u"tea"_s, Money(1200, Currency::cny()), {{u"card"_s, {}, 1200}},
        u"k-core"_s, u"cashier1"_s};
    QVERIFY((*core)->engine().accept(req));
    clock.advance(5000);
    auto v = (*core)->engine().order(u"T-core"_s);
    QVERIFY(v);
    QCOMPARE_NAME(v->trade.status, TradeStatus::Paid);
    QCOMPARE(spy.count(), 0);
    // Someone edits the books; the next terminal event of the trade (a refund) is checked.
    exec((*core)->database(),
        u"UPDATE ledger_postings SET amount = 1100 WHERE posting_set = 'PAY-%1' AND amount > 0"_s.arg(
            v->flows[0].flowNo));
    QVERIFY(
        (*core)->engine().refund({u"T-core"_s, u"RF-core"_s, 200, u"cashier1"_s, u"manager1"_s, u"test"_s}));
    clock.advance(5000);
    QVERIFY(spy.count() >= 1);
    QCOMPARE(breaks((*core)->database(),
                 u"category = 'LEDGER_MISMATCH' AND flow_no = '%1'"_s.arg(v->flows[0].flowNo)),
        1);
}

QTEST_GUILESS_MAIN(TestPairwiseChecker)
#include "tst_pairwisechecker.moc"
