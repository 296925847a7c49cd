#include "database.h"
#include "safekeeping.h"

#include "schema.h"
#include "transaction.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <cstring>
#include <filesystem>

namespace pay {

namespace {

QAtomicInteger<quint64> s_connectionCounter;


// The first 16 bytes of every SQLite 3 database file.
constexpr char kSqliteMagic[] = "SQLite format 3";

ErrorCode codeFromSqlite(int native)
{
    switch (native & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return ErrorCode::Locked;
    case 8: // SQLITE_READONLY
        return ErrorCode::ReadOnly;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return ErrorCode::NotADatabase;
    case 19: // SQLITE_CONSTRAINT
        return ErrorCode::AlreadyExists;
    default:
        return ErrorCode::Database;
    }
}

Error errorFromSql(const QSqlError &e, const QString &what)
{
    const int native = e.nativeErrorCode().toInt();
    const ErrorCode code = codeFromSqlite(native);
    QString detail = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    QString msg;
    switch (code) {
    case ErrorCode::Locked:
        msg = QCoreApplication::translate("Store", "%1: the database is locked by another program (%2)").arg(what, detail);
        break;
    case ErrorCode::ReadOnly:
        msg = QCoreApplication::translate("Store", "%1: the database is read-only (%2)").arg(what, detail);
        break;
    case ErrorCode::NotADatabase:
        msg = QCoreApplication::translate("Store", "%1: the file is not a database or is corrupt (%2)").arg(what, detail);
        break;
    default:
        msg = QCoreApplication::translate("Store", "%1: %2").arg(what, detail);
        break;
    }
    return Error{code, msg};
}

} // namespace

Error Database::errorFrom(const QSqlQuery &query, const QString &what)
{
    return errorFromSql(query.lastError(), what);
}

Error Database::errorFrom(const SqlStatement &statement, const QString &what)
{
    return errorFromSql(statement.lastError(), what);
}

Database::~Database()
{
    rollbackGroup(); // an open group dies with its owner, as it would in a crash
    m_checkpointer.reset(); // before closing: the writer's close is then the last and checkpoints
    if (m_handle) {
        sqlite3_update_hook(m_handle, nullptr, nullptr);
        sqlite3_rollback_hook(m_handle, nullptr, nullptr);
    sqlite3_commit_hook(m_handle, nullptr, nullptr);
    }
    m_fast.clear();
    qDeleteAll(m_statements);
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    configureSqliteOnce();
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return fail(ErrorCode::Io, QCoreApplication::translate("Store", "%1 is not a regular file").arg(path));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Cannot read %1: %2").arg(path, f.errorString()));
        const QByteArray head = f.read(16);
        if (!head.isEmpty() && !head.startsWith(QByteArray(kSqliteMagic)))
            return fail(ErrorCode::NotADatabase,
                        QCoreApplication::translate("Store", "%1 is not a SQLite database (its header does not match); it was left untouched")
                            .arg(path));
        // Root ignores permission bits, so honour the file mode explicitly: a file nobody may
        // write is opened for reading only.
        // (QFile::permissions() reports WriteUser for root, so read the mode bits directly.)
        std::error_code ec;
        const auto mode = std::filesystem::status(path.toStdString(), ec).permissions();
        using std::filesystem::perms;
        const bool anyWrite = (mode & (perms::owner_write | perms::group_write | perms::others_write)) != perms::none;
        if (options.mode == Mode::ReadWrite && !ec && !anyWrite)
            return fail(ErrorCode::ReadOnly,
                        QCoreApplication::translate("Store", "%1 is read-only; PayDesk needs to write to it (open it with a read-only "
                           "command, or make it writable)")
                            .arg(path));
    } else if (!options.create || options.mode == Mode::ReadOnly) {
        return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "Database %1 does not exist").arg(path));
    }
    if (auto r = refuseNetworkFileSystem(path); !r)
        return std::unexpected(r.error());

    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_mode = options.mode;
    d->m_connectionName = QStringLiteral("paydesk-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
    d->m_db.setDatabaseName(path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (options.mode == Mode::ReadOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    d->m_db.setConnectOptions(connectOptions);
    if (!d->m_db.open())
        return std::unexpected(errorFromSql(d->m_db.lastError(), QCoreApplication::translate("Store", "Cannot open %1").arg(path)));

    if (auto r = d->configure(options); !r)
        return std::unexpected(r.error());
    if (auto r = d->createOrMigrate(); !r)
        return std::unexpected(r.error());
    d->watchRows();
    return d;
}

// The flow and payment memos hear of every row change and every rollback on this connection.
void Database::watchRows()
{
    if (!m_handle)
        m_handle = SqlStatement::handleOf(m_db);
    if (!m_handle)
        return;
    sqlite3_update_hook(
        m_handle,
        [](void *self, int operation, const char *, const char *table, sqlite3_int64 rowid) {
            if (std::strcmp(table, "payment_flows") == 0)
                static_cast<Database *>(self)->m_flowMemo.rowChanged(operation, rowid);
            else if (std::strcmp(table, "payment_orders") == 0)
                static_cast<Database *>(self)->m_paymentMemo.rowChanged(rowid);
        },
        this);
    sqlite3_rollback_hook(m_handle, [](void *self) { static_cast<Database *>(self)->forgetRows(); }, this);
    sqlite3_commit_hook(
        m_handle,
        [](void *self) -> int {
            auto *d = static_cast<Database *>(self);
            if (d->m_haltBudget == 0)
                return 1; // halted: this commit becomes a rollback
            ++d->m_commitsSeen;
            if (d->m_haltBudget > 0)
                --d->m_haltBudget;
            return 0;
        },
        this);
}

qint64 Database::dataVersion()
{
    SqlStatement &q = statement(QStringLiteral("PRAGMA data_version"));
    if (!q.exec() || !q.next()) {
        q.finish();
        return -1;
    }
    const qint64 v = q.int64(0);
    q.finish();
    return v;
}

Result<void> Database::configure(const Options &options)
{
    // Everything that can refuse the file runs before the first write (the WAL switch rewrites
    // the header), so a refused file keeps every byte.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) || !q.next())
        return std::unexpected(errorFrom(q, QCoreApplication::translate("Store", "Cannot read %1").arg(m_path)));
    const int tables = q.value(0).toInt();
    q.finish(); // an unfinished SELECT holds a read transaction, which blocks the WAL switch
    const int version = schemaVersion();
    if (version < 0)
        return fail(ErrorCode::NotADatabase, QCoreApplication::translate("Store", "Cannot read the schema version of %1").arg(m_path));
    if (version > kSchemaVersion)
        return fail(ErrorCode::NewerSchema,
                    QCoreApplication::translate("Store", "%1 has schema version %2, newer than this PayDesk understands (%3); it was left "
                       "untouched. Use a newer PayDesk.")
                        .arg(m_path)
                        .arg(version)
                        .arg(kSchemaVersion));
    if (version == 0 && tables > 0)
        return fail(ErrorCode::NotADatabase,
                    QCoreApplication::translate("Store", "%1 is a SQLite database but not a PayDesk database; it was left untouched").arg(m_path));
    if (m_mode == Mode::ReadOnly && version != kSchemaVersion)
        return fail(ErrorCode::ReadOnly,
                    QCoreApplication::translate("Store", "%1 has schema version %2 and must be upgraded, which a read-only open cannot do")
                        .arg(m_path)
                        .arg(version));

    if (auto r = exec(QStringLiteral("PRAGMA foreign_keys = ON")); !r)
        return r;


    // The working set of the indexes outgrows SQLite's default 2 MB page cache after a few
    // thousand payments; then every step re-reads pages through the kernel. 32 MB per connection.
    if (auto r = exec(QStringLiteral("PRAGMA cache_size = -32768")); !r)
        return r;
    // Savepoints (TransactionGuard inside a commit group) keep their undo pages in a
    // sub-journal: in memory up to 512 KB (configureSqliteOnce()), not in a temporary file
    // written page by page. temp_store stays at its default: MEMORY would force SQLite's
    // small-block in-memory journal, which costs more than the writes it protects.
    if (m_mode == Mode::ReadWrite) {
        if (options.exclusive) {
            if (auto r = exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")); !r)
                return r;
        }
        QSqlQuery jm(m_db);
        if (!jm.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return std::unexpected(errorFrom(jm, QCoreApplication::translate("Store", "Cannot switch %1 to WAL").arg(m_path)));
        jm.finish();
        if (options.walAutoCheckpointPages > 0) {
            if (auto r = exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(options.walAutoCheckpointPages)); !r)
                return r;
        }
        const QString sync = options.synchronous == Synchronous::Full  ? QStringLiteral("PRAGMA synchronous = FULL")
                             : options.synchronous == Synchronous::Off ? QStringLiteral("PRAGMA synchronous = OFF")
                                                                       : QStringLiteral("PRAGMA synchronous = NORMAL");
        if (auto r = exec(sync); !r)
            return r;
        if (options.backgroundCheckpoints && !options.exclusive) {
            const int threshold = options.walAutoCheckpointPages > 0 ? options.walAutoCheckpointPages : 1000;
            QString why;
            m_checkpointer = WalCheckpointer::attach(SqlStatement::handleOf(m_db), threshold, threshold * 8,
                                                     options.synchronous != Synchronous::Off, &why);
            if (!m_checkpointer)
                qWarning("%s: checkpoints stay inline: %s", qUtf8Printable(m_path), qUtf8Printable(why));
        }
    }
    return {};
}

int Database::schemaVersion()
{
    probe::touchDatabase();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    const int v = q.value(0).toInt();
    q.finish();
    return v;
}

Result<void> Database::createOrMigrate()
{
    if (m_mode == Mode::ReadOnly)
        return {};
    const int version = schemaVersion();
    // Taking the write lock here reports a locked file at open, not at the first payment.
    TransactionGuard tx(*this);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (version == kSchemaVersion)
        return tx.commit();
    if (version > 0 && version < kSchemaVersion) {
        // Before an upgrade, a copy of the file as it was (the online backup reads it from its
        // own connection; this one holds the write lock, which does not block readers in WAL).
        const QString copy = m_path + QStringLiteral(".before-v%1.sqlite").arg(kSchemaVersion);
        if (auto b = backupDatabaseFile(m_path, copy); !b)
            return std::unexpected(Error{b.error().code, QCoreApplication::translate("Store", "No backup before the upgrade, so no upgrade: %1")
                                                             .arg(b.error().message)});
    }
    auto r = version == 0 ? schema::createSchema(*this) : schema::migrate(*this, version);
    if (!r)
        return r; // the guard rolls back: the file keeps its old version and data
    return tx.commit();
}

QSqlQuery &Database::prepared(const QString &sql)
{
    probe::touchDatabase();
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return **it;
    auto *q = new QSqlQuery(m_db);
    // Callers read each result once, front to back: no row cache (Qt's default keeps every
    // fetched row for random access, which costs an allocation per value).
    q->setForwardOnly(true);
    q->prepare(sql);
    m_statements.insert(sql, q);
    return *q;
}

SqlStatement &Database::statement(const QString &sql)
{
    probe::touchDatabase();
    if (!m_handle)
        m_handle = SqlStatement::handleOf(m_db);
    return m_fast.get(m_handle, sql);
}

Result<void> Database::exec(const QString &sql)
{
    probe::touchDatabase();
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return std::unexpected(errorFrom(q, sql.left(60)));
    return {};
}

Result<void> Database::execCached(const QString &sql)
{
    SqlStatement &q = statement(sql);
    if (!q.exec())
        return std::unexpected(errorFrom(q, sql.left(60)));
    q.finish();
    return {};
}

Result<void> Database::beginGroup()
{
    if (m_group && m_carried) {
        m_carried = false; // the carried group goes on
        return {};
    }
    if (m_group)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Store", "A commit group is already open"));
    // The write transaction starts with the group's first guard: a group that only reads (a
    // timer that finds nothing to do) takes no write lock and commits nothing.
    m_group = true;
    m_groupBegun = false;
    ++m_groupSerial;
    return {};
}

qint64 Database::totalChanges()
{
    if (!m_handle)
        m_handle = SqlStatement::handleOf(m_db);
    return m_handle ? sqlite3_total_changes64(m_handle) : 0;
}

Result<void> Database::joinGroup()
{
    if (m_poisoned)
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("Store", "An earlier step of this commit group failed after writing; the group will be rolled back"));
    if (!m_group || m_groupBegun)
        return {};
    if (auto r = execCached(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r;
    m_groupBegun = true;
    return {};
}

Result<void> Database::commitGroup()
{
    if (!m_group)
        return {};
    if (m_poisoned) {
        rollbackGroup();
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("Store", "A step failed after writing part of its work; the commit group was rolled back"));
    }
    if (m_groupBegun) {
        if (auto r = execCached(QStringLiteral("COMMIT")); !r) {
            rollbackGroup();
            return r;
        }
        TransactionGuard::noteCommit();
    }
    m_group = false;
    m_groupBegun = false;
    m_commitRequired = false;
    m_carried = false;
    // Actions may register more actions; with the group closed those run at once.
    const QList<std::function<void()>> actions = std::exchange(m_afterCommit, {});
    m_runningActions = true;
    for (const auto &fn : actions)
        fn();
    m_runningActions = false;
    const QList<std::function<void()>> tail = std::exchange(m_afterActions, {});
    for (const auto &fn : tail)
        fn();
    return {};
}

void Database::rollbackGroup()
{
    if (!m_group)
        return;
    if (m_groupBegun)
        (void)execCached(QStringLiteral("ROLLBACK"));
    m_group = false;
    m_groupBegun = false;
    m_commitRequired = false;
    m_carried = false;
    m_poisoned = false;
    m_afterCommit.clear();
    m_afterActions.clear();
}

void Database::afterCommitActions(std::function<void()> fn)
{
    if (m_runningActions)
        m_afterActions.append(std::move(fn));
    else
        fn();
}

void Database::readBatch(const std::function<void()> &fn)
{
    if (m_group || m_db.driver() == nullptr) {
        fn();
        return;
    }
    const bool began = execCached(QStringLiteral("BEGIN")).has_value();
    fn();
    if (began)
        (void)execCached(QStringLiteral("COMMIT"));
}

void Database::afterCommit(std::function<void()> fn)
{
    if (m_group)
        m_afterCommit.append(std::move(fn));
    else
        fn();
}

void Database::haltAfterCommits(qint64 commits)
{
    m_haltBudget = commits < 0 ? -1 : commits;
}

} // namespace pay
