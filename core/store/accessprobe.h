#pragma once

// Counts what a piece of code touches, per thread. The status endpoint opens a Scope around
// each poll it answers; Database (every connection, every statement: db(), prepared(), exec(),
// schemaVersion()) and ChannelGateway (every channel operation) report into the innermost open
// scope of the calling thread. So "polls that touched the database or a channel" is measured,
// not assumed: any access made on the endpoint's thread while a poll is being answered counts.
// With no scope open the cost is one thread-local load and a branch.
namespace pay::probe {

struct Counters
{
    int database = 0;
    int channel = 0;
};

inline thread_local Counters *t_current = nullptr;

inline void touchDatabase()
{
    if (t_current) [[unlikely]]
        ++t_current->database;
}

inline void touchChannel()
{
    if (t_current) [[unlikely]]
        ++t_current->channel;
}

// RAII: counts accesses on this thread while alive; scopes nest (the inner one counts).
class Scope
{
public:
    Scope() : m_previous(t_current) { t_current = &m_counters; }
    ~Scope() { t_current = m_previous; }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;
    const Counters &counters() const { return m_counters; }

private:
    Counters m_counters;
    Counters *m_previous;
};

} // namespace pay::probe
