#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QHash>
#include <QVariant>
#include <array>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace pay {

// A prepared statement on the SQLite C API, for the core's hot paths (the engine's repositories,
// the status snapshot). It keeps the small part of QSqlQuery's interface those paths use
// (addBindValue, exec, next, value, numRowsAffected, lastInsertId, finish, lastError) with the
// same meaning, including Qt's rule that a null QString or QByteArray binds SQL NULL, but skips
// what QSqlQuery does on every execution and bind (a QSqlRecord of QSqlFields, a named
// placeholder string per positional value, a row cache). It runs on the connection Qt opened
// (Database owns both), so transactions and locks are shared. Always forward-only.
// Process-wide SQLite settings, applied once before the first connection opens (SQLite
// refuses them afterwards; then this does nothing): memory statistics off, which takes a global
// mutex and two counters off every allocation SQLite makes (SQLITE_CONFIG_MEMSTATUS; PayDesk
// never reads sqlite3_memory_used()), and savepoint sub-journals kept in memory in one block up
// to 512 KB (SQLITE_CONFIG_STMTJRNL_SPILL), and small blocks recycled per thread
// (sqlitememory.h: Debian's SQLite has no lookaside memory).
void configureSqliteOnce();

class SqlStatement
{
public:
    // The SQLite connection behind a Qt QSQLITE connection (nullptr for another driver).
    static sqlite3 *handleOf(const QSqlDatabase &db);

    SqlStatement(sqlite3 *db, const QString &sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    // Values are bound at once, in order (the first call after an execution starts a new set);
    // exec() runs the statement with them. Typed overloads skip the QVariant.
    void addBindValue(const QVariant &value);
    void addBindValue(const QString &text); // a null QString binds NULL, as in Qt
    void addBindValue(qint64 value);
    void addBindValue(int value) { addBindValue(qint64(value)); }
    void addBindNull();
    // Binds text given as UTF-8 (a null QByteArray binds NULL); the bytes are kept, not copied.
    void addBindUtf8(const QByteArray &utf8);
    bool exec();
    bool next();
    QVariant value(int column) const;
    // The current row's column as a number (0 for NULL) or as text (a null QString for NULL),
    // without a QVariant.
    qint64 int64(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;
    // The column's text as SQLite holds it (UTF-8), valid until the statement moves on; empty
    // for NULL. Its SQLite type: SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    QByteArrayView utf8(int column) const;
    int columnType(int column) const;
    // Appends the column as text, as value(column).toString().toUtf8() would give it, without
    // the QVariant and QString in between; `null` for NULL.
    void appendText(int column, QByteArray &out, QByteArrayView null) const;
    int numRowsAffected() const { return m_changes; }
    QVariant lastInsertId() const;
    // Resets the statement: releases its read snapshot and the bound values.
    void finish();
    QSqlError lastError() const { return m_failed ? m_error : QSqlError(); }
    const QString &lastQuery() const { return m_sql; }

private:
    bool fail(int rc);
    bool beginBind(); // the next parameter's number, starting a new set if needed; false past the last
    void bindText(const QByteArray &utf8);
    void note(int rc) // keeps the set's first failed bind for exec() to report
    {
        if (m_bindRc == 0)
            m_bindRc = rc;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    std::vector<QByteArray> m_keep; // text and blobs bound without copies, kept until the next set
    QSqlError m_error;              // built only when something failed
    int m_params = 0;
    int m_nextParam = 0;
    int m_bindRc = 0; // the first failed bind of the set (SQLITE_OK = 0)
    int m_changes = 0;
    bool m_binding = false;    // a set of values is being bound for the next exec()
    bool m_failed = false;
    bool m_rowPending = false; // exec() stepped onto the first row; next() hands it out
    bool m_done = true;
};

// A connection's prepared statements by SQL text. Most callers pass the same string object every
// time (a QStringLiteral at the call site, or a function's static QString), so a small table
// keyed by the text's address answers first: a hit when the address and length are those of the
// statement's own copy of its text (shared, never modified, so it cannot have changed), without
// hashing the text. Any other string goes through the hash of the full text.
class StatementCache
{
public:
    StatementCache() = default;
    ~StatementCache() { clear(); }
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    SqlStatement &get(sqlite3 *db, const QString &sql)
    {
        Slot &slot = m_front[(quintptr(sql.constData()) >> 4) % m_front.size()];
        if (slot.text == sql.constData() && slot.size == sql.size())
            return *slot.statement;
        return lookUp(db, sql, slot);
    }
    void clear();

private:
    struct Slot
    {
        const QChar *text = nullptr;
        qsizetype size = 0;
        SqlStatement *statement = nullptr;
    };
    SqlStatement &lookUp(sqlite3 *db, const QString &sql, Slot &slot);

    std::array<Slot, 256> m_front{};
    QHash<QString, SqlStatement *> m_all;
};

} // namespace pay
