#include "statuspoller.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using pay::ui::StatusPoller;
using namespace Qt::StringLiterals;

class TestStatusPoller : public QObject
{
    Q_OBJECT

private slots:
    void backsOffWhileTheEndpointIsDown();
    void waitsForAnEndpoint();
    void stopEndsPolling();
};

namespace {

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

void TestStatusPoller::backsOffWhileTheEndpointIsDown()
{
    StatusPoller poller;
    poller.setEndpoint(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())), "t");
    QSignalSpy failed(&poller, &StatusPoller::pollFailed);
    poller.follow(u"T-1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 4, 10000);
    // 0.25 s doubling: 250, 500, 1000, 2000 ms.
    QCOMPARE(failed.at(0).at(1).toInt(), 250);
    QCOMPARE(failed.at(1).at(1).toInt(), 500);
    QCOMPARE(failed.at(2).at(1).toInt(), 1000);
    QCOMPARE(failed.at(3).at(1).toInt(), 2000);
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QVERIFY(poller.isFollowing());
}

void TestStatusPoller::waitsForAnEndpoint()
{
    StatusPoller poller;
    QSignalSpy failed(&poller, &StatusPoller::pollFailed);
    poller.follow(u"T-1"_s);
    QCOMPARE(failed.count(), 1); // no endpoint yet: retried later, not an error to stop on
    QVERIFY(poller.isFollowing());
}

void TestStatusPoller::stopEndsPolling()
{
    StatusPoller poller;
    poller.setEndpoint(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())), "t");
    QSignalSpy failed(&poller, &StatusPoller::pollFailed);
    poller.follow(u"T-1"_s);
    QTRY_VERIFY(failed.count() >= 1);
    poller.stop();
    const int seen = int(failed.count());
    QTest::qWait(700);
    QCOMPARE(failed.count(), seen);
    QVERIFY(!poller.isFollowing());
}

QTEST_GUILESS_MAIN(TestStatusPoller)
#include "tst_statuspoller.moc"
