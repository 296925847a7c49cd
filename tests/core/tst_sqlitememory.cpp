// SQLite's allocator in PayDesk (sqlitememory.h): installed before the first connection, sizes
// in 16-byte classes, contents kept across realloc, blocks freed on another thread reused.
#include "store/database.h"
#include "store/sqlstatement.h"
#include "testsupport.h"

#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <cstring>
#include <set>

using namespace pay;

class TestSqliteMemory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { configureSqliteOnce(); } // before anything opens SQLite
    void sizesComeInClasses();
    void reallocKeepsContents();
    void freedBlocksAreReused();
    void bigBlocksAreReused();
    void blocksCrossThreads();
    void databaseWorksOnIt();
};

void TestSqliteMemory::sizesComeInClasses()
{
    void *a = sqlite3_malloc(20);
    QVERIFY(a);
    QCOMPARE(sqlite3_msize(a), 32); // glibc's own size would be 24: ours is installed
    QCOMPARE(reinterpret_cast<quintptr>(a) % 8, quintptr(0));
    void *b = sqlite3_malloc(5000); // a big block: straight from malloc, size rounded to 8
    QVERIFY(b);
    QCOMPARE(sqlite3_msize(b), 5000);
    sqlite3_free(a);
    sqlite3_free(b);
    sqlite3_free(nullptr);
}

void TestSqliteMemory::reallocKeepsContents()
{
    auto *p = static_cast<char *>(sqlite3_malloc(10));
    std::memcpy(p, "0123456789", 10);
    p = static_cast<char *>(sqlite3_realloc(p, 12)); // same class: the same block
    QVERIFY(p);
    QCOMPARE(QByteArray(p, 10), QByteArray("0123456789"));
    p = static_cast<char *>(sqlite3_realloc(p, 3000)); // grows into a big block
    QVERIFY(p);
    QCOMPARE(QByteArray(p, 10), QByteArray("0123456789"));
    QCOMPARE(sqlite3_msize(p), 3000);
    p = static_cast<char *>(sqlite3_realloc(p, 40)); // shrinks into a small class
    QCOMPARE(QByteArray(p, 10), QByteArray("0123456789"));
    QCOMPARE(sqlite3_msize(p), 48);
    sqlite3_free(p);
}

void TestSqliteMemory::freedBlocksAreReused()
{
    void *a = sqlite3_malloc(100);
    sqlite3_free(a);
    void *b = sqlite3_malloc(97); // the same class (97..112)
    QCOMPARE(b, a);
    sqlite3_free(b);
}

void TestSqliteMemory::bigBlocksAreReused()
{
    // SQLite's in-memory savepoint journal: one 512 KB block per savepoint, again and again.
    void *a = sqlite3_malloc(512 * 1024 + 8);
    QVERIFY(a);
    QCOMPARE(sqlite3_msize(a), 512 * 1024 + 8);
    std::memset(a, 0x5a, 512 * 1024 + 8);
    sqlite3_free(a);
    void *b = sqlite3_malloc(512 * 1024 + 8);
    QCOMPARE(b, a);
    void *c = sqlite3_malloc(512 * 1024 + 8); // a second one while the first is in use: a new block
    QVERIFY(c && c != b);
    sqlite3_free(b);
    sqlite3_free(c);
    // Another size is not handed a cached block of the wrong size.
    void *d = sqlite3_malloc(200 * 1024);
    QVERIFY(d != b && d != c);
    QCOMPARE(sqlite3_msize(d), 200 * 1024);
    sqlite3_free(d);
}

void TestSqliteMemory::blocksCrossThreads()
{
    // Allocated here, freed on another thread (which keeps them), and that thread ends.
    std::vector<void *> blocks;
    for (int i = 0; i < 1000; ++i) {
        blocks.push_back(sqlite3_malloc(17 + i % 16)); // all in the 17..32 class
        std::memset(blocks.back(), 0xab, size_t(17 + i % 16));
    }
    std::set<void *> reused;
    QThread *t = QThread::create([&] {
        for (void *p : blocks)
            sqlite3_free(p);
        for (int i = 0; i < 100; ++i)
            reused.insert(sqlite3_malloc(32));
        for (void *p : reused)
            sqlite3_free(p);
    });
    t->start();
    QVERIFY(t->wait(10'000));
    delete t;
    int fromOurBlocks = 0;
    for (void *p : reused)
        fromOurBlocks += std::find(blocks.begin(), blocks.end(), p) != blocks.end();
    QCOMPARE(fromOurBlocks, 100); // the other thread served itself from the blocks it freed
}

void TestSqliteMemory::databaseWorksOnIt()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)")));
    SqlStatement &ins = (*db)->statement(QStringLiteral("INSERT INTO big (v) VALUES (?)"));
    for (int i = 0; i < 2000; ++i) {
        ins.addBindValue(QString(i % 700 + 1, QLatin1Char('x')) + QStringLiteral("\u4e2d"));
        QVERIFY(ins.exec());
    }
    SqlStatement &q = (*db)->statement(QStringLiteral("SELECT count(*), sum(length(v)) FROM big"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.int64(0), 2000);
    qint64 expected = 0;
    for (int i = 0; i < 2000; ++i)
        expected += i % 700 + 2;
    QCOMPARE(q.int64(1), expected);
    q.finish();
}

QTEST_GUILESS_MAIN(TestSqliteMemory)
#include "tst_sqlitememory.moc"
