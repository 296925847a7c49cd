// CallbackIngress: signature, timestamp window, nonce replay, syntax, flow validation,
// de-duplication; every rejection is recorded, counted and changes nothing.
#include "channel/callbackingress.h"
#include "channel/callbacksigner.h"
#include "channel/qrchannel.h"
#include "sim/clock.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Secret = "s3cret-qr_a";
using Headers = QHash<QByteArray, QByteArray>;

QByteArray successBody(const QString &flowNo = u"F1"_s, qint64 amount = 1234)
{
    return QJsonDocument(QJsonObject {{u"notify_type"_s, u"TRANSACTION"_s}, {u"out_trade_no"_s, flowNo},
                             {u"transaction_id"_s, u"4200001234202605290000000001"_s},
                             {u"total_fee"_s, amount}, {u"fee_type"_s, u"CNY"_s},
                             {u"trade_state"_s, u"SUCCESS"_s}, {u"time_end"_s, u"20260529120000"_s}})
        .toJson(QJsonDocument::Compact);
}

struct Rig
{
    Rig()
        : clock(1'780'000'000'000)
        , ingress(&clock)
    {
        ingress.registerChannel(u"qr_a"_s, Secret, QrChannel::parserFor(QrChannel::Dialect::A));
        ingress.setFlowValidator([this](const ChannelNotification &n) -> Result<void> {
            if (!knownFlows.contains(n.flowNo))
                return fail(ErrorCode::NotFound, u"unknown flow"_s);
            if (knownFlows.value(n.flowNo) != n.amountMinor)
                return fail(ErrorCode::AmountMismatch, u"amount differs"_s);
            return {};
        });
        ingress.setProcessor([this](const ChannelNotification &n) -> Result<void> {
            if (failProcessing)
                return fail(ErrorCode::Database, u"disk full"_s);
            processed << n;
            return {};
        });
        ingress.setRejectionSink([this](const CallbackRejection &r) { sunk << r; });
    }
    Headers headers(const QByteArray &body, const QByteArray &nonce = "n1", qint64 tsSec = -1,
        const QByteArray &secret = Secret)
    {
        return CallbackSigner::headers(
            secret, u"qr_a"_s, tsSec < 0 ? clock.nowMs() / 1000 : tsSec, nonce, body);
    }

    VirtualClock clock;
    CallbackIngress ingress;
    QHash<QString, qint64> knownFlows {{u"F1"_s, 1234}};
    QList<ChannelNotification> processed;
    QList<CallbackRejection> sunk;
    bool failProcessing = false;
};

} // namespace

class TestCallbackIngress : public QObject
{
    Q_OBJECT
private slots:
    void acceptsAValidCallback();
    void rejects_data();
    void rejects();
    void headerNamesAreCaseInsensitive();
    void windowEdgesAreInclusive();
    void duplicatesAreRecognised();
    void failedProcessingIsNotRemembered();
    void nonceKeysAreScopedPerChannel();
};

void TestCallbackIngress::acceptsAValidCallback()
{
    Rig rig;
    QSignalSpy accepted(&rig.ingress, &CallbackIngress::notificationAccepted);
    const QByteArray body = successBody();
    auto n = rig.ingress.receive(u"qr_a"_s, rig.headers(body), body);
    QVERIFY(n);
    QCOMPARE(n->channel, u"qr_a"_s);
    QCOMPARE(n->kind, ChannelNotification::Kind::Payment);
    QCOMPARE(n->flowNo, u"F1"_s);
    QCOMPARE(n->channelTxnNo, u"4200001234202605290000000001"_s);
    QCOMPARE(n->amountMinor, 1234);
    QCOMPARE(n->currency, u"CNY"_s);
    QCOMPARE(n->outcome, ChannelOutcome::Succeeded);
    QCOMPARE(n->eventTimeMs, QDateTime(QDate(2026, 5, 29), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(n->duplicate, false);
    QCOMPARE(rig.ingress.acceptedCount(), 1);
    QCOMPARE(rig.ingress.rejectedCount(), 0);
    QCOMPARE(rig.processed.size(), 1);
    QCOMPARE(accepted.count(), 1);
}

void TestCallbackIngress::rejects_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<ErrorCode>("reason");
    QTest::addRow("tampered body") << u"tamper"_s << ErrorCode::BadSignature;
    QTest::addRow("wrong key") << u"wrongKey"_s << ErrorCode::BadSignature;
    QTest::addRow("signed for another channel") << u"otherChannel"_s << ErrorCode::BadSignature;
    QTest::addRow("stale timestamp") << u"stale"_s << ErrorCode::StaleTimestamp;
    QTest::addRow("timestamp from the future") << u"future"_s << ErrorCode::StaleTimestamp;
    QTest::addRow("replayed nonce") << u"replay"_s << ErrorCode::Replay;
    QTest::addRow("no signature header") << u"noSignature"_s << ErrorCode::Malformed;
    QTest::addRow("nonce with bad characters") << u"badNonce"_s << ErrorCode::Malformed;
    QTest::addRow("body not JSON") << u"notJson"_s << ErrorCode::Malformed;
    QTest::addRow("body without flow") << u"noFlow"_s << ErrorCode::Malformed;
    QTest::addRow("unknown channel") << u"unknownChannel"_s << ErrorCode::NotFound;
    QTest::addRow("unknown flow") << u"unknownFlow"_s << ErrorCode::NotFound;
    QTest::addRow("amount differs from flow") << u"amount"_s << ErrorCode::AmountMismatch;
}

void TestCallbackIngress::rejects()
{
    QFETCH(QString, mutation);
    QFETCH(ErrorCode, reason);
    Rig rig;
    QSignalSpy accepted(&rig.ingress, &CallbackIngress::notificationAccepted);
    QSignalSpy rejected(&rig.ingress, &CallbackIngress::callbackRejected);
    QString channel = u"qr_a"_s;
    QByteArray body = successBody();
    Headers h = rig.headers(body);
    const qint64 nowSec = rig.clock.nowMs() / 1000;
    if (mutation == u"tamper"_s) {
        body.replace("1234", "1235");
    } else if (mutation == u"wrongKey"_s) {
        h = rig.headers(body, "n1", -1, "not-the-secret");
    } else if (mutation == u"otherChannel"_s) {
        h = CallbackSigner::headers(Secret, u"qr_b"_s, nowSec, "n1", body);
    } else if (mutation == u"stale"_s) {
        h = rig.headers(body, "n1", nowSec - 301);
    } else if (mutation == u"future"_s) {
        h = rig.headers(body, "n1", nowSec + 301);
    } else if (mutation == u"replay"_s) {
        QVERIFY(rig.ingress.receive(channel, h, body)); // the original goes through
        rig.clock.advance(10'000);
    } else if (mutation == u"noSignature"_s) {
        h.remove(CallbackSigner::signatureHeader());
    } else if (mutation == u"badNonce"_s) {
        h = rig.headers(body, "n 1;drop");
    } else if (mutation == u"notJson"_s) {
        body = "total_fee=1234";
        h = rig.headers(body);
    } else if (mutation == u"noFlow"_s) {
        body.replace("out_trade_no", "out_trade_nr");
        h = rig.headers(body);
    } else if (mutation == u"unknownChannel"_s) {
        channel = u"qr_z"_s;
    } else if (mutation == u"unknownFlow"_s) {
        body = successBody(u"F404"_s);
        h = rig.headers(body);
    } else if (mutation == u"amount"_s) {
        body = successBody(u"F1"_s, 1300);
        h = rig.headers(body);
    }
    const int processedBefore = int(rig.processed.size());
    const int acceptedBefore = rig.ingress.acceptedCount();
    auto r = rig.ingress.receive(channel, h, body);
    QVERIFY(!r);
    QCOMPARE(r.error().code, reason);
    QVERIFY(!r.error().message.isEmpty());
    // Recorded, counted, and nothing else changed.
    QCOMPARE(rig.ingress.rejectedCount(), 1);
    QCOMPARE(rig.ingress.rejectedCount(reason), 1);
    QCOMPARE(rig.ingress.rejections().size(), 1);
    QCOMPARE(rig.ingress.rejections().first().reason, reason);
    QCOMPARE(rig.ingress.rejections().first().body, body);
    QCOMPARE(rig.sunk.size(), 1);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.at(0).at(1).toString(), errorCodeName(reason));
    QCOMPARE(rig.processed.size(), processedBefore);
    QCOMPARE(rig.ingress.acceptedCount(), acceptedBefore);
    QCOMPARE(accepted.count(), acceptedBefore);
    QCOMPARE(rig.ingress.duplicateCount(), 0);
}

void TestCallbackIngress::headerNamesAreCaseInsensitive()
{
    Rig rig;
    const QByteArray body = successBody();
    Headers h;
    const Headers signedHeaders = rig.headers(body);
    for (auto it = signedHeaders.begin(); it != signedHeaders.end(); ++it)
        h.insert(it.key().toUpper(), it.value());
    QVERIFY(rig.ingress.receive(u"qr_a"_s, h, body));
}

void TestCallbackIngress::windowEdgesAreInclusive()
{
    Rig rig;
    const qint64 nowSec = rig.clock.nowMs() / 1000;
    rig.knownFlows.insert(u"F2"_s, 1234);
    const QByteArray a = successBody(u"F1"_s);
    const QByteArray b = successBody(u"F2"_s);
    QVERIFY(rig.ingress.receive(u"qr_a"_s, rig.headers(a, "n1", nowSec - 300), a));
    QVERIFY(rig.ingress.receive(u"qr_a"_s, rig.headers(b, "n2", nowSec + 300), b));
}

void TestCallbackIngress::duplicatesAreRecognised()
{
    Rig rig;
    QSignalSpy duplicates(&rig.ingress, &CallbackIngress::duplicateReceived);
    const QByteArray body = successBody();
    QVERIFY(rig.ingress.receive(u"qr_a"_s, rig.headers(body, "n1"), body));
    rig.clock.advance(15'000);
    // The channel re-sends: a fresh nonce and timestamp, the same notification.
    auto again = rig.ingress.receive(u"qr_a"_s, rig.headers(body, "n2"), body);
    QVERIFY(again);
    QCOMPARE(again->duplicate, true);
    QCOMPARE(rig.ingress.acceptedCount(), 1);
    QCOMPARE(rig.ingress.duplicateCount(), 1);
    QCOMPARE(duplicates.count(), 1);
    QCOMPARE(rig.processed.size(), 1); // applied once
    // A different status of the same flow is a new notification.
    QByteArray failed = body;
    failed.replace("\"SUCCESS\"", "\"PAYERROR\"");
    auto other = rig.ingress.receive(u"qr_a"_s, rig.headers(failed, "n3"), failed);
    QVERIFY(other);
    QCOMPARE(other->duplicate, false);
    QCOMPARE(other->outcome, ChannelOutcome::Failed);
}

void TestCallbackIngress::failedProcessingIsNotRemembered()
{
    Rig rig;
    const QByteArray body = successBody();
    rig.failProcessing = true;
    auto first = rig.ingress.receive(u"qr_a"_s, rig.headers(body, "n1"), body);
    QVERIFY(!first);
    QCOMPARE(first.error().code, ErrorCode::Database);
    rig.failProcessing = false;
    auto retry = rig.ingress.receive(u"qr_a"_s, rig.headers(body, "n2"), body);
    QVERIFY(retry);
    QCOMPARE(retry->duplicate, false);
    QCOMPARE(rig.processed.size(), 1);
    // The rejected delivery's nonce was not consumed either.
    rig.knownFlows.insert(u"F2"_s, 1234);
    const QByteArray other = successBody(u"F2"_s);
    QVERIFY(rig.ingress.receive(u"qr_a"_s, rig.headers(other, "n1"), other));
}

void TestCallbackIngress::nonceKeysAreScopedPerChannel()
{
    Rig rig;
    rig.ingress.registerChannel(u"qr_b"_s, "s3cret-qr_b", QrChannel::parserFor(QrChannel::Dialect::B));
    const QByteArray a = successBody();
    QVERIFY(rig.ingress.receive(u"qr_a"_s, rig.headers(a, "same"), a));
    const QByteArray b = QJsonDocument(
        QJsonObject {{u"notify_type"_s, u"trade_status_sync"_s}, {u"out_trade_no"_s, u"F1"_s},
            {u"trade_no"_s, u"2026052922000000000000000001"_s}, {u"total_amount_cents"_s, 1234},
            {u"trade_status"_s, u"TRADE_SUCCESS"_s}, {u"gmt_payment"_s, u"2026-05-29 12:00:00"_s}})
                             .toJson(QJsonDocument::Compact);
    auto n = rig.ingress.receive(
        u"qr_b"_s, CallbackSigner::headers("s3cret-qr_b", u"qr_b"_s, rig.clock.nowMs() / 1000, "same", b), b);
    QVERIFY(n);
    QCOMPARE(n->channelTxnNo, u"2026052922000000000000000001"_s);
}

QTEST_GUILESS_MAIN(TestCallbackIngress)
#include "tst_callbackingress.moc"
