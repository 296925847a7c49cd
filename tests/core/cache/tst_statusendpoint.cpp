// The status endpoint over real HTTP on loopback: QNetworkAccessManager for ordinary requests,
// a raw QTcpSocket for what a browser library would not send. The payment core runs on an
// EngineRig's VirtualClock, stepped between requests, so payments progress deterministically;
// only long-poll timeouts use real (short) time.
#include "cache/statuscache.h"
#include "cache/statusendpoint.h"
#include "channel/callbacksigner.h"
#include "enginerig.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace pay;
using namespace pay::test;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"s3cret-token"_s;

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct Captured
{
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

} // namespace

class TestStatusEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void tokenIsRequired();
    void unknownOrderIs404();
    void unknownPathIs404();
    void wrongMethodIs405_data();
    void wrongMethodIs405();
    void badWaitMsIs400();
    void etagAnd304();
    void anotherRunsTagNeverMatches();
    void longPollTimesOutWith304();
    void longPollWithoutEtagAnswersCurrentAtTimeout();
    void longPollIsCapped();
    void longPollResolvesWhenPaymentProgresses();
    void abandonedLongPollIsDropped();
    void signedCallbackIsAcceptedAndOrderPaid();
    void badSignatureChangesNothing();
    void malformedNotifyIs400();
    void unknownChannelIs404();
    void amountMismatchIs422();
    void tooLargeIs413();
    void garbageDoesNotCrash();
    void pollsNeverTouchTheDatabase();
    void paymentCoreStartsTheEndpoint();

private:
    Reply request(const QByteArray &verb, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                  const QByteArray &body = {}, bool auth = true);
    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool auth = true)
    {
        return request("GET", path, headers, {}, auth);
    }
    Reply raw(const QByteArray &bytes, int timeoutMs = 5000);
    QJsonObject metrics() { return get(u"/metrics"_s).json(); }
    QString statusPath(const QString &no) const { return u"/api/v1/trades/%1/status"_s.arg(no); }
    // Pays coupon + wallet + qr_a and steps the clock until the QR leg waits for the customer.
    QString startQrPayment(const QString &no);
    // The customer pays; the channel's signed callback is captured instead of delivered.
    Captured customerPaysAndCapture(const QString &flowNo);

    std::unique_ptr<EngineRig> m_rig;
    std::unique_ptr<StatusEndpoint> m_endpoint;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    quint16 m_port = 0;
    QList<Captured> m_captured;
};

void TestStatusEndpoint::init()
{
    m_rig = std::make_unique<EngineRig>();
    StatusEndpoint::Options o;
    o.token = kToken;
    o.maxWaitMs = 3000;
    m_endpoint = std::make_unique<StatusEndpoint>(m_rig->core->cache(), *m_rig->ingress, o);
    auto port = m_endpoint->listen();
    QVERIFY(port);
    m_port = *port;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_captured.clear();
    // Channel callbacks reach the engine only through HTTP in these tests.
    m_rig->qrA->setNotifySink([this](const QString &, const QHash<QByteArray, QByteArray> &h, const QByteArray &b) {
        m_captured.append({h, b});
    });
}

void TestStatusEndpoint::cleanup()
{
    m_nam.reset();
    m_endpoint.reset();
    m_rig.reset();
}

Reply TestStatusEndpoint::request(const QByteArray &verb, const QString &path,
                                  const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body, bool auth)
{
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (auth)
        req.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QElapsedTimer t;
    t.start();
    QNetworkReply *reply = body.isEmpty() && verb == "GET" ? m_nam->get(req) : m_nam->sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.elapsedMs = t.elapsed();
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return r;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    reply->deleteLater();
    return r;
}

Reply TestStatusEndpoint::raw(const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(bytes);
    QByteArray all;
    QElapsedTimer t;
    t.start();
    // Read until the headers and Content-Length bytes arrived (or the server closed). The
    // server runs on this thread: wait by spinning the event loop, never by blocking.
    while (t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        all += s.readAll();
        if (s.state() == QAbstractSocket::UnconnectedState)
            break;
        const qsizetype end = all.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const qsizetype cl = all.toLower().indexOf("content-length:");
        const qsizetype need = cl < 0 ? 0 : all.mid(cl + 15, all.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
        if (all.size() >= end + 4 + need)
            break;
    }
    all += s.readAll();
    Reply r;
    const QList<QByteArray> lines = all.left(all.indexOf("\r\n\r\n")).split('\n');
    if (!lines.isEmpty())
        r.status = lines.first().split(' ').value(1).toInt();
    for (int i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    r.body = all.mid(all.indexOf("\r\n\r\n") + 4);
    return r;
}

QString TestStatusEndpoint::startQrPayment(const QString &no)
{
    auto t = m_rig->pay(no, 3000,
                        {{u"qr_a"_s, {}, 1500}, {u"coupon"_s, u"CP-5OFF"_s, 500}, {u"wallet"_s, u"M1001"_s, 1000}});
    if (!t)
        return {};
    m_rig->clock.advance(2000);
    const OrderView v = m_rig->view(no);
    return v.flows.value(2).status == FlowStatus::Prepaid ? v.flows[2].flowNo : QString();
}

Captured TestStatusEndpoint::customerPaysAndCapture(const QString &flowNo)
{
    m_captured.clear();
    if (!m_rig->qrA->customerPays(flowNo))
        return {};
    for (int i = 0; i < 2000 && m_captured.isEmpty(); ++i)
        m_rig->clock.advance(1); // the channel schedules its callback on the clock
    return m_captured.value(0);
}

// ---------------------------------------------------------------------------------------------

void TestStatusEndpoint::tokenIsRequired()
{
    QVERIFY(m_rig->pay(u"T-a1"_s, 1000, {{u"card"_s, {}, 1000}}));
    Reply r = get(statusPath(u"T-a1"_s), {}, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"unauthorized"_s);
    QVERIFY(!r.json().value(u"message"_s).toString().isEmpty());
    QVERIFY(r.header("content-type").startsWith("application/json"));
    r = get(statusPath(u"T-a1"_s), {{"Authorization", "Bearer wrong"}}, false);
    QCOMPARE(r.status, 401);
    r = get(statusPath(u"T-a1"_s), {{"Authorization", kToken.toUtf8()}}, false); // no "Bearer"
    QCOMPARE(r.status, 401);
    r = get(u"/metrics"_s, {}, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(get(statusPath(u"T-a1"_s)).status, 200);
    QCOMPARE(metrics().value(u"unauthorized"_s).toInt(), 4);
}

void TestStatusEndpoint::unknownOrderIs404()
{
    const Reply r = get(statusPath(u"NO-SUCH"_s));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"unknown_order"_s);
    QCOMPARE(metrics().value(u"unknown_orders"_s).toInt(), 1);
}

void TestStatusEndpoint::unknownPathIs404()
{
    for (const QString &path : {u"/"_s, u"/api/v1/trades//status"_s, u"/api/v1/trades/a/b/status"_s,
                                u"/api/v1/trades/T/statusx"_s, u"/metrics/x"_s}) {
        const Reply r = get(path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"not_found"_s);
    }
}

void TestStatusEndpoint::wrongMethodIs405_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");
    QTest::addRow("POST status") << QByteArray("POST") << u"/api/v1/trades/T-1/status"_s << QByteArray("GET");
    QTest::addRow("DELETE status") << QByteArray("DELETE") << u"/api/v1/trades/T-1/status"_s << QByteArray("GET");
    QTest::addRow("PUT metrics") << QByteArray("PUT") << u"/metrics"_s << QByteArray("GET");
    QTest::addRow("GET notify") << QByteArray("GET") << u"/api/v1/channels/qr_a/notify"_s << QByteArray("POST");
    QTest::addRow("DELETE notify") << QByteArray("DELETE") << u"/api/v1/channels/qr_a/notify"_s << QByteArray("POST");
}

void TestStatusEndpoint::wrongMethodIs405()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const Reply r = request(verb, path, {}, verb == "GET" ? QByteArray() : QByteArray("{}"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"method_not_allowed"_s);
    QCOMPARE(r.header("allow"), allow);
    QCOMPARE(m_rig->ingress->rejectedCount() + m_rig->ingress->acceptedCount(), 0); // the ingress never saw it
}

void TestStatusEndpoint::badWaitMsIs400()
{
    QVERIFY(m_rig->pay(u"T-w1"_s, 1000, {{u"card"_s, {}, 1000}}));
    for (const QString &q : {u"?wait_ms=abc"_s, u"?wait_ms=-5"_s, u"?wait_ms="_s}) {
        const Reply r = get(statusPath(u"T-w1"_s) + q);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_request"_s);
    }
    QCOMPARE(metrics().value(u"bad_requests"_s).toInt(), 3);
}

// The cache numbers versions from 1 in every run: after a restart, version 3 of an order may
// be another body than the version 3 a till still holds. A tag of another run never gets 304.
void TestStatusEndpoint::anotherRunsTagNeverMatches()
{
    QVERIFY(m_rig->pay(u"T-e2"_s, 1000, {{u"card"_s, {}, 1000}}));
    const qint64 v = m_rig->core->cache().version(u"T-e2"_s);
    Reply r = get(statusPath(u"T-e2"_s), {{"If-None-Match", m_endpoint->etag(v)}});
    QCOMPARE(r.status, 304);
    r = get(statusPath(u"T-e2"_s), {{"If-None-Match", "\"earlierrun-" + QByteArray::number(v) + "\""}});
    QCOMPARE(r.status, 200);
    r = get(statusPath(u"T-e2"_s), {{"If-None-Match", "\"" + QByteArray::number(v) + "\""}}); // the old form
    QCOMPARE(r.status, 200);
}

void TestStatusEndpoint::etagAnd304()
{
    QVERIFY(m_rig->pay(u"T-e1"_s, 1000, {{u"card"_s, {}, 1000}}));
    Reply r = get(statusPath(u"T-e1"_s));
    QCOMPARE(r.status, 200);
    const qint64 v = m_rig->core->cache().version(u"T-e1"_s);
    QCOMPARE(r.header("etag"), m_endpoint->etag(v));
    QVERIFY(r.header("etag").endsWith(QByteArray("-" + QByteArray::number(v) + "\"")));
    QCOMPARE(r.json().value(u"version"_s).toInteger(), v);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"PAYING"_s);
    QCOMPARE(r.body, m_rig->core->cache().get(u"T-e1"_s)->body);

    r = get(statusPath(u"T-e1"_s), {{"If-None-Match", r.header("etag")}});
    QCOMPARE(r.status, 304);
    QVERIFY(r.body.isEmpty());
    r = get(statusPath(u"T-e1"_s), {{"If-None-Match", "W/" + m_endpoint->etag(v)}});
    QCOMPARE(r.status, 304);

    m_rig->clock.advance(10'000); // the card pays
    r = get(statusPath(u"T-e1"_s), {{"If-None-Match", m_endpoint->etag(v)}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"PAID"_s);
    QVERIFY(r.json().value(u"version"_s).toInteger() > v);
    const QJsonObject m = metrics();
    QCOMPARE(m.value(u"polls_served"_s).toInt(), 4);
    QCOMPARE(m.value(u"polls_not_modified"_s).toInt(), 2);
}

void TestStatusEndpoint::longPollTimesOutWith304()
{
    QVERIFY(m_rig->pay(u"T-l1"_s, 1000, {{u"card"_s, {}, 1000}}));
    const QByteArray etag = m_endpoint->etag(m_rig->core->cache().version(u"T-l1"_s));
    const Reply r = get(statusPath(u"T-l1"_s) + u"?wait_ms=300"_s, {{"If-None-Match", etag}});
    QCOMPARE(r.status, 304);
    QCOMPARE(r.header("etag"), etag);
    QVERIFY2(r.elapsedMs >= 250, qPrintable(QString::number(r.elapsedMs)));
    QCOMPARE(metrics().value(u"long_polls_waiting"_s).toInt(), 0);
}

void TestStatusEndpoint::longPollWithoutEtagAnswersCurrentAtTimeout()
{
    QVERIFY(m_rig->pay(u"T-l2"_s, 1000, {{u"card"_s, {}, 1000}}));
    const Reply r = get(statusPath(u"T-l2"_s) + u"?wait_ms=200"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"PAYING"_s);
    QVERIFY(r.elapsedMs >= 150);
    // An If-None-Match that is already stale answers at once, wait or not.
    const Reply now = get(statusPath(u"T-l2"_s) + u"?wait_ms=3000"_s, {{"If-None-Match", "\"999\""}});
    QCOMPARE(now.status, 200);
    QVERIFY(now.elapsedMs < 1000);
}

void TestStatusEndpoint::longPollIsCapped()
{
    QVERIFY(m_rig->pay(u"T-l3"_s, 1000, {{u"card"_s, {}, 1000}}));
    const QByteArray etag = m_endpoint->etag(m_rig->core->cache().version(u"T-l3"_s));
    const Reply r = get(statusPath(u"T-l3"_s) + u"?wait_ms=600000"_s, {{"If-None-Match", etag}});
    QCOMPARE(r.status, 304); // maxWaitMs is 3000 here
    QVERIFY2(r.elapsedMs >= 2900 && r.elapsedMs < 8000, qPrintable(QString::number(r.elapsedMs)));
}

void TestStatusEndpoint::longPollResolvesWhenPaymentProgresses()
{
    const QString flowNo = startQrPayment(u"T-lp"_s);
    QVERIFY(!flowNo.isEmpty());
    const Captured cb = customerPaysAndCapture(flowNo);
    QVERIFY(!cb.body.isEmpty());
    const qint64 v = m_rig->core->cache().version(u"T-lp"_s);
    QCOMPARE(QJsonDocument::fromJson(m_rig->core->cache().get(u"T-lp"_s)->body)[u"status"_s].toString(), u"PAYING"_s);

    // Start a long-poll; once the server holds it, the channel's callback arrives (posted
    // through the endpoint from a timer, on the same event loop) and the poll answers at once.
    bool posted = false;
    QTimer driver;
    driver.setInterval(5);
    connect(&driver, &QTimer::timeout, this, [&] {
        if (posted || m_endpoint->metrics().longPollsWaiting != 1)
            return;
        posted = true;
        QList<QPair<QByteArray, QByteArray>> h;
        for (auto it = cb.headers.cbegin(); it != cb.headers.cend(); ++it)
            h.append({it.key(), it.value()});
        QNetworkRequest req(QUrl(u"http://127.0.0.1:%1/api/v1/channels/qr_a/notify"_s.arg(m_port)));
        for (const auto &p : h)
            req.setRawHeader(p.first, p.second);
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *nr = m_nam->post(req, cb.body);
        connect(nr, &QNetworkReply::finished, nr, &QObject::deleteLater);
    });
    driver.start();
    const Reply r = get(statusPath(u"T-lp"_s) + u"?wait_ms=3000"_s, {{"If-None-Match", m_endpoint->etag(v)}});
    driver.stop();
    QVERIFY(posted);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs < 2500, qPrintable(QString::number(r.elapsedMs)));
    QCOMPARE(r.json().value(u"status"_s).toString(), u"PAID"_s);
    QVERIFY(r.json().value(u"version"_s).toInteger() > v);
    QCOMPARE(r.header("etag"), m_endpoint->etag(r.json().value(u"version"_s).toInteger()));
    QCOMPARE(m_endpoint->metrics().longPollsWaiting, 0u);

    // And a long-poll also resolves when the clock moves the engine (no HTTP callback): a
    // refund goes through the channel as the clock is stepped from a timer.
    const qint64 v2 = m_rig->core->cache().version(u"T-lp"_s);
    RefundCommand rc;
    rc.outTradeNo = u"T-lp"_s;
    rc.refundNo = u"R-lp"_s;
    rc.amountMinor = 200;
    rc.requestedBy = u"cashier1"_s;
    bool stepped = false;
    QTimer stepper;
    stepper.setInterval(5);
    connect(&stepper, &QTimer::timeout, this, [&] {
        if (stepped || m_endpoint->metrics().longPollsWaiting != 1)
            return;
        stepped = true;
        QVERIFY(m_rig->engine->refund(rc));
        m_rig->clock.advance(5000);
    });
    stepper.start();
    const Reply r2 = get(statusPath(u"T-lp"_s) + u"?wait_ms=3000"_s, {{"If-None-Match", m_endpoint->etag(v2)}});
    stepper.stop();
    QVERIFY(stepped);
    QCOMPARE(r2.status, 200);
    QVERIFY(r2.elapsedMs < 2500);
    QCOMPARE(r2.json().value(u"refunds"_s).toArray().size(), 1);
}

void TestStatusEndpoint::abandonedLongPollIsDropped()
{
    QVERIFY(m_rig->pay(u"T-ab"_s, 1000, {{u"card"_s, {}, 1000}}));
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(s.waitForConnected(5000));
        s.write("GET /api/v1/trades/T-ab/status?wait_ms=3000 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + kToken.toUtf8() + "\r\n\r\n");
        QVERIFY(s.waitForBytesWritten(5000));
        QTRY_COMPARE(m_endpoint->metrics().longPollsWaiting, 1u);
        s.abort();
    }
    QTRY_COMPARE(m_endpoint->metrics().longPollsWaiting, 0u);
    m_rig->clock.advance(10'000); // the version moves with nobody waiting
    QCOMPARE(get(statusPath(u"T-ab"_s)).json().value(u"status"_s).toString(), u"PAID"_s);
}

void TestStatusEndpoint::signedCallbackIsAcceptedAndOrderPaid()
{
    const QString flowNo = startQrPayment(u"T-n1"_s);
    QVERIFY(!flowNo.isEmpty());
    const Captured cb = customerPaysAndCapture(flowNo);
    QVERIFY(!cb.body.isEmpty());
    QCOMPARE_NAME(m_rig->view(u"T-n1"_s).trade.status, TradeStatus::Paying);

    QList<QPair<QByteArray, QByteArray>> h;
    for (auto it = cb.headers.cbegin(); it != cb.headers.cend(); ++it)
        h.append({it.key(), it.value()});
    Reply r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"result"_s).toString(), u"SUCCESS"_s);
    QCOMPARE_NAME(m_rig->view(u"T-n1"_s).trade.status, TradeStatus::Paid);
    QCOMPARE(get(statusPath(u"T-n1"_s)).json().value(u"status"_s).toString(), u"PAID"_s);

    // The same delivery again (same nonce) is a replay: 401, nothing changes.
    r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"replay"_s);
    // The channel re-sends the same notification (fresh nonce, signed): a duplicate, 200.
    const qint64 ts = m_rig->clock.nowMs() / 1000;
    const auto resigned = CallbackSigner::headers(m_rig->qrA->secret(), u"qr_a"_s, ts, "resend-1", cb.body);
    h.clear();
    for (auto it = resigned.cbegin(); it != resigned.cend(); ++it)
        h.append({it.key(), it.value()});
    r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"result"_s).toString(), u"SUCCESS"_s);
    const QJsonObject m = metrics();
    QCOMPARE(m.value(u"notifications_accepted"_s).toInt(), 1);
    QCOMPARE(m.value(u"notifications_duplicate"_s).toInt(), 1);
    QCOMPARE(m.value(u"notifications_rejected"_s).toInt(), 1);
}

void TestStatusEndpoint::badSignatureChangesNothing()
{
    const QString flowNo = startQrPayment(u"T-n2"_s);
    QVERIFY(!flowNo.isEmpty());
    const Captured cb = customerPaysAndCapture(flowNo);
    QVERIFY(!cb.body.isEmpty());
    const QByteArray before = m_rig->core->cache().get(u"T-n2"_s)->body;
    const int rejected = m_rig->ingress->rejectedCount();

    QList<QPair<QByteArray, QByteArray>> h;
    for (auto it = cb.headers.cbegin(); it != cb.headers.cend(); ++it)
        h.append({it.key(), it.key() == CallbackSigner::signatureHeader() ? QByteArray("AAAA" + it.value().mid(4))
                                                                          : it.value()});
    Reply r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_signature"_s);
    // A stale timestamp, correctly signed, is refused too.
    const qint64 old = m_rig->clock.nowMs() / 1000 - 3600;
    const auto stale = CallbackSigner::headers(m_rig->qrA->secret(), u"qr_a"_s, old, "stale-1", cb.body);
    h.clear();
    for (auto it = stale.cbegin(); it != stale.cend(); ++it)
        h.append({it.key(), it.value()});
    r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"stale_timestamp"_s);

    QCOMPARE(m_rig->ingress->rejectedCount(), rejected + 2);
    QCOMPARE_NAME(m_rig->view(u"T-n2"_s).trade.status, TradeStatus::Paying);
    QCOMPARE(m_rig->core->cache().get(u"T-n2"_s)->body, before);
    // The genuine callback still goes through afterwards.
    h.clear();
    for (auto it = cb.headers.cbegin(); it != cb.headers.cend(); ++it)
        h.append({it.key(), it.value()});
    QCOMPARE(request("POST", u"/api/v1/channels/qr_a/notify"_s, h, cb.body, false).status, 200);
    QCOMPARE_NAME(m_rig->view(u"T-n2"_s).trade.status, TradeStatus::Paid);
}

void TestStatusEndpoint::malformedNotifyIs400()
{
    // No signature headers at all.
    Reply r = request("POST", u"/api/v1/channels/qr_a/notify"_s, {}, "{not json", false);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"malformed"_s);
    // Correctly signed, but the body is not JSON.
    const QByteArray body = "{not json";
    const auto signedHeaders
        = CallbackSigner::headers(m_rig->qrA->secret(), u"qr_a"_s, m_rig->clock.nowMs() / 1000, "mal-1", body);
    QList<QPair<QByteArray, QByteArray>> h;
    for (auto it = signedHeaders.cbegin(); it != signedHeaders.cend(); ++it)
        h.append({it.key(), it.value()});
    r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, body, false);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"malformed"_s);
    QCOMPARE(m_rig->ingress->acceptedCount(), 0);
}

void TestStatusEndpoint::unknownChannelIs404()
{
    Reply r = request("POST", u"/api/v1/channels/nope/notify"_s, {}, "{}", false);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"not_found"_s);
    // A signed callback for a flow we never created.
    const QByteArray body = QJsonDocument(QJsonObject{{u"out_trade_no"_s, u"F-NONE"_s},
                                                      {u"transaction_id"_s, u"4200000000000000000000000001"_s},
                                                      {u"total_fee"_s, 100},
                                                      {u"fee_type"_s, u"CNY"_s},
                                                      {u"trade_state"_s, u"SUCCESS"_s}})
                                .toJson(QJsonDocument::Compact);
    const auto sh = CallbackSigner::headers(m_rig->qrA->secret(), u"qr_a"_s, m_rig->clock.nowMs() / 1000, "nf-1", body);
    QList<QPair<QByteArray, QByteArray>> h;
    for (auto it = sh.cbegin(); it != sh.cend(); ++it)
        h.append({it.key(), it.value()});
    r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, body, false);
    QVERIFY2(r.status == 404 || r.status == 400, r.body.constData());
}

void TestStatusEndpoint::amountMismatchIs422()
{
    const QString flowNo = startQrPayment(u"T-n3"_s);
    QVERIFY(!flowNo.isEmpty());
    const Captured cb = customerPaysAndCapture(flowNo);
    QVERIFY(!cb.body.isEmpty());
    QJsonObject o = QJsonDocument::fromJson(cb.body).object();
    QVERIFY(o.contains(u"total_fee"_s));
    o.insert(u"total_fee"_s, o.value(u"total_fee"_s).toInteger() + 1);
    const QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const auto sh = CallbackSigner::headers(m_rig->qrA->secret(), u"qr_a"_s, m_rig->clock.nowMs() / 1000, "amt-1", body);
    QList<QPair<QByteArray, QByteArray>> h;
    for (auto it = sh.cbegin(); it != sh.cend(); ++it)
        h.append({it.key(), it.value()});
    const Reply r = request("POST", u"/api/v1/channels/qr_a/notify"_s, h, body, false);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"amount_mismatch"_s);
    QCOMPARE_NAME(m_rig->view(u"T-n3"_s).trade.status, TradeStatus::Paying);
}

void TestStatusEndpoint::tooLargeIs413()
{
    const int rejected = m_rig->ingress->rejectedCount();
    const Reply r = request("POST", u"/api/v1/channels/qr_a/notify"_s, {}, QByteArray(64 * 1024 + 1, 'x'), false);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"payload_too_large"_s);
    QCOMPARE(m_rig->ingress->rejectedCount(), rejected); // never reached the ingress
}

void TestStatusEndpoint::garbageDoesNotCrash()
{
    QVERIFY(m_rig->pay(u"T-g1"_s, 1000, {{u"card"_s, {}, 1000}}));
    (void)raw("GARBAGE\r\n\r\n", 500);
    (void)raw(QByteArray(8192, '\x01'), 500);
    (void)raw("GET /api/v1/trades/%ZZ/status HTTP/1.1\r\nHost: x\r\n\r\n");
    const Reply brew = raw("BREW /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kToken.toUtf8() + "\r\n\r\n");
    QVERIFY(brew.status == 0 || brew.status == 400 || brew.status == 405);
    const Reply enc = raw("GET /api/v1/trades/T%2Dg1/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                          + kToken.toUtf8() + "\r\n\r\n");
    QCOMPARE(enc.status, 200); // percent-encoded order numbers are decoded
    QCOMPARE(get(statusPath(u"T-g1"_s)).status, 200);
    QCOMPARE_NAME(m_rig->view(u"T-g1"_s).trade.status, TradeStatus::Paying);
}

void TestStatusEndpoint::pollsNeverTouchTheDatabase()
{
    QVERIFY(m_rig->pay(u"T-db"_s, 3000, {{u"coupon"_s, u"CP-5OFF"_s, 500}, {u"card"_s, {}, 2500}}));
    const QJsonObject before = metrics();
    constexpr int kPolls = 200;
    QByteArray etag;
    for (int i = 0; i < kPolls; ++i) {
        if (i == kPolls / 2)
            m_rig->clock.advance(10'000); // the payment completes half-way through
        const Reply r = get(statusPath(u"T-db"_s), etag.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{}
                                                                  : QList<QPair<QByteArray, QByteArray>>{{"If-None-Match", etag}});
        QVERIFY(r.status == 200 || r.status == 304);
        etag = r.header("etag");
    }
    const QJsonObject after = metrics();
    QCOMPARE(after.value(u"polls_served"_s).toInt() - before.value(u"polls_served"_s).toInt(), kPolls);
    QVERIFY(after.value(u"polls_not_modified"_s).toInt() > kPolls / 2);
    QCOMPARE(after.value(u"polls_touching_database"_s).toInt(), 0);
    QCOMPARE(after.value(u"polls_touching_channel"_s).toInt(), 0);
    QCOMPARE(get(statusPath(u"T-db"_s)).json().value(u"status"_s).toString(), u"PAID"_s);
}

void TestStatusEndpoint::paymentCoreStartsTheEndpoint()
{
    cleanup();
    TempDb tmp;
    VirtualClock clock;
    PaymentCore::Options o;
    o.databasePath = tmp.path();
    o.clock = &clock;
    o.endpoint.enabled = true;
    auto core = PaymentCore::open(o);
    QVERIFY(core);
    QVERIFY((*core)->endpointPort() > 0);
    QVERIFY((*core)->endpointToken().size() >= 32); // generated
    m_port = (*core)->endpointPort();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    Reply r = request("GET", u"/metrics"_s, {{"Authorization", "Bearer " + (*core)->endpointToken().toUtf8()}}, {},
                      false);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"polls_touching_database"_s).toInt(), 0);
    m_nam.reset();
    core->reset(); // endpoint and writer go before the engine

    PaymentCore::Options off;
    off.databasePath = tmp.path();
    off.clock = &clock;
    auto plain = PaymentCore::open(off);
    QVERIFY(plain);
    QCOMPARE((*plain)->endpointPort(), 0);
    QVERIFY((*plain)->endpointToken().isEmpty());
}

QTEST_GUILESS_MAIN(TestStatusEndpoint)
#include "tst_statusendpoint.moc"
