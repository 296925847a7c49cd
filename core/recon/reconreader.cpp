#include "reconreader.h"

#include "../store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace pay {

namespace {

const QString kRunColumns = QStringLiteral(
    "id, channel, statement_day, format, file_name, lines, quarantined, matched, breaks, auto_resolved,"
    " started_at");
const QString kBreakColumns = QStringLiteral(
    "id, category, flow_no, channel_txn_no, local_amount, statement_amount, local_status, statement_status,"
    " line_no, state, detail");

// A row of kRunColumns.
ReconRunRow runFrom(const QSqlQuery &q)
{
    ReconRunRow r;
    r.id = q.value(0).toLongLong();
    r.channel = q.value(1).toString();
    r.statementDay = q.value(2).toString();
    r.format = q.value(3).toString();
    r.fileName = q.value(4).toString();
    r.lines = q.value(5).toLongLong();
    r.quarantined = q.value(6).toLongLong();
    r.matched = q.value(7).toLongLong();
    r.breaks = q.value(8).toLongLong();
    r.autoResolved = q.value(9).toLongLong();
    r.startedAtMs = q.value(10).toLongLong();
    return r;
}

// A row of kBreakColumns.
ReconBreakRow breakFrom(const QSqlQuery &q)
{
    ReconBreakRow r;
    r.id = q.value(0).toLongLong();
    r.category = q.value(1).toString();
    r.flowNo = q.value(2).toString();
    r.channelTxnNo = q.value(3).toString();
    r.hasLocalAmount = !q.value(4).isNull();
    r.localAmount = q.value(4).toLongLong();
    r.hasStatementAmount = !q.value(5).isNull();
    r.statementAmount = q.value(5).toLongLong();
    r.localStatus = q.value(6).toString();
    r.statementStatus = q.value(7).toString();
    r.lineNo = q.value(8).toInt();
    r.state = q.value(9).toString();
    r.detail = q.value(10).toString();
    return r;
}

qint64 keyBelow(qint64 beforeId)
{
    return beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
}

} // namespace

ReconReader::ReconReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
}

ReconReader::~ReconReader() = default;

Result<std::unique_ptr<ReconReader>> ReconReader::open(const QString &path)
{
    Database::Options options;
    options.mode = Database::Mode::ReadOnly;
    options.create = false;
    auto db = Database::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<ReconReader>(new ReconReader(std::move(*db)));
}

Result<QList<ReconRunRow>> ReconReader::runsPage(qint64 beforeId, int limit)
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT ") + kRunColumns
        + QStringLiteral(" FROM recon_runs WHERE kind = 'STATEMENT' AND id < ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(keyBelow(beforeId));
    q.addBindValue(std::max(limit, 0));
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Read reconciliation runs")));
    QList<ReconRunRow> rows;
    while (q.next())
        rows.append(runFrom(q));
    q.finish();
    return rows;
}

Result<std::optional<ReconRunRow>> ReconReader::run(qint64 runId)
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT ") + kRunColumns
        + QStringLiteral(" FROM recon_runs WHERE kind = 'STATEMENT' AND id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Read reconciliation runs")));
    std::optional<ReconRunRow> row;
    if (q.next())
        row = runFrom(q);
    q.finish();
    return row;
}

Result<QList<ReconBreakRow>> ReconReader::breaksPage(
    qint64 runId, const QString &category, qint64 beforeId, int limit)
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT ") + kBreakColumns
        + QStringLiteral(" FROM recon_breaks INDEXED BY ix_recon_breaks_run"
                         " WHERE run_id = ? AND id < ? AND (coalesce(?, '') = '' OR category = ?) ORDER BY id DESC LIMIT ?"));
    q.addBindValue(runId);
    q.addBindValue(keyBelow(beforeId));
    q.addBindValue(category);
    q.addBindValue(category);
    q.addBindValue(std::max(limit, 0));
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Read reconciliation breaks")));
    QList<ReconBreakRow> rows;
    while (q.next())
        rows.append(breakFrom(q));
    q.finish();
    return rows;
}

Result<QMap<QString, qint64>> ReconReader::breakCounts(qint64 runId)
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT category, count(*) FROM recon_breaks INDEXED BY "
                                                 "ix_recon_breaks_run WHERE run_id = ? GROUP BY category"));
    q.addBindValue(runId);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Read reconciliation breaks")));
    QMap<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    q.finish();
    return counts;
}

Result<QList<ReconQuarantineRow>> ReconReader::quarantined(qint64 runId)
{
    QSqlQuery &q = m_db->prepared(
        QStringLiteral("SELECT line_no, reason FROM recon_quarantine WHERE run_id = ? ORDER BY line_no"));
    q.addBindValue(runId);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Read quarantined lines")));
    QList<ReconQuarantineRow> rows;
    while (q.next())
        rows.append({q.value(0).toInt(), q.value(1).toString()});
    q.finish();
    return rows;
}

Result<QString> ReconReader::orderNoForFlow(const QString &flowNo)
{
    QSqlQuery &q = m_db->prepared(QStringLiteral(
        "SELECT t.out_trade_no FROM payment_flows f JOIN trade_orders t ON t.id = f.trade_id"
        " WHERE f.flow_no = ?"
        " UNION ALL SELECT t.out_trade_no FROM refund_flows rf JOIN refund_orders r ON r.id = rf.refund_id"
        " JOIN trade_orders t ON t.id = r.trade_id WHERE rf.refund_flow_no = ? LIMIT 1"));
    q.addBindValue(flowNo);
    q.addBindValue(flowNo);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Store", "Find order of flow")));
    const QString orderNo = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return orderNo;
}

} // namespace pay
