#include "reconbreaksmodel.h"

#include "displaytext.h"
#include "domain/states.h"
#include "recon/reconbreak.h"

namespace pay::ui {

namespace {

// Statement amounts are CNY minor units: the simulated channels settle in CNY only.
QString amountText(bool has, qint64 minor)
{
    return has ? DisplayText::money(Money(minor, Currency::cny())) : QString();
}

} // namespace

ReconBreaksModel::ReconBreaksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReconBreaksModel::setReader(ReconReader *reader)
{
    m_reader = reader;
    reload();
}

void ReconBreaksModel::setRun(qint64 runId, const QString &category)
{
    m_runId = runId;
    m_category = category;
    reload();
}

void ReconBreaksModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_lastError.clear();
    if (m_reader && m_runId > 0) {
        // One row more than a page tells whether another page follows.
        auto rows = m_reader->breaksPage(m_runId, m_category, 0, m_pageSize + 1);
        if (rows) {
            m_hasMore = rows->size() > m_pageSize;
            if (m_hasMore)
                rows->resize(m_pageSize);
            m_rows = std::move(*rows);
        } else {
            m_lastError = rows.error().message;
        }
    }
    endResetModel();
    if (!m_lastError.isEmpty())
        emit readFailed(m_lastError);
}

void ReconBreaksModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int ReconBreaksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconBreaksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReconBreaksModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_reader && m_hasMore;
}

void ReconBreaksModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    auto rows = m_reader->breaksPage(m_runId, m_category, m_rows.back().id, m_pageSize + 1);
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

QString ReconBreaksModel::localStatusText(const QString &status)
{
    if (FlowStatus f; fromString(status, f))
        return DisplayText::flowStatus(f);
    if (RefundStatus r; fromString(status, r))
        return DisplayText::refundStatus(r);
    return status;
}

QString ReconBreaksModel::stateText(const QString &state)
{
    BreakState s;
    return fromString(state, s) ? DisplayText::breakState(s) : state;
}

QVariant ReconBreaksModel::underlyingData(const ReconBreakRow &row, int column) const
{
    switch (Column(column)) {
    case FlowNo: return row.flowNo;
    case ChannelTxnNo: return row.channelTxnNo;
    case LocalAmount: return row.hasLocalAmount ? QVariant(row.localAmount) : QVariant();
    case StatementAmount: return row.hasStatementAmount ? QVariant(row.statementAmount) : QVariant();
    case LocalStatus: return row.localStatus;
    case StatementStatus: return row.statementStatus;
    case Line: return row.lineNo > 0 ? QVariant(row.lineNo) : QVariant();
    case State: return row.state;
    case Detail: return row.detail;
    case ColumnCount: break;
    }
    return {};
}

QVariant ReconBreaksModel::displayData(const ReconBreakRow &row, int column) const
{
    switch (Column(column)) {
    case FlowNo: return row.flowNo;
    case ChannelTxnNo: return row.channelTxnNo;
    case LocalAmount: return amountText(row.hasLocalAmount, row.localAmount);
    case StatementAmount: return amountText(row.hasStatementAmount, row.statementAmount);
    case LocalStatus: return localStatusText(row.localStatus);
    // The channel's own word, as its statement printed it.
    case StatementStatus: return row.statementStatus;
    case Line: return row.lineNo > 0 ? QString::number(row.lineNo) : QString();
    case State: return stateText(row.state);
    case Detail: return row.detail;
    case ColumnCount: break;
    }
    return {};
}

QVariant ReconBreaksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReconBreakRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(r, index.column());
    case UnderlyingDataRole: return underlyingData(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == LocalAmount || index.column() == StatementAmount || index.column() == Line)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant ReconBreaksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case FlowNo: return tr("Flow no.");
    case ChannelTxnNo: return tr("Channel txn no.");
    case LocalAmount: return tr("Local amount");
    case StatementAmount: return tr("Statement amount");
    case LocalStatus: return tr("Local status");
    case StatementStatus: return tr("Statement status");
    case Line: return tr("Line");
    case State: return tr("State");
    case Detail: return tr("Detail");
    case ColumnCount: break;
    }
    return {};
}

} // namespace pay::ui
