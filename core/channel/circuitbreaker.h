#pragma once

#include <QString>
#include <QtGlobal>
#include <deque>
#include <functional>

class QObject;

namespace pay {

class Clock;

struct BreakerConfig
{
    int windowSize = 20; // the last N calls...
    qint64 windowMs = 60'000; // ...that are at most this old (0: no age limit)
    int minimumCalls = 5; // fewer calls than this in the window never open the breaker
    int failureRatePercent = 50; // open at or above this share of failed calls
    qint64 openMs = 30'000; // stay open this long, then half-open
    int halfOpenMaxCalls = 1; // trial calls allowed at once while half-open
    int halfOpenSuccesses = 2; // consecutive trial successes that close the breaker
};

// Closed / open / half-open from the failure rate over a sliding window of calls, timed by
// the Clock. A call takes a ticket with tryAcquire() and hands it back with record(); a ticket
// from before a state change is ignored, so a slow call that started while closed cannot
// close a breaker that has opened since.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };
    using Ticket = quint64; // 0: refused
    using StateHandler = std::function<void(State from, State to)>;

    CircuitBreaker(Clock *clock, QObject *context, const BreakerConfig &config = {});
    ~CircuitBreaker();
    CircuitBreaker(const CircuitBreaker &) = delete;
    CircuitBreaker &operator=(const CircuitBreaker &) = delete;

    static QString stateName(State state);
    State state() const { return m_state; }
    const BreakerConfig &config() const { return m_config; }
    void setConfig(const BreakerConfig &config) { m_config = config; }
    void setStateHandler(StateHandler handler) { m_onChange = std::move(handler); }

    // Would a call be let through now? (Does not take a half-open trial slot.)
    bool allows() const;
    Ticket tryAcquire();
    void record(Ticket ticket, bool healthy);
    // Gives a ticket back without an outcome (the call was never sent).
    void release(Ticket ticket);

    void reset(); // closed, empty window
    void forceOpen(); // open now, half-open after openMs

    int windowCalls() const { return int(m_window.size()); }
    int windowFailures() const;

private:
    void transition(State to);
    void prune(qint64 now);
    quint64 generationOf(Ticket t) const { return t >> 32; }

    Clock *m_clock;
    QObject *m_context;
    BreakerConfig m_config;
    State m_state = State::Closed;
    quint64 m_generation = 1;
    quint32 m_serial = 0;
    std::deque<std::pair<qint64, bool>> m_window; // (time, healthy)
    int m_halfOpenInFlight = 0;
    int m_halfOpenSuccesses = 0;
    quint64 m_timer = 0;
    StateHandler m_onChange;
};

} // namespace pay
