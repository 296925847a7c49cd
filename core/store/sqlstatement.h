#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>
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
// to 512 KB (SQLITE_CONFIG_STMTJRNL_SPILL).
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

    void addBindValue(const QVariant &value) { m_pending.push_back(value); }
    bool exec();
    bool next();
    QVariant value(int column) const;
    // Appends the column as text, as value(column).toString().toUtf8() would give it, without
    // the QVariant and QString in between; `null` for NULL.
    void appendText(int column, QByteArray &out, QByteArrayView null) const;
    int numRowsAffected() const { return m_changes; }
    QVariant lastInsertId() const;
    // Resets the statement: releases its read snapshot and the bound values.
    void finish();
    QSqlError lastError() const { return m_error; }
    const QString &lastQuery() const { return m_sql; }

private:
    bool fail(int rc);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    std::vector<QVariant> m_pending; // bound by the next exec()
    std::vector<QVariant> m_bound;   // in use by the running statement (bound without copies)
    std::vector<QByteArray> m_utf8;  // the UTF-8 of its text values, bound without copies
    QSqlError m_error;
    int m_changes = 0;
    bool m_rowPending = false; // exec() stepped onto the first row; next() hands it out
    bool m_done = true;
};

} // namespace pay
