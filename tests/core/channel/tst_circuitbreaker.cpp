// CircuitBreaker: closed -> open on the failure rate over a sliding window (calls and time),
// open -> half-open after openMs on the clock, half-open -> closed or back to open.
#include "channel/circuitbreaker.h"
#include "sim/clock.h"

#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

BreakerConfig config()
{
    BreakerConfig c;
    c.windowSize = 10;
    c.windowMs = 0;
    c.minimumCalls = 4;
    c.failureRatePercent = 50;
    c.openMs = 30'000;
    c.halfOpenMaxCalls = 1;
    c.halfOpenSuccesses = 2;
    return c;
}

void call(CircuitBreaker &b, bool healthy)
{
    const auto t = b.tryAcquire();
    QVERIFY(t != 0);
    b.record(t, healthy);
}

} // namespace

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private slots:
    void opensOnFailureRate_data();
    void opensOnFailureRate();
    void slidingWindowForgetsOldCalls();
    void timeWindowForgetsOldCalls();
    void halfOpenThenClosed();
    void halfOpenFailureReopens();
    void halfOpenLimitsTrialCalls();
    void staleTicketsAreIgnored();
    void manualOpenAndReset();
};

void TestCircuitBreaker::opensOnFailureRate_data()
{
    QTest::addColumn<QString>("pattern"); // s = success, f = failure
    QTest::addColumn<bool>("open");
    QTest::addRow("all good") << u"ssssssss"_s << false;
    QTest::addRow("too few calls") << u"fff"_s << false;
    QTest::addRow("minimum reached, all bad") << u"ffff"_s << true;
    QTest::addRow("exactly at the rate") << u"ssff"_s << true;
    QTest::addRow("just under the rate") << u"sssff"_s << false;
    QTest::addRow("bad run after good") << u"ssssssffff"_s << false;
    QTest::addRow("bad run tips it") << u"sssssfffff"_s << true;
}

void TestCircuitBreaker::opensOnFailureRate()
{
    QFETCH(QString, pattern);
    QFETCH(bool, open);
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    for (const QChar c : pattern)
        call(b, c == u's');
    QCOMPARE(b.state() == CircuitBreaker::State::Open, open);
    QCOMPARE(b.allows(), !open);
}

void TestCircuitBreaker::slidingWindowForgetsOldCalls()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    for (int i = 0; i < 4; ++i)
        call(b, true);
    for (int i = 0; i < 3; ++i)
        call(b, false); // 3 of 7: still closed
    QCOMPARE(b.windowFailures(), 3);
    for (int i = 0; i < 10; ++i)
        call(b, true); // pushes the failures out of the 10-call window
    QCOMPARE(b.windowCalls(), 10);
    QCOMPARE(b.windowFailures(), 0);
    for (int i = 0; i < 4; ++i)
        call(b, false);
    QCOMPARE(b.state(), CircuitBreaker::State::Closed); // 4 of 10
    call(b, false);
    QCOMPARE(b.state(), CircuitBreaker::State::Open); // 5 of 10
}

void TestCircuitBreaker::timeWindowForgetsOldCalls()
{
    VirtualClock clock(0);
    BreakerConfig c = config();
    c.windowMs = 10'000;
    CircuitBreaker b(&clock, nullptr, c);
    call(b, false);
    call(b, false);
    call(b, false);
    clock.advance(10'000); // those three are now too old
    call(b, false);
    QCOMPARE(b.windowCalls(), 1);
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    call(b, false);
    call(b, false);
    call(b, false);
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
}

void TestCircuitBreaker::halfOpenThenClosed()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    QList<std::pair<CircuitBreaker::State, CircuitBreaker::State>> changes;
    b.setStateHandler([&](auto from, auto to) { changes << std::make_pair(from, to); });
    for (int i = 0; i < 4; ++i)
        call(b, false);
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    QCOMPARE(b.tryAcquire(), CircuitBreaker::Ticket(0));
    clock.advance(29'999);
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    clock.advance(1);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
    call(b, true);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen); // needs two in a row
    call(b, true);
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    using S = CircuitBreaker::State;
    const QList<std::pair<S, S>> expected {
        {S::Closed, S::Open}, {S::Open, S::HalfOpen}, {S::HalfOpen, S::Closed}};
    QCOMPARE(changes, expected);
    QCOMPARE(b.windowCalls(), 0); // a closed breaker starts from a clean window
}

void TestCircuitBreaker::halfOpenFailureReopens()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    for (int i = 0; i < 4; ++i)
        call(b, false);
    clock.advance(30'000);
    call(b, true);
    call(b, false);
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    clock.advance(29'999);
    QCOMPARE(b.state(), CircuitBreaker::State::Open); // a full openMs again
    clock.advance(1);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
}

void TestCircuitBreaker::halfOpenLimitsTrialCalls()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    for (int i = 0; i < 4; ++i)
        call(b, false);
    clock.advance(30'000);
    const auto trial = b.tryAcquire();
    QVERIFY(trial);
    QVERIFY(!b.allows());
    QCOMPARE(b.tryAcquire(), CircuitBreaker::Ticket(0));
    b.release(trial); // never sent
    QVERIFY(b.allows());
}

void TestCircuitBreaker::staleTicketsAreIgnored()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    const auto slow = b.tryAcquire(); // taken while closed
    for (int i = 0; i < 4; ++i)
        call(b, false);
    clock.advance(30'000);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
    b.record(slow, true);
    b.record(slow, true);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen); // the old call proves nothing
}

void TestCircuitBreaker::manualOpenAndReset()
{
    VirtualClock clock(0);
    CircuitBreaker b(&clock, nullptr, config());
    b.forceOpen();
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    b.reset();
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    clock.advance(60'000);
    QCOMPARE(b.state(), CircuitBreaker::State::Closed); // the reset cancelled the half-open timer
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
