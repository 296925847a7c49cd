#pragma once

#include "recon/reconreader.h"

#include <QAbstractTableModel>
#include <QList>

namespace pay::ui {

// The breaks of one statement run in one category, read a page at a time from a ReconReader
// (canFetchMore/fetchMore, keyset paging on the break id, highest first): a run with 50,000
// breaks is browsed by scrolling, never read whole.
class ReconBreaksModel : public QAbstractTableModel
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
    void setPageSize(int rows) { m_pageSize = std::max(rows, 1); }

    const ReconBreakRow &breakRow(int row) const { return m_rows.at(row); }
    QString lastError() const { return m_lastError; }

    // Reads the first page again.
    void reload();
    // Headers and statuses were translated again: repaint them, keeping rows and selection.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // A local flow or refund flow status in words ("SUCCEEDED" -> "Succeeded"); unknown text as is.
    static QString localStatusText(const QString &status);
    // "OPEN" -> "Open", ...; unknown text as is.
    static QString stateText(const QString &state);

signals:
    void readFailed(const QString &message);

private:
    QVariant displayData(const ReconBreakRow &row, int column) const;
    QVariant underlyingData(const ReconBreakRow &row, int column) const;

    ReconReader *m_reader = nullptr;
    qint64 m_runId = 0;
    QString m_category;
    QList<ReconBreakRow> m_rows;
    bool m_hasMore = false;
    int m_pageSize = ReconReader::kDefaultPageSize;
    QString m_lastError;
};

} // namespace pay::ui
