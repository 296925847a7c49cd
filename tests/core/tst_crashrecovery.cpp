#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// Kills a real paydeskctl child that is taking payments 50 times at random points (SIGKILL),
// restarts the core on the same file, lets compensation and expiry finish, and checks that
// every accepted payment is in the database, every invariant holds and nothing is left open.
class TestCrashRecovery : public QObject
{
    Q_OBJECT
private slots:
    void fiftyKillsLoseNothing();
};

void TestCrashRecovery::fiftyKillsLoseNothing()
{
    QProcess p;
    p.start(QStringLiteral(PAYDESKCTL), {QStringLiteral("stress"), QStringLiteral("crash"), QStringLiteral("--runs"),
                                         QStringLiteral("50"), QStringLiteral("--seed"), QStringLiteral("7"),
                                         QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(400'000));
    const QByteArray out = p.readAllStandardOutput();
    const QJsonObject r = QJsonDocument::fromJson(out).object();
    QVERIFY2(!r.isEmpty(), p.readAllStandardError().constData());
    QCOMPARE(r.value(QStringLiteral("kills")).toInt(), 50);
    QVERIFY(r.value(QStringLiteral("accepted")).toInt() > 100);
    QCOMPARE(r.value(QStringLiteral("lost")).toArray().size(), 0);
    QCOMPARE(r.value(QStringLiteral("invariants_violated")).toArray().size(), 0);
    QCOMPARE(r.value(QStringLiteral("unsettled")).toInteger(), 0);
    QVERIFY(r.value(QStringLiteral("orders_in_db")).toInt() >= r.value(QStringLiteral("accepted")).toInt());
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
