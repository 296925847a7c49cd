#pragma once

#include "database.h"

namespace pay {

// RAII transaction: BEGIN IMMEDIATE on construction (take the write lock up front so a
// conflicting writer waits on busy_timeout instead of failing mid-way), ROLLBACK in the
// destructor unless commit() succeeded. Inside a commit group (Database::beginGroup) it is a
// savepoint instead: commit() releases it, rollback() undoes its work only, and the work is
// durable when the group commits.
//
// InGroup::Join: inside a group, no savepoint: the step's work simply joins the group. If such
// a step is rolled back before it wrote anything (a conditional update that lost its race is
// the usual first write), nothing happens. If it is rolled back after writing (an SQL error
// mid-way), the whole group is poisoned: no further guard begins in it and it rolls back
// instead of committing, as if the process had crashed there (the restart paths recover it).
// A savepoint copies every page a step touches into the sub-journal first; for the engine's
// hot steps, whose only expected bail-out comes before their first write, that copy was a
// fifth of a load run's time. Outside a group both kinds are the same transaction.
class TransactionGuard
{
public:
    enum class InGroup { Savepoint, Join };
    explicit TransactionGuard(Database &db, InGroup inGroup = InGroup::Savepoint);
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
    bool m_joined = false;       // InGroup::Join inside a group: no savepoint
    qint64 m_changesBefore = 0;  // the connection's row changes when the joined step began
};

} // namespace pay
