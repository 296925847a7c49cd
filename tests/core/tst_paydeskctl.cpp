#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// Runs the real paydeskctl binary: what an operator types is what is tested.
class TestPaydeskctl : public QObject
{
    Q_OBJECT
private slots:
    void initThenCheck();
    void checkRefusesTextFile();
    void seedDemoHoldsInvariants();
    void helpOnEverySubcommand_data();
    void helpOnEverySubcommand();

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
        p.waitForFinished(60'000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
};

void TestPaydeskctl::initThenCheck()
{
    pay::test::TempDb tmp;
    auto init = run({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--db"), tmp.path()});
    QCOMPARE(init.code, 0);
    auto check = run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), tmp.path(), QStringLiteral("--json")});
    QCOMPARE(check.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(check.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("checks")).toArray().size() >= 10);
}

void TestPaydeskctl::checkRefusesTextFile()
{
    pay::test::TempDb tmp;
    QFile f(tmp.path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database\n");
    f.close();
    auto check = run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), tmp.path()});
    QCOMPARE(check.code, 1);
    QVERIFY2(check.err.contains(QStringLiteral("not a SQLite database")), qPrintable(check.err));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("not a database\n"));
}

void TestPaydeskctl::seedDemoHoldsInvariants()
{
    pay::test::TempDb tmp;
    auto seed = run({QStringLiteral("db"), QStringLiteral("seed-demo"), QStringLiteral("--db"), tmp.path()});
    QVERIFY2(seed.code == 0, qPrintable(seed.err));
    auto check = run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), tmp.path()});
    QVERIFY2(check.code == 0, qPrintable(check.out));
    // Seeding an existing file is refused.
    QCOMPARE(run({QStringLiteral("db"), QStringLiteral("seed-demo"), QStringLiteral("--db"), tmp.path()}).code, 1);
}

void TestPaydeskctl::helpOnEverySubcommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("db init") << QStringList{QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--help")};
    QTest::addRow("db check") << QStringList{QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--help")};
    QTest::addRow("db seed-demo") << QStringList{QStringLiteral("db"), QStringLiteral("seed-demo"), QStringLiteral("--help")};
    QTest::addRow("recon") << QStringList{QStringLiteral("recon"), QStringLiteral("--help")};
}

void TestPaydeskctl::helpOnEverySubcommand()
{
    QFETCH(QStringList, args);
    auto r = run(args);
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--db")));
}

QTEST_GUILESS_MAIN(TestPaydeskctl)
#include "tst_paydeskctl.moc"
