#include "circuitbreaker.h"

#include "../sim/clock.h"

using namespace Qt::StringLiterals;

namespace pay {

CircuitBreaker::CircuitBreaker(Clock *clock, QObject *context, const BreakerConfig &config)
    : m_clock(clock)
    , m_context(context)
    , m_config(config)
{
}

CircuitBreaker::~CircuitBreaker()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed:
        return u"CLOSED"_s;
    case State::Open:
        return u"OPEN"_s;
    case State::HalfOpen:
        return u"HALF_OPEN"_s;
    }
    return {};
}

bool CircuitBreaker::allows() const
{
    switch (m_state) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        return m_halfOpenInFlight < m_config.halfOpenMaxCalls;
    }
    return false;
}

CircuitBreaker::Ticket CircuitBreaker::tryAcquire()
{
    if (!allows())
        return 0;
    if (m_state == State::HalfOpen)
        ++m_halfOpenInFlight;
    return (m_generation << 32) | ++m_serial;
}

void CircuitBreaker::release(Ticket ticket)
{
    if (ticket && generationOf(ticket) == m_generation && m_state == State::HalfOpen
        && m_halfOpenInFlight > 0)
        --m_halfOpenInFlight;
}

void CircuitBreaker::record(Ticket ticket, bool healthy)
{
    if (!ticket || generationOf(ticket) != m_generation)
        return;
    const qint64 now = m_clock->nowMs();
    switch (m_state) {
    case State::Open:
        return;
    case State::HalfOpen:
        if (m_halfOpenInFlight > 0)
            --m_halfOpenInFlight;
        if (!healthy) {
            transition(State::Open);
        } else if (++m_halfOpenSuccesses >= m_config.halfOpenSuccesses) {
            transition(State::Closed);
        }
        return;
    case State::Closed:
        m_window.emplace_back(now, healthy);
        prune(now);
        if (int(m_window.size()) >= qMax(1, m_config.minimumCalls)
            && qint64(windowFailures()) * 100
                >= qint64(m_config.failureRatePercent) * qint64(m_window.size()))
            transition(State::Open);
        return;
    }
}

void CircuitBreaker::prune(qint64 now)
{
    while (int(m_window.size()) > qMax(1, m_config.windowSize))
        m_window.pop_front();
    if (m_config.windowMs > 0) {
        while (!m_window.empty() && m_window.front().first <= now - m_config.windowMs)
            m_window.pop_front();
    }
}

int CircuitBreaker::windowFailures() const
{
    int failures = 0;
    for (const auto &entry : m_window)
        failures += entry.second ? 0 : 1;
    return failures;
}

void CircuitBreaker::reset()
{
    transition(State::Closed);
}

void CircuitBreaker::forceOpen()
{
    transition(State::Open);
}

void CircuitBreaker::transition(State to)
{
    const State from = m_state;
    if (m_timer) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
    m_state = to;
    ++m_generation;
    m_window.clear();
    m_halfOpenInFlight = 0;
    m_halfOpenSuccesses = 0;
    if (to == State::Open) {
        m_timer = m_clock->schedule(m_config.openMs, m_context, [this] {
            m_timer = 0;
            transition(State::HalfOpen);
        });
    }
    if (from != to && m_onChange)
        m_onChange(from, to);
}

} // namespace pay
