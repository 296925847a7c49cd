#include "rowreplay.h"

// Debian builds SQLite with the pre-update hook; its declarations need this macro.
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK
#endif
#include <sqlite3.h>

#include <QElapsedTimer>

#include <cstring>
#include <map>
#include <string>

using namespace Qt::StringLiterals;

namespace pay::cli {

namespace {

enum class Op { Insert, Update, Delete, Commit };

struct Entry
{
    int file = 0;
    Op op = Op::Commit;
    int table = -1;
    sqlite3_int64 oldRowid = 0;
    sqlite3_int64 newRowid = 0;
    std::vector<int> columns;           // written (INSERT) or changed (UPDATE) columns
    std::vector<sqlite3_value *> values; // their new values, owned
};

bool sameValue(sqlite3_value *a, sqlite3_value *b)
{
    const int t = sqlite3_value_type(a);
    if (t != sqlite3_value_type(b))
        return false;
    switch (t) {
    case SQLITE_NULL:
        return true;
    case SQLITE_INTEGER:
        return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT:
        return sqlite3_value_double(a) == sqlite3_value_double(b);
    default: {
        const int n = sqlite3_value_bytes(a);
        if (n != sqlite3_value_bytes(b))
            return false;
        const void *pa = t == SQLITE_TEXT ? static_cast<const void *>(sqlite3_value_text(a)) : sqlite3_value_blob(a);
        const void *pb = t == SQLITE_TEXT ? static_cast<const void *>(sqlite3_value_text(b)) : sqlite3_value_blob(b);
        return n == 0 || std::memcmp(pa, pb, size_t(n)) == 0;
    }
    }
}

QString sqliteError(sqlite3 *db, const QString &what)
{
    return what + u": "_s + QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

struct RowLog::Data
{
    std::vector<Entry> log;
    std::vector<std::string> tables;
    std::map<std::string, int> tableIds;
    sqlite3 *attached[2] = {nullptr, nullptr};
    qint64 changeCount[2] = {0, 0};
    qint64 commitCount[2] = {0, 0};
    struct HookContext
    {
        Data *data;
        int file;
    } contexts[2] = {{this, 0}, {this, 1}};

    int tableId(const char *name)
    {
        auto [it, inserted] = tableIds.try_emplace(name, int(tables.size()));
        if (inserted)
            tables.emplace_back(name);
        return it->second;
    }

    static void onPreupdate(void *ctx, sqlite3 *db, int op, const char *zDb, const char *zName, sqlite3_int64 key1,
                            sqlite3_int64 key2)
    {
        auto *c = static_cast<HookContext *>(ctx);
        if (sqlite3_preupdate_depth(db) > 0 || std::strcmp(zDb, "main") != 0)
            return; // a trigger's own writes, or another schema
        Entry e;
        e.file = c->file;
        e.table = c->data->tableId(zName);
        e.oldRowid = key1;
        e.newRowid = key2;
        const int n = sqlite3_preupdate_count(db);
        if (op == SQLITE_INSERT) {
            e.op = Op::Insert;
            for (int i = 0; i < n; ++i) {
                sqlite3_value *v = nullptr;
                if (sqlite3_preupdate_new(db, i, &v) == SQLITE_OK && v) {
                    e.columns.push_back(i);
                    e.values.push_back(sqlite3_value_dup(v));
                }
            }
        } else if (op == SQLITE_UPDATE) {
            e.op = Op::Update;
            for (int i = 0; i < n; ++i) {
                sqlite3_value *o = nullptr;
                sqlite3_value *v = nullptr;
                if (sqlite3_preupdate_old(db, i, &o) != SQLITE_OK || sqlite3_preupdate_new(db, i, &v) != SQLITE_OK
                    || !o || !v)
                    continue;
                if (!sameValue(o, v)) {
                    e.columns.push_back(i);
                    e.values.push_back(sqlite3_value_dup(v));
                }
            }
        } else {
            e.op = Op::Delete;
        }
        ++c->data->changeCount[c->file];
        c->data->log.push_back(std::move(e));
    }

    static int onCommit(void *ctx)
    {
        auto *c = static_cast<HookContext *>(ctx);
        Entry e;
        e.file = c->file;
        e.op = Op::Commit;
        ++c->data->commitCount[c->file];
        c->data->log.push_back(std::move(e));
        return 0; // let the commit go ahead
    }
};

RowLog::RowLog() : d(std::make_unique<Data>()) {}

RowLog::~RowLog()
{
    detach();
    for (Entry &e : d->log) {
        for (sqlite3_value *v : e.values)
            sqlite3_value_free(v);
    }
}

void RowLog::attach(int file, sqlite3 *db)
{
    d->attached[file] = db;
    sqlite3_preupdate_hook(db, &Data::onPreupdate, &d->contexts[file]);
    sqlite3_commit_hook(db, &Data::onCommit, &d->contexts[file]);
}

void RowLog::detach()
{
    for (sqlite3 *&db : d->attached) {
        if (db) {
            sqlite3_preupdate_hook(db, nullptr, nullptr);
            sqlite3_commit_hook(db, nullptr, nullptr);
            db = nullptr;
        }
    }
}

qint64 RowLog::changes(int file) const
{
    return d->changeCount[file];
}

qint64 RowLog::commits(int file) const
{
    return d->commitCount[file];
}

std::expected<void, QString> RowLog::copyFile(sqlite3 *from, const QString &toPath)
{
    sqlite3 *to = nullptr;
    if (sqlite3_open(toPath.toUtf8().constData(), &to) != SQLITE_OK) {
        const QString e = sqliteError(to, u"Open "_s + toPath);
        sqlite3_close(to);
        return std::unexpected(e);
    }
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) {
        const QString e = sqliteError(to, u"Copy to "_s + toPath);
        sqlite3_close(to);
        return std::unexpected(e);
    }
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    QString e;
    if (rc != SQLITE_DONE)
        e = sqliteError(to, u"Copy to "_s + toPath);
    sqlite3_close(to);
    if (!e.isEmpty())
        return std::unexpected(e);
    return {};
}

std::expected<void, QString> RowLog::sameRows(const QString &path, sqlite3 *other)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const QString e = sqliteError(db, u"Open "_s + path);
        sqlite3_close(db);
        return std::unexpected(e);
    }
    std::vector<std::string> tables;
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                       -1, &s, nullptr);
    while (s && sqlite3_step(s) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    QString error;
    for (const std::string &table : tables) {
        const std::string sql = "SELECT rowid, * FROM \"" + table + "\" ORDER BY rowid";
        sqlite3_stmt *a = nullptr;
        sqlite3_stmt *b = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &a, nullptr);
        sqlite3_prepare_v2(other, sql.c_str(), -1, &b, nullptr);
        if (!a || !b) {
            error = sqliteError(a ? other : db, u"Read "_s + QString::fromStdString(table));
        } else {
            for (;;) {
                const int ra = sqlite3_step(a);
                const int rb = sqlite3_step(b);
                if (ra != rb) {
                    error = u"Table %1: the copies have different row counts"_s.arg(QString::fromStdString(table));
                    break;
                }
                if (ra != SQLITE_ROW)
                    break;
                for (int c = 0; c < sqlite3_column_count(a); ++c) {
                    if (!sameValue(sqlite3_column_value(a, c), sqlite3_column_value(b, c))) {
                        error = u"Table %1, row id %2, column %3 differs"_s.arg(QString::fromStdString(table))
                                    .arg(sqlite3_column_int64(a, 0))
                                    .arg(QString::fromUtf8(sqlite3_column_name(a, c)));
                        break;
                    }
                }
                if (!error.isEmpty())
                    break;
            }
        }
        sqlite3_finalize(a);
        sqlite3_finalize(b);
        if (!error.isEmpty())
            break;
    }
    sqlite3_close(db);
    if (!error.isEmpty())
        return std::unexpected(error);
    return {};
}

std::expected<qint64, QString> RowLog::replay(sqlite3 *const targets[2])
{
    // Columns per (file, table) from the target's schema; the INTEGER PRIMARY KEY column (if
    // any) is the row id itself.
    struct TableInfo
    {
        std::vector<std::string> names;
        int rowidAlias = -1;
    };
    std::map<std::pair<int, int>, TableInfo> info;
    auto tableInfo = [&](int file, int table) -> const TableInfo & {
        auto [it, inserted] = info.try_emplace({file, table});
        if (inserted) {
            sqlite3_stmt *s = nullptr;
            const std::string sql = "PRAGMA table_info(\"" + d->tables[size_t(table)] + "\")";
            sqlite3_prepare_v2(targets[file], sql.c_str(), -1, &s, nullptr);
            int pkColumns = 0;
            int pkIndex = -1;
            bool pkInteger = false;
            while (s && sqlite3_step(s) == SQLITE_ROW) {
                it->second.names.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)));
                if (sqlite3_column_int(s, 5) > 0) {
                    ++pkColumns;
                    pkIndex = int(it->second.names.size()) - 1;
                    pkInteger = sqlite3_stricmp(reinterpret_cast<const char *>(sqlite3_column_text(s, 2)), "INTEGER") == 0;
                }
            }
            sqlite3_finalize(s);
            if (pkColumns == 1 && pkInteger)
                it->second.rowidAlias = pkIndex;
        }
        return it->second;
    };
    // One prepared statement per (file, table, operation, column set).
    std::map<std::string, sqlite3_stmt *> statements;
    auto statementFor = [&](const Entry &e) -> std::expected<sqlite3_stmt *, QString> {
        std::string key = std::to_string(e.file) + '/' + std::to_string(e.table) + '/' + std::to_string(int(e.op));
        for (int c : e.columns)
            key += ',' + std::to_string(c);
        if (auto it = statements.find(key); it != statements.end())
            return it->second;
        const TableInfo &t = tableInfo(e.file, e.table);
        const std::string &table = d->tables[size_t(e.table)];
        const std::string keyColumn = t.rowidAlias >= 0 ? t.names[size_t(t.rowidAlias)] : std::string("rowid");
        std::string sql;
        if (e.op == Op::Insert) {
            std::string cols = '"' + keyColumn + '"';
            std::string params = "?";
            for (int c : e.columns) {
                if (c == t.rowidAlias)
                    continue;
                cols += ",\"" + t.names[size_t(c)] + '"';
                params += ",?";
            }
            sql = "INSERT INTO \"" + table + "\" (" + cols + ") VALUES (" + params + ")";
        } else if (e.op == Op::Update) {
            std::string sets;
            for (int c : e.columns)
                sets += (sets.empty() ? "\"" : ",\"") + t.names[size_t(c)] + "\"=?";
            if (sets.empty()) // an UPDATE that wrote the values the row had: write it again
                sets = '"' + t.names[t.rowidAlias == 0 && t.names.size() > 1 ? 1 : 0] + "\"=\""
                       + t.names[t.rowidAlias == 0 && t.names.size() > 1 ? 1 : 0] + '"';
            sql = "UPDATE \"" + table + "\" SET " + sets + " WHERE \"" + keyColumn + "\"=?";
        } else {
            sql = "DELETE FROM \"" + table + "\" WHERE \"" + keyColumn + "\"=?";
        }
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v3(targets[e.file], sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
            return std::unexpected(sqliteError(targets[e.file], u"Prepare "_s + QString::fromStdString(sql)));
        statements.emplace(key, s);
        return s;
    };
    sqlite3_stmt *begin[2] = {nullptr, nullptr};
    sqlite3_stmt *commit[2] = {nullptr, nullptr};
    for (int f = 0; f < 2; ++f) {
        if (!targets[f])
            continue;
        sqlite3_prepare_v2(targets[f], "BEGIN IMMEDIATE", -1, &begin[f], nullptr);
        sqlite3_prepare_v2(targets[f], "COMMIT", -1, &commit[f], nullptr);
    }
    auto finalizeAll = [&] {
        for (auto &[k, s] : statements)
            sqlite3_finalize(s);
        for (int f = 0; f < 2; ++f) {
            sqlite3_finalize(begin[f]);
            sqlite3_finalize(commit[f]);
        }
    };
    auto run = [](sqlite3_stmt *s) {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        return rc == SQLITE_DONE;
    };
    // Statements and parameters are resolved before the clock starts: the timed loop only
    // binds, steps and commits.
    struct Step
    {
        sqlite3_stmt *statement = nullptr; // nullptr: a commit
        int skipColumn = -1;               // the INTEGER PRIMARY KEY column of an INSERT (bound as the row id)
    };
    std::vector<Step> steps;
    steps.reserve(d->log.size());
    for (const Entry &e : d->log) {
        if (!targets[e.file])
            return finalizeAll(), std::unexpected(u"No target for file %1"_s.arg(e.file));
        if (e.op == Op::Commit) {
            steps.push_back({});
            continue;
        }
        auto s = statementFor(e);
        if (!s)
            return finalizeAll(), std::unexpected(s.error());
        steps.push_back({*s, e.op == Op::Insert ? tableInfo(e.file, e.table).rowidAlias : -1});
    }
    QElapsedTimer timer;
    timer.start();
    bool open[2] = {false, false};
    for (size_t k = 0; k < steps.size(); ++k) {
        const Entry &e = d->log[k];
        sqlite3 *db = targets[e.file];
        if (!open[e.file]) {
            if (!run(begin[e.file]))
                return finalizeAll(), std::unexpected(sqliteError(db, u"BEGIN"_s));
            open[e.file] = true;
        }
        sqlite3_stmt *s = steps[k].statement;
        if (!s) {
            if (!run(commit[e.file]))
                return finalizeAll(), std::unexpected(sqliteError(db, u"COMMIT"_s));
            open[e.file] = false;
            continue;
        }
        int p = 1;
        if (e.op == Op::Insert)
            sqlite3_bind_int64(s, p++, e.newRowid);
        for (size_t i = 0; i < e.columns.size(); ++i) {
            if (e.columns[i] != steps[k].skipColumn)
                sqlite3_bind_value(s, p++, e.values[i]);
        }
        if (e.op != Op::Insert)
            sqlite3_bind_int64(s, p++, e.oldRowid);
        if (!run(s) || sqlite3_changes(db) != 1)
            return finalizeAll(), std::unexpected(sqliteError(db, u"Replay of a row of %1 (row id %2)"_s
                                                                   .arg(QString::fromStdString(d->tables[size_t(e.table)]))
                                                                   .arg(e.op == Op::Insert ? e.newRowid : e.oldRowid)));
    }
    for (int f = 0; f < 2; ++f) {
        if (open[f] && !run(commit[f]))
            return finalizeAll(), std::unexpected(sqliteError(targets[f], u"COMMIT"_s));
    }
    const qint64 ns = timer.nsecsElapsed();
    finalizeAll();
    return ns;
}

} // namespace pay::cli
