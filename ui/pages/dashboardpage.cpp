#include "dashboardpage.h"

#include "dashboardloader.h"
#include "displaytext.h"
#include "store/dashboardreader.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace pay::ui {

namespace {

QChartView *makeView(const QString &name, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(300, 220); // three across still fit a 1280-pixel screen beside the navigation
    return view;
}

// A fresh chart for view (the old one, with its series and axes, is deleted by setChart).
QChart *resetChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

QValueAxis *countAxis(qint64 max)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max<qint64>(1, max + max / 5 + 1));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickInterval(std::max<qint64>(1, (max + 4) / 5));
    return axis;
}

QString hourLabel(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
}

} // namespace

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
    , m_loader(new DashboardLoader(this))
    , m_data(std::make_unique<DashboardData>())
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(this))
    , m_channelView(makeView(QStringLiteral("channelChart"), this))
    , m_successView(makeView(QStringLiteral("successRateChart"), this))
    , m_latencyView(makeView(QStringLiteral("latencyChart"), this))
    , m_stuckView(makeView(QStringLiteral("stuckChart"), this))
    , m_breaksView(makeView(QStringLiteral("breaksChart"), this))
{
    setObjectName(QStringLiteral("dashboardpage"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_status);
    top->addWidget(m_refresh);

    auto *grid = new QGridLayout;
    grid->addWidget(m_channelView, 0, 0);
    grid->addWidget(m_successView, 0, 1, 1, 2);
    grid->addWidget(m_latencyView, 1, 0);
    grid->addWidget(m_stuckView, 1, 1);
    grid->addWidget(m_breaksView, 1, 2);
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_loader, &DashboardLoader::loaded, this, &DashboardPage::handleLoaded);
    connect(m_loader, &DashboardLoader::failed, this, &DashboardPage::handleLoadFailed);
    retranslateUi();
    rebuildCharts();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::setDatabasePath(const QString &path)
{
    m_path = path;
    if (isVisible())
        refresh();
}

bool DashboardPage::isLoading() const
{
    return m_loader->isLoading();
}

void DashboardPage::refresh()
{
    m_loader->load(m_path);
    m_status->setText(tr("Loading…"));
    m_refresh->setEnabled(false);
}

void DashboardPage::handleLoaded(const DashboardData &loaded)
{
    *m_data = loaded;
    m_status->setText(m_path.isEmpty()
            ? tr("No database open")
            : tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_refresh->setEnabled(true);
    rebuildCharts();
    emit refreshed();
}

void DashboardPage::handleLoadFailed(const QString &message)
{
    // The charts keep the last figures read; the status says why they are not new.
    m_status->setText(tr("Could not read the dashboard: %1").arg(message));
    m_refresh->setEnabled(true);
    emit refreshed();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuildCharts();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    m_title->setText(tr("Dashboard"));
    m_refresh->setText(tr("&Refresh"));
}

void DashboardPage::rebuildCharts()
{
    buildChannelChart();
    buildSuccessRateChart();
    buildLatencyChart();
    buildStuckChart();
    buildBreaksChart();
}

void DashboardPage::buildChannelChart()
{
    QChart *chart = resetChart(m_channelView, tr("Succeeded payments by channel"));
    // Horizontal bars leave the channel names and takings room to be read in full.
    auto *series = new QHorizontalBarSeries;
    auto *count = new QBarSet(tr("Payments"));
    QStringList categories;
    qint64 max = 0;
    for (const ChannelTotal &c : std::as_const(m_data->channels)) {
        const auto currency = Currency::fromCode(c.currency);
        const QString amount = DisplayText::money(Money(c.succeededMinor, currency ? *currency : Currency()));
        categories << tr("%1 · %2").arg(DisplayText::paymentMethod(c.channel), amount);
        count->append(qreal(c.succeededCount));
        max = std::max(max, c.succeededCount);
    }
    series->append(count);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
    connect(series, &QHorizontalBarSeries::clicked, this, [this](int index, QBarSet *) {
        if (index >= 0 && index < m_data->channels.size())
            emit channelOrdersRequested(m_data->channels.at(index).channel);
    });
}

void DashboardPage::buildSuccessRateChart()
{
    QChart *chart = resetChart(m_successView, tr("Success rate per channel (%)"));
    QMap<QString, QLineSeries *> byChannel;
    qint64 minMs = 0;
    qint64 maxMs = 0;
    for (const ChannelOutcomeBucket &b : std::as_const(m_data->outcomes)) {
        QLineSeries *&series = byChannel[b.channel];
        if (!series) {
            series = new QLineSeries;
            series->setName(DisplayText::paymentMethod(b.channel));
            series->setPointsVisible(true);
        }
        // Rounded to a whole percent, half up, for display only.
        const qint64 total = b.succeeded + b.failed;
        series->append(qreal(b.bucketStartMs), qreal((b.succeeded * 100 + total / 2) / total));
        minMs = minMs == 0 ? b.bucketStartMs : std::min(minMs, b.bucketStartMs);
        maxMs = std::max(maxMs, b.bucketStartMs);
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    if (minMs == maxMs)
        maxMs = minMs + DashboardReader::kDefaultBucketMs;
    x->setRange(QDateTime::fromMSecsSinceEpoch(minMs), QDateTime::fromMSecsSinceEpoch(maxMs));
    x->setTickCount(std::clamp<int>(int((maxMs - minMs) / DashboardReader::kDefaultBucketMs) + 1, 2, 7));
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setRange(0, 105);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickInterval(25);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    // Channels often share a rate (100 % in a quiet hour); earlier lines are drawn wider so the
    // ones painted over them still show at the edges.
    int remaining = int(byChannel.size());
    for (QLineSeries *series : std::as_const(byChannel)) {
        chart->addSeries(series); // the theme's colour is set on add; widen its pen afterwards
        QPen pen = series->pen();
        pen.setWidthF(2.0 + --remaining);
        series->setPen(pen);
        series->setMarkerSize(7); // not scaled with the pen
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void DashboardPage::buildLatencyChart()
{
    QChart *chart = resetChart(m_latencyView, tr("Settle time of succeeded payments"));
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(tr("Payments"));
    qint64 max = 0;
    // A horizontal axis lists its first category at the bottom: slowest first puts the fastest on top.
    for (int i = kLatencyBucketCount - 1; i >= 0; --i) {
        set->append(qreal(m_data->latency[i]));
        max = std::max(max, m_data->latency[i]);
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    // Axis labels are rich text, so the bounds are words rather than "<" and ">".
    y->append({tr("over 5 min"), tr("30 s – 5 min"), tr("5 – 30 s"), tr("1 – 5 s"), tr("under 1 s")});
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
}

void DashboardPage::buildStuckChart()
{
    QChart *chart = resetChart(m_stuckView, tr("Stuck payments by hour started"));
    auto *series = new QBarSeries;
    auto *set = new QBarSet(tr("Flows"));
    QStringList categories;
    qint64 max = 0;
    for (const StuckBucket &b : std::as_const(m_data->stuck)) {
        categories << hourLabel(b.bucketStartMs);
        set->append(qreal(b.count));
        max = std::max(max, b.count);
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    connect(series, &QBarSeries::clicked, this,
        [this](int, QBarSet *) { emit operationsQueueRequested(OpsQueue::Stuck, QString()); });
}

void DashboardPage::buildBreaksChart()
{
    QChart *chart = resetChart(m_breaksView, tr("Open reconciliation breaks by category"));
    auto *series = new QPieSeries;
    for (const BreakCategoryCount &b : std::as_const(m_data->breaks)) {
        QPieSlice *slice = series->append(tr("%1 (%2)").arg(b.category).arg(b.count), qreal(b.count));
        slice->setLabelVisible(false);
    }
    series->setPieSize(0.75);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    if (m_data->breaks.isEmpty())
        chart->setTitle(tr("Open reconciliation breaks by category: none"));
    connect(series, &QPieSeries::clicked, this,
        [this](QPieSlice *) { emit operationsQueueRequested(OpsQueue::Breaks, QString()); });
}

} // namespace pay::ui
