// The engine benchmark's baseline: a recorded run's row changes and commits replayed onto a
// copy of its file give the same rows, and a copy that differs is named.
#include "../../app/paydeskctl/rowreplay.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using pay::cli::RowLog;

namespace {

struct Connection
{
    sqlite3 *db = nullptr;
    explicit Connection(const QString &path) { sqlite3_open(path.toUtf8().constData(), &db); }
    ~Connection() { sqlite3_close(db); }
    bool exec(const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    qint64 scalar(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
        const qint64 v = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return v;
    }
};

} // namespace

class TestRowReplay : public QObject
{
    Q_OBJECT
private slots:
    void replayWritesTheSameRowsWithTheSameCommits();
    void sameRowsNamesTheFirstDifference();
};

void TestRowReplay::replayWritesTheSameRowsWithTheSameCommits()
{
    QTemporaryDir dir;
    Connection src(dir.filePath(QStringLiteral("src.sqlite")));
    Connection other(dir.filePath(QStringLiteral("other.sqlite")));
    QVERIFY(src.exec("PRAGMA journal_mode=WAL"));
    QVERIFY(src.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, status TEXT, n INTEGER, b BLOB)"));
    QVERIFY(src.exec("CREATE INDEX t_status ON t(status)"));
    QVERIFY(src.exec("CREATE TABLE kv (name TEXT PRIMARY KEY, v INTEGER)")); // row ids not aliased
    QVERIFY(src.exec("CREATE TABLE log (id INTEGER PRIMARY KEY, t_id INTEGER, what TEXT)"));
    QVERIFY(src.exec("CREATE TRIGGER t_log AFTER UPDATE OF status ON t BEGIN"
                     " INSERT INTO log (t_id, what) VALUES (new.id, new.status); END"));
    QVERIFY(src.exec("INSERT INTO kv VALUES ('a', 1), ('b', 2)"));
    QVERIFY(other.exec("CREATE TABLE o (x INTEGER)"));

    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    const QString otherCopy = dir.filePath(QStringLiteral("other-copy.sqlite"));
    QVERIFY(RowLog::copyFile(src.db, copy).has_value());
    QVERIFY(RowLog::copyFile(other.db, otherCopy).has_value());

    RowLog log;
    log.attach(0, src.db);
    log.attach(1, other.db);
    QVERIFY(src.exec("BEGIN IMMEDIATE"));
    QVERIFY(src.exec("INSERT INTO t (k, status, n, b) VALUES ('x', 'INIT', 1, x'00ff'), ('y', 'INIT', NULL, NULL)"));
    QVERIFY(src.exec("SAVEPOINT s; UPDATE t SET status = 'PAID', n = n + 1 WHERE k = 'x'; RELEASE s"));
    QVERIFY(src.exec("UPDATE kv SET v = v + 10 WHERE name = 'b'"));
    QVERIFY(src.exec("UPDATE kv SET v = v WHERE name = 'a'")); // a write of the same values
    QVERIFY(src.exec("COMMIT"));
    QVERIFY(other.exec("INSERT INTO o VALUES (7)")); // autocommit on the second file
    QVERIFY(src.exec("BEGIN IMMEDIATE; DELETE FROM kv WHERE name = 'a'; INSERT INTO kv VALUES ('c', 3); COMMIT"));
    QVERIFY(src.exec("BEGIN IMMEDIATE; COMMIT")); // a commit that wrote nothing still counts
    log.detach();
    QVERIFY(src.exec("INSERT INTO kv VALUES ('after', 0)")); // not recorded
    QVERIFY(src.exec("DELETE FROM kv WHERE name = 'after'"));

    // Trigger rows are not recorded: the replayed UPDATE fires the trigger again.
    QCOMPARE(log.changes(0), 7);
    QCOMPARE(log.changes(1), 1);
    QCOMPARE(log.commits(0), 3);
    QCOMPARE(log.commits(1), 1);

    Connection target(copy);
    Connection otherTarget(otherCopy);
    QCOMPARE(target.scalar("SELECT count(*) FROM t"), 0);
    sqlite3 *const targets[2] = {target.db, otherTarget.db};
    const int changes0 = sqlite3_total_changes(target.db);
    auto replayed = log.replay(targets);
    QVERIFY2(replayed.has_value(), qPrintable(replayed.error()));
    QCOMPARE(sqlite3_total_changes(target.db) - changes0, 7 + 1); // + the trigger's row
    QCOMPARE(target.scalar("SELECT n FROM t WHERE k = 'x'"), 2);
    QCOMPARE(target.scalar("SELECT count(*) FROM log"), 1);
    QCOMPARE(otherTarget.scalar("SELECT x FROM o"), 7);
    auto same = RowLog::sameRows(dir.filePath(QStringLiteral("src.sqlite")), target.db);
    QVERIFY2(same.has_value(), qPrintable(same.error()));
    auto sameOther = RowLog::sameRows(dir.filePath(QStringLiteral("other.sqlite")), otherTarget.db);
    QVERIFY2(sameOther.has_value(), qPrintable(sameOther.error()));

    // A second replay cannot insert the same row ids again: the error names the table.
    auto again = log.replay(targets);
    QVERIFY(!again.has_value());
    QVERIFY2(again.error().startsWith(QStringLiteral("Replay of a row of t (row id 1)")), qPrintable(again.error()));
}

void TestRowReplay::sameRowsNamesTheFirstDifference()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    Connection ca(a);
    QVERIFY(ca.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two')"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    QVERIFY(RowLog::copyFile(ca.db, b).has_value());
    Connection cb(b);
    QVERIFY(RowLog::sameRows(a, cb.db).has_value());

    QVERIFY(cb.exec("UPDATE t SET v = 'TWO' WHERE id = 2"));
    auto diff = RowLog::sameRows(a, cb.db);
    QVERIFY(!diff.has_value());
    QVERIFY2(diff.error().contains(QStringLiteral("row id 2")) && diff.error().contains(QStringLiteral("column v")),
             qPrintable(diff.error()));

    QVERIFY(cb.exec("UPDATE t SET v = 'two' WHERE id = 2; INSERT INTO t VALUES (3, 'three')"));
    diff = RowLog::sameRows(a, cb.db);
    QVERIFY(!diff.has_value());
    QVERIFY2(diff.error().contains(QStringLiteral("row counts")), qPrintable(diff.error()));
}

QTEST_GUILESS_MAIN(TestRowReplay)
#include "tst_rowreplay.moc"
