#include "reconciliationpage.h"

#include "ordertimeline.h"

#include "displaytext.h"
#include "engine/enginehost.h"
#include "reconbreaksmodel.h"
#include "reconcategoriesmodel.h"
#include "reconrunsmodel.h"

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
#include <QScopedValueRollback>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <limits>

namespace pay::ui {

namespace {

const QStringList kChannels = {QStringLiteral("coupon"), QStringLiteral("wallet"), QStringLiteral("card"),
    QStringLiteral("qr_a"), QStringLiteral("qr_b")};

void setupView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

ReconciliationPage::ReconciliationPage(QWidget *parent)
    : QWidget(parent)
    , m_categoryModel(new ReconCategoriesModel(this))
    , m_runsModel(new ReconRunsModel(this))
    , m_breaksModel(new ReconBreaksModel(this))
    , m_channelLabel(new QLabel(this))
    , m_channel(new QComboBox(this))
    , m_formatLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_importButton(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_summaryTitle(new QLabel(this))
    , m_categories(new QTableView(this))
    , m_autoResolvedLabel(new QLabel(this))
    , m_quarantineTitle(new QLabel(this))
    , m_quarantine(new QListWidget(this))
    , m_runsTitle(new QLabel(this))
    , m_runs(new QTableView(this))
    , m_breaksTitle(new QLabel(this))
    , m_breaks(new QTableView(this))
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
    setupView(m_categories);
    m_categories->setModel(m_categoryModel);
    m_quarantine->setObjectName(QStringLiteral("quarantine"));
    m_runsTitle->setObjectName(QStringLiteral("runsTitle"));
    m_runs->setObjectName(QStringLiteral("runs"));
    setupView(m_runs);
    m_runs->setModel(m_runsModel);
    m_breaksTitle->setObjectName(QStringLiteral("breaksTitle"));
    m_breaks->setObjectName(QStringLiteral("breaks"));
    setupView(m_breaks);
    m_breaks->setModel(m_breaksModel);
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
    connect(m_runs->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ReconciliationPage::handleRunSelected);
    connect(m_categories->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ReconciliationPage::handleCategorySelected);
    // A double-click, or Enter on the current row (whatever the style's activation).
    connect(m_breaks, &QTableView::activated, this, [this](const QModelIndex &index) { openBreakRow(index.row()); });
    const auto readFailed = [this](const QString &message) { showMessage(false, message); };
    connect(m_runsModel, &ReconRunsModel::readFailed, this, readFailed);
    connect(m_breaksModel, &ReconBreaksModel::readFailed, this, readFailed);

    retranslateUi();
    m_importButton->setEnabled(false);
}

ReconciliationPage::~ReconciliationPage() = default;

QStringList ReconciliationPage::categoryNames()
{
    return ReconCategoriesModel::categoryNames();
}

Result<void> ReconciliationPage::setDatabasePath(const QString &path)
{
    auto reader = ReconReader::open(path);
    if (!reader)
        return std::unexpected(reader.error());
    // The models let go of the old reader before it closes.
    std::unique_ptr<ReconReader> previous = std::move(m_reader);
    m_reader = std::move(*reader);
    m_runId = 0; // a run id of another database means nothing here
    m_category.clear();
    m_counts.clear();
    m_categoryModel->setCounts({});
    m_breaksModel->setRun(0, QString());
    m_breaksModel->setReader(m_reader.get());
    m_runsModel->setReader(m_reader.get());
    previous.reset();
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
    {
        const QScopedValueRollback selecting(m_selecting, true);
        m_runsModel->reload();
    }
    if (m_runId > 0)
        selectRunRow(m_runId);
    m_runs->resizeColumnsToContents();
    // With nothing shown yet, the newest run is the natural start.
    if (m_runId == 0 && m_runsModel->rowCount() > 0)
        showRun(m_runsModel->run(0).id);
}

void ReconciliationPage::selectRunRow(qint64 runId)
{
    const QScopedValueRollback selecting(m_selecting, true);
    int row = m_runsModel->rowOf(runId);
    // Newest first: while the last row read is newer than runId, runId is on a later page.
    while (row < 0 && m_runsModel->rowCount() > 0 && m_runsModel->run(m_runsModel->rowCount() - 1).id > runId
        && m_runsModel->canFetchMore({})) {
        m_runsModel->fetchMore({});
        row = m_runsModel->rowOf(runId);
    }
    if (row < 0) {
        m_runs->clearSelection();
        return;
    }
    m_runs->selectRow(row);
    m_runs->scrollTo(m_runsModel->index(row, 0));
}

void ReconciliationPage::handleRunSelected()
{
    if (m_selecting)
        return;
    const auto rows = m_runs->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 runId = m_runsModel->run(rows.first().row()).id;
    if (runId != m_runId)
        showRun(runId);
}

void ReconciliationPage::showRun(qint64 runId)
{
    if (!m_reader)
        return;
    auto run = m_reader->run(runId);
    auto counts = m_reader->breakCounts(runId);
    auto quarantined = m_reader->quarantined(runId);
    if (!run || !*run || !counts || !quarantined) {
        showMessage(false, tr("Run %1 cannot be read.").arg(runId));
        return;
    }
    const ReconRunRow &r = **run;
    QMap<QString, qint64> shown = *counts;
    shown.insert(QStringLiteral("MATCHED"), r.matched);
    setChannel(r.channel); // a re-import of the shown run's file needs no extra step
    m_runChannel = r.channel;
    m_runDay = r.statementDay;
    showSummary(runId, shown, *quarantined, r.autoResolved);
}

void ReconciliationPage::showSummary(qint64 runId, const QMap<QString, qint64> &counts,
    const QList<ReconQuarantineRow> &quarantined, qint64 autoResolved)
{
    m_runId = runId;
    m_counts = counts;
    m_autoResolved = autoResolved;
    selectRunRow(runId);
    m_categoryModel->setCounts(counts);
    m_quarantine->clear();
    for (const ReconQuarantineRow &q : quarantined)
        m_quarantine->addItem(tr("Line %1: %2").arg(q.lineNo).arg(q.reason));
    // Open on the first category with breaks: that is where the work is.
    QString first;
    for (const QString &name : categoryNames()) {
        if (name != QLatin1String("MATCHED") && counts.value(name) > 0) {
            first = name;
            break;
        }
    }
    selectCategoryRow(first);
    showCategory(first);
}

void ReconciliationPage::selectCategoryRow(const QString &category)
{
    const QScopedValueRollback selecting(m_selecting, true);
    const int row = m_categoryModel->rowOf(category);
    if (row < 0)
        m_categories->clearSelection();
    else
        m_categories->selectRow(row);
}

void ReconciliationPage::handleCategorySelected()
{
    if (m_selecting)
        return;
    const auto rows = m_categories->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    showCategory(m_categoryModel->category(rows.first().row()));
}

void ReconciliationPage::showCategory(const QString &category)
{
    m_category = category;
    // Matched lines are counted, never stored as breaks.
    const bool listed = m_runId > 0 && !category.isEmpty() && category != QLatin1String("MATCHED");
    m_breaksModel->setRun(listed ? m_runId : 0, category);
    m_breaks->resizeColumnsToContents();
    retranslateUi();
}

void ReconciliationPage::openBreakRow(int row)
{
    if (row < 0 || row >= m_breaksModel->rowCount() || !m_reader)
        return;
    const ReconBreakRow &b = m_breaksModel->breakRow(row);
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
    m_categoryModel->retranslate();
    m_runsModel->retranslate();
    m_breaksModel->retranslate();
    // Every category and its count visible without scrolling, whatever the language.
    QHeaderView *header = m_categories->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ReconCategoriesModel::Category, QHeaderView::Stretch);
    header->setSectionResizeMode(ReconCategoriesModel::Count, QHeaderView::Fixed);
    const int countWidth = qMax(header->sectionSizeHint(ReconCategoriesModel::Count),
        m_categories->fontMetrics().horizontalAdvance(QStringLiteral("00000000")));
    header->resizeSection(ReconCategoriesModel::Count, countWidth);
    m_categories->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_categories->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int frame = 2 * m_categories->frameWidth();
    int nameWidth = header->sectionSizeHint(ReconCategoriesModel::Category);
    for (int r = 0; r < m_categoryModel->rowCount(); ++r) {
        const QString text = m_categoryModel->index(r, ReconCategoriesModel::Category).data().toString();
        nameWidth = qMax(nameWidth, m_categories->fontMetrics().horizontalAdvance(text) + 16);
    }
    m_categories->setMinimumWidth(nameWidth + countWidth + frame);
    int height = header->sizeHint().height() + frame;
    for (int r = 0; r < m_categoryModel->rowCount(); ++r)
        height += m_categories->rowHeight(r);
    m_categories->setMinimumHeight(height);
    m_autoResolvedLabel->setText(tr("Resolved automatically: %1").arg(m_autoResolved));
    m_quarantineTitle->setText(tr("Quarantined lines: %1").arg(m_quarantine->count()));
    m_runsTitle->setText(tr("<b>Past runs</b>"));
    // The count is the category's total; the view reads its rows as it scrolls.
    m_breaksTitle->setText(m_category.isEmpty()
            ? tr("<b>Breaks</b>: click a category to list its rows")
            : tr("<b>%1</b>: %n row(s); double-click one to see its order's timeline", nullptr,
                int(qMin<qint64>(m_counts.value(m_category), std::numeric_limits<int>::max())))
                  .arg(ReconCategoriesModel::categoryText(m_category)));
    m_timeline->setHeaderLabels(OrderTimeline::headerLabels());
    if (m_orderNo.isEmpty() && m_timeline->topLevelItemCount() == 0)
        m_orderLabel->setText(tr("Double-click a break row to see its order's timeline."));
}

} // namespace pay::ui
