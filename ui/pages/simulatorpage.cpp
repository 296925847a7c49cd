#include "simulatorpage.h"

#include "displaytext.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#ifndef PAYDESK_SCENARIO_DIR
#define PAYDESK_SCENARIO_DIR ""
#endif

namespace pay::ui {

namespace {

constexpr int kTickMs = 30;        // how often the timer advances the run
constexpr qint64 kSliceBudgetMs = 12; // at most this long inside one tick
constexpr int kMaxNarration = 3000;

QString mapLine(const QMap<QString, qint64> &m, const QString &none)
{
    if (m.isEmpty())
        return none;
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

QString virtualTime(qint64 ms)
{
    return QStringLiteral("%1:%2:%3")
        .arg(ms / 3'600'000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60'000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SimulatorPage::SimulatorPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("simulatorpage"));
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_practice = new QLabel(this);
    m_practice->setWordWrap(true);

    m_scenario = new QComboBox(this);
    m_scenario->setObjectName(QStringLiteral("scenario"));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, 999'999'999);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    for (int s : {1, 10, 100, 1000, 0})
        m_speed->addItem(QString(), s);
    m_speed->setCurrentIndex(2);
    m_run = new QPushButton(this);
    m_pause = new QPushButton(this);
    m_step = new QPushButton(this);
    m_reset = new QPushButton(this);
    m_export = new QPushButton(this);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_scenario, 2);
    controls->addWidget(m_seed);
    controls->addWidget(m_speed);
    for (QPushButton *b : {m_run, m_pause, m_step, m_reset, m_export})
        controls->addWidget(b);

    m_status = new QLabel(this);
    m_orders = new QLabel(this);
    m_money = new QLabel(this);
    m_refunds = new QLabel(this);
    m_invariants = new QLabel(this);
    for (QLabel *l : {m_orders, m_money, m_refunds, m_invariants}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_ordersCaption = new QLabel(this);
    m_moneyCaption = new QLabel(this);
    m_refundsCaption = new QLabel(this);
    m_invariantsCaption = new QLabel(this);
    auto *counters = new QFormLayout;
    counters->addRow(m_ordersCaption, m_orders);
    counters->addRow(m_moneyCaption, m_money);
    counters->addRow(m_refundsCaption, m_refunds);
    counters->addRow(m_invariantsCaption, m_invariants);

    m_narrationCaption = new QLabel(this);
    m_narration = new QListWidget(this);
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setUniformItemSizes(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_practice);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(counters);
    layout->addWidget(m_narrationCaption);
    layout->addWidget(m_narration, 1);

    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &SimulatorPage::tick);
    connect(m_run, &QPushButton::clicked, this, &SimulatorPage::run);
    connect(m_pause, &QPushButton::clicked, this, &SimulatorPage::pause);
    connect(m_step, &QPushButton::clicked, this, &SimulatorPage::step);
    connect(m_reset, &QPushButton::clicked, this, &SimulatorPage::reset);
    connect(m_export, &QPushButton::clicked, this, &SimulatorPage::exportWithDialog);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, [this] {
        reset();
        if (auto s = Scenario::fromFile(m_scenario->currentData().toString()); s) {
            m_seed->setValue(int(s->seed % 1'000'000'000));
            m_practice->setText(s->practice);
        } else {
            m_practice->clear();
        }
    });

    retranslateUi();
    setScenarioDirectory(QStringLiteral(PAYDESK_SCENARIO_DIR));
}

SimulatorPage::~SimulatorPage() = default;

void SimulatorPage::setScenarioDirectory(const QString &dir)
{
    QSignalBlocker block(m_scenario);
    m_scenario->clear();
    const QDir d(dir);
    for (const QFileInfo &fi : d.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        m_scenario->addItem(fi.completeBaseName(), fi.absoluteFilePath());
    block.unblock();
    if (m_scenario->count() > 0) {
        m_scenario->setCurrentIndex(-1);
        m_scenario->setCurrentIndex(0);
    }
    updateButtons();
}

bool SimulatorPage::selectScenario(const QString &nameOrFile)
{
    int i = m_scenario->findText(nameOrFile);
    if (i < 0)
        i = m_scenario->findText(QFileInfo(nameOrFile).completeBaseName());
    if (i < 0)
        return false;
    m_scenario->setCurrentIndex(i);
    return true;
}

void SimulatorPage::setSeed(int seed)
{
    reset();
    m_seed->setValue(seed);
}

void SimulatorPage::setSpeed(int speed)
{
    const int i = m_speed->findData(speed);
    if (i >= 0)
        m_speed->setCurrentIndex(i);
}

int SimulatorPage::speed() const { return m_speed->currentData().toInt(); }

bool SimulatorPage::isFinished() const { return m_session && m_session->finished(); }

bool SimulatorPage::ensureSession()
{
    if (m_session)
        return true;
    m_error.clear();
    const QString file = m_scenario->currentData().toString();
    auto s = Scenario::fromFile(file);
    if (!s) {
        m_error = s.error().message;
        refreshView();
        return false;
    }
    m_loaded = *s;
    m_loadedFile = file;
    m_session = std::make_unique<SimulationSession>(m_loaded, quint64(m_seed->value()));
    if (auto r = m_session->start(); !r) {
        m_error = r.error().message;
        m_session.reset();
        refreshView();
        return false;
    }
    m_virtualMs = 0;
    m_narration->clear();
    return true;
}

void SimulatorPage::run()
{
    if (!ensureSession() || m_session->finished())
        return;
    if (speed() == 0) {
        step();
        return;
    }
    m_virtualMs = double(m_session->nowMs());
    m_sinceTick.start();
    m_timer.start();
    refreshView();
}

void SimulatorPage::pause()
{
    m_timer.stop();
    refreshView();
}

void SimulatorPage::step()
{
    m_timer.stop();
    if (!ensureSession())
        return;
    m_session->step();
    refreshView();
}

void SimulatorPage::reset()
{
    m_timer.stop();
    m_session.reset();
    m_report = SimulationReport{};
    m_error.clear();
    m_narration->clear();
    refreshView();
}

void SimulatorPage::tick()
{
    if (!m_session || m_session->finished()) {
        m_timer.stop();
        refreshView();
        return;
    }
    const qint64 elapsed = m_sinceTick.restart();
    m_virtualMs += double(elapsed) * speed();
    QElapsedTimer budget;
    budget.start();
    while (m_session->nextActionMs() <= qint64(m_virtualMs) && budget.elapsed() < kSliceBudgetMs) {
        if (!m_session->step()) {
            m_timer.stop();
            break;
        }
    }
    // Behind (the machine cannot keep up): do not let the debt grow without bound.
    m_virtualMs = std::min(m_virtualMs, double(m_session->nextActionMs()) + speed() * 1000.0);
    refreshView();
}

void SimulatorPage::refreshView()
{
    if (m_session) {
        m_report = m_session->report();
        const QStringList lines = m_session->takeNarration();
        if (!lines.isEmpty()) {
            m_narration->addItems(lines);
            while (m_narration->count() > kMaxNarration)
                delete m_narration->takeItem(0);
            m_narration->scrollToBottom();
        }
    }
    const SimulationReport &r = m_report;
    m_orders->setText(tr("%1 accepted; %2").arg(r.orders).arg(mapLine(r.ordersByState, tr("none yet"))));
    m_money->setText(tr("charged %1, refunded %2, kept %3")
                         .arg(DisplayText::money(Money(r.charged, Currency::cny())),
                              DisplayText::money(Money(r.refunded, Currency::cny())),
                              DisplayText::money(Money(r.kept, Currency::cny()))));
    m_refunds->setText(mapLine(r.refundsByReason, tr("none yet")));
    m_invariants->setText(tr("%1 checked over %2 steps, %3 violated").arg(r.invariantsChecked).arg(r.steps).arg(r.violations)
                          + (r.violationExamples.isEmpty() ? QString()
                                                           : QStringLiteral("\n") + r.violationExamples.join(QLatin1Char('\n'))));
    m_invariants->setStyleSheet(r.violations > 0 ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());

    QString state;
    if (!m_error.isEmpty())
        state = tr("Error: %1").arg(m_error);
    else if (!m_session)
        state = tr("Ready: pick a scenario, a seed and a speed, then Run or Step.");
    else if (m_session->finished())
        state = tr("Finished at virtual time %1 (%2 s of machine time).")
                    .arg(virtualTime(m_session->nowMs()))
                    .arg(r.machineSeconds, 0, 'f', 1);
    else if (m_timer.isActive())
        state = tr("Running at virtual time %1.").arg(virtualTime(m_session->nowMs()));
    else
        state = tr("Paused at virtual time %1.").arg(virtualTime(m_session->nowMs()));
    m_status->setText(state);
    updateButtons();
}

void SimulatorPage::updateButtons()
{
    const bool have = m_scenario->count() > 0;
    const bool finished = isFinished();
    m_run->setEnabled(have && !m_timer.isActive() && !finished);
    m_pause->setEnabled(m_timer.isActive());
    m_step->setEnabled(have && !finished);
    m_reset->setEnabled(m_session != nullptr);
    m_export->setEnabled(m_session != nullptr);
}

Result<void> SimulatorPage::exportRun(const QString &path) const
{
    QJsonObject scenario;
    if (QFile in(m_loadedFile); in.open(QIODevice::ReadOnly))
        scenario = QJsonDocument::fromJson(in.readAll()).object();
    const QJsonObject o{
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("scenarioFile"), QFileInfo(m_loadedFile).fileName()},
        {QStringLiteral("seed"), QString::number(m_report.seed)},
        {QStringLiteral("finished"), isFinished()},
        {QStringLiteral("report"), m_report.toJson()},
    };
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::unexpected(Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(path, out.errorString())});
    out.write(QJsonDocument(o).toJson());
    return {};
}

void SimulatorPage::exportWithDialog()
{
    const QString suggested = QStringLiteral("%1-seed-%2.json").arg(m_scenario->currentText()).arg(m_report.seed);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export simulation run"), suggested, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    if (auto r = exportRun(path); !r)
        QMessageBox::warning(this, tr("Export simulation run"), r.error().message);
}

void SimulatorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SimulatorPage::retranslateUi()
{
    m_title->setText(tr("Simulator"));
    m_seed->setPrefix(tr("Seed "));
    const QStringList speeds{tr("×1"), tr("×10"), tr("×100"), tr("×1000"), tr("Step by step")};
    for (int i = 0; i < speeds.size(); ++i)
        m_speed->setItemText(i, speeds.at(i));
    m_run->setText(tr("Run"));
    m_pause->setText(tr("Pause"));
    m_step->setText(tr("Step"));
    m_reset->setText(tr("Reset"));
    m_export->setText(tr("Export…"));
    m_ordersCaption->setText(tr("Orders:"));
    m_moneyCaption->setText(tr("Money:"));
    m_refundsCaption->setText(tr("Refunds by reason:"));
    m_invariantsCaption->setText(tr("Invariants:"));
    m_narrationCaption->setText(tr("What happened, in plain words:"));
    refreshView();
}

} // namespace pay::ui
