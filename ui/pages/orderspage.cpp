#include "orderspage.h"

#include "displaytext.h"
#include "ordersmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pay::ui {

namespace {

constexpr int kAllStatuses = -1;

} // namespace

OrdersPage::OrdersPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new OrdersModel(this))
    , m_statusLabel(new QLabel(this))
    , m_statusFilter(new QComboBox(this))
    , m_channelLabel(new QLabel(this))
    , m_channelFilter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_exactMatch(new QCheckBox(this))
    , m_countLabel(new QLabel(this))
    , m_reloadButton(new QToolButton(this))
    , m_message(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("orderspage"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_channelFilter->setObjectName(QStringLiteral("channelFilter"));
    m_search->setObjectName(QStringLiteral("orderSearch"));
    m_exactMatch->setObjectName(QStringLiteral("exactMatch"));
    m_countLabel->setObjectName(QStringLiteral("orderCount"));
    m_message->setObjectName(QStringLiteral("ordersMessage"));
    m_view->setObjectName(QStringLiteral("ordersView"));

    m_statusLabel->setBuddy(m_statusFilter);
    m_statusFilter->addItem(QString(), kAllStatuses);
    for (TradeStatus s : kAllTradeStatuses)
        m_statusFilter->addItem(QString(), int(s));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_channelLabel->setBuddy(m_channelFilter);
    m_channelFilter->addItem(QString(), QString());
    for (const QString &channel : paymentChannels())
        m_channelFilter->addItem(QString(), channel);
    m_channelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_reloadButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(false); // the reader pages by id; other orders would need other indexes
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(OrdersModel::Subject, QHeaderView::Stretch);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    // A till has one merchant and rarely asks when an order last changed: those columns start
    // hidden; the header's context menu shows them.
    m_view->setColumnHidden(OrdersModel::Merchant, true);
    m_view->setColumnHidden(OrdersModel::UpdatedAt, true);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(12);
    filters->addWidget(m_channelLabel);
    filters->addWidget(m_channelFilter);
    filters->addSpacing(12);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_exactMatch);
    filters->addSpacing(12);
    filters->addWidget(m_countLabel);
    filters->addWidget(m_reloadButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &OrdersPage::handleStatusFilterChanged);
    connect(m_channelFilter, &QComboBox::currentIndexChanged, this, &OrdersPage::handleStatusFilterChanged);
    connect(m_search, &QLineEdit::textEdited, this, &OrdersPage::handleSearchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &OrdersPage::applyFilter);
    connect(m_exactMatch, &QCheckBox::toggled, this, &OrdersPage::applyFilter);
    connect(&m_searchDelay, &QTimer::timeout, this, &OrdersPage::applyFilter);
    connect(m_reloadButton, &QToolButton::clicked, this, &OrdersPage::reload);
    connect(m_model, &OrdersModel::reloaded, this, &OrdersPage::handleModelReloaded);
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        &OrdersPage::handleHeaderMenuRequested);

    retranslateUi();
}

OrdersPage::~OrdersPage() = default;

void OrdersPage::setReader(std::unique_ptr<OrderListReader> reader)
{
    m_model->setReader(std::move(reader));
}

void OrdersPage::reload()
{
    m_model->reload();
}

void OrdersPage::showStatus(TradeStatus status)
{
    const int index = m_statusFilter->findData(int(status));
    if (index < 0)
        return;
    if (index == m_statusFilter->currentIndex())
        applyFilter();
    else
        m_statusFilter->setCurrentIndex(index); // applies through handleStatusFilterChanged
}

void OrdersPage::showChannel(const QString &channel)
{
    const int index = m_channelFilter->findData(channel);
    if (index < 0)
        return;
    // Both combos change before the one read, so the list is not read with half the filter.
    const QSignalBlocker blockStatus(m_statusFilter);
    const QSignalBlocker blockChannel(m_channelFilter);
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(kAllStatuses));
    m_channelFilter->setCurrentIndex(index);
    applyFilter();
}

void OrdersPage::handleStatusFilterChanged()
{
    applyFilter();
}

void OrdersPage::handleSearchEdited()
{
    m_searchDelay.start();
}

void OrdersPage::applyFilter()
{
    m_searchDelay.stop();
    OrderListFilter filter;
    const int status = m_statusFilter->currentData().toInt();
    if (status != kAllStatuses)
        filter.statuses = {TradeStatus(status)};
    filter.channel = m_channelFilter->currentData().toString();
    filter.orderNo = m_search->text().trimmed();
    filter.exactOrderNo = m_exactMatch->isChecked();
    m_model->setFilter(filter);
}

void OrdersPage::handleModelReloaded()
{
    updateMessage();
    updateCountLabel();
    emit ordersReloaded();
}

void OrdersPage::handleHeaderMenuRequested(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < OrdersModel::ColumnCount; ++column) {
        QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        action->setEnabled(column != OrdersModel::OutTradeNo); // the order number always shows
        connect(action, &QAction::toggled, m_view,
            [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
    }
    menu->popup(m_view->horizontalHeader()->viewport()->mapToGlobal(pos));
}

void OrdersPage::updateMessage()
{
    if (!m_model->hasReader()) {
        m_message->setText(tr("No database is open. Choose File → Open Database… to open one."));
        m_message->setVisible(true);
    } else if (!m_model->lastError().isEmpty()) {
        m_message->setText(tr("The orders could not be read: %1").arg(m_model->lastError()));
        m_message->setVisible(true);
    } else {
        m_message->setVisible(false);
    }
}

void OrdersPage::updateCountLabel()
{
    const QLocale locale;
    if (!m_model->hasReader()) {
        m_countLabel->clear();
        return;
    }
    const OrderCount matching = m_model->matchingCount();
    if (!matching.exact)
        m_countLabel->setText(tr("More than %1 orders").arg(locale.toString(matching.value)));
    else if (m_model->filter().isEmpty())
        m_countLabel->setText(tr("%1 orders").arg(locale.toString(matching.value)));
    else
        m_countLabel->setText(
            tr("%1 of %2 orders")
                .arg(locale.toString(matching.value), locale.toString(m_model->totalCount())));
}

void OrdersPage::updateColumnWidths()
{
    // Widths from sample text instead of ResizeToContents, which would measure every fetched row
    // on each layout and slow down as the list grows.
    const QFontMetrics fm(m_view->font());
    const int pad = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 12;
    auto fit = [&](int column, const QString &sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(
            column, std::max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header)) + pad);
    };
    // Fits every state in words; a frozen order's longer text may elide (its icon and tooltip
    // still say it).
    QString longestStatus;
    for (TradeStatus s : kAllTradeStatuses) {
        const QString text = OrdersModel::statusText(s, false);
        if (fm.horizontalAdvance(text) > fm.horizontalAdvance(longestStatus))
            longestStatus = text;
    }
    const QString money = DisplayText::money(Money(9'999'999, Currency::cny()));
    fit(OrdersModel::OutTradeNo, QStringLiteral("PD20240101-000000"));
    fit(OrdersModel::CreatedAt, QStringLiteral("2024-12-31 23:59:59"));
    fit(OrdersModel::Amount, money);
    fit(OrdersModel::Status, longestStatus);
    m_view->setColumnWidth(OrdersModel::Status,
        m_view->columnWidth(OrdersModel::Status)
            + style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 4);
    fit(OrdersModel::Paid, money);
    fit(OrdersModel::Refunded, money);
    fit(OrdersModel::Merchant, QStringLiteral("M1000000"));
    fit(OrdersModel::UpdatedAt, QStringLiteral("2024-12-31 23:59:59"));
    m_view->verticalHeader()->setDefaultSectionSize(fm.height() + 10);
}

void OrdersPage::retranslateUi()
{
    m_statusLabel->setText(tr("&Status:"));
    m_statusFilter->setItemText(0, tr("All states"));
    for (int i = 1; i < m_statusFilter->count(); ++i)
        m_statusFilter->setItemText(
            i, DisplayText::tradeStatus(TradeStatus(m_statusFilter->itemData(i).toInt())));
    m_channelLabel->setText(tr("&Channel:"));
    m_channelFilter->setItemText(0, tr("All channels"));
    for (int i = 1; i < m_channelFilter->count(); ++i)
        m_channelFilter->setItemText(i, DisplayText::paymentMethod(m_channelFilter->itemData(i).toString()));
    m_channelFilter->setToolTip(tr("Only orders with a payment on this channel"));
    m_search->setPlaceholderText(tr("Search by order number (start of the number)"));
    m_exactMatch->setText(tr("E&xact number"));
    m_exactMatch->setToolTip(tr("Match the whole order number instead of its beginning"));
    m_reloadButton->setToolTip(tr("Read the newest orders again (F5)"));
    m_model->setLocale(QLocale());
    m_model->retranslate();
    updateMessage();
    updateCountLabel();
    updateColumnWidths();
}

void OrdersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateColumnWidths();
    QWidget::changeEvent(event);
}

} // namespace pay::ui
