#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

// Runs the real paydeskctl binary: what an operator types is what is tested.
class TestPaydeskctl : public QObject
{
    Q_OBJECT
private slots:
    void helpAndVersionWithoutADisplay();
    void backupAndRestoreCommands();
    void shippedScenarioFoundFromTheBuildTreeAndAnInstall();
    void initThenCheck();
    void checkRefusesTextFile();
    void seedDemoHoldsInvariants();
    void helpOnEverySubcommand_data();
    void helpOnEverySubcommand();
    void benchEngineBaselineReplaysTheEnginesRows();

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

// Both programs answer --help and --version on a machine without any display: the command line
// is read before a window system is touched.
void TestPaydeskctl::helpAndVersionWithoutADisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString &program : {QStringLiteral(PAYDESK), QStringLiteral(PAYDESKCTL)}) {
        for (const QString &option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(program, {option});
            QVERIFY(p.waitForFinished(30'000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                     qPrintable(program + QLatin1Char(' ') + option + QStringLiteral(": ") + QString::fromUtf8(p.readAllStandardError())));
            if (option == QStringLiteral("--help"))
                QVERIFY2(out.contains(QStringLiteral("Usage:")) && !out.contains(QStringLiteral("<executable_name>")), qPrintable(out));
            else
                QVERIFY2(out.contains(QStringLiteral("0.1.0")), qPrintable(out));
        }
    }
}

void TestPaydeskctl::backupAndRestoreCommands()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("shop.sqlite"));
    const QString out = dir.filePath(QStringLiteral("shop-backup.sqlite"));
    QCOMPARE(run({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--db"), db}).code, 0);
    auto b = run({QStringLiteral("db"), QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), out});
    QVERIFY2(b.code == 0, qPrintable(b.err));
    QCOMPARE(run({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), out}).code, 0);
    auto r = run({QStringLiteral("db"), QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--db"), db});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("E1")), qPrintable(r.out));
    auto missing = run({QStringLiteral("db"), QStringLiteral("restore"), QStringLiteral("--from"), dir.filePath(QStringLiteral("nope")), QStringLiteral("--db"), db});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
}

// A shipped scenario is found by name next to the program: in the build tree (which mirrors the
// installed layout) and in an install prefix made with cmake --install; never through a path of
// the source tree.
void TestPaydeskctl::shippedScenarioFoundFromTheBuildTreeAndAnInstall()
{
    auto fromBuild = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("fault-storm"),
                          QStringLiteral("--orders"), QStringLiteral("5")});
    QVERIFY2(fromBuild.code == 0, qPrintable(fromBuild.err));
    QTemporaryDir prefix;
    QProcess install;
    install.start(QStringLiteral(PAYDESK_CMAKE), {QStringLiteral("--install"), QStringLiteral(PAYDESK_BUILD_DIR),
                                                   QStringLiteral("--prefix"), prefix.path()});
    QVERIFY(install.waitForFinished(120'000));
    QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
    const QString installed = prefix.filePath(QStringLiteral("bin/paydeskctl"));
    QVERIFY(QFileInfo::exists(installed));
    QVERIFY(QFileInfo::exists(prefix.filePath(QStringLiteral("share/paydesk/scenarios/fault-storm.json"))));
    QVERIFY(QFileInfo::exists(prefix.filePath(QStringLiteral("share/applications/paydesk.desktop"))));
    QVERIFY(QFileInfo::exists(prefix.filePath(QStringLiteral("share/icons/hicolor/scalable/apps/paydesk.svg"))));
    QProcess p;
    p.setWorkingDirectory(prefix.path());
    p.start(installed, {QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("fault-storm"),
                        QStringLiteral("--orders"), QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(60'000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().contains("\"scenario\""));
    // An unknown name is a clear error, not a crash.
    auto unknown = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("no-such-scenario")});
    QVERIFY(unknown.code != 0);
}

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
    // Every money check holds; the demo's frozen order (a tampered callback froze it, then a
    // query settled its leg, and its completion waits for an operator) is the one open case,
    // and db check does not pass it over: it names it and fails.
    QCOMPARE(check.code, 1);
    const QStringList failing = check.out.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^FAIL")));
    QCOMPARE(failing.size(), 1);
    QVERIFY2(failing.first().contains(QStringLiteral("frozen_open_cases")), qPrintable(check.out));
    QVERIFY2(check.out.contains(QStringLiteral("D20261127903")), qPrintable(check.out));
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

// The engine benchmark's baseline writes exactly the engine's rows with as many commits: the
// kept files of the recorded run and of the baseline hold the same rows, table by table.
void TestPaydeskctl::benchEngineBaselineReplaysTheEnginesRows()
{
    QTemporaryDir dir;
    auto r = run({QStringLiteral("bench"), QStringLiteral("engine"), QStringLiteral("--payments"), QStringLiteral("100"),
                  QStringLiteral("--window"), QStringLiteral("16"), QStringLiteral("--rounds"), QStringLiteral("2"),
                  QStringLiteral("--keep"), dir.path(),
                  QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("paid")).toInt(), 100);
    for (const char *kind : {"core_row_writes_per_payment", "book_row_writes_per_payment", "core_commits_per_payment",
                             "book_commits_per_payment"}) {
        const QString key = QString::fromLatin1(kind);
        QVERIFY2(o.value(key).toDouble() > 0, kind);
        QCOMPARE(o.value(QStringLiteral("baseline_") + key).toDouble(), o.value(key).toDouble());
    }
    QVERIFY(o.value(QStringLiteral("baseline_payments_per_s")).toInt() > 0);
    QCOMPARE(o.value(QStringLiteral("ratio_rounds")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("engine_payments_per_s_rounds")).toArray().size(), 2);
    // Independently of the bench's own check: same row counts and same sums in both files.
    const QString sums = QStringLiteral("SELECT (SELECT count(*) FROM events) || '/' || (SELECT total(length(payload)) FROM events)"
                                        " || '/' || (SELECT group_concat(status) FROM payment_flows)"
                                        " || '/' || (SELECT total(amount) FROM ledger_postings WHERE amount > 0)"
                                        " || '/' || (SELECT sum(version) FROM trade_orders)");
    QStringList seen;
    for (const char *file : {"recorded.sqlite", "round-1/baseline.sqlite", "round-2/baseline.sqlite", "round-2/engine.sqlite"}) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QString::fromLatin1(file));
        db.setDatabaseName(dir.filePath(QString::fromLatin1(file)));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sums) && q.next(), qPrintable(q.lastError().text()));
        seen << q.value(0).toString();
    }
    for (const char *c : {"recorded.sqlite", "round-1/baseline.sqlite", "round-2/baseline.sqlite", "round-2/engine.sqlite"})
        QSqlDatabase::removeDatabase(QString::fromLatin1(c));
    QVERIFY(seen[0].startsWith(QStringLiteral("1200/")));
    QCOMPARE(seen[1], seen[0]);
    QCOMPARE(seen[2], seen[0]);
    QCOMPARE(seen[3], seen[0]); // a timed engine round wrote what the recorded run wrote
}

QTEST_GUILESS_MAIN(TestPaydeskctl)
#include "tst_paydeskctl.moc"
