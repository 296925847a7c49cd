#pragma once

#include "error.h"
#include "sim/simulationrunner.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pay::ui {

// The Simulator page for trainers: pick a shipped scenario, a seed and a speed, then run, pause,
// step or reset. The run lives in its own temporary database (a SimulationSession), never the
// shop's; a GUI timer advances it in small slices (a few ms each) so the window stays live.
// Counters and a plain-words narration follow the run; a run can be exported as JSON.
class SimulatorPage : public QWidget
{
    Q_OBJECT

public:
    explicit SimulatorPage(QWidget *parent = nullptr);
    ~SimulatorPage() override;

    // Lists the *.json scenarios of dir (default: PAYDESK_SCENARIO_DIR).
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

protected:
    void changeEvent(QEvent *event) override;

private:
    bool ensureSession();
    void tick();
    void refreshView();
    void updateButtons();
    void retranslateUi();
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
           *m_invariantsCaption = nullptr, *m_narrationCaption = nullptr;
    QLabel *m_orders = nullptr;
    QLabel *m_money = nullptr;
    QLabel *m_refunds = nullptr;
    QLabel *m_invariants = nullptr;
    QListWidget *m_narration = nullptr;

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
