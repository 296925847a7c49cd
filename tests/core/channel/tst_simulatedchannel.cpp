// SimulatedChannel: the fault model, idempotency, close/query semantics and statements, driven
// through CardChannel (the simulated channel with no account logic of its own).
#include "channel/cardchannel.h"
#include "sim/clock.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

struct Reply
{
    qint64 atMs = 0;
    ChannelResult result;
};

const qint64 Midnight = QDateTime(QDate(2026, 5, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

PayRequest payRequest(const QString &flowNo, qint64 amount = 10'000)
{
    PayRequest r;
    r.flowNo = flowNo;
    r.amount = Money(amount, Currency::cny());
    r.subject = u"Basket"_s;
    return r;
}

RefundRequest refundRequest(const QString &refundNo, const QString &flowNo, qint64 amount)
{
    RefundRequest r;
    r.refundNo = refundNo;
    r.flowNo = flowNo;
    r.amount = Money(amount, Currency::cny());
    return r;
}

FaultProfile quiet(qint64 latencyMs = 100)
{
    FaultProfile p;
    p.latency = LatencyModel::fixed(latencyMs);
    return p;
}

// One card channel on a virtual clock with its own books.
struct Rig
{
    explicit Rig(qint64 startMs = Midnight + 12 * 3600 * 1000)
        : clock(startMs)
    {
        books = std::move(*ChannelBooks::open(db.filePath(u"books.sqlite"_s)));
        card = std::make_unique<CardChannel>(&clock, books.get());
        card->setFaultProfile(quiet());
    }
    Channel::ResultHandler collect()
    {
        return [this](const ChannelResult &r) { replies << Reply {clock.nowMs(), r}; };
    }
    ChannelResult payNow(const QString &flowNo, qint64 amount = 10'000)
    {
        const int before = int(replies.size());
        card->pay(payRequest(flowNo, amount), collect());
        clock.runUntilIdle();
        return replies.size() > before ? replies.last().result : ChannelResult {};
    }
    ChannelResult run(std::function<void(Channel::ResultHandler)> call)
    {
        const int before = int(replies.size());
        call(collect());
        clock.runUntilIdle();
        return replies.size() > before ? replies.last().result : ChannelResult {};
    }
    std::optional<ChannelBooks::Order> order(const QString &flowNo)
    {
        return *books->order(u"card"_s, flowNo);
    }

    test::TempDb db;
    VirtualClock clock;
    std::unique_ptr<ChannelBooks> books;
    std::unique_ptr<CardChannel> card;
    QList<Reply> replies;
};

} // namespace

class TestSimulatedChannel : public QObject
{
    Q_OBJECT
private slots:
    void answersAfterLatencyNeverInline();
    void latencyShapes_data();
    void latencyShapes();
    void declineIsDefiniteAndRemembered();
    void timeoutSplit_data();
    void timeoutSplit();
    void unknownCode_data();
    void unknownCode();
    void outageFailsFast();
    void outageHangs();
    void payIsIdempotentByFlowNo();
    void refundIsIdempotentByRefundNo();
    void refundLimitsAndFees();
    void closeAndQuerySemantics();
    void sameSeedSameFaults();
    void profileChangesAtRunTime();
    void statementFromBooks();
    void statementBreaks_data();
    void statementBreaks();
    void midnightShiftMovesLineToNeighbour();
};

void TestSimulatedChannel::answersAfterLatencyNeverInline()
{
    Rig rig;
    rig.card->setFaultProfile(quiet(120));
    const qint64 t0 = rig.clock.nowMs();
    rig.card->pay(payRequest(u"F1"_s), rig.collect());
    QCOMPARE(rig.replies.size(), 0); // never from inside the call
    QCOMPARE(rig.card->repliesPending(), 1);
    rig.clock.advance(119);
    QCOMPARE(rig.replies.size(), 0);
    rig.clock.advance(1);
    QCOMPARE(rig.replies.size(), 1);
    QCOMPARE(rig.replies[0].atMs, t0 + 120);
    const ChannelResult &r = rig.replies[0].result;
    QCOMPARE(r.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(r.code, u"SUCCESS"_s);
    QVERIFY(r.channelTxnNo.startsWith(u"RRN"_s));
    QCOMPARE(r.channelTxnNo.size(), 15);
    QCOMPARE(r.amountMinor, 10'000);
    QCOMPARE(rig.card->repliesPending(), 0);
    const auto o = rig.order(u"F1"_s);
    QVERIFY(o);
    QCOMPARE(o->status, u"PAID"_s);
    QCOMPARE(o->feeMinor, 55); // 0.55 % of 100.00
}

void TestSimulatedChannel::latencyShapes_data()
{
    QTest::addColumn<LatencyModel>("model");
    QTest::addColumn<qint64>("minMs");
    QTest::addColumn<qint64>("maxMs");
    QTest::addRow("fixed") << LatencyModel::fixed(250) << qint64(250) << qint64(250);
    QTest::addRow("uniform") << LatencyModel::uniform(100, 400) << qint64(100) << qint64(400);
    QTest::addRow("lognormal capped")
        << LatencyModel::logNormal(300, 1500, 2000) << qint64(0) << qint64(2000);
}

void TestSimulatedChannel::latencyShapes()
{
    QFETCH(LatencyModel, model);
    QFETCH(qint64, minMs);
    QFETCH(qint64, maxMs);
    Rig rig;
    FaultProfile p;
    p.seed = 7;
    p.latency = model;
    rig.card->setFaultProfile(p);
    QSet<qint64> seen;
    for (int i = 0; i < 40; ++i) {
        const qint64 t0 = rig.clock.nowMs();
        const int before = int(rig.replies.size());
        rig.card->query(u"nothing"_s, rig.collect());
        rig.clock.runUntilIdle();
        QCOMPARE(rig.replies.size(), before + 1);
        const qint64 took = rig.replies.last().atMs - t0;
        QVERIFY2(took >= minMs && took <= maxMs, qPrintable(QString::number(took)));
        seen.insert(took);
    }
    QCOMPARE(seen.size() > 1, minMs != maxMs); // a distribution actually varies
}

void TestSimulatedChannel::declineIsDefiniteAndRemembered()
{
    Rig rig;
    FaultProfile p = quiet();
    p.declineRate = 1.0;
    p.declineCodes = {u"EXPIRED_CARD"_s};
    rig.card->setFaultProfile(p);
    const ChannelResult r = rig.payNow(u"F1"_s);
    QCOMPARE(r.outcome, ChannelOutcome::Failed);
    QCOMPARE(r.code, u"EXPIRED_CARD"_s);
    QVERIFY(r.requestSent);
    QCOMPARE(rig.card->faultLog().size(), 1);
    QCOMPARE(rig.card->faultLog().first().fault, u"decline:EXPIRED_CARD"_s);

    rig.card->setFaultProfile(quiet());
    // The same flow no. gets the same answer; a query says FAILED.
    const ChannelResult again = rig.payNow(u"F1"_s);
    QCOMPARE(again.outcome, ChannelOutcome::Failed);
    QCOMPARE(again.code, u"EXPIRED_CARD"_s);
    const ChannelResult q = rig.run([&](auto h) { rig.card->query(u"F1"_s, h); });
    QCOMPARE(q.outcome, ChannelOutcome::Failed);
    QCOMPARE(q.channelStatus, u"FAILED"_s);
    QCOMPARE(q.code, u"EXPIRED_CARD"_s);
}

void TestSimulatedChannel::timeoutSplit_data()
{
    QTest::addColumn<bool>("actuallySucceeded");
    QTest::addColumn<QString>("bookStatus");
    QTest::addColumn<ChannelOutcome>("queryOutcome");
    QTest::addRow("timed out but succeeded") << true << u"PAID"_s << ChannelOutcome::Succeeded;
    QTest::addRow("timed out and failed") << false << u"FAILED"_s << ChannelOutcome::Failed;
}

void TestSimulatedChannel::timeoutSplit()
{
    QFETCH(bool, actuallySucceeded);
    QFETCH(QString, bookStatus);
    QFETCH(ChannelOutcome, queryOutcome);
    Rig rig;
    FaultProfile p = quiet(200);
    (actuallySucceeded ? p.timeoutSucceededRate : p.timeoutFailedRate) = 1.0;
    p.timeoutMs = 5000;
    rig.card->setFaultProfile(p);
    const qint64 t0 = rig.clock.nowMs();
    rig.card->pay(payRequest(u"F1"_s), rig.collect());
    rig.clock.advance(200);
    QCOMPARE(rig.replies.size(), 0);
    QCOMPARE(rig.order(u"F1"_s)->status, bookStatus); // the channel decided at 200 ms
    rig.clock.runUntilIdle();
    QCOMPARE(rig.replies.size(), 1);
    QCOMPARE(rig.replies[0].atMs, t0 + 5000);
    QCOMPARE(rig.replies[0].result.outcome, ChannelOutcome::Unknown);
    QCOMPARE(rig.replies[0].result.code, u"TIMEOUT"_s);
    QCOMPARE(
        rig.card->faultLog().first().fault, actuallySucceeded ? u"timeout_succeeded"_s : u"timeout_failed"_s);
    rig.card->setFaultProfile(quiet());
    const ChannelResult q = rig.run([&](auto h) { rig.card->query(u"F1"_s, h); });
    QCOMPARE(q.outcome, queryOutcome);
}

void TestSimulatedChannel::unknownCode_data()
{
    QTest::addColumn<double>("appliedRate");
    QTest::addColumn<QString>("bookStatus");
    QTest::addRow("applied") << 1.0 << u"PAID"_s;
    QTest::addRow("not applied") << 0.0 << u"FAILED"_s;
}

void TestSimulatedChannel::unknownCode()
{
    QFETCH(double, appliedRate);
    QFETCH(QString, bookStatus);
    Rig rig;
    FaultProfile p = quiet();
    p.unknownCodeRate = 1.0;
    p.unknownCodes = {u"E_9Z"_s};
    p.unknownCodeAppliedRate = appliedRate;
    rig.card->setFaultProfile(p);
    const ChannelResult r = rig.payNow(u"F1"_s);
    QCOMPARE(r.outcome, ChannelOutcome::Unknown);
    QCOMPARE(r.code, u"E_9Z"_s);
    QCOMPARE(rig.order(u"F1"_s)->status, bookStatus);
}

void TestSimulatedChannel::outageFailsFast()
{
    Rig rig;
    FaultProfile p = quiet(300);
    const qint64 now = rig.clock.nowMs();
    p.outages = {OutageWindow {now, now + 60'000, OutageWindow::Mode::Fail}};
    p.failFastMs = 2;
    rig.card->setFaultProfile(p);
    rig.card->pay(payRequest(u"F1"_s), rig.collect());
    rig.clock.advance(2);
    QCOMPARE(rig.replies.size(), 1);
    QCOMPARE(rig.replies[0].result.outcome, ChannelOutcome::Failed);
    QCOMPARE(rig.replies[0].result.code, u"CHANNEL_UNAVAILABLE"_s);
    QCOMPARE(rig.replies[0].result.requestSent, false);
    QVERIFY(!rig.order(u"F1"_s)); // nothing reached the books
    rig.clock.advanceTo(now + 60'000);
    const ChannelResult after = rig.payNow(u"F1"_s);
    QCOMPARE(after.outcome, ChannelOutcome::Succeeded);
}

void TestSimulatedChannel::outageHangs()
{
    Rig rig;
    FaultProfile p = quiet();
    const qint64 now = rig.clock.nowMs();
    p.outages = {OutageWindow {now, now + 1000, OutageWindow::Mode::Hang}};
    p.hangMs = 2 * 3600 * 1000;
    rig.card->setFaultProfile(p);
    rig.card->pay(payRequest(u"F1"_s), rig.collect());
    rig.clock.advance(3600 * 1000);
    QCOMPARE(rig.replies.size(), 0);
    QCOMPARE(rig.card->repliesPending(), 1);
    rig.clock.advance(3600 * 1000);
    QCOMPARE(rig.replies.size(), 1); // exactly once, even when hanging
    QCOMPARE(rig.replies[0].result.outcome, ChannelOutcome::Unknown);
    QCOMPARE(rig.replies[0].result.code, u"TIMEOUT"_s);
    QVERIFY(!rig.order(u"F1"_s));
}

void TestSimulatedChannel::payIsIdempotentByFlowNo()
{
    Rig rig;
    const ChannelResult first = rig.payNow(u"F1"_s);
    const ChannelResult second = rig.payNow(u"F1"_s);
    QCOMPARE(second.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(second.channelTxnNo, first.channelTxnNo);
    QCOMPARE(rig.books->orders(u"card"_s)->size(), 1);
    const ChannelResult other = rig.payNow(u"F1"_s, 999);
    QCOMPARE(other.outcome, ChannelOutcome::Failed);
    QCOMPARE(other.code, u"OUT_TRADE_NO_USED"_s);
    QCOMPARE(rig.order(u"F1"_s)->amountMinor, 10'000);
}

void TestSimulatedChannel::refundIsIdempotentByRefundNo()
{
    Rig rig;
    QVERIFY(rig.payNow(u"F1"_s).succeeded());
    const ChannelResult r1
        = rig.run([&](auto h) { rig.card->refund(refundRequest(u"R1"_s, u"F1"_s, 4000), h); });
    const ChannelResult r2
        = rig.run([&](auto h) { rig.card->refund(refundRequest(u"R1"_s, u"F1"_s, 4000), h); });
    QCOMPARE(r1.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(r2.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(r2.channelTxnNo, r1.channelTxnNo);
    QCOMPARE(rig.order(u"F1"_s)->refundedMinor, 4000);
    const ChannelResult misuse
        = rig.run([&](auto h) { rig.card->refund(refundRequest(u"R1"_s, u"F1"_s, 10), h); });
    QCOMPARE(misuse.code, u"REFUND_NO_USED"_s);
    const ChannelResult q = rig.run([&](auto h) { rig.card->queryRefund(u"R1"_s, h); });
    QCOMPARE(q.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(q.amountMinor, 4000);
    const ChannelResult none = rig.run([&](auto h) { rig.card->queryRefund(u"R9"_s, h); });
    QCOMPARE(none.outcome, ChannelOutcome::Failed);
    QCOMPARE(none.code, u"REFUND_NOT_EXIST"_s);
}

void TestSimulatedChannel::refundLimitsAndFees()
{
    Rig rig;
    QVERIFY(rig.payNow(u"F1"_s, 10'001).succeeded()); // fee 55.0055 -> 55
    QCOMPARE(rig.order(u"F1"_s)->feeMinor, 55);
    const ChannelResult tooMuch
        = rig.run([&](auto h) { rig.card->refund(refundRequest(u"R0"_s, u"F1"_s, 10'002), h); });
    QCOMPARE(tooMuch.outcome, ChannelOutcome::Failed);
    QCOMPARE(tooMuch.code, u"REFUND_AMOUNT_EXCEEDED"_s);
    qint64 returned = 0;
    for (int i = 0; i < 3; ++i) {
        const ChannelResult r = rig.run([&](auto h) {
            rig.card->refund(refundRequest(u"R%1"_s.arg(i + 1), u"F1"_s, i < 2 ? 3333 : 3335), h);
        });
        QVERIFY(r.succeeded());
        returned += (*rig.books->refund(u"card"_s, u"R%1"_s.arg(i + 1)))->feeReturnedMinor;
    }
    QCOMPARE(returned, 55); // the whole fee comes back, no unit lost to rounding
    QCOMPARE(rig.order(u"F1"_s)->status, u"REFUNDED"_s);
    const ChannelResult q = rig.run([&](auto h) { rig.card->query(u"F1"_s, h); });
    QCOMPARE(q.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(q.channelStatus, u"REFUNDED"_s);
    QCOMPARE(q.refundedMinor, 10'001);
    const ChannelResult unpaid
        = rig.run([&](auto h) { rig.card->refund(refundRequest(u"R7"_s, u"F1"_s, 1), h); });
    QCOMPARE(unpaid.code, u"ORDER_NOT_PAID"_s);
}

void TestSimulatedChannel::closeAndQuerySemantics()
{
    Rig rig;
    QVERIFY(rig.payNow(u"F1"_s).succeeded());
    const ChannelResult closePaid = rig.run([&](auto h) { rig.card->close(u"F1"_s, h); });
    QCOMPARE(closePaid.outcome, ChannelOutcome::Failed);
    QCOMPARE(closePaid.code, u"ALREADY_PAID"_s);
    QCOMPARE(closePaid.channelTxnNo, rig.order(u"F1"_s)->channelTxnNo);
    QCOMPARE(closePaid.amountMinor, 10'000);

    // A flow the channel never saw: "not found" is not final, closing makes it final.
    const ChannelResult unseen = rig.run([&](auto h) { rig.card->query(u"F2"_s, h); });
    QCOMPARE(unseen.outcome, ChannelOutcome::Pending);
    QCOMPARE(unseen.code, u"ORDER_NOT_EXIST"_s);
    rig.card->setFaultProfile(quiet(1000));
    rig.card->pay(payRequest(u"F2"_s), rig.collect()); // in flight...
    rig.card->setFaultProfile(quiet(10));
    rig.card->close(u"F2"_s, rig.collect()); // ...overtaken by the close
    rig.clock.runUntilIdle();
    QCOMPARE(rig.replies.size(), 5);
    QCOMPARE(rig.replies[3].result.message, u"Closed"_s);
    QCOMPARE(rig.replies[3].result.outcome, ChannelOutcome::Succeeded); // close first
    QCOMPARE(rig.replies[4].result.outcome, ChannelOutcome::Failed); // then the pay
    QCOMPARE(rig.replies[4].result.code, u"ORDER_CLOSED"_s);
    const ChannelResult closed = rig.run([&](auto h) { rig.card->query(u"F2"_s, h); });
    QCOMPARE(closed.outcome, ChannelOutcome::Failed);
    QCOMPARE(closed.channelStatus, u"CLOSED"_s);
}

void TestSimulatedChannel::sameSeedSameFaults()
{
    auto runOnce = [](quint64 seed) {
        Rig rig;
        FaultProfile p;
        p.seed = seed;
        p.latency = LatencyModel::logNormal(200, 800);
        p.declineRate = 0.2;
        p.declineCodes = {u"DECLINED"_s, u"INSUFFICIENT_FUNDS"_s};
        p.timeoutSucceededRate = 0.1;
        p.timeoutFailedRate = 0.1;
        p.unknownCodeRate = 0.1;
        p.timeoutMs = 3000;
        rig.card->setFaultProfile(p);
        for (int i = 0; i < 60; ++i)
            rig.card->pay(payRequest(u"F%1"_s.arg(i), 100 + i), rig.collect());
        rig.clock.runUntilIdle();
        QStringList trace;
        for (const Reply &r : std::as_const(rig.replies))
            trace << u"%1:%2:%3"_s.arg(r.atMs - Midnight).arg(r.result.code).arg(r.result.amountMinor);
        QStringList faults;
        for (const FaultEvent &e : rig.card->faultLog())
            faults << e.key + u'=' + e.fault;
        return std::make_pair(trace, faults);
    };
    const auto a = runOnce(42);
    const auto b = runOnce(42);
    const auto c = runOnce(43);
    QCOMPARE(a.first.size(), 60);
    QVERIFY(a.second.size() > 10); // the mix actually produced faults
    QCOMPARE(b.first, a.first);
    QCOMPARE(b.second, a.second);
    QVERIFY(c.second != a.second);
}

void TestSimulatedChannel::profileChangesAtRunTime()
{
    Rig rig;
    FaultProfile p = quiet();
    p.declineRate = 1.0;
    rig.card->setFaultProfile(p);
    QCOMPARE(rig.payNow(u"F1"_s).code, u"DECLINED"_s);
    p.declineRate = 0.0;
    rig.card->setFaultProfile(p);
    QCOMPARE(rig.payNow(u"F2"_s).code, u"SUCCESS"_s);
    QSignalSpy spy(rig.card.get(), &SimulatedChannel::faultInjected);
    p.declineRate = 1.0;
    rig.card->setFaultProfile(p);
    QCOMPARE(rig.payNow(u"F3"_s).code, u"DECLINED"_s);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), u"F3"_s);
}

void TestSimulatedChannel::statementFromBooks()
{
    Rig rig(Midnight + 3600 * 1000);
    QVERIFY(rig.payNow(u"F1"_s, 1000).succeeded());
    rig.clock.advance(3600 * 1000);
    QVERIFY(rig.payNow(u"F2"_s, 2000).succeeded());
    QVERIFY(rig.run([&](auto h) { rig.card->refund(refundRequest(u"R1"_s, u"F1"_s, 400), h); }).succeeded());
    rig.clock.advanceTo(Midnight + 25 * 3600 * 1000); // next day
    QVERIFY(rig.payNow(u"F3"_s, 3000).succeeded());

    auto lines = rig.card->statement(QDate(2026, 5, 29));
    QVERIFY(lines);
    QCOMPARE(lines->size(), 3);
    QCOMPARE(lines->at(0).flowNo, u"F1"_s);
    QCOMPARE(lines->at(0).status, u"SUCCESS"_s);
    QCOMPARE(lines->at(0).amountMinor, 1000);
    QCOMPARE(lines->at(0).feeMinor, 6); // 5.5 rounds half up
    QCOMPARE(lines->at(0).timeMs, Midnight + 3600 * 1000 + 100);
    QCOMPARE(lines->at(1).flowNo, u"F2"_s);
    QCOMPARE(lines->at(2).type, StatementLine::Type::Refund);
    QCOMPARE(lines->at(2).flowNo, u"R1"_s);
    QCOMPARE(lines->at(2).originalFlowNo, u"F1"_s);
    QCOMPARE(lines->at(2).originalChannelTxnNo, lines->at(0).channelTxnNo);
    QCOMPARE(lines->at(2).status, u"REFUND"_s);
    QCOMPARE(lines->at(2).amountMinor, 400);
    auto next = rig.card->statement(QDate(2026, 5, 30));
    QVERIFY(next);
    QCOMPARE(next->size(), 1);
    QCOMPARE(next->at(0).flowNo, u"F3"_s);
}

void TestSimulatedChannel::statementBreaks_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("missing") << u"missing"_s;
    QTest::addRow("extra") << u"extra"_s;
    QTest::addRow("amount") << u"amount"_s;
    QTest::addRow("status") << u"status"_s;
}

void TestSimulatedChannel::statementBreaks()
{
    QFETCH(QString, kind);
    Rig rig(Midnight + 3600 * 1000);
    for (int i = 0; i < 20; ++i)
        QVERIFY(rig.payNow(u"F%1"_s.arg(i), 1000 + i).succeeded());
    const auto clean = *rig.card->statement(QDate(2026, 5, 29));
    QCOMPARE(clean.size(), 20);

    FaultProfile p = quiet();
    p.seed = 99;
    StatementBreaks &b = p.statementBreaks;
    (kind == u"missing"_s         ? b.missingRate
            : kind == u"extra"_s  ? b.extraRate
            : kind == u"amount"_s ? b.amountDiffRate
                                  : b.statusDiffRate)
        = 0.5;
    auto broken = SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, QDate(2026, 5, 29), p);
    QVERIFY(broken);
    // Per-line decisions are stable: exporting twice gives the same file.
    QCOMPARE(SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, QDate(2026, 5, 29), p)->size(),
        broken->size());
    int differing = 0;
    if (kind == u"missing"_s) {
        QVERIFY(broken->size() < 20 && broken->size() > 0);
        differing = 20 - int(broken->size());
    } else if (kind == u"extra"_s) {
        QVERIFY(broken->size() > 20);
        for (const StatementLine &l : *broken)
            differing += l.flowNo.startsWith(u"PHANTOM-"_s) ? 1 : 0;
        QCOMPARE(differing, int(broken->size()) - 20);
    } else {
        QCOMPARE(broken->size(), 20);
        for (int i = 0; i < 20; ++i) {
            const StatementLine &l = broken->at(i);
            QCOMPARE(l.flowNo, clean.at(i).flowNo);
            if (kind == u"amount"_s)
                differing += l.amountMinor != clean.at(i).amountMinor ? 1 : 0;
            else
                differing += l.status != clean.at(i).status ? 1 : 0;
        }
    }
    QVERIFY2(differing >= 3 && differing <= 17, qPrintable(QString::number(differing)));
}

void TestSimulatedChannel::midnightShiftMovesLineToNeighbour()
{
    Rig rig(Midnight + 24 * 3600 * 1000 - 120'000); // 23:58 on the 29th
    for (int i = 0; i < 10; ++i)
        QVERIFY(rig.payNow(u"F%1"_s.arg(i), 500).succeeded());
    FaultProfile p = quiet();
    p.statementBreaks.midnightShiftRate = 1.0;
    p.statementBreaks.midnightWindowMs = 5 * 60'000;
    const auto day = SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, QDate(2026, 5, 29), p);
    const auto next = SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, QDate(2026, 5, 30), p);
    QVERIFY(day && next);
    QCOMPARE(day->size(), 0);
    QCOMPARE(next->size(), 10);
    QVERIFY(next->first().timeMs >= Midnight + 24 * 3600 * 1000);
    p.statementBreaks.midnightShiftRate = 0.0;
    QCOMPARE(SimulatedChannel::statementFromBooks(*rig.books, u"card"_s, QDate(2026, 5, 29), p)->size(), 10);
}

QTEST_GUILESS_MAIN(TestSimulatedChannel)
#include "tst_simulatedchannel.moc"
