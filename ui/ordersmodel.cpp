#include "ordersmodel.h"

#include "displaytext.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QStyle>

namespace pay::ui {

namespace {

bool isMoneyColumn(int column)
{
    return column == OrdersModel::Amount || column == OrdersModel::Paid || column == OrdersModel::Refunded;
}

QColor statusColor(TradeStatus status)
{
    switch (status) {
    case TradeStatus::Created:
    case TradeStatus::Paying:
    case TradeStatus::Closing:
        return QColor(0x1d, 0x4e, 0x89); // in progress: blue
    case TradeStatus::Paid:
        return QColor(0x1b, 0x6e, 0x2a); // done: green
    case TradeStatus::PartiallyRefunded:
    case TradeStatus::Refunded:
        return QColor(0x8a, 0x4b, 0x08); // money went back: amber
    case TradeStatus::Closed:
        return QColor(0x5f, 0x63, 0x68); // nothing happened: grey
    }
    return {};
}

} // namespace

OrdersModel::OrdersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString OrdersModel::statusText(TradeStatus status, bool frozen)
{
    return frozen ? tr("%1 (frozen)").arg(DisplayText::tradeStatus(status))
                  : DisplayText::tradeStatus(status);
}

OrdersModel::~OrdersModel() = default;

void OrdersModel::setReader(std::unique_ptr<OrderListReader> reader)
{
    m_reader = std::move(reader);
    resetRows(CountTotal::Again);
}

QString OrdersModel::databasePath() const
{
    return m_reader ? m_reader->path() : QString();
}

void OrdersModel::setFilter(const OrderListFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    resetRows(CountTotal::Keep);
}

void OrdersModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void OrdersModel::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

void OrdersModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void OrdersModel::reload()
{
    resetRows(CountTotal::Again);
}

void OrdersModel::resetRows(CountTotal countTotal)
{
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_matching = OrderCount {};
    m_lastError.clear();
    if (!m_reader) {
        m_total = 0;
    } else {
        // One row more than a page tells whether another page exists without a count.
        auto rows = m_reader->page(m_filter, 0, m_pageSize + 1);
        // Counting every order walks a whole index (about 15 ms on a million rows): only when
        // the database or its contents may have changed, not on every filter change.
        Result<qint64> total = m_total;
        if (countTotal == CountTotal::Again)
            total = m_reader->totalCount();
        // Without a filter every order matches: no second count.
        Result<OrderCount> matching = m_filter.isEmpty() && total
            ? Result<OrderCount>(OrderCount {*total, true})
            : m_reader->count(m_filter, kCountCap);
        if (!rows)
            m_lastError = rows.error().message;
        else if (!total)
            m_lastError = total.error().message;
        else if (!matching)
            m_lastError = matching.error().message;
        if (rows) {
            m_rows = std::move(*rows);
            m_hasMore = m_rows.size() > m_pageSize;
            if (m_hasMore)
                m_rows.resize(m_pageSize);
        }
        m_total = total.value_or(0);
        m_matching = matching.value_or(OrderCount {});
    }
    endResetModel();
    if (!m_lastError.isEmpty())
        emit readFailed(m_lastError);
    emit reloaded();
}

int OrdersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrdersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool OrdersModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_reader && m_hasMore;
}

void OrdersModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    auto rows = m_reader->page(m_filter, m_rows.back().id, m_pageSize + 1);
    if (!rows) {
        m_hasMore = false;
        m_lastError = rows.error().message;
        emit readFailed(m_lastError);
        return;
    }
    m_hasMore = rows->size() > m_pageSize;
    if (m_hasMore)
        rows->resize(m_pageSize);
    if (rows->isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(rows->size()) - 1);
    m_rows.append(std::move(*rows));
    endInsertRows();
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderListRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case UnderlyingDataRole:
        return underlyingData(row, column);
    case TradeIdRole:
        return row.id;
    case FrozenRole:
        return row.frozen;
    case Qt::TextAlignmentRole:
        return int(
            Qt::Alignment((isMoneyColumn(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::DecorationRole:
        if (column == Status && row.frozen)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (column == Status)
            return QBrush(row.frozen ? QColor(0xb3, 0x1b, 0x1b) : statusColor(row.status));
        return {};
    case Qt::ToolTipRole:
        if (column == Status && row.frozen)
            return tr("Frozen for review: %1").arg(row.freezeReason);
        if (column == Subject)
            return row.subject;
        return {};
    default:
        return {};
    }
}

QVariant OrdersModel::displayData(const OrderListRow &row, int column) const
{
    switch (column) {
    case OutTradeNo:
        return row.outTradeNo;
    case CreatedAt:
        return DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(row.createdAtMs), m_locale);
    case Subject:
        return row.subject;
    case Amount:
        return DisplayText::money(row.amount, m_locale);
    case Status:
        return statusText(row.status, row.frozen);
    // Nothing paid or refunded shows as an empty cell: the exceptions stand out when scanning.
    case Paid:
        return row.paidMinor == 0 ? QString()
                                  : DisplayText::money(Money(row.paidMinor, row.amount.currency()), m_locale);
    case Refunded:
        return row.refundedMinor == 0
            ? QString()
            : DisplayText::money(Money(row.refundedMinor, row.amount.currency()), m_locale);
    case Merchant:
        return row.merchantId;
    case UpdatedAt:
        return DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(row.updatedAtMs), m_locale);
    default:
        return {};
    }
}

QVariant OrdersModel::underlyingData(const OrderListRow &row, int column) const
{
    switch (column) {
    case OutTradeNo:
        return row.outTradeNo;
    case CreatedAt:
        return QDateTime::fromMSecsSinceEpoch(row.createdAtMs);
    case Subject:
        return row.subject;
    case Amount:
        return row.amount.minor();
    case Status:
        return QVariant::fromValue(row.status);
    case Paid:
        return row.paidMinor;
    case Refunded:
        return row.refundedMinor;
    case Merchant:
        return row.merchantId;
    case UpdatedAt:
        return QDateTime::fromMSecsSinceEpoch(row.updatedAtMs);
    default:
        return {};
    }
}

QVariant OrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return int(
            Qt::Alignment((isMoneyColumn(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutTradeNo:
        return tr("Order no.");
    case CreatedAt:
        return tr("Created");
    case Subject:
        return tr("Subject");
    case Amount:
        return tr("Amount");
    case Status:
        return tr("Status");
    case Paid:
        return tr("Paid");
    case Refunded:
        return tr("Refunded");
    case Merchant:
        return tr("Merchant");
    case UpdatedAt:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace pay::ui
