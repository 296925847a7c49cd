#pragma once

#include "../error.h"
#include "accessprobe.h"
#include "flowmemo.h"
#include "sqlstatement.h"
#include "walcheckpointer.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

namespace pay {

// One SQLite connection with the project's pragmas, opened and migrated. Each thread that
// touches the database owns its own Database (Qt SQL connections are per thread). The core's
// writer owns one; large read-only views open their own with ReadOnly.
//
// Durability: journal_mode=WAL, synchronous=NORMAL by default. In WAL mode NORMAL never
// corrupts the file and survives any crash of this process (a committed transaction is in the
// WAL before COMMIT returns); only an OS crash or power cut may lose the last few commits.
// Those are recovered by the same paths that recover any unknown result: channel callbacks,
// scheduled queries and statement reconciliation. Synchronous::Full trades throughput for
// surviving power loss too. Synchronous::Off (a headless simulation's scratch file) also skips
// the sync of checkpoints: still safe against any crash of the process, not against an OS crash.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    enum class Synchronous { Normal, Full, Off };

    struct Options
    {
        Mode mode = Mode::ReadWrite;
        bool create = true; // create the file (and schema) when missing
        Synchronous synchronous = Synchronous::Normal;
        int busyTimeoutMs = 5000;
        // A file no other connection will open (a headless simulation's own database): take
        // the lock once for the connection's life instead of per transaction, and keep the WAL
        // index in this process (SQLite's locking_mode=EXCLUSIVE). Another connection gets
        // "database is locked" until this one closes.
        bool exclusive = false;
        // WAL pages between automatic checkpoints; 0 keeps SQLite's 1,000. A load run that
        // commits many small groups checkpoints (and syncs) less often with a larger WAL.
        int walAutoCheckpointPages = 0;
        // Checkpoints run on a thread of their own (WalCheckpointer), not inside the commit
        // that crosses the threshold; the writer only checkpoints itself at 8 times the
        // threshold. Not with exclusive (no second connection can open the file).
        bool backgroundCheckpoints = true;
    };

    static constexpr int kSchemaVersion = 7;

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (and creates or migrates) the database. Never overwrites a file that is not a
    // PayDesk database, that has a newer schema, or that is read-only: those are errors.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }

    QSqlDatabase &db()
    {
        probe::touchDatabase();
        return m_db;
    }
    const QString &path() const { return m_path; }
    Mode mode() const { return m_mode; }
    int schemaVersion();

    // A prepared statement cached per connection; bind values and exec. Reuse keeps the hot
    // paths (accept, transitions) from re-parsing SQL.
    QSqlQuery &prepared(const QString &sql);
    // The same on the SQLite C API (see SqlStatement): for the hot paths.
    SqlStatement &statement(const QString &sql);

    // Runs one statement without results; maps SQLite errors to ErrorCode.
    Result<void> exec(const QString &sql);
    // Like exec(), through the statement cache (transaction control on hot paths).
    Result<void> execCached(const QString &sql);

    // Group commit. Between beginGroup() and commitGroup() every TransactionGuard becomes a
    // savepoint inside one write transaction: each guard's work is still all-or-nothing, but
    // it becomes durable only when the group commits, together with the others. Whatever must
    // not happen before the work is durable (calling a channel, telling the cache or the GUI)
    // is registered with afterCommit() and runs after the group commits; a rolled-back group
    // (or a process that dies first) drops it, so nothing outside ever saw the lost work.
    // Used by load runs (benchmarks, simulations) to turn many small commits into one.
    Result<void> beginGroup();
    Result<void> commitGroup(); // no-op when no group is open
    // Starts the group's write transaction if it has not started yet (TransactionGuard does).
    Result<void> joinGroup();
    void rollbackGroup();       // drops the group's work and its after-commit actions
    bool inGroup() const { return m_group; }
    // A step that joined the group without a savepoint failed after writing (TransactionGuard,
    // InGroup::Join): no guard begins in this group any more, and commitGroup() rolls it back
    // and reports the failure. rollbackGroup() clears it.
    void poisonGroup() { m_poisoned = m_group; }
    bool groupPoisoned() const { return m_poisoned; }
    // Rows this connection has inserted, updated or deleted since it opened.
    qint64 totalChanges();
    // Something registered in this group leaves the process once it commits (a channel request)
    // or was promised to someone outside (a callback acknowledged): the group must commit
    // before the caller moves on. Set by the engine; cleared when the group commits.
    void requireCommit() { m_commitRequired = m_group; }
    bool commitRequired() const { return m_commitRequired; }
    // Keeps the open group (its work and its after-commit actions) for the next beginGroup()
    // instead of committing it: a load run's instant whose work nobody outside waits for rides
    // with the next commit. A crash meanwhile drops it, as it drops any uncommitted work.
    void carryGroup() { m_carried = m_group; }
    bool carrying() const { return m_carried; }
    quint64 groupSerial() const { return m_groupSerial; } // counts beginGroup() calls
    // Runs fn now when no group is open, else after the group commits.
    void afterCommit(std::function<void()> fn);
    // While a group's after-commit actions run: fn runs once they all have (readers that want
    // to batch what the actions told them, e.g. the status cache). Else fn runs now.
    void afterCommitActions(std::function<void()> fn);
    bool runningAfterCommit() const { return m_runningActions; }
    // Runs fn inside one read transaction (one snapshot, one lock) when no transaction is open.
    void readBatch(const std::function<void()> &fn);
    // The flows of payments in flight (flowmemo.h), kept by FlowRepository.
    FlowMemo &flowMemo() { return m_flowMemo; }
    PaymentMemo &paymentMemo() { return m_paymentMemo; }
    // Forgets every remembered row (a savepoint was rolled back: SQLite tells no hook).
    void forgetRows()
    {
        m_flowMemo.clear();
        m_paymentMemo.clear();
    }
    // The background checkpointer of a writer (null: SQLite's automatic checkpoint).
    const WalCheckpointer *checkpointer() const { return m_checkpointer.get(); }
    WalCheckpointer *checkpointer() { return m_checkpointer.get(); }
    // PRAGMA data_version: changes when another connection commits; -1 if it cannot be read.
    qint64 dataVersion();
    // Crash harness (tests only): the next `commits` commits of this connection go through,
    // every later one is turned into a rollback (SQLite's commit hook), as if the process had
    // died right after the last of them. The harness then drops the core and restarts it on the
    // same files. Negative: off (the default).
    void haltAfterCommits(qint64 commits);
    bool halted() const { return m_haltBudget == 0; }
    qint64 commitsSeen() const { return m_commitsSeen; }
    // Maps a failed query to an Error (BUSY -> Locked, READONLY -> ReadOnly, NOTADB, ...).
    static Error errorFrom(const QSqlQuery &query, const QString &what);
    static Error errorFrom(const SqlStatement &statement, const QString &what);

private:
    Database() = default;
    Result<void> configure(const Options &options);
    Result<void> createOrMigrate();
    void watchRows();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    Mode m_mode = Mode::ReadWrite;
    QHash<QString, QSqlQuery *> m_statements;
    StatementCache m_fast;
    sqlite3 *m_handle = nullptr;
    bool m_group = false;
    bool m_groupBegun = false; // the group's BEGIN ran (it waits for the first guard)
    bool m_commitRequired = false;
    bool m_carried = false;
    bool m_poisoned = false;
    quint64 m_groupSerial = 0;
    QList<std::function<void()>> m_afterCommit;
    QList<std::function<void()>> m_afterActions;
    bool m_runningActions = false;
    FlowMemo m_flowMemo;
    PaymentMemo m_paymentMemo;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    qint64 m_haltBudget = -1;
    qint64 m_commitsSeen = 0;
};

} // namespace pay
