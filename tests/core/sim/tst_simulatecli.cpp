#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// What a trainer types: paydeskctl simulate and bench sim, through the real binary.
class TestSimulateCli : public QObject
{
    Q_OBJECT
private slots:
    void singleRunJson();
    void sweepAndReplayCommand();
    void refusesExistingDatabase();
    void refusesBadScenario();
    void benchSimJson();

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(PAYDESKCTL), args);
        p.waitForFinished(300'000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    static QString scenario(const char *name) { return QStringLiteral(PAYDESK_SCENARIOS "/") + QLatin1String(name) + QStringLiteral(".json"); }
};

void TestSimulateCli::singleRunJson()
{
    QTemporaryDir dir;
    const QString db = dir.path() + QStringLiteral("/sim.sqlite");
    auto r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario("duplicate-qr-a-qr-b"),
                  QStringLiteral("--db"), db, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("refundsByReason")).toObject().value(QStringLiteral("DUPLICATE_PAYMENT")).toInt() > 0);
    QCOMPARE(o.value(QStringLiteral("eventLogHash")).toString().size(), 64);
    QVERIFY(QFile::exists(db)); // kept where asked
}

void TestSimulateCli::sweepAndReplayCommand()
{
    auto r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario("fault-storm"), QStringLiteral("--seeds"),
                  QStringLiteral("3..4")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("2 seeds (3..4), 400 orders, 0 violations")), qPrintable(r.out));
    auto bad = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario("fault-storm"), QStringLiteral("--seeds"),
                    QStringLiteral("4..3")});
    QCOMPARE(bad.code, 2);
}

void TestSimulateCli::refusesExistingDatabase()
{
    QTemporaryDir dir;
    const QString db = dir.path() + QStringLiteral("/shop.sqlite");
    QFile f(db);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    auto r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario("fault-storm"), QStringLiteral("--db"), db});
    QCOMPARE(r.code, 2);
    QCOMPARE(QFileInfo(db).size(), 0); // untouched
}

void TestSimulateCli::refusesBadScenario()
{
    QTemporaryDir dir;
    QFile f(dir.path() + QStringLiteral("/bad.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"arrivals": 1, "faults": [{"channel": "qr_a", "profile": {"lostCallbackRate": 0.5}}]})");
    f.close();
    auto r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), f.fileName()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("lostCallbackRate")), qPrintable(r.err));
}

void TestSimulateCli::benchSimJson()
{
    auto r = run({QStringLiteral("bench"), QStringLiteral("sim"), QStringLiteral("--orders"), QStringLiteral("300"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("orders")).toInt(), 300);
    QVERIFY(o.value(QStringLiteral("ordersPerSecond")).toDouble() > 0);
    QCOMPARE(o.value(QStringLiteral("violations")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSimulateCli)
#include "tst_simulatecli.moc"
