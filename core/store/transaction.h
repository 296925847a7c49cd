#pragma once

#include "database.h"

namespace pay {

// RAII transaction: BEGIN IMMEDIATE on construction (take the write lock up front so a
// conflicting writer waits on busy_timeout instead of failing mid-way), ROLLBACK in the
// destructor unless commit() succeeded. Inside a commit group (Database::beginGroup) it is a
// savepoint instead: commit() releases it, rollback() undoes its work only, and the work is
// durable when the group commits.
class TransactionGuard
{
public:
    explicit TransactionGuard(Database &db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    // The error of BEGIN, if it failed; do nothing else in that case.
    const Result<void> &begun() const { return m_begun; }
    Result<void> commit();
    void rollback();
    // Commits made through any guard in this process (benchmarks compare like with like).
    static quint64 commitCount();
    static void noteCommit();

private:
    Database &m_db;
    Result<void> m_begun;
    bool m_open = false;
    bool m_savepoint = false;
};

} // namespace pay
