#include "engine/enginehost.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace pay;

// The engine on its own thread: the caller never blocks, results come back on the caller's
// thread, and a real payment goes through.
class TestEngineHost : public QObject
{
    Q_OBJECT
private slots:
    void paymentThroughTheCoreThread();
    void reportsAStartFailure();
    void dropsResultsForDestroyedContext();
};

void TestEngineHost::paymentThroughTheCoreThread()
{
    test::TempDb tmp;
    PaymentCore::Options o;
    o.databasePath = tmp.path();
    EngineHost host(o);
    QSignalSpy started(&host, &EngineHost::coreStarted);
    QSignalSpy changed(&host, &EngineHost::tradeChanged);
    host.start();
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(started.first().at(0).toBool(), true);

    QThread *coreThread = nullptr;
    std::optional<Result<AcceptTicket>> ticket;
    QThread *resultThread = nullptr;
    std::optional<TradeStatus> status;
    // Results are delivered to ctx; it dies before the variables above, so a late result is
    // dropped instead of writing into a finished test.
    QObject ctx;
    host.run<QThread *>([](PaymentCore &) { return QThread::currentThread(); }, &ctx,
                        [&](QThread *t) { coreThread = t; });
    QTRY_VERIFY(coreThread != nullptr);
    QVERIFY(coreThread != QThread::currentThread());

    AcceptRequest r;
    r.outTradeNo = QStringLiteral("H-1");
    r.amount = Money(2500, Currency::cny());
    r.legs = {{QStringLiteral("wallet"), QStringLiteral("M1001"), 1000}, {QStringLiteral("card"), {}, 1500}};
    r.idempotencyKey = QStringLiteral("host-1");
    host.accept(r, &ctx, [&](Result<AcceptTicket> t) {
        ticket = t;
        resultThread = QThread::currentThread();
    });
    QTRY_VERIFY(ticket.has_value());
    QVERIFY(ticket->has_value());
    QCOMPARE(resultThread, QThread::currentThread());
    // The payment completes asynchronously with the real clock and default latencies.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        host.order(QStringLiteral("H-1"), &ctx, [&](Result<OrderView> v) {
            if (v)
                status = v->trade.status;
        });
        return status.has_value() && *status == TradeStatus::Paid;
    }()), 10000);
    QVERIFY(changed.count() >= 2);
    QVERIFY(changed.contains(QVariantList{QStringLiteral("H-1")}));
}

void TestEngineHost::reportsAStartFailure()
{
    test::TempDb tmp;
    QFile f(tmp.path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    PaymentCore::Options o;
    o.databasePath = tmp.path();
    EngineHost host(o);
    QSignalSpy started(&host, &EngineHost::coreStarted);
    host.start();
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(started.first().at(0).toBool(), false);
    QVERIFY(started.first().at(1).toString().contains(QStringLiteral("not a SQLite database")));
}

void TestEngineHost::dropsResultsForDestroyedContext()
{
    test::TempDb tmp;
    PaymentCore::Options o;
    o.databasePath = tmp.path();
    EngineHost host(o);
    QSignalSpy started(&host, &EngineHost::coreStarted);
    host.start();
    QTRY_COMPARE(started.count(), 1);
    bool called = false;
    auto *context = new QObject;
    host.run<int>([](PaymentCore &) {
        QThread::msleep(50);
        return 1;
    }, context, [&](int) { called = true; });
    delete context;
    bool after = false;
    QObject ctx;
    host.run<int>([](PaymentCore &) { return 2; }, &ctx, [&](int) { after = true; });
    QTRY_VERIFY(after);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
