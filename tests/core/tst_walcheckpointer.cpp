// The background checkpointer (core/store/walcheckpointer.h): checkpoints leave the committing
// thread, the writer only checkpoints itself at the hard limit, nothing committed is lost.
#include "channel/channelbooks.h"
#include "store/database.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace pay;

namespace {

constexpr int kThreshold = 40; // frames; the hard limit is 8 times that
constexpr int kWait = 20000;   // ms a test waits for the thread before it fails

std::unique_ptr<Database> openDb(const QString &path, bool background = true, bool exclusive = false)
{
    Database::Options o;
    o.walAutoCheckpointPages = kThreshold;
    o.backgroundCheckpoints = background;
    o.exclusive = exclusive;
    auto r = Database::open(path, o);
    return r ? std::move(*r) : nullptr;
}

// One commit of `rows` rows of about 3 KB each: roughly one WAL frame per row.
bool commitRows(Database &db, int rows)
{
    TransactionGuard tx(db);
    if (!tx.begun())
        return false;
    for (int i = 0; i < rows; ++i) {
        if (!db.exec(QStringLiteral("INSERT INTO scratch (body) VALUES (randomblob(3000))")))
            return false;
    }
    return tx.commit().has_value();
}

qint64 rowCount(Database &db)
{
    QSqlQuery q(db.db());
    return q.exec(QStringLiteral("SELECT count(*) FROM scratch")) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void threadCopiesTheWalAndTheWriterNever()
    {
        test::TempDb tmp;
        auto db = openDb(tmp.path());
        QVERIFY(db);
        WalCheckpointer *c = db->checkpointer();
        QVERIFY(c);
        QCOMPARE(c->threshold(), kThreshold);
        QCOMPARE(c->hardLimit(), 8 * kThreshold);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB)")));
        QVERIFY(c->waitUntilIdle(kWait));
        const qint64 fileBefore = QFileInfo(tmp.path()).size();
        const quint64 runsBefore = c->stats().background;

        // Below the threshold nothing is copied: the rows are only in the WAL.
        QVERIFY(commitRows(*db, kThreshold / 4));
        QVERIFY(c->waitUntilIdle(kWait));
        QCOMPARE(c->stats().background, runsBefore);
        QCOMPARE(QFileInfo(tmp.path()).size(), fileBefore);

        // Past it, the thread copies them into the file; the writer's own checkpoint never ran.
        for (int i = 0; i < 6; ++i)
            QVERIFY(commitRows(*db, 10));
        QVERIFY(c->waitUntilIdle(kWait));
        const WalCheckpointer::Stats s = c->stats();
        QVERIFY2(s.background > runsBefore, "the thread never checkpointed");
        QCOMPARE(s.inlined, quint64(0));
        QVERIFY(s.lastError.isEmpty());
        QVERIFY(s.lastCopied > 0);
        QVERIFY(QFileInfo(tmp.path()).size() > fileBefore + qint64(kThreshold) * 3000);
        QVERIFY(s.maxWalFrames < c->hardLimit());
    }

    void writerCheckpointsItselfAtTheHardLimit()
    {
        test::TempDb tmp;
        auto db = openDb(tmp.path());
        QVERIFY(db && db->checkpointer());
        WalCheckpointer *c = db->checkpointer();
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB)")));
        QVERIFY(c->waitUntilIdle(kWait));
        const quint64 runsBefore = c->stats().background;
        c->setPaused(true);
        int commits = 0;
        while (c->stats().inlined == 0 && commits < 200) {
            QVERIFY(commitRows(*db, 10));
            ++commits;
        }
        WalCheckpointer::Stats s = c->stats();
        QCOMPARE(s.inlined, quint64(1));
        QCOMPARE(s.background, runsBefore); // paused: the writer did it, as SQLite's own hook would
        QVERIFY(s.walFrames >= c->hardLimit());
        // The next write finds the WAL copied whole and starts it over: the WAL stays bounded.
        QVERIFY(commitRows(*db, 10));
        s = c->stats();
        QVERIFY2(s.walFrames < kThreshold, qPrintable(QString::number(s.walFrames)));
        QVERIFY(s.maxWalFrames < c->hardLimit() + 20);
        c->setPaused(false);
        QVERIFY(c->waitUntilIdle(kWait));
    }

    void aReaderNeitherBlocksTheWriterNorLosesItsSnapshot()
    {
        test::TempDb tmp;
        auto db = openDb(tmp.path());
        QVERIFY(db && db->checkpointer());
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB)")));
        QVERIFY(commitRows(*db, 5));
        Database::Options ro;
        ro.mode = Database::Mode::ReadOnly;
        auto reader = Database::open(tmp.path(), ro);
        QVERIFY(reader);
        QVERIFY(!(*reader)->checkpointer()); // only writers checkpoint
        QSqlQuery snapshot((*reader)->db());
        QVERIFY(snapshot.exec(QStringLiteral("BEGIN")));
        QCOMPARE(rowCount(**reader), qint64(5));
        // The writer goes on past the threshold while the reader holds its snapshot.
        for (int i = 0; i < 15; ++i)
            QVERIFY(commitRows(*db, 10));
        QVERIFY(db->checkpointer()->waitUntilIdle(kWait));
        const WalCheckpointer::Stats s = db->checkpointer()->stats();
        QVERIFY(s.lastError.isEmpty());
        QVERIFY2(s.lastCopied < s.lastWalLength, "a checkpoint copied frames a reader still needs");
        QCOMPARE(rowCount(**reader), qint64(5));
        QVERIFY(snapshot.exec(QStringLiteral("COMMIT")));
        QCOMPARE(rowCount(**reader), rowCount(*db));
    }

    void closingKeepsEveryRowAndRemovesTheWal()
    {
        test::TempDb tmp;
        qint64 rows = 0;
        {
            auto db = openDb(tmp.path());
            QVERIFY(db && db->checkpointer());
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB)")));
            for (int i = 0; i < 30; ++i)
                QVERIFY(commitRows(*db, 7));
            rows = rowCount(*db);
            QCOMPARE(rows, qint64(210));
        } // the thread stops first, so the writer's close is the last one and copies the rest
        QVERIFY(!QFileInfo::exists(tmp.path() + QStringLiteral("-wal")));
        auto again = openDb(tmp.path());
        QVERIFY(again);
        QCOMPARE(rowCount(*again), rows);
    }

    void onlyWhereASecondConnectionMayOpen()
    {
        test::TempDb tmp;
        QVERIFY(!openDb(tmp.path(), true, true)->checkpointer()); // exclusive: SQLite's own
        QVERIFY(!openDb(tmp.path(), false)->checkpointer());      // switched off
        auto books = ChannelBooks::open(tmp.path() + QStringLiteral(".books"));
        QVERIFY(books);
        QVERIFY((*books)->checkpointer());
        auto scratchBooks = ChannelBooks::open(tmp.path() + QStringLiteral(".scratch-books"), false, true);
        QVERIFY(scratchBooks);
        QVERIFY(!(*scratchBooks)->checkpointer());
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
