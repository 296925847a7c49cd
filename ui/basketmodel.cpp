#include "basketmodel.h"

#include "displaytext.h"

using namespace Qt::StringLiterals;

namespace pay::ui {

BasketModel::BasketModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int BasketModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int BasketModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BasketModel::displayName(const CatalogueItem &item)
{
    return QLocale().language() == QLocale::Chinese ? item.nameZh : item.nameEn;
}

QVariant BasketModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    const Currency cny = Currency::cny();
    if (role == UnderlyingDataRole) {
        switch (Column(index.column())) {
        case ItemColumn:
            return line.item.code;
        case QuantityColumn:
            return line.quantity;
        case PriceColumn:
            return line.item.priceMinor;
        case AmountColumn:
            return line.amountMinor();
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (Column(index.column())) {
        case ItemColumn:
            return role == Qt::DisplayRole ? u"%1  %2"_s.arg(line.item.code, displayName(line.item))
                                           : QVariant(line.item.code);
        case QuantityColumn:
            return line.quantity;
        case PriceColumn:
            return DisplayText::money(Money(line.item.priceMinor, cny));
        case AmountColumn:
            return DisplayText::money(Money(line.amountMinor(), cny));
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != ItemColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ItemColumn)
        return tr("Barcode %1").arg(line.item.barcode);
    return {};
}

bool BasketModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != QuantityColumn || !index.isValid())
        return false;
    bool ok = false;
    const int quantity = value.toInt(&ok);
    return ok && setQuantity(index.row(), quantity);
}

QVariant BasketModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant((section == ItemColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ItemColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Qty");
    case PriceColumn:
        return tr("Price");
    case AmountColumn:
        return tr("Amount");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags BasketModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuantityColumn && !m_locked)
        f |= Qt::ItemIsEditable;
    return f;
}

bool BasketModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (m_locked || parent.isValid() || row < 0 || count <= 0 || row + count > m_lines.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_lines.remove(row, count);
    endRemoveRows();
    emit totalChanged(totalMinor());
    return true;
}

int BasketModel::add(const CatalogueItem &item, int quantity)
{
    if (m_locked || quantity <= 0)
        return -1;
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines.at(row).item.code == item.code) {
            setQuantity(row, qMin(kMaxQuantity, m_lines.at(row).quantity + quantity));
            return row;
        }
    }
    const int row = int(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(Line {item, qMin(kMaxQuantity, quantity)});
    endInsertRows();
    emit totalChanged(totalMinor());
    return row;
}

bool BasketModel::setQuantity(int row, int quantity)
{
    if (m_locked || row < 0 || row >= m_lines.size() || quantity < 1 || quantity > kMaxQuantity)
        return false;
    m_lines[row].quantity = quantity;
    emit dataChanged(index(row, QuantityColumn), index(row, AmountColumn));
    emit totalChanged(totalMinor());
    return true;
}

void BasketModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_locked = false;
    endResetModel();
    emit totalChanged(0);
}

void BasketModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_lines.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void BasketModel::setLocked(bool locked)
{
    m_locked = locked;
}

qint64 BasketModel::totalMinor() const
{
    qint64 total = 0;
    for (const Line &line : m_lines)
        total += line.amountMinor();
    return total;
}

int BasketModel::itemCount() const
{
    int n = 0;
    for (const Line &line : m_lines)
        n += line.quantity;
    return n;
}

} // namespace pay::ui
