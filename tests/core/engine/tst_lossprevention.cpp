// Loss prevention that holds (issue 16): each test reproduces a path by which money was refunded
// twice, kept or left stuck, through the real core (SQLite files, the simulated channels with
// their own books, the gateway) on a virtual clock. Each failed before its fix.
#include "enginerig.h"
#include "store/repositories.h"
#include "testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace pay;
using namespace pay::test;

namespace {

const QString kWallet = QStringLiteral("wallet");
const QString kCard = QStringLiteral("card");
const QString kQrA = QStringLiteral("qr_a");
const QString kQrB = QStringLiteral("qr_b");
const QString kMember = QStringLiteral("M1001");

const PaymentFlow *flowOn(const OrderView &v, const QString &channel)
{
    for (const PaymentFlow &f : v.flows) {
        if (f.channel == channel)
            return &f;
    }
    return nullptr;
}

const PaymentOrder *paymentOf(const OrderView &v, qint64 id)
{
    for (const PaymentOrder &p : v.payments) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

qint64 netKept(const OrderView &v)
{
    qint64 kept = 0;
    for (const PaymentFlow &f : v.flows) {
        if (f.status == FlowStatus::Succeeded)
            kept += f.amount.minor() - f.refundedMinor;
    }
    return kept;
}

// What the channels' own books say they took for this order's flows, minus what they gave back.
// Independent of the core's tables: read from ChannelBooks by flow no.
qint64 keptAtChannels(EngineRig &rig, const OrderView &v)
{
    qint64 kept = 0;
    for (const PaymentFlow &f : v.flows) {
        auto o = rig.books->order(f.channel, f.flowNo);
        if (!o || !o->has_value())
            continue;
        const auto &order = **o;
        if (order.status == ChannelBooks::statusPaid() || order.status == ChannelBooks::statusRefunded()
            || order.refundedMinor > 0)
            kept += order.amountMinor - order.refundedMinor;
    }
    return kept;
}

QString timeline(const OrderView &v)
{
    QStringList out;
    for (const Event &e : v.events)
        out << e.entity + QLatin1Char(' ') + e.entityNo + QLatin1Char(' ') + e.fromState + QStringLiteral("->") + e.toState
                + QLatin1Char(' ') + e.event;
    out << QStringLiteral("frozen=%1 %2").arg(v.trade.frozen).arg(v.trade.freezeReason);
    return out.join(QLatin1Char('\n'));
}

ChannelNotification lateSuccessFor(const PaymentFlow &f, const QString &txn)
{
    ChannelNotification n;
    n.channel = f.channel;
    n.flowNo = f.flowNo;
    n.channelTxnNo = txn;
    n.amountMinor = f.amount.minor();
    n.currency = QStringLiteral("CNY");
    n.outcome = ChannelOutcome::Succeeded;
    n.channelStatus = QStringLiteral("SUCCESS");
    return n;
}

// A QR A order the customer never paid, closed at expiry (its flow CLOSED at QR A too).
PaymentFlow expiredQrFlow(EngineRig &rig, const QString &no)
{
    if (!rig.pay(no, 1500, {{kQrA, {}, 1500}}))
        return {};
    rig.clock.advance(2 * 3'600'000);
    const OrderView v = rig.view(no);
    const PaymentFlow *f = flowOn(v, kQrA);
    return f ? *f : PaymentFlow{};
}

bool freezeDirectly(EngineRig &rig, const QString &no, const QString &reason)
{
    TradeRepository trades(*rig.db);
    auto t = trades.findByOutTradeNo(rig.config.merchantId, no);
    return t && trades.freeze(*t, reason, rig.clock.nowMs()).value_or(UpdateOutcome::LostRace) == UpdateOutcome::Applied;
}

int countRefunds(const OrderView &v, RefundStatus status)
{
    int n = 0;
    for (const RefundOrder &r : v.refunds)
        n += r.status == status ? 1 : 0;
    return n;
}

FaultProfile declining()
{
    FaultProfile p;
    p.declineRate = 1.0;
    return p;
}

// wallet 10.00 + card 20.00; a customer refund of 25.00 whose card part (20.00) goes out and
// whose wallet part (5.00) fails after its sends. Returns the view once that refund is FAILED.
OrderView partlyFailedRefund(EngineRig &rig, const QString &no)
{
    if (!rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kCard, {}, 2000}}))
        return {};
    rig.clock.advance(5000);
    rig.wallet->setFaultProfile(declining());
    if (!rig.engine->refund({no, QStringLiteral("R-") + no, 2500, QStringLiteral("cashier1"), {}, {}}))
        return {};
    rig.clock.advance(600'000);
    rig.wallet->setFaultProfile(FaultProfile{});
    return rig.view(no);
}

} // namespace

class TestLossPrevention : public QObject
{
    Q_OBJECT
private slots:
    // item 1
    void retryGoesOutOncePerFailedRefund();
    void customerRefundCannotTakeAReservedRemainder();
    void abandonedRemainderCanBeRefundedAgain();
    // item 2
    void customerRefundsUseThePayingAttempt();
    // item 3
    void crashAtEveryCommitOfAPaymentLosesNoDecision();
    void crashAtEveryCommitOfACloseLosesNoReversal();
    // item 4
    void legTheChannelNeverReceivedIsClosedWhenTheScheduleRunsOut();
    // item 5
    void twoAutomaticRefundsNeverCoverOneLeg();
    // item 6
    void noNewAttemptWhileTheOrderIsClosing();
    void successDuringTheCloseIsRefundedAsClosedButPaid();
    // item 7
    void lateSuccessForAClosedFlowIsRefunded();
    void frozenTradeStopsAutomationUntilReleased();
    // item 9
    void gatewayRefusalsDoNotSpendTheRefundBudget();
    // found by the sweep over every shipped scenario (channel-outage-breaker, seed 1)
    void refusedQueryDuringAnOutageDoesNotFailTheFlow();
    // review of this change
    void lateSuccessRefundSurvivesACrashBetweenItsCommits();
    void failedLateSuccessRefundCanBeRetried();
    void operatorRefundOfAFrozenOrderTakesThePayingAttempt();
    void retryOnAFrozenOrderNeedsAnotherPerson();
    void upgradeRecordsThePayingAttemptFromTheEventLog();
    // item 10
    void callbackSecretsComeFromTheDatabaseOrTheConfig();
    void succeededPrepayReplySettlesTheFlow();
};

void TestLossPrevention::retryGoesOutOncePerFailedRefund()
{
    EngineRig rig;
    const qint64 walletBefore = rig.walletBalance(kMember);
    OrderView v = partlyFailedRefund(rig, QStringLiteral("T-r1"));
    QCOMPARE(v.refunds.size(), 1);
    QCOMPARE_NAME(v.refunds[0].status, RefundStatus::Failed);
    QCOMPARE(netKept(v), 3000 - 2000);

    auto first = rig.engine->retryRefund(QStringLiteral("R-T-r1"), QStringLiteral("ops1"), QStringLiteral("manager1"));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    auto second = rig.engine->retryRefund(QStringLiteral("R-T-r1"), QStringLiteral("ops1"), QStringLiteral("manager1"));
    QVERIFY2(!second, "a failed refund was retried twice");
    rig.clock.advance(60'000);
    // Once the retry went through, nothing is left to retry either.
    auto third = rig.engine->retryRefund(QStringLiteral("R-T-r1"), QStringLiteral("ops1"), QStringLiteral("manager1"));
    QVERIFY(!third);
    v = rig.view(QStringLiteral("T-r1"));
    QCOMPARE(netKept(v), 500);
    QCOMPARE(keptAtChannels(rig, v), 500);
    QCOMPARE(rig.walletBalance(kMember), walletBefore - 1000 + 500);
    QCOMPARE(v.trade.refundedMinor, 2500);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestLossPrevention::customerRefundCannotTakeAReservedRemainder()
{
    EngineRig rig;
    OrderView v = partlyFailedRefund(rig, QStringLiteral("T-r2"));
    QCOMPARE_NAME(v.refunds.value(0).status, RefundStatus::Failed);
    // The cashier tries to replace the failed part with a new 5.00 refund: refused, and the
    // reason names the failed refund that holds that remainder.
    auto replace = rig.engine->refund({QStringLiteral("T-r2"), QStringLiteral("R-T-r2-b"), 500, QStringLiteral("cashier1"), {}, {}});
    QVERIFY2(!replace, "a new refund took the remainder a failed refund still reserves");
    QVERIFY2(replace.error().message.contains(QStringLiteral("R-T-r2")), qPrintable(replace.error().message));
    // What is not reserved can still be refunded: 30.00 - 20.00 gone - 5.00 reserved = 5.00.
    auto rest = rig.engine->refund({QStringLiteral("T-r2"), QStringLiteral("R-T-r2-c"), 600, QStringLiteral("cashier1"), {}, {}});
    QVERIFY(!rest);
    // The operator retries the failed one: the customer gets exactly 25.00 back.
    QVERIFY(rig.engine->retryRefund(QStringLiteral("R-T-r2"), QStringLiteral("ops1"), QStringLiteral("manager1")));
    rig.clock.advance(60'000);
    v = rig.view(QStringLiteral("T-r2"));
    QCOMPARE(netKept(v), 500);
    QCOMPARE(keptAtChannels(rig, v), 500);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestLossPrevention::abandonedRemainderCanBeRefundedAgain()
{
    EngineRig rig;
    OrderView v = partlyFailedRefund(rig, QStringLiteral("T-r3"));
    QVERIFY(!rig.engine->abandonRefund(QStringLiteral("R-T-r3"), QStringLiteral("ops1"), QString())); // a reason is required
    QVERIFY(rig.engine->abandonRefund(QStringLiteral("R-T-r3"), QStringLiteral("ops1"), QStringLiteral("customer took cash instead")));
    // Abandoned: it cannot be retried any more, and the remainder is free for a new refund.
    QVERIFY(!rig.engine->retryRefund(QStringLiteral("R-T-r3"), QStringLiteral("ops1"), QStringLiteral("manager1")));
    QVERIFY(rig.engine->refund({QStringLiteral("T-r3"), QStringLiteral("R-T-r3-b"), 1000, QStringLiteral("cashier1"), {}, {}}));
    rig.clock.advance(60'000);
    v = rig.view(QStringLiteral("T-r3"));
    QCOMPARE(netKept(v), 0);
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// The seed's story: QR B seems stuck, the customer pays with QR A (the newer attempt), then QR
// B's payment arrives too. QR A paid the order; QR B is a duplicate, refunded in full. A later
// customer refund must come from QR A's leg.
void TestLossPrevention::customerRefundsUseThePayingAttempt()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-dup");
    QVERIFY(rig.pay(no, 2600, {{kQrB, {}, 2600}}));
    rig.clock.advance(1000);
    FaultProfile unreachable;
    unreachable.timeoutFailedRate = 1.0;
    unreachable.timeoutMs = 300;
    rig.qrB->setFaultProfile(unreachable);
    auto second = rig.pay(no, 2600, {{kQrA, {}, 2600}});
    QVERIFY(second);
    rig.clock.advance(1000);
    OrderView v = rig.view(no);
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(2000);
    rig.qrB->setFaultProfile(FaultProfile{});
    QVERIFY(rig.qrB->customerPays(flowOn(v, kQrB)->flowNo));
    rig.clock.advance(120'000);
    v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.trade.paidPaymentId, second->paymentId);
    const PaymentOrder *dup = paymentOf(v, v.payments[0].id == second->paymentId ? v.payments[1].id : v.payments[0].id);
    QVERIFY(dup);
    QCOMPARE_NAME(dup->status, PaymentStatus::Duplicate);
    QCOMPARE(netKept(v), 2600);

    auto r = rig.engine->refund({no, QStringLiteral("R-dup-1"), 1000, QStringLiteral("cashier1"), {}, {}});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    rig.clock.advance(60'000);
    v = rig.view(no);
    QCOMPARE(flowOn(v, kQrA)->refundedMinor, 1000);
    QCOMPARE(flowOn(v, kQrB)->refundedMinor, 2600);
    QCOMPARE(netKept(v), 1600);
    QCOMPARE(keptAtChannels(rig, v), 1600);
    QCOMPARE(countRefunds(v, RefundStatus::Failed), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// The interactive path commits step by step. Stop the core right after commit N (every later
// commit of that connection becomes a rollback, and the clock stops), restart it on the same
// files, drain, and check the outcome for every N until a run needs no stop.
void TestLossPrevention::crashAtEveryCommitOfAPaymentLosesNoDecision()
{
    int boundaries = 0;
    for (int n = 1; n < 200; ++n) {
        QTemporaryDir dir;
        EngineRig rig(dir.path());
        const qint64 walletBefore = rig.walletBalance(kMember);
        rig.db->haltAfterCommits(n);
        const QString no = QStringLiteral("T-c%1").arg(n);
        (void)rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kCard, {}, 2000}});
        bool halted = rig.db->halted();
        for (int i = 0; i < 20'000 && !halted && rig.clock.step(); ++i)
            halted = rig.db->halted();
        if (!halted)
            break; // this life has fewer than n commits
        ++boundaries;
        rig.restart();
        OrderView v = rig.view(no);
        if (v.trade.id == 0)
            continue; // the accept itself was not committed: nothing happened
        // What the channels had taken when the core stopped (requests still on their way were
        // lost with the process and never reached them).
        const bool allTaken = keptAtChannels(rig, v) == 3000;
        rig.clock.advance(3'600'000);
        v = rig.view(no);
        // The decision follows the channels' truth: every leg taken -> the order is paid (never
        // closed and refunded at expiry); otherwise it may close, keeping nothing.
        if (allTaken)
            QVERIFY2(v.trade.status == TradeStatus::Paid,
                     qPrintable(QStringLiteral("after commit %1: every leg was taken, yet the order is %2\n%3")
                                    .arg(n).arg(toString(v.trade.status), timeline(v))));
        QVERIFY2(v.trade.status == TradeStatus::Paid || v.trade.status == TradeStatus::Closed,
                 qPrintable(QStringLiteral("after commit %1: order is %2\n%3").arg(n).arg(toString(v.trade.status), timeline(v))));
        const qint64 expected = v.trade.status == TradeStatus::Paid ? 3000 : 0;
        QCOMPARE(netKept(v), expected);
        QCOMPARE(keptAtChannels(rig, v), expected);
        QCOMPARE(rig.walletBalance(kMember), walletBefore - (expected ? 1000 : 0));
        QVERIFY2(invariantFailures(*rig.db).isEmpty(), qPrintable(invariantFailures(*rig.db)));
    }
    QVERIFY(boundaries >= 5);
    qInfo("payment life: %d commit boundaries", boundaries);
}

// A combined order is closed by an operator while its QR code is still unpaid: the wallet leg
// is reversed. A crash after any commit of that life must still end with nothing kept.
void TestLossPrevention::crashAtEveryCommitOfACloseLosesNoReversal()
{
    int boundaries = 0;
    for (int n = 1; n < 200; ++n) {
        QTemporaryDir dir;
        EngineRig rig(dir.path());
        const qint64 walletBefore = rig.walletBalance(kMember);
        const QString no = QStringLiteral("T-k%1").arg(n);
        QVERIFY(rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kQrA, {}, 2000}}));
        rig.clock.advance(2000);
        QCOMPARE_NAME(flowOn(rig.view(no), kQrA)->status, FlowStatus::Prepaid);
        rig.db->haltAfterCommits(n);
        (void)rig.engine->close(no, EventSource::Operator, QStringLiteral("ops1"));
        bool halted = rig.db->halted();
        for (int i = 0; i < 20'000 && !halted && rig.clock.step(); ++i)
            halted = rig.db->halted();
        if (!halted)
            break;
        ++boundaries;
        rig.restart();
        rig.clock.advance(3'600'000);
        OrderView v = rig.view(no);
        QVERIFY2(v.trade.status == TradeStatus::Closed,
                 qPrintable(QStringLiteral("after commit %1: order is %2").arg(n).arg(toString(v.trade.status))));
        QVERIFY2(netKept(v) == 0, qPrintable(QStringLiteral("after commit %1: the order keeps %2").arg(n).arg(netKept(v))));
        QCOMPARE(keptAtChannels(rig, v), 0);
        QCOMPARE(rig.walletBalance(kMember), walletBefore);
        QVERIFY2(invariantFailures(*rig.db).isEmpty(), qPrintable(invariantFailures(*rig.db)));
    }
    QVERIFY(boundaries >= 3);
    qInfo("close life: %d commit boundaries", boundaries);
}

// wallet + QR A; the operator closes the order while QR A cannot be reached, so the trade
// closes and the wallet leg's reversal goes out (slowly). The customer then pays the QR code:
// closed-but-paid. Its refund must not cover the wallet leg a second time.
void TestLossPrevention::twoAutomaticRefundsNeverCoverOneLeg()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-2auto");
    const qint64 walletBefore = rig.walletBalance(kMember);
    QVERIFY(rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kQrA, {}, 2000}}));
    rig.clock.advance(2000);
    OrderView v = rig.view(no);
    QCOMPARE_NAME(flowOn(v, kWallet)->status, FlowStatus::Succeeded);
    FaultProfile slow;
    slow.latency = LatencyModel::fixed(20'000);
    rig.wallet->setFaultProfile(slow);
    FaultProfile unreachable;
    unreachable.timeoutFailedRate = 1.0;
    unreachable.timeoutMs = 300;
    rig.qrA->setFaultProfile(unreachable);
    QVERIFY(rig.engine->close(no, EventSource::Operator, QStringLiteral("ops1")));
    rig.clock.advance(2000);
    QCOMPARE_NAME(rig.view(no).trade.status, TradeStatus::Closed);
    rig.qrA->setFaultProfile(FaultProfile{});
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(5000);
    rig.wallet->setFaultProfile(FaultProfile{});
    rig.clock.advance(3'600'000);
    v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE(countRefunds(v, RefundStatus::Failed), 0);
    qint64 walletRefunds = 0;
    for (const RefundFlow &rf : v.refundFlows) {
        if (rf.flowId == flowOn(v, kWallet)->id && rf.status != RefundStatus::Failed)
            walletRefunds += rf.amount.minor();
    }
    QCOMPARE(walletRefunds, 1000);
    QVERIFY2(netKept(v) == 0, qPrintable(timeline(v)));
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE(rig.walletBalance(kMember), walletBefore);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// The channel reports a success for a flow we had closed (its close went through, yet the
// money moved): record it truthfully, then refund it.
void TestLossPrevention::lateSuccessForAClosedFlowIsRefunded()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-late");
    QVERIFY(rig.pay(no, 1500, {{kQrA, {}, 1500}}));
    // The customer never scans; the order expires and its code is closed at QR A.
    rig.clock.advance(2 * 3'600'000);
    OrderView v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    const PaymentFlow *card = flowOn(v, kQrA);
    QVERIFY(card);
    QCOMPARE_NAME(card->status, FlowStatus::Closed);
    ChannelNotification n;
    n.channel = kQrA;
    n.flowNo = card->flowNo;
    n.channelTxnNo = QStringLiteral("QRA-LATE-1");
    n.amountMinor = 1500;
    n.currency = QStringLiteral("CNY");
    n.outcome = ChannelOutcome::Succeeded;
    n.channelStatus = QStringLiteral("SUCCESS");
    (void)rig.engine->handleNotification(n);
    rig.clock.advance(60'000);
    v = rig.view(no);
    bool late = false;
    for (const Event &e : v.events)
        late = late || e.event == QStringLiteral("LATE_SUCCESS");
    QVERIFY(late);
    int lateRefunds = 0;
    for (const RefundOrder &r : v.refunds) {
        if (r.reason == RefundReason::LateSuccess) {
            ++lateRefunds;
            QCOMPARE(r.amount.minor(), 1500);
        }
    }
    QCOMPARE(lateRefunds, 1);
}

// A frozen trade stops all automation that moves money until an operator releases it; then the
// stopped decision is taken.
void TestLossPrevention::frozenTradeStopsAutomationUntilReleased()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-frz");
    QVERIFY(rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kQrA, {}, 2000}}));
    rig.clock.advance(2000);
    FaultProfile p;
    p.tamperedAmountRate = 1.0;
    p.tamperDeltaMinor = -100;
    rig.qrA->setFaultProfile(p);
    OrderView v = rig.view(no);
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(2000);
    QVERIFY(rig.view(no).trade.frozen);
    rig.qrA->setFaultProfile(FaultProfile{});
    // While frozen: no close at expiry, no completion, no refund.
    rig.clock.advance(3'600'000);
    v = rig.view(no);
    QVERIFY(v.trade.frozen);
    QVERIFY2(v.trade.status == TradeStatus::Paying || v.trade.status == TradeStatus::Created,
             qPrintable(toString(v.trade.status)));
    QCOMPARE(v.refunds.size(), 0);
    // The invariants report it as an open case, not as fine.
    QVERIFY(!invariantFailures(*rig.db).isEmpty());
    // A release needs a reason and an approver.
    QVERIFY(!rig.engine->releaseFrozen(no, QStringLiteral("ops1"), QString(), QStringLiteral("checked")));
    QVERIFY(rig.engine->releaseFrozen(no, QStringLiteral("ops1"), QStringLiteral("manager1"), QStringLiteral("checked with QR A")));
    rig.clock.advance(3'600'000);
    v = rig.view(no);
    QVERIFY(!v.trade.frozen);
    QVERIFY(v.trade.status == TradeStatus::Paid || v.trade.status == TradeStatus::Closed);
    QCOMPARE(netKept(v), v.trade.status == TradeStatus::Paid ? 3000 : 0);
    QCOMPARE(keptAtChannels(rig, v), netKept(v));
}

// The wallet's kill switch refuses the reversal at the gateway: it was never sent, so it costs
// nothing of the refund's send budget. Once the switch is off, the refund goes through.
void TestLossPrevention::gatewayRefusalsDoNotSpendTheRefundBudget()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-kill");
    const qint64 walletBefore = rig.walletBalance(kMember);
    QVERIFY(rig.pay(no, 1000, {{kWallet, kMember, 1000}}));
    rig.clock.advance(2000);
    rig.core->gateway().setKilled(kWallet, true);
    QSignalSpy surfaced(rig.engine, &PaymentEngine::refundSurfaced);
    QVERIFY(rig.engine->refund({no, QStringLiteral("R-kill"), 1000, QStringLiteral("cashier1"), {}, {}}));
    rig.clock.advance(600'000);
    OrderView v = rig.view(no);
    QCOMPARE(countRefunds(v, RefundStatus::Failed), 0);
    QCOMPARE(v.refundFlows.value(0).attempts, 0);
    rig.core->gateway().setKilled(kWallet, false);
    rig.clock.advance(600'000);
    v = rig.view(no);
    QCOMPARE_NAME(v.refunds.value(0).status, RefundStatus::Succeeded);
    QCOMPARE(v.refundFlows.value(0).attempts, 1);
    QCOMPARE(rig.walletBalance(kMember), walletBefore);
    QCOMPARE(keptAtChannels(rig, v), 0);
    // While it could not be sent, operations were told once (not a flag nobody reads).
    QCOMPARE(surfaced.count(), 1);
}

// The wallet request is lost on its way (the wallet never sees it); every query answers that
// no such order exists, which a wallet cannot tell from "still working". When the schedule runs
// out the leg is closed at the wallet (a tombstone there refuses the request should it still
// arrive): the flow ends CLOSED, its payment fails, and nothing stays PAYING for ever.
void TestLossPrevention::legTheChannelNeverReceivedIsClosedWhenTheScheduleRunsOut()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-lost");
    const qint64 walletBefore = rig.walletBalance(kMember);
    FaultProfile lost; // the wallet hangs: the request never reaches its books
    OutageWindow hang;
    hang.startMs = rig.clock.nowMs();
    hang.endMs = rig.clock.nowMs() + 500;
    hang.mode = OutageWindow::Mode::Hang;
    lost.outages = {hang};
    rig.wallet->setFaultProfile(lost);
    QVERIFY(rig.pay(no, 1000, {{kWallet, kMember, 1000}}));
    rig.clock.advance(1000);
    QCOMPARE_NAME(flowOn(rig.view(no), kWallet)->status, FlowStatus::Paying);
    rig.wallet->setFaultProfile(FaultProfile{}); // queries and the close reach the wallet
    rig.clock.advance(600'000);
    OrderView v = rig.view(no);
    const PaymentFlow *leg = flowOn(v, kWallet);
    QVERIFY(leg);
    QVERIFY2(leg->status == FlowStatus::Closed, qPrintable(timeline(v)));
    QVERIFY(!leg->reconPending);
    QCOMPARE_NAME(v.payments.value(0).status, PaymentStatus::Failed);
    auto atChannel = rig.books->order(kWallet, leg->flowNo);
    QVERIFY(atChannel && atChannel->has_value());
    QCOMPARE((*atChannel)->status, ChannelBooks::statusClosed());
    QCOMPARE(netKept(v), 0);
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE(rig.walletBalance(kMember), walletBefore);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// An operator closes an order whose QR code is still out; QR A answers the close slowly. From
// the moment the close is taken the order is CLOSING: a new attempt is refused with a reason,
// and no leg starts at a channel.
void TestLossPrevention::noNewAttemptWhileTheOrderIsClosing()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-closing");
    QVERIFY(rig.pay(no, 2000, {{kQrA, {}, 2000}}));
    rig.clock.advance(1000);
    FaultProfile slow;
    slow.latency = LatencyModel::fixed(5000);
    rig.qrA->setFaultProfile(slow);
    QVERIFY(rig.engine->close(no, EventSource::Operator, QStringLiteral("ops1")));
    rig.clock.advance(100);
    QCOMPARE_NAME(rig.view(no).trade.status, TradeStatus::Closing);
    auto again = rig.pay(no, 2000, {{kCard, {}, 2000}});
    QVERIFY2(!again, "a new attempt was accepted while the order was being closed");
    QVERIFY2(again.error().message.contains(QStringLiteral("being closed")), qPrintable(again.error().message));
    rig.clock.advance(60'000);
    OrderView v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE(v.payments.size(), 1);
    QCOMPARE(netKept(v), 0);
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// wallet + QR A; the operator closes the order, and the customer scans the code before QR A has
// received the close. The close was taken first: the order stays closed, the payment that
// still arrived is recorded and both legs are refunded (before the fix the order turned PAID
// under the operator's close).
void TestLossPrevention::successDuringTheCloseIsRefundedAsClosedButPaid()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-closepay");
    const qint64 walletBefore = rig.walletBalance(kMember);
    QVERIFY(rig.pay(no, 3000, {{kWallet, kMember, 1000}, {kQrA, {}, 2000}}));
    rig.clock.advance(2000);
    OrderView v = rig.view(no);
    FaultProfile slow;
    slow.latency = LatencyModel::fixed(5000);
    slow.callbackLatency = LatencyModel::fixed(10);
    rig.qrA->setFaultProfile(slow);
    QVERIFY(rig.engine->close(no, EventSource::Operator, QStringLiteral("ops1")));
    rig.clock.advance(100);
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.qrA->setFaultProfile(FaultProfile{});
    rig.clock.advance(600'000);
    v = rig.view(no);
    QVERIFY2(v.trade.status == TradeStatus::Closed, qPrintable(timeline(v)));
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Succeeded);
    QCOMPARE(netKept(v), 0);
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE(rig.walletBalance(kMember), walletBefore);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// QR A is down (connections refused) when the compensation query of a still-unpaid QR code is
// due. A query that never reached the channel says nothing about the payment: the flow stays
// waiting, and the customer who scans after the outage pays the order (before the fix the flow
// FAILED, the order went back to CREATED, and the customer's payment was refunded as late).
void TestLossPrevention::refusedQueryDuringAnOutageDoesNotFailTheFlow()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-outage");
    QVERIFY(rig.pay(no, 960, {{kQrA, {}, 960}}));
    rig.clock.advance(500);
    QCOMPARE_NAME(flowOn(rig.view(no), kQrA)->status, FlowStatus::Prepaid);
    FaultProfile down;
    OutageWindow w;
    w.startMs = rig.clock.nowMs();
    w.endMs = rig.clock.nowMs() + 30'000;
    w.mode = OutageWindow::Mode::Fail;
    down.outages = {w};
    rig.qrA->setFaultProfile(down);
    rig.clock.advance(20'000); // the queries at +1 s, +3 s, +8 s, +18 s are all refused
    OrderView v = rig.view(no);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Prepaid);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paying);
    rig.clock.advance(15'000);
    rig.qrA->setFaultProfile(FaultProfile{});
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(60'000);
    v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.refunds.size(), 0);
    QCOMPARE(netKept(v), 960);
    QCOMPARE(keptAtChannels(rig, v), 960);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// The late success is recorded in one commit; if the core stops right after it, the restart
// still refunds it (before the fix nothing ever did: re-derivation looked at SUCCEEDED flows only).
void TestLossPrevention::lateSuccessRefundSurvivesACrashBetweenItsCommits()
{
    QTemporaryDir dir;
    EngineRig rig(dir.path());
    const PaymentFlow f = expiredQrFlow(rig, QStringLiteral("T-late2"));
    QCOMPARE_NAME(f.status, FlowStatus::Closed);
    rig.db->haltAfterCommits(1);
    (void)rig.engine->handleNotification(lateSuccessFor(f, QStringLiteral("QRA-LATE-2")));
    QVERIFY(rig.db->halted());
    rig.restart();
    rig.clock.advance(1000);
    const OrderView v = rig.view(QStringLiteral("T-late2"));
    bool late = false;
    for (const Event &e : v.events)
        late = late || e.event == QStringLiteral("LATE_SUCCESS");
    QVERIFY(late);
    int lateRefunds = 0;
    for (const RefundOrder &r : v.refunds)
        lateRefunds += r.reason == RefundReason::LateSuccess && r.amount.minor() == 1500 ? 1 : 0;
    QCOMPARE(lateRefunds, 1);
    // A refund of a late-paid flow is not "a refund of an unpaid flow".
    QVERIFY2(!invariantFailures(*rig.db).contains(QStringLiteral("refund_only_paid_flows")), qPrintable(invariantFailures(*rig.db)));
}

// QR A refuses the late-success refund until its sends run out; the operator can retry it.
void TestLossPrevention::failedLateSuccessRefundCanBeRetried()
{
    EngineRig rig;
    const PaymentFlow f = expiredQrFlow(rig, QStringLiteral("T-late3"));
    rig.qrA->setFaultProfile(declining());
    (void)rig.engine->handleNotification(lateSuccessFor(f, QStringLiteral("QRA-LATE-3")));
    rig.clock.advance(600'000);
    OrderView v = rig.view(QStringLiteral("T-late3"));
    QCOMPARE(v.refunds.size(), 1);
    QCOMPARE_NAME(v.refunds[0].status, RefundStatus::Failed);
    auto retry = rig.engine->retryRefund(v.refunds[0].refundNo, QStringLiteral("ops1"), QStringLiteral("manager1"));
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().message));
    QVERIFY(!rig.engine->retryRefund(v.refunds[0].refundNo, QStringLiteral("ops1"), QStringLiteral("manager1")));
}

// QR B (the first attempt) paid the order, the trade was then frozen, and QR A's duplicate
// payment (the newer attempt) arrived; its automatic refund waits for the release. A manager
// refunds the order's 26.00: that comes from QR B, the attempt that paid, not from the newer
// duplicate. The release then returns the duplicate, and nothing is kept.
void TestLossPrevention::operatorRefundOfAFrozenOrderTakesThePayingAttempt()
{
    EngineRig rig;
    const QString no = QStringLiteral("T-frzdup");
    FaultProfile unreachable;
    unreachable.timeoutFailedRate = 1.0;
    unreachable.timeoutMs = 300;
    QVERIFY(rig.pay(no, 2600, {{kQrB, {}, 2600}}));
    rig.clock.advance(1000);
    rig.qrB->setFaultProfile(unreachable); // QR B's code cannot be closed when the customer switches
    QVERIFY(rig.pay(no, 2600, {{kQrA, {}, 2600}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(no);
    rig.qrA->setFaultProfile(unreachable); // ... nor QR A's when QR B pays
    rig.qrB->setFaultProfile(FaultProfile{});
    QVERIFY(rig.qrB->customerPays(flowOn(v, kQrB)->flowNo));
    rig.clock.advance(2000);
    v = rig.view(no);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.trade.paidPaymentId, flowOn(v, kQrB)->paymentId);
    QVERIFY(freezeDirectly(rig, no, QStringLiteral("test: held for review")));
    rig.qrA->setFaultProfile(FaultProfile{});
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(120'000);
    v = rig.view(no);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Succeeded);
    QCOMPARE(v.refunds.size(), 0); // the duplicate's refund waits for the release
    auto r = rig.engine->refundFrozen(no, 2600, QStringLiteral("ops1"), QStringLiteral("manager1"), QStringLiteral("customer returned the goods"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    rig.clock.advance(60'000);
    v = rig.view(no);
    QCOMPARE(flowOn(v, kQrB)->refundedMinor, 2600);
    QCOMPARE(flowOn(v, kQrA)->refundedMinor, 0);
    QVERIFY(rig.engine->releaseFrozen(no, QStringLiteral("ops1"), QStringLiteral("manager1"), QStringLiteral("reviewed")));
    rig.clock.advance(120'000);
    v = rig.view(no);
    QCOMPARE(flowOn(v, kQrA)->refundedMinor, 2600);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    QCOMPARE(netKept(v), 0);
    QCOMPARE(keptAtChannels(rig, v), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// Moving money on a frozen order needs two people, also through "retry failed refund".
void TestLossPrevention::retryOnAFrozenOrderNeedsAnotherPerson()
{
    EngineRig rig;
    partlyFailedRefund(rig, QStringLiteral("T-r4"));
    QVERIFY(freezeDirectly(rig, QStringLiteral("T-r4"), QStringLiteral("test: held for review")));
    QVERIFY(!rig.engine->retryRefund(QStringLiteral("R-T-r4"), QStringLiteral("ops1"), QString()));
    QVERIFY(!rig.engine->retryRefund(QStringLiteral("R-T-r4"), QStringLiteral("ops1"), QStringLiteral("ops1")));
    QVERIFY(rig.engine->retryRefund(QStringLiteral("R-T-r4"), QStringLiteral("ops1"), QStringLiteral("manager1")));
}

// A database written before schema 7: the paying attempt is taken from the event log (the
// PAYMENT_SUCCEEDED event names it), not from the order of update times, which can tie.
void TestLossPrevention::upgradeRecordsThePayingAttemptFromTheEventLog()
{
    QTemporaryDir dir;
    qint64 payingId = 0;
    {
        EngineRig rig(dir.path());
        const QString no = QStringLiteral("T-upg");
        QVERIFY(rig.pay(no, 2600, {{kQrB, {}, 2600}}));
        rig.clock.advance(1000);
        FaultProfile unreachable;
        unreachable.timeoutFailedRate = 1.0;
        unreachable.timeoutMs = 300;
        rig.qrB->setFaultProfile(unreachable);
        auto second = rig.pay(no, 2600, {{kQrA, {}, 2600}});
        QVERIFY(second);
        payingId = second->paymentId;
        rig.clock.advance(1000);
        OrderView v = rig.view(no);
        QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
        rig.clock.advance(2000);
        rig.qrB->setFaultProfile(FaultProfile{});
        QVERIFY(rig.qrB->customerPays(flowOn(v, kQrB)->flowNo));
        rig.clock.advance(120'000);
        QCOMPARE(rig.view(no).trade.paidPaymentId, payingId);
        // Back to what version 6 wrote: no paying attempt, both attempts SUCCEEDED, the same
        // update time (one millisecond of a busy till).
        {
            QSqlQuery q(rig.db->db());
            QVERIFY(q.exec(QStringLiteral("UPDATE payment_orders SET status = 'SUCCEEDED', updated_at = 1")));
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE trade_orders DROP COLUMN paid_payment_id")), qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE refund_flows DROP COLUMN resolution")), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE channel_secrets")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE meta")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 6")));
        }
        rig.restart();
        QVERIFY(QFileInfo::exists(rig.dbPath + QStringLiteral(".before-v7.sqlite"))); // a copy before the upgrade
        const OrderView v2 = rig.view(no);
        QCOMPARE(v2.trade.paidPaymentId, payingId);
        const PaymentOrder *dup = paymentOf(v2, payingId == v2.payments[0].id ? v2.payments[1].id : v2.payments[0].id);
        QVERIFY(dup);
        QCOMPARE_NAME(dup->status, PaymentStatus::Duplicate);
        QCOMPARE_NAME(paymentOf(v2, payingId)->status, PaymentStatus::Succeeded);
        rig.clock.advance(60'000);
        QCOMPARE(netKept(rig.view(no)), 2600); // the re-derivation refunds nothing more
    }
}

// The HMAC secret of a QR channel's callbacks is drawn at random for a new database and kept
// there (the simulated channel is configured with the same key), or configured; never a
// constant of the source code.
void TestLossPrevention::callbackSecretsComeFromTheDatabaseOrTheConfig()
{
    QTemporaryDir one;
    QTemporaryDir two;
    EngineRig a(one.path());
    EngineRig b(two.path());
    const QByteArray secretA = a.qrA->secret();
    QCOMPARE(secretA.size(), 64); // 32 random bytes, hex
    QVERIFY(secretA != b.qrA->secret());
    QVERIFY(a.qrA->secret() != a.qrB->secret());
    QVERIFY(!secretA.contains("paydesk"));
    a.restart();
    QCOMPARE(a.qrA->secret(), secretA); // kept in the database
    // A signed callback with that key is accepted end to end.
    QVERIFY(a.pay(QStringLiteral("T-sec"), 500, {{kQrA, {}, 500}}));
    a.clock.advance(1000);
    QVERIFY(a.qrA->customerPays(flowOn(a.view(QStringLiteral("T-sec")), kQrA)->flowNo));
    a.clock.advance(5000);
    QCOMPARE_NAME(a.view(QStringLiteral("T-sec")).trade.status, TradeStatus::Paid);
    QVERIFY(a.ingress->acceptedCount() >= 1);
    // A configured secret replaces it.
    a.config = EngineConfig{};
    a.core.reset();
    PaymentCore::Options o;
    o.databasePath = a.dbPath;
    o.clock = &a.clock;
    o.callbackSecrets.insert(kQrA, QByteArray("configured-with-qr-a"));
    auto c = PaymentCore::open(o);
    QVERIFY(c);
    QCOMPARE((*c)->qrChannel(kQrA)->secret(), QByteArray("configured-with-qr-a"));
}

// A QR channel can answer a prepay with "already paid" (its order for that flow no. was paid):
// the reply itself settles the flow, it is not taken for a new code to show.
void TestLossPrevention::succeededPrepayReplySettlesTheFlow()
{
    EngineRig rig;
    ChannelBooks::Order o;
    o.channel = kQrA;
    o.flowNo = QStringLiteral("P00000001-1"); // the flow no. the engine will use
    o.channelOrderNo = QStringLiteral("wx-already-1");
    o.channelTxnNo = QStringLiteral("4200-already-1");
    o.amountMinor = 800;
    o.currency = QStringLiteral("CNY");
    o.status = ChannelBooks::statusPaid();
    o.createdMs = o.paidMs = rig.clock.nowMs();
    QVERIFY(rig.books->insertOrder(o));
    QVERIFY(rig.pay(QStringLiteral("T-pre"), 800, {{kQrA, {}, 800}}));
    rig.clock.advance(200); // the prepay reply, well before the first query (1 s)
    const OrderView v = rig.view(QStringLiteral("T-pre"));
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Succeeded);
    QCOMPARE(flowOn(v, kQrA)->channelTxnNo, QStringLiteral("4200-already-1"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QVERIFY(flowOn(v, kQrA)->qrContent.isEmpty()); // no code shown for a paid order
}

QTEST_GUILESS_MAIN(TestLossPrevention)
#include "tst_lossprevention.moc"
