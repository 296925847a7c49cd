#pragma once

#include "engine/catalogue.h"

#include <QAbstractTableModel>

namespace pay::ui {

// The lines of the basket being sold: article, quantity, unit price, line amount. Quantity is
// editable in place; amounts are integer minor units (CNY) in UnderlyingDataRole.
class BasketModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ItemColumn, QuantityColumn, PriceColumn, AmountColumn, ColumnCount };
    static constexpr int UnderlyingDataRole = Qt::UserRole + 1;
    static constexpr int kMaxQuantity = 999;

    struct Line
    {
        CatalogueItem item;
        int quantity = 1;
        qint64 amountMinor() const { return item.priceMinor * quantity; }
    };

    explicit BasketModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // Adds quantity of item; an article already in the basket gets its quantity raised.
    // Returns the row.
    int add(const CatalogueItem &item, int quantity = 1);
    bool setQuantity(int row, int quantity);
    void clear();
    // Names and headers in the new UI language.
    void retranslate();
    // While locked (a payment was accepted for this basket) nothing can change.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }

    const QList<Line> &lines() const { return m_lines; }
    qint64 totalMinor() const;
    int itemCount() const;
    // The article's name in the current UI language.
    static QString displayName(const CatalogueItem &item);

signals:
    void totalChanged(qint64 totalMinor);

private:
    QList<Line> m_lines;
    bool m_locked = false;
};

} // namespace pay::ui
