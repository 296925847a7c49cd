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
    : KeysetTableModel(ColumnCount, ReconReader::kDefaultPageSize, parent)
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

Result<QList<ReconBreakRow>> ReconBreaksModel::readPage(const ReconBreakRow *after, int limit)
{
    if (!m_reader || m_runId <= 0)
        return QList<ReconBreakRow>();
    return m_reader->breaksPage(m_runId, m_category, after ? after->id : 0, limit);
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
    const ReconBreakRow &r = rows().at(index.row());
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
