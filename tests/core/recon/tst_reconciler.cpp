#include "enginerig.h"
#include "recon/matcher.h"
#include "recon/pairwisechecker.h"
#include "recon/reconciler.h"
#include "recon/reconreader.h"
#include "store/invariants.h"
#include "store/repositories.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using namespace pay::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 5, 29);

qint64 at(QDate day, int h, int m, int s = 0)
{
    return QDateTime(day, QTime(h, m, s), Qt::UTC).toMSecsSinceEpoch();
}

struct Local
{
    QString flowNo;
    qint64 amount;
    QString status;
    qint64 createdAt;
    QString txn;
    QString channel = u"card"_s;
};

void insertFlows(Database &db, const QList<Local> &flows)
{
    QSqlQuery q(db.db());
    q.exec(
        u"INSERT OR IGNORE INTO trade_orders (id, merchant_id, out_trade_no, subject, amount, currency, "
        u"status,"
        " expires_at, created_at, updated_at) VALUES (1, 'M001', 'T-1', 'tea', 1, 'CNY', 'PAID', 0, 0, 0)"_s);
    q.exec(u"INSERT OR IGNORE INTO payment_orders (id, payment_no, trade_id, amount, currency, status, "
           u"created_at,"
           " updated_at) VALUES (1, 'P-1', 1, 1, 'CNY', 'SUCCEEDED', 0, 0)"_s);
    for (const Local &f : flows) {
        QVERIFY(q.prepare(
            u"INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
            " currency, status, channel_txn_no, created_at, updated_at) VALUES (?,1,1,1,?,?,?,'CNY',?,?,?,?)"_s));
        q.addBindValue(f.flowNo);
        q.addBindValue(f.channel);
        q.addBindValue(f.channel);
        q.addBindValue(f.amount);
        q.addBindValue(f.status);
        q.addBindValue(f.txn.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(f.txn));
        q.addBindValue(f.createdAt);
        q.addBindValue(f.createdAt);
        QVERIFY2(q.exec(), qPrintable(f.flowNo));
    }
}

StatementLine line(const QString &flowNo, const QString &txn, qint64 amount, qint64 time,
    const QString &status = u"SUCCESS"_s)
{
    StatementLine l;
    l.flowNo = flowNo;
    l.channelTxnNo = txn;
    l.amountMinor = amount;
    l.currency = u"CNY"_s;
    l.status = status;
    l.timeMs = time;
    return l;
}

QByteArray canonical(const QList<StatementLine> &lines, QDate day, const QString &channel = u"card"_s)
{
    StatementWriter::Context c;
    c.channel = channel;
    c.day = day;
    return StatementWriter::canonicalCsv(lines, c);
}

ReconOptions options(QDate day = {})
{
    ReconOptions o;
    o.channel = u"card"_s;
    o.day = day;
    return o;
}

int countWhere(Database &db, const QString &where)
{
    QSqlQuery q(db.db());
    if (!q.exec(u"SELECT count(*) FROM recon_breaks WHERE "_s + where) || !q.next())
        return -1;
    return q.value(0).toInt();
}

const ReconBreak *breakFor(const QList<ReconBreak> &breaks, const QString &flowNo, BreakCategory c)
{
    for (const ReconBreak &b : breaks) {
        if (b.flowNo == flowNo && b.category == c)
            return &b;
    }
    return nullptr;
}

int refundsWithReason(const OrderView &v, RefundReason reason, RefundStatus status)
{
    int n = 0;
    for (const RefundOrder &r : v.refunds)
        n += r.reason == reason && r.status == status;
    return n;
}

// A statement run row as the reconciler records one; its id.
qint64 insertRun(Database &db, const QString &channel, QDate day)
{
    QSqlQuery q(db.db());
    q.prepare(u"INSERT INTO recon_runs (kind, channel, statement_day, format, file_name, started_at)"
              " VALUES ('STATEMENT', ?, ?, 'canonical', 'statement.csv', ?)"_s);
    q.addBindValue(channel);
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(at(day, 23, 0));
    return q.exec() ? q.lastInsertId().toLongLong() : 0;
}

// Breaks of runId cycling through categories; their ids in insertion order.
QList<qint64> insertBreaks(Database &db, qint64 runId, int count, const QList<BreakCategory> &categories)
{
    BreakStore store(db);
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        ReconBreak b;
        b.runId = runId;
        b.channel = u"wallet"_s;
        b.category = categories.at(i % categories.size());
        b.flowNo = u"F-%1-%2"_s.arg(runId).arg(i);
        b.channelTxnNo = u"T-%1-%2"_s.arg(runId).arg(i);
        b.localAmount = 100 + i;
        b.lineNo = i + 2;
        b.createdAtMs = at(kDay, 23, 0);
        auto id = store.insert(b);
        if (!id)
            return {};
        ids.append(*id);
    }
    return ids;
}

} // namespace

class TestReconciler : public QObject
{
    Q_OBJECT
private slots:
    void everyCategory();
    void refundsMatchedAgainstRefundFlows();
    void cutoffHeldAndRechecked();
    void cutoffHeldForPreviousDay();
    void reimportSupersedes();
    void rejectedFileRecordsNothing();
    void statementForAnotherDayOrChannelRefused();
    void unknownFlowShownPaidIsSettled();
    void closedOrderShownPaidIsRefunded();
    void readerPagesBreaks_data();
    void readerPagesBreaks();
    void readerPagesRuns();
};

void TestReconciler::everyCategory()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    insertFlows(**db,
        {
            {u"F-OK1"_s, 1000, u"SUCCEEDED"_s, at(kDay, 10, 0), u"T1"_s},
            {u"F-OK2"_s, 2000, u"SUCCEEDED"_s, at(kDay, 11, 0), u"T2"_s},
            {u"F-MISS"_s, 3000, u"SUCCEEDED"_s, at(kDay, 12, 0), u"T3"_s},
            {u"F-AMT"_s, 4000, u"SUCCEEDED"_s, at(kDay, 13, 0), u"T4"_s},
            {u"F-ST"_s, 5000, u"SUCCEEDED"_s, at(kDay, 14, 0), u"T5"_s},
            {u"F-DUP"_s, 6000, u"SUCCEEDED"_s, at(kDay, 15, 0), u"T6"_s},
            {u"F-FAIL"_s, 7000, u"FAILED"_s, at(kDay, 16, 0), QString()},
            {u"F-TXN"_s, 8000, u"SUCCEEDED"_s, at(kDay, 17, 0), u"T8"_s},
            {u"F-PAY"_s, 9000, u"PAYING"_s, at(kDay, 18, 0), QString()},
            {u"F-W"_s, 100, u"SUCCEEDED"_s, at(kDay, 10, 0), u"W1"_s, u"wallet"_s},
        });
    if (QTest::currentTestFailed())
        return;
    QByteArray csv = canonical({line(u"F-OK1"_s, u"T1"_s, 1000, at(kDay, 10, 0, 1)),
                                   line(u"F-OK2"_s, u"T2"_s, 2000, at(kDay, 11, 0, 1)),
                                   line(u"F-AMT"_s, u"T4"_s, 4001, at(kDay, 13, 0, 1)),
                                   line(u"F-ST"_s, u"T5"_s, 5000, at(kDay, 14, 0, 1), u"CLOSED"_s),
                                   line(u"F-DUP"_s, u"T6"_s, 6000, at(kDay, 15, 0, 1)),
                                   line(u"F-DUP"_s, u"T6"_s, 6000, at(kDay, 15, 0, 1)),
                                   line(u"F-FAIL"_s, u"T7"_s, 7000, at(kDay, 16, 0, 1)),
                                   line(u"X-OTHER"_s, u"T8"_s, 8000, at(kDay, 17, 0, 1)), // found by txn no.
                                   line(u"F-PAY"_s, u"T9"_s, 9000, at(kDay, 18, 0, 1)),
                                   line(u"PHANTOM-1"_s, u"TP"_s, 1234, at(kDay, 19, 0, 1)),
                                   line(u"F-JUNK"_s, u"TJ"_s, 1, at(kDay, 20, 0, 1))},
        kDay);
    csv.replace(",F-JUNK,TJ,,,1,", ",F-JUNK,TJ,,,1x,");
    Reconciler reconciler(**db);
    auto report = reconciler.reconcile(csv, options(kDay));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->lines, 10);
    QCOMPARE(report->counts.value(u"MATCHED"_s), 4); // OK1, OK2, the first F-DUP, F-TXN
    QCOMPARE(report->counts.value(u"MISSING_AT_CHANNEL"_s), 1);
    QCOMPARE(report->counts.value(u"MISSING_LOCALLY"_s), 1);
    QCOMPARE(report->counts.value(u"AMOUNT_MISMATCH"_s), 1);
    QCOMPARE(report->counts.value(u"STATUS_MISMATCH"_s), 3); // F-ST, F-FAIL, F-PAY (no engine)
    QCOMPARE(report->counts.value(u"DUPLICATE_IN_STATEMENT"_s), 1);
    QCOMPARE(report->counts.value(u"CUTOFF"_s), 0);
    QCOMPARE(report->autoResolved, 0);
    QCOMPARE(report->open, 7);
    QCOMPARE(report->quarantined.size(), 1);
    QCOMPARE(report->quarantined[0].lineNo, 13); // 2 header lines + the 11th row
    QVERIFY(report->quarantined[0].reason.contains(u"amount_minor"_s));

    auto breaks = BreakStore(**db).forRun(report->runId);
    QVERIFY(breaks);
    QCOMPARE(breaks->size(), 7);
    const ReconBreak *miss = breakFor(*breaks, u"F-MISS"_s, BreakCategory::MissingAtChannel);
    QVERIFY(miss);
    QCOMPARE(miss->localAmount.value_or(-1), 3000);
    QVERIFY(!miss->statementAmount);
    QCOMPARE_NAME(miss->state, BreakState::Open);
    const ReconBreak *amt = breakFor(*breaks, u"F-AMT"_s, BreakCategory::AmountMismatch);
    QVERIFY(amt);
    QCOMPARE(amt->statementAmount.value_or(-1), 4001);
    QCOMPARE(amt->lineNo, 5);
    QVERIFY(breakFor(*breaks, u"PHANTOM-1"_s, BreakCategory::MissingLocally));
    QVERIFY(breakFor(*breaks, u"F-ST"_s, BreakCategory::StatusMismatch));
    QVERIFY(breakFor(*breaks, u"F-FAIL"_s, BreakCategory::StatusMismatch));
    QVERIFY(breakFor(*breaks, u"F-PAY"_s, BreakCategory::StatusMismatch));
    const ReconBreak *dup = breakFor(*breaks, u"F-DUP"_s, BreakCategory::DuplicateInStatement);
    QVERIFY(dup);
    QCOMPARE(dup->lineNo, 8);
    QVERIFY(dup->detail.contains(u"line 7"_s));
    QVERIFY(!breakFor(*breaks, u"F-W"_s, BreakCategory::MissingAtChannel)); // another channel

    QSqlQuery q((*db)->db());
    QVERIFY(
        q.exec(u"SELECT line_no, reason, raw FROM recon_quarantine WHERE run_id = %1"_s.arg(report->runId)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 13);
    QVERIFY(q.value(2).toString().contains(u"F-JUNK"_s));
    QVERIFY(q.exec(u"SELECT lines, quarantined, matched, breaks, finished_at IS NOT NULL FROM recon_runs"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 11);
    QCOMPARE(q.value(1).toInt(), 1);
    QCOMPARE(q.value(2).toInt(), 4);
    QCOMPARE(q.value(3).toInt(), 7);
    QVERIFY(q.value(4).toBool());
}

void TestReconciler::refundsMatchedAgainstRefundFlows()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const qint64 t = at(kDay, 12, 0);
    insertFlows(**db, {{u"F-R"_s, 5000, u"SUCCEEDED"_s, at(kDay, 11, 0), u"T1"_s}});
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(
        u"INSERT INTO refund_orders (id, refund_no, trade_id, amount, currency, reason, status, created_at,"
        " updated_at) VALUES (1, 'RO-1', 1, 4000, 'CNY', 'CUSTOMER_REQUEST', 'SUCCEEDED', %1, %1)"_s.arg(t)));
    QVERIFY(q.exec(
        u"INSERT INTO refund_flows (refund_flow_no, refund_id, flow_id, trade_id, channel, amount, currency,"
        " status, channel_refund_no, created_at, updated_at) VALUES"
        " ('RF-1', 1, 1, 1, 'card', 3000, 'CNY', 'SUCCEEDED', 'CR1', %1, %1),"
        " ('RF-2', 1, 1, 1, 'card', 1000, 'CNY', 'SUCCEEDED', 'CR2', %1, %1)"_s.arg(t)));
    StatementLine r1 = line(u"RF-1"_s, u"CR1"_s, 3000, t + 1000, u"REFUND"_s);
    r1.type = StatementLine::Type::Refund;
    r1.originalFlowNo = u"F-R"_s;
    StatementLine rx = line(u"RF-X"_s, u"CRX"_s, 700, t + 2000, u"REFUND"_s);
    rx.type = StatementLine::Type::Refund;
    Reconciler reconciler(**db);
    auto report = reconciler.reconcile(
        canonical({line(u"F-R"_s, u"T1"_s, 5000, at(kDay, 11, 0, 1)), r1, rx}, kDay), options());
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->counts.value(u"MATCHED"_s), 2); // the payment and RF-1
    QCOMPARE(countWhere(**db, u"flow_no = 'RF-2' AND category = 'MISSING_AT_CHANNEL'"_s), 1);
    QCOMPARE(countWhere(**db, u"flow_no = 'RF-X' AND category = 'MISSING_LOCALLY'"_s), 1);
    QCOMPARE(report->open, 2);
}

void TestReconciler::cutoffHeldAndRechecked()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const QDate next = kDay.addDays(1);
    insertFlows(**db,
        {
            {u"F-NOON"_s, 1000, u"SUCCEEDED"_s, at(kDay, 12, 0), u"T0"_s},
            {u"F-LATE"_s, 2000, u"SUCCEEDED"_s, at(kDay, 23, 58), u"T1"_s},
            {u"F-LATE2"_s, 3000, u"SUCCEEDED"_s, at(kDay, 23, 57), u"T2"_s},
            {u"F-EARLY"_s, 4000, u"SUCCEEDED"_s, at(next, 0, 3), u"T3"_s},
            {u"F-NEXT"_s, 5000, u"SUCCEEDED"_s, at(next, 9, 0), u"T4"_s},
        });
    if (QTest::currentTestFailed())
        return;
    Reconciler reconciler(**db);
    // Day 1: F-LATE and F-LATE2 are missing (just before midnight); F-EARLY (just after) is shown
    // on this day, mirrored across midnight.
    auto day1 = reconciler.reconcile(canonical({line(u"F-NOON"_s, u"T0"_s, 1000, at(kDay, 12, 0, 1)),
                                                   line(u"F-EARLY"_s, u"T3"_s, 4000, at(kDay, 23, 57))},
                                         kDay),
        options());
    QVERIFY2(day1, qPrintable(day1 ? QString() : day1.error().message));
    QCOMPARE(day1->day, kDay); // from the file header
    QCOMPARE(day1->counts.value(u"MATCHED"_s), 2);
    QCOMPARE(day1->counts.value(u"MISSING_AT_CHANNEL"_s), 0);
    QCOMPARE(day1->held, 2);
    QCOMPARE(day1->counts.value(u"CUTOFF"_s), 3); // two held, one matched across midnight
    QCOMPARE(
        countWhere(**db, u"category = 'CUTOFF' AND state = 'HELD' AND expected_day = '2026-05-30'"_s), 2);
    QCOMPARE(countWhere(**db, u"category = 'CUTOFF' AND flow_no = 'F-EARLY' AND state = 'RESOLVED'"_s), 1);

    // Day 2: F-LATE turns up just after midnight, F-LATE2 never does; F-EARLY was on day 1.
    auto day2 = reconciler.reconcile(canonical({line(u"F-LATE"_s, u"T1"_s, 2000, at(next, 0, 1)),
                                                   line(u"F-NEXT"_s, u"T4"_s, 5000, at(next, 9, 0, 1))},
                                         next),
        options());
    QVERIFY2(day2, qPrintable(day2 ? QString() : day2.error().message));
    QCOMPARE(day2->counts.value(u"MATCHED"_s), 2);
    QCOMPARE(day2->heldResolved, 1);
    QCOMPARE(day2->heldReopened, 1);
    QCOMPARE(day2->counts.value(u"MISSING_AT_CHANNEL"_s), 0); // F-EARLY is not flagged again
    QCOMPARE(countWhere(**db,
                 u"flow_no = 'F-LATE' AND category = 'CUTOFF' AND state = 'RESOLVED'"
                 " AND resolution = 'FOUND_IN_NEIGHBOUR_DAY'"_s),
        1);
    QCOMPARE(
        countWhere(**db, u"flow_no = 'F-LATE2' AND category = 'MISSING_AT_CHANNEL' AND state = 'OPEN'"_s), 1);
    QCOMPARE(countWhere(**db, u"state = 'HELD'"_s), 0);
    QCOMPARE(countWhere(**db, u"flow_no = 'F-EARLY' AND state <> 'RESOLVED'"_s), 0);
}

void TestReconciler::cutoffHeldForPreviousDay()
{
    // The days arrive out of order: day 2 first, then day 1.
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const QDate next = kDay.addDays(1);
    insertFlows(**db,
        {{u"F-EARLY"_s, 4000, u"SUCCEEDED"_s, at(next, 0, 3), u"T3"_s},
            {u"F-EARLY2"_s, 4100, u"SUCCEEDED"_s, at(next, 0, 4), u"T4"_s}});
    Reconciler reconciler(**db);
    auto day2 = reconciler.reconcile(canonical({}, next), options());
    QVERIFY(day2);
    QCOMPARE(day2->held, 2);
    QCOMPARE(countWhere(**db, u"state = 'HELD' AND expected_day = '2026-05-29'"_s), 2);
    auto day1 = reconciler.reconcile(
        canonical({line(u"F-EARLY"_s, u"T3"_s, 4000, at(kDay, 23, 57))}, kDay), options());
    QVERIFY(day1);
    QCOMPARE(day1->counts.value(u"MATCHED"_s), 1);
    QCOMPARE(day1->heldResolved, 1);
    QCOMPARE(day1->heldReopened, 1);
    QCOMPARE(
        countWhere(**db, u"flow_no = 'F-EARLY2' AND category = 'MISSING_AT_CHANNEL' AND state = 'OPEN'"_s),
        1);
    QCOMPARE(countWhere(**db, u"state = 'HELD'"_s), 0);
}

void TestReconciler::reimportSupersedes()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    insertFlows(**db, {{u"F-MISS"_s, 3000, u"SUCCEEDED"_s, at(kDay, 12, 0), u"T3"_s}});
    Reconciler reconciler(**db);
    const QByteArray csv = canonical({}, kDay);
    QVERIFY(reconciler.reconcile(csv, options()));
    QVERIFY(reconciler.reconcile(csv, options()));
    QCOMPARE(countWhere(**db, u"flow_no = 'F-MISS' AND state = 'OPEN'"_s), 1);
    QCOMPARE(countWhere(**db, u"flow_no = 'F-MISS' AND resolution = 'SUPERSEDED'"_s), 1);
}

void TestReconciler::rejectedFileRecordsNothing()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QByteArray csv = canonical({line(u"F1"_s, u"T1"_s, 1000, at(kDay, 10, 0))}, kDay);
    csv.truncate(csv.indexOf("# end"));
    Reconciler reconciler(**db);
    auto report = reconciler.reconcile(csv, options());
    QVERIFY(!report);
    QVERIFY(report.error().message.contains(u"truncated"_s));
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM recon_runs) + (SELECT count(*) FROM recon_breaks)"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestReconciler::statementForAnotherDayOrChannelRefused()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    Reconciler reconciler(**db);
    auto wrongDay = reconciler.reconcile(canonical({}, kDay), options(kDay.addDays(1)));
    QVERIFY(!wrongDay);
    QVERIFY(wrongDay.error().message.contains(u"2026-05-29"_s));
    auto wrongChannel = reconciler.reconcile(canonical({}, kDay, u"qr_a"_s), options());
    QVERIFY(!wrongChannel);
    QVERIFY(wrongChannel.error().message.contains(u"qr_a"_s));
}

void TestReconciler::unknownFlowShownPaidIsSettled()
{
    EngineRig rig;
    FaultProfile p;
    p.timeoutSucceededRate = 1.0; // the bank took the money; every answer (queries too) is lost
    p.timeoutMs = 100;
    rig.card->setFaultProfile(p);
    QVERIFY(rig.pay(u"T-unknown"_s, 2500, {{u"card"_s, {}, 2500}}));
    rig.clock.advance(400'000); // compensation runs out: statement reconciliation decides
    OrderView v = rig.view(u"T-unknown"_s);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Paying);
    QVERIFY(v.flows[0].reconPending);
    rig.card->setFaultProfile(FaultProfile {});

    const QDate day = QDateTime::fromMSecsSinceEpoch(rig.clock.nowMs(), Qt::UTC).date();
    auto lines = SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, day);
    QVERIFY(lines);
    QCOMPARE(lines->size(), 1);
    Reconciler reconciler(*rig.db, &rig.clock, rig.engine);
    auto report = reconciler.reconcile(canonical(*lines, day), options());
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->autoResolved, 1);
    QCOMPARE(report->open, 0);
    rig.clock.advance(5000);

    v = rig.view(u"T-unknown"_s);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Succeeded);
    QVERIFY(!v.flows[0].reconPending);
    QCOMPARE(v.flows[0].channelTxnNo, lines->first().channelTxnNo);
    bool viaRecon = false;
    for (const Event &e : v.events)
        viaRecon |= e.entity == u"FLOW"_s && e.source == EventSource::Recon && e.toState == u"SUCCEEDED"_s;
    QVERIFY(viaRecon);
    QCOMPARE(countWhere(*rig.db,
                 u"flow_no = '%1' AND state = 'RESOLVED' AND resolution = 'SETTLED_FROM_STATEMENT'"_s.arg(
                     v.flows[0].flowNo)),
        1);
    QCOMPARE(invariantFailures(*rig.db), QString());
    // The pairwise checks agree afterwards.
    PairwiseChecker checker(*rig.db, rig.clock, &rig.core->gateway());
    auto pairwise = checker.checkTrade(v.trade.id);
    QVERIFY(pairwise);
    QCOMPARE(pairwise->size(), 0);
}

void TestReconciler::closedOrderShownPaidIsRefunded()
{
    EngineRig rig;
    FaultProfile p;
    p.timeoutSucceededRate = 1.0;
    p.timeoutMs = 100;
    rig.card->setFaultProfile(p);
    QVERIFY(rig.pay(u"T-closed"_s, 3300, {{u"card"_s, {}, 3300}}));
    rig.clock.advance(400'000);
    // The order closes on our side while the channel has (unknown to us) taken the money.
    QVERIFY(rig.engine->close(u"T-closed"_s, EventSource::Operator, u"ops1"_s));
    rig.clock.advance(5000);
    OrderView v = rig.view(u"T-closed"_s);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Paying);
    rig.card->setFaultProfile(FaultProfile {});

    const QDate day = QDateTime::fromMSecsSinceEpoch(rig.clock.nowMs(), Qt::UTC).date();
    auto lines = SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, day);
    QVERIFY(lines);
    Reconciler reconciler(*rig.db, &rig.clock, rig.engine);
    auto report = reconciler.reconcile(canonical(*lines, day), options());
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->autoResolved, 1);
    rig.clock.advance(60'000);

    v = rig.view(u"T-closed"_s);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed); // stays closed
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Succeeded); // recorded truthfully
    QCOMPARE(refundsWithReason(v, RefundReason::ClosedButPaid, RefundStatus::Succeeded), 1);
    QCOMPARE(v.flows[0].refundedMinor, 3300);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestReconciler::readerPagesBreaks_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("pageSize");
    QTest::addRow("every category") << QString() << 7;
    QTest::addRow("one category") << u"AMOUNT_MISMATCH"_s << 4;
    QTest::addRow("page of one") << u"MISSING_AT_CHANNEL"_s << 1;
}

void TestReconciler::readerPagesBreaks()
{
    QFETCH(QString, category);
    QFETCH(int, pageSize);
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const qint64 run = insertRun(**db, u"wallet"_s, kDay);
    const qint64 other = insertRun(**db, u"wallet"_s, kDay.addDays(1));
    QVERIFY(run > 0 && other > 0);
    const QList<BreakCategory> categories
        = {BreakCategory::AmountMismatch, BreakCategory::MissingAtChannel, BreakCategory::StatusMismatch};
    // Two runs' breaks interleaved in id order, so a page must skip the other run's rows.
    QList<qint64> expected;
    for (int round = 0; round < 10; ++round) {
        const QList<qint64> ours = insertBreaks(**db, run, 3, categories);
        QCOMPARE(ours.size(), 3);
        QCOMPARE(insertBreaks(**db, other, 2, categories).size(), 2);
        for (int i = 0; i < ours.size(); ++i) {
            if (category.isEmpty() || toString(categories.at(i)) == category)
                expected.prepend(ours.at(i)); // highest id first
        }
    }
    QVERIFY2(expected.size() > 2 * pageSize, "more than two pages");

    auto reader = ReconReader::open(tmp.path());
    QVERIFY(reader);
    QList<qint64> seen;
    qint64 before = 0;
    int pages = 0;
    for (;;) {
        auto page = (*reader)->breaksPage(run, category, before, pageSize);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QVERIFY(page->size() <= pageSize);
        if (page->isEmpty())
            break;
        ++pages;
        for (const ReconBreakRow &b : std::as_const(*page)) {
            seen.append(b.id);
            QVERIFY(b.flowNo.startsWith(u"F-%1-"_s.arg(run)));
            if (!category.isEmpty())
                QCOMPARE(b.category, category);
            QVERIFY(b.hasLocalAmount);
            QVERIFY(!b.hasStatementAmount);
        }
        before = page->back().id;
        QVERIFY(pages <= expected.size()); // never loops
    }
    // Every row exactly once, highest id first.
    QCOMPARE(seen, expected);
    QCOMPARE(pages, int((expected.size() + pageSize - 1) / pageSize));
    // The count the page's title shows agrees with what paging reached.
    auto counts = (*reader)->breakCounts(run);
    QVERIFY(counts);
    qint64 total = 0;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        total += category.isEmpty() || it.key() == category ? it.value() : 0;
    QCOMPARE(total, qint64(expected.size()));
}

void TestReconciler::readerPagesRuns()
{
    TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QList<qint64> expected;
    for (int i = 0; i < 11; ++i) {
        const qint64 id = insertRun(**db, i % 2 ? u"wallet"_s : u"card"_s, kDay.addDays(-i));
        QVERIFY(id > 0);
        expected.prepend(id);
    }
    // A pairwise sweep's run is no statement run: never listed.
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(u"INSERT INTO recon_runs (kind, channel, started_at) VALUES ('PAIRWISE', 'wallet', 1)"_s));

    auto reader = ReconReader::open(tmp.path());
    QVERIFY(reader);
    QList<qint64> seen;
    qint64 before = 0;
    for (int pages = 0; pages < 20; ++pages) {
        auto page = (*reader)->runsPage(before, 4);
        QVERIFY(page);
        QVERIFY(page->size() <= 4);
        if (page->isEmpty())
            break;
        for (const ReconRunRow &r : std::as_const(*page))
            seen.append(r.id);
        before = page->back().id;
    }
    QCOMPARE(seen, expected);

    auto one = (*reader)->run(expected.at(3));
    QVERIFY(one && *one);
    QCOMPARE((*one)->id, expected.at(3));
    QCOMPARE((*one)->statementDay, kDay.addDays(-7).toString(Qt::ISODate));
    QCOMPARE((*one)->format, u"canonical"_s);
    auto none = (*reader)->run(expected.first() + 1000);
    QVERIFY(none);
    QVERIFY(!none->has_value());
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
