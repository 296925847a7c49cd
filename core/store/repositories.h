#pragma once

#include "../domain/entities.h"
#include "database.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace pay {

// A conditional update either applied or matched no row because another writer moved the
// record first (its status or version changed). Losing the race is not an error: the caller
// re-reads and decides again.
enum class UpdateOutcome { Applied, LostRace };

class TradeRepository
{
public:
    explicit TradeRepository(Database &db) : m_db(db) {}
    Result<qint64> insert(TradeOrder &trade);
    Result<TradeOrder> find(qint64 id);
    Result<TradeOrder> findByOutTradeNo(const QString &merchantId, const QString &outTradeNo);
    // UPDATE ... WHERE id = ? AND status = ? AND version = ?; on Applied, trade.status/version
    // are updated in place.
    Result<UpdateOutcome> transition(TradeOrder &trade, TradeStatus to, qint64 nowMs);
    // Money columns move with a version check as well.
    Result<UpdateOutcome> updateAmounts(TradeOrder &trade, qint64 paidMinor, qint64 refundedMinor, qint64 nowMs);
    Result<UpdateOutcome> freeze(TradeOrder &trade, const QString &reason, qint64 nowMs);
    Result<UpdateOutcome> unfreeze(TradeOrder &trade, qint64 nowMs);
    // Records the attempt that paid the order (conditional on the version).
    Result<UpdateOutcome> setPaidBy(TradeOrder &trade, qint64 paymentId, qint64 nowMs);
    // Takes the trade row for the rest of the transaction (the refund guard's first step).
    Result<void> lock(qint64 tradeId);
    Result<qint64> count();

private:
    Database &m_db;
};

class PaymentRepository
{
public:
    explicit PaymentRepository(Database &db) : m_db(db) {}
    Result<qint64> insert(PaymentOrder &payment);
    Result<PaymentOrder> find(qint64 id);
    Result<PaymentOrder> findByNo(const QString &paymentNo);
    Result<QList<PaymentOrder>> forTrade(qint64 tradeId);
    Result<UpdateOutcome> transition(PaymentOrder &payment, PaymentStatus to, qint64 nowMs,
                                     const QString &failReason = QString());
    // Gives the payment its number (derived from its row id after the insert).
    Result<void> number(PaymentOrder &payment, const QString &paymentNo);
    // The payment was inserted and numbered in this transaction: remembered as it is.
    void rememberNew(const PaymentOrder &payment);

private:
    Result<PaymentOrder> read(qint64 id);

    Database &m_db;
};

class FlowRepository
{
public:
    explicit FlowRepository(Database &db) : m_db(db) {}
    Result<qint64> insert(PaymentFlow &flow);
    Result<PaymentFlow> find(qint64 id);
    Result<PaymentFlow> findByNo(const QString &flowNo);
    Result<PaymentFlow> findByChannelTxn(const QString &channel, const QString &channelTxnNo);
    Result<QList<PaymentFlow>> forPayment(qint64 paymentId);
    // Every flow of the payment the flow `flowId` belongs to (itself included), in seq order.
    Result<QList<PaymentFlow>> siblingsOf(qint64 flowId);
    Result<QList<PaymentFlow>> forTrade(qint64 tradeId);
    // The trade's flows of payments other than `paymentId` still waiting at their channel
    // (PREPAID or PAYING): usually none, so this reads no rows at all.
    Result<QList<PaymentFlow>> waitingOfOtherPayments(qint64 tradeId, qint64 paymentId);
    // Transition with the fields the move brings, set on `flow` before calling: the channel
    // txn no. for SUCCEEDED, the fail code and reason for FAILED and CLOSED (QR content has its
    // own update). Other fields are not written.
    Result<UpdateOutcome> transition(PaymentFlow &flow, FlowStatus to, qint64 nowMs);
    Result<UpdateOutcome> addRefunded(PaymentFlow &flow, qint64 deltaMinor, qint64 nowMs);
    Result<UpdateOutcome> setReconPending(PaymentFlow &flow, bool pending, qint64 nowMs);
    // The channel's transaction no. of a flow that has none yet (a late success names it).
    Result<void> setChannelTxnNo(PaymentFlow &flow, const QString &txnNo, qint64 nowMs);
    // The payment row was inserted in this transaction: the memo knows it has no flows yet.
    void rememberNewPayment(qint64 paymentId);

private:
    Result<QList<PaymentFlow>> readForPayment(qint64 paymentId);
    Result<QList<PaymentFlow>> readSiblingsOf(qint64 flowId);
    static void verifyHit(const QList<PaymentFlow> &hit, const Result<QList<PaymentFlow>> &read, const char *how);
    template<typename LookUp, typename Read>
    Result<QList<PaymentFlow>> remembered(LookUp lookUp, Read read, const char *how);

    Database &m_db;
};

class RefundRepository
{
public:
    explicit RefundRepository(Database &db) : m_db(db) {}
    Result<qint64> insert(RefundOrder &refund);
    Result<qint64> insertFlow(RefundFlow &flow);
    Result<RefundOrder> find(qint64 id);
    Result<RefundOrder> findByNo(const QString &refundNo);
    Result<QList<RefundOrder>> forTrade(qint64 tradeId);
    Result<QList<RefundFlow>> flowsOf(qint64 refundId);
    Result<RefundFlow> findFlow(qint64 id);
    Result<RefundFlow> findFlowByNo(const QString &refundFlowNo);
    Result<UpdateOutcome> transition(RefundOrder &refund, RefundStatus to, qint64 nowMs);
    Result<UpdateOutcome> transitionFlow(RefundFlow &flow, RefundStatus to, qint64 nowMs);
    Result<QList<RefundFlow>> flowsOfTrade(qint64 tradeId);
    // A FAILED refund flow whose remainder was still reserved: RETRIED:<no.> or ABANDONED.
    Result<UpdateOutcome> resolveFlow(RefundFlow &flow, const QString &resolution, qint64 nowMs);

private:
    Database &m_db;
};

// The callback secrets agreed with each channel. secretFor() returns the stored one; a given
// secret replaces it; with neither, 32 random bytes are drawn and stored (a new database).
class ChannelSecretStore
{
public:
    explicit ChannelSecretStore(Database &db) : m_db(db) {}
    Result<QByteArray> secretFor(const QString &channel, const QByteArray &configured = {});

private:
    Database &m_db;
};

// Facts about the database file (meta table): the numbering epoch.
class MetaStore
{
public:
    explicit MetaStore(Database &db) : m_db(db) {}
    Result<qint64> numberingEpoch();
    Result<void> setNumberingEpoch(qint64 epoch);

private:
    Database &m_db;
};

class LedgerRepository
{
public:
    explicit LedgerRepository(Database &db) : m_db(db) {}
    // Refuses a posting set that does not sum to zero per currency, before writing anything.
    Result<void> post(const QString &postingSet, const QList<LedgerPosting> &postings);
    Result<QList<LedgerPosting>> forTrade(qint64 tradeId);
    // Posting sets whose postings do not sum to zero: (set, currency, sum).
    struct Imbalance
    {
        QString postingSet;
        QString currency;
        qint64 sum = 0;
    };
    Result<QList<Imbalance>> unbalanced();

private:
    Database &m_db;
};

class EventRepository
{
public:
    explicit EventRepository(Database &db) : m_db(db) {}
    Result<qint64> append(const Event &event);
    Result<QList<Event>> forTrade(qint64 tradeId);
    Result<qint64> count();

private:
    Database &m_db;
};

// Stripe-like idempotency keys: the first request with a key stores its response; the same
// key with the same request gets that response again; the same key with a different request
// is an IdempotencyConflict; keys expire after a configurable time and may then be reused.
class IdempotencyStore
{
public:
    explicit IdempotencyStore(Database &db, qint64 ttlMs = 24LL * 3600 * 1000) : m_db(db), m_ttlMs(ttlMs) {}

    struct Claim
    {
        bool replay = false;        // true: this key was seen with this request
        QByteArray storedResponse;  // the response to replay (empty while the first is in flight)
    };
    // Call inside the transaction that does the work.
    Result<Claim> claim(const QString &scope, const QString &key, const QByteArray &requestHash, qint64 nowMs);
    // What claim() would answer, without writing: a replay (with its stored response), a
    // conflict (an error), or a key that is free (replay false; expired keys count as free).
    Result<Claim> peek(const QString &scope, const QString &key, const QByteArray &requestHash, qint64 nowMs);
    Result<void> storeResponse(const QString &scope, const QString &key, const QByteArray &response);
    Result<int> purgeExpired(qint64 nowMs);
    static QByteArray hashRequest(const QByteArray &canonicalRequest);

private:
    Result<Claim> look(const QString &scope, const QString &key, const QByteArray &requestHash, qint64 nowMs, bool *expired);

    Database &m_db;
    qint64 m_ttlMs;
};

} // namespace pay
