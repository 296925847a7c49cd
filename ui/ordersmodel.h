#pragma once

#include "store/orderlistreader.h"

#include <QAbstractTableModel>
#include <QList>
#include <QLocale>
#include <memory>

namespace pay::ui {

// The orders list: trade orders newest first, read a page at a time from an OrderListReader.
// Rows are fetched lazily (canFetchMore/fetchMore), so the list opens at once on a million
// orders; a filter change starts again from the newest matching row.
class OrdersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        OutTradeNo,
        CreatedAt,
        Subject,
        Amount,
        Status,
        Paid,
        Refunded,
        Merchant,
        UpdatedAt,
        ColumnCount
    };
    enum Role {
        // Raw values for sorting, copying and tests: minor units as qint64, times as QDateTime,
        // the status as pay::TradeStatus, text as QString. DisplayRole only formats these.
        UnderlyingDataRole = Qt::UserRole,
        TradeIdRole, // the trade order's id (qint64), for opening its details
        FrozenRole, // bool: a loss-prevention guard froze the order
    };
    Q_ENUM(Column)

    static constexpr qint64 kCountCap = 100'000;

    // The Status column's text: the state in words, marked when the order is frozen.
    static QString statusText(TradeStatus status, bool frozen);

    explicit OrdersModel(QObject *parent = nullptr);
    ~OrdersModel() override;

    // Takes the reader (nullptr: no database) and loads the first page.
    void setReader(std::unique_ptr<OrderListReader> reader);
    bool hasReader() const { return m_reader != nullptr; }
    QString databasePath() const;

    void setFilter(const OrderListFilter &filter);
    const OrderListFilter &filter() const { return m_filter; }

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    // Formats with this locale from now on (and repaints).
    void setLocale(const QLocale &locale);
    QLocale locale() const { return m_locale; }

    // Every trade order in the database, and those matching the filter (counted up to
    // kCountCap; beyond it the count is a lower bound).
    qint64 totalCount() const { return m_total; }
    OrderCount matchingCount() const { return m_matching; }
    // The last read error, empty when the last read succeeded.
    QString lastError() const { return m_lastError; }

    // Headers and states were translated again: repaint them.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Reads the newest rows again, picking up orders written since.
    void reload();

signals:
    // The rows were read again from the newest (a new reader, filter or reload); counts changed.
    void reloaded();
    void readFailed(const QString &message);

private:
    enum class CountTotal { Keep, Again };
    void resetRows(CountTotal countTotal);
    QVariant displayData(const OrderListRow &row, int column) const;
    QVariant underlyingData(const OrderListRow &row, int column) const;

    std::unique_ptr<OrderListReader> m_reader;
    OrderListFilter m_filter;
    QList<OrderListRow> m_rows;
    bool m_hasMore = false;
    int m_pageSize = OrderListReader::kDefaultPageSize;
    QLocale m_locale;
    qint64 m_total = 0;
    OrderCount m_matching;
    QString m_lastError;
};

} // namespace pay::ui
