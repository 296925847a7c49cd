#include "sim/simulationrunner.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pay;

// The seed sweep of issue 7: 200 seeds of the fault-heavy scenario, at least 200 orders each,
// with crashes, 0 violations. A failing seed prints the command that replays it.
class TestSimSweep : public QObject
{
    Q_OBJECT
private slots:
    void sweep200Seeds();
};

void TestSimSweep::sweep200Seeds()
{
    const QString path = QStringLiteral(PAYDESK_SCENARIOS "/fault-storm.json");
    auto s = Scenario::fromFile(path);
    QVERIFY(s);
    QElapsedTimer t;
    t.start();
    qint64 orders = 0, crashes = 0, steps = 0;
    for (quint64 seed = 1; seed <= 200; ++seed) {
        SimulationOptions o;
        o.seed = seed;
        auto r = SimulationRunner::run(*s, o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY2(r->ok(), qPrintable(r->toText() + QStringLiteral("Replay: paydeskctl simulate --scenario %1 --seed %2").arg(path).arg(seed)));
        QVERIFY2(r->orders >= 200, qPrintable(QStringLiteral("seed %1: only %2 orders").arg(seed).arg(r->orders)));
        orders += r->orders;
        crashes += r->crashes;
        steps += r->steps;
    }
    qInfo("200 seeds, %lld orders, %lld crashes, %lld audited steps in %.1f s", orders, crashes, steps,
          double(t.elapsed()) / 1000);
}

QTEST_GUILESS_MAIN(TestSimSweep)
#include "tst_simsweep.moc"
