#pragma once

#include "../error.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;

namespace pay {

class Database;

// The operations console's work queues: the orders the engine could not settle by itself.
enum class OpsQueue {
    Stuck,         // a flow still PAYING/PREPAID past a threshold, or handed to reconciliation
    ClosedButPaid, // refunds the engine opened for orders paid after they were closed
    Duplicate,     // refunds the engine opened for duplicate payments
    FailedRefunds, // refund orders that ended FAILED
    Frozen,        // trade orders frozen by a loss-prevention guard
    Breaks,        // reconciliation breaks still OPEN or HELD
};
constexpr int kOpsQueueCount = 6;
QString toString(OpsQueue queue); // "STUCK", "CLOSED_BUT_PAID", ... (for CSV and logs)

// What a queue is ordered by. Ties (same amount, channel or state) fall back to the row's key,
// so the order is total and a page boundary never drops or repeats a row.
enum class OpsQueueSort {
    Time,    // when the case started (the key follows creation time)
    Amount,  // minor units
    Channel, // channel name ("card", "qr_a"…; a frozen order has none)
    State,   // the flow's, refund's, trade's or break's state name
};

struct OpsQueueFilter
{
    // An exact id of any kind: order no., flow no., channel transaction no., refund no. or
    // refund flow no. Empty: every row of the queue.
    QString search;
    // Only cases on this channel ("coupon", "wallet", "card", "qr_a", "qr_b"). A frozen order
    // matches when any of its flows used the channel. Empty: every channel.
    QString channel;
    // Only cases that started at least this long before nowMs (0: any age).
    qint64 olderThanMs = 0;
    // Amount bounds in minor units, inclusive (negative: no bound).
    qint64 minAmountMinor = -1;
    qint64 maxAmountMinor = -1;
    // ClosedButPaid and Duplicate are work queues: a case stays while its refund has not
    // succeeded (pending, or failed with no retry that has not failed). true: also the settled
    // cases, for review.
    bool includeSettled = false;
    OpsQueueSort sortBy = OpsQueueSort::Time;
    bool descending = true; // with Time: newest first
    // Stuck: a flow counts once it is older than this (recon_pending flows count at once).
    qint64 nowMs = 0; // 0: the current time
    qint64 stuckAfterMs = 5 * 60 * 1000;
};

// One row of a queue: enough to recognise the case and open its order.
struct OpsQueueRow
{
    qint64 key = 0;     // the row's id in its own table (flow, refund, trade or break): the paging key
    qint64 atMs = 0;    // when the case started (the flow, refund, order or break was created)
    qint64 tradeId = 0; // 0: a break with no local flow
    QString orderNo;
    QString entityNo;   // flow no. (stuck), refund no. (refunds), order no. (frozen), flow no. (breaks)
    qint64 amountMinor = 0;
    QString currency;
    QString state;      // the flow's, refund's, trade's or break's state name
    QString channel;
    QString channelTxnNo;
    QString refundNo;
    qint64 breakId = 0;
    QString reason;     // refund reason, freeze reason or break category
    bool reconPending = false;
};

// Read-only pager over the work queues on its own read-only connection, like OrderListReader:
// keyset paging on each queue's own id (which follows creation time), never OFFSET.
//
// Cost on a large database: Frozen walks ix_trade_frozen and Breaks ix_recon_breaks_state, so a
// page costs about its size. Stuck reads the in-flight flows from ix_flow_status (there are few:
// every flow leaves PAYING/PREPAID within minutes unless it is stuck). The refund queues walk
// refund_orders by id, filtering on reason/status: one pass over the refunds, not the orders.
// A search first resolves the id to its trade orders through the unique indexes, then reads only
// their rows.
//
// Filters are conditions on that same walk. Sorting by anything but time pages on the pair
// (sort value, key): "value < v OR (value = v AND key < k)", never OFFSET, so the ten-thousandth
// page costs what the first does. A queue is a small part of the orders, so SQLite's top-N sort of
// one queue's matches stays in milliseconds (docs/benchmarks.md, "Operations queues").
class OpsQueueReader
{
public:
    static constexpr int kDefaultPageSize = 200;

    ~OpsQueueReader();
    OpsQueueReader(const OpsQueueReader &) = delete;
    OpsQueueReader &operator=(const OpsQueueReader &) = delete;

    static Result<std::unique_ptr<OpsQueueReader>> open(const QString &path);
    const QString &path() const;

    // The rows after the row after in the filter's order (nullptr: from the start). after must
    // be a row this queue returned with the same filter (its key and sort value are the cursor).
    Result<QList<OpsQueueRow>> page(OpsQueue queue, const OpsQueueFilter &filter, const OpsQueueRow *after,
                                    int limit);
    Result<qint64> count(OpsQueue queue, const OpsQueueFilter &filter);

    // Writes every row matching filter as CSV (header first), reading page by page so memory stays
    // flat. progress(written, total) is called after each page; returning false stops early.
    // Returns the number of rows written (fewer than total when stopped).
    Result<qint64> exportCsv(OpsQueue queue, const OpsQueueFilter &filter, QIODevice &out,
                             const std::function<bool(qint64 written, qint64 total)> &progress = {},
                             int pageSize = 1000);

private:
    explicit OpsQueueReader(std::unique_ptr<Database> db);
    Result<QList<qint64>> tradesMatching(const QString &id);
    Result<QList<OpsQueueRow>> read(OpsQueue queue, const OpsQueueFilter &filter, const OpsQueueRow *after,
                                    int limit, bool countOnly, qint64 *count);

    std::unique_ptr<Database> m_db;
};

} // namespace pay
