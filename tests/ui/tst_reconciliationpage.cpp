#include "engine/demoseed.h"
#include "engine/enginehost.h"
#include "pages/reconciliationpage.h"
#include "recon/reconbreak.h"
#include "reconbreaksmodel.h"
#include "reconcategoriesmodel.h"
#include "reconrunsmodel.h"
#include "store/database.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
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

// Picks fileName in the file dialog the next click opens, once it is shown.
void acceptFileDialog(const QString &fileName)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, fileName] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        // Typed into the dialog's own file name box and confirmed, as a person would.
        auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        if (!edit) {
            qWarning() << "the file dialog has no file name box";
            dialog->reject();
            return;
        }
        edit->setText(fileName);
        QTest::keyClick(edit, Qt::Key_Return);
        if (dialog->isVisible()) {
            qWarning() << "the file dialog did not take" << fileName;
            dialog->reject();
        }
    });
    timer->start();
}

QString cellText(QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

void clickRow(QTableView *view, int row)
{
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

// A statement run with count breaks of category (and nothing else); its id.
qint64 seedRun(Database &db, BreakCategory category, int count)
{
    TransactionGuard tx(db);
    QSqlQuery run(db.db());
    run.prepare(u"INSERT INTO recon_runs (kind, channel, statement_day, format, file_name, breaks, started_at)"
                " VALUES ('STATEMENT', 'wallet', '2026-05-29', 'canonical', 'big.csv', ?, 1780000000000)"_s);
    run.addBindValue(count);
    if (!tx.begun() || !run.exec())
        return 0;
    const qint64 runId = run.lastInsertId().toLongLong();
    BreakStore store(db);
    for (int i = 0; i < count; ++i) {
        ReconBreak b;
        b.runId = runId;
        b.channel = u"wallet"_s;
        b.category = category;
        b.flowNo = u"F-BIG-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
        b.localAmount = 100 + i;
        b.lineNo = i + 2;
        b.createdAtMs = 1'780'000'000'000;
        if (!store.insert(b))
            return 0;
    }
    return tx.commit() ? runId : 0;
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
    void largeRunIsBrowsedByScrolling();

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
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
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
    // The tester's own fetchMore() is off (Qt 6.4 fetches inside its modelReset handler, see
    // tst_ordersmodel); the views fetch as they scroll.
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *> {
             m_page->runsModel(), m_page->breaksModel(), m_page->categoriesModel()}) {
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_testers.back()->setUseFetchMore(false);
    }
    QVERIFY(m_page->setDatabasePath(m_db.path()).has_value());
    m_page->setEngineHost(m_host.get());
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestReconciliationPage::cleanupTestCase()
{
    m_testers.clear();
    m_page.reset();
    m_host.reset();
}

int TestReconciliationPage::categoryRow(const QString &category) const
{
    return int(ReconciliationPage::categoryNames().indexOf(category));
}

void TestReconciliationPage::tamperedAmountDrillsDownToTimeline()
{
    auto *runs = find<QTableView>(u"runs"_s);
    auto *categories = find<QTableView>(u"categories"_s);
    auto *breaks = find<QTableView>(u"breaks"_s);
    auto *timeline = find<QTreeWidget>(u"timeline"_s);
    QVERIFY(runs && categories && breaks && timeline);
    const int runsBefore = runs->model()->rowCount();

    m_page->setChannel(u"wallet"_s);
    QSignalSpy finished(m_page.get(), &ReconciliationPage::importFinished);
    auto *importButton = find<QPushButton>(u"importButton"_s);
    QVERIFY(importButton && importButton->isEnabled());
    acceptFileDialog(m_tampered);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // The summary: one amount mismatch, the rest matched, and the run listed first.
    QCOMPARE(m_page->categoryCount(u"AMOUNT_MISMATCH"_s), 1);
    QVERIFY(m_page->categoryCount(u"MATCHED"_s) > 0);
    const int row = categoryRow(u"AMOUNT_MISMATCH"_s);
    QCOMPARE(cellText(categories, row, ReconCategoriesModel::Category), u"Amount mismatch"_s);
    QCOMPARE(cellText(categories, row, ReconCategoriesModel::Count), u"1"_s);
    QCOMPARE(runs->model()->rowCount(), runsBefore + 1);
    QCOMPARE(cellText(runs, 0, ReconRunsModel::RunId), QString::number(m_page->currentRunId()));
    QCOMPARE(runs->selectionModel()->selectedRows().value(0).row(), 0);

    // Matched lines are no breaks: clicking that category lists nothing.
    clickRow(categories, categoryRow(u"MATCHED"_s));
    QTRY_COMPARE(m_page->currentCategory(), u"MATCHED"_s);
    QCOMPARE(breaks->model()->rowCount(), 0);

    // Click the amount category: its one row, our flow, both amounts.
    clickRow(categories, row);
    QTRY_COMPARE(breaks->model()->rowCount(), 1);
    QCOMPARE(m_page->currentCategory(), u"AMOUNT_MISMATCH"_s);
    QCOMPARE(cellText(breaks, 0, ReconBreaksModel::FlowNo), m_tamperedFlowNo);
    const int raw = ReconBreaksModel::UnderlyingDataRole;
    QCOMPARE(breaks->model()->index(0, ReconBreaksModel::StatementAmount).data(raw).toLongLong()
            - breaks->model()->index(0, ReconBreaksModel::LocalAmount).data(raw).toLongLong(),
        100);
    QVERIFY(!cellText(breaks, 0, ReconBreaksModel::Line).isEmpty()); // the statement line
    QVERIFY(find<QLabel>(u"breaksTitle"_s)->text().contains(u"1 row"_s));

    // Double-click the row: the timeline of the order that flow belongs to.
    QSignalSpy loaded(m_page.get(), &ReconciliationPage::timelineLoaded);
    const QPoint at = breaks->visualRect(breaks->model()->index(0, 0)).center();
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

    // Enter on the current row (activation without a mouse) loads it again.
    QSignalSpy again(m_page.get(), &ReconciliationPage::timelineLoaded);
    breaks->setFocus();
    breaks->setCurrentIndex(breaks->model()->index(0, 0));
    QTest::keyClick(breaks, Qt::Key_Return);
    QVERIFY(again.wait(kWaitMs));
    QCOMPARE(again.at(0).at(0).toString(), orderNo);
}

void TestReconciliationPage::truncatedFileIsRejected()
{
    auto *runs = find<QTableView>(u"runs"_s);
    QVERIFY(runs);
    m_page->refresh();
    const int runsBefore = runs->model()->rowCount();
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
    QCOMPARE(runs->model()->rowCount(), runsBefore);
    QCOMPARE(m_page->currentRunId(), runBefore);
}

void TestReconciliationPage::badLineIsQuarantined()
{
    auto *runs = find<QTableView>(u"runs"_s);
    auto *quarantine = find<QListWidget>(u"quarantine"_s);
    QVERIFY(runs && quarantine);
    const int runsBefore = runs->model()->rowCount();

    m_page->setChannel(u"wallet"_s);
    QSignalSpy finished(m_page.get(), &ReconciliationPage::importFinished);
    m_page->importFile(m_badLine);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // The run is recorded, and the bad line is listed with its number and reason.
    QCOMPARE(runs->model()->rowCount(), runsBefore + 1);
    QCOMPARE(quarantine->count(), 1);
    const QString text = quarantine->item(0)->text();
    QVERIFY2(text.contains(u"Line %1"_s.arg(m_badLineNo)), qPrintable(text));
    QVERIFY2(text.contains(u"abc"_s), qPrintable(text));
    QVERIFY(find<QLabel>(u"message"_s)->text().contains(u"1 quarantined"_s));
}

void TestReconciliationPage::largeRunIsBrowsedByScrolling()
{
    // A database of its own: one run with far more breaks than a page, one small newer run.
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    constexpr int kBig = 2 * ReconReader::kDefaultPageSize + 50;
    const qint64 big = seedRun(**db, BreakCategory::MissingLocally, kBig);
    const qint64 small = seedRun(**db, BreakCategory::AmountMismatch, 2);
    QVERIFY(big > 0 && small > big);

    ReconciliationPage page;
    QVERIFY(page.setDatabasePath(tmp.path()).has_value());
    page.resize(1400, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *runs = page.findChild<QTableView *>(u"runs"_s);
    auto *categories = page.findChild<QTableView *>(u"categories"_s);
    auto *breaks = page.findChild<QTableView *>(u"breaks"_s);
    QVERIFY(runs && categories && breaks);

    // The newest run opens on its category with breaks.
    QCOMPARE(page.currentRunId(), small);
    QCOMPARE(page.currentCategory(), u"AMOUNT_MISMATCH"_s);
    QCOMPARE(breaks->model()->rowCount(), 2);

    // Click the older run in the past runs: its summary, and its one category listed a page at a time.
    QCOMPARE(runs->model()->rowCount(), 2);
    clickRow(runs, 1);
    QTRY_COMPARE(page.currentRunId(), big);
    QCOMPARE(page.categoryCount(u"MISSING_LOCALLY"_s), kBig);
    QCOMPARE(cellText(categories, categoryRow(u"MISSING_LOCALLY"_s), ReconCategoriesModel::Count),
        QString::number(kBig));
    QCOMPARE(page.currentCategory(), u"MISSING_LOCALLY"_s);
    QCOMPARE(breaks->model()->rowCount(), ReconReader::kDefaultPageSize);
    QVERIFY(page.findChild<QLabel *>(u"breaksTitle"_s)->text().contains(QString::number(kBig)));

    // Scrolling to the end reads the next pages until every break is listed, each once.
    for (int i = 0; i < 10 && breaks->model()->rowCount() < kBig; ++i) {
        breaks->verticalScrollBar()->setValue(breaks->verticalScrollBar()->maximum());
        QTest::qWait(10);
    }
    QTRY_COMPARE(breaks->model()->rowCount(), kBig);
    QSet<QString> flows;
    for (int r = 0; r < kBig; ++r)
        flows.insert(cellText(breaks, r, ReconBreaksModel::FlowNo));
    QCOMPARE(flows.size(), kBig);
    QCOMPARE(cellText(breaks, kBig - 1, ReconBreaksModel::FlowNo), u"F-BIG-00000"_s);

    // Without a core, a row says why there is no timeline instead of loading one.
    clickRow(breaks, kBig - 1);
    QTest::mouseDClick(breaks->viewport(), Qt::LeftButton, {},
        breaks->visualRect(breaks->model()->index(kBig - 1, 0)).center());
    QTRY_VERIFY(page.findChild<QLabel *>(u"orderLabel"_s)->text().contains(u"F-BIG-00000"_s));
    QCOMPARE(page.timelineOrderNo(), QString());
}

QTEST_MAIN(TestReconciliationPage)
#include "tst_reconciliationpage.moc"
