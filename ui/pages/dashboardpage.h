#pragma once

#include "domain/states.h"
#include "error.h"
#include "store/opsqueues.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QChart;
class QChartView;

namespace pay {
class DashboardReader;
struct DashboardData;
} // namespace pay

namespace pay::ui {

class DashboardLoader;

// Five charts over the open database: succeeded payments by channel, success rate per channel
// over time, settle-time distribution, flows stuck by creation hour and open reconciliation breaks
// by category. Clicking a bar or slice asks for the matching list (the window navigates). The
// aggregates come from a read-only DashboardReader on a worker thread (DashboardLoader), read
// again on refresh and whenever shown; the charts stay as they were, marked "Loading…", until the
// new figures arrive.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QWidget *parent = nullptr);
    ~DashboardPage() override;

    // Reads path (read-only) from now on; a file that cannot be read shows its error in the status.
    void setDatabasePath(const QString &path);
    // Reads every aggregate again on the worker thread; refreshed follows when the charts are redrawn.
    void refresh();
    bool isLoading() const;

    QChartView *channelView() const { return m_channelView; }
    QChartView *successRateView() const { return m_successView; }
    QChartView *latencyView() const { return m_latencyView; }
    QChartView *stuckView() const { return m_stuckView; }
    QChartView *breaksView() const { return m_breaksView; }

signals:
    // A chart element was clicked: show this queue, searched for search (empty: all of it).
    void operationsQueueRequested(pay::OpsQueue queue, const QString &search);
    // A channel bar was clicked: show the orders with a payment on this channel ("card", "qr_a"…).
    void channelOrdersRequested(const QString &channel);
    // New figures arrived (or the read failed) and the charts were redrawn.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    void buildChannelChart();
    void buildSuccessRateChart();
    void buildLatencyChart();
    void buildStuckChart();
    void buildBreaksChart();
    void retranslateUi();
    void handleLoaded(const pay::DashboardData &loaded);
    void handleLoadFailed(const QString &message);

    DashboardLoader *m_loader = nullptr;
    QString m_path;
    std::unique_ptr<DashboardData> m_data;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QChartView *m_channelView = nullptr;
    QChartView *m_successView = nullptr;
    QChartView *m_latencyView = nullptr;
    QChartView *m_stuckView = nullptr;
    QChartView *m_breaksView = nullptr;
};

} // namespace pay::ui
