// FaultProfile and FaultInjector: JSON round trip and validation, seeded determinism, rates.
#include "channel/faultprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

class TestFaultProfile : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsThroughJson();
    void emptyJsonIsTheDefault();
    void rejectsBadJson_data();
    void rejectsBadJson();
    void sameSeedSameRolls();
    void streamsAreIndependent();
    void ratesAreHonoured_data();
    void ratesAreHonoured();
    void sameSeedKeepsTheStream();
};

void TestFaultProfile::roundTripsThroughJson()
{
    FaultProfile p;
    p.seed = 0xFFFF'FFFF'FFFF'FFF1ULL; // does not fit a JSON double
    p.latency = LatencyModel::logNormal(250, 700, 9000);
    p.declineRate = 0.25;
    p.declineCodes = {u"A"_s, u"B"_s};
    p.timeoutSucceededRate = 0.1;
    p.timeoutFailedRate = 0.2;
    p.timeoutMs = 12'345;
    p.unknownCodeRate = 0.05;
    p.unknownCodes = {u"E1"_s};
    p.unknownCodeAppliedRate = 0.75;
    p.outages
        = {OutageWindow {10, 20, OutageWindow::Mode::Hang}, OutageWindow {30, 40, OutageWindow::Mode::Fail}};
    p.hangMs = 99;
    p.callbackLatency = LatencyModel::uniform(5, 50);
    p.lostCallbackRate = 0.01;
    p.duplicateCallbackRate = 0.02;
    p.duplicateCopies = 3;
    p.delayedCallbackRate = 0.03;
    p.delayMinMs = 1000;
    p.delayMaxMs = 7'200'000;
    p.outOfOrderRate = 0.04;
    p.badSignatureRate = 0.05;
    p.tamperedAmountRate = 0.06;
    p.tamperDeltaMinor = 7;
    p.statementBreaks.missingRate = 0.1;
    p.statementBreaks.midnightShiftRate = 0.2;
    auto back = FaultProfile::fromJson(p.toJson());
    QVERIFY(back);
    QCOMPARE(back->toJson(), p.toJson());
    QCOMPARE(back->seed, p.seed);
    QCOMPARE(back->outages.size(), 2);
    QCOMPARE(back->outages.first().mode, OutageWindow::Mode::Hang);
    QCOMPARE(back->latency.shape, LatencyModel::Shape::LogNormal);
}

void TestFaultProfile::emptyJsonIsTheDefault()
{
    auto p = FaultProfile::fromJson({});
    QVERIFY(p);
    QCOMPARE(p->toJson(), FaultProfile {}.toJson());
}

void TestFaultProfile::rejectsBadJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("rate above one") << QByteArray(R"({"decline":{"rate":1.5}})");
    QTest::addRow("rate as text") << QByteArray(R"({"decline":{"rate":"0.5"}})");
    QTest::addRow("timeouts above one")
        << QByteArray(R"({"timeout":{"succeededRate":0.6,"failedRate":0.6}})");
    QTest::addRow("negative ms") << QByteArray(R"({"timeout":{"ms":-1}})");
    QTest::addRow("fractional ms") << QByteArray(R"({"hangMs":1.5})");
    QTest::addRow("unknown shape") << QByteArray(R"({"latency":{"shape":"gamma"}})");
    QTest::addRow("uniform crossed") << QByteArray(R"({"latency":{"shape":"uniform","minMs":9,"maxMs":1}})");
    QTest::addRow("outage backwards") << QByteArray(R"({"outages":[{"startMs":9,"endMs":1}]})");
    QTest::addRow("outage mode") << QByteArray(R"({"outages":[{"startMs":1,"endMs":9,"mode":"slow"}]})");
    QTest::addRow("empty codes") << QByteArray(R"({"decline":{"codes":[]}})");
    QTest::addRow("copies zero") << QByteArray(R"({"callbacks":{"duplicateCopies":0}})");
    QTest::addRow("seed text") << QByteArray(R"({"seed":"abc"})");
}

void TestFaultProfile::rejectsBadJson()
{
    QFETCH(QByteArray, json);
    const auto p = FaultProfile::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!p);
    QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!p.error().message.isEmpty());
}

namespace {

FaultProfile busy(quint64 seed)
{
    FaultProfile p;
    p.seed = seed;
    p.latency = LatencyModel::uniform(1, 1000);
    p.declineRate = 0.3;
    p.timeoutSucceededRate = 0.1;
    p.timeoutFailedRate = 0.1;
    p.unknownCodeRate = 0.1;
    p.lostCallbackRate = 0.2;
    p.duplicateCallbackRate = 0.2;
    return p;
}

QString rollCalls(FaultInjector &f, int n)
{
    QString s;
    for (int i = 0; i < n; ++i) {
        const CallFaults c = f.rollCall();
        s += u"%1/%2%3%4%5;"_s.arg(c.latencyMs)
                 .arg(int(c.decline))
                 .arg(int(c.timeoutSucceeded))
                 .arg(int(c.timeoutFailed))
                 .arg(int(c.unknownCode));
    }
    return s;
}

} // namespace

void TestFaultProfile::sameSeedSameRolls()
{
    FaultInjector a(busy(11));
    FaultInjector b(busy(11));
    FaultInjector c(busy(12));
    const QString ra = rollCalls(a, 200);
    QCOMPARE(rollCalls(b, 200), ra);
    QVERIFY(rollCalls(c, 200) != ra);
    QCOMPARE(a.nonce(), b.nonce());
    QCOMPARE(a.nonce().size(), 24);
}

void TestFaultProfile::streamsAreIndependent()
{
    // Rolling callbacks in between must not change which calls fail.
    FaultInjector a(busy(3));
    FaultInjector b(busy(3));
    QString withCallbacks;
    for (int i = 0; i < 100; ++i) {
        withCallbacks += rollCalls(a, 1);
        (void)a.rollCallback();
        (void)a.nonce();
    }
    QCOMPARE(rollCalls(b, 100), withCallbacks);
}

void TestFaultProfile::ratesAreHonoured_data()
{
    QTest::addColumn<double>("rate");
    QTest::addRow("0") << 0.0;
    QTest::addRow("0.1") << 0.1;
    QTest::addRow("0.5") << 0.5;
    QTest::addRow("1") << 1.0;
}

void TestFaultProfile::ratesAreHonoured()
{
    QFETCH(double, rate);
    FaultProfile p;
    p.seed = 77;
    p.declineRate = rate;
    FaultInjector f(p);
    int declines = 0;
    const int n = 10'000;
    for (int i = 0; i < n; ++i)
        declines += f.rollCall().decline ? 1 : 0;
    QVERIFY2(qAbs(declines - rate * n) <= 0.02 * n, qPrintable(QString::number(declines)));
}

void TestFaultProfile::sameSeedKeepsTheStream()
{
    FaultInjector a(busy(5));
    FaultInjector b(busy(5));
    (void)rollCalls(a, 10);
    (void)rollCalls(b, 10);
    FaultProfile changed = busy(5);
    changed.declineRate = 0.9;
    a.setProfile(changed); // same seed: the stream goes on
    b.setProfile(busy(6));
    b.setProfile(changed); // seed changed twice: the stream restarts from the seed
    FaultInjector fresh(changed);
    QCOMPARE(rollCalls(b, 20), rollCalls(fresh, 20));
    QVERIFY(rollCalls(a, 20) != rollCalls(fresh, 20));
}

QTEST_GUILESS_MAIN(TestFaultProfile)
#include "tst_faultprofile.moc"
