#include "opsqueues.h"

#include "database.h"
#include "orderlistreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace pay {

namespace {

// The channels a transaction no. may belong to. ux_flow_channel_txn leads with the channel, so
// naming every channel turns "channel_txn_no = ?" into one index seek per channel instead of a
// scan (SQLite has no skip-scan without ANALYZE statistics).
const QStringList &kChannels = paymentChannels();

QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return s;
}

// The parts of one queue's query. Every queue selects the same columns, in this order:
// key, at, trade id, order no., entity no., amount, currency, state, channel, channel txn no.,
// refund no., break id, reason, recon pending. The expressions name what filters and sorting test;
// channel and state are never NULL there (an absent channel is ''), so "=" and "<" order them.
struct QueueSql
{
    QString columns;
    QString from;
    QString where;
    QString key;
    QString at;
    QString amount;
    QString state;
    QString channel;
    QString channelFilter; // the condition for OpsQueueFilter::channel, one "?"
};

QueueSql queueSql(OpsQueue queue, bool searching)
{
    switch (queue) {
    case OpsQueue::Stuck:
        // In-flight flows are few, so "status IN" sorting its matches by id stays cheap.
        return {QStringLiteral("f.id, f.created_at, t.id, t.out_trade_no, f.flow_no, f.amount, f.currency, f.status,"
                               " f.channel, f.channel_txn_no, NULL, 0, NULL, f.recon_pending"),
                QStringLiteral("payment_flows f INDEXED BY ix_flow_status CROSS JOIN trade_orders t ON t.id = f.trade_id"),
                QStringLiteral("f.status IN ('PAYING', 'PREPAID') AND (f.recon_pending = 1 OR f.created_at <= ?)"),
                QStringLiteral("f.id"), QStringLiteral("f.created_at"), QStringLiteral("f.amount"),
                QStringLiteral("f.status"), QStringLiteral("f.channel"), QStringLiteral("f.channel = ?")};
    case OpsQueue::ClosedButPaid:
    case OpsQueue::Duplicate:
    case OpsQueue::FailedRefunds: {
        const QString condition = queue == OpsQueue::ClosedButPaid ? QStringLiteral("r.reason = 'CLOSED_BUT_PAID'")
            : queue == OpsQueue::Duplicate                         ? QStringLiteral("r.reason = 'DUPLICATE_PAYMENT'")
                                                                   : QStringLiteral(
                                                                         "r.status = 'FAILED' AND NOT EXISTS (SELECT 1"
                                                                         " FROM refund_orders retry INDEXED BY ux_refund_no"
                                                                         " WHERE retry.refund_no >= r.refund_no || '-R'"
                                                                         " AND retry.refund_no < r.refund_no || '-S'"
                                                                         " AND retry.status <> 'FAILED')");
        // A failed refund leaves the queue once a retry ("<refund no>-R1", "-R2"…) has not failed;
        // the retries are a range of ux_refund_no (LIKE would scan every refund for each one).
        // A refund's channel is its first refund flow's (ix_refund_flow_refund: one seek).
        const QString channel = QStringLiteral(
            "coalesce((SELECT rf.channel FROM refund_flows rf WHERE rf.refund_id = r.id ORDER BY rf.id LIMIT 1), '')");
        return {QStringLiteral("r.id, r.created_at, t.id, t.out_trade_no, r.refund_no, r.amount, r.currency, r.status, ")
                    + channel
                    + QStringLiteral(", (SELECT f.channel_txn_no FROM refund_flows rf JOIN payment_flows f ON f.id = rf.flow_id"
                                     "  WHERE rf.refund_id = r.id ORDER BY rf.id LIMIT 1),"
                                     " r.refund_no, 0, r.reason, 0"),
                // A search drives from the trade ids (ix_refund_trade); otherwise walk refunds by id.
                searching ? QStringLiteral("refund_orders r CROSS JOIN trade_orders t ON t.id = r.trade_id")
                          : QStringLiteral("refund_orders r NOT INDEXED CROSS JOIN trade_orders t ON t.id = r.trade_id"),
                condition, QStringLiteral("r.id"), QStringLiteral("r.created_at"), QStringLiteral("r.amount"),
                QStringLiteral("r.status"), channel, channel + QStringLiteral(" = ?")};
    }
    case OpsQueue::Frozen:
        return {QStringLiteral("t.id, t.created_at, t.id, t.out_trade_no, t.out_trade_no, t.amount, t.currency, t.status,"
                               " NULL, NULL, NULL, 0, t.freeze_reason, 0"),
                QStringLiteral("trade_orders t INDEXED BY ix_trade_frozen"), QStringLiteral("t.frozen = 1"),
                QStringLiteral("t.id"), QStringLiteral("t.created_at"), QStringLiteral("t.amount"),
                QStringLiteral("t.status"), QStringLiteral("''"),
                QStringLiteral("EXISTS (SELECT 1 FROM payment_flows cf INDEXED BY ix_flow_trade"
                               " WHERE cf.trade_id = t.id AND cf.channel = ?)")};
    case OpsQueue::Breaks:
        // Every expression reads recon_breaks alone, so the ids of a page are chosen on it
        // before the joins (see read()).
        return {QStringLiteral("b.id, b.created_at, coalesce(t.id, 0), t.out_trade_no, b.flow_no,"
                               " coalesce(b.local_amount, b.statement_amount, 0), coalesce(f.currency, 'CNY'), b.state,"
                               " b.channel, b.channel_txn_no, NULL, b.id, b.category, 0"),
                QStringLiteral("recon_breaks b"
                               " LEFT JOIN payment_flows f ON f.flow_no = b.flow_no"
                               " LEFT JOIN trade_orders t ON t.id = f.trade_id"),
                QStringLiteral("b.state IN ('OPEN', 'HELD')"), QStringLiteral("b.id"), QStringLiteral("b.created_at"),
                QStringLiteral("coalesce(b.local_amount, b.statement_amount, 0)"), QStringLiteral("b.state"),
                QStringLiteral("b.channel"), QStringLiteral("b.channel = ?")};
    }
    return {};
}

QString sortExpression(const QueueSql &parts, OpsQueueSort sort)
{
    switch (sort) {
    case OpsQueueSort::Time: return QString(); // the key alone
    case OpsQueueSort::Amount: return parts.amount;
    case OpsQueueSort::Channel: return parts.channel;
    case OpsQueueSort::State: return parts.state;
    }
    return QString();
}

QVariant sortValue(const OpsQueueRow &row, OpsQueueSort sort)
{
    switch (sort) {
    case OpsQueueSort::Time: return {};
    case OpsQueueSort::Amount: return row.amountMinor;
    case OpsQueueSort::Channel: return row.channel; // '' when the row has none, as in SQL
    case OpsQueueSort::State: return row.state;
    }
    return {};
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QStringLiteral("\"") + quoted + QStringLiteral("\"");
}

} // namespace

QString toString(OpsQueue queue)
{
    switch (queue) {
    case OpsQueue::Stuck: return QStringLiteral("STUCK");
    case OpsQueue::ClosedButPaid: return QStringLiteral("CLOSED_BUT_PAID");
    case OpsQueue::Duplicate: return QStringLiteral("DUPLICATE");
    case OpsQueue::FailedRefunds: return QStringLiteral("FAILED_REFUNDS");
    case OpsQueue::Frozen: return QStringLiteral("FROZEN");
    case OpsQueue::Breaks: return QStringLiteral("BREAKS");
    }
    return {};
}

OpsQueueReader::OpsQueueReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
}

OpsQueueReader::~OpsQueueReader() = default;

Result<std::unique_ptr<OpsQueueReader>> OpsQueueReader::open(const QString &path)
{
    Database::Options options;
    options.mode = Database::Mode::ReadOnly;
    options.create = false;
    auto db = Database::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<OpsQueueReader>(new OpsQueueReader(std::move(*db)));
}

const QString &OpsQueueReader::path() const
{
    return m_db->path();
}

// Every trade order the id names, through the unique indexes: an order no., a flow no., a channel
// transaction no., a refund no. or a refund flow no.
Result<QList<qint64>> OpsQueueReader::tradesMatching(const QString &id)
{
    QSqlQuery &q = m_db->prepared(
        QStringLiteral("SELECT id FROM trade_orders INDEXED BY ix_trade_out_no WHERE out_trade_no = ?"
                       " UNION SELECT trade_id FROM payment_flows INDEXED BY ux_flow_no WHERE flow_no = ?"
                       " UNION SELECT trade_id FROM payment_flows INDEXED BY ux_flow_channel_txn"
                       "  WHERE channel IN (")
        + placeholders(kChannels.size())
        + QStringLiteral(") AND channel_txn_no = ?"
                         " UNION SELECT trade_id FROM refund_orders INDEXED BY ux_refund_no WHERE refund_no = ?"
                         " UNION SELECT trade_id FROM refund_flows INDEXED BY ux_refund_flow_no WHERE refund_flow_no = ?"));
    q.addBindValue(id);
    q.addBindValue(id);
    for (const QString &channel : kChannels)
        q.addBindValue(channel);
    q.addBindValue(id);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Store", "Search work queues")));
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    return ids;
}

Result<QList<OpsQueueRow>> OpsQueueReader::read(OpsQueue queue, const OpsQueueFilter &filter,
                                                const OpsQueueRow *after, int limit, bool countOnly, qint64 *count)
{
    const QString search = filter.search.trimmed();
    const bool searching = !search.isEmpty();
    QList<qint64> trades;
    if (searching) {
        auto found = tradesMatching(search);
        if (!found)
            return std::unexpected(found.error());
        trades = *found;
        if (trades.isEmpty() && queue != OpsQueue::Breaks) {
            if (count)
                *count = 0;
            return QList<OpsQueueRow>();
        }
    }
    const qint64 now = filter.nowMs > 0 ? filter.nowMs : QDateTime::currentMSecsSinceEpoch();

    // Conditions and their values in the order they appear in the SQL.
    const QueueSql parts = queueSql(queue, searching);
    QString where = parts.where;
    QVariantList values;
    if (queue == OpsQueue::Stuck)
        values << now - filter.stuckAfterMs;
    if (searching) {
        const QString tradeColumn = queue == OpsQueue::Stuck ? QStringLiteral("f.trade_id")
            : queue == OpsQueue::Frozen                      ? QStringLiteral("t.id")
            : queue == OpsQueue::Breaks                      ? QStringLiteral("f.trade_id")
                                                             : QStringLiteral("r.trade_id");
        const QString inTrades = trades.isEmpty()
            ? QStringLiteral("0")
            : tradeColumn + QStringLiteral(" IN (") + placeholders(trades.size()) + QStringLiteral(")");
        if (queue == OpsQueue::Breaks) {
            where += QStringLiteral(" AND (b.flow_no = ? OR b.channel_txn_no = ? OR ") + inTrades + QStringLiteral(")");
            values << search << search;
        } else {
            where += QStringLiteral(" AND ") + inTrades;
        }
        for (qint64 id : std::as_const(trades))
            values << id;
    }
    if ((queue == OpsQueue::ClosedButPaid || queue == OpsQueue::Duplicate) && !filter.includeSettled) {
        // Open cases only: the refund has not succeeded, and no retry of it has gone through.
        where += QStringLiteral(" AND r.status <> 'SUCCEEDED' AND NOT EXISTS (SELECT 1 FROM refund_orders retry"
                                " INDEXED BY ux_refund_no WHERE retry.refund_no >= r.refund_no || '-R'"
                                " AND retry.refund_no < r.refund_no || '-S' AND retry.status <> 'FAILED')");
    }
    if (!filter.channel.isEmpty()) {
        where += QStringLiteral(" AND ") + parts.channelFilter;
        values << filter.channel;
    }
    if (filter.olderThanMs > 0) {
        where += QStringLiteral(" AND ") + parts.at + QStringLiteral(" <= ?");
        values << now - filter.olderThanMs;
    }
    if (filter.minAmountMinor >= 0) {
        where += QStringLiteral(" AND ") + parts.amount + QStringLiteral(" >= ?");
        values << filter.minAmountMinor;
    }
    if (filter.maxAmountMinor >= 0) {
        where += QStringLiteral(" AND ") + parts.amount + QStringLiteral(" <= ?");
        values << filter.maxAmountMinor;
    }

    const QString sortBy = sortExpression(parts, filter.sortBy);
    const QString op = filter.descending ? QStringLiteral(" < ?") : QStringLiteral(" > ?");
    const bool paging = !countOnly && after;
    if (paging && sortBy.isEmpty()) {
        where += QStringLiteral(" AND ") + parts.key + op;
        values << after->key;
    } else if (paging) {
        where += QStringLiteral(" AND (") + sortBy + op + QStringLiteral(" OR (") + sortBy
            + QStringLiteral(" = ? AND ") + parts.key + op + QStringLiteral("))");
        const QVariant value = sortValue(*after, filter.sortBy);
        values << value << value << after->key;
    }
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const auto orderBy = [&](const QString &expression, const QString &key) -> QString {
        if (expression.isEmpty())
            return key + direction;
        return expression + direction + QStringLiteral(", ") + key + direction;
    };

    QString sql;
    if (queue == OpsQueue::Breaks && !searching) {
        // Choose the page's ids on the state index alone (it covers state and id), then join only
        // those: joining every open break before sorting costs ~100 ms at 10,000 breaks.
        const auto unqualified = [](QString text) { return text.replace(QStringLiteral("b."), QString()); };
        const QString ids = QStringLiteral("SELECT id FROM recon_breaks INDEXED BY ix_recon_breaks_state WHERE ")
            + unqualified(where);
        if (countOnly)
            sql = QStringLiteral("SELECT count(*) FROM (") + ids + QStringLiteral(")");
        else
            sql = QStringLiteral("SELECT ") + parts.columns + QStringLiteral(" FROM ") + parts.from
                + QStringLiteral(" WHERE b.id IN (") + ids + QStringLiteral(" ORDER BY ")
                + orderBy(unqualified(sortBy), QStringLiteral("id")) + QStringLiteral(" LIMIT ?) ORDER BY ")
                + orderBy(sortBy, parts.key);
    } else if (countOnly) {
        sql = QStringLiteral("SELECT count(*) FROM ") + parts.from + QStringLiteral(" WHERE ") + where;
    } else {
        sql = QStringLiteral("SELECT ") + parts.columns + QStringLiteral(" FROM ") + parts.from
            + QStringLiteral(" WHERE ") + where + QStringLiteral(" ORDER BY ") + orderBy(sortBy, parts.key)
            + QStringLiteral(" LIMIT ?");
    }

    QSqlQuery &q = m_db->prepared(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!countOnly)
        q.addBindValue(limit);

    const QString what = QCoreApplication::translate("Store", "Read work queue %1").arg(toString(queue));
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what));
    QList<OpsQueueRow> rows;
    if (countOnly) {
        *count = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        return rows;
    }
    while (q.next()) {
        OpsQueueRow r;
        r.key = q.value(0).toLongLong();
        r.atMs = q.value(1).toLongLong();
        r.tradeId = q.value(2).toLongLong();
        r.orderNo = q.value(3).toString();
        r.entityNo = q.value(4).toString();
        r.amountMinor = q.value(5).toLongLong();
        r.currency = q.value(6).toString();
        r.state = q.value(7).toString();
        r.channel = q.value(8).toString();
        r.channelTxnNo = q.value(9).toString();
        r.refundNo = q.value(10).toString();
        r.breakId = q.value(11).toLongLong();
        r.reason = q.value(12).toString();
        r.reconPending = q.value(13).toInt() != 0;
        rows.append(std::move(r));
    }
    q.finish();
    return rows;
}

Result<QList<OpsQueueRow>> OpsQueueReader::page(OpsQueue queue, const OpsQueueFilter &filter,
                                                const OpsQueueRow *after, int limit)
{
    if (limit <= 0)
        return QList<OpsQueueRow>();
    return read(queue, filter, after, limit, false, nullptr);
}

Result<qint64> OpsQueueReader::count(OpsQueue queue, const OpsQueueFilter &filter)
{
    qint64 n = 0;
    if (auto r = read(queue, filter, nullptr, 0, true, &n); !r)
        return std::unexpected(r.error());
    return n;
}

Result<qint64> OpsQueueReader::exportCsv(OpsQueue queue, const OpsQueueFilter &filter, QIODevice &out,
                                         const std::function<bool(qint64, qint64)> &progress, int pageSize)
{
    auto total = count(queue, filter);
    if (!total)
        return std::unexpected(total.error());
    const auto writeLine = [&out](const QStringList &fields) {
        QStringList escaped;
        escaped.reserve(fields.size());
        for (const QString &f : fields)
            escaped.append(csvField(f));
        const QByteArray line = (escaped.join(u',') + u'\n').toUtf8();
        return out.write(line) == line.size();
    };
    const auto ioError = [&out] {
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("Store", "Cannot write the export: %1").arg(out.errorString()));
    };
    if (!writeLine({QStringLiteral("queue"), QStringLiteral("order_no"), QStringLiteral("entity_no"),
                    QStringLiteral("created_at"), QStringLiteral("age_seconds"), QStringLiteral("amount_minor"),
                    QStringLiteral("currency"), QStringLiteral("state"), QStringLiteral("reason"),
                    QStringLiteral("channel"), QStringLiteral("channel_txn_no"), QStringLiteral("refund_no"),
                    QStringLiteral("break_id"), QStringLiteral("recon_pending")}))
        return ioError();

    const qint64 now = filter.nowMs > 0 ? filter.nowMs : QDateTime::currentMSecsSinceEpoch();
    qint64 written = 0;
    std::optional<OpsQueueRow> cursor;
    for (;;) {
        auto rows = page(queue, filter, cursor ? &*cursor : nullptr, std::max(pageSize, 1));
        if (!rows)
            return std::unexpected(rows.error());
        for (const OpsQueueRow &r : std::as_const(*rows)) {
            if (!writeLine({toString(queue), r.orderNo, r.entityNo,
                            QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC).toString(Qt::ISODateWithMs),
                            QString::number((now - r.atMs) / 1000), QString::number(r.amountMinor), r.currency,
                            r.state, r.reason, r.channel, r.channelTxnNo, r.refundNo,
                            r.breakId ? QString::number(r.breakId) : QString(),
                            r.reconPending ? QStringLiteral("1") : QStringLiteral("0")}))
                return ioError();
            ++written;
        }
        if (progress && !progress(written, std::max(*total, written)))
            return written;
        if (rows->size() < pageSize || rows->isEmpty())
            return written;
        cursor = rows->back();
    }
}

} // namespace pay
