#pragma once

#include "channel.h"
#include "channelrouter.h"
#include "circuitbreaker.h"

#include <QHash>
#include <QPointer>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

namespace pay {

class Clock;

struct ChannelPolicy
{
    int maxInFlight = 16; // calls sent and not yet answered (or timed out)
    int maxQueue = 64; // calls waiting for a slot; beyond this: CHANNEL_BUSY at once
    qint64 callTimeoutMs = 15'000; // from sending to the answer; then Unknown / TIMEOUT
    qint64 queueTimeoutMs = 0; // longest wait for a slot (0: callTimeoutMs); then CHANNEL_BUSY
    BreakerConfig breaker;
};

// Everything the core says to a channel goes through here. Per channel: a bulkhead (in-flight
// limit plus a bounded queue), a per-call timeout, a circuit breaker and a manual kill switch,
// so one slow or dead channel never holds up another. Every handler is invoked exactly once and
// never from inside the call.
//
// What the caller gets when the gateway itself answers (nothing reached the channel, so
// requestSent is false):
//   pay / prepay / refund / close: Failed, code CHANNEL_BUSY, CIRCUIT_OPEN, CHANNEL_DISABLED or
//                                  UNKNOWN_CHANNEL. Safe to route elsewhere (safeToFailover).
//   query / queryRefund:           Unknown with the same codes (we learned nothing).
// A call that was sent and got no answer within callTimeoutMs ends Unknown / TIMEOUT; its late
// answer, if any, is logged (lateReplies(), lateReplyReceived) and otherwise ignored. The
// gateway never re-sends a call, here or elsewhere: once sent, an unknown result belongs to
// the engine's query-based compensation.
//
// Health, for the breaker: Unknown results and Failed with CHANNEL_UNAVAILABLE or SYSTEM_ERROR
// count as failures; business answers (declines, ALREADY_PAID, ...) count as healthy.
class ChannelGateway : public QObject
{
    Q_OBJECT
public:
    using Operation = ChannelOperation;
    static QString operationName(Operation op) { return channelOperationName(op); }

    struct LateReply
    {
        quint64 callId = 0;
        QString channel;
        Operation operation = Operation::Pay;
        QString key;
        qint64 timedOutAtMs = 0;
        qint64 arrivedAtMs = 0;
        ChannelResult result;
    };

    struct Stats
    {
        int sent = 0;
        int succeeded = 0;
        int failed = 0;
        int pending = 0;
        int unknown = 0;
        int timeouts = 0;
        int lateReplies = 0;
        int rejectedBusy = 0;
        int rejectedOpen = 0;
        int rejectedKilled = 0;
    };

    struct Health
    {
        bool killed = false;
        CircuitBreaker::State breaker = CircuitBreaker::State::Closed;
        int inFlight = 0;
        int queued = 0;
    };

    explicit ChannelGateway(Clock *clock, QObject *parent = nullptr);
    ~ChannelGateway() override;

    // The gateway does not own the channel. Fails if the name is taken.
    Result<void> addChannel(Channel *channel, const ChannelPolicy &policy = {});
    Channel *channel(const QString &name) const;
    QStringList channelNames() const;
    Result<void> setPolicy(const QString &channel, const ChannelPolicy &policy);

    ChannelRouter &router() { return m_router; }
    const ChannelRouter &router() const { return m_router; }
    // Routing with this gateway's view of channel health (killed and open breakers excluded,
    // half-open only while a trial slot is free). Pass channels that already refused this
    // payment without it being sent in exclude to fail over.
    RouteDecision route(
        const QString &method, const Money &amount, qint64 nowMs, const QStringList &exclude = {}) const;
    // Why channel cannot take a new request for amount now: the health verdicts of route()
    // (UNKNOWN_CHANNEL, KILLED, BREAKER_OPEN, BREAKER_HALF_OPEN_BUSY, BUSY) or the rules'
    // (DISABLED, CURRENCY, BELOW_MIN, ABOVE_MAX, MAINTENANCE); nullopt when it can. This is the
    // engine's ChannelAccess::admits.
    std::optional<QString> refusal(const QString &channel, const Money &amount, qint64 nowMs) const;
    // True only for a definite refusal of a request that never reached the channel.
    static bool safeToFailover(const ChannelResult &result) { return result.failed() && !result.requestSent; }
    static bool isHealthFailure(const ChannelResult &result);

    void setKilled(const QString &channel, bool killed);
    bool isKilled(const QString &channel) const;
    CircuitBreaker::State breakerState(const QString &channel) const;
    void resetBreaker(const QString &channel);
    Health health(const QString &channel) const;
    Stats stats(const QString &channel) const;
    QList<LateReply> lateReplies() const { return {m_lateReplies.begin(), m_lateReplies.end()}; }

    void prepay(const QString &channel, const PayRequest &request, Channel::PrepayHandler handler);
    void pay(const QString &channel, const PayRequest &request, Channel::ResultHandler handler);
    void query(const QString &channel, const QString &flowNo, Channel::ResultHandler handler);
    void close(const QString &channel, const QString &flowNo, Channel::ResultHandler handler);
    void refund(const QString &channel, const RefundRequest &request, Channel::ResultHandler handler);
    void queryRefund(const QString &channel, const QString &refundNo, Channel::ResultHandler handler);

signals:
    void breakerStateChanged(const QString &channel, const QString &from, const QString &to);
    void killSwitchChanged(const QString &channel, bool killed);
    void callRejected(const QString &channel, const QString &operation, const QString &code);
    void callTimedOut(const QString &channel, const QString &operation, quint64 callId);
    void lateReplyReceived(const QString &channel, const QString &operation, quint64 callId);

private:
    using Completion = std::function<void(const ChannelResult &, const PrepayInfo &)>;
    using Starter = std::function<void(Channel *, Completion)>;
    struct Call
    {
        quint64 id = 0;
        QString channel;
        Operation op = Operation::Pay;
        QString key;
        Starter start;
        Completion done;
        bool sent = false;
        CircuitBreaker::Ticket ticket = 0;
        std::multimap<qint64, quint64>::iterator deadline;
        bool hasDeadline = false;
    };
    struct Lane;

    std::optional<QString> healthVerdict(const QString &channel) const;
    void submit(const QString &channel, Operation op, const QString &key, Starter start, Completion done);
    void dispatch(Lane &lane, Call &call);
    void complete(quint64 callId, const ChannelResult &result, const PrepayInfo &info);
    void expire(quint64 callId);
    void drain(Lane &lane);
    void rejectLater(
        const QString &channel, Operation op, const QString &code, const QString &message, Completion done);
    ChannelResult rejection(Operation op, const QString &code, const QString &message) const;
    void setDeadline(Call &call, qint64 atMs);
    void clearDeadline(Call &call);
    void armTimer();
    void handleTimer();

    Clock *m_clock;
    ChannelRouter m_router;
    std::map<QString, std::unique_ptr<Lane>> m_lanes;
    std::unordered_map<quint64, Call> m_calls; // references stay valid across inserts
    quint64 m_nextCallId = 1;
    std::multimap<qint64, quint64> m_deadlines; // deadline -> call id
    quint64 m_timer = 0;
    qint64 m_timerAt = 0;
    // Timed-out calls whose answer has not come yet: id -> (channel, op, key, when).
    struct TimedOut
    {
        QString channel;
        Operation op;
        QString key;
        qint64 atMs;
    };
    std::map<quint64, TimedOut> m_timedOut;
    std::deque<LateReply> m_lateReplies;
};

} // namespace pay
