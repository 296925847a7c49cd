#include "dashboardloader.h"
#include "engine/demoseed.h"
#include "mainwindow.h"
#include "ordersmodel.h"
#include "pages/dashboardpage.h"
#include "pages/operationspage.h"
#include "store/dashboardreader.h"
#include "store/database.h"
#include "testsupport.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QThread>

using namespace pay;
using namespace pay::ui;
using namespace Qt::StringLiterals;

// The Dashboard in the main window on the demo database (plus two breaks written here): each
// chart has the points the database holds, and clicking a bar or slice opens the matching list.
class TestDashboardPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void chartsHoldTheData();
    void clickingAChannelBarOpensThatChannelsOrders();
    void clickingAStuckBarOpensTheStuckQueue();
    void clickingABreakSliceOpensTheBreaksQueue();
    void refreshReadsAgain();
    void readsOffTheGuiThread();
    void aFileThatCannotBeReadSaysSo();

private:
    qint64 scalar(const QString &sql);
    template<typename T>
    T *onlySeries(QChartView *view);

    test::TempDb m_tmp;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<MainWindow> m_window;
    DashboardPage *m_page = nullptr;
};

qint64 TestDashboardPage::scalar(const QString &sql)
{
    QSqlQuery q(m_writer->db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

template<typename T>
T *TestDashboardPage::onlySeries(QChartView *view)
{
    const QList<QAbstractSeries *> series = view->chart()->series();
    if (series.size() != 1)
        return nullptr;
    return qobject_cast<T *>(series.first());
}

void TestDashboardPage::initTestCase()
{
    auto seeded = seedDemoDatabase(m_tmp.path(), QDateTime::currentMSecsSinceEpoch());
    QVERIFY(seeded.has_value());
    auto db = Database::open(m_tmp.path());
    QVERIFY(db.has_value());
    m_writer = std::move(*db);
    QVERIFY(m_writer
                ->exec(QStringLiteral(
                    "INSERT INTO recon_breaks (channel, category, flow_no, state, created_at) VALUES"
                    " ('card', 'AMOUNT_MISMATCH', 'F-X1', 'OPEN', 1), ('qr_a', 'MISSING_LOCALLY', NULL, "
                    "'HELD', 2)"))
                .has_value());
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openDatabase(m_tmp.path()).has_value());
    m_page = m_window->dashboardPage();
    QVERIFY(m_page);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDashboardPage::init()
{
    m_window->showPage(MainWindow::Page::Orders);
    QSignalSpy refreshed(m_page, &DashboardPage::refreshed);
    m_window->showPage(MainWindow::Page::Dashboard);
    QCOMPARE(int(m_window->currentPage()), int(MainWindow::Page::Dashboard));
    QTRY_VERIFY(refreshed.count() >= 1); // shown: read again
}

void TestDashboardPage::chartsHoldTheData()
{
    auto *channels = onlySeries<QHorizontalBarSeries>(m_page->channelView());
    QVERIFY(channels);
    QCOMPARE(channels->count(), 1);
    const qint64 channelCount = scalar(
        u"SELECT count(*) FROM (SELECT DISTINCT channel, method FROM payment_flows WHERE status = 'SUCCEEDED')"_s);
    QCOMPARE(qint64(channels->barSets().first()->count()), channelCount);
    qreal succeeded = 0;
    for (int i = 0; i < channels->barSets().first()->count(); ++i)
        succeeded += channels->barSets().first()->at(i);
    QCOMPARE(qint64(succeeded), scalar(u"SELECT count(*) FROM payment_flows WHERE status = 'SUCCEEDED'"_s));

    const QList<QAbstractSeries *> lines = m_page->successRateView()->chart()->series();
    QCOMPARE(qint64(lines.size()),
        scalar(
            u"SELECT count(DISTINCT channel) FROM payment_flows WHERE status IN ('SUCCEEDED', 'FAILED')"_s));
    for (QAbstractSeries *s : lines) {
        auto *line = qobject_cast<QLineSeries *>(s);
        QVERIFY(line);
        QVERIFY(line->count() >= 1);
        for (const QPointF &p : line->points())
            QVERIFY(p.y() >= 0 && p.y() <= 100);
    }

    auto *latency = onlySeries<QHorizontalBarSeries>(m_page->latencyView());
    QVERIFY(latency);
    QCOMPARE(latency->barSets().first()->count(), kLatencyBucketCount);
    qreal settled = 0;
    for (int i = 0; i < kLatencyBucketCount; ++i)
        settled += latency->barSets().first()->at(i);
    QCOMPARE(qint64(settled), scalar(u"SELECT count(*) FROM payment_flows WHERE status = 'SUCCEEDED'"_s));

    auto *stuck = onlySeries<QBarSeries>(m_page->stuckView());
    QVERIFY(stuck);
    QCOMPARE(qint64(stuck->barSets().first()->count()),
        scalar(u"SELECT count(DISTINCT created_at / 3600000) FROM payment_flows"
               " WHERE status IN ('PAYING', 'PREPAID') OR recon_pending = 1"_s));

    auto *breaks = onlySeries<QPieSeries>(m_page->breaksView());
    QVERIFY(breaks);
    QCOMPARE(breaks->count(), 2);
    QCOMPARE(breaks->sum(), 2.0);
}

void TestDashboardPage::clickingAChannelBarOpensThatChannelsOrders()
{
    auto *series = onlySeries<QHorizontalBarSeries>(m_page->channelView());
    QVERIFY(series);
    QBarSet *set = series->barSets().first();
    QVERIFY(set->count() >= 2);
    // The bars follow the reader's order (by channel name): the second bar's channel.
    QSqlQuery q(m_writer->db());
    QVERIFY(q.exec(u"SELECT DISTINCT channel, method FROM payment_flows WHERE status = 'SUCCEEDED'"
                   " ORDER BY channel, method LIMIT 1 OFFSET 1"_s));
    QVERIFY(q.next());
    const QString channel = q.value(0).toString();
    q.finish();

    QSignalSpy requested(m_page, &DashboardPage::channelOrdersRequested);
    // The middle of the second bar, mapped from chart values to the view's pixels.
    QChart *chart = m_page->channelView()->chart();
    const QPointF inChart = chart->mapToPosition(QPointF(set->at(1) / 2, 1), series);
    const QPoint inView = m_page->channelView()->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseClick(m_page->channelView()->viewport(), Qt::LeftButton, {}, inView);
    QTRY_COMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), channel);
    QCOMPARE(int(m_window->currentPage()), int(MainWindow::Page::Orders));

    auto *ordersPage = m_window->findChild<QWidget *>(u"orderspage"_s);
    QVERIFY(ordersPage);
    auto *channelFilter = ordersPage->findChild<QComboBox *>(u"channelFilter"_s);
    QVERIFY(channelFilter);
    QCOMPARE(channelFilter->currentData().toString(), channel);
    auto *statusFilter = ordersPage->findChild<QComboBox *>(u"statusFilter"_s);
    QVERIFY(statusFilter);
    QCOMPARE(statusFilter->currentIndex(), 0); // every state: refunded orders paid that way too

    // The list holds exactly the orders with a flow on that channel.
    auto *view = ordersPage->findChild<QTableView *>(u"ordersView"_s);
    QVERIFY(view);
    QAbstractItemModel *model = view->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    const qint64 expected = scalar(
        u"SELECT count(DISTINCT trade_id) FROM payment_flows WHERE channel = '%1'"_s.arg(channel));
    QVERIFY(expected > 0);
    QCOMPARE(qint64(model->rowCount()), expected);
    const qint64 withoutChannel = scalar(u"SELECT count(*) FROM trade_orders t WHERE NOT EXISTS"
                                         " (SELECT 1 FROM payment_flows f WHERE f.trade_id = t.id"
                                         " AND f.channel = '%1')"_s.arg(channel));
    QVERIFY(withoutChannel > 0); // the filter really narrowed the list
    for (int row = 0; row < model->rowCount(); ++row) {
        const qint64 id = model->index(row, 0).data(OrdersModel::TradeIdRole).toLongLong();
        QCOMPARE(scalar(u"SELECT count(*) FROM payment_flows WHERE trade_id = %1 AND channel = '%2'"_s.arg(id).arg(
                     channel))
                > 0,
            true);
    }
    // Back to every channel for the other tests.
    channelFilter->setCurrentIndex(0);
}

void TestDashboardPage::clickingAStuckBarOpensTheStuckQueue()
{
    auto *series = onlySeries<QBarSeries>(m_page->stuckView());
    QVERIFY(series);
    QBarSet *set = series->barSets().first();
    QVERIFY(set->count() >= 1);
    QChart *chart = m_page->stuckView()->chart();
    const QPointF inChart = chart->mapToPosition(QPointF(0, set->at(0) / 2), series);
    const QPoint inView = m_page->stuckView()->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseClick(m_page->stuckView()->viewport(), Qt::LeftButton, {}, inView);
    QTRY_COMPARE(int(m_window->currentPage()), int(MainWindow::Page::Operations));
    QCOMPARE(int(m_window->operationsPage()->currentQueue()), int(OpsQueue::Stuck));
}

void TestDashboardPage::clickingABreakSliceOpensTheBreaksQueue()
{
    auto *series = onlySeries<QPieSeries>(m_page->breaksView());
    QVERIFY(series);
    QSignalSpy requested(m_page, &DashboardPage::operationsQueueRequested);
    emit series->clicked(series->slices().first());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(int(requested.at(0).at(0).value<OpsQueue>()), int(OpsQueue::Breaks));
    QCOMPARE(int(m_window->currentPage()), int(MainWindow::Page::Operations));
    QCOMPARE(int(m_window->operationsPage()->currentQueue()), int(OpsQueue::Breaks));
    QCOMPARE(m_window->operationsPage()->queueCount(OpsQueue::Breaks), 2);
}

void TestDashboardPage::refreshReadsAgain()
{
    QVERIFY(m_writer
                ->exec(QStringLiteral(
                    "INSERT INTO recon_breaks (channel, category, flow_no, state, created_at) VALUES"
                    " ('wallet', 'STATUS_MISMATCH', 'F-X9', 'OPEN', 3)"))
                .has_value());
    auto *refresh = m_page->findChild<QPushButton *>(u"refreshButton"_s);
    QVERIFY(refresh);
    QSignalSpy refreshed(m_page, &DashboardPage::refreshed);
    QTest::mouseClick(refresh, Qt::LeftButton);
    QTRY_COMPARE(refreshed.count(), 1);
    auto *breaks = onlySeries<QPieSeries>(m_page->breaksView());
    QVERIFY(breaks);
    QCOMPARE(breaks->count(), 3);
    QVERIFY(refresh->isEnabled());
}

void TestDashboardPage::readsOffTheGuiThread()
{
    auto *status = m_page->findChild<QLabel *>(u"dashboardStatus"_s);
    auto *refresh = m_page->findChild<QPushButton *>(u"refreshButton"_s);
    QVERIFY(status && refresh);
    auto *loader = m_page->findChild<DashboardLoader *>();
    QVERIFY(loader);
    QSignalSpy loaded(loader, &DashboardLoader::loaded);
    QSignalSpy refreshed(m_page, &DashboardPage::refreshed);

    // The read is queued to the worker; nothing arrives until the event loop runs again.
    m_page->refresh();
    QVERIFY(m_page->isLoading());
    QCOMPARE(status->text(), u"Loading…"_s);
    QVERIFY(!refresh->isEnabled());
    QCOMPARE(refreshed.count(), 0);

    // Two requests in flight: only the newest is answered.
    m_page->refresh();
    QTRY_COMPARE(refreshed.count(), 1);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(!m_page->isLoading());
    QVERIFY(status->text().startsWith(u"Updated "_s));
    QVERIFY(refresh->isEnabled());
    QVERIFY(loader->workerThread()->isRunning());
    QVERIFY(loader->workerThread() != QThread::currentThread());
    QCOMPARE(m_page->channelView()->chart()->series().size(), 1);
}

void TestDashboardPage::aFileThatCannotBeReadSaysSo()
{
    DashboardPage page;
    page.setDatabasePath(m_tmp.filePath(u"missing.sqlite"_s));
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    page.refresh();
    QTRY_COMPARE(refreshed.count(), 1);
    auto *status = page.findChild<QLabel *>(u"dashboardStatus"_s);
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(u"Could not read the dashboard: "_s), qPrintable(status->text()));
    QVERIFY(!QFile::exists(m_tmp.filePath(u"missing.sqlite"_s)));
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
