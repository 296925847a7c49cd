#include "sim/simulationrunner.h"

#include <QJsonArray>
#include <QTest>

using namespace pay;

namespace {

Scenario load(const QString &name)
{
    auto s = Scenario::fromFile(QStringLiteral(PAYDESK_SCENARIOS "/") + name + QStringLiteral(".json"));
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    return *s;
}

QString describe(const SimulationReport &r) { return r.toText(); }

} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT
private slots:
    void shippedScenarios_data();
    void shippedScenarios();
    void replaySameSeedSameHash();
    void crashesLoseNothing();
    void badScenarioIsRefused();
};

void TestSimulation::shippedScenarios_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"timeout-close-vs-late-callback", "duplicate-qr-a-qr-b", "channel-outage-breaker",
                          "lost-callbacks-compensation", "statement-breaks-recon", "partial-failure-combined",
                          "peak-hour", "fault-storm"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestSimulation::shippedScenarios()
{
    QFETCH(QString, name);
    SimulationOptions o;
    if (name == QStringLiteral("peak-hour"))
        o.maxOrders = 1000; // the full 10,000 orders are `paydeskctl bench sim`
    auto r = SimulationRunner::run(load(name), o);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY2(r->ok(), qPrintable(describe(*r)));
    QVERIFY(r->orders > 0);
    QVERIFY(r->fullChecks > 0);
    QCOMPARE(r->eventLogHash.size(), 64);
    const auto &c = r->counters;
    // The practice the scenario is for actually happened.
    if (name == QStringLiteral("timeout-close-vs-late-callback")) {
        QVERIFY2(r->refundsByReason.value(QStringLiteral("CLOSED_BUT_PAID")) > 0, qPrintable(describe(*r)));
        QVERIFY(c.value(QStringLiteral("paidAfterClose")) > 0);
    } else if (name == QStringLiteral("duplicate-qr-a-qr-b")) {
        QVERIFY2(r->refundsByReason.value(QStringLiteral("DUPLICATE_PAYMENT")) > 0, qPrintable(describe(*r)));
        QVERIFY(c.value(QStringLiteral("secondAttempts")) > 0);
    } else if (name == QStringLiteral("channel-outage-breaker")) {
        QVERIFY2(c.value(QStringLiteral("breakerOpened")) > 0, qPrintable(describe(*r)));
        QVERIFY(c.value(QStringLiteral("fault.outage_fail")) > 0);
    } else if (name == QStringLiteral("lost-callbacks-compensation")) {
        QVERIFY(c.value(QStringLiteral("fault.callback_lost")) > 0);
        QVERIFY2(c.value(QStringLiteral("settledByQuery")) > 0, qPrintable(describe(*r)));
        QCOMPARE(r->crashes, 2);
    } else if (name == QStringLiteral("statement-breaks-recon")) {
        qint64 breaks = 0;
        for (auto it = r->breaksByCategory.cbegin(); it != r->breaksByCategory.cend(); ++it)
            breaks += it.key() == QStringLiteral("MATCHED") ? 0 : it.value();
        QVERIFY2(breaks > 0, qPrintable(describe(*r)));
        QVERIFY2(r->reconAutoResolved > 0, qPrintable(describe(*r)));
        QVERIFY(c.value(QStringLiteral("settledByRecon")) > 0);
    } else if (name == QStringLiteral("partial-failure-combined")) {
        QVERIFY2(r->refundsByReason.value(QStringLiteral("PARTIAL_FAILURE")) > 0, qPrintable(describe(*r)));
    } else if (name == QStringLiteral("peak-hour")) {
        QCOMPARE(r->orders, 1000);
    } else if (name == QStringLiteral("fault-storm")) {
        QVERIFY(r->crashes > 0);
        QVERIFY(r->orders >= 200);
    }
}

void TestSimulation::replaySameSeedSameHash()
{
    const Scenario s = load(QStringLiteral("fault-storm"));
    SimulationOptions o;
    o.seed = 42;
    auto a = SimulationRunner::run(s, o);
    auto b = SimulationRunner::run(s, o);
    QVERIFY(a && b);
    QVERIFY2(a->ok(), qPrintable(describe(*a)));
    QVERIFY(a->events > 0);
    QCOMPARE(a->eventLogHash, b->eventLogHash);
    QCOMPARE(a->events, b->events);
    QCOMPARE(a->kept, b->kept);
    QCOMPARE(a->ordersByState, b->ordersByState);
    o.seed = 43;
    auto c = SimulationRunner::run(s, o);
    QVERIFY(c && c->ok());
    QVERIFY(c->eventLogHash != a->eventLogHash);
}

void TestSimulation::crashesLoseNothing()
{
    // Many crashes, at fixed times and at random: every accepted order is still there after each
    // restart (the auditor checks before and after every crash) and every invariant holds.
    Scenario s = load(QStringLiteral("lost-callbacks-compensation"));
    s.crashesAtMs = {60'000, 60'500, 61'000, 600'000, 1'800'000};
    s.crashesPerHour = 20;
    auto r = SimulationRunner::run(s, {});
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(describe(*r)));
    QVERIFY2(r->crashes >= 5, qPrintable(describe(*r)));
    QCOMPARE(r->ordersByState.value(QStringLiteral("PAID")) + r->ordersByState.value(QStringLiteral("CLOSED"))
                 + r->ordersByState.value(QStringLiteral("REFUNDED")) + r->ordersByState.value(QStringLiteral("PARTIALLY_REFUNDED"))
                 + r->ordersByState.value(QStringLiteral("PAYING")),
             r->orders);
}

void TestSimulation::badScenarioIsRefused()
{
    QVERIFY(!Scenario::fromJson(QJsonObject{}));
    QJsonObject o{{QStringLiteral("arrivals"), 5},
                  {QStringLiteral("methods"), QJsonArray{QJsonObject{{QStringLiteral("legs"), QJsonArray{QStringLiteral("bitcoin")}}}}}};
    QVERIFY(!Scenario::fromJson(o));
    o.insert(QStringLiteral("methods"), QJsonArray{QJsonObject{{QStringLiteral("legs"), QJsonArray{QStringLiteral("qr_a")}}}});
    QVERIFY(Scenario::fromJson(o));
    o.insert(QStringLiteral("behaviours"), QJsonObject{{QStringLiteral("payLate"), 0.8}, {QStringLiteral("payTwice"), 0.5}});
    QVERIFY(!Scenario::fromJson(o));
    o.remove(QStringLiteral("behaviours"));
    o.insert(QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("channel"), QStringLiteral("qr_a")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("lostCallbackRate"), 0.5}}}}}); // flat key: misspelt
    QVERIFY(!Scenario::fromJson(o));
    o.insert(QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("channel"), QStringLiteral("qr_a")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("callbacks"), QJsonObject{{QStringLiteral("lostRate"), 0.5}}}}}}});
    QVERIFY(Scenario::fromJson(o));
}

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
