#pragma once

#include "channel.h"
#include "channelbooks.h"
#include "faultprofile.h"

#include <deque>

namespace pay {

class Clock;

// One fault the simulation injected, for the trainer's view and for replay checks.
struct FaultEvent
{
    qint64 atMs = 0;
    QString operation; // pay, query, close, refund, queryRefund, prepay, callback, customerPays
    QString key; // flow no. or refund no.
    QString fault; // timeout_succeeded, timeout_failed, unknown_code:SYSTEMERROR, decline:DECLINED,
                   // outage_fail, outage_hang, callback_lost, callback_duplicated:3, ...
    friend bool operator==(const FaultEvent &, const FaultEvent &) = default;
};

// A simulated external channel: it keeps its own books (ChannelBooks), answers through the
// Clock after a simulated latency, and misbehaves as its FaultProfile says. Every handler is
// invoked exactly once, later, on the clock's thread (a "hang" answers TIMEOUT after hangMs).
//
// Idempotency, as real channels do it: a repeated pay with the same flow no. never charges
// twice (it answers what the first one did); a repeated refund with the same refund no.
// refunds once. close() of a flow the channel has never seen leaves a CLOSED record, so a pay
// that was still in flight is refused when it arrives. Result codes: SUCCESS, ORDER_PAID,
// ALREADY_PAID, ORDER_CLOSED, ORDER_NOT_EXIST, OUT_TRADE_NO_USED, INVALID_REQUEST, UNSUPPORTED,
// REFUND_NOT_EXIST, REFUND_NO_USED, ORDER_NOT_PAID, REFUND_AMOUNT_EXCEEDED, CURRENCY_MISMATCH,
// TIMEOUT, CHANNEL_UNAVAILABLE, SYSTEM_ERROR, plus the method's own decline codes.
class SimulatedChannel : public Channel
{
    Q_OBJECT
public:
    SimulatedChannel(
        const QString &name, Kind kind, Clock *clock, ChannelBooks *books, QObject *parent = nullptr);

    QString name() const override { return m_name; }
    Kind kind() const override { return m_kind; }

    // May be called at any time; see FaultInjector::setProfile for the random stream.
    void setFaultProfile(const FaultProfile &profile);
    const FaultProfile &faultProfile() const { return m_faults.profile(); }
    // Fee the channel charges per payment, in basis points of the amount, rounded half up.
    void setFeeBps(int bps) { m_feeBps = bps; }
    int feeBps() const { return m_feeBps; }
    Clock *clock() const { return m_clock; }
    ChannelBooks *books() const { return m_books; }

    void prepay(const PayRequest &request, PrepayHandler handler) override;
    void pay(const PayRequest &request, ResultHandler handler) override;
    void query(const QString &flowNo, ResultHandler handler) override;
    void close(const QString &flowNo, ResultHandler handler) override;
    void refund(const RefundRequest &request, ResultHandler handler) override;
    void queryRefund(const QString &refundNo, ResultHandler handler) override;
    // From the books, with the profile's statement breaks applied.
    Result<QList<StatementLine>> statement(QDate day) override;

    // The statement of one channel's UTC day straight from the books (used by statement() and by
    // `paydeskctl statement`). Breaks are decided per line from profile.seed, so the same line
    // is missing, shifted or altered in every export.
    static Result<QList<StatementLine>> statementFromBooks(
        ChannelBooks &books, const QString &channel, QDate day, const FaultProfile &profile = {});
    static qint64 feeFor(qint64 amountMinor, int bps);

    QList<FaultEvent> faultLog() const { return {m_faultLog.begin(), m_faultLog.end()}; }
    // Replies scheduled but not yet delivered.
    int repliesPending() const { return m_repliesPending; }

signals:
    void faultInjected(const QString &operation, const QString &key, const QString &fault);

protected:
    using Operation = ChannelOperation;
    // Normal: do the work. Decline: refuse with the rolled decline code. NotApplied: the channel
    // failed internally (timeout-and-failed, unknown code not applied); nothing moves.
    enum class Mode { Normal, Decline, NotApplied };
    using Apply = std::function<ChannelResult(Mode mode, const QString &declineCode)>;

    static QString operationName(Operation op) { return channelOperationName(op); }
    // Runs one call through the fault model (outage, latency, timeout, unknown code, decline),
    // applies it to the books at the simulated processing time and answers the handler once.
    void execute(
        Operation op, const QString &key, Apply apply, std::function<void(const ChannelResult &)> reply);
    void recordFault(const QString &operation, const QString &key, const QString &fault);
    FaultInjector &faults() { return m_faults; }
    qint64 nowMs() const;

    static ChannelResult makeResult(ChannelOutcome outcome, const QString &code, const QString &message);
    ChannelResult orderResult(ChannelOutcome outcome, const QString &code, const QString &message,
        const ChannelBooks::Order &order) const;
    static ChannelResult booksError(const Error &error);

    // Hooks called inside the books transaction.
    // Take the money from the payer; Failed (with a decline code) refuses the payment.
    virtual ChannelResult debit(const PayRequest &request);
    // Give amountMinor of order back; Failed refuses the refund.
    virtual ChannelResult credit(const ChannelBooks::Order &order, qint64 amountMinor);
    virtual QString makeTxnNo(qint64 sequence, qint64 nowMs) const;
    virtual QString makeRefundNo(qint64 sequence, qint64 nowMs) const;
    // After commit.
    virtual void refundRecorded(const ChannelBooks::Refund &refund, const ChannelBooks::Order &order);

    ChannelResult applyPay(const PayRequest &request, Mode mode, const QString &declineCode);
    ChannelResult applyQuery(const QString &flowNo);
    ChannelResult applyClose(const QString &flowNo, Mode mode);
    ChannelResult applyRefund(const RefundRequest &request, Mode mode, const QString &declineCode);
    ChannelResult applyQueryRefund(const QString &refundNo);

private:
    QString m_name;
    Kind m_kind;
    Clock *m_clock;
    ChannelBooks *m_books;
    FaultInjector m_faults;
    int m_feeBps = 0;
    int m_repliesPending = 0;
    std::deque<FaultEvent> m_faultLog;
};

} // namespace pay
