#pragma once
// The baseline of `paydeskctl bench engine`: every row the engine wrote, replayed onto a copy of
// its files with prepared statements and nothing else, committed where the engine committed.
#include <QString>

#include <expected>
#include <memory>
#include <vector>

struct sqlite3;

namespace pay::cli {

// Records, in one order across connections, every row change (SQLite's pre-update hook: table,
// row id, the columns an INSERT writes or an UPDATE changes, with their new values) and every
// commit (its commit hook) of the attached connections. Changes made by triggers are not
// recorded: replaying the statement fires the trigger again.
class RowLog
{
public:
    RowLog();
    ~RowLog();
    RowLog(const RowLog &) = delete;
    RowLog &operator=(const RowLog &) = delete;

    // Starts recording connection `db` as file number `file` (0 or 1).
    void attach(int file, sqlite3 *db);
    void detach();

    qint64 changes(int file) const;
    qint64 commits(int file) const;

    // Replays the log onto `targets` (copies of the files as they were when recording began):
    // each change with a prepared INSERT / UPDATE of the changed columns / DELETE by row id,
    // BEGIN IMMEDIATE before a file's first change after a commit, COMMIT at each recorded
    // commit. Fails, naming the row, if a change does not write exactly one row. Statements are
    // prepared first; returns the nanoseconds of the replay itself (binds, steps, commits).
    std::expected<qint64, QString> replay(sqlite3 *const targets[2]);

    // Copies the live database of `from` into a new file `toPath` page by page (SQLite's backup
    // API: row ids stay the same, which a VACUUM would not promise).
    static std::expected<void, QString> copyFile(sqlite3 *from, const QString &toPath);

    // Every table of the file at `path` holds the same rows (row ids and values) as in `other`;
    // the error names the first table and row that differ.
    static std::expected<void, QString> sameRows(const QString &path, sqlite3 *other);

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace pay::cli
