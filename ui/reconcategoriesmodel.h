#pragma once

#include <QAbstractTableModel>
#include <QMap>
#include <QStringList>

namespace pay::ui {

// A statement run's summary: one row per statement category (matched first, then the break
// categories) with its count. The rows are fixed; setCounts only changes the numbers.
class ReconCategoriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Category, Count, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        // Raw values: the category's name ("AMOUNT_MISMATCH") as QString, the count as qint64.
        UnderlyingDataRole = Qt::UserRole,
    };

    explicit ReconCategoriesModel(QObject *parent = nullptr);

    // The statement categories in row order, by name.
    static QStringList categoryNames();

    // Counts by category name; a category missing from counts shows 0.
    void setCounts(const QMap<QString, qint64> &counts);
    qint64 count(const QString &category) const { return m_counts.value(category); }
    QString category(int row) const { return categoryNames().value(row); }
    int rowOf(const QString &category) const { return int(categoryNames().indexOf(category)); }
    // Category names were translated again: repaint them.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A category's name in words ("AMOUNT_MISMATCH" -> "Amount mismatch"); unknown names as is.
    static QString categoryText(const QString &category);

private:
    QMap<QString, qint64> m_counts;
};

} // namespace pay::ui
