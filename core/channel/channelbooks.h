#pragma once

#include "../error.h"
#include "../store/sqlstatement.h"
#include "../store/walcheckpointer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

struct sqlite3;

namespace pay {

class SqlStatement;

// The simulated channels' own books: an SQLite file of their own (by convention
// "<core db>.channels.sqlite"), never the core database and never joined with it. The core
// learns what is in here only through the Channel interface, callbacks and statements.
// One ChannelBooks is used from one thread; it owns a uniquely named connection.
class ChannelBooks
{
public:
    // Channel-side order status words (ch_orders.status).
    static QString statusNotPay(); // QR order created, customer has not paid
    static QString statusPaid();
    static QString statusRefunded(); // fully refunded
    static QString statusClosed();
    static QString statusFailed();

    struct Order
    {
        QString channel;
        QString flowNo;
        QString channelOrderNo; // QR prepay id
        QString channelTxnNo; // set once paid
        qint64 amountMinor = 0;
        QString currency;
        QString subject;
        QString account;
        QString status;
        QString failCode;
        qint64 createdMs = 0;
        qint64 paidMs = 0;
        qint64 closedMs = 0;
        qint64 expiresMs = 0;
        qint64 refundedMinor = 0;
        qint64 feeMinor = 0;
    };

    struct Refund
    {
        QString channel;
        QString refundNo;
        QString flowNo;
        QString channelRefundNo;
        QString channelTxnNo; // of the refunded payment
        qint64 amountMinor = 0;
        QString currency;
        QString status; // SUCCESS
        qint64 createdMs = 0;
        qint64 doneMs = 0;
        qint64 feeReturnedMinor = 0;
    };

    struct Member
    {
        QString memberId;
        QString name;
        qint64 balanceMinor = 0;
        QString currency;
    };

    // A voucher is single use: it pays any amount up to its value and is then used up (no
    // change is given). Refunding the payment restores it.
    struct Voucher
    {
        QString code;
        qint64 valueMinor = 0;
        QString currency;
        qint64 validFromMs = 0;
        qint64 validToMs = 0; // exclusive
        QString usedByFlowNo; // empty while unused
    };

    // Rolls back unless committed. Nested use is not supported. Inside a commit group it is a
    // savepoint: its work becomes durable when the group commits.
    class Transaction
    {
    public:
        explicit Transaction(ChannelBooks &books);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool isActive() const { return m_active; }
        Result<void> commit();
        // Commits of all channel books in this process (for benchmarks).
        static quint64 commitCount();

    private:
        ChannelBooks &m_books;
        bool m_active = false;
        bool m_savepoint = false;
    };

    // Group commit of the channel's own books (see Database::beginGroup): between beginGroup()
    // and commitGroup() every Transaction is a savepoint in one write transaction.
    Result<void> beginGroup();
    Result<void> commitGroup(); // no-op when no group is open
    void rollbackGroup();
    bool inGroup() const { return m_group; }

    // Opens (and creates, unless mustExist) the books at path and brings the schema up to date.
    // exclusive: see Database::Options::exclusive. backgroundCheckpoints: see
    // Database::Options::backgroundCheckpoints (never with exclusive).
    static Result<std::unique_ptr<ChannelBooks>> open(const QString &path, bool mustExist = false, bool exclusive = false,
                                                      bool backgroundCheckpoints = true);
    static QString pathForCoreDatabase(const QString &coreDatabasePath);
    ~ChannelBooks();
    ChannelBooks(const ChannelBooks &) = delete;
    ChannelBooks &operator=(const ChannelBooks &) = delete;

    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }
    // The background checkpointer (null in exclusive mode: SQLite's automatic checkpoint).
    WalCheckpointer *checkpointer() const { return m_checkpointer.get(); }

    Result<std::optional<Order>> order(const QString &channel, const QString &flowNo) const;
    Result<void> insertOrder(const Order &order);
    Result<void> updateOrder(const Order &order); // by (channel, flowNo)
    Result<QList<Order>> orders(const QString &channel) const;
    Result<QList<Order>> paidBetween(const QString &channel, qint64 fromMs, qint64 toMs) const;

    Result<std::optional<Refund>> refund(const QString &channel, const QString &refundNo) const;
    Result<void> insertRefund(const Refund &refund);
    Result<QList<Refund>> refundsBetween(const QString &channel, qint64 fromMs, qint64 toMs) const;

    // Per-channel counter for transaction ids: 1, 2, 3...
    Result<qint64> nextSequence(const QString &channel);

    Result<std::optional<Member>> member(const QString &memberId) const;
    Result<void> upsertMember(const Member &member);
    Result<void> setMemberBalance(const QString &memberId, qint64 balanceMinor);

    Result<std::optional<Voucher>> voucher(const QString &code) const;
    Result<void> upsertVoucher(const Voucher &voucher);
    Result<void> setVoucherUsedBy(const QString &code, const QString &flowNo); // empty = restore

private:
    ChannelBooks(QString path, QString connection);
    Result<void> migrate();
    Result<void> exec(const QString &sql);
    // A prepared statement cached for this connection (forward-only); callers finish() it.
    SqlStatement &stmt(const QString &sql) const;
    Result<void> control(const QString &sql); // transaction control through the cache

    QString m_path;
    QString m_connection;
    mutable StatementCache m_statements;
    QHash<QString, qint64> m_sequences; // the last value nextSequence() handed out per channel
    mutable sqlite3 *m_handle = nullptr;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // checkpoints off the committing thread
    bool m_group = false;
    bool m_groupBegun = false;
};

// Demo data for the demo database: members M1001..M1010 with CNY balances (M1003 nearly
// empty, for the insufficient-funds story) and vouchers CP-5OFF, CP-10OFF, CP-20OFF, CP-50OFF,
// CP-10OFF-B, CP-EXPIRED (expired) and CP-FUTURE (not yet valid), valid for a year from nowMs.
// Re-seeding keeps existing rows (balances and used vouchers are left alone).
Result<void> seedDemoBooks(ChannelBooks &books, qint64 nowMs);

} // namespace pay
