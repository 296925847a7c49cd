#pragma once

#include "keysettablemodel.h"
#include "recon/reconreader.h"

namespace pay::ui {

// The statement runs, newest first, read a page at a time from a ReconReader
// (canFetchMore/fetchMore, keyset paging on the run id): however many runs there are, only the
// rows scrolled to are read. After an import, or a refresh, reload reads the first page again.
class ReconRunsModel : public KeysetTableModel<ReconRunRow>
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

    const ReconRunRow &run(int row) const { return rows().at(row); }
    // The row of runId among the rows read so far; -1 when it is not (yet) read.
    int rowOf(qint64 runId) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void readFailed(const QString &message);

protected:
    Result<QList<ReconRunRow>> readPage(const ReconRunRow *after, int limit) override;
    void handleReadFailed(const QString &message) override { emit readFailed(message); }

private:
    QVariant displayData(const ReconRunRow &row, int column) const;
    QVariant underlyingData(const ReconRunRow &row, int column) const;

    ReconReader *m_reader = nullptr;
};

} // namespace pay::ui
