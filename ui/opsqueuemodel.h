#pragma once

#include "keysettablemodel.h"
#include "store/opsqueues.h"

namespace pay::ui {

// One work queue's rows, read a page at a time from an OpsQueueReader (canFetchMore/fetchMore).
// Sorting asks the reader for another order (time, amount, channel or state, either way), which it
// pages by (value, key): clicking a header never reads the whole queue. A new queue, filter or
// order reads the first page again (reload).
class OpsQueueModel : public KeysetTableModel<OpsQueueRow>
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

    const OpsQueueRow &row(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
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

protected:
    Result<QList<OpsQueueRow>> readPage(const OpsQueueRow *after, int limit) override;
    void handleReadFailed(const QString &message) override { emit readFailed(message); }

private:
    QVariant displayData(const OpsQueueRow &row, int column) const;
    QVariant underlyingData(const OpsQueueRow &row, int column) const;

    OpsQueueReader *m_reader = nullptr;
    OpsQueue m_queue = OpsQueue::Stuck;
    OpsQueueFilter m_filter;
};

} // namespace pay::ui
