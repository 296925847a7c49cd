#include "transaction.h"

#include <atomic>

namespace pay {

namespace {
std::atomic<quint64> s_commits{0};
}

quint64 TransactionGuard::commitCount()
{
    return s_commits.load(std::memory_order_relaxed);
}

void TransactionGuard::noteCommit()
{
    s_commits.fetch_add(1, std::memory_order_relaxed);
}

TransactionGuard::TransactionGuard(Database &db, InGroup inGroup) : m_db(db), m_savepoint(db.inGroup())
{
    if (m_savepoint) {
        m_begun = m_db.joinGroup();
        if (m_begun && inGroup == InGroup::Join) {
            m_joined = true;
            m_changesBefore = m_db.totalChanges();
        } else if (m_begun) {
            m_begun = m_db.execCached(QStringLiteral("SAVEPOINT guard"));
        }
    } else {
        m_begun = m_db.execCached(QStringLiteral("BEGIN IMMEDIATE"));
    }
    m_open = m_begun.has_value();
}

TransactionGuard::~TransactionGuard()
{
    if (m_open)
        rollback();
}

Result<void> TransactionGuard::commit()
{
    if (!m_open)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Store", "No open transaction to commit"));
    if (m_joined) {
        m_open = false; // the group commits it
        return {};
    }
    auto r = m_db.execCached(m_savepoint ? QStringLiteral("RELEASE guard") : QStringLiteral("COMMIT"));
    if (r) {
        m_open = false;
        if (!m_savepoint)
            noteCommit();
    }
    return r;
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    if (m_joined) {
        m_open = false;
        if (m_db.totalChanges() != m_changesBefore)
            m_db.poisonGroup(); // written in part: only the whole group can be undone
        return;
    }
    if (m_savepoint) {
        m_db.forgetRows(); // SQLite has no hook for ROLLBACK TO
        (void)m_db.execCached(QStringLiteral("ROLLBACK TO guard"));
        (void)m_db.execCached(QStringLiteral("RELEASE guard"));
    } else {
        (void)m_db.execCached(QStringLiteral("ROLLBACK"));
    }
    m_open = false;
}

} // namespace pay
