#include "sim/clock.h"

#include <QTest>

using namespace pay;

class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void virtualRunsInDueOrder();
    void advanceRunsOnlyDueTasks();
    void cancelAndContext();
    void tasksScheduledByTasks();
    void realClockFires();
};

void TestClock::virtualRunsInDueOrder()
{
    VirtualClock clock(1000);
    QStringList order;
    clock.schedule(300, nullptr, [&] { order << QStringLiteral("c"); });
    clock.schedule(100, nullptr, [&] { order << QStringLiteral("a"); });
    clock.schedule(100, nullptr, [&] { order << QStringLiteral("b"); });
    QCOMPARE(clock.pendingCount(), 3);
    clock.advance(1000);
    QCOMPARE(order, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(clock.nowMs(), 2000);
}

void TestClock::advanceRunsOnlyDueTasks()
{
    VirtualClock clock(0);
    int ran = 0;
    qint64 seenAt = -1;
    clock.schedule(100'000, nullptr, [&] {
        ++ran;
        seenAt = clock.nowMs();
    });
    clock.advance(99'999);
    QCOMPARE(ran, 0);
    clock.advance(1);
    QCOMPARE(ran, 1);
    QCOMPARE(seenAt, 100'000);
}

void TestClock::cancelAndContext()
{
    VirtualClock clock(0);
    int ran = 0;
    const auto id = clock.schedule(10, nullptr, [&] { ++ran; });
    clock.cancel(id);
    auto *ctx = new QObject;
    clock.schedule(10, ctx, [&] { ++ran; });
    delete ctx;
    clock.advance(20);
    QCOMPARE(ran, 0);
    QCOMPARE(clock.pendingCount(), 0);
}

void TestClock::tasksScheduledByTasks()
{
    VirtualClock clock(0);
    QList<qint64> at;
    std::function<void()> again = [&] {
        at << clock.nowMs();
        if (at.size() < 3)
            clock.schedule(5, nullptr, again);
    };
    clock.schedule(5, nullptr, again);
    QCOMPARE(clock.runUntilIdle(), 3);
    QCOMPARE(at, (QList<qint64>{5, 10, 15}));
}

void TestClock::realClockFires()
{
    RealClock clock;
    bool fired = false;
    clock.schedule(1, this, [&] { fired = true; });
    QTRY_VERIFY(fired);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
