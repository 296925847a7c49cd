#include "transaction.h"

namespace pay {

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
    if (r)
        m_open = false;
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
