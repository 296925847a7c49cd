#pragma once

#include "../error.h"
#include "accessprobe.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

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
// surviving power loss too.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    enum class Synchronous { Normal, Full };

    struct Options
    {
        Mode mode = Mode::ReadWrite;
        bool create = true; // create the file (and schema) when missing
        Synchronous synchronous = Synchronous::Normal;
        int busyTimeoutMs = 5000;
    };

    static constexpr int kSchemaVersion = 4;

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

    // Runs one statement without results; maps SQLite errors to ErrorCode.
    Result<void> exec(const QString &sql);
    // Maps a failed query to an Error (BUSY -> Locked, READONLY -> ReadOnly, NOTADB, ...).
    static Error errorFrom(const QSqlQuery &query, const QString &what);

private:
    Database() = default;
    Result<void> configure(const Options &options);
    Result<void> createOrMigrate();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    Mode m_mode = Mode::ReadWrite;
    QHash<QString, QSqlQuery *> m_statements;
};

} // namespace pay
