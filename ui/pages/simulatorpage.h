#pragma once

#include "error.h"
#include "sim/simulationrunner.h"
#include "store/opsqueues.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QTimer>
#include <QWidget>
#include <array>
#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineSeries;
class QListWidget;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace pay::ui {

// The Simulator page for trainers: pick a shipped scenario, a seed and a speed, then run, pause,
// step or reset. The run lives in its own temporary database (a SimulationSession), never the
// shop's; a GUI timer advances it in small slices (a few ms each) so the window stays live.
// Counters, two charts over virtual time (orders by state; refunds by reason and open breaks),
// the operations queue counts read from the run's own database and a plain-words narration follow
// the run. While running, the view is redrawn at most kRedrawIntervalMs apart (wall time), however
// fast the run goes. A run can be exported as JSON.
class SimulatorPage : public QWidget
{
    Q_OBJECT

public:
    // The lines of the orders chart: what a trainer follows order by order.
    enum class OrderLine { Paid, Closed, InProgress, Refunded };
    static constexpr int kOrderLineCount = 4;
    static constexpr int kRedrawIntervalMs = 250;

    explicit SimulatorPage(QWidget *parent = nullptr);
    ~SimulatorPage() override;

    // Lists the *.json scenarios of dir (default: the shipped scenarios, see datapaths.h).
    void setScenarioDirectory(const QString &dir);

    // Selects the scenario whose file base name or name is nameOrFile; false if none.
    bool selectScenario(const QString &nameOrFile);
    void setSeed(int seed);
    // 1, 10, 100, 1000, or 0 for step by step.
    void setSpeed(int speed);

    void run();
    void pause();
    void step();
    void reset();
    // Writes {scenario, scenarioFile, seed, report} as JSON.
    Result<void> exportRun(const QString &path) const;

    bool isRunning() const { return m_timer.isActive(); }
    bool isFinished() const;
    const SimulationReport &report() const { return m_report; }
    QLabel *invariantsLabel() const { return m_invariants; }
    QLabel *refundsLabel() const { return m_refunds; }
    QListWidget *narration() const { return m_narration; }
    QComboBox *scenarioBox() const { return m_scenario; }
    QChartView *ordersChart() const { return m_ordersView; }
    QChartView *refundsChart() const { return m_refundsView; }
    QLineSeries *orderSeries(OrderLine line) const { return m_orderSeries.at(int(line)); }
    // The refunds chart's line for a refund reason code ("DUPLICATE_PAYMENT") or "BREAKS" (open
    // reconciliation breaks); nullptr until the run has one.
    QLineSeries *refundSeries(const QString &key) const { return m_refundSeries.value(key); }
    // The count shown for queue (-1: no run, or the queues could not be read).
    qint64 queueCount(OpsQueue queue) const { return m_queueCounts.at(int(queue)); }
    QLabel *queueLabel(OpsQueue queue) const { return m_queueValues.at(int(queue)); }
    // How many times the view was redrawn since the page was made (for the throttle's test).
    int redrawCount() const { return m_redraws; }
    // The number of orders in line, from a report's orders by state.
    static qint64 ordersIn(OrderLine line, const QMap<QString, qint64> &ordersByState);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool ensureSession();
    void tick();
    void refreshView();
    void readQueues();
    void recordSample();
    void clearCharts();
    QLineSeries *ensureRefundSeries(const QString &key);
    void updateButtons();
    void retranslateUi();
    void retranslateScenarios();
    void showScenarioText();
    void exportWithDialog();
    int speed() const;

    QComboBox *m_scenario = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_speed = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_practice = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_ordersCaption = nullptr, *m_moneyCaption = nullptr, *m_refundsCaption = nullptr,
           *m_invariantsCaption = nullptr, *m_narrationCaption = nullptr, *m_breaksCaption = nullptr;
    QLabel *m_orders = nullptr;
    QLabel *m_money = nullptr;
    QLabel *m_refunds = nullptr;
    QLabel *m_invariants = nullptr;
    QLabel *m_breaks = nullptr;
    QLabel *m_description = nullptr;
    QListWidget *m_narration = nullptr;

    QGroupBox *m_queueBox = nullptr;
    std::array<QLabel *, kOpsQueueCount> m_queueNames{};
    std::array<QLabel *, kOpsQueueCount> m_queueValues{};
    std::array<qint64, kOpsQueueCount> m_queueCounts{};
    std::unique_ptr<OpsQueueReader> m_queueReader;
    QString m_queueError;

    QChartView *m_ordersView = nullptr;
    QChartView *m_refundsView = nullptr;
    QValueAxis *m_ordersX = nullptr, *m_ordersY = nullptr, *m_refundsX = nullptr, *m_refundsY = nullptr;
    std::array<QLineSeries *, kOrderLineCount> m_orderSeries{};
    QMap<QString, QLineSeries *> m_refundSeries;
    double m_lastSampleMin = -1;
    qint64 m_chartMax = 0, m_refundMax = 0;
    QElapsedTimer m_sinceRedraw;
    int m_redraws = 0;

    QList<Scenario> m_scenarios; // one per item of m_scenario (a file that does not parse: its name only)
    std::unique_ptr<SimulationSession> m_session;
    Scenario m_loaded;
    QString m_loadedFile;
    SimulationReport m_report;
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    double m_virtualMs = 0;
    QString m_error;
};

} // namespace pay::ui
