#pragma once

#include "store/opsqueues.h"

#include <QAbstractTableModel>
#include <QList>

namespace pay::ui {

// One work queue's rows, read a page at a time from an OpsQueueReader (canFetchMore/fetchMore).
// Sorting asks the reader for another order (time, amount, channel or state, either way), which it
// pages by (value, key): clicking a header never reads the whole queue.
class OpsQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { OrderNo, CreatedAt, Age, Amount, Channel, State, Detail, Entity, ChannelTxnNo, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        // Raw values: minor units as qint64, times as QDateTime, age in seconds, text as QString.
        UnderlyingDataRole = Qt::UserRole,
    };

    explicit OpsQueueModel(QObject *parent = nullptr);

    // The reader stays owned by the caller; nullptr empties the model.
    void setReader(OpsQueueReader *reader);
    void setQueue(OpsQueue queue);
    OpsQueue queue() const { return m_queue; }
    void setFilter(const OpsQueueFilter &filter);
    const OpsQueueFilter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = std::max(rows, 1); }

    const OpsQueueRow &row(int row) const { return m_rows.at(row); }
    QString lastError() const { return m_lastError; }

    // Reads the first page again (a new queue, filter or reload).
    void reload();
    // Headers and states were translated again: repaint them, keeping rows and selection.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Since, Age, Amount, Channel and State sort (Age descending is the oldest first); the other
    // columns keep the current order.
    void sort(int column, Qt::SortOrder order) override;
    // Whether a column can be sorted by, and the reader's order for it.
    static bool isSortable(int column);

    // The state and detail columns in words.
    static QString stateText(OpsQueue queue, const QString &state);
    static QString detailText(OpsQueue queue, const OpsQueueRow &row);
    static QString ageText(qint64 seconds);

signals:
    void readFailed(const QString &message);

private:
    QVariant displayData(const OpsQueueRow &row, int column) const;
    QVariant underlyingData(const OpsQueueRow &row, int column) const;

    OpsQueueReader *m_reader = nullptr;
    OpsQueue m_queue = OpsQueue::Stuck;
    OpsQueueFilter m_filter;
    QList<OpsQueueRow> m_rows;
    bool m_hasMore = false;
    int m_pageSize = OpsQueueReader::kDefaultPageSize;
    QString m_lastError;
};

} // namespace pay::ui
