// QrChannel: pre-pay and QR content, the customer paying later, signed callbacks through the
// ingress, and every callback fault mode, for both dialects.
#include "channel/qrchannel.h"
#include "sim/clock.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

struct Delivery
{
    qint64 atMs;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

// Both QR channels wired to one ingress, with a flow validator that knows the amounts asked for.
struct Rig
{
    Rig()
        : clock(1'780'000'000'000)
        , ingress(&clock)
    {
        books = std::move(*ChannelBooks::open(db.filePath(u"books.sqlite"_s)));
        for (auto dialect : {QrChannel::Dialect::A, QrChannel::Dialect::B}) {
            auto c = std::make_unique<QrChannel>(dialect, &clock, books.get());
            FaultProfile p;
            p.latency = LatencyModel::fixed(50);
            p.callbackLatency = LatencyModel::fixed(200);
            c->setFaultProfile(p);
            connectToIngress(c.get(), &ingress);
            // Also keep a copy of every delivery, in order.
            auto *raw = c.get();
            c->setNotifySink([this, raw](const QString &name, const QHash<QByteArray, QByteArray> &h,
                                 const QByteArray &body) {
                Q_UNUSED(raw);
                deliveries << Delivery {clock.nowMs(), h, body};
                (void)ingress.receive(name, h, body);
            });
            (dialect == QrChannel::Dialect::A ? qrA : qrB) = std::move(c);
        }
        ingress.setFlowValidator([this](const ChannelNotification &n) -> Result<void> {
            if (!amounts.contains(n.flowNo))
                return fail(ErrorCode::NotFound, u"unknown flow"_s);
            if (n.kind == ChannelNotification::Kind::Payment && n.amountMinor != amounts.value(n.flowNo))
                return fail(ErrorCode::AmountMismatch, u"amount differs"_s);
            return {};
        });
        ingress.setProcessor([this](const ChannelNotification &n) -> Result<void> {
            accepted << n;
            return {};
        });
    }
    QrChannel *channel(QrChannel::Dialect d) { return d == QrChannel::Dialect::A ? qrA.get() : qrB.get(); }

    // Pre-pays flowNo and waits for the answer.
    std::pair<ChannelResult, PrepayInfo> prepay(
        QrChannel *c, const QString &flowNo, qint64 amount = 1234, qint64 expiresAtMs = 0)
    {
        amounts.insert(flowNo, amount);
        PayRequest r;
        r.flowNo = flowNo;
        r.amount = Money(amount, Currency::cny());
        r.subject = u"Basket"_s;
        r.expiresAtMs = expiresAtMs;
        std::pair<ChannelResult, PrepayInfo> out;
        c->prepay(r, [&out](const ChannelResult &res, const PrepayInfo &info) { out = {res, info}; });
        clock.advance(50);
        return out;
    }
    ChannelResult run(std::function<void(Channel::ResultHandler)> call)
    {
        ChannelResult out;
        call([&out](const ChannelResult &r) { out = r; });
        clock.advance(50);
        return out;
    }

    test::TempDb db;
    VirtualClock clock;
    std::unique_ptr<ChannelBooks> books;
    CallbackIngress ingress;
    std::unique_ptr<QrChannel> qrA;
    std::unique_ptr<QrChannel> qrB;
    QHash<QString, qint64> amounts;
    QList<ChannelNotification> accepted;
    QList<Delivery> deliveries;
};

FaultProfile callbackProfile(quint64 seed = 1)
{
    FaultProfile p;
    p.seed = seed;
    p.latency = LatencyModel::fixed(50);
    p.callbackLatency = LatencyModel::fixed(200);
    return p;
}

} // namespace

class TestQrChannel : public QObject
{
    Q_OBJECT
private slots:
    void prepayReturnsQrContent_data();
    void prepayReturnsQrContent();
    void customerPaysAndCallbackArrives_data();
    void customerPaysAndCallbackArrives();
    void customerCannotPayTwiceOrLate();
    void declinedCustomerPaymentIsNotified();
    void lostCallback();
    void duplicatedCallbacks();
    void delayedCallbackHoursLater();
    void outOfOrderCallback();
    void badSignatureCallback();
    void tamperedAmountCallback();
    void refundIsNotified();
    void payIsUnsupported();
    void sameSeedSameCallbacks();
    void parseRejectsMalformed_data();
    void parseRejectsMalformed();
};

void TestQrChannel::prepayReturnsQrContent_data()
{
    QTest::addColumn<QrChannel::Dialect>("dialect");
    QTest::addRow("qr_a") << QrChannel::Dialect::A;
    QTest::addRow("qr_b") << QrChannel::Dialect::B;
}

void TestQrChannel::prepayReturnsQrContent()
{
    QFETCH(QrChannel::Dialect, dialect);
    Rig rig;
    QrChannel *c = rig.channel(dialect);
    const auto [result, info] = rig.prepay(c, u"F 1&x"_s, 1234);
    QCOMPARE(result.outcome, ChannelOutcome::Pending);
    QCOMPARE(info.flowNo, u"F 1&x"_s);
    const QUrl url(info.qrContent);
    QCOMPARE(url.scheme(), u"paydesk"_s);
    QCOMPARE(url.host(), c->name());
    QCOMPARE(url.path(), u"/pay"_s);
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(u"flow"_s, QUrl::FullyDecoded), u"F 1&x"_s);
    QCOMPARE(q.queryItemValue(u"amt"_s), u"1234"_s);
    QCOMPARE(q.queryItemValue(u"cur"_s), u"CNY"_s);
    QCOMPARE(q.queryItemValue(u"order"_s), info.channelOrderNo);
    QVERIFY(info.expiresAtMs > rig.clock.nowMs());
    QCOMPARE((*rig.books->order(c->name(), u"F 1&x"_s))->status, u"NOTPAY"_s);
    const ChannelResult q1 = rig.run([&](auto h) { c->query(u"F 1&x"_s, h); });
    QCOMPARE(q1.outcome, ChannelOutcome::Pending);
    QCOMPARE(q1.channelStatus, u"NOTPAY"_s);

    // Idempotent by flow no.: the same order and code again; another amount is refused.
    const auto again = rig.prepay(c, u"F 1&x"_s, 1234);
    QCOMPARE(again.second.qrContent, info.qrContent);
    const auto other = rig.prepay(c, u"F 1&x"_s, 999);
    QCOMPARE(other.first.outcome, ChannelOutcome::Failed);
    QCOMPARE(other.first.code, u"OUT_TRADE_NO_USED"_s);
}

void TestQrChannel::customerPaysAndCallbackArrives_data()
{
    QTest::addColumn<QrChannel::Dialect>("dialect");
    QTest::addColumn<QString>("txnPattern");
    QTest::addColumn<QString>("statusWord");
    QTest::addRow("qr_a") << QrChannel::Dialect::A << u"^4200001234\\d{18}$"_s << u"SUCCESS"_s;
    QTest::addRow("qr_b") << QrChannel::Dialect::B << u"^\\d{8}2200\\d{16}$"_s << u"TRADE_SUCCESS"_s;
}

void TestQrChannel::customerPaysAndCallbackArrives()
{
    QFETCH(QrChannel::Dialect, dialect);
    QFETCH(QString, txnPattern);
    QFETCH(QString, statusWord);
    Rig rig;
    QrChannel *c = rig.channel(dialect);
    QSignalSpy paid(c, &QrChannel::customerPaid);
    rig.prepay(c, u"F1"_s, 1234);
    const qint64 payAt = rig.clock.nowMs();
    auto r = c->customerPays(u"F1"_s);
    QVERIFY(r);
    QCOMPARE(r->outcome, ChannelOutcome::Succeeded);
    QVERIFY(QRegularExpression(txnPattern).match(r->channelTxnNo).hasMatch());
    QCOMPARE(paid.count(), 1);
    rig.clock.advance(199);
    QCOMPARE(rig.accepted.size(), 0);
    rig.clock.advance(1);
    QCOMPARE(rig.accepted.size(), 1);
    const ChannelNotification &n = rig.accepted.first();
    QCOMPARE(n.channel, c->name());
    QCOMPARE(n.flowNo, u"F1"_s);
    QCOMPARE(n.channelTxnNo, r->channelTxnNo);
    QCOMPARE(n.amountMinor, 1234);
    QCOMPARE(n.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(n.channelStatus, statusWord);
    QCOMPARE(n.eventTimeMs, payAt / 1000 * 1000);
    QCOMPARE(rig.deliveries.size(), 1);
    QCOMPARE(rig.ingress.rejectedCount(), 0);

    const ChannelResult q = rig.run([&](auto h) { c->query(u"F1"_s, h); });
    QCOMPARE(q.outcome, ChannelOutcome::Succeeded);
    QCOMPARE(q.channelTxnNo, r->channelTxnNo);
    const ChannelResult closed = rig.run([&](auto h) { c->close(u"F1"_s, h); });
    QCOMPARE(closed.outcome, ChannelOutcome::Failed);
    QCOMPARE(closed.code, u"ALREADY_PAID"_s);
    QCOMPARE(closed.channelTxnNo, r->channelTxnNo);
}

void TestQrChannel::customerCannotPayTwiceOrLate()
{
    Rig rig;
    QCOMPARE(rig.qrA->customerPays(u"nope"_s).error().code, ErrorCode::NotFound);
    rig.prepay(rig.qrA.get(), u"F1"_s);
    QVERIFY(rig.qrA->customerPays(u"F1"_s));
    QCOMPARE(rig.qrA->customerPays(u"F1"_s).error().code, ErrorCode::InvalidTransition);
    rig.prepay(rig.qrA.get(), u"F2"_s, 100, rig.clock.nowMs() + 60'000);
    rig.clock.advance(60'000);
    QCOMPARE(rig.qrA->customerPays(u"F2"_s).error().code, ErrorCode::InvalidTransition);
    rig.prepay(rig.qrA.get(), u"F3"_s);
    QVERIFY(rig.run([&](auto h) { rig.qrA->close(u"F3"_s, h); }).succeeded());
    QCOMPARE(rig.qrA->customerPays(u"F3"_s).error().code, ErrorCode::InvalidTransition);
}

void TestQrChannel::declinedCustomerPaymentIsNotified()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.declineRate = 1.0;
    p.declineCodes = {u"NOT_ENOUGH"_s};
    rig.qrB->setFaultProfile(p);
    rig.prepay(rig.qrB.get(), u"F1"_s);
    auto r = rig.qrB->customerPays(u"F1"_s);
    QVERIFY(r);
    QCOMPARE(r->outcome, ChannelOutcome::Failed);
    QCOMPARE(r->code, u"NOT_ENOUGH"_s);
    rig.clock.advance(1000);
    QCOMPARE(rig.accepted.size(), 1);
    QCOMPARE(rig.accepted.first().outcome, ChannelOutcome::Failed);
    QCOMPARE(rig.accepted.first().channelStatus, u"TRADE_CLOSED"_s);
    QCOMPARE((*rig.books->order(u"qr_b"_s, u"F1"_s))->status, u"FAILED"_s);
}

void TestQrChannel::lostCallback()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.lostCallbackRate = 1.0;
    rig.qrA->setFaultProfile(p);
    rig.prepay(rig.qrA.get(), u"F1"_s);
    QVERIFY(rig.qrA->customerPays(u"F1"_s));
    rig.clock.advance(24 * 3600 * 1000);
    QCOMPARE(rig.deliveries.size(), 0);
    QCOMPARE(rig.accepted.size(), 0);
    QCOMPARE(rig.qrA->faultLog().last().fault, u"callback_lost"_s);
    // The truth is still there for a query.
    QCOMPARE(rig.run([&](auto h) { rig.qrA->query(u"F1"_s, h); }).outcome, ChannelOutcome::Succeeded);
}

void TestQrChannel::duplicatedCallbacks()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.duplicateCallbackRate = 1.0;
    p.duplicateCopies = 3;
    p.duplicateSpacingMs = 5000;
    rig.qrA->setFaultProfile(p);
    rig.prepay(rig.qrA.get(), u"F1"_s);
    const qint64 t0 = rig.clock.nowMs();
    QVERIFY(rig.qrA->customerPays(u"F1"_s));
    rig.clock.advance(60'000);
    QCOMPARE(rig.deliveries.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rig.deliveries[i].atMs, t0 + 200 + i * 5000);
    QCOMPARE(rig.deliveries[1].body, rig.deliveries[0].body);
    QVERIFY(rig.deliveries[1].headers.value("x-paydesk-nonce")
        != rig.deliveries[0].headers.value("x-paydesk-nonce"));
    QCOMPARE(rig.accepted.size(), 1); // processed once
    QCOMPARE(rig.ingress.acceptedCount(), 1);
    QCOMPARE(rig.ingress.duplicateCount(), 3);
    QCOMPARE(rig.qrA->faultLog().last().fault, u"callback_duplicated:4"_s);
}

void TestQrChannel::delayedCallbackHoursLater()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.delayedCallbackRate = 1.0;
    p.delayMinMs = 3 * 3600 * 1000;
    p.delayMaxMs = 3 * 3600 * 1000;
    rig.qrB->setFaultProfile(p);
    rig.prepay(rig.qrB.get(), u"F1"_s);
    QVERIFY(rig.qrB->customerPays(u"F1"_s));
    rig.clock.advance(3 * 3600 * 1000 + 199);
    QCOMPARE(rig.deliveries.size(), 0);
    rig.clock.advance(1);
    QCOMPARE(rig.deliveries.size(), 1);
    // Signed when sent, so it is fresh although the payment is three hours old.
    QCOMPARE(rig.accepted.size(), 1);
    QCOMPARE(rig.accepted.first().outcome, ChannelOutcome::Succeeded);
    QVERIFY(rig.accepted.first().receivedAtMs - rig.accepted.first().eventTimeMs >= 3 * 3600 * 1000);
}

void TestQrChannel::outOfOrderCallback()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.outOfOrderRate = 1.0;
    rig.qrA->setFaultProfile(p);
    rig.prepay(rig.qrA.get(), u"F1"_s);
    QVERIFY(rig.qrA->customerPays(u"F1"_s));
    rig.clock.advance(10'000);
    QCOMPARE(rig.deliveries.size(), 2);
    QCOMPARE(rig.accepted.size(), 2);
    // The final state first, the stale "user is paying" after it.
    QCOMPARE(rig.accepted[0].outcome, ChannelOutcome::Succeeded);
    QCOMPARE(rig.accepted[1].outcome, ChannelOutcome::Pending);
    QCOMPARE(rig.accepted[1].channelStatus, u"USERPAYING"_s);
    QVERIFY(rig.deliveries[1].atMs > rig.deliveries[0].atMs);
}

void TestQrChannel::badSignatureCallback()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.badSignatureRate = 1.0;
    rig.qrB->setFaultProfile(p);
    rig.prepay(rig.qrB.get(), u"F1"_s);
    QVERIFY(rig.qrB->customerPays(u"F1"_s));
    rig.clock.advance(10'000);
    QCOMPARE(rig.deliveries.size(), 1);
    QCOMPARE(rig.accepted.size(), 0);
    QCOMPARE(rig.ingress.rejectedCount(ErrorCode::BadSignature), 1);
}

void TestQrChannel::tamperedAmountCallback()
{
    Rig rig;
    FaultProfile p = callbackProfile();
    p.tamperedAmountRate = 1.0;
    p.tamperDeltaMinor = 100;
    rig.qrA->setFaultProfile(p);
    rig.prepay(rig.qrA.get(), u"F1"_s, 1234);
    QVERIFY(rig.qrA->customerPays(u"F1"_s));
    rig.clock.advance(10'000);
    QCOMPARE(rig.deliveries.size(), 1);
    // Validly signed, so only the flow check catches it.
    const auto parsed = QrChannel::parseNotification(QrChannel::Dialect::A, rig.deliveries.first().body);
    QVERIFY(parsed);
    QCOMPARE(parsed->amountMinor, 1334);
    QCOMPARE(rig.accepted.size(), 0);
    QCOMPARE(rig.ingress.rejectedCount(ErrorCode::AmountMismatch), 1);
    QCOMPARE(rig.ingress.rejectedCount(ErrorCode::BadSignature), 0);
    QCOMPARE((*rig.books->order(u"qr_a"_s, u"F1"_s))->amountMinor, 1234); // the books hold the truth
}

void TestQrChannel::refundIsNotified()
{
    Rig rig;
    rig.prepay(rig.qrB.get(), u"F1"_s, 1000);
    QVERIFY(rig.qrB->customerPays(u"F1"_s));
    rig.clock.advance(1000);
    RefundRequest r;
    r.refundNo = u"R1"_s;
    r.flowNo = u"F1"_s;
    r.amount = Money(300, Currency::cny());
    const ChannelResult res = rig.run([&](auto h) { rig.qrB->refund(r, h); });
    QCOMPARE(res.outcome, ChannelOutcome::Succeeded);
    QVERIFY(res.channelTxnNo.startsWith(u"RF"_s));
    rig.clock.advance(1000);
    QCOMPARE(rig.accepted.size(), 2);
    const ChannelNotification &n = rig.accepted.last();
    QCOMPARE(n.kind, ChannelNotification::Kind::Refund);
    QCOMPARE(n.refundNo, u"R1"_s);
    QCOMPARE(n.channelRefundNo, res.channelTxnNo);
    QCOMPARE(n.amountMinor, 300);
    QCOMPARE(n.outcome, ChannelOutcome::Succeeded);
}

void TestQrChannel::payIsUnsupported()
{
    Rig rig;
    PayRequest r;
    r.flowNo = u"F1"_s;
    r.amount = Money(100, Currency::cny());
    const ChannelResult res = rig.run([&](auto h) { rig.qrA->pay(r, h); });
    QCOMPARE(res.outcome, ChannelOutcome::Failed);
    QCOMPARE(res.code, u"UNSUPPORTED"_s);
    QVERIFY(!*rig.books->order(u"qr_a"_s, u"F1"_s));
}

void TestQrChannel::sameSeedSameCallbacks()
{
    auto runOnce = [](quint64 seed) {
        Rig rig;
        FaultProfile p = callbackProfile(seed);
        p.callbackLatency = LatencyModel::uniform(100, 5000);
        p.lostCallbackRate = 0.1;
        p.duplicateCallbackRate = 0.3;
        p.delayedCallbackRate = 0.2;
        p.outOfOrderRate = 0.2;
        p.badSignatureRate = 0.1;
        p.tamperedAmountRate = 0.1;
        rig.qrA->setFaultProfile(p);
        for (int i = 0; i < 30; ++i) {
            rig.prepay(rig.qrA.get(), u"F%1"_s.arg(i), 100 + i);
            (void)rig.qrA->customerPays(u"F%1"_s.arg(i));
        }
        rig.clock.advance(24 * 3600 * 1000);
        QStringList trace;
        for (const Delivery &d : std::as_const(rig.deliveries))
            trace << QString::number(d.atMs)
                    + QString::fromLatin1(d.headers.value("x-paydesk-nonce") + d.body);
        return std::make_pair(trace, rig.ingress.rejectedCount());
    };
    const auto a = runOnce(5);
    const auto b = runOnce(5);
    const auto c = runOnce(6);
    QVERIFY(a.first.size() > 20);
    QVERIFY(a.second > 0);
    QCOMPARE(b.first, a.first);
    QCOMPARE(b.second, a.second);
    QVERIFY(c.first != a.first);
}

void TestQrChannel::parseRejectsMalformed_data()
{
    QTest::addColumn<QrChannel::Dialect>("dialect");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("not json") << QrChannel::Dialect::A << QByteArray("<xml/>");
    QTest::addRow("array") << QrChannel::Dialect::A << QByteArray("[1]");
    QTest::addRow("unknown type") << QrChannel::Dialect::A
                                  << QByteArray(R"({"notify_type":"X","out_trade_no":"F","total_fee":1})");
    QTest::addRow("other dialect")
        << QrChannel::Dialect::B
        << QByteArray(R"({"notify_type":"TRANSACTION","out_trade_no":"F","total_fee":1})");
    QTest::addRow("fractional amount")
        << QrChannel::Dialect::A
        << QByteArray(
               R"({"notify_type":"TRANSACTION","out_trade_no":"F","total_fee":1.5,"trade_state":"USERPAYING"})");
    QTest::addRow("negative amount")
        << QrChannel::Dialect::B
        << QByteArray(
               R"({"notify_type":"trade_status_sync","out_trade_no":"F","total_amount_cents":-1,"trade_status":"WAIT_BUYER_PAY"})");
    QTest::addRow("success without txn")
        << QrChannel::Dialect::A
        << QByteArray(
               R"({"notify_type":"TRANSACTION","out_trade_no":"F","total_fee":1,"trade_state":"SUCCESS","time_end":"20260529120000"})");
    QTest::addRow("unknown status")
        << QrChannel::Dialect::B
        << QByteArray(
               R"({"notify_type":"trade_status_sync","out_trade_no":"F","total_amount_cents":1,"trade_status":"MAYBE"})");
}

void TestQrChannel::parseRejectsMalformed()
{
    QFETCH(QrChannel::Dialect, dialect);
    QFETCH(QByteArray, body);
    const auto n = QrChannel::parseNotification(dialect, body);
    QVERIFY(!n);
    QCOMPARE(n.error().code, ErrorCode::Malformed);
}

QTEST_GUILESS_MAIN(TestQrChannel)
#include "tst_qrchannel.moc"
