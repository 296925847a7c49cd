#include "orderlistreader.h"

#include "database.h"

#include <QSqlQuery>
#include <algorithm>
#include <limits>

namespace pay {

namespace {

// The SQL below names its indexes (INDEXED BY / NOT INDEXED) instead of trusting the planner:
// without ANALYZE statistics SQLite may pick the status index for "status = ? ORDER BY id" one
// day and a full sort the next, and on a million rows that is the difference between 1 ms and a
// second. Naming an index also makes a renamed index fail loudly in tests instead of turning
// slow. This is the SQLite-specific part of the reader; a PostgreSQL reader would drop the hints.
const QString kColumns = QStringLiteral(
    "id, merchant_id, out_trade_no, subject, amount, currency, status, paid_amount, refunded_amount,"
    " frozen, freeze_reason, created_at, updated_at");

QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return s;
}

// The smallest string greater than every string that starts with prefix: the prefix with its
// last code point incremented (a last code point that cannot grow is dropped first). SQLite
// compares TEXT as UTF-8 bytes, which order like code points, so [prefix, upper) holds exactly
// the strings that start with prefix. Empty: no upper bound.
QString prefixUpperBound(const QString &prefix)
{
    QList<uint> codePoints = prefix.toUcs4();
    while (!codePoints.isEmpty()) {
        uint &last = codePoints.back();
        if (last >= 0x10FFFF) {
            codePoints.removeLast();
            continue;
        }
        last = last == 0xD7FF ? 0xE000 : last + 1; // the surrogate range is no code point
        return QString::fromUcs4(
            reinterpret_cast<const char32_t *>(codePoints.constData()), codePoints.size());
    }
    return QString();
}

struct Range
{
    QString lower;
    QString upper; // empty: unbounded
};

Range prefixRange(const QString &prefix)
{
    return Range {prefix, prefixUpperBound(prefix)};
}

QString rangeCondition(const Range &r)
{
    return r.upper.isEmpty() ? QStringLiteral("out_trade_no >= ?")
                             : QStringLiteral("out_trade_no >= ? AND out_trade_no < ?");
}

void bindRange(QSqlQuery &q, const Range &r)
{
    q.addBindValue(r.lower);
    if (!r.upper.isEmpty())
        q.addBindValue(r.upper);
}

void bindStatuses(QSqlQuery &q, const QList<TradeStatus> &statuses)
{
    for (TradeStatus s : statuses)
        q.addBindValue(toString(s));
}

// The order has a flow on the filter's channel (ix_flow_trade: one seek per order). Empty when
// the filter names no channel. The correlated name is the nearest trade_orders in scope.
QString channelCondition(const OrderListFilter &filter)
{
    return filter.channel.isEmpty()
        ? QString()
        : QStringLiteral(" AND EXISTS (SELECT 1 FROM payment_flows cf INDEXED BY ix_flow_trade"
                         " WHERE cf.trade_id = trade_orders.id AND cf.channel = ?)");
}

void bindChannel(QSqlQuery &q, const OrderListFilter &filter)
{
    if (!filter.channel.isEmpty())
        q.addBindValue(filter.channel);
}

Result<OrderListRow> readRow(const QSqlQuery &q)
{
    OrderListRow r;
    r.id = q.value(0).toLongLong();
    r.merchantId = q.value(1).toString();
    r.outTradeNo = q.value(2).toString();
    r.subject = q.value(3).toString();
    const auto currency = Currency::fromCode(q.value(5).toString());
    r.amount = Money(q.value(4).toLongLong(), currency ? *currency : Currency());
    if (!fromString(q.value(6).toString(), r.status))
        return fail(ErrorCode::NotADatabase,
            QCoreApplication::translate("Store", "Corrupt row in %1: %2")
                .arg(QStringLiteral("trade_orders"), q.value(6).toString()));
    r.paidMinor = q.value(7).toLongLong();
    r.refundedMinor = q.value(8).toLongLong();
    r.frozen = q.value(9).toInt() != 0;
    r.freezeReason = q.value(10).toString();
    r.createdAtMs = q.value(11).toLongLong();
    r.updatedAtMs = q.value(12).toLongLong();
    return r;
}

Result<QList<OrderListRow>> readRows(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what));
    QList<OrderListRow> rows;
    while (q.next()) {
        auto row = readRow(q);
        if (!row) {
            q.finish();
            return std::unexpected(row.error());
        }
        rows.append(std::move(*row));
    }
    q.finish();
    return rows;
}

Result<qint64> readCount(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what));
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

qint64 effectiveBefore(qint64 beforeId)
{
    return beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
}

} // namespace

const QStringList &paymentChannels()
{
    static const QStringList channels = {QStringLiteral("coupon"), QStringLiteral("wallet"),
        QStringLiteral("card"), QStringLiteral("qr_a"), QStringLiteral("qr_b")};
    return channels;
}

OrderListReader::OrderListReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
}

OrderListReader::~OrderListReader() = default;

Result<std::unique_ptr<OrderListReader>> OrderListReader::open(const QString &path)
{
    Database::Options options;
    options.mode = Database::Mode::ReadOnly;
    options.create = false;
    auto db = Database::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<OrderListReader>(new OrderListReader(std::move(*db)));
}

void OrderListReader::setTuning(const Tuning &tuning)
{
    m_tuning = tuning;
    m_prefixPlan = PrefixPlan::Unknown;
}

const QString &OrderListReader::path() const
{
    return m_db->path();
}

// Remembered for the last prefix, so paging through a search counts its matches once. A plan
// that went stale as orders arrived only costs speed: every plan returns the same rows.
Result<OrderListReader::PrefixPlan> OrderListReader::prefixPlan(const QString &prefix)
{
    if (m_prefixPlan != PrefixPlan::Unknown && m_plannedPrefix == prefix)
        return m_prefixPlan;
    const Range range = prefixRange(prefix);
    QSqlQuery &q
        = m_db->prepared(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM trade_orders INDEXED BY "
                                        "ix_trade_out_no WHERE ")
            + rangeCondition(range) + QStringLiteral(" LIMIT ?)"));
    bindRange(q, range);
    q.addBindValue(m_tuning.sortablePrefixLimit + 1);
    auto n = readCount(q, QCoreApplication::translate("Store", "Search trade orders"));
    if (!n)
        return std::unexpected(n.error());
    m_plannedPrefix = prefix;
    m_prefixPlan = *n > m_tuning.sortablePrefixLimit ? PrefixPlan::Broad : PrefixPlan::Sortable;
    return m_prefixPlan;
}

Result<QList<OrderListRow>> OrderListReader::page(const OrderListFilter &filter, qint64 beforeId, int limit)
{
    if (limit <= 0)
        return QList<OrderListRow>();
    const qint64 before = effectiveBefore(beforeId);
    const QString what = QCoreApplication::translate("Store", "Read trade orders");

    if (filter.exactOrderNo && !filter.orderNo.isEmpty()) {
        // An order number is unique per merchant: a handful of rows, straight from the index.
        QString sql = QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(
                " FROM trade_orders INDEXED BY ix_trade_out_no WHERE out_trade_no = ? AND id < ?");
        if (!filter.statuses.isEmpty())
            sql += QStringLiteral(" AND status IN (") + placeholders(filter.statuses.size())
                + QStringLiteral(")");
        sql += channelCondition(filter) + QStringLiteral(" ORDER BY id DESC LIMIT ?");
        QSqlQuery &q = m_db->prepared(sql);
        q.addBindValue(filter.orderNo);
        q.addBindValue(before);
        bindStatuses(q, filter.statuses);
        bindChannel(q, filter);
        q.addBindValue(limit);
        return readRows(q, what);
    }
    if (!filter.orderNo.isEmpty()) {
        auto plan = prefixPlan(filter.orderNo);
        if (!plan)
            return std::unexpected(plan.error());
        if (*plan == PrefixPlan::Sortable)
            return prefixPage(filter, before, limit);
    }

    // No search, or a prefix too broad to sort: walk ids from the newest down (per status, on the
    // (status, id) index) and stop after limit matches. Several statuses are merged here rather than with
    // "status IN", which SQLite can only serve by sorting every match.
    if (filter.statuses.isEmpty())
        return pageForStatus(filter, nullptr, before, limit);
    if (filter.statuses.size() == 1)
        return pageForStatus(filter, &filter.statuses.front(), before, limit);
    QList<OrderListRow> merged;
    for (const TradeStatus &status : filter.statuses) {
        auto rows = pageForStatus(filter, &status, before, limit);
        if (!rows)
            return rows;
        merged.append(std::move(*rows));
    }
    std::sort(merged.begin(), merged.end(),
        [](const OrderListRow &a, const OrderListRow &b) { return a.id > b.id; });
    if (merged.size() > limit)
        merged.resize(limit);
    return merged;
}

Result<QList<OrderListRow>> OrderListReader::prefixPage(
    const OrderListFilter &filter, qint64 before, int limit)
{
    const QString what = QCoreApplication::translate("Store", "Search trade orders");
    const Range range = prefixRange(filter.orderNo);
    const QString statusCondition = filter.statuses.isEmpty()
        ? QString()
        : QStringLiteral(" AND status IN (") + placeholders(filter.statuses.size()) + QStringLiteral(")");
    const QString extraConditions = statusCondition + channelCondition(filter);

    // The window just below the cursor. If it holds a whole page, that page is exact: every row
    // outside the window has a smaller id than every row in it.
    QSqlQuery &window = m_db->prepared(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM trade_orders NOT INDEXED WHERE id < ? AND id >= ? AND ")
        + rangeCondition(range) + extraConditions + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    qint64 top = before;
    if (top == std::numeric_limits<qint64>::max()) {
        QSqlQuery &maxId
            = m_db->prepared(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM trade_orders"));
        auto newest = readCount(maxId, what);
        if (!newest)
            return std::unexpected(newest.error());
        top = *newest;
    }
    window.addBindValue(top);
    window.addBindValue(top - m_tuning.scanWindow);
    bindRange(window, range);
    bindStatuses(window, filter.statuses);
    bindChannel(window, filter);
    window.addBindValue(limit);
    auto rows = readRows(window, what);
    if (!rows || rows->size() >= limit)
        return rows;

    // Otherwise sort the ids of every match (the order-number index holds them, so only the
    // status needs the table) and read the page's rows by id.
    QSqlQuery &sorted = m_db->prepared(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM trade_orders WHERE id IN (SELECT id FROM trade_orders "
                         "INDEXED BY ix_trade_out_no WHERE ")
        + rangeCondition(range) + QStringLiteral(" AND id < ?") + extraConditions
        + QStringLiteral(" ORDER BY id DESC LIMIT ?) ORDER BY id DESC"));
    bindRange(sorted, range);
    sorted.addBindValue(before);
    bindStatuses(sorted, filter.statuses);
    bindChannel(sorted, filter);
    sorted.addBindValue(limit);
    return readRows(sorted, what);
}

Result<QList<OrderListRow>> OrderListReader::pageForStatus(
    const OrderListFilter &filter, const TradeStatus *status, qint64 before, int limit)
{
    const bool search = !filter.orderNo.isEmpty();
    const Range range = prefixRange(filter.orderNo);
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM trade_orders ");
    sql += status ? QStringLiteral("INDEXED BY ix_trade_status WHERE status = ? AND id < ?")
                  : QStringLiteral("NOT INDEXED WHERE id < ?");
    if (search)
        sql += QStringLiteral(" AND ") + rangeCondition(range);
    sql += channelCondition(filter) + QStringLiteral(" ORDER BY id DESC LIMIT ?");
    QSqlQuery &q = m_db->prepared(sql);
    if (status)
        q.addBindValue(toString(*status));
    q.addBindValue(before);
    if (search)
        bindRange(q, range);
    bindChannel(q, filter);
    q.addBindValue(limit);
    return readRows(q, QCoreApplication::translate("Store", "Read trade orders"));
}

Result<qint64> OrderListReader::totalCount()
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT count(*) FROM trade_orders"));
    return readCount(q, QCoreApplication::translate("Store", "Count trade orders"));
}

Result<OrderCount> OrderListReader::count(const OrderListFilter &filter, qint64 cap)
{
    if (filter.isEmpty()) {
        auto n = totalCount();
        if (!n)
            return std::unexpected(n.error());
        return OrderCount {*n, true};
    }
    cap = std::max<qint64>(cap, 1);
    // Counting needs no order, so a search always walks the order-number index: even a broad
    // prefix is one contiguous range of it, cheaper than any scan.
    QString from;
    QStringList conditions;
    const Range range = prefixRange(filter.orderNo);
    if (!filter.orderNo.isEmpty()) {
        from = QStringLiteral("trade_orders INDEXED BY ix_trade_out_no");
        conditions << (filter.exactOrderNo ? QStringLiteral("out_trade_no = ?") : rangeCondition(range));
    } else if (!filter.statuses.isEmpty()) {
        from = QStringLiteral("trade_orders INDEXED BY ix_trade_status");
    } else {
        from = QStringLiteral("trade_orders NOT INDEXED");
    }
    if (!filter.statuses.isEmpty())
        conditions << QStringLiteral("status IN (") + placeholders(filter.statuses.size())
                + QStringLiteral(")");
    if (!filter.channel.isEmpty())
        conditions << channelCondition(filter).mid(5); // without the leading " AND "
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM ") + from
        + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")) + QStringLiteral(" LIMIT ?)"));
    if (!filter.orderNo.isEmpty()) {
        if (filter.exactOrderNo)
            q.addBindValue(filter.orderNo);
        else
            bindRange(q, range);
    }
    bindStatuses(q, filter.statuses);
    bindChannel(q, filter);
    q.addBindValue(cap + 1);
    auto n = readCount(q, QCoreApplication::translate("Store", "Count trade orders"));
    if (!n)
        return std::unexpected(n.error());
    if (*n > cap)
        return OrderCount {cap, false};
    return OrderCount {*n, true};
}

} // namespace pay
