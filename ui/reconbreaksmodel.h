#pragma once

#include "keysettablemodel.h"
#include "recon/reconreader.h"

namespace pay::ui {

// The breaks of one statement run in one category, read a page at a time from a ReconReader
// (canFetchMore/fetchMore, keyset paging on the break id, highest first): a run with 50,000
// breaks is browsed by scrolling, never read whole.
class ReconBreaksModel : public KeysetTableModel<ReconBreakRow>
{
    Q_OBJECT

public:
    enum Column {
        FlowNo,
        ChannelTxnNo,
        LocalAmount,
        StatementAmount,
        LocalStatus,
        StatementStatus,
        Line,
        State,
        Detail,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        // Raw values: amounts in minor units as qint64 (invalid when that side has none), the
        // statement line as int (invalid when none), statuses and states as stored (QString).
        UnderlyingDataRole = Qt::UserRole,
    };

    explicit ReconBreaksModel(QObject *parent = nullptr);

    // The reader stays owned by the caller; nullptr empties the model.
    void setReader(ReconReader *reader);
    // Lists run's breaks of category (a name such as "AMOUNT_MISMATCH"; empty: every category).
    // runId 0 empties the model.
    void setRun(qint64 runId, const QString &category);
    qint64 runId() const { return m_runId; }
    QString category() const { return m_category; }

    const ReconBreakRow &breakRow(int row) const { return rows().at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A local flow or refund flow status in words ("SUCCEEDED" -> "Succeeded"); unknown text as is.
    static QString localStatusText(const QString &status);
    // "OPEN" -> "Open", ...; unknown text as is.
    static QString stateText(const QString &state);

signals:
    void readFailed(const QString &message);

protected:
    Result<QList<ReconBreakRow>> readPage(const ReconBreakRow *after, int limit) override;
    void handleReadFailed(const QString &message) override { emit readFailed(message); }

private:
    QVariant displayData(const ReconBreakRow &row, int column) const;
    QVariant underlyingData(const ReconBreakRow &row, int column) const;

    ReconReader *m_reader = nullptr;
    qint64 m_runId = 0;
    QString m_category;
};

} // namespace pay::ui
