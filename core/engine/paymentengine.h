#pragma once

#include "../domain/entities.h"
#include "../store/database.h"
#include "channelaccess.h"
#include "eventpayload.h"

#include <QObject>
#include <QSet>

#include <optional>

namespace pay {

class Clock;
struct ChannelNotification;

struct EngineConfig
{
    QString merchantId = QStringLiteral("M001");
    // Gaps between scheduled queries of an unknown result (seed practice 4).
    QList<qint64> compensationScheduleMs{1000, 2000, 5000, 10000, 20000, 40000, 100000};
    qint64 tradeTtlMs = 15 * 60 * 1000;
    int maxRefundSends = 5; // sends of one refund no. before it surfaces as failed
    // Per-method limits (minor units) checked at accept.
    QHash<QString, qint64> methodLimitMinor{{QStringLiteral("coupon"), 50'000},
                                            {QStringLiteral("wallet"), 500'000},
                                            {QStringLiteral("card"), 5'000'000},
                                            {QStringLiteral("qr_a"), 2'000'000},
                                            {QStringLiteral("qr_b"), 2'000'000}};
};

// One leg of a combined payment as the cashier asked for it.
struct TenderLeg
{
    QString channel; // coupon, wallet, card, qr_a, qr_b
    QString account; // voucher code or member id
    qint64 amountMinor = 0;
};

struct AcceptRequest
{
    QString outTradeNo;
    QString subject;
    Money amount;
    QList<TenderLeg> legs;
    QString idempotencyKey;
    QString actor;
};

struct AcceptTicket
{
    QString outTradeNo;
    QString paymentNo;
    qint64 tradeId = 0;
    qint64 paymentId = 0;
    QStringList flowNos;
    bool replayed = false; // the same idempotency key and request were accepted before
};

struct RefundCommand
{
    QString outTradeNo;
    QString refundNo; // the caller's; retries with the same no. refund once
    qint64 amountMinor = 0;
    QString requestedBy;
    QString approvedBy;
    QString note;
};

struct OrderView
{
    TradeOrder trade;
    QList<PaymentOrder> payments;
    QList<PaymentFlow> flows;
    QList<RefundOrder> refunds;
    QList<RefundFlow> refundFlows;
    QList<Event> events;
};

// The payment domain (支付域). Accepts payments synchronously (validate, write in one
// transaction, return a ticket) and processes them asynchronously through the channels: internal
// legs first, the external leg last; reverses succeeded legs when a later leg fails; drives
// compensation queries of unknown results on a persisted, growing schedule; serializes close and
// payment on the trade with conditional updates; refunds closed-but-paid and duplicate payments
// automatically; posts a balanced ledger entry for every money movement; freezes a trade when a
// guard or invariant fails. Lives on one thread with its own connection; all waiting goes
// through the Clock.
class PaymentEngine : public QObject
{
    Q_OBJECT
public:
    PaymentEngine(Database &db, Clock &clock, ChannelAccess &channels, EngineConfig config = {},
                  QObject *parent = nullptr);
    ~PaymentEngine() override;

    // Resumes persisted compensation, close retries and expiry checks (after a restart).
    Result<int> start();

    Result<AcceptTicket> accept(const AcceptRequest &request);
    // Close the trade (timeout or operator). Asks the channel to close its order first.
    Result<void> close(const QString &outTradeNo, EventSource source, const QString &actor);
    Result<QString> refund(const RefundCommand &command);
    // A refund that failed at the channel after its retries: a new refund (same reason, the
    // failed flows' amounts) under a new refund no. `<old>-R<n>`. Returns the new refund no.
    Result<QString> retryRefund(const QString &refundNo, const QString &requestedBy, const QString &approvedBy);
    // Operator: give up a failed refund's reserved remainder (the money stays with the merchant;
    // the customer is dealt with outside PayDesk). Needs a reason; audited by the caller.
    Result<void> abandonRefund(const QString &refundNo, const QString &actor, const QString &reason);
    // Operator with a manager's approval: a frozen trade is released (automation resumes and
    // re-derives what it had stopped) ...
    Result<void> releaseFrozen(const QString &outTradeNo, const QString &actor, const QString &approvedBy,
                               const QString &reason);
    // ... or refunds a chosen amount (through the one refund guard) and stays frozen until released.
    Result<QString> refundFrozen(const QString &outTradeNo, qint64 amountMinor, const QString &actor,
                                 const QString &approvedBy, const QString &reason);
    // A verified, de-duplicated channel notification (from the callback ingress).
    Result<void> handleNotification(const ChannelNotification &notification);
    // Look-up used by the ingress to reject callbacks for flows we never created.
    Result<void> validateNotification(const ChannelNotification &notification);
    // Operator: query the channel now for a flow or refund flow of this trade.
    Result<void> queryNow(const QString &outTradeNo, const QString &actor);

    // Statement reconciliation, the last source of truth (seed practice 4): the channel's
    // statement shows this flow paid while it is still unknown here (INIT, PREPAID or PAYING,
    // recon_pending or not). Runs the normal success path with source RECON, so a flow whose
    // order was closed meanwhile, or already paid by another attempt, is refunded automatically.
    // A flow that is already terminal is refused (InvalidTransition): that is for operations.
    Result<void> settleFromStatement(const QString &flowNo, const QString &channelTxnNo, qint64 amountMinor);

    Result<OrderView> order(const QString &outTradeNo);
    const EngineConfig &config() const { return m_config; }
    Database &database() { return m_db; }
    int pendingChannelCalls() const { return m_inFlight; }

signals:
    // Emitted after a transition of the trade committed; never before.
    void tradeChanged(const QString &outTradeNo, qint64 tradeId);
    // Emitted as soon as a step's transaction for the trade is done: in a commit group, before
    // the group commits (the simulation's auditor reads the same connection, so it checks each
    // step's work at once). Nothing outside the process may act on it.
    void tradeTouched(qint64 tradeId);
    void tradeFrozen(const QString &outTradeNo, const QString &reason);
    void refundSurfaced(const QString &refundNo, const QString &reason);

private:
    struct Tx;
    // known/knownFlows: the payment's row and flows as the caller has just read or written them
    // (same transaction state), so that they are not read again.
    void advance(qint64 paymentId, const PaymentOrder *known = nullptr, const QList<PaymentFlow> *knownFlows = nullptr);
    // `accepted`: the payment, still ACCEPTED, moves to PROCESSING in the same transaction.
    void startLeg(const PaymentFlow &flow, PaymentOrder *accepted = nullptr);
    bool markProcessing(PaymentOrder &payment);
    void handlePayResult(qint64 flowId, const ChannelResult &result, EventSource source);
    void handlePrepayResult(qint64 flowId, const ChannelResult &result, const PrepayInfo &info);
    Result<void> succeedFlow(qint64 flowId, const QString &txnNo, qint64 amountMinor, EventSource source,
                             const EventPayload &raw);
    Result<void> failFlow(qint64 flowId, const QString &code, const QString &reason, EventSource source,
                          const EventPayload &raw, FlowStatus to = FlowStatus::Failed);
    void completePayment(qint64 paymentId, const PaymentOrder *known = nullptr,
                         const QList<PaymentFlow> *knownFlows = nullptr);
    void failPayment(qint64 paymentId, const QString &reason, EventSource source);
    void finishClose(qint64 tradeId, EventSource source, const QString &actor);
    void closeOtherAttempts(qint64 tradeId, qint64 winnerPaymentId);
    void closeStrayFlow(const PaymentFlow &f);
    // A flow whose queries ran out without an answer is closed at its channel.
    void closeUnknownFlow(const PaymentFlow &f);
    // The one refund guard every refund passes (customer, automatic, retry, frozen-trade
    // refund): inside the caller's transaction, takes the trade row first, then plans refund
    // flows against what each flow can still give, counting refunds in flight and failed
    // refunds whose remainder is still reserved. See docs/refund-guard.md.
    struct RefundPlanLeg
    {
        PaymentFlow flow;
        qint64 amountMinor = 0;
    };
    enum class GuardMode { Customer, Automatic, Retry, Operator };
    Result<QList<RefundPlanLeg>> guardRefund(const TradeOrder &trade, GuardMode mode, qint64 amountMinor,
                                             const QList<qint64> &flowIds);
    Result<qint64> writeRefund(const TradeOrder &trade, const QString &refundNo, RefundReason reason,
                               const QList<RefundPlanLeg> &plan, const QString &requestedBy,
                               const QString &approvedBy, const QString &note, const QString &event);
    // After a restart: re-derives every decision a crash between two commits could have lost
    // (payments whose legs are all settled, attempts that keep money they should not).
    void rederiveDecisions();
    void rederiveTrade(qint64 tradeId);
    bool automationStopped(qint64 tradeId);
    Result<qint64> writeAutoRefund(const TradeOrder &trade, const QList<qint64> &flowIds, RefundReason reason,
                                   const QString &note);
    Result<qint64> startAutoRefund(qint64 tradeId, const QList<qint64> &flowIds, RefundReason reason,
                                   const QString &note);
    void processRefund(qint64 refundId);
    void sendRefundFlow(qint64 refundFlowId);
    void handleRefundResult(qint64 refundFlowId, const ChannelResult &result, EventSource source);
    void finishRefund(qint64 refundId);
    Result<void> holdInSuspense(const PaymentFlow &flow);
    Result<void> releaseSuspense(const PaymentFlow &flow);
    Result<bool> postingSetExists(const QString &set);
    void freeze(qint64 tradeId, const QString &reason);
    void checkTradeInvariants(qint64 tradeId);

    // Compensation: persisted tasks (kind, target) with attempt counters.
    Result<void> scheduleTask(const QString &kind, qint64 targetId, int attempt, qint64 dueMs);
    Result<void> dropTask(const QString &kind, qint64 targetId);
    void armTimer(const QString &kind, qint64 targetId, qint64 dueMs);
    void runTask(const QString &kind, qint64 targetId);
    qint64 firstQueryGapMs() const;
    std::optional<qint64> firstCheckDue(const QString &kind, qint64 targetId);
    void queryFlow(qint64 flowId, int attempt);
    void queryRefundFlow(qint64 refundFlowId, int attempt);

    Result<void> appendEvent(qint64 tradeId, const QString &entity, qint64 entityId, const QString &entityNo,
                             const QString &from, const QString &to, const QString &event, EventSource source,
                             const QString &actor, const QJsonObject &payload = {});
    Result<void> appendEvent(qint64 tradeId, const QString &entity, qint64 entityId, const QString &entityNo,
                             const QString &from, const QString &to, const QString &event, EventSource source,
                             const QString &actor, const QByteArray &payloadJson);
    qint64 now() const;
    void emitChanged(qint64 tradeId);
    void announceChanged(qint64 tradeId);
    struct TradeFacts
    {
        QString outTradeNo;
        QString subject;
        qint64 expiresAtMs = 0;
    };
    std::optional<TradeFacts> tradeFacts(qint64 tradeId);
    void rememberTrade(const TradeOrder &trade);
    template<typename F>
    void callChannel(F &&call);

    Database &m_db;
    Clock &m_clock;
    ChannelAccess &m_channels;
    EngineConfig m_config;
    QSet<QPair<QString, qint64>> m_armed; // compensation timers currently armed in this process
    QHash<qint64, int> m_closeReplies;    // trade id -> close replies still awaited
    QHash<qint64, EventSource> m_closeSource;
    QSet<qint64> m_switchChecked; // payments whose earlier attempts were asked to close
    QHash<qint64, TradeFacts> m_tradeFacts;
    QString m_numberPrefix; // "" or "E<n>" after the database was restored n times
    QHash<qint64, int> m_refundRefusals; // refund flow id -> gateway refusals in a row (not sends)
    int m_inFlight = 0;
    quint64 m_changedGroup = 0;    // the commit group m_changedInGroup belongs to
    QSet<qint64> m_changedInGroup; // trades already announced for after that group
};

} // namespace pay
