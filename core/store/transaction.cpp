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

TransactionGuard::TransactionGuard(Database &db) : m_db(db)
{
    m_begun = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
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
    auto r = m_db.exec(QStringLiteral("COMMIT"));
    if (r) {
        m_open = false;
        s_commits.fetch_add(1, std::memory_order_relaxed);
    }
    return r;
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}

} // namespace pay
