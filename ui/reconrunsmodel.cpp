#include "reconrunsmodel.h"

#include "displaytext.h"

#include <QDateTime>

namespace pay::ui {

ReconRunsModel::ReconRunsModel(QObject *parent)
    : KeysetTableModel(ColumnCount, ReconReader::kDefaultPageSize, parent)
{
}

void ReconRunsModel::setReader(ReconReader *reader)
{
    m_reader = reader;
    reload();
}

int ReconRunsModel::rowOf(qint64 runId) const
{
    for (int r = 0; r < rows().size(); ++r) {
        if (rows().at(r).id == runId)
            return r;
    }
    return -1;
}

Result<QList<ReconRunRow>> ReconRunsModel::readPage(const ReconRunRow *after, int limit)
{
    if (!m_reader)
        return QList<ReconRunRow>();
    return m_reader->runsPage(after ? after->id : 0, limit);
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
    const ReconRunRow &r = rows().at(index.row());
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
