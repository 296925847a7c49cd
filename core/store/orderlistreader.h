#pragma once

#include "../domain/states.h"
#include "../error.h"
#include "../money/money.h"

#include <QList>
#include <QStringList>
#include <QString>
#include <memory>

namespace pay {

class Database;

// The channels a payment flow can use ("coupon", "wallet", "card", "qr_a", "qr_b"), in the order
// a cashier tenders them.
const QStringList &paymentChannels();

// What the orders list shows: every status (empty set) or some, optionally narrowed to order
// numbers that start with (or equal) a text, and to orders with a payment flow on one channel.
struct OrderListFilter
{
    QList<TradeStatus> statuses; // empty: every status
    QString orderNo; // empty: no search
    bool exactOrderNo = false; // false: orderNo is a prefix
    // "coupon", "wallet", "card", "qr_a", "qr_b": only orders with at least one flow (in any
    // state) on this channel. Empty: any channel, or none.
    QString channel;

    bool isEmpty() const { return statuses.isEmpty() && orderNo.isEmpty() && channel.isEmpty(); }
    friend bool operator==(const OrderListFilter &, const OrderListFilter &) = default;
};

// One row of the list: the columns a person scans, not the whole trade order.
struct OrderListRow
{
    qint64 id = 0;
    QString merchantId;
    QString outTradeNo;
    QString subject;
    Money amount;
    TradeStatus status = TradeStatus::Created;
    qint64 paidMinor = 0;
    qint64 refundedMinor = 0;
    bool frozen = false;
    QString freezeReason;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// A count that may stop early: when exact is false, value is a lower bound ("at least").
struct OrderCount
{
    qint64 value = 0;
    bool exact = true;
};

// A read-only pager over trade_orders on its own read-only connection. WAL lets it read beside
// the writer, so a reader never waits on a payment being written.
//
// Paging is by key, never by OFFSET: page(filter, beforeId, n) returns the newest n matching rows
// with id < beforeId. Each page costs an index range walk of about n entries, however deep the
// list, so the first page and the ten-thousandth are equally fast on a million rows.
//
// A channel filter keeps the same walk and tests each order with one seek of ix_flow_trade
// (an order has a handful of flows), so a page costs its size divided by the share of orders
// that used the channel: a few milliseconds for any channel a shop actually takes.
//
// Like every Database, a reader belongs to the thread that opened it.
class OrderListReader
{
public:
    static constexpr int kDefaultPageSize = 200;
    // How a prefix search reads a page. First it looks at the kScanWindow rows just below the
    // cursor (cheap, and enough when matches are dense among recent orders). Failing that, a
    // prefix with at most kSortablePrefixLimit matches sorts their ids from the order-number
    // index (about 30 ms for 85,000 matches); a broader prefix scans down from the cursor, which
    // finds a page quickly because at least one row in ten matches on a million rows.
    static constexpr qint64 kScanWindow = 20'000;
    static constexpr qint64 kSortablePrefixLimit = 100'000;

    // The thresholds above; the defaults suit a million rows, tests shrink them to reach every
    // plan with a few thousand.
    struct Tuning
    {
        qint64 scanWindow = kScanWindow;
        qint64 sortablePrefixLimit = kSortablePrefixLimit;
    };
    void setTuning(const Tuning &tuning);

    ~OrderListReader();
    OrderListReader(const OrderListReader &) = delete;
    OrderListReader &operator=(const OrderListReader &) = delete;

    // Opens path read-only. The file must exist and have the current schema.
    static Result<std::unique_ptr<OrderListReader>> open(const QString &path);

    const QString &path() const;

    // The newest rows matching filter with id < beforeId (beforeId <= 0: from the newest), newest
    // first, at most limit of them.
    Result<QList<OrderListRow>> page(const OrderListFilter &filter, qint64 beforeId, int limit);

    // Every trade order, exactly. SQLite counts the entries of its smallest index, which on a
    // million rows takes milliseconds, not a table scan.
    Result<qint64> totalCount();

    // Rows matching filter, counted up to cap; beyond cap the result is a lower bound.
    Result<OrderCount> count(const OrderListFilter &filter, qint64 cap);

private:
    enum class PrefixPlan { Unknown, Sortable, Broad };

    explicit OrderListReader(std::unique_ptr<Database> db);
    Result<QList<OrderListRow>> pageForStatus(
        const OrderListFilter &filter, const TradeStatus *status, qint64 beforeId, int limit);
    Result<QList<OrderListRow>> prefixPage(const OrderListFilter &filter, qint64 beforeId, int limit);
    Result<PrefixPlan> prefixPlan(const QString &prefix);

    std::unique_ptr<Database> m_db;
    QString m_plannedPrefix;
    PrefixPlan m_prefixPlan = PrefixPlan::Unknown;
    Tuning m_tuning;
};

} // namespace pay
