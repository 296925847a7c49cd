#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

// The real paydeskctl: a demo database, a statement exported by `paydeskctl statement`, then
// `paydeskctl recon` on it, as an operator would.
class TestReconCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reconcilesExportedStatement_data();
    void reconcilesExportedStatement();
    void rejectsTruncatedFile();
    void quarantinesBadLine();

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
        p.waitForFinished(120'000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
    }
    QString exportStatement(const QString &channel, const QString &format)
    {
        const QString out = m_tmp.filePath(channel + u"-"_s + format + u".txt"_s);
        const Run r = run({u"statement"_s, u"--db"_s, m_tmp.path(), u"--channel"_s, channel, u"--date"_s,
            m_day, u"--format"_s, format, u"--out"_s, out});
        if (r.code != 0)
            qWarning() << r.err;
        return r.code == 0 ? out : QString();
    }
    pay::test::TempDb m_tmp;
    QString m_day;
};

void TestReconCli::initTestCase()
{
    const Run seed = run({u"db"_s, u"seed-demo"_s, u"--db"_s, m_tmp.path()});
    QVERIFY2(seed.code == 0, qPrintable(seed.err));
    // The day of the demo's QR A payments (the demo runs up to now).
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"day"_s);
        db.setDatabaseName(m_tmp.path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT date(max(created_at) / 1000, 'unixepoch') FROM payment_flows"
                       " WHERE channel = 'qr_a' AND status = 'SUCCEEDED'"_s));
        QVERIFY(q.next());
        m_day = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(u"day"_s);
    QVERIFY(!m_day.isEmpty());
}

void TestReconCli::reconcilesExportedStatement_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("format");
    QTest::newRow("qr_a canonical") << u"qr_a"_s << u"canonical"_s;
    QTest::newRow("qr_a wechat") << u"qr_a"_s << u"wechat"_s;
    QTest::newRow("qr_b alipay") << u"qr_b"_s << u"alipay"_s;
    QTest::newRow("wallet canonical") << u"wallet"_s << u"canonical"_s;
}

void TestReconCli::reconcilesExportedStatement()
{
    QFETCH(QString, channel);
    QFETCH(QString, format);
    const QString file = exportStatement(channel, format);
    QVERIFY(!file.isEmpty());
    const Run r = run({u"recon"_s, u"--db"_s, m_tmp.path(), u"--channel"_s, channel, u"--statement"_s, file,
        u"--date"_s, m_day, u"--json"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"format"_s).toString(), format);
    QCOMPARE(o.value(u"day"_s).toString(), m_day);
    const QJsonObject counts = o.value(u"counts"_s).toObject();
    QVERIFY2(counts.value(u"MATCHED"_s).toInteger() > 0, qPrintable(r.out));
    // The demo's books agree with the core: nothing is missing or different.
    QCOMPARE(counts.value(u"MISSING_LOCALLY"_s).toInteger(), 0);
    QCOMPARE(counts.value(u"AMOUNT_MISMATCH"_s).toInteger(), 0);
    QCOMPARE(o.value(u"quarantined_count"_s).toInt(), 0);
    QVERIFY(o.value(u"run_id"_s).toInteger() > 0);
    // The plain report names every category it found.
    const Run plain = run({u"recon"_s, u"--db"_s, m_tmp.path(), u"--channel"_s, channel, u"--statement"_s,
        file, u"--date"_s, m_day});
    QCOMPARE(plain.code, 0);
    QVERIFY(plain.out.contains(u"MATCHED"_s));
    QVERIFY(plain.out.contains(u"auto-resolved"_s));
}

void TestReconCli::rejectsTruncatedFile()
{
    const QString file = exportStatement(u"qr_a"_s, u"wechat"_s);
    QVERIFY(!file.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes.truncate(bytes.indexOf("总交易单数"));
    QVERIFY(f.resize(0));
    f.write(bytes);
    f.close();
    const Run r = run({u"recon"_s, u"--db"_s, m_tmp.path(), u"--channel"_s, u"qr_a"_s, u"--statement"_s, file,
        u"--date"_s, m_day, u"--json"_s});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(u"rejected"_s) && r.err.contains(u"truncated"_s) && r.err.contains(u"Line "_s),
        qPrintable(r.err));
}

void TestReconCli::quarantinesBadLine()
{
    const QString file = exportStatement(u"qr_a"_s, u"canonical"_s);
    QVERIFY(!file.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    QVERIFY(lines.size() > 4);
    lines[2] = "PAYMENT,broken-row";
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(lines.join('\n'));
    f.close();
    const Run r = run({u"recon"_s, u"--db"_s, m_tmp.path(), u"--channel"_s, u"qr_a"_s, u"--statement"_s, file,
        u"--format"_s, u"canonical"_s, u"--json"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"quarantined_count"_s).toInt(), 1);
    const QJsonObject q = o.value(u"quarantined"_s).toArray().first().toObject();
    QCOMPARE(q.value(u"line"_s).toInt(), 3);
    QVERIFY(q.value(u"reason"_s).toString().contains(u"fields"_s));
}

QTEST_GUILESS_MAIN(TestReconCli)
#include "tst_recon_cli.moc"
