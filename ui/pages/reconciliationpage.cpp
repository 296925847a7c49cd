#include "reconciliationpage.h"

#include "ordertimeline.h"

#include "displaytext.h"
#include "engine/enginehost.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pay::ui {

namespace {

const QStringList kChannels = {QStringLiteral("coupon"), QStringLiteral("wallet"), QStringLiteral("card"),
    QStringLiteral("qr_a"), QStringLiteral("qr_b")};

enum CategoryColumn { CategoryNameColumn, CategoryCountColumn, CategoryColumnCount };
enum RunColumn {
    RunIdColumn,
    RunChannelColumn,
    RunDayColumn,
    RunFormatColumn,
    RunFileColumn,
    RunLinesColumn,
    RunMatchedColumn,
    RunBreaksColumn,
    RunQuarantinedColumn,
    RunAutoColumn,
    RunAtColumn,
    RunColumnCount
};
enum BreakColumn {
    FlowColumn,
    TxnColumn,
    LocalAmountColumn,
    StatementAmountColumn,
    LocalStatusColumn,
    StatementStatusColumn,
    LineColumn,
    StateColumn,
    DetailColumn,
    BreakColumnCount
};
// The role holding a category's raw name (the display text is translated).
constexpr int kRawRole = Qt::UserRole;

QString categoryText(const QString &name)
{
    if (name == QLatin1String("MATCHED"))
        return ReconciliationPage::tr("Matched");
    if (name == QLatin1String("MISSING_AT_CHANNEL"))
        return ReconciliationPage::tr("Missing at channel");
    if (name == QLatin1String("MISSING_LOCALLY"))
        return ReconciliationPage::tr("Missing locally");
    if (name == QLatin1String("AMOUNT_MISMATCH"))
        return ReconciliationPage::tr("Amount mismatch");
    if (name == QLatin1String("STATUS_MISMATCH"))
        return ReconciliationPage::tr("Status mismatch");
    if (name == QLatin1String("DUPLICATE_IN_STATEMENT"))
        return ReconciliationPage::tr("Duplicate in statement");
    if (name == QLatin1String("CUTOFF"))
        return ReconciliationPage::tr("Cut-off timing");
    return name;
}

// Statement amounts are CNY minor units: the simulated channels settle in CNY only.
QString amountText(bool has, qint64 minor)
{
    return has ? DisplayText::money(Money(minor, Currency::cny())) : QString();
}

QTableWidgetItem *cell(const QString &text, const QVariant &raw = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (raw.isValid())
        item->setData(kRawRole, raw);
    return item;
}

void setupTable(QTableWidget *table, int columns)
{
    table->setColumnCount(columns);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

ReconciliationPage::ReconciliationPage(QWidget *parent)
    : QWidget(parent)
    , m_channelLabel(new QLabel(this))
    , m_channel(new QComboBox(this))
    , m_formatLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_importButton(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_summaryTitle(new QLabel(this))
    , m_categories(new QTableWidget(this))
    , m_autoResolvedLabel(new QLabel(this))
    , m_quarantineTitle(new QLabel(this))
    , m_quarantine(new QListWidget(this))
    , m_runsTitle(new QLabel(this))
    , m_runs(new QTableWidget(this))
    , m_breaksTitle(new QLabel(this))
    , m_breaks(new QTableWidget(this))
    , m_orderLabel(new QLabel(this))
    , m_timeline(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("reconciliationpage"));
    m_channel->setObjectName(QStringLiteral("channel"));
    for (const QString &c : kChannels)
        m_channel->addItem(DisplayText::paymentMethod(c), c);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItems({QString(), QString(), QString(), QString()});
    m_format->setItemData(1, QStringLiteral("canonical"));
    m_format->setItemData(2, QStringLiteral("wechat"));
    m_format->setItemData(3, QStringLiteral("alipay"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryTitle->setObjectName(QStringLiteral("summaryTitle"));
    m_autoResolvedLabel->setObjectName(QStringLiteral("autoResolved"));

    m_categories->setObjectName(QStringLiteral("categories"));
    setupTable(m_categories, CategoryColumnCount);
    m_categories->setRowCount(int(categoryNames().size()));
    for (int r = 0; r < categoryNames().size(); ++r) {
        m_categories->setItem(r, CategoryNameColumn, cell(QString(), categoryNames().at(r)));
        auto *count = cell(QStringLiteral("0"), qint64(0));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_categories->setItem(r, CategoryCountColumn, count);
    }

    m_quarantine->setObjectName(QStringLiteral("quarantine"));
    m_runs->setObjectName(QStringLiteral("runs"));
    setupTable(m_runs, RunColumnCount);
    m_breaks->setObjectName(QStringLiteral("breaks"));
    setupTable(m_breaks, BreakColumnCount);
    m_orderLabel->setObjectName(QStringLiteral("orderLabel"));
    m_orderLabel->setWordWrap(true);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    OrderTimeline::setUp(m_timeline);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_channelLabel);
    controls->addWidget(m_channel);
    controls->addWidget(m_formatLabel);
    controls->addWidget(m_format);
    controls->addWidget(m_importButton);
    controls->addStretch(1);

    auto *summary = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_summaryTitle);
    summaryLayout->addWidget(m_categories);
    summaryLayout->addWidget(m_autoResolvedLabel);
    summaryLayout->addWidget(m_quarantineTitle);
    summaryLayout->addWidget(m_quarantine, 1);
    m_quarantine->setMinimumHeight(m_quarantine->fontMetrics().height() * 3);

    auto *runs = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_runsTitle);
    runsLayout->addWidget(m_runs);

    auto *breaks = new QWidget(this);
    auto *breaksLayout = new QVBoxLayout(breaks);
    breaksLayout->setContentsMargins(0, 0, 0, 0);
    breaksLayout->addWidget(m_breaksTitle);
    breaksLayout->addWidget(m_breaks);

    auto *timeline = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timeline);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_orderLabel);
    timelineLayout->addWidget(m_timeline);

    // Top: the run's summary beside its break rows; bottom: the past runs beside a row's timeline.
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(summary);
    top->addWidget(breaks);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 3);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(runs);
    bottom->addWidget(timeline);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_importButton, &QPushButton::clicked, this, &ReconciliationPage::handleImportRequested);
    connect(m_runs, &QTableWidget::itemSelectionChanged, this, &ReconciliationPage::handleRunSelected);
    connect(
        m_categories, &QTableWidget::itemSelectionChanged, this, &ReconciliationPage::handleCategorySelected);
    connect(m_breaks, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { openBreakRow(row); });

    retranslateUi();
    m_importButton->setEnabled(false);
}

ReconciliationPage::~ReconciliationPage() = default;

QStringList ReconciliationPage::categoryNames()
{
    return {QStringLiteral("MATCHED"), QStringLiteral("MISSING_AT_CHANNEL"),
        QStringLiteral("MISSING_LOCALLY"), QStringLiteral("AMOUNT_MISMATCH"),
        QStringLiteral("STATUS_MISMATCH"), QStringLiteral("DUPLICATE_IN_STATEMENT"),
        QStringLiteral("CUTOFF")};
}

Result<void> ReconciliationPage::setDatabasePath(const QString &path)
{
    auto reader = ReconReader::open(path);
    if (!reader)
        return std::unexpected(reader.error());
    m_reader = std::move(*reader);
    refresh();
    return {};
}

void ReconciliationPage::setEngineHost(EngineHost *host)
{
    m_host = host;
    m_importButton->setEnabled(m_host && !m_importing);
}

void ReconciliationPage::setChannel(const QString &channel)
{
    const int index = m_channel->findData(channel);
    if (index >= 0)
        m_channel->setCurrentIndex(index);
}

QString ReconciliationPage::channel() const
{
    return m_channel->currentData().toString();
}

void ReconciliationPage::refresh()
{
    loadRuns();
}

void ReconciliationPage::handleImportRequested()
{
    const QString fileName = QFileDialog::getOpenFileName(
        this, tr("Import statement"), QString(), tr("Statements (*.csv *.txt);;All files (*)"));
    if (!fileName.isEmpty())
        importFile(fileName);
}

void ReconciliationPage::importFile(const QString &fileName)
{
    if (!m_host) {
        showMessage(false, tr("The payment core is not running, so no statement can be imported."));
        emit importFinished(false, m_message->text());
        return;
    }
    ReconOptions options;
    options.channel = channel();
    options.actor = QStringLiteral("recon-ui");
    if (const QString format = m_format->currentData().toString(); !format.isEmpty()) {
        auto f = StatementWriter::formatFromName(format);
        if (f)
            options.format = *f;
    }
    m_importing = true;
    m_importButton->setEnabled(false);
    showMessage(true, tr("Importing %1…").arg(QFileInfo(fileName).fileName()));
    m_host->run<Result<ReconReport>>(
        [fileName, options](PaymentCore &core) {
            Reconciler reconciler(core.database(), &core.clock(), &core.engine());
            return reconciler.reconcileFile(fileName, options);
        },
        this, [this](Result<ReconReport> report) { handleImported(report); });
}

void ReconciliationPage::handleImported(const Result<ReconReport> &report)
{
    m_importing = false;
    m_importButton->setEnabled(m_host != nullptr);
    if (!report) {
        showMessage(false, tr("Statement rejected, nothing recorded: %1").arg(report.error().message));
        emit importFinished(false, m_message->text());
        return;
    }
    showMessage(true,
        tr("Run %1: %2 %3 (%4), %5 lines read, %6 quarantined, %7 resolved automatically.")
            .arg(report->runId)
            .arg(DisplayText::paymentMethod(report->channel), report->day.toString(Qt::ISODate),
                StatementWriter::formatName(report->format))
            .arg(report->lines)
            .arg(report->quarantined.size())
            .arg(report->autoResolved));
    m_runChannel = report->channel;
    m_runDay = report->day.toString(Qt::ISODate);
    QList<ReconQuarantineRow> quarantined;
    for (const QuarantinedLine &q : report->quarantined)
        quarantined.append({int(q.lineNo), q.reason});
    loadRuns();
    showSummary(report->runId, report->counts, quarantined, report->autoResolved);
    emit importFinished(true, m_message->text());
}

void ReconciliationPage::loadRuns()
{
    const QSignalBlocker blocker(m_runs);
    m_runs->clearContents();
    m_runs->setRowCount(0);
    if (!m_reader)
        return;
    auto runs = m_reader->runs();
    if (!runs) {
        showMessage(false, runs.error().message);
        return;
    }
    m_runs->setRowCount(int(runs->size()));
    for (int r = 0; r < runs->size(); ++r) {
        const ReconRunRow &run = runs->at(r);
        m_runs->setItem(r, RunIdColumn, cell(QString::number(run.id), run.id));
        m_runs->setItem(r, RunChannelColumn, cell(DisplayText::paymentMethod(run.channel)));
        m_runs->setItem(r, RunDayColumn, cell(run.statementDay));
        m_runs->setItem(r, RunFormatColumn, cell(run.format));
        m_runs->setItem(r, RunFileColumn, cell(run.fileName));
        m_runs->setItem(r, RunLinesColumn, cell(QString::number(run.lines)));
        m_runs->setItem(r, RunMatchedColumn, cell(QString::number(run.matched)));
        m_runs->setItem(r, RunBreaksColumn, cell(QString::number(run.breaks)));
        m_runs->setItem(r, RunQuarantinedColumn, cell(QString::number(run.quarantined)));
        m_runs->setItem(r, RunAutoColumn, cell(QString::number(run.autoResolved)));
        m_runs->setItem(
            r, RunAtColumn, cell(DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(run.startedAtMs))));
        if (run.id == m_runId)
            m_runs->selectRow(r);
    }
    m_runs->resizeColumnsToContents();
    // With nothing shown yet, the newest run is the natural start.
    if (m_runId == 0 && !runs->isEmpty())
        showRun(runs->first().id);
}

void ReconciliationPage::handleRunSelected()
{
    const auto rows = m_runs->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 runId = m_runs->item(rows.first().row(), RunIdColumn)->data(kRawRole).toLongLong();
    if (runId != m_runId)
        showRun(runId);
}

void ReconciliationPage::showRun(qint64 runId)
{
    if (!m_reader)
        return;
    auto runs = m_reader->runs();
    auto counts = m_reader->breakCounts(runId);
    auto quarantined = m_reader->quarantined(runId);
    if (!runs || !counts || !quarantined) {
        showMessage(false, tr("Run %1 cannot be read.").arg(runId));
        return;
    }
    QMap<QString, qint64> shown = *counts;
    qint64 autoResolved = 0;
    for (const ReconRunRow &run : std::as_const(*runs)) {
        if (run.id == runId) {
            shown.insert(QStringLiteral("MATCHED"), run.matched);
            autoResolved = run.autoResolved;
            setChannel(run.channel); // a re-import of the shown run's file needs no extra step
            m_runChannel = run.channel;
            m_runDay = run.statementDay;
        }
    }
    showSummary(runId, shown, *quarantined, autoResolved);
}

void ReconciliationPage::showSummary(qint64 runId, const QMap<QString, qint64> &counts,
    const QList<ReconQuarantineRow> &quarantined, qint64 autoResolved)
{
    m_runId = runId;
    m_counts = counts;
    m_autoResolved = autoResolved;
    {
        const QSignalBlocker blocker(m_runs);
        for (int r = 0; r < m_runs->rowCount(); ++r) {
            if (m_runs->item(r, RunIdColumn)->data(kRawRole).toLongLong() == runId)
                m_runs->selectRow(r);
        }
    }
    {
        const QSignalBlocker blocker(m_categories);
        m_categories->clearSelection();
        for (int r = 0; r < m_categories->rowCount(); ++r) {
            const QString name = m_categories->item(r, CategoryNameColumn)->data(kRawRole).toString();
            const qint64 n = counts.value(name);
            QTableWidgetItem *count = m_categories->item(r, CategoryCountColumn);
            count->setText(QString::number(n));
            count->setData(kRawRole, n);
            QFont font = count->font();
            font.setBold(n > 0 && name != QLatin1String("MATCHED"));
            count->setFont(font);
        }
    }
    m_quarantine->clear();
    for (const ReconQuarantineRow &q : quarantined)
        m_quarantine->addItem(tr("Line %1: %2").arg(q.lineNo).arg(q.reason));
    m_category.clear();
    m_breakRows.clear();
    m_breaks->setRowCount(0);
    retranslateUi();
    // Open on the first category with breaks: that is where the work is.
    for (int r = 0; r < m_categories->rowCount(); ++r) {
        const QString name = m_categories->item(r, CategoryNameColumn)->data(kRawRole).toString();
        if (name != QLatin1String("MATCHED") && counts.value(name) > 0) {
            m_categories->selectRow(r); // lists the rows through handleCategorySelected
            break;
        }
    }
}

void ReconciliationPage::handleCategorySelected()
{
    const auto rows = m_categories->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    showCategory(m_categories->item(rows.first().row(), CategoryNameColumn)->data(kRawRole).toString());
}

void ReconciliationPage::showCategory(const QString &category)
{
    m_category = category;
    m_breakRows.clear();
    if (m_reader && m_runId > 0 && category != QLatin1String("MATCHED")) {
        auto rows = m_reader->breaks(m_runId, category);
        if (!rows)
            showMessage(false, rows.error().message);
        else
            m_breakRows = *rows;
    }
    m_breaks->clearContents();
    m_breaks->setRowCount(int(m_breakRows.size()));
    for (int r = 0; r < m_breakRows.size(); ++r) {
        const ReconBreakRow &b = m_breakRows.at(r);
        m_breaks->setItem(r, FlowColumn, cell(b.flowNo));
        m_breaks->setItem(r, TxnColumn, cell(b.channelTxnNo));
        auto *local = cell(amountText(b.hasLocalAmount, b.localAmount), b.localAmount);
        local->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_breaks->setItem(r, LocalAmountColumn, local);
        auto *stated = cell(amountText(b.hasStatementAmount, b.statementAmount), b.statementAmount);
        stated->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_breaks->setItem(r, StatementAmountColumn, stated);
        m_breaks->setItem(r, LocalStatusColumn, cell(b.localStatus));
        m_breaks->setItem(r, StatementStatusColumn, cell(b.statementStatus));
        m_breaks->setItem(
            r, LineColumn, cell(b.lineNo > 0 ? QString::number(b.lineNo) : QString(), b.lineNo));
        m_breaks->setItem(r, StateColumn, cell(b.state));
        m_breaks->setItem(r, DetailColumn, cell(b.detail));
    }
    m_breaks->resizeColumnsToContents();
    retranslateUi();
}

void ReconciliationPage::openBreakRow(int row)
{
    if (row < 0 || row >= m_breakRows.size() || !m_reader)
        return;
    const ReconBreakRow &b = m_breakRows.at(row);
    m_timeline->clear();
    if (b.flowNo.isEmpty()) {
        m_orderNo.clear();
        m_orderLabel->setText(tr("Channel transaction %1 has no local flow, so there is no order to show.")
                                  .arg(b.channelTxnNo));
        return;
    }
    auto orderNo = m_reader->orderNoForFlow(b.flowNo);
    if (!orderNo || orderNo->isEmpty()) {
        m_orderNo.clear();
        m_orderLabel->setText(tr("Flow %1 belongs to no local order.").arg(b.flowNo));
        return;
    }
    loadTimeline(*orderNo);
}

void ReconciliationPage::loadTimeline(const QString &orderNo)
{
    m_orderNo = orderNo;
    if (!m_host) {
        m_orderLabel->setText(
            tr("Order %1: the payment core is not running, so its timeline cannot be read.").arg(orderNo));
        return;
    }
    m_orderLabel->setText(tr("Order %1: loading…").arg(orderNo));
    m_host->order(orderNo, this, [this, orderNo](Result<OrderView> view) {
        if (orderNo != m_orderNo)
            return; // another row was opened meanwhile
        if (!view) {
            m_orderLabel->setText(tr("Order %1: %2").arg(orderNo, view.error().message));
            return;
        }
        showTimeline(*view);
        emit timelineLoaded(orderNo);
    });
}

void ReconciliationPage::showTimeline(const OrderView &view)
{
    m_orderLabel->setText(OrderTimeline::summaryHtml(view.trade));
    OrderTimeline::fill(m_timeline, view);
}

void ReconciliationPage::showMessage(bool ok, const QString &text)
{
    m_message->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_message->setText(text);
}

void ReconciliationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReconciliationPage::retranslateUi()
{
    m_channelLabel->setText(tr("Channel:"));
    m_formatLabel->setText(tr("Format:"));
    m_format->setItemText(0, tr("Detect"));
    m_format->setItemText(1, tr("Canonical CSV"));
    m_format->setItemText(2, tr("WeChat Pay trade bill"));
    m_format->setItemText(3, tr("Alipay business detail"));
    for (int i = 0; i < m_channel->count(); ++i)
        m_channel->setItemText(i, DisplayText::paymentMethod(m_channel->itemData(i).toString()));
    m_importButton->setText(tr("Import statement…"));
    m_summaryTitle->setText(m_runId > 0 ? tr("<b>Run %1</b> · %2 · %3")
                                              .arg(m_runId)
                                              .arg(DisplayText::paymentMethod(m_runChannel), m_runDay)
                                        : tr("<b>No statement imported yet</b>"));
    for (int r = 0; r < m_categories->rowCount(); ++r) {
        QTableWidgetItem *name = m_categories->item(r, CategoryNameColumn);
        name->setText(categoryText(name->data(kRawRole).toString()));
    }
    m_categories->setHorizontalHeaderLabels({tr("Category"), tr("Count")});
    // Every category and its count visible without scrolling, whatever the language.
    QHeaderView *header = m_categories->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CategoryNameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CategoryCountColumn, QHeaderView::Fixed);
    const int countWidth = qMax(header->sectionSizeHint(CategoryCountColumn),
        m_categories->fontMetrics().horizontalAdvance(QStringLiteral("00000000")));
    header->resizeSection(CategoryCountColumn, countWidth);
    m_categories->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_categories->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int frame = 2 * m_categories->frameWidth();
    int nameWidth = header->sectionSizeHint(CategoryNameColumn);
    for (int r = 0; r < m_categories->rowCount(); ++r) {
        const QTableWidgetItem *item = m_categories->item(r, CategoryNameColumn);
        nameWidth = qMax(nameWidth, m_categories->fontMetrics().horizontalAdvance(item->text()) + 16);
    }
    m_categories->setMinimumWidth(nameWidth + countWidth + frame);
    int height = m_categories->horizontalHeader()->sizeHint().height() + frame;
    for (int r = 0; r < m_categories->rowCount(); ++r)
        height += m_categories->rowHeight(r);
    m_categories->setMinimumHeight(height);
    m_autoResolvedLabel->setText(tr("Resolved automatically: %1").arg(m_autoResolved));
    m_quarantineTitle->setText(tr("Quarantined lines: %1").arg(m_quarantine->count()));
    m_runsTitle->setText(tr("<b>Past runs</b>"));
    m_runs->setHorizontalHeaderLabels({tr("Run"), tr("Channel"), tr("Day"), tr("Format"), tr("File"),
        tr("Lines"), tr("Matched"), tr("Breaks"), tr("Quarantined"), tr("Auto-resolved"), tr("Imported at")});
    m_breaksTitle->setText(m_category.isEmpty()
            ? tr("<b>Breaks</b>: click a category to list its rows")
            : tr("<b>%1</b>: %n row(s); double-click one to see its order's timeline", nullptr,
                int(m_breakRows.size()))
                  .arg(categoryText(m_category)));
    m_breaks->setHorizontalHeaderLabels(
        {tr("Flow no."), tr("Channel txn no."), tr("Local amount"), tr("Statement amount"),
            tr("Local status"), tr("Statement status"), tr("Line"), tr("State"), tr("Detail")});
    m_timeline->setHeaderLabels(OrderTimeline::headerLabels());
    if (m_orderNo.isEmpty() && m_timeline->topLevelItemCount() == 0)
        m_orderLabel->setText(tr("Double-click a break row to see its order's timeline."));
}

} // namespace pay::ui
