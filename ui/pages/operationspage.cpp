#include "operationspage.h"

#include "ordertimeline.h"

#include "displaytext.h"
#include "engine/enginehost.h"
#include "engine/operations.h"
#include "engine/staff.h"
#include "opsactiondialog.h"
#include "moneyinput.h"
#include "store/orderlistreader.h"
#include "opsqueuemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace pay::ui {

namespace {

// A payment waiting this long for its result (or a QR scan) belongs in the stuck queue.
constexpr qint64 kStuckAfterMs = 5 * 60 * 1000;

QString queueTitle(OpsQueue queue)
{
    switch (queue) {
    case OpsQueue::Stuck: return OperationsPage::tr("Stuck payments");
    case OpsQueue::ClosedButPaid: return OperationsPage::tr("Closed but paid");
    case OpsQueue::Duplicate: return OperationsPage::tr("Duplicate payments");
    case OpsQueue::FailedRefunds: return OperationsPage::tr("Failed refunds");
    case OpsQueue::Frozen: return OperationsPage::tr("Frozen orders");
    case OpsQueue::Breaks: return OperationsPage::tr("Reconciliation breaks");
    }
    return {};
}


} // namespace

OperationsPage::OperationsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new OpsQueueModel(this))
    , m_operatorLabel(new QLabel(this))
    , m_operator(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_channelLabel(new QLabel(this))
    , m_channelFilter(new QComboBox(this))
    , m_ageLabel(new QLabel(this))
    , m_ageFilter(new QComboBox(this))
    , m_amountLabel(new QLabel(this))
    , m_minAmount(new QLineEdit(this))
    , m_amountToLabel(new QLabel(this))
    , m_maxAmount(new QLineEdit(this))
    , m_includeSettled(new QCheckBox(this))
    , m_refreshButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_queues(new QListWidget(this))
    , m_table(new QTableView(this))
    , m_orderLabel(new QLabel(this))
    , m_timeline(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_queryButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
    , m_refundButton(new QPushButton(this))
    , m_retryButton(new QPushButton(this))
    , m_abandonButton(new QPushButton(this))
    , m_releaseButton(new QPushButton(this))
    , m_resolveButton(new QPushButton(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("operationspage"));
    m_operator->setObjectName(QStringLiteral("operatorCombo"));
    for (const StaffMember &m : Staff::members()) {
        if (m.role == StaffRole::Operations || m.role == StaffRole::Manager)
            m_operator->addItem(QStringLiteral("%1 (%2)").arg(m.userId, m.displayName), m.userId);
    }
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_channelFilter->setObjectName(QStringLiteral("channelFilter"));
    m_channelFilter->addItem(QString(), QString());
    for (const QString &channel : paymentChannels())
        m_channelFilter->addItem(QString(), channel);
    m_channelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_channelLabel->setBuddy(m_channelFilter);
    m_ageFilter->setObjectName(QStringLiteral("ageFilter"));
    for (qint64 minutes : {0, 5, 60, 24 * 60, 7 * 24 * 60})
        m_ageFilter->addItem(QString(), minutes * 60'000);
    m_ageFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ageLabel->setBuddy(m_ageFilter);
    m_minAmount->setObjectName(QStringLiteral("minAmount"));
    m_maxAmount->setObjectName(QStringLiteral("maxAmount"));
    for (QLineEdit *edit : {m_minAmount, m_maxAmount}) {
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(110);
    }
    m_amountLabel->setBuddy(m_minAmount);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_queues->setObjectName(QStringLiteral("queueList"));
    for (int i = 0; i < kOpsQueueCount; ++i)
        new QListWidgetItem(m_queues);
    m_queues->setMinimumWidth(195);
    m_queues->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queues->setStyleSheet(QStringLiteral("QListWidget#queueList::item { padding: 6px 4px; }"));

    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OpsQueueModel::CreatedAt, Qt::DescendingOrder);
    // A click on a column the reader cannot order by puts the indicator back where it was.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (OpsQueueModel::isSortable(column)) {
                    m_sortColumn = column;
                    m_sortOrder = order;
                } else {
                    m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
                }
            });

    m_orderLabel->setObjectName(QStringLiteral("orderLabel"));
    m_orderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_orderLabel->setWordWrap(true);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    OrderTimeline::setUp(m_timeline);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_queryButton->setObjectName(QStringLiteral("queryButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_refundButton->setObjectName(QStringLiteral("refundButton"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_abandonButton->setObjectName(QStringLiteral("abandonButton"));
    m_releaseButton->setObjectName(QStringLiteral("releaseButton"));
    m_resolveButton->setObjectName(QStringLiteral("resolveButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_operatorLabel);
    top->addWidget(m_operator);
    top->addSpacing(16);
    top->addWidget(m_search, 1);
    top->addWidget(m_refreshButton);
    top->addWidget(m_exportButton);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_channelLabel);
    filters->addWidget(m_channelFilter);
    filters->addSpacing(12);
    filters->addWidget(m_ageLabel);
    filters->addWidget(m_ageFilter);
    filters->addSpacing(12);
    filters->addWidget(m_amountLabel);
    filters->addWidget(m_minAmount);
    filters->addWidget(m_amountToLabel);
    filters->addWidget(m_maxAmount);
    filters->addStretch(1);

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_queryButton, m_closeButton, m_refundButton, m_retryButton, m_abandonButton, m_releaseButton,
                           m_resolveButton})
        actions->addWidget(b);
    actions->addStretch(1);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_orderLabel);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_message);
    detailLayout->addWidget(m_timeline, 1);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_table, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(list);
    right->addWidget(detail);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    // Under the queues it changes: closed-but-paid and duplicate cases once refunded.
    auto *queuesPane = new QWidget(this);
    auto *queuesLayout = new QVBoxLayout(queuesPane);
    queuesLayout->setContentsMargins(0, 0, 0, 0);
    queuesLayout->addWidget(m_queues, 1);
    queuesLayout->addWidget(m_includeSettled);
    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(queuesPane);
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setSizes({200, 920});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(main, 1);

    // Engine events arrive in bursts (one per transition): read the lists once per burst.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &OperationsPage::refresh);
    connect(m_queues, &QListWidget::currentRowChanged, this, &OperationsPage::handleQueueRowChanged);
    connect(m_search, &QLineEdit::returnPressed, this, &OperationsPage::handleSearchEdited);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            handleSearchEdited();
    });
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, &OperationsPage::handleSearchEdited);
    connect(m_ageFilter, &QComboBox::currentIndexChanged, this, &OperationsPage::handleSearchEdited);
    // Closed-but-paid and duplicate cases leave their queues once refunded; this shows them too.
    m_includeSettled->setObjectName(QStringLiteral("includeSettled"));
    connect(m_includeSettled, &QCheckBox::toggled, this, &OperationsPage::handleSearchEdited);
    for (QLineEdit *edit : {m_minAmount, m_maxAmount}) {
        connect(edit, &QLineEdit::editingFinished, this, &OperationsPage::handleSearchEdited);
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty())
                handleSearchEdited();
        });
    }
    connect(m_refreshButton, &QPushButton::clicked, this, &OperationsPage::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &OperationsPage::handleExportRequested);
    // The selection, not the current index: a mouse press moves the current index before it
    // selects the row.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OperationsPage::handleCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        handleCurrentRowChanged();
    });
    connect(m_queryButton, &QPushButton::clicked, this, &OperationsPage::handleQueryRequested);
    connect(m_closeButton, &QPushButton::clicked, this, &OperationsPage::handleCloseRequested);
    connect(m_refundButton, &QPushButton::clicked, this, &OperationsPage::handleRefundRequested);
    connect(m_retryButton, &QPushButton::clicked, this, &OperationsPage::handleRetryRequested);
    connect(m_abandonButton, &QPushButton::clicked, this, &OperationsPage::handleAbandonRequested);
    connect(m_releaseButton, &QPushButton::clicked, this, &OperationsPage::handleReleaseRequested);
    connect(m_resolveButton, &QPushButton::clicked, this, &OperationsPage::handleResolveRequested);

    m_queues->setCurrentRow(0);
    retranslateUi();
    updateActions();
}

OperationsPage::~OperationsPage() = default;

Result<void> OperationsPage::setDatabasePath(const QString &path)
{
    auto reader = OpsQueueReader::open(path);
    if (!reader)
        return std::unexpected(reader.error());
    m_model->setReader(nullptr);
    m_reader = std::move(*reader);
    m_model->setReader(m_reader.get());
    refresh();
    return {};
}

void OperationsPage::setEngineHost(EngineHost *host)
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    if (m_host)
        connect(m_host, &EngineHost::tradeChanged, this, &OperationsPage::handleTradeChanged);
    updateActions();
}

void OperationsPage::showQueue(OpsQueue queue)
{
    m_queues->setCurrentRow(int(queue));
}

void OperationsPage::showQueue(OpsQueue queue, const QString &search)
{
    m_search->setText(search);
    showQueue(queue);
    handleSearchEdited();
}

OpsQueue OperationsPage::currentQueue() const
{
    return m_model->queue();
}

QString OperationsPage::operatorId() const
{
    return m_operator->currentData().toString();
}

OpsQueueFilter OperationsPage::currentFilter() const
{
    OpsQueueFilter f = m_model->filter();
    f.search = m_search->text().trimmed();
    f.channel = m_channelFilter->currentData().toString();
    f.olderThanMs = m_ageFilter->currentData().toLongLong();
    f.includeSettled = m_includeSettled->isChecked();
    // A bound that does not read as an amount is left out (its field says so).
    const auto bound = [](QLineEdit *edit) -> qint64 {
        if (edit->text().trimmed().isEmpty())
            return -1;
        const auto minor = MoneyInput::parseMinor(edit->text(), Currency::cny());
        return minor ? *minor : -1;
    };
    f.minAmountMinor = bound(m_minAmount);
    f.maxAmountMinor = bound(m_maxAmount);
    f.nowMs = QDateTime::currentMSecsSinceEpoch();
    f.stuckAfterMs = kStuckAfterMs;
    return f;
}

bool OperationsPage::selectOrder(const QString &orderNo)
{
    if (!m_reader)
        return false;
    m_search->setText(orderNo);
    OpsQueueFilter f = currentFilter();
    for (int i = 0; i < kOpsQueueCount; ++i) {
        if (m_reader->count(OpsQueue(i), f).value_or(0) > 0) {
            showQueue(OpsQueue(i));
            handleSearchEdited();
            selectModelRow(0);
            return true;
        }
    }
    return false;
}

void OperationsPage::refresh()
{
    const QString keep = m_orderNo;
    const qint64 keepKey = currentRow() ? currentRow()->key : 0;
    updateCounts();
    m_model->setFilter(currentFilter());
    // Keep the selection on the same row when it is still in the queue.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->row(r).key == keepKey && keepKey != 0) {
            selectModelRow(r);
            break;
        }
    }
    if (!keep.isEmpty() && m_orderNo.isEmpty()) {
        // The row left the queue: its timeline stays, read again.
        m_orderNo = keep;
        loadTimeline();
    }
}

void OperationsPage::selectModelRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void OperationsPage::updateCounts()
{
    const OpsQueueFilter f = currentFilter();
    for (int i = 0; i < kOpsQueueCount; ++i) {
        m_counts[i] = m_reader ? m_reader->count(OpsQueue(i), f).value_or(0) : 0;
        QListWidgetItem *item = m_queues->item(i);
        item->setText(tr("%1 (%2)").arg(queueTitle(OpsQueue(i))).arg(m_counts[i]));
        QFont font = item->font();
        font.setBold(m_counts[i] > 0);
        item->setFont(font);
    }
}

void OperationsPage::handleQueueRowChanged(int row)
{
    if (row < 0 || row >= kOpsQueueCount)
        return;
    m_model->setFilter(currentFilter());
    m_model->setQueue(OpsQueue(row));
}

void OperationsPage::handleSearchEdited()
{
    for (QLineEdit *edit : {m_minAmount, m_maxAmount}) {
        const bool bad = !edit->text().trimmed().isEmpty()
            && !MoneyInput::parseMinor(edit->text(), Currency::cny()).has_value();
        edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { color: #b3261e; }") : QString());
        edit->setToolTip(bad ? tr("Not an amount: this bound is left out") : QString());
    }
    updateCounts();
    m_model->setFilter(currentFilter());
}

void OperationsPage::handleTradeChanged(const QString &outTradeNo)
{
    Q_UNUSED(outTradeNo);
    m_refreshTimer->start();
}

const OpsQueueRow *OperationsPage::currentRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_model->row(rows.front().row());
}

void OperationsPage::handleCurrentRowChanged()
{
    const OpsQueueRow *row = currentRow();
    const QString orderNo = row ? row->orderNo : QString();
    if (orderNo != m_orderNo) {
        m_orderNo = orderNo;
        m_view.reset();
        loadTimeline();
    }
    updateActions();
}

void OperationsPage::loadTimeline()
{
    m_timeline->clear();
    if (m_orderNo.isEmpty()) {
        m_orderLabel->setText(tr("Select a row to see its order's timeline."));
        return;
    }
    if (!m_host) {
        m_orderLabel->setText(tr("Order %1: the payment core is not running, so its timeline cannot be read.")
                                  .arg(m_orderNo));
        return;
    }
    const QString orderNo = m_orderNo;
    m_host->order(orderNo, this, [this, orderNo](Result<OrderView> view) {
        if (orderNo != m_orderNo)
            return; // another row was selected meanwhile
        if (!view) {
            m_orderLabel->setText(tr("Order %1: %2").arg(orderNo, view.error().message));
            return;
        }
        m_view = *view;
        showTimeline(*view);
        updateActions();
        emit timelineLoaded(orderNo);
    });
}

void OperationsPage::showTimeline(const OrderView &view)
{
    m_orderLabel->setText(OrderTimeline::summaryHtml(view.trade));
    OrderTimeline::fill(m_timeline, view);
}

// What the refund dialog offers: what the order keeps, or for a frozen order what its flows
// still hold (its completion waits for the review, so the order may show nothing paid).
qint64 OperationsPage::refundableOf(const OrderView &view)
{
    if (!view.trade.frozen)
        return view.trade.paidMinor - view.trade.refundedMinor;
    qint64 held = 0;
    for (const PaymentFlow &f : view.flows) {
        if (f.status == FlowStatus::Succeeded)
            held += f.amount.minor() - f.refundedMinor;
    }
    return held;
}

void OperationsPage::updateActions()
{
    const OpsQueueRow *row = currentRow();
    const bool order = m_host && row && !row->orderNo.isEmpty();
    m_queryButton->setEnabled(order);
    m_closeButton->setEnabled(order);
    m_refundButton->setEnabled(order && m_view && refundableOf(*m_view) > 0);
    m_retryButton->setEnabled(m_host && row && !row->refundNo.isEmpty() && row->state == QStringLiteral("FAILED"));
    m_abandonButton->setEnabled(m_retryButton->isEnabled());
    m_releaseButton->setEnabled(order && m_view && m_view->trade.frozen);
    m_resolveButton->setEnabled(m_host && row && row->breakId > 0);
    m_exportButton->setEnabled(m_reader != nullptr);
}

void OperationsPage::showMessage(bool ok, const QString &text)
{
    m_message->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_message->setText(text);
}

void OperationsPage::runAction(const QString &name, const OperatorContext &who, Work work)
{
    if (!m_host)
        return;
    m_host->run<Result<QString>>(
        [who, work = std::move(work)](PaymentCore &core) {
            OperationsService ops(core.engine(), core.database(), core.clock());
            return work(ops, who);
        },
        this,
        [this, name](Result<QString> result) {
            const QString text = result ? (result->isEmpty() ? tr("%1: done.").arg(name)
                                                             : tr("%1: done (%2).").arg(name, *result))
                                        : tr("%1 failed: %2").arg(name, result.error().message);
            showMessage(result.has_value(), text);
            m_refreshTimer->start();
            emit actionFinished(result.has_value(), text);
        });
}

void OperationsPage::handleQueryRequested()
{
    const QString orderNo = m_orderNo;
    const QString name = tr("Query channel now");
    auto *dialog = new OpsActionDialog(name, tr("Ask the channel now for the result of order %1.").arg(orderNo), {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, orderNo, name] {
        runAction(name, OperatorContext{operatorId(), dialog->reason(), {}, {}},
                  [orderNo](OperationsService &ops, const OperatorContext &who) -> Result<QString> {
                      if (auto r = ops.queryChannel(orderNo, who); !r)
                          return std::unexpected(r.error());
                      return QString();
                  });
    });
    dialog->open();
}

void OperationsPage::handleCloseRequested()
{
    const QString orderNo = m_orderNo;
    const QString name = tr("Close at channel");
    auto *dialog = new OpsActionDialog(
        name, tr("Close order %1 and its open payments at the channel.").arg(orderNo), {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, orderNo, name] {
        runAction(name, OperatorContext{operatorId(), dialog->reason(), {}, {}},
                  [orderNo](OperationsService &ops, const OperatorContext &who) -> Result<QString> {
                      if (auto r = ops.closeOrder(orderNo, who); !r)
                          return std::unexpected(r.error());
                      return QString();
                  });
    });
    dialog->open();
}

void OperationsPage::handleRefundRequested()
{
    if (!m_view)
        return;
    const QString orderNo = m_orderNo;
    const TradeOrder &t = m_view->trade;
    const qint64 refundable = refundableOf(*m_view);
    const QString name = tr("Refund");
    auto *dialog = new OpsActionDialog(
        name,
        tr("Refund order %1: up to %2 (the full amount is filled in; type less for a partial refund).")
            .arg(orderNo, DisplayText::money(Money(refundable, t.amount.currency()))),
        OpsActionDialog::Amount | OpsActionDialog::Approval, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAmount(refundable, t.amount.currency());
    const bool frozen = t.frozen;
    connect(dialog, &QDialog::accepted, this, [this, dialog, orderNo, name, frozen] {
        const qint64 amount = dialog->amountMinor();
        const QString refundNo = QStringLiteral("OPS-%1-%2").arg(orderNo).arg(QDateTime::currentMSecsSinceEpoch());
        runAction(name, OperatorContext{operatorId(), dialog->reason(), dialog->approverId(), dialog->approverPin()},
                  [orderNo, amount, refundNo, frozen](OperationsService &ops, const OperatorContext &who) {
                      // A frozen order sends only the refund a manager chose for it.
                      return frozen ? ops.refundFrozen(orderNo, amount, who) : ops.refund(orderNo, amount, refundNo, who);
                  });
    });
    dialog->open();
}

void OperationsPage::handleRetryRequested()
{
    const OpsQueueRow *row = currentRow();
    if (!row)
        return;
    const QString refundNo = row->refundNo;
    const QString name = tr("Retry failed refund");
    auto *dialog = new OpsActionDialog(name, tr("Send refund %1 to the channel again.").arg(refundNo),
                                       OpsActionDialog::Approval, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, refundNo, name] {
        runAction(name, OperatorContext{operatorId(), dialog->reason(), dialog->approverId(), dialog->approverPin()},
                  [refundNo](OperationsService &ops, const OperatorContext &who) {
                      return ops.retryRefund(refundNo, who);
                  });
    });
    dialog->open();
}

void OperationsPage::handleAbandonRequested()
{
    const OpsQueueRow *row = currentRow();
    if (!row)
        return;
    const QString refundNo = row->refundNo;
    const QString name = tr("Abandon failed refund");
    auto *dialog = new OpsActionDialog(
        name,
        tr("Give up refund %1: what it still holds is no longer reserved, and it cannot be retried. "
           "Only when the customer was paid back another way.")
            .arg(refundNo),
        OpsActionDialog::Approval, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, refundNo, name] {
        runAction(name, OperatorContext{operatorId(), dialog->reason(), dialog->approverId(), dialog->approverPin()},
                  [refundNo](OperationsService &ops, const OperatorContext &who) -> Result<QString> {
                      if (auto r = ops.abandonRefund(refundNo, who); !r)
                          return std::unexpected(r.error());
                      return QString();
                  });
    });
    dialog->open();
}

void OperationsPage::handleReleaseRequested()
{
    if (!m_view)
        return;
    const QString orderNo = m_orderNo;
    const QString name = tr("Release frozen order");
    auto *dialog = new OpsActionDialog(
        name,
        tr("Release order %1: payment, close and automatic refunds resume and take what they stopped for "
           "(%2).")
            .arg(orderNo, m_view->trade.freezeReason),
        OpsActionDialog::Approval, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, orderNo, name] {
        runAction(name, OperatorContext{operatorId(), dialog->reason(), dialog->approverId(), dialog->approverPin()},
                  [orderNo](OperationsService &ops, const OperatorContext &who) -> Result<QString> {
                      if (auto r = ops.releaseFrozen(orderNo, who); !r)
                          return std::unexpected(r.error());
                      return QString();
                  });
    });
    dialog->open();
}

void OperationsPage::handleResolveRequested()
{
    const OpsQueueRow *row = currentRow();
    if (!row)
        return;
    const qint64 breakId = row->breakId;
    const QString name = tr("Resolve break");
    auto *dialog = new OpsActionDialog(name, tr("Mark reconciliation break %1 as resolved.").arg(breakId),
                                       OpsActionDialog::Resolution, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, breakId, name] {
        const QString resolution = dialog->resolution();
        runAction(name, OperatorContext{operatorId(), dialog->reason(), {}, {}},
                  [breakId, resolution](OperationsService &ops, const OperatorContext &who) -> Result<QString> {
                      if (auto r = ops.resolveBreak(breakId, resolution, who); !r)
                          return std::unexpected(r.error());
                      return QString();
                  });
    });
    dialog->open();
}

void OperationsPage::handleExportRequested()
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export queue"), QStringLiteral("%1.csv").arg(toString(currentQueue()).toLower()),
        tr("CSV files (*.csv)"));
    if (!fileName.isEmpty())
        exportCsv(fileName);
}

void OperationsPage::exportCsv(const QString &fileName)
{
    if (!m_reader)
        return;
    // The export reads on its own connection on a worker thread, so a million rows never block
    // the window; progress and the result come back as queued calls.
    auto *progress = new QProgressDialog(tr("Exporting %1…").arg(queueTitle(currentQueue())), tr("Cancel"), 0, 100, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setValue(0);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });

    const QString path = m_reader->path();
    const OpsQueue queue = currentQueue();
    const OpsQueueFilter filter = currentFilter();
    QPointer<QProgressDialog> target(progress);
    auto result = std::make_shared<Result<qint64>>(0);
    QThread *worker = QThread::create([path, queue, filter, fileName, cancelled, target, result] {
        *result = [&]() -> Result<qint64> {
            auto reader = OpsQueueReader::open(path);
            if (!reader)
                return std::unexpected(reader.error());
            QFile file(fileName);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(ErrorCode::Io, file.errorString());
            return (*reader)->exportCsv(queue, filter, file, [cancelled, target](qint64 written, qint64 total) {
                const int percent = total > 0 ? int(written * 100 / total) : 100;
                QMetaObject::invokeMethod(target.data(), [target, percent] {
                    if (target)
                        target->setValue(percent);
                }, Qt::QueuedConnection);
                return !cancelled->load();
            });
        }();
    });
    // The thread object outlives the page if it must: it deletes itself once the export ends.
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, target, fileName, result] {
        if (target)
            target->close();
        const QString text = *result ? tr("Exported %n row(s) to %1.", nullptr, int(**result)).arg(fileName)
                                     : tr("Export failed: %1").arg(result->error().message);
        showMessage(result->has_value(), text);
        emit exportFinished(result->has_value(), result->value_or(0), text);
    });
    worker->start();
}

void OperationsPage::retranslateUi()
{
    m_operatorLabel->setText(tr("Operator:"));
    m_search->setPlaceholderText(tr("Search by order, flow, channel transaction or refund no. (Enter)"));
    m_channelLabel->setText(tr("C&hannel:"));
    m_channelFilter->setItemText(0, tr("All channels"));
    for (int i = 1; i < m_channelFilter->count(); ++i)
        m_channelFilter->setItemText(i, DisplayText::paymentMethod(m_channelFilter->itemData(i).toString()));
    m_ageLabel->setText(tr("Ol&der than:"));
    m_ageFilter->setItemText(0, tr("Any age"));
    m_ageFilter->setItemText(1, tr("5 minutes"));
    m_ageFilter->setItemText(2, tr("1 hour"));
    m_ageFilter->setItemText(3, tr("1 day"));
    m_ageFilter->setItemText(4, tr("7 days"));
    m_amountLabel->setText(tr("A&mount:"));
    m_amountToLabel->setText(tr("to"));
    m_minAmount->setPlaceholderText(tr("from"));
    m_maxAmount->setPlaceholderText(tr("any"));
    m_includeSettled->setText(tr("Include &settled"));
    m_includeSettled->setToolTip(
        tr("Closed-but-paid and duplicate payments: also list the cases whose refund has gone through"));
    m_table->horizontalHeader()->setToolTip(
        tr("Click Since, Age, Amount, Channel or State to sort; click again to reverse"));
    m_refreshButton->setText(tr("Refresh"));
    m_exportButton->setText(tr("Export CSV…"));
    m_queryButton->setText(tr("Query channel now"));
    m_closeButton->setText(tr("Close at channel"));
    m_refundButton->setText(tr("Refund…"));
    m_retryButton->setText(tr("Retry failed refund"));
    m_abandonButton->setText(tr("Abandon refund…"));
    m_releaseButton->setText(tr("Release…"));
    m_abandonButton->setToolTip(tr("Give up a failed refund (the customer was paid back another way)"));
    m_releaseButton->setToolTip(tr("Release a frozen order: automation resumes"));
    m_resolveButton->setText(tr("Resolve break"));
    m_timeline->setHeaderLabels(OrderTimeline::headerLabels());
    updateCounts();
    m_model->retranslate();
    if (m_view)
        showTimeline(*m_view);
    else
        loadTimeline();
}

void OperationsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace pay::ui
