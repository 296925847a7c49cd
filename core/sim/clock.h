#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

namespace pay {

// Everything that waits asks a Clock: timeouts, compensation, expiry, simulated latency.
// Production uses RealClock; tests and simulations use VirtualClock, which only moves when
// advanced, so a 100-second schedule runs in microseconds and a seed replays exactly.
class Clock : public QObject
{
    Q_OBJECT
public:
    using TimerId = quint64;
    using Task = std::function<void()>;

    explicit Clock(QObject *parent = nullptr) : QObject(parent) {}

    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

    // Runs task once, delayMs from now, on the clock's thread. The task is dropped if
    // context is destroyed first. Returns an id for cancel().
    virtual TimerId schedule(qint64 delayMs, QObject *context, Task task) = 0;
    virtual void cancel(TimerId id) = 0;
    virtual bool isVirtual() const = 0;
};

class RealClock final : public Clock
{
    Q_OBJECT
public:
    explicit RealClock(QObject *parent = nullptr) : Clock(parent) {}
    qint64 nowMs() const override;
    TimerId schedule(qint64 delayMs, QObject *context, Task task) override;
    void cancel(TimerId id) override;
    bool isVirtual() const override { return false; }

private:
    TimerId m_next = 1;
    QHash<TimerId, QPointer<QObject>> m_timers;
};

class VirtualClock final : public Clock
{
    Q_OBJECT
public:
    explicit VirtualClock(qint64 startMs = 1'780'000'000'000, QObject *parent = nullptr);

    qint64 nowMs() const override { return m_now; }
    TimerId schedule(qint64 delayMs, QObject *context, Task task) override;
    void cancel(TimerId id) override;
    bool isVirtual() const override { return true; }

    // Moves time forward by ms, running every task that falls due, in due order (ties in
    // scheduling order). Tasks scheduled by tasks run too if they fall inside the window.
    void advance(qint64 ms);
    void advanceTo(qint64 targetMs);
    // Runs the next due task at its time; returns false when nothing is pending.
    bool step();
    // Runs tasks until none are pending or limitMs of virtual time passed. Returns tasks run.
    int runUntilIdle(qint64 limitMs = 24LL * 3600 * 1000);
    int pendingCount() const { return int(m_queue.size()); }
    qint64 nextDueMs() const;

    // Group commit for load runs: the tasks that fall due at one instant run between open()
    // and close() (at most maxTasks per group; close() may schedule more at that instant, which
    // form the next group). Empty functions switch grouping off.
    void setGrouping(std::function<void()> open, std::function<void()> close, int maxTasks = 512);

private:
    void runNext();
    int runInstant(); // the tasks due at the next instant, grouped; returns tasks run

    struct Entry
    {
        TimerId id;
        QPointer<QObject> context;
        bool hasContext;
        Task task;
    };
    qint64 m_now;
    quint64 m_seq = 0;
    // key: (due ms, sequence) keeps equal-time tasks in scheduling order
    std::map<std::pair<qint64, quint64>, Entry> m_queue;
    QHash<TimerId, std::pair<qint64, quint64>> m_index;
    TimerId m_next = 1;
    std::function<void()> m_groupOpen;
    std::function<void()> m_groupClose;
    int m_groupMax = 512;
    bool m_inGroup = false;
};

} // namespace pay
