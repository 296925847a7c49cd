#include "clock.h"

#include <QTimer>

#include <limits>

namespace pay {

qint64 RealClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

Clock::TimerId RealClock::schedule(qint64 delayMs, QObject *context, Task task)
{
    const TimerId id = m_next++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(timer, &QTimer::timeout, this, [this, id, timer, guard, hasContext, task = std::move(task)] {
        m_timers.remove(id);
        timer->deleteLater();
        if (!hasContext || guard)
            task();
    });
    m_timers.insert(id, timer);
    timer->start(int(qBound<qint64>(0, delayMs, qint64(std::numeric_limits<int>::max()))));
    return id;
}

void RealClock::cancel(TimerId id)
{
    if (auto t = m_timers.take(id))
        t->deleteLater();
}

VirtualClock::VirtualClock(qint64 startMs, QObject *parent) : Clock(parent), m_now(startMs) {}

Clock::TimerId VirtualClock::schedule(qint64 delayMs, QObject *context, Task task)
{
    const TimerId id = m_next++;
    const auto key = std::make_pair(m_now + qMax<qint64>(0, delayMs), m_seq++);
    m_queue.emplace(key, Entry{id, QPointer<QObject>(context), context != nullptr, std::move(task)});
    m_index.insert(id, key);
    return id;
}

void VirtualClock::cancel(TimerId id)
{
    auto it = m_index.find(id);
    if (it == m_index.end())
        return;
    m_queue.erase(*it);
    m_index.erase(it);
}

qint64 VirtualClock::nextDueMs() const
{
    return m_queue.empty() ? -1 : m_queue.begin()->first.first;
}

void VirtualClock::setGrouping(std::function<void()> open, std::function<void()> close, int maxTasks)
{
    m_groupOpen = std::move(open);
    m_groupClose = std::move(close);
    m_groupMax = qMax(1, maxTasks);
}

void VirtualClock::runNext()
{
    auto it = m_queue.begin();
    m_now = qMax(m_now, it->first.first);
    Entry e = std::move(it->second);
    m_queue.erase(it);
    m_index.remove(e.id);
    if (!e.hasContext || e.context)
        e.task();
}

int VirtualClock::runInstant()
{
    if (!m_groupOpen || m_inGroup) {
        runNext();
        return 1;
    }
    const qint64 at = m_queue.begin()->first.first;
    m_inGroup = true;
    m_groupOpen();
    int ran = 0;
    while (!m_queue.empty() && m_queue.begin()->first.first == at && ran < m_groupMax) {
        runNext();
        ++ran;
    }
    m_inGroup = false;
    m_groupClose();
    return ran;
}

bool VirtualClock::step()
{
    if (m_queue.empty())
        return false;
    if (!m_groupOpen || m_inGroup) {
        runNext();
        return true;
    }
    // One task, still inside a group so that what it asks of the outside waits for the commit.
    m_inGroup = true;
    m_groupOpen();
    runNext();
    m_inGroup = false;
    m_groupClose();
    return true;
}

void VirtualClock::advanceTo(qint64 targetMs)
{
    while (!m_queue.empty() && m_queue.begin()->first.first <= targetMs)
        runInstant();
    m_now = qMax(m_now, targetMs);
}

void VirtualClock::advance(qint64 ms)
{
    advanceTo(m_now + ms);
}

int VirtualClock::runUntilIdle(qint64 limitMs)
{
    const qint64 end = m_now + limitMs;
    int ran = 0;
    while (!m_queue.empty() && m_queue.begin()->first.first <= end)
        ran += runInstant();
    return ran;
}

} // namespace pay
