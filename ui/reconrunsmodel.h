#pragma once

#include "recon/reconreader.h"

#include <QAbstractTableModel>
#include <QList>

namespace pay::ui {

// The statement runs, newest first, read a page at a time from a ReconReader
// (canFetchMore/fetchMore, keyset paging on the run id): however many runs there are, only the
// rows scrolled to are read.
class ReconRunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RunId,
        Channel,
        Day,
        Format,
        File,
        Lines,
        Matched,
        Breaks,
        Quarantined,
        AutoResolved,
        ImportedAt,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        // Raw values: ids and counts as qint64, the import time as QDateTime, text as QString.
        UnderlyingDataRole = Qt::UserRole,
    };

    explicit ReconRunsModel(QObject *parent = nullptr);

    // The reader stays owned by the caller; nullptr empties the model.
    void setReader(ReconReader *reader);
    void setPageSize(int rows) { m_pageSize = std::max(rows, 1); }

    const ReconRunRow &run(int row) const { return m_rows.at(row); }
    // The row of runId among the rows read so far; -1 when it is not (yet) read.
    int rowOf(qint64 runId) const;
    QString lastError() const { return m_lastError; }

    // Reads the first page again (after an import, or a refresh).
    void reload();
    // Headers and channel names were translated again: repaint them, keeping rows and selection.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void readFailed(const QString &message);

private:
    QVariant displayData(const ReconRunRow &row, int column) const;
    QVariant underlyingData(const ReconRunRow &row, int column) const;

    ReconReader *m_reader = nullptr;
    QList<ReconRunRow> m_rows;
    bool m_hasMore = false;
    int m_pageSize = ReconReader::kDefaultPageSize;
    QString m_lastError;
};

} // namespace pay::ui
