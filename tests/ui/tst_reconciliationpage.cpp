#include "engine/demoseed.h"
#include "engine/enginehost.h"
#include "pages/reconciliationpage.h"
#include "testsupport.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace pay;
using namespace pay::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestReconciliationPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tamperedAmountDrillsDownToTimeline();
    void truncatedFileIsRejected();
    void badLineIsQuarantined();

private:
    template<typename T>
    T *find(const QString &name) const
    {
        T *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }
    int categoryRow(const QString &category) const;

    test::TempDb m_db;
    QTemporaryDir m_dir;
    QString m_tampered;
    QString m_truncated;
    QString m_badLine;
    int m_badLineNo = 0;
    QString m_tamperedFlowNo;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ReconciliationPage> m_page;
};

void TestReconciliationPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Yesterday noon (UTC): every demo order falls on one statement day, whatever the hour now.
    const QDate day = QDateTime::currentDateTimeUtc().date().addDays(-1);
    const qint64 endMs = QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    auto seeded = seedDemoDatabase(m_db.path(), endMs);
    QVERIFY2(seeded.has_value(), seeded ? "" : qPrintable(seeded.error().message));

    // The wallet's own statement for that day, written by the real paydeskctl from the channel books.
    const QString statement = m_dir.filePath(u"wallet.csv"_s);
    QProcess ctl;
    ctl.start(QStringLiteral(PAYDESKCTL),
        {u"statement"_s, u"--db"_s, m_db.path(), u"--channel"_s, u"wallet"_s, u"--date"_s,
            day.toString(Qt::ISODate), u"--out"_s, statement});
    QVERIFY(ctl.waitForFinished(30000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    const QByteArray original = readAll(statement);

    // The channel booked one payment 1.00 higher than we did: amount and end total both changed,
    // so the file stays well formed and the line is an AMOUNT_MISMATCH.
    QList<QByteArray> lines = original.split('\n');
    qint64 delta = 0;
    for (QByteArray &line : lines) {
        QList<QByteArray> fields = line.split(',');
        if (delta == 0 && fields.size() >= 10 && fields.at(0) == "PAYMENT" && fields.at(7) == "SUCCESS") {
            m_tamperedFlowNo = QString::fromUtf8(fields.at(1));
            fields[5] = QByteArray::number(fields.at(5).toLongLong() + 100);
            delta = 100;
            line = fields.join(',');
        } else if (line.startsWith("# end ")) {
            QList<QByteArray> parts = line.split(' ');
            for (QByteArray &p : parts) {
                if (p.startsWith("payment_total_minor="))
                    p = "payment_total_minor=" + QByteArray::number(p.mid(20).toLongLong() + delta);
            }
            line = parts.join(' ');
        }
    }
    QVERIFY2(delta != 0, original.constData());
    m_tampered = m_dir.filePath(u"wallet-tampered.csv"_s);
    QVERIFY(writeAll(m_tampered, lines.join('\n')));

    // Cut before the end line: a truncated download.
    m_truncated = m_dir.filePath(u"wallet-truncated.csv"_s);
    QVERIFY(writeAll(m_truncated, original.left(original.lastIndexOf("# end"))));

    // One payment line with an amount that is no number: quarantined, the rest imported.
    QList<QByteArray> bad = original.split('\n');
    for (int i = 0; i < bad.size() && m_badLineNo == 0; ++i) {
        QList<QByteArray> fields = bad.at(i).split(',');
        if (fields.size() >= 10 && fields.at(0) == "PAYMENT") {
            fields[5] = "abc";
            bad[i] = fields.join(',');
            m_badLineNo = i + 1;
        }
    }
    m_badLine = m_dir.filePath(u"wallet-bad-line.csv"_s);
    QVERIFY(writeAll(m_badLine, bad.join('\n')));

    PaymentCore::Options options;
    options.databasePath = m_db.path();
    m_host = std::make_unique<EngineHost>(options);
    QSignalSpy started(m_host.get(), &EngineHost::coreStarted);
    m_host->start();
    QVERIFY(started.wait(10000));
    QVERIFY(started.at(0).at(0).toBool());

    m_page = std::make_unique<ReconciliationPage>();
    QVERIFY(m_page->setDatabasePath(m_db.path()).has_value());
    m_page->setEngineHost(m_host.get());
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestReconciliationPage::cleanupTestCase()
{
    m_page.reset();
    m_host.reset();
}

int TestReconciliationPage::categoryRow(const QString &category) const
{
    return int(ReconciliationPage::categoryNames().indexOf(category));
}

void TestReconciliationPage::tamperedAmountDrillsDownToTimeline()
{
    auto *runs = find<QTableWidget>(u"runs"_s);
    auto *categories = find<QTableWidget>(u"categories"_s);
    auto *breaks = find<QTableWidget>(u"breaks"_s);
    auto *timeline = find<QTreeWidget>(u"timeline"_s);
    QVERIFY(runs && categories && breaks && timeline);
    const int runsBefore = runs->rowCount();

    m_page->setChannel(u"wallet"_s);
    QSignalSpy finished(m_page.get(), &ReconciliationPage::importFinished);
    m_page->importFile(m_tampered);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // The summary: one amount mismatch, the rest matched, and the run listed first.
    QCOMPARE(m_page->categoryCount(u"AMOUNT_MISMATCH"_s), 1);
    QVERIFY(m_page->categoryCount(u"MATCHED"_s) > 0);
    const int row = categoryRow(u"AMOUNT_MISMATCH"_s);
    QCOMPARE(categories->item(row, 1)->text(), u"1"_s);
    QCOMPARE(runs->rowCount(), runsBefore + 1);
    QCOMPARE(runs->item(0, 0)->text(), QString::number(m_page->currentRunId()));

    // Matched lines are no breaks: clicking that category lists nothing.
    const int matchedRow = categoryRow(u"MATCHED"_s);
    QTest::mouseClick(categories->viewport(), Qt::LeftButton, {},
        categories->visualItemRect(categories->item(matchedRow, 0)).center());
    QTRY_COMPARE(breaks->rowCount(), 0);

    // Click the amount category: its one row, our flow, both amounts.
    QTest::mouseClick(categories->viewport(), Qt::LeftButton, {},
        categories->visualItemRect(categories->item(row, 0)).center());
    QTRY_COMPARE(breaks->rowCount(), 1);
    QCOMPARE(breaks->item(0, 0)->text(), m_tamperedFlowNo);
    QCOMPARE(breaks->item(0, 3)->data(Qt::UserRole).toLongLong()
            - breaks->item(0, 2)->data(Qt::UserRole).toLongLong(),
        100);
    QVERIFY(!breaks->item(0, 6)->text().isEmpty()); // the statement line

    // Double-click the row: the timeline of the order that flow belongs to.
    QSignalSpy loaded(m_page.get(), &ReconciliationPage::timelineLoaded);
    const QPoint at = breaks->visualItemRect(breaks->item(0, 0)).center();
    QTest::mouseClick(breaks->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(breaks->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(loaded.wait(kWaitMs));
    const QString orderNo = loaded.at(0).at(0).toString();
    QVERIFY(!orderNo.isEmpty());
    QCOMPARE(m_page->timelineOrderNo(), orderNo);
    QVERIFY(find<QLabel>(u"orderLabel"_s)->text().contains(orderNo));
    QVERIFY(timeline->topLevelItemCount() > 0);
    bool mentionsFlow = false;
    for (int i = 0; i < timeline->topLevelItemCount(); ++i)
        mentionsFlow = mentionsFlow || timeline->topLevelItem(i)->text(3).contains(m_tamperedFlowNo);
    QVERIFY(mentionsFlow);
}

void TestReconciliationPage::truncatedFileIsRejected()
{
    auto *runs = find<QTableWidget>(u"runs"_s);
    QVERIFY(runs);
    m_page->refresh();
    const int runsBefore = runs->rowCount();
    const qint64 runBefore = m_page->currentRunId();

    m_page->setChannel(u"wallet"_s);
    QSignalSpy finished(m_page.get(), &ReconciliationPage::importFinished);
    m_page->importFile(m_truncated);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString message = find<QLabel>(u"message"_s)->text();
    QVERIFY2(message.contains(u"rejected"_s), qPrintable(message));
    QVERIFY2(message.contains(u"line"_s, Qt::CaseInsensitive), qPrintable(message));

    // Nothing recorded: no new run, the shown run unchanged.
    m_page->refresh();
    QCOMPARE(runs->rowCount(), runsBefore);
    QCOMPARE(m_page->currentRunId(), runBefore);
}

void TestReconciliationPage::badLineIsQuarantined()
{
    auto *runs = find<QTableWidget>(u"runs"_s);
    auto *quarantine = find<QListWidget>(u"quarantine"_s);
    QVERIFY(runs && quarantine);
    const int runsBefore = runs->rowCount();

    m_page->setChannel(u"wallet"_s);
    QSignalSpy finished(m_page.get(), &ReconciliationPage::importFinished);
    m_page->importFile(m_badLine);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // The run is recorded, and the bad line is listed with its number and reason.
    QCOMPARE(runs->rowCount(), runsBefore + 1);
    QCOMPARE(quarantine->count(), 1);
    const QString text = quarantine->item(0)->text();
    QVERIFY2(text.contains(u"Line %1"_s.arg(m_badLineNo)), qPrintable(text));
    QVERIFY2(text.contains(u"abc"_s), qPrintable(text));
    QVERIFY(find<QLabel>(u"message"_s)->text().contains(u"1 quarantined"_s));
}

QTEST_MAIN(TestReconciliationPage)
#include "tst_reconciliationpage.moc"
