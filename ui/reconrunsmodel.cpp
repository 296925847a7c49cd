#include "reconrunsmodel.h"

#include "displaytext.h"

#include <QDateTime>

namespace pay::ui {

ReconRunsModel::ReconRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReconRunsModel::setReader(ReconReader *reader)
{
    m_reader = reader;
    reload();
}

int ReconRunsModel::rowOf(qint64 runId) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).id == runId)
            return r;
    }
    return -1;
}

void ReconRunsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_lastError.clear();
    if (m_reader) {
        // One row more than a page tells whether another page follows.
        auto rows = m_reader->runsPage(0, m_pageSize + 1);
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

void ReconRunsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int ReconRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReconRunsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_reader && m_hasMore;
}

void ReconRunsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    auto rows = m_reader->runsPage(m_rows.back().id, m_pageSize + 1);
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

QVariant ReconRunsModel::underlyingData(const ReconRunRow &row, int column) const
{
    switch (Column(column)) {
    case RunId: return row.id;
    case Channel: return row.channel;
    case Day: return row.statementDay;
    case Format: return row.format;
    case File: return row.fileName;
    case Lines: return row.lines;
    case Matched: return row.matched;
    case Breaks: return row.breaks;
    case Quarantined: return row.quarantined;
    case AutoResolved: return row.autoResolved;
    case ImportedAt: return QDateTime::fromMSecsSinceEpoch(row.startedAtMs);
    case ColumnCount: break;
    }
    return {};
}

QVariant ReconRunsModel::displayData(const ReconRunRow &row, int column) const
{
    switch (Column(column)) {
    case RunId: return QString::number(row.id);
    case Channel: return DisplayText::paymentMethod(row.channel);
    case Day: return row.statementDay;
    case Format: return row.format;
    case File: return row.fileName;
    case Lines: return QString::number(row.lines);
    case Matched: return QString::number(row.matched);
    case Breaks: return QString::number(row.breaks);
    case Quarantined: return QString::number(row.quarantined);
    case AutoResolved: return QString::number(row.autoResolved);
    case ImportedAt: return DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(row.startedAtMs));
    case ColumnCount: break;
    }
    return {};
}

QVariant ReconRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReconRunRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(r, index.column());
    case UnderlyingDataRole: return underlyingData(r, index.column());
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case RunId:
        case Lines:
        case Matched:
        case Breaks:
        case Quarantined:
        case AutoResolved: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    default: return {};
    }
}

QVariant ReconRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RunId: return tr("Run");
    case Channel: return tr("Channel");
    case Day: return tr("Day");
    case Format: return tr("Format");
    case File: return tr("File");
    case Lines: return tr("Lines");
    case Matched: return tr("Matched");
    case Breaks: return tr("Breaks");
    case Quarantined: return tr("Quarantined");
    case AutoResolved: return tr("Auto-resolved");
    case ImportedAt: return tr("Imported at");
    case ColumnCount: break;
    }
    return {};
}

} // namespace pay::ui
