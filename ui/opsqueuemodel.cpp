#include "opsqueuemodel.h"

#include "displaytext.h"

#include <QDateTime>

namespace pay::ui {

OpsQueueModel::OpsQueueModel(QObject *parent)
    : KeysetTableModel(ColumnCount, OpsQueueReader::kDefaultPageSize, parent)
{
}

void OpsQueueModel::setReader(OpsQueueReader *reader)
{
    m_reader = reader;
    reload();
}

void OpsQueueModel::setQueue(OpsQueue queue)
{
    m_queue = queue;
    reload();
}

void OpsQueueModel::setFilter(const OpsQueueFilter &filter)
{
    m_filter = filter;
    reload();
}

Result<QList<OpsQueueRow>> OpsQueueModel::readPage(const OpsQueueRow *after, int limit)
{
    if (!m_reader)
        return QList<OpsQueueRow>();
    return m_reader->page(m_queue, m_filter, after, limit);
}

bool OpsQueueModel::isSortable(int column)
{
    return column == CreatedAt || column == Age || column == Amount || column == Channel || column == State;
}

void OpsQueueModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    OpsQueueFilter f = m_filter;
    f.descending = order == Qt::DescendingOrder;
    switch (Column(column)) {
    case CreatedAt: f.sortBy = OpsQueueSort::Time; break;
    case Age:
        f.sortBy = OpsQueueSort::Time;
        f.descending = order == Qt::AscendingOrder; // the youngest first
        break;
    case Amount: f.sortBy = OpsQueueSort::Amount; break;
    case Channel: f.sortBy = OpsQueueSort::Channel; break;
    case State: f.sortBy = OpsQueueSort::State; break;
    default: return;
    }
    if (f.sortBy == m_filter.sortBy && f.descending == m_filter.descending)
        return;
    m_filter = f;
    reload();
}

QString OpsQueueModel::stateText(OpsQueue queue, const QString &state)
{
    switch (queue) {
    case OpsQueue::Stuck: {
        FlowStatus s;
        return fromString(state, s) ? DisplayText::flowStatus(s) : state;
    }
    case OpsQueue::ClosedButPaid:
    case OpsQueue::Duplicate:
    case OpsQueue::FailedRefunds: {
        RefundStatus s;
        return fromString(state, s) ? DisplayText::refundStatus(s) : state;
    }
    case OpsQueue::Frozen: {
        TradeStatus s;
        return fromString(state, s) ? DisplayText::tradeStatus(s) : state;
    }
    case OpsQueue::Breaks:
        if (state == QStringLiteral("OPEN"))
            return tr("Open");
        if (state == QStringLiteral("HELD"))
            return tr("Held for the next statement");
        return state;
    }
    return state;
}

QString OpsQueueModel::detailText(OpsQueue queue, const OpsQueueRow &row)
{
    switch (queue) {
    case OpsQueue::Stuck:
        return row.reconPending ? tr("%1: unknown, left to reconciliation")
                                      .arg(DisplayText::paymentMethod(row.channel))
                                : tr("%1: no result yet").arg(DisplayText::paymentMethod(row.channel));
    case OpsQueue::ClosedButPaid:
        return tr("Refund of a payment made after the order closed");
    case OpsQueue::Duplicate:
        return tr("Refund of a duplicate payment");
    case OpsQueue::FailedRefunds:
        return tr("Refund failed (%1)").arg(row.reason);
    case OpsQueue::Frozen:
        return row.reason;
    case OpsQueue::Breaks:
        return tr("Break %1: %2").arg(row.breakId).arg(row.reason);
    }
    return {};
}

QString OpsQueueModel::ageText(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QVariant OpsQueueModel::underlyingData(const OpsQueueRow &row, int column) const
{
    switch (Column(column)) {
    case OrderNo: return row.orderNo;
    case CreatedAt: return QDateTime::fromMSecsSinceEpoch(row.atMs);
    case Age: return (QDateTime::currentMSecsSinceEpoch() - row.atMs) / 1000;
    case Entity: return row.entityNo;
    case Amount: return row.amountMinor;
    case Channel: return row.channel;
    case State: return row.state;
    case Detail: return row.reason;
    case ChannelTxnNo: return row.channelTxnNo;
    case ColumnCount: break;
    }
    return {};
}

QVariant OpsQueueModel::displayData(const OpsQueueRow &row, int column) const
{
    switch (Column(column)) {
    case OrderNo: return row.orderNo.isEmpty() ? tr("(no local order)") : row.orderNo;
    case CreatedAt: return DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(row.atMs));
    case Age: return ageText(underlyingData(row, Age).toLongLong());
    case Entity: return row.entityNo;
    case Amount: {
        const auto currency = Currency::fromCode(row.currency);
        return DisplayText::money(Money(row.amountMinor, currency ? *currency : Currency()));
    }
    case Channel: return row.channel.isEmpty() ? QString() : DisplayText::paymentMethod(row.channel);
    case State: return stateText(m_queue, row.state);
    case Detail: return detailText(m_queue, row);
    case ChannelTxnNo: return row.channelTxnNo;
    case ColumnCount: break;
    }
    return {};
}

QVariant OpsQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OpsQueueRow &r = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(r, index.column());
    case UnderlyingDataRole: return underlyingData(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Amount)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant OpsQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case OrderNo: return tr("Order no.");
    case CreatedAt: return tr("Since");
    case Age: return tr("Age");
    case Entity: return tr("Flow / refund no.");
    case Amount: return tr("Amount");
    case Channel: return tr("Channel");
    case State: return tr("State");
    case Detail: return tr("What");
    case ChannelTxnNo: return tr("Channel txn no.");
    case ColumnCount: break;
    }
    return {};
}

} // namespace pay::ui
