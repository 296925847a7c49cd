#include "enginerig.h"
#include "store/invariants.h"
#include "store/repositories.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using pay::test::invariantFailures;
using namespace pay::test;

namespace {

const QString kCoupon = QStringLiteral("coupon");
const QString kWallet = QStringLiteral("wallet");
const QString kCard = QStringLiteral("card");
const QString kQrA = QStringLiteral("qr_a");
const QString kQrB = QStringLiteral("qr_b");

const PaymentFlow *flowOn(const OrderView &v, const QString &channel, qint64 paymentIndex = -1)
{
    for (const PaymentFlow &f : v.flows) {
        if (f.channel == channel && (paymentIndex < 0 || f.paymentId == v.payments.value(paymentIndex).id))
            return &f;
    }
    return nullptr;
}

// The customer is shown a QR B code, then switches to QR A while QR B cannot be reached (its
// code cannot be closed). Returns false if either accept was refused; QR B stays unreachable.
bool qrBThenQrAWithQrBUnreachable(test::EngineRig &rig, const QString &no, qint64 amount)
{
    if (!rig.pay(no, amount, {{kQrB, {}, amount}}))
        return false;
    rig.clock.advance(1000);
    FaultProfile unreachable;
    unreachable.timeoutFailedRate = 1.0;
    unreachable.timeoutMs = 300;
    rig.qrB->setFaultProfile(unreachable);
    if (!rig.pay(no, amount, {{kQrA, {}, amount}}))
        return false;
    rig.clock.advance(1000);
    return true;
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

int refundsWithReason(const OrderView &v, RefundReason reason, RefundStatus status)
{
    int n = 0;
    for (const RefundOrder &r : v.refunds) {
        if (r.reason == reason && r.status == status)
            ++n;
    }
    return n;
}

} // namespace

class TestPaymentEngine : public QObject
{
    Q_OBJECT
private slots:
    void combinedCouponWalletQr();
    void acceptGuards_data();
    void acceptGuards();
    void idempotentAccept();
    void definiteFailureReversesInternalLegs();
    void unknownResultIsQueriedNeverResent();
    void compensationSurvivesRestart();
    void compensationExhaustedMarksForRecon();
    void callbackThenTimeout();
    void timeoutThenCallback();
    void timeoutBeforePrepay();
    void closedButPaidIsRefunded();
    void switchClosesEarlierAttempt();
    void switchFindsEarlierAttemptPaid();
    void duplicatePaymentIsRefunded();
    void strayCodeOfAPaidOrderIsClosedNotPolledForever();
    void partialRefundsExternalFirst();
    void checkFindsMoneyMovedWithoutPostings();
    void refundRetriedWithSameNumber();
    void refundSurfacesAfterRetries();
    void tamperedCallbackFreezesTrade();
    void settledTradeKeepingTheWrongAmountIsFrozen();
    void routingRefusalFailsBeforeSending();
    void randomInterleavingsKeepInvariants();
};

void TestPaymentEngine::combinedCouponWalletQr()
{
    EngineRig rig;
    const qint64 walletBefore = rig.walletBalance(QStringLiteral("M1001"));
    QSignalSpy changed(rig.engine, &PaymentEngine::tradeChanged);
    auto t = rig.pay(QStringLiteral("T-100"), 3000,
                     {{kQrA, {}, 1500}, {kCoupon, QStringLiteral("CP-5OFF"), 500}, {kWallet, QStringLiteral("M1001"), 1000}});
    QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
    QCOMPARE(t->flowNos.size(), 3);
    // Accepted synchronously, nothing sent yet.
    OrderView v = rig.view(QStringLiteral("T-100"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paying);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Init);
    QCOMPARE(v.flows[0].channel, kCoupon); // internal legs first
    QCOMPARE(v.flows[2].channel, kQrA);    // the external leg last
    QVERIFY(changed.count() >= 1);

    rig.clock.advance(2000);
    v = rig.view(QStringLiteral("T-100"));
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Succeeded);
    QCOMPARE_NAME(v.flows[1].status, FlowStatus::Succeeded);
    QCOMPARE_NAME(v.flows[2].status, FlowStatus::Prepaid);
    QVERIFY(v.flows[2].qrContent.contains(v.flows[2].flowNo));
    QVERIFY(v.flows[2].prepayExpiresAtMs > rig.clock.nowMs());
    QCOMPARE(rig.walletBalance(QStringLiteral("M1001")), walletBefore - 1000);

    auto paid = rig.qrA->customerPays(v.flows[2].flowNo);
    QVERIFY(paid);
    rig.clock.advance(5000);
    v = rig.view(QStringLiteral("T-100"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.trade.paidMinor, 3000);
    QCOMPARE_NAME(v.payments[0].status, PaymentStatus::Succeeded);
    QCOMPARE(v.flows[2].channelTxnNo.isEmpty(), false);
    QVERIFY(rig.ingress->acceptedCount() >= 1);
    LedgerRepository ledger(*rig.db);
    QCOMPARE(ledger.forTrade(v.trade.id)->size(), 6);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::acceptGuards_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<TenderLeg>>("legs");
    QTest::addColumn<int>("code");
    QTest::addRow("does not add up") << qint64(3000) << QList<TenderLeg>{{kCard, {}, 2999}} << int(ErrorCode::AmountMismatch);
    QTest::addRow("two external legs") << qint64(3000) << QList<TenderLeg>{{kCard, {}, 1000}, {kQrA, {}, 2000}}
                                       << int(ErrorCode::InvalidArgument);
    QTest::addRow("unknown method") << qint64(100) << QList<TenderLeg>{{QStringLiteral("cash"), {}, 100}}
                                    << int(ErrorCode::InvalidArgument);
    QTest::addRow("wallet without member") << qint64(100) << QList<TenderLeg>{{kWallet, {}, 100}}
                                           << int(ErrorCode::InvalidArgument);
    QTest::addRow("zero leg") << qint64(100) << QList<TenderLeg>{{kCard, {}, 100}, {kWallet, QStringLiteral("M1001"), 0}}
                              << int(ErrorCode::InvalidArgument);
    QTest::addRow("over coupon limit") << qint64(60'000) << QList<TenderLeg>{{kCoupon, QStringLiteral("CP-5OFF"), 60'000}}
                                       << int(ErrorCode::LimitExceeded);
}

void TestPaymentEngine::acceptGuards()
{
    QFETCH(qint64, amount);
    QFETCH(QList<TenderLeg>, legs);
    QFETCH(int, code);
    EngineRig rig;
    auto t = rig.pay(QStringLiteral("T-bad"), amount, legs);
    QVERIFY(!t);
    QCOMPARE(int(t.error().code), code);
    QVERIFY(!t.error().message.isEmpty());
    // Nothing was written.
    TradeRepository trades(*rig.db);
    QCOMPARE(*trades.count(), 0);
}

void TestPaymentEngine::idempotentAccept()
{
    EngineRig rig;
    AcceptRequest r;
    r.outTradeNo = QStringLiteral("T-idem");
    r.amount = Money(1000, Currency::cny());
    r.legs = {{kCard, {}, 1000}};
    r.idempotencyKey = QStringLiteral("till1-0001");
    auto first = rig.engine->accept(r);
    QVERIFY(first);
    auto again = rig.engine->accept(r);
    QVERIFY(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->paymentNo, first->paymentNo);
    r.legs = {{kWallet, QStringLiteral("M1001"), 1000}};
    auto different = rig.engine->accept(r);
    QVERIFY(!different);
    QCOMPARE(different.error().code, ErrorCode::IdempotencyConflict);
    QCOMPARE(rig.view(QStringLiteral("T-idem")).payments.size(), 1);
}

void TestPaymentEngine::definiteFailureReversesInternalLegs()
{
    EngineRig rig;
    // M1003 has 0.50 in the wallet: the wallet leg fails definitely after the coupon was used.
    auto t = rig.pay(QStringLiteral("T-fail"), 3000,
                     {{kCoupon, QStringLiteral("CP-5OFF"), 500}, {kWallet, QStringLiteral("M1003"), 1500}, {kCard, {}, 1000}});
    QVERIFY(t);
    rig.clock.advance(10'000);
    OrderView v = rig.view(QStringLiteral("T-fail"));
    QCOMPARE_NAME(v.payments[0].status, PaymentStatus::Failed);
    QVERIFY(v.payments[0].failReason.size() > 0);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Succeeded);
    QCOMPARE_NAME(v.flows[1].status, FlowStatus::Failed);
    QCOMPARE_NAME(v.flows[2].status, FlowStatus::Closed); // never sent
    QCOMPARE_NAME(v.trade.status, TradeStatus::Created);  // the cashier may pay another way
    QCOMPARE(refundsWithReason(v, RefundReason::PartialFailure, RefundStatus::Succeeded), 1);
    QCOMPARE(v.flows[0].refundedMinor, 500);
    QCOMPARE(netKept(v), 0);
    // The voucher is usable again: the second attempt takes it.
    auto retry = rig.pay(QStringLiteral("T-fail"), 3000, {{kCoupon, QStringLiteral("CP-5OFF"), 500}, {kCard, {}, 2500}});
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().message));
    rig.clock.advance(10'000);
    v = rig.view(QStringLiteral("T-fail"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(netKept(v), 3000);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::unknownResultIsQueriedNeverResent()
{
    EngineRig rig;
    FaultProfile p;
    p.timeoutSucceededRate = 1.0; // the terminal times out, but the bank took the money
    p.timeoutMs = 3000;
    rig.card->setFaultProfile(p);
    auto t = rig.pay(QStringLiteral("T-unk"), 2000, {{kCard, {}, 2000}});
    QVERIFY(t);
    rig.clock.advance(500);
    rig.clock.advance(3000); // the gateway's wait runs out: the result is unknown
    OrderView v = rig.view(QStringLiteral("T-unk"));
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Paying);
    // While unknown, the amount sits in suspense.
    auto suspenseOf = [&](qint64 tradeId) {
        qint64 sum = 0;
        LedgerRepository ledger(*rig.db);
        const auto postings = ledger.forTrade(tradeId);
        for (const LedgerPosting &p : *postings) {
            if (p.account == QStringLiteral("suspense:card"))
                sum += p.amount.minor();
        }
        return sum;
    };
    QCOMPARE(suspenseOf(v.trade.id), 2000);
    rig.card->setFaultProfile(FaultProfile{});
    rig.clock.advance(60'000);
    v = rig.view(QStringLiteral("T-unk"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.flows.size(), 1);    // never re-sent under a new number
    QCOMPARE(v.payments.size(), 1);
    bool queried = false;
    for (const Event &e : v.events)
        queried |= e.entity == QStringLiteral("FLOW") && e.source == EventSource::Query && e.toState == QStringLiteral("SUCCEEDED");
    QVERIFY(queried);
    auto orders = rig.books->orders(kCard);
    QVERIFY(orders);
    QCOMPARE(orders->size(), 1); // the channel saw one payment
    QCOMPARE(suspenseOf(v.trade.id), 0); // released once the query learned the result
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::compensationSurvivesRestart()
{
    QTemporaryDir dir;
    EngineRig rig(dir.path());
    FaultProfile p;
    p.timeoutSucceededRate = 1.0;
    p.timeoutMs = 500;
    rig.card->setFaultProfile(p);
    QVERIFY(rig.pay(QStringLiteral("T-restart"), 2000, {{kCard, {}, 2000}}));
    rig.clock.advance(600); // the pay went out and timed out; the flow waits in PAYING
    QCOMPARE_NAME(rig.view(QStringLiteral("T-restart")).flows[0].status, FlowStatus::Paying);
    // Its first query (and the order's expiry check) need no row: the waiting flow and the open
    // order are their own first checks. The restarted engine must find them from the states.
    {
        QSqlQuery q(rig.db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM compensation_tasks")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    rig.restart(); // the process dies; the new one starts from the files
    rig.card->setFaultProfile(FaultProfile{});
    rig.clock.advance(30'000);
    OrderView v = rig.view(QStringLiteral("T-restart"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.flows.size(), 1);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::compensationExhaustedMarksForRecon()
{
    EngineRig rig;
    FaultProfile p;
    p.timeoutFailedRate = 1.0; // every call times out, including the queries
    p.timeoutMs = 100;
    rig.card->setFaultProfile(p);
    QVERIFY(rig.pay(QStringLiteral("T-stuck"), 2000, {{kCard, {}, 2000}}));
    rig.clock.advance(400'000); // 1+2+5+10+20+40+100 s and more
    OrderView v = rig.view(QStringLiteral("T-stuck"));
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Paying);
    QVERIFY(v.flows[0].reconPending);
    bool exhausted = false;
    for (const Event &e : v.events)
        exhausted |= e.event == QStringLiteral("COMPENSATION_EXHAUSTED");
    QVERIFY(exhausted);
}

void TestPaymentEngine::callbackThenTimeout()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-cb1"), 1200, {{kQrA, {}, 1200}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(QStringLiteral("T-cb1"));
    QVERIFY(rig.qrA->customerPays(v.flows[0].flowNo));
    rig.clock.advance(15 * 60 * 1000 + 1000); // the callback arrives, then the expiry check runs
    v = rig.view(QStringLiteral("T-cb1"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid); // payment won; close was a no-op
    QCOMPARE(v.refunds.size(), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::timeoutThenCallback()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-cb2"), 1200, {{kQrA, {}, 1200}}));
    rig.clock.advance(1000);
    const QString flowNo = rig.view(QStringLiteral("T-cb2")).flows[0].flowNo;
    rig.clock.advance(15 * 60 * 1000 + 1000); // expiry: close the channel order, then the trade
    OrderView v = rig.view(QStringLiteral("T-cb2"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Closed);
    // The customer scans too late: the channel refuses, no money moves.
    auto late = rig.qrA->customerPays(flowNo);
    QVERIFY(!late || !late->succeeded());
    rig.clock.advance(10'000);
    v = rig.view(QStringLiteral("T-cb2"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE(netKept(v), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::timeoutBeforePrepay()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-pre"), 800, {{kQrB, {}, 800}}));
    // The timeout check takes the order before the pre-pay step runs.
    QVERIFY(rig.engine->close(QStringLiteral("T-pre"), EventSource::Timeout, QStringLiteral("timeout")));
    rig.clock.advance(5000);
    OrderView v = rig.view(QStringLiteral("T-pre"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Closed);
    auto atChannel = rig.books->order(kQrB, v.flows[0].flowNo);
    QVERIFY(atChannel);
    QVERIFY(!atChannel->has_value()); // the pre-pay never reached the channel
    // Paying the closed order again is refused in plain words.
    auto again = rig.pay(QStringLiteral("T-pre"), 800, {{kQrB, {}, 800}});
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidTransition);
    QVERIFY(again.error().message.contains(QStringLiteral("CLOSED")));
}

void TestPaymentEngine::closedButPaidIsRefunded()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-cbp"), 1500, {{kWallet, QStringLiteral("M1001"), 500}, {kQrA, {}, 1000}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(QStringLiteral("T-cbp"));
    const QString flowNo = flowOn(v, kQrA)->flowNo;
    // The channel's close fails (its side never applies it), so the order closes on our side
    // while the QR code is still payable at the channel.
    FaultProfile broken;
    broken.timeoutFailedRate = 1.0;
    broken.timeoutMs = 200;
    rig.qrA->setFaultProfile(broken);
    QVERIFY(rig.engine->close(QStringLiteral("T-cbp"), EventSource::Operator, QStringLiteral("ops1")));
    rig.clock.advance(1000);
    v = rig.view(QStringLiteral("T-cbp"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed);
    QCOMPARE(refundsWithReason(v, RefundReason::PartialFailure, RefundStatus::Succeeded), 1); // wallet returned
    rig.qrA->setFaultProfile(FaultProfile{});
    auto paid = rig.qrA->customerPays(flowNo);
    QVERIFY(paid && paid->succeeded());
    rig.clock.advance(60'000);
    v = rig.view(QStringLiteral("T-cbp"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Closed); // stays closed
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Succeeded); // recorded truthfully
    QCOMPARE(refundsWithReason(v, RefundReason::ClosedButPaid, RefundStatus::Succeeded), 1);
    QCOMPARE(netKept(v), 0);
    bool told = false;
    for (const Event &e : v.events)
        told |= e.event == QStringLiteral("PAID_AFTER_CLOSE");
    QVERIFY(told);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::switchClosesEarlierAttempt()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-sw"), 2600, {{kQrB, {}, 2600}}));
    rig.clock.advance(1000);
    // The QR B code seems stuck; the cashier starts a new attempt with QR A. The engine first
    // closes QR B's order.
    QVERIFY(rig.pay(QStringLiteral("T-sw"), 2600, {{kQrA, {}, 2600}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(QStringLiteral("T-sw"));
    QCOMPARE_NAME(flowOn(v, kQrB)->status, FlowStatus::Closed);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Prepaid);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paying);
    auto late = rig.qrB->customerPays(flowOn(v, kQrB)->flowNo); // the old code no longer takes money
    QVERIFY(!late || !late->succeeded());
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(10'000);
    v = rig.view(QStringLiteral("T-sw"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE(v.refunds.size(), 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::switchFindsEarlierAttemptPaid()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-sw2"), 2600, {{kQrB, {}, 2600}}));
    rig.clock.advance(200); // pre-paid; the first compensation query is due at 1 s
    FaultProfile lost;
    lost.lostCallbackRate = 1.0; // QR B's notification never arrives
    rig.qrB->setFaultProfile(lost);
    QVERIFY(rig.qrB->customerPays(flowOn(rig.view(QStringLiteral("T-sw2")), kQrB)->flowNo));
    rig.clock.advance(100); // before the first compensation query
    QVERIFY(rig.pay(QStringLiteral("T-sw2"), 2600, {{kQrA, {}, 2600}}));
    rig.clock.advance(5000);
    OrderView v = rig.view(QStringLiteral("T-sw2"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(flowOn(v, kQrB)->status, FlowStatus::Succeeded);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Closed); // the new attempt was not needed
    QCOMPARE_NAME(v.payments[1].status, PaymentStatus::Closed);
    QCOMPARE(rig.books->orders(kQrA)->size(), 0);              // nothing was sent to QR A
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::duplicatePaymentIsRefunded()
{
    EngineRig rig;
    // QR B cannot be reached to close its order, so both codes stay payable.
    QVERIFY(qrBThenQrAWithQrBUnreachable(rig, QStringLiteral("T-dup"), 2600));
    OrderView v = rig.view(QStringLiteral("T-dup"));
    QCOMPARE(v.payments.size(), 2);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Prepaid);
    rig.qrB->setFaultProfile(FaultProfile{});
    // The customer pays both codes.
    QVERIFY(rig.qrB->customerPays(flowOn(v, kQrB)->flowNo));
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(120'000);
    v = rig.view(QStringLiteral("T-dup"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(flowOn(v, kQrA)->status, FlowStatus::Succeeded);
    QCOMPARE_NAME(flowOn(v, kQrB)->status, FlowStatus::Succeeded);
    QCOMPARE(refundsWithReason(v, RefundReason::DuplicatePayment, RefundStatus::Succeeded), 1);
    QCOMPARE(netKept(v), 2600);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// The order is paid by QR A while QR B cannot be reached, so its code could not be closed; then
// QR B answers again and says its code is still unpaid. Nobody waits for that customer any more:
// the code is closed at the channel (found by the simulation: it was polled every 100 s for ever).
void TestPaymentEngine::strayCodeOfAPaidOrderIsClosedNotPolledForever()
{
    EngineRig rig;
    QVERIFY(qrBThenQrAWithQrBUnreachable(rig, QStringLiteral("T-stray"), 2600));
    OrderView v = rig.view(QStringLiteral("T-stray"));
    QVERIFY(rig.qrA->customerPays(flowOn(v, kQrA)->flowNo));
    rig.clock.advance(1000); // paid; closing QR B's code went unanswered
    v = rig.view(QStringLiteral("T-stray"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(flowOn(v, kQrB)->status, FlowStatus::Prepaid);
    rig.qrB->setFaultProfile(FaultProfile{});
    rig.clock.advance(3'600'000);
    v = rig.view(QStringLiteral("T-stray"));
    QCOMPARE_NAME(flowOn(v, kQrB)->status, FlowStatus::Closed);
    auto atChannel = rig.books->order(kQrB, flowOn(v, kQrB)->flowNo);
    QVERIFY(atChannel && atChannel->has_value());
    QCOMPARE((*atChannel)->status, ChannelBooks::statusClosed());
    // Too late for the customer now: QR B refuses, and the order keeps exactly its amount.
    auto late = rig.qrB->customerPays(flowOn(v, kQrB)->flowNo);
    QVERIFY(!late || !late->succeeded());
    rig.clock.advance(10'000);
    v = rig.view(QStringLiteral("T-stray"));
    QCOMPARE(netKept(v), 2600);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

// `db check` (and the simulator's auditor) must notice a successful flow or refund flow whose
// ledger postings are missing.
void TestPaymentEngine::checkFindsMoneyMovedWithoutPostings()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-kept"), 2000, {{kCard, {}, 2000}}));
    QVERIFY(rig.pay(QStringLiteral("T-back"), 3000, {{kWallet, QStringLiteral("M1001"), 1000}, {kCard, {}, 2000}}));
    rig.clock.advance(5000);
    QVERIFY(rig.engine->refund({QStringLiteral("T-back"), QStringLiteral("R-back"), 3000, QStringLiteral("cashier1"), {}, {}}));
    rig.clock.advance(5000);
    const OrderView kept = rig.view(QStringLiteral("T-kept"));
    const OrderView back = rig.view(QStringLiteral("T-back"));
    QCOMPARE_NAME(kept.trade.status, TradeStatus::Paid);
    QCOMPARE_NAME(back.trade.status, TradeStatus::Refunded);
    QCOMPARE(invariantFailures(*rig.db), QString());

    QSqlQuery q(rig.db->db());
    const QString paidFlow = kept.flows.value(0).flowNo;
    QVERIFY(q.exec(QStringLiteral("DELETE FROM ledger_postings WHERE posting_set = 'PAY-%1'").arg(paidFlow)));
    QCOMPARE(q.numRowsAffected(), 2); // both legs: the ledger itself stays balanced
    QString failures = invariantFailures(*rig.db);
    QVERIFY2(failures.contains(QStringLiteral("succeeded_flows_posted: ") + paidFlow), qPrintable(failures));
    QVERIFY2(!failures.contains(QStringLiteral("succeeded_refunds_posted")), qPrintable(failures));

    const RefundFlow refunded = back.refundFlows.value(0);
    QVERIFY(q.exec(QStringLiteral("DELETE FROM ledger_postings WHERE refund_flow_id = %1").arg(refunded.id)));
    QVERIFY(q.numRowsAffected() > 0);
    failures = invariantFailures(*rig.db);
    QVERIFY2(failures.contains(QStringLiteral("succeeded_refunds_posted: ") + refunded.refundFlowNo), qPrintable(failures));
}

void TestPaymentEngine::partialRefundsExternalFirst()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-ref"), 3000, {{kWallet, QStringLiteral("M1001"), 1000}, {kCard, {}, 2000}}));
    rig.clock.advance(5000);
    QCOMPARE_NAME(rig.view(QStringLiteral("T-ref")).trade.status, TradeStatus::Paid);
    const qint64 walletBefore = rig.walletBalance(QStringLiteral("M1001"));

    RefundCommand c{QStringLiteral("T-ref"), QStringLiteral("R-1"), 2500, QStringLiteral("cashier1"), {}, {}};
    auto r = rig.engine->refund(c);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(*rig.engine->refund(c), QStringLiteral("R-1")); // same refund no.: the same refund
    RefundCommand over{QStringLiteral("T-ref"), QStringLiteral("R-2"), 501, QStringLiteral("cashier1"), {}, {}};
    auto tooMuch = rig.engine->refund(over);
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::LimitExceeded);
    rig.clock.advance(5000);
    OrderView v = rig.view(QStringLiteral("T-ref"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::PartiallyRefunded);
    QCOMPARE(flowOn(v, kCard)->refundedMinor, 2000); // the external leg first
    QCOMPARE(flowOn(v, kWallet)->refundedMinor, 500);
    QCOMPARE(rig.walletBalance(QStringLiteral("M1001")), walletBefore + 500);
    RefundCommand rest{QStringLiteral("T-ref"), QStringLiteral("R-3"), 500, QStringLiteral("cashier1"), {}, {}};
    auto restDone = rig.engine->refund(rest);
    QVERIFY2(restDone, qPrintable(restDone ? QString() : restDone.error().message));
    rig.clock.advance(5000);
    v = rig.view(QStringLiteral("T-ref"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    QCOMPARE(v.trade.refundedMinor, 3000);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::refundRetriedWithSameNumber()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-rr"), 2000, {{kCard, {}, 2000}}));
    rig.clock.advance(20'000);
    QCOMPARE_NAME(rig.view(QStringLiteral("T-rr")).trade.status, TradeStatus::Paid);
    FaultProfile declining;
    declining.declineRate = 1.0;
    rig.card->setFaultProfile(declining);
    auto accepted = rig.engine->refund({QStringLiteral("T-rr"), QStringLiteral("R-rr"), 2000, QStringLiteral("cashier1"), {}, {}});
    QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().message));
    OrderView v;
    for (int i = 0; i < 120; ++i) { // until the first send and one re-send were refused
        rig.clock.advance(500);
        v = rig.view(QStringLiteral("T-rr"));
        if (!v.refundFlows.isEmpty() && v.refundFlows[0].attempts >= 2)
            break;
    }
    QCOMPARE_NAME(v.refundFlows[0].status, RefundStatus::Processing);
    QVERIFY(v.refundFlows[0].attempts >= 2);
    rig.card->setFaultProfile(FaultProfile{});
    rig.clock.advance(60'000);
    v = rig.view(QStringLiteral("T-rr"));
    QCOMPARE_NAME(v.refunds[0].status, RefundStatus::Succeeded);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Refunded);
    // Every send used the same refund no., and the channel refunded once.
    auto atChannel = rig.books->refund(kCard, v.refundFlows[0].refundFlowNo);
    QVERIFY(atChannel && atChannel->has_value());
    QCOMPARE((*atChannel)->amountMinor, 2000);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::refundSurfacesAfterRetries()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-rs"), 2000, {{kWallet, QStringLiteral("M1001"), 2000}}));
    rig.clock.advance(2000);
    FaultProfile declining;
    declining.declineRate = 1.0;
    rig.wallet->setFaultProfile(declining);
    QSignalSpy surfaced(rig.engine, &PaymentEngine::refundSurfaced);
    QVERIFY(rig.engine->refund({QStringLiteral("T-rs"), QStringLiteral("R-rs"), 500, QStringLiteral("cashier1"), {}, {}}));
    rig.clock.advance(600'000);
    OrderView v = rig.view(QStringLiteral("T-rs"));
    QCOMPARE_NAME(v.refunds[0].status, RefundStatus::Failed);
    QCOMPARE(v.refundFlows[0].attempts, rig.config.maxRefundSends);
    QCOMPARE(surfaced.count(), 1);
    QCOMPARE(surfaced.first().at(0).toString(), QStringLiteral("R-rs"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid); // nothing was refunded
    QCOMPARE(v.trade.refundedMinor, 0);
    QCOMPARE(invariantFailures(*rig.db), QString());
}

void TestPaymentEngine::tamperedCallbackFreezesTrade()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-tamper"), 1000, {{kQrA, {}, 1000}}));
    rig.clock.advance(1000);
    FaultProfile p;
    p.tamperedAmountRate = 1.0;
    p.tamperDeltaMinor = -100;
    rig.qrA->setFaultProfile(p);
    QSignalSpy frozen(rig.engine, &PaymentEngine::tradeFrozen);
    QVERIFY(rig.qrA->customerPays(rig.view(QStringLiteral("T-tamper")).flows[0].flowNo));
    rig.clock.advance(2000);
    OrderView v = rig.view(QStringLiteral("T-tamper"));
    QVERIFY(v.trade.frozen);
    QCOMPARE(frozen.count(), 1);
    QVERIFY(v.trade.freezeReason.contains(QStringLiteral("900")));
    // The trade is in the operations review queue; the mismatching report changed no money.
    QCOMPARE(netKept(v), v.flows[0].status == FlowStatus::Succeeded ? 1000 : 0);
}

// The check after a payment settles: the money the trade keeps (its succeeded flows, less what
// they refunded) must be what the order should keep. A book that disagrees freezes the trade.
void TestPaymentEngine::settledTradeKeepingTheWrongAmountIsFrozen()
{
    EngineRig rig;
    QVERIFY(rig.pay(QStringLiteral("T-keeps"), 3000, {{kWallet, QStringLiteral("M1001"), 1000}, {kQrA, {}, 2000}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(QStringLiteral("T-keeps"));
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Succeeded);
    QCOMPARE_NAME(v.flows[1].status, FlowStatus::Prepaid);
    // While the QR leg waits, the wallet leg's books claim a refund nobody made.
    QSqlQuery q(rig.db->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE payment_flows SET refunded_amount = 100 WHERE id = %1").arg(v.flows[0].id)));
    QSignalSpy frozen(rig.engine, &PaymentEngine::tradeFrozen);
    QVERIFY(rig.qrA->customerPays(v.flows[1].flowNo));
    rig.clock.advance(2000);
    v = rig.view(QStringLiteral("T-keeps"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QVERIFY(v.trade.frozen);
    QCOMPARE(frozen.count(), 1);
    QVERIFY2(v.trade.freezeReason.contains(QStringLiteral("2900")) && v.trade.freezeReason.contains(QStringLiteral("3000")),
             qPrintable(v.trade.freezeReason));

    // The same payment with honest books settles without a freeze.
    QVERIFY(rig.pay(QStringLiteral("T-keeps-2"), 3000, {{kWallet, QStringLiteral("M1001"), 1000}, {kQrA, {}, 2000}}));
    rig.clock.advance(1000);
    QVERIFY(rig.qrA->customerPays(rig.view(QStringLiteral("T-keeps-2")).flows[1].flowNo));
    rig.clock.advance(2000);
    v = rig.view(QStringLiteral("T-keeps-2"));
    QCOMPARE_NAME(v.trade.status, TradeStatus::Paid);
    QVERIFY(!v.trade.frozen);
    QCOMPARE(frozen.count(), 1);
}

void TestPaymentEngine::routingRefusalFailsBeforeSending()
{
    EngineRig rig;
    rig.core->gateway().setKilled(kCard, true); // the manual kill switch
    QVERIFY(rig.pay(QStringLiteral("T-route"), 1000, {{kCard, {}, 1000}}));
    rig.clock.advance(1000);
    OrderView v = rig.view(QStringLiteral("T-route"));
    QCOMPARE_NAME(v.flows[0].status, FlowStatus::Failed);
    QCOMPARE(v.flows[0].failCode, QStringLiteral("CHANNEL_UNAVAILABLE"));
    QCOMPARE(rig.books->orders(kCard)->size(), 0);
    QCOMPARE_NAME(v.trade.status, TradeStatus::Created);
}

// Callback vs timeout close, in random orders and at random times, over many seeds: the
// trade ends PAID with the amount kept or CLOSED with nothing kept, and every invariant holds.
void TestPaymentEngine::randomInterleavingsKeepInvariants()
{
    for (quint32 seed = 1; seed <= 40; ++seed) {
        EngineRig rig;
        rig.config.tradeTtlMs = 60'000;
        rig.restart();
        QRandomGenerator rng(seed);
        const QString no = QStringLiteral("T-rnd-%1").arg(seed);
        const qint64 amount = 100 + rng.bounded(5000);
        QList<TenderLeg> legs{{kQrA, {}, amount}};
        if (rng.bounded(2) == 1)
            legs = {{kWallet, QStringLiteral("M1010"), 50}, {kQrA, {}, amount - 50}};
        QVERIFY(rig.pay(no, amount, legs));
        FaultProfile p;
        p.seed = seed;
        p.latency = LatencyModel::uniform(5, 3000);
        p.callbackLatency = LatencyModel::uniform(10, 90'000);
        p.duplicateCallbackRate = 0.3;
        p.timeoutSucceededRate = 0.1;
        p.timeoutMs = 2000;
        rig.qrA->setFaultProfile(p);
        rig.clock.advance(4000);
        const qint64 payAt = rng.bounded(120'000);
        const QString flowNo = flowOn(rig.view(no), kQrA)->flowNo;
        rig.clock.schedule(payAt, nullptr, [&] { (void)rig.qrA->customerPays(flowNo); });
        if (rng.bounded(2) == 1)
            rig.clock.schedule(rng.bounded(120'000), nullptr,
                               [&] { (void)rig.engine->close(no, EventSource::Operator, QStringLiteral("ops")); });
        rig.clock.advance(3 * 3600 * 1000);
        const OrderView v = rig.view(no);
        const QString context = QStringLiteral("seed %1: %2").arg(seed).arg(toString(v.trade.status));
        QVERIFY2(v.trade.status == TradeStatus::Paid || v.trade.status == TradeStatus::Closed, qPrintable(context));
        QVERIFY2(netKept(v) == (v.trade.status == TradeStatus::Paid ? amount : 0), qPrintable(context));
        QCOMPARE(invariantFailures(*rig.db), QString());
    }
}

QTEST_GUILESS_MAIN(TestPaymentEngine)
#include "tst_paymentengine.moc"
