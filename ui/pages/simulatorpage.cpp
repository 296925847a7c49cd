#include "simulatorpage.h"

#include "datapaths.h"

#include "displaytext.h"
#include "domain/entities.h"
#include "recon/reconbreak.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <functional>


namespace pay::ui {

namespace {

constexpr int kTickMs = 30;        // how often the timer advances the run
constexpr qint64 kSliceBudgetMs = 12; // at most this long inside one tick
constexpr int kMaxNarration = 3000;
constexpr int kNarrationBatch = 2000; // SimulationSession::takeNarration returns at most this many
constexpr int kMaxChartPoints = 400;  // per line over the whole run, however long it runs
constexpr int kBaseNameRole = Qt::UserRole + 1;
const QString kBreaksKey = QStringLiteral("BREAKS");

// "Paid 12, Closed 3": codes in words, through words(code) (empty: shown as the code).
QString mapLine(const QMap<QString, qint64> &m, const QString &none, const std::function<QString(const QString &)> &words,
                const QStringList &order = {}, const QStringList &skip = {})
{
    QStringList keys = order;
    for (auto it = m.cbegin(); it != m.cend(); ++it) {
        if (!keys.contains(it.key()))
            keys << it.key();
    }
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        if (!m.contains(key) || skip.contains(key))
            continue;
        const QString text = words(key);
        parts << SimulatorPage::tr("%1 %2", "a state, reason or category and its count").arg(text.isEmpty() ? key : text).arg(m.value(key));
    }
    return parts.isEmpty() ? none : parts.join(SimulatorPage::tr(", ", "between counts"));
}

QString stateWords(const QString &code)
{
    TradeStatus s;
    return fromString(code, s) ? DisplayText::tradeStatus(s) : QString();
}

QString reasonWords(const QString &code)
{
    RefundReason r;
    return fromString(code, r) ? DisplayText::refundReason(r) : QString();
}

QString categoryWords(const QString &code)
{
    BreakCategory c;
    return fromString(code, c) ? DisplayText::breakCategory(c) : QString();
}

QStringList stateOrder()
{
    QStringList order;
    for (TradeStatus s : kAllTradeStatuses)
        order << toString(s);
    return order;
}

QColor orderLineColor(SimulatorPage::OrderLine line)
{
    switch (line) {
    case SimulatorPage::OrderLine::Paid: return QColor(0x2e, 0x7d, 0x32);
    case SimulatorPage::OrderLine::Closed: return QColor(0x75, 0x75, 0x75);
    case SimulatorPage::OrderLine::InProgress: return QColor(0xe0, 0x8e, 0x00);
    case SimulatorPage::OrderLine::Refunded: return QColor(0x15, 0x65, 0xc0);
    }
    return Qt::black;
}

QColor refundLineColor(const QString &key)
{
    if (key == QStringLiteral("CLOSED_BUT_PAID"))
        return QColor(0xc6, 0x28, 0x28);
    if (key == QStringLiteral("DUPLICATE_PAYMENT"))
        return QColor(0x6a, 0x1b, 0x9a);
    if (key == QStringLiteral("PARTIAL_FAILURE"))
        return QColor(0xef, 0x6c, 0x00);
    if (key == QStringLiteral("CUSTOMER_REQUEST"))
        return QColor(0x00, 0x83, 0x8f);
    if (key == QStringLiteral("OPERATOR"))
        return QColor(0x5d, 0x40, 0x37);
    return QColor(0x37, 0x47, 0x4f);
}

QChartView *makeChartView(const QString &name, QValueAxis *&x, QValueAxis *&y, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%.0f"));
    y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(230);
    return view;
}

// The y axis up to a round number above max (at least 5), so a line never runs along the frame.
void setCountRange(QValueAxis *axis, qint64 max)
{
    qint64 top = 5;
    for (qint64 step : {5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10'000, 20'000, 25'000, 50'000}) {
        top = step;
        if (top > max)
            break;
    }
    while (top <= max)
        top *= 2;
    axis->setRange(0, double(top));
    axis->setTickCount(6);
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
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("scenarioDescription"));
    m_description->setWordWrap(true);
    m_practice = new QLabel(this);
    m_practice->setObjectName(QStringLiteral("scenarioPractice"));
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
    m_breaks = new QLabel(this);
    for (QLabel *l : {m_orders, m_money, m_refunds, m_breaks, m_invariants}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_ordersCaption = new QLabel(this);
    m_moneyCaption = new QLabel(this);
    m_refundsCaption = new QLabel(this);
    m_invariantsCaption = new QLabel(this);
    m_breaksCaption = new QLabel(this);
    auto *counters = new QFormLayout;
    counters->addRow(m_ordersCaption, m_orders);
    counters->addRow(m_moneyCaption, m_money);
    counters->addRow(m_refundsCaption, m_refunds);
    counters->addRow(m_breaksCaption, m_breaks);
    counters->addRow(m_invariantsCaption, m_invariants);

    // The operations queues of the run's own database, as the Operations page would count them.
    m_queueBox = new QGroupBox(this);
    m_queueBox->setObjectName(QStringLiteral("queues"));
    auto *queueGrid = new QGridLayout(m_queueBox);
    queueGrid->setColumnStretch(0, 1);
    queueGrid->setColumnStretch(3, 1);
    queueGrid->setColumnMinimumWidth(2, 16);
    m_queueCounts.fill(-1);
    for (int i = 0; i < kOpsQueueCount; ++i) {
        m_queueNames[i] = new QLabel(m_queueBox);
        m_queueValues[i] = new QLabel(m_queueBox);
        m_queueValues[i]->setObjectName(QStringLiteral("queue_") + toString(OpsQueue(i)));
        m_queueValues[i]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_queueValues[i]->setMinimumWidth(m_queueValues[i]->fontMetrics().horizontalAdvance(QStringLiteral("00000")));
        const int row = i % 3, column = i / 3 * 3;
        queueGrid->addWidget(m_queueNames[i], row, column);
        queueGrid->addWidget(m_queueValues[i], row, column + 1);
    }

    m_ordersView = makeChartView(QStringLiteral("ordersChart"), m_ordersX, m_ordersY, this);
    for (int i = 0; i < kOrderLineCount; ++i) {
        auto *series = new QLineSeries(m_ordersView->chart());
        series->setPen(QPen(orderLineColor(OrderLine(i)), 2));
        m_ordersView->chart()->addSeries(series);
        series->attachAxis(m_ordersX);
        series->attachAxis(m_ordersY);
        m_orderSeries[i] = series;
    }
    m_refundsView = makeChartView(QStringLiteral("refundsChart"), m_refundsX, m_refundsY, this);
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_ordersView, 1);
    charts->addWidget(m_refundsView, 1);

    auto *figures = new QHBoxLayout;
    figures->addLayout(counters, 3);
    figures->addWidget(m_queueBox, 2, Qt::AlignTop);

    m_narrationCaption = new QLabel(this);
    m_narration = new QListWidget(this);
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setUniformItemSizes(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_practice);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(figures);
    layout->addLayout(charts, 3);
    layout->addWidget(m_narrationCaption);
    layout->addWidget(m_narration, 2);

    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &SimulatorPage::tick);
    connect(m_run, &QPushButton::clicked, this, &SimulatorPage::run);
    connect(m_pause, &QPushButton::clicked, this, &SimulatorPage::pause);
    connect(m_step, &QPushButton::clicked, this, &SimulatorPage::step);
    connect(m_reset, &QPushButton::clicked, this, &SimulatorPage::reset);
    connect(m_export, &QPushButton::clicked, this, &SimulatorPage::exportWithDialog);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, [this](int index) {
        reset();
        if (index >= 0 && index < m_scenarios.size())
            m_seed->setValue(int(m_scenarios.at(index).seed % 1'000'000'000));
        showScenarioText();
    });

    retranslateUi();
    setScenarioDirectory(dataDirectory(QStringLiteral("scenarios")));
}

SimulatorPage::~SimulatorPage()
{
    m_timer.stop();
    m_queueReader.reset(); // before the session removes its database
    m_session.reset();
}

void SimulatorPage::setScenarioDirectory(const QString &dir)
{
    QSignalBlocker block(m_scenario);
    m_scenario->clear();
    m_scenarios.clear();
    const QDir d(dir);
    for (const QFileInfo &fi : d.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        Scenario s;
        if (auto parsed = Scenario::fromFile(fi.absoluteFilePath()); parsed)
            s = *parsed;
        if (s.name.isEmpty())
            s.name = fi.completeBaseName();
        m_scenarios << s;
        m_scenario->addItem(s.localizedName(QLocale()), fi.absoluteFilePath());
        m_scenario->setItemData(m_scenario->count() - 1, fi.completeBaseName(), kBaseNameRole);
        m_scenario->setItemData(m_scenario->count() - 1, s.localizedDescription(QLocale()), Qt::ToolTipRole);
    }
    block.unblock();
    if (m_scenario->count() > 0) {
        m_scenario->setCurrentIndex(-1);
        m_scenario->setCurrentIndex(0);
    }
    updateButtons();
}

bool SimulatorPage::selectScenario(const QString &nameOrFile)
{
    const QString base = QFileInfo(nameOrFile).completeBaseName();
    for (int i = 0; i < m_scenario->count(); ++i) {
        const Scenario &s = m_scenarios.at(i);
        const QString file = m_scenario->itemData(i, kBaseNameRole).toString();
        if (file == nameOrFile || file == base || s.name == nameOrFile || s.nameZh == nameOrFile
            || m_scenario->itemText(i) == nameOrFile) {
            m_scenario->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void SimulatorPage::showScenarioText()
{
    const int i = m_scenario->currentIndex();
    if (i < 0 || i >= m_scenarios.size()) {
        m_description->clear();
        m_practice->clear();
        return;
    }
    const Scenario &s = m_scenarios.at(i);
    m_description->setText(s.localizedDescription(QLocale()));
    m_practice->setText(s.localizedPractice(QLocale()));
}

void SimulatorPage::retranslateScenarios()
{
    for (int i = 0; i < m_scenario->count() && i < m_scenarios.size(); ++i) {
        m_scenario->setItemText(i, m_scenarios.at(i).localizedName(QLocale()));
        m_scenario->setItemData(i, m_scenarios.at(i).localizedDescription(QLocale()), Qt::ToolTipRole);
    }
    showScenarioText();
}

qint64 SimulatorPage::ordersIn(OrderLine line, const QMap<QString, qint64> &byState)
{
    auto n = [&](TradeStatus s) { return byState.value(toString(s)); };
    switch (line) {
    case OrderLine::Paid: return n(TradeStatus::Paid);
    case OrderLine::Closed: return n(TradeStatus::Closed);
    case OrderLine::InProgress: return n(TradeStatus::Created) + n(TradeStatus::Paying) + n(TradeStatus::Closing);
    case OrderLine::Refunded: return n(TradeStatus::Refunded) + n(TradeStatus::PartiallyRefunded);
    }
    return 0;
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
    clearCharts();
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
    m_queueReader.reset(); // before the session removes its database
    m_queueError.clear();
    m_session.reset();
    m_report = SimulationReport{};
    m_error.clear();
    m_narration->clear();
    clearCharts();
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
    // Redrawing (report, queues, charts) costs more than a slice: a few times a second is enough.
    if (!m_timer.isActive() || !m_sinceRedraw.isValid() || m_sinceRedraw.elapsed() >= kRedrawIntervalMs)
        refreshView();
}

void SimulatorPage::refreshView()
{
    ++m_redraws;
    m_sinceRedraw.start();
    if (m_session) {
        m_report = m_session->report();
        bool added = false;
        for (QStringList lines = m_session->takeNarration(); !lines.isEmpty(); lines = m_session->takeNarration()) {
            m_narration->addItems(lines);
            added = true;
            while (m_narration->count() > kMaxNarration)
                delete m_narration->takeItem(0);
            if (lines.size() < kNarrationBatch)
                break;
        }
        if (added)
            m_narration->scrollToBottom();
    }
    readQueues(); // no run: no counts
    if (m_session)
        recordSample();
    const SimulationReport &r = m_report;
    m_orders->setText(tr("%1 accepted; %2").arg(r.orders).arg(mapLine(r.ordersByState, tr("none yet"), stateWords, stateOrder())));
    m_money->setText(tr("charged %1, refunded %2, kept %3")
                         .arg(DisplayText::money(Money(r.charged, Currency::cny())),
                              DisplayText::money(Money(r.refunded, Currency::cny())),
                              DisplayText::money(Money(r.kept, Currency::cny()))));
    m_refunds->setText(mapLine(r.refundsByReason, tr("none yet"), reasonWords));
    const QString breaks = mapLine(r.breaksByCategory, tr("none yet"), categoryWords, {}, {toString(BreakCategory::Matched)});
    m_breaks->setText(r.reconAutoResolved > 0 ? tr("%1; %2 settled from the statement").arg(breaks).arg(r.reconAutoResolved) : breaks);
    for (int i = 0; i < kOpsQueueCount; ++i) {
        const qint64 n = m_queueCounts.at(i);
        m_queueValues[i]->setText(n < 0 ? QStringLiteral("–") : QLocale().toString(n));
        m_queueValues[i]->setStyleSheet(n > 0 ? QStringLiteral("font-weight: bold; color: #b45309;") : QString());
        m_queueValues[i]->setToolTip(n < 0 ? m_queueError : QString());
    }
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

void SimulatorPage::readQueues()
{
    m_queueCounts.fill(-1);
    if (!m_session)
        return;
    if (!m_queueReader) {
        auto reader = OpsQueueReader::open(m_session->databasePath());
        if (!reader) {
            m_queueError = reader.error().message;
            return;
        }
        m_queueReader = std::move(*reader);
    }
    OpsQueueFilter filter;
    filter.includeSettled = true; // a lesson counts every case the run produced, refunded or not
    filter.nowMs = m_session->startEpochMs() + m_session->nowMs(); // the run's virtual clock
    for (int i = 0; i < kOpsQueueCount; ++i) {
        auto n = m_queueReader->count(OpsQueue(i), filter);
        if (n) {
            m_queueCounts[i] = *n;
        } else {
            m_queueError = n.error().message;
        }
    }
}

QLineSeries *SimulatorPage::ensureRefundSeries(const QString &key)
{
    if (QLineSeries *s = m_refundSeries.value(key))
        return s;
    QChart *chart = m_refundsView->chart();
    auto *series = new QLineSeries(chart);
    QPen pen(refundLineColor(key), 2);
    if (key == kBreaksKey)
        pen.setStyle(Qt::DashLine);
    series->setPen(pen);
    RefundReason reason;
    series->setName(key == kBreaksKey ? DisplayText::opsQueue(OpsQueue::Breaks)
                    : fromString(key, reason) ? DisplayText::refundReason(reason) : key);
    // From zero until now: the line starts where the run did.
    series->append(0, 0);
    if (m_lastSampleMin > 0)
        series->append(m_lastSampleMin, 0);
    chart->addSeries(series);
    series->attachAxis(m_refundsX);
    series->attachAxis(m_refundsY);
    m_refundSeries.insert(key, series);
    return series;
}

// One sample of the report at the run's virtual time. A sample closer than span/kMaxChartPoints
// to the point before the last one moves the last point instead of adding one, so a line keeps
// at most about 2 * kMaxChartPoints points whether the run goes step by step or at x1000.
void SimulatorPage::recordSample()
{
    const double x = double(m_session->nowMs()) / 60'000.0;
    const double span = std::max(1.0, double(m_loaded.durationMs + m_loaded.drainMs) / 60'000.0);
    const double minGap = span / kMaxChartPoints;
    auto put = [&](QLineSeries *s, qint64 y) {
        const int n = s->count();
        if ((n >= 2 && x - s->at(n - 2).x() < minGap) || (n == 1 && s->at(0).x() >= x))
            s->replace(n - 1, QPointF(x, double(y)));
        else
            s->append(x, double(y));
    };
    for (int i = 0; i < kOrderLineCount; ++i) {
        const qint64 y = ordersIn(OrderLine(i), m_report.ordersByState);
        put(m_orderSeries[i], y);
        m_chartMax = std::max(m_chartMax, y);
    }
    for (auto it = m_report.refundsByReason.cbegin(); it != m_report.refundsByReason.cend(); ++it)
        ensureRefundSeries(it.key());
    const qint64 breaks = m_queueCounts.at(int(OpsQueue::Breaks));
    if (breaks > 0)
        ensureRefundSeries(kBreaksKey);
    for (auto it = m_refundSeries.cbegin(); it != m_refundSeries.cend(); ++it) {
        const qint64 y = it.key() == kBreaksKey ? std::max<qint64>(breaks, 0) : m_report.refundsByReason.value(it.key());
        put(it.value(), y);
        m_refundMax = std::max(m_refundMax, y);
    }
    m_lastSampleMin = x;
    setCountRange(m_ordersY, m_chartMax);
    setCountRange(m_refundsY, m_refundMax);
}

void SimulatorPage::clearCharts()
{
    for (QLineSeries *s : m_orderSeries)
        s->clear();
    for (QLineSeries *s : std::as_const(m_refundSeries)) {
        m_refundsView->chart()->removeSeries(s);
        delete s;
    }
    m_refundSeries.clear();
    m_lastSampleMin = -1;
    m_chartMax = 0;
    m_refundMax = 0;
    const int i = m_scenario->currentIndex();
    const Scenario *s = m_session ? &m_loaded : (i >= 0 && i < m_scenarios.size() ? &m_scenarios.at(i) : nullptr);
    const double span = s ? std::ceil(double(s->durationMs + s->drainMs) / 60'000.0) : 60.0;
    for (QValueAxis *x : {m_ordersX, m_refundsX}) {
        x->setRange(0, span);
        x->setTickCount(7);
    }
    setCountRange(m_ordersY, 0);
    setCountRange(m_refundsY, 0);
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
    const QString suggested = QStringLiteral("%1-seed-%2.json").arg(m_scenario->currentData(kBaseNameRole).toString()).arg(m_report.seed);
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
    m_breaksCaption->setText(tr("Breaks by category:"));
    m_narrationCaption->setText(tr("What happened, in plain words:"));
    m_queueBox->setTitle(tr("Operations queues in this run"));
    for (int i = 0; i < kOpsQueueCount; ++i)
        m_queueNames[i]->setText(DisplayText::opsQueue(OpsQueue(i)));

    m_ordersView->chart()->setTitle(tr("Orders by state"));
    m_refundsView->chart()->setTitle(tr("Refunds by reason, open breaks"));
    for (QValueAxis *x : {m_ordersX, m_refundsX})
        x->setTitleText(tr("Virtual time (minutes)"));
    m_orderSeries[int(OrderLine::Paid)]->setName(DisplayText::tradeStatus(TradeStatus::Paid));
    m_orderSeries[int(OrderLine::Closed)]->setName(DisplayText::tradeStatus(TradeStatus::Closed));
    m_orderSeries[int(OrderLine::InProgress)]->setName(tr("In progress or unknown"));
    m_orderSeries[int(OrderLine::Refunded)]->setName(tr("Refunded in full or part"));
    for (auto it = m_refundSeries.cbegin(); it != m_refundSeries.cend(); ++it) {
        RefundReason reason;
        it.value()->setName(it.key() == kBreaksKey ? DisplayText::opsQueue(OpsQueue::Breaks)
                            : fromString(it.key(), reason) ? DisplayText::refundReason(reason) : it.key());
    }
    retranslateScenarios();
    refreshView();
}

} // namespace pay::ui
