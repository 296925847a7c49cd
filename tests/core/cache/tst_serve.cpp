// paydeskctl serve and paydeskctl bench endpoint, run as the processes a user would start.
#include "testsupport.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestServe : public QObject
{
    Q_OBJECT
private slots:
    void servePrintsUrlAndGeneratedToken();
    void serveRejectsBadOptions();
    void benchEndpointReportsZeroDatabaseTouches();
};

namespace {

int httpGet(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token, QByteArray *body = nullptr)
{
    QNetworkRequest req(url);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return status;
}

} // namespace

void TestServe::servePrintsUrlAndGeneratedToken()
{
    pay::test::TempDb tmp;
    QProcess serve;
    serve.start(QStringLiteral(PAYDESKCTL), {u"serve"_s, u"--db"_s, tmp.path(), u"--port"_s, u"0"_s});
    QVERIFY(serve.waitForStarted());
    QByteArray out;
    QRegularExpressionMatch url, token;
    for (int i = 0; i < 100 && !(url.hasMatch() && token.hasMatch()); ++i) {
        serve.waitForReadyRead(100);
        out += serve.readAllStandardOutput();
        url = QRegularExpression(u"(http://127\\.0\\.0\\.1:\\d+)"_s).match(QString::fromUtf8(out));
        token = QRegularExpression(u"token: ([0-9a-f]{32,})"_s).match(QString::fromUtf8(out));
    }
    QVERIFY2(url.hasMatch() && token.hasMatch(), out.constData());
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QByteArray body;
    QCOMPARE(httpGet(nam, QUrl(url.captured(1) + u"/metrics"_s), token.captured(1).toUtf8(), &body), 200);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(u"polls_touching_database"_s).toInt(), 0);
    QCOMPARE(httpGet(nam, QUrl(url.captured(1) + u"/metrics"_s), {}), 401);
    QCOMPARE(httpGet(nam, QUrl(url.captured(1) + u"/api/v1/trades/none/status"_s), token.captured(1).toUtf8()), 404);
    serve.kill();
    serve.waitForFinished();
}

void TestServe::serveRejectsBadOptions()
{
    QProcess p;
    p.start(QStringLiteral(PAYDESKCTL), {u"serve"_s});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2); // --db is required
    p.start(QStringLiteral(PAYDESKCTL), {u"serve"_s, u"--db"_s, u"/tmp/x.sqlite"_s, u"--bind"_s, u"not-an-ip"_s});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
}

void TestServe::benchEndpointReportsZeroDatabaseTouches()
{
    QProcess p;
    p.start(QStringLiteral(PAYDESKCTL),
            {u"bench"_s, u"endpoint"_s, u"--seconds"_s, u"0.3"_s, u"--trades"_s, u"20"_s, u"--json"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QVERIFY(o.value(u"polls_per_s"_s).toInt() > 0);
    QVERIFY(o.value(u"polls_served_by_endpoint"_s).toInt() > 0);
    QCOMPARE(o.value(u"polls_touching_database"_s).toInt(), 0);
    QVERIFY(o.contains(u"p99_ms"_s));
}

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
