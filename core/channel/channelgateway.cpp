#include "channelgateway.h"

#include "../sim/clock.h"
#include "../store/accessprobe.h"

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr int LateReplyLogLimit = 1000;
constexpr size_t TimedOutLimit = 100'000;

} // namespace

struct ChannelGateway::Lane
{
    QPointer<Channel> channel;
    ChannelPolicy policy;
    std::unique_ptr<CircuitBreaker> breaker;
    bool killed = false;
    int inFlight = 0;
    std::deque<quint64> queue;
    Stats stats;
};

ChannelGateway::ChannelGateway(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

ChannelGateway::~ChannelGateway()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

bool ChannelGateway::isHealthFailure(const ChannelResult &result)
{
    if (result.unknown())
        return true;
    return result.failed() && (result.code == u"CHANNEL_UNAVAILABLE"_s || result.code == u"SYSTEM_ERROR"_s);
}

Result<void> ChannelGateway::addChannel(Channel *channel, const ChannelPolicy &policy)
{
    if (!channel)
        return fail(ErrorCode::InvalidArgument, tr("No channel given"));
    const QString name = channel->name();
    if (m_lanes.contains(name))
        return fail(ErrorCode::AlreadyExists, tr("Channel %1 is already registered").arg(name));
    auto lane = std::make_unique<Lane>();
    lane->channel = channel;
    lane->policy = policy;
    lane->breaker = std::make_unique<CircuitBreaker>(m_clock, this, policy.breaker);
    Lane *raw = lane.get();
    lane->breaker->setStateHandler([this, name, raw](CircuitBreaker::State from, CircuitBreaker::State to) {
        if (to == CircuitBreaker::State::Open) {
            // Calls still waiting for a slot would only be refused at dispatch; refuse them now.
            while (!raw->queue.empty()) {
                const quint64 id = raw->queue.front();
                raw->queue.pop_front();
                auto it = m_calls.find(id);
                if (it == m_calls.end())
                    continue;
                clearDeadline(it->second);
                Call call = std::move(it->second);
                m_calls.erase(it);
                ++raw->stats.rejectedOpen;
                rejectLater(name, call.op, u"CIRCUIT_OPEN"_s, tr("Circuit breaker of %1 is open").arg(name),
                    std::move(call.done));
            }
        }
        emit breakerStateChanged(name, CircuitBreaker::stateName(from), CircuitBreaker::stateName(to));
    });
    m_lanes.emplace(name, std::move(lane));
    return {};
}

Channel *ChannelGateway::channel(const QString &name) const
{
    const auto it = m_lanes.find(name);
    return it == m_lanes.end() ? nullptr : it->second->channel.data();
}

QStringList ChannelGateway::channelNames() const
{
    QStringList names;
    for (const auto &[name, lane] : m_lanes)
        names << name;
    return names;
}

Result<void> ChannelGateway::setPolicy(const QString &channel, const ChannelPolicy &policy)
{
    const auto it = m_lanes.find(channel);
    if (it == m_lanes.end())
        return fail(ErrorCode::NotFound, tr("No channel %1").arg(channel));
    it->second->policy = policy;
    it->second->breaker->setConfig(policy.breaker);
    drain(*it->second);
    return {};
}

std::optional<QString> ChannelGateway::refusal(
    const QString &channel, const Money &amount, qint64 nowMs) const
{
    if (auto unhealthy = healthVerdict(channel))
        return unhealthy;
    return m_router.refusal(channel, amount, nowMs);
}

std::optional<QString> ChannelGateway::healthVerdict(const QString &name) const
{
    const auto it = m_lanes.find(name);
    if (it == m_lanes.end() || !it->second->channel)
        return u"UNKNOWN_CHANNEL"_s;
    const Lane &lane = *it->second;
    if (lane.killed)
        return u"KILLED"_s;
    if (lane.breaker->state() == CircuitBreaker::State::Open)
        return u"BREAKER_OPEN"_s;
    if (!lane.breaker->allows())
        return u"BREAKER_HALF_OPEN_BUSY"_s;
    if (lane.inFlight >= lane.policy.maxInFlight && int(lane.queue.size()) >= lane.policy.maxQueue)
        return u"BUSY"_s;
    return std::nullopt;
}

RouteDecision ChannelGateway::route(
    const QString &method, const Money &amount, qint64 nowMs, const QStringList &exclude) const
{
    return m_router.route(
        method, amount, nowMs, [this](const QString &name) { return healthVerdict(name); }, exclude);
}

void ChannelGateway::setKilled(const QString &channel, bool killed)
{
    const auto it = m_lanes.find(channel);
    if (it == m_lanes.end() || it->second->killed == killed)
        return;
    Lane &lane = *it->second;
    lane.killed = killed;
    if (killed) {
        while (!lane.queue.empty()) {
            const quint64 id = lane.queue.front();
            lane.queue.pop_front();
            auto c = m_calls.find(id);
            if (c == m_calls.end())
                continue;
            clearDeadline(c->second);
            Call call = std::move(c->second);
            m_calls.erase(c);
            ++lane.stats.rejectedKilled;
            rejectLater(channel, call.op, u"CHANNEL_DISABLED"_s,
                tr("Channel %1 is switched off").arg(channel), std::move(call.done));
        }
    }
    emit killSwitchChanged(channel, killed);
}

bool ChannelGateway::isKilled(const QString &channel) const
{
    const auto it = m_lanes.find(channel);
    return it != m_lanes.end() && it->second->killed;
}

CircuitBreaker::State ChannelGateway::breakerState(const QString &channel) const
{
    const auto it = m_lanes.find(channel);
    return it == m_lanes.end() ? CircuitBreaker::State::Open : it->second->breaker->state();
}

void ChannelGateway::resetBreaker(const QString &channel)
{
    if (const auto it = m_lanes.find(channel); it != m_lanes.end())
        it->second->breaker->reset();
}

ChannelGateway::Health ChannelGateway::health(const QString &channel) const
{
    const auto it = m_lanes.find(channel);
    if (it == m_lanes.end())
        return {};
    const Lane &lane = *it->second;
    return {lane.killed, lane.breaker->state(), lane.inFlight, int(lane.queue.size())};
}

ChannelGateway::Stats ChannelGateway::stats(const QString &channel) const
{
    const auto it = m_lanes.find(channel);
    return it == m_lanes.end() ? Stats {} : it->second->stats;
}

ChannelResult ChannelGateway::rejection(Operation op, const QString &code, const QString &message) const
{
    ChannelResult r;
    // A refused query teaches nothing about the payment: Unknown, never Failed.
    const bool isQuery = op == Operation::Query || op == Operation::QueryRefund;
    r.outcome = isQuery ? ChannelOutcome::Unknown : ChannelOutcome::Failed;
    r.code = code;
    r.message = message;
    r.requestSent = false;
    r.raw = QJsonObject {{u"gateway"_s, true}, {u"code"_s, code}};
    return r;
}

void ChannelGateway::rejectLater(
    const QString &channel, Operation op, const QString &code, const QString &message, Completion done)
{
    emit callRejected(channel, operationName(op), code);
    m_clock->schedule(
        0, this, [done = std::move(done), r = rejection(op, code, message)] { done(r, PrepayInfo {}); });
}

void ChannelGateway::submit(
    const QString &channel, Operation op, const QString &key, Starter start, Completion done)
{
    probe::touchChannel();
    const auto it = m_lanes.find(channel);
    if (it == m_lanes.end() || !it->second->channel) {
        rejectLater(channel, op, u"UNKNOWN_CHANNEL"_s, tr("No channel %1").arg(channel), std::move(done));
        return;
    }
    Lane &lane = *it->second;
    if (lane.killed) {
        ++lane.stats.rejectedKilled;
        rejectLater(channel, op, u"CHANNEL_DISABLED"_s, tr("Channel %1 is switched off").arg(channel),
            std::move(done));
        return;
    }
    if (!lane.breaker->allows()) {
        ++lane.stats.rejectedOpen;
        rejectLater(channel, op, u"CIRCUIT_OPEN"_s, tr("Circuit breaker of %1 is open").arg(channel),
            std::move(done));
        return;
    }
    const bool slotFree = lane.inFlight < lane.policy.maxInFlight && lane.queue.empty();
    if (!slotFree && int(lane.queue.size()) >= lane.policy.maxQueue) {
        ++lane.stats.rejectedBusy;
        rejectLater(channel, op, u"CHANNEL_BUSY"_s,
            tr("Channel %1 is busy: %2 calls in flight, %3 waiting")
                .arg(channel)
                .arg(lane.inFlight)
                .arg(lane.queue.size()),
            std::move(done));
        return;
    }
    const quint64 id = m_nextCallId++;
    Call &call = m_calls[id];
    call.id = id;
    call.channel = channel;
    call.op = op;
    call.key = key;
    call.start = std::move(start);
    call.done = std::move(done);
    if (slotFree) {
        dispatch(lane, call);
        return;
    }
    lane.queue.push_back(id);
    const qint64 wait
        = lane.policy.queueTimeoutMs > 0 ? lane.policy.queueTimeoutMs : lane.policy.callTimeoutMs;
    setDeadline(call, m_clock->nowMs() + wait);
}

void ChannelGateway::dispatch(Lane &lane, Call &call)
{
    const CircuitBreaker::Ticket ticket = lane.breaker->tryAcquire();
    if (!ticket) {
        clearDeadline(call);
        Completion done = std::move(call.done);
        const Operation op = call.op;
        const QString channel = call.channel;
        m_calls.erase(call.id);
        ++lane.stats.rejectedOpen;
        rejectLater(channel, op, u"CIRCUIT_OPEN"_s, tr("Circuit breaker of %1 is open").arg(channel),
            std::move(done));
        return;
    }
    clearDeadline(call);
    call.sent = true;
    call.ticket = ticket;
    ++lane.inFlight;
    ++lane.stats.sent;
    setDeadline(call, m_clock->nowMs() + lane.policy.callTimeoutMs);
    QPointer<ChannelGateway> self(this);
    const quint64 id = call.id;
    // Moved out: the call may complete (and be erased) inside start(), and is never started twice.
    Starter start = std::move(call.start);
    start(lane.channel, [self, id](const ChannelResult &r, const PrepayInfo &info) {
        if (self)
            self->complete(id, r, info);
    });
}

void ChannelGateway::drain(Lane &lane)
{
    while (lane.inFlight < lane.policy.maxInFlight && !lane.queue.empty() && !lane.killed) {
        const quint64 id = lane.queue.front();
        lane.queue.pop_front();
        auto it = m_calls.find(id);
        if (it != m_calls.end())
            dispatch(lane, it->second);
    }
}

void ChannelGateway::complete(quint64 callId, const ChannelResult &result, const PrepayInfo &info)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end()) {
        const auto late = m_timedOut.find(callId);
        if (late == m_timedOut.end())
            return;
        const TimedOut t = late->second;
        m_timedOut.erase(late);
        m_lateReplies.push_back(LateReply {callId, t.channel, t.op, t.key, t.atMs, m_clock->nowMs(), result});
        while (int(m_lateReplies.size()) > LateReplyLogLimit)
            m_lateReplies.pop_front();
        if (const auto lane = m_lanes.find(t.channel); lane != m_lanes.end())
            ++lane->second->stats.lateReplies;
        emit lateReplyReceived(t.channel, operationName(t.op), callId);
        return;
    }
    clearDeadline(it->second);
    Call call = std::move(it->second);
    m_calls.erase(it);
    Lane &lane = *m_lanes.at(call.channel);
    --lane.inFlight;
    switch (result.outcome) {
    case ChannelOutcome::Succeeded:
        ++lane.stats.succeeded;
        break;
    case ChannelOutcome::Failed:
        ++lane.stats.failed;
        break;
    case ChannelOutcome::Pending:
        ++lane.stats.pending;
        break;
    case ChannelOutcome::Unknown:
        ++lane.stats.unknown;
        break;
    }
    lane.breaker->record(call.ticket, !isHealthFailure(result));
    drain(lane);
    if ((call.op == Operation::Query || call.op == Operation::QueryRefund) && !result.requestSent && result.failed()) {
        // A query that never reached the channel (connection refused) says nothing about the
        // payment: Unknown, never Failed, as for the gateway's own refusals (found by the sweep
        // over every scenario: an outage failed a QR flow whose code the customer then paid).
        ChannelResult unknown = result;
        unknown.outcome = ChannelOutcome::Unknown;
        call.done(unknown, info);
        return;
    }
    call.done(result, info);
}

void ChannelGateway::expire(quint64 callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    Call call = std::move(it->second);
    m_calls.erase(it);
    Lane &lane = *m_lanes.at(call.channel);
    if (!call.sent) {
        // It waited for a slot too long; it never reached the channel.
        std::erase(lane.queue, callId);
        ++lane.stats.rejectedBusy;
        emit callRejected(call.channel, operationName(call.op), u"CHANNEL_BUSY"_s);
        call.done(rejection(call.op, u"CHANNEL_BUSY"_s,
                      tr("Channel %1 had no free slot in time").arg(call.channel)),
            PrepayInfo {});
        return;
    }
    --lane.inFlight;
    ++lane.stats.timeouts;
    ++lane.stats.unknown;
    const qint64 now = m_clock->nowMs();
    m_timedOut.emplace(callId, TimedOut {call.channel, call.op, call.key, now});
    while (m_timedOut.size() > TimedOutLimit)
        m_timedOut.erase(m_timedOut.begin());
    lane.breaker->record(call.ticket, false);
    drain(lane);
    emit callTimedOut(call.channel, operationName(call.op), callId);
    ChannelResult r;
    r.outcome = ChannelOutcome::Unknown;
    r.code = u"TIMEOUT"_s;
    r.message = tr("No answer from %1 within %2 ms").arg(call.channel).arg(lane.policy.callTimeoutMs);
    r.raw = QJsonObject {{u"gateway"_s, true}, {u"code"_s, r.code}};
    call.done(r, PrepayInfo {});
}

void ChannelGateway::setDeadline(Call &call, qint64 atMs)
{
    call.deadline = m_deadlines.emplace(atMs, call.id);
    call.hasDeadline = true;
    if (!m_timer || atMs < m_timerAt)
        armTimer();
}

void ChannelGateway::clearDeadline(Call &call)
{
    if (!call.hasDeadline)
        return;
    m_deadlines.erase(call.deadline);
    call.hasDeadline = false;
}

void ChannelGateway::armTimer()
{
    // One clock timer for all deadlines: with a fixed timeout per channel deadlines arrive in
    // order, so the timer is rarely moved.
    if (m_timer) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
    if (m_deadlines.empty())
        return;
    m_timerAt = m_deadlines.begin()->first;
    m_timer = m_clock->schedule(qMax<qint64>(0, m_timerAt - m_clock->nowMs()), this, [this] {
        m_timer = 0;
        handleTimer();
    });
}

void ChannelGateway::handleTimer()
{
    const qint64 now = m_clock->nowMs();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        if (auto it = m_calls.find(id); it != m_calls.end()) {
            it->second.hasDeadline = false;
            expire(id);
        }
    }
    if (!m_timer)
        armTimer();
}

void ChannelGateway::prepay(const QString &channel, const PayRequest &request, Channel::PrepayHandler handler)
{
    submit(
        channel, Operation::Prepay, request.flowNo,
        [request](Channel *c, Completion done) {
            c->prepay(request, [done](const ChannelResult &r, const PrepayInfo &i) { done(r, i); });
        },
        [handler](const ChannelResult &r, const PrepayInfo &i) { handler(r, i); });
}

namespace {

// Adapts a plain result handler to the gateway's completion.
auto resultOnly(Channel::ResultHandler handler)
{
    return [handler = std::move(handler)](const ChannelResult &r, const PrepayInfo &) { handler(r); };
}

} // namespace

void ChannelGateway::pay(const QString &channel, const PayRequest &request, Channel::ResultHandler handler)
{
    submit(
        channel, Operation::Pay, request.flowNo,
        [request](Channel *c, Completion done) {
            c->pay(request, [done](const ChannelResult &r) { done(r, PrepayInfo {}); });
        },
        resultOnly(std::move(handler)));
}

void ChannelGateway::query(const QString &channel, const QString &flowNo, Channel::ResultHandler handler)
{
    submit(
        channel, Operation::Query, flowNo,
        [flowNo](Channel *c, Completion done) {
            c->query(flowNo, [done](const ChannelResult &r) { done(r, PrepayInfo {}); });
        },
        resultOnly(std::move(handler)));
}

void ChannelGateway::close(const QString &channel, const QString &flowNo, Channel::ResultHandler handler)
{
    submit(
        channel, Operation::Close, flowNo,
        [flowNo](Channel *c, Completion done) {
            c->close(flowNo, [done](const ChannelResult &r) { done(r, PrepayInfo {}); });
        },
        resultOnly(std::move(handler)));
}

void ChannelGateway::refund(
    const QString &channel, const RefundRequest &request, Channel::ResultHandler handler)
{
    submit(
        channel, Operation::Refund, request.refundNo,
        [request](Channel *c, Completion done) {
            c->refund(request, [done](const ChannelResult &r) { done(r, PrepayInfo {}); });
        },
        resultOnly(std::move(handler)));
}

void ChannelGateway::queryRefund(
    const QString &channel, const QString &refundNo, Channel::ResultHandler handler)
{
    submit(
        channel, Operation::QueryRefund, refundNo,
        [refundNo](Channel *c, Completion done) {
            c->queryRefund(refundNo, [done](const ChannelResult &r) { done(r, PrepayInfo {}); });
        },
        resultOnly(std::move(handler)));
}

} // namespace pay
