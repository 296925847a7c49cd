#pragma once

#include "../error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <memory>
#include <optional>

namespace pay {

class Database;

// One statement run (recon_runs), newest first in lists.
struct ReconRunRow
{
    qint64 id = 0;
    QString channel;
    QString statementDay; // YYYY-MM-DD
    QString format;
    QString fileName;
    qint64 lines = 0;
    qint64 quarantined = 0;
    qint64 matched = 0;
    qint64 breaks = 0;
    qint64 autoResolved = 0;
    qint64 startedAtMs = 0;
};

// One break of a run (recon_breaks): the columns the drill-down shows.
struct ReconBreakRow
{
    qint64 id = 0;
    QString category;
    QString flowNo;
    QString channelTxnNo;
    qint64 localAmount = 0;
    bool hasLocalAmount = false;
    qint64 statementAmount = 0;
    bool hasStatementAmount = false;
    QString localStatus;
    QString statementStatus;
    int lineNo = 0;
    QString state;
    QString detail;
};

struct ReconQuarantineRow
{
    int lineNo = 0;
    QString reason;
};

// Read-only view of the statement runs, their breaks and quarantined lines, on its own
// read-only connection like OpsQueueReader, so the Reconciliation page never issues SQL itself.
// Belongs to the thread that opened it.
class ReconReader
{
public:
    ~ReconReader();
    ReconReader(const ReconReader &) = delete;
    ReconReader &operator=(const ReconReader &) = delete;

    static constexpr int kDefaultPageSize = 200;

    static Result<std::unique_ptr<ReconReader>> open(const QString &path);

    // One page of the statement runs, newest (highest id) first: those with an id below beforeId
    // (0: from the newest), at most limit. Keyset paging on the primary key, never OFFSET, so a
    // late page costs what the first does; pass the last row's id of a page to read the next.
    Result<QList<ReconRunRow>> runsPage(qint64 beforeId, int limit = kDefaultPageSize);
    // One statement run; nullopt when there is none with that id.
    Result<std::optional<ReconRunRow>> run(qint64 runId);
    // One page of a run's breaks in one category (empty: every category), highest id first: those
    // with an id below beforeId (0: from the highest), at most limit. Walks ix_recon_breaks_run
    // (run_id, id), so every page of a run with 50,000 breaks is read in the same time.
    Result<QList<ReconBreakRow>> breaksPage(
        qint64 runId, const QString &category, qint64 beforeId, int limit = kDefaultPageSize);

    // Break counts of a run by category name.
    Result<QMap<QString, qint64>> breakCounts(qint64 runId);
    Result<QList<ReconQuarantineRow>> quarantined(qint64 runId);
    // The order a payment flow (or refund flow) belongs to; empty when none.
    Result<QString> orderNoForFlow(const QString &flowNo);

private:
    explicit ReconReader(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace pay
