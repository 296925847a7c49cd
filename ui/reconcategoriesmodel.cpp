#include "reconcategoriesmodel.h"

#include "displaytext.h"
#include "recon/reconbreak.h"

#include <QFont>

namespace pay::ui {

ReconCategoriesModel::ReconCategoriesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QStringList ReconCategoriesModel::categoryNames()
{
    return {QStringLiteral("MATCHED"), QStringLiteral("MISSING_AT_CHANNEL"),
        QStringLiteral("MISSING_LOCALLY"), QStringLiteral("AMOUNT_MISMATCH"),
        QStringLiteral("STATUS_MISMATCH"), QStringLiteral("DUPLICATE_IN_STATEMENT"),
        QStringLiteral("CUTOFF")};
}

QString ReconCategoriesModel::categoryText(const QString &category)
{
    BreakCategory c;
    return fromString(category, c) ? DisplayText::breakCategory(c) : category;
}

void ReconCategoriesModel::setCounts(const QMap<QString, qint64> &counts)
{
    m_counts = counts;
    emit dataChanged(index(0, Count), index(rowCount() - 1, Count));
}

void ReconCategoriesModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ReconCategoriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(categoryNames().size());
}

int ReconCategoriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReconCategoriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString name = category(index.row());
    const qint64 n = m_counts.value(name);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Category ? categoryText(name) : QString::number(n);
    case UnderlyingDataRole:
        return index.column() == Category ? QVariant(name) : QVariant(n);
    case Qt::TextAlignmentRole:
        if (index.column() == Count)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        // A break count that is not zero is work to do.
        if (index.column() == Count && n > 0 && name != QLatin1String("MATCHED")) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default: return {};
    }
}

QVariant ReconCategoriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Category: return tr("Category");
    case Count: return tr("Count");
    case ColumnCount: break;
    }
    return {};
}

} // namespace pay::ui
