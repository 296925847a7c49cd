// ChannelGateway: bulkhead, per-call timeout with late replies, circuit breaker, kill switch,
// isolation between channels, routing with health, and the failover rule.
#include "channel/cardchannel.h"
#include "channel/channelgateway.h"
#include "channel/qrchannel.h"
#include "channel/walletchannel.h"
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

FaultProfile latency(qint64 ms)
{
    FaultProfile p;
    p.latency = LatencyModel::fixed(ms);
    return p;
}

PayRequest cardPay(const QString &flowNo, qint64 amount = 1000)
{
    PayRequest r;
    r.flowNo = flowNo;
    r.amount = Money(amount, Currency::cny());
    return r;
}

PayRequest walletPay(const QString &flowNo, qint64 amount = 100)
{
    PayRequest r = cardPay(flowNo, amount);
    r.account = u"M1001"_s;
    return r;
}

ChannelPolicy policy(int inFlight, int queue, qint64 timeoutMs)
{
    ChannelPolicy p;
    p.maxInFlight = inFlight;
    p.maxQueue = queue;
    p.callTimeoutMs = timeoutMs;
    p.breaker.windowSize = 10;
    p.breaker.windowMs = 0;
    p.breaker.minimumCalls = 3;
    p.breaker.failureRatePercent = 50;
    p.breaker.openMs = 30'000;
    p.breaker.halfOpenMaxCalls = 1;
    p.breaker.halfOpenSuccesses = 1;
    return p;
}

struct Rig
{
    explicit Rig(const ChannelPolicy &cardPolicy = policy(2, 1, 1000))
        : clock(1'780'000'000'000)
        , gateway(&clock)
    {
        books = std::move(*ChannelBooks::open(db.filePath(u"books.sqlite"_s)));
        (void)seedDemoBooks(*books, clock.nowMs());
        card = std::make_unique<CardChannel>(&clock, books.get());
        wallet = std::make_unique<WalletChannel>(&clock, books.get());
        qrA = std::make_unique<QrChannel>(QrChannel::Dialect::A, &clock, books.get());
        card->setFaultProfile(latency(100));
        wallet->setFaultProfile(latency(80));
        qrA->setFaultProfile(latency(60));
        QVERIFY(gateway.addChannel(card.get(), cardPolicy));
        QVERIFY(gateway.addChannel(wallet.get(), policy(4, 4, 1000)));
        QVERIFY(gateway.addChannel(qrA.get(), policy(4, 4, 1000)));
        RouteRule cardRule;
        cardRule.method = u"card"_s;
        cardRule.channel = u"card"_s;
        gateway.router().setRules({cardRule});
    }
    Channel::ResultHandler collect(const QString &tag)
    {
        return [this, tag](const ChannelResult &r) { replies.insert(tag, Reply {clock.nowMs(), r}); };
    }
    void hangCard()
    {
        FaultProfile p = latency(100);
        p.outages = {OutageWindow {clock.nowMs(), clock.nowMs() + 3'600'000, OutageWindow::Mode::Hang}};
        p.hangMs = 7'200'000;
        card->setFaultProfile(p);
    }

    test::TempDb db;
    VirtualClock clock;
    std::unique_ptr<ChannelBooks> books;
    std::unique_ptr<CardChannel> card;
    std::unique_ptr<WalletChannel> wallet;
    std::unique_ptr<QrChannel> qrA;
    ChannelGateway gateway;
    QHash<QString, Reply> replies;
};

} // namespace

class TestChannelGateway : public QObject
{
    Q_OBJECT
private slots:
    void passesCallsThroughLater();
    void prepayCarriesInfo();
    void unknownChannel();
    void bulkheadRejectsWhenFull();
    void queuedCallRunsWhenSlotFrees();
    void queueWaitIsBounded();
    void timeoutThenLateReplyIsLoggedOnly();
    void isolationAndBreakerCycle();
    void businessDeclinesKeepBreakerClosed();
    void killSwitch();
    void routeSeesHealth();
    void safeToFailover_data();
    void safeToFailover();
};

void TestChannelGateway::passesCallsThroughLater()
{
    Rig rig;
    const qint64 t0 = rig.clock.nowMs();
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), rig.collect(u"a"_s));
    QVERIFY(rig.replies.isEmpty());
    rig.clock.advance(100);
    QCOMPARE(rig.replies.value(u"a"_s).atMs, t0 + 100);
    QCOMPARE(rig.replies.value(u"a"_s).result.outcome, ChannelOutcome::Succeeded);
    rig.gateway.query(u"card"_s, u"F1"_s, rig.collect(u"q"_s));
    rig.gateway.close(u"card"_s, u"F1"_s, rig.collect(u"c"_s));
    RefundRequest refund;
    refund.refundNo = u"R1"_s;
    refund.flowNo = u"F1"_s;
    refund.amount = Money(400, Currency::cny());
    rig.gateway.refund(u"card"_s, refund, rig.collect(u"r"_s));
    rig.clock.advance(100);
    rig.gateway.queryRefund(u"card"_s, u"R1"_s, rig.collect(u"qr"_s));
    rig.clock.advance(100);
    QCOMPARE(rig.replies.value(u"q"_s).result.channelStatus, u"PAID"_s);
    QCOMPARE(rig.replies.value(u"c"_s).result.code, u"ALREADY_PAID"_s);
    QCOMPARE(rig.replies.value(u"r"_s).result.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(rig.replies.value(u"qr"_s).result.amountMinor, 400);
    const auto s = rig.gateway.stats(u"card"_s);
    QCOMPARE(s.sent, 5);
    QCOMPARE(s.succeeded, 4);
    QCOMPARE(s.failed, 1);
}

void TestChannelGateway::prepayCarriesInfo()
{
    Rig rig;
    PayRequest r = cardPay(u"Q1"_s);
    ChannelResult result;
    PrepayInfo info;
    rig.gateway.prepay(u"qr_a"_s, r, [&](const ChannelResult &res, const PrepayInfo &i) {
        result = res;
        info = i;
    });
    rig.clock.advance(60);
    QCOMPARE(result.outcome, ChannelOutcome::Pending);
    QVERIFY(info.qrContent.startsWith(u"paydesk://qr_a/pay?flow=Q1"_s));
}

void TestChannelGateway::unknownChannel()
{
    Rig rig;
    rig.gateway.pay(u"nope"_s, cardPay(u"F1"_s), rig.collect(u"a"_s));
    QVERIFY(rig.replies.isEmpty());
    rig.clock.advance(0);
    QCOMPARE(rig.replies.value(u"a"_s).result.outcome, ChannelOutcome::Failed);
    QCOMPARE(rig.replies.value(u"a"_s).result.code, u"UNKNOWN_CHANNEL"_s);
    QCOMPARE(rig.replies.value(u"a"_s).result.requestSent, false);
}

void TestChannelGateway::bulkheadRejectsWhenFull()
{
    Rig rig(policy(2, 1, 60'000));
    rig.hangCard();
    QSignalSpy rejected(&rig.gateway, &ChannelGateway::callRejected);
    for (int i = 0; i < 3; ++i)
        rig.gateway.pay(u"card"_s, cardPay(u"F%1"_s.arg(i)), rig.collect(u"p%1"_s.arg(i)));
    QCOMPARE(rig.gateway.health(u"card"_s).inFlight, 2);
    QCOMPARE(rig.gateway.health(u"card"_s).queued, 1);
    rig.gateway.pay(u"card"_s, cardPay(u"F3"_s), rig.collect(u"busy"_s));
    rig.gateway.query(u"card"_s, u"F0"_s, rig.collect(u"busyQuery"_s));
    QCOMPARE(rejected.count(), 2);
    QCOMPARE(rejected.at(0).at(2).toString(), u"CHANNEL_BUSY"_s);
    rig.clock.advance(0); // a fast answer, not a hang
    QCOMPARE(rig.replies.size(), 2);
    const ChannelResult busy = rig.replies.value(u"busy"_s).result;
    QCOMPARE(busy.outcome, ChannelOutcome::Failed);
    QCOMPARE(busy.code, u"CHANNEL_BUSY"_s);
    QCOMPARE(busy.requestSent, false);
    QVERIFY(ChannelGateway::safeToFailover(busy));
    // A refused query learned nothing: Unknown, never Failed.
    QCOMPARE(rig.replies.value(u"busyQuery"_s).result.outcome, ChannelOutcome::Unknown);
    QCOMPARE(rig.gateway.stats(u"card"_s).rejectedBusy, 2);
    QCOMPARE(rig.card->repliesPending(), 2); // only two requests ever reached the channel
}

void TestChannelGateway::queuedCallRunsWhenSlotFrees()
{
    Rig rig(policy(1, 4, 10'000));
    const qint64 t0 = rig.clock.nowMs();
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), rig.collect(u"a"_s));
    rig.gateway.pay(u"card"_s, cardPay(u"F2"_s), rig.collect(u"b"_s));
    rig.gateway.pay(u"card"_s, cardPay(u"F3"_s), rig.collect(u"c"_s));
    rig.clock.advance(1000);
    QCOMPARE(rig.replies.value(u"a"_s).atMs, t0 + 100);
    QCOMPARE(rig.replies.value(u"b"_s).atMs, t0 + 200);
    QCOMPARE(rig.replies.value(u"c"_s).atMs, t0 + 300);
    QVERIFY(rig.replies.value(u"c"_s).result.succeeded());
}

void TestChannelGateway::queueWaitIsBounded()
{
    ChannelPolicy p = policy(1, 4, 10'000);
    p.queueTimeoutMs = 50;
    Rig rig(p);
    rig.card->setFaultProfile(latency(1000));
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), rig.collect(u"a"_s));
    rig.gateway.pay(u"card"_s, cardPay(u"F2"_s), rig.collect(u"b"_s));
    const qint64 t0 = rig.clock.nowMs();
    rig.clock.advance(50);
    QCOMPARE(rig.replies.value(u"b"_s).atMs, t0 + 50);
    QCOMPARE(rig.replies.value(u"b"_s).result.code, u"CHANNEL_BUSY"_s);
    QCOMPARE(rig.replies.value(u"b"_s).result.requestSent, false);
    rig.clock.advance(2000);
    QVERIFY(rig.replies.value(u"a"_s).result.succeeded());
    QVERIFY(!*rig.books->order(u"card"_s, u"F2"_s)); // never sent
}

void TestChannelGateway::timeoutThenLateReplyIsLoggedOnly()
{
    Rig rig(policy(2, 2, 1000));
    rig.card->setFaultProfile(latency(5000));
    QSignalSpy timedOut(&rig.gateway, &ChannelGateway::callTimedOut);
    QSignalSpy late(&rig.gateway, &ChannelGateway::lateReplyReceived);
    int calls = 0;
    const qint64 t0 = rig.clock.nowMs();
    ChannelResult got;
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), [&](const ChannelResult &r) {
        ++calls;
        got = r;
    });
    rig.clock.advance(999);
    QCOMPARE(calls, 0);
    rig.clock.advance(1);
    QCOMPARE(calls, 1);
    QCOMPARE(got.outcome, ChannelOutcome::Unknown);
    QCOMPARE(got.code, u"TIMEOUT"_s);
    QCOMPARE(got.requestSent, true);
    QVERIFY(!ChannelGateway::safeToFailover(got));
    QCOMPARE(timedOut.count(), 1);
    QCOMPARE(rig.gateway.health(u"card"_s).inFlight, 0);
    rig.clock.advance(10'000);
    QCOMPARE(calls, 1); // the late answer does not reach the caller
    QCOMPARE(late.count(), 1);
    const auto lateReplies = rig.gateway.lateReplies();
    QCOMPARE(lateReplies.size(), 1);
    QCOMPARE(lateReplies.first().key, u"F1"_s);
    QCOMPARE(lateReplies.first().timedOutAtMs, t0 + 1000);
    QCOMPARE(lateReplies.first().arrivedAtMs, t0 + 5000);
    QCOMPARE(lateReplies.first().result.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(rig.gateway.stats(u"card"_s).lateReplies, 1);
    QCOMPARE(rig.books->orders(u"card"_s)->size(), 1); // sent once, never again
}

void TestChannelGateway::isolationAndBreakerCycle()
{
    Rig rig(policy(2, 2, 1000));
    QSignalSpy breaker(&rig.gateway, &ChannelGateway::breakerStateChanged);
    rig.hangCard(); // the card terminal answers nothing at all

    // Flood the hanging channel well past its bulkhead.
    for (int i = 0; i < 6; ++i)
        rig.gateway.pay(u"card"_s, cardPay(u"F%1"_s.arg(i)), rig.collect(u"card%1"_s.arg(i)));
    // The wallet still answers within its own latency.
    const qint64 t0 = rig.clock.nowMs();
    rig.gateway.pay(u"wallet"_s, walletPay(u"W1"_s), rig.collect(u"wallet"_s));
    rig.clock.advance(80);
    QCOMPARE(rig.replies.value(u"wallet"_s).atMs, t0 + 80);
    QVERIFY(rig.replies.value(u"wallet"_s).result.succeeded());
    QCOMPARE(rig.replies.value(u"card5"_s).result.code, u"CHANNEL_BUSY"_s); // refused at once

    // Two in flight time out at 1 s, the queued two are sent and time out at 2 s: the
    // breaker opens after three failures and refuses the rest without sending.
    rig.clock.advance(2000);
    QCOMPARE(rig.replies.value(u"card0"_s).result.code, u"TIMEOUT"_s);
    QCOMPARE(rig.replies.value(u"card2"_s).result.code, u"TIMEOUT"_s);
    QCOMPARE(rig.gateway.breakerState(u"card"_s), CircuitBreaker::State::Open);
    QCOMPARE(breaker.count(), 1);
    QCOMPARE(breaker.at(0).at(1).toString(), u"CLOSED"_s);
    QCOMPARE(breaker.at(0).at(2).toString(), u"OPEN"_s);
    rig.gateway.pay(u"card"_s, cardPay(u"F9"_s), rig.collect(u"open"_s));
    rig.clock.advance(0);
    QCOMPARE(rig.replies.value(u"open"_s).result.code, u"CIRCUIT_OPEN"_s);
    QVERIFY(ChannelGateway::safeToFailover(rig.replies.value(u"open"_s).result));
    QCOMPARE(rig.gateway.route(u"card"_s, Money(1000, Currency::cny()), rig.clock.nowMs()).reasonCode,
        u"NO_ELIGIBLE_CHANNEL"_s);
    // Meanwhile the wallet is untouched.
    const qint64 t1 = rig.clock.nowMs();
    rig.gateway.pay(u"wallet"_s, walletPay(u"W2"_s), rig.collect(u"wallet2"_s));
    rig.clock.advance(80);
    QCOMPARE(rig.replies.value(u"wallet2"_s).atMs, t1 + 80);

    // After openMs the breaker lets one trial call through; the card has recovered.
    rig.card->setFaultProfile(latency(100));
    rig.clock.advance(30'000);
    QCOMPARE(rig.gateway.breakerState(u"card"_s), CircuitBreaker::State::HalfOpen);
    QCOMPARE(breaker.at(1).at(2).toString(), u"HALF_OPEN"_s);
    rig.gateway.pay(u"card"_s, cardPay(u"T1"_s), rig.collect(u"trial"_s));
    rig.gateway.pay(u"card"_s, cardPay(u"T2"_s), rig.collect(u"second"_s));
    rig.clock.advance(100);
    QCOMPARE(rig.replies.value(u"second"_s).result.code, u"CIRCUIT_OPEN"_s); // one trial at a time
    QVERIFY(rig.replies.value(u"trial"_s).result.succeeded());
    QCOMPARE(rig.gateway.breakerState(u"card"_s), CircuitBreaker::State::Closed);
    QCOMPARE(breaker.count(), 3);
    QCOMPARE(breaker.at(2).at(2).toString(), u"CLOSED"_s);
}

void TestChannelGateway::businessDeclinesKeepBreakerClosed()
{
    Rig rig;
    for (int i = 0; i < 6; ++i) {
        PayRequest r = walletPay(u"W%1"_s.arg(i), 1'000'000'000); // far more than M1001 has
        rig.gateway.pay(u"wallet"_s, r, rig.collect(u"w%1"_s.arg(i)));
    }
    rig.clock.advance(1000);
    QCOMPARE(rig.replies.value(u"w5"_s).result.code, u"INSUFFICIENT_FUNDS"_s);
    QCOMPARE(rig.gateway.breakerState(u"wallet"_s), CircuitBreaker::State::Closed);
    QCOMPARE(rig.gateway.stats(u"wallet"_s).failed, 6);
}

void TestChannelGateway::killSwitch()
{
    Rig rig(policy(1, 4, 10'000));
    QSignalSpy killed(&rig.gateway, &ChannelGateway::killSwitchChanged);
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), rig.collect(u"inflight"_s));
    rig.gateway.pay(u"card"_s, cardPay(u"F2"_s), rig.collect(u"queued"_s));
    rig.gateway.setKilled(u"card"_s, true);
    QCOMPARE(killed.count(), 1);
    rig.gateway.pay(u"card"_s, cardPay(u"F3"_s), rig.collect(u"after"_s));
    rig.gateway.query(u"card"_s, u"F1"_s, rig.collect(u"query"_s));
    rig.clock.advance(1000);
    QVERIFY(rig.replies.value(u"inflight"_s).result.succeeded()); // already sent: it completes
    QCOMPARE(rig.replies.value(u"queued"_s).result.code, u"CHANNEL_DISABLED"_s);
    QCOMPARE(rig.replies.value(u"after"_s).result.code, u"CHANNEL_DISABLED"_s);
    QCOMPARE(rig.replies.value(u"query"_s).result.outcome, ChannelOutcome::Unknown);
    QVERIFY(!*rig.books->order(u"card"_s, u"F2"_s));
    QCOMPARE(rig.gateway.route(u"card"_s, Money(1000, Currency::cny()), rig.clock.nowMs())
                 .candidates.first()
                 .exclusion,
        u"KILLED"_s);
    rig.gateway.setKilled(u"card"_s, false);
    rig.gateway.pay(u"card"_s, cardPay(u"F4"_s), rig.collect(u"back"_s));
    rig.clock.advance(1000);
    QVERIFY(rig.replies.value(u"back"_s).result.succeeded());
}

void TestChannelGateway::routeSeesHealth()
{
    Rig rig(policy(1, 0, 10'000));
    RouteRule a;
    a.method = u"qr"_s;
    a.channel = u"qr_a"_s;
    a.fee = FeeRule {0, 38};
    RouteRule card;
    card.method = u"qr"_s; // pretend the card terminal can also take this method, at a higher fee
    card.channel = u"card"_s;
    card.fee = FeeRule {0, 80};
    rig.gateway.router().setRules({a, card});
    const Money m(1000, Currency::cny());
    QCOMPARE(rig.gateway.route(u"qr"_s, m, rig.clock.nowMs()).channel, u"qr_a"_s);
    QCOMPARE(rig.gateway.route(u"qr"_s, m, rig.clock.nowMs(), {u"qr_a"_s}).channel, u"card"_s);
    QCOMPARE(rig.gateway.refusal(u"qr_a"_s, m, rig.clock.nowMs()), std::nullopt);
    rig.gateway.setKilled(u"qr_a"_s, true);
    QCOMPARE(rig.gateway.refusal(u"qr_a"_s, m, rig.clock.nowMs()), std::optional<QString>(u"KILLED"_s));
    QCOMPARE(
        rig.gateway.refusal(u"nope"_s, m, rig.clock.nowMs()), std::optional<QString>(u"UNKNOWN_CHANNEL"_s));
    const RouteDecision d = rig.gateway.route(u"qr"_s, m, rig.clock.nowMs());
    QCOMPARE(d.channel, u"card"_s);
    QCOMPARE(d.candidates.first().exclusion, u"KILLED"_s);
    // A full bulkhead is visible to routing before anything is sent.
    rig.gateway.pay(u"card"_s, cardPay(u"F1"_s), rig.collect(u"x"_s));
    QCOMPARE(rig.gateway.route(u"qr"_s, m, rig.clock.nowMs()).candidates.last().exclusion, u"BUSY"_s);
    // The rules count too: a card rule with a limit refuses a larger amount.
    RouteRule limited = card;
    limited.maxAmountMinor = 500;
    rig.gateway.router().setRules({a, limited});
    rig.clock.advance(1000);
    QCOMPARE(rig.gateway.refusal(u"card"_s, m, rig.clock.nowMs()), std::optional<QString>(u"ABOVE_MAX"_s));
}

void TestChannelGateway::safeToFailover_data()
{
    QTest::addColumn<ChannelOutcome>("outcome");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<bool>("safe");
    QTest::addRow("refused before sending") << ChannelOutcome::Failed << false << true;
    QTest::addRow("declined by the channel") << ChannelOutcome::Failed << true << false;
    QTest::addRow("unknown after sending") << ChannelOutcome::Unknown << true << false;
    QTest::addRow("unknown, not sent") << ChannelOutcome::Unknown << false << false;
    QTest::addRow("succeeded") << ChannelOutcome::Succeeded << true << false;
}

void TestChannelGateway::safeToFailover()
{
    QFETCH(ChannelOutcome, outcome);
    QFETCH(bool, sent);
    QFETCH(bool, safe);
    ChannelResult r;
    r.outcome = outcome;
    r.requestSent = sent;
    QCOMPARE(ChannelGateway::safeToFailover(r), safe);
}

QTEST_GUILESS_MAIN(TestChannelGateway)
#include "tst_channelgateway.moc"
