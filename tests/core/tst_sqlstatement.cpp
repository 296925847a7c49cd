// SqlStatement (the core's prepared statements on the SQLite C API) binds and reads values the
// way Qt's QSQLITE driver does, and StatementCache hands out one statement per SQL text.
#include "store/database.h"
#include "store/sqlstatement.h"
#include "testsupport.h"

#include <QTest>

using namespace pay;

class TestSqlStatement : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { m_db.reset(); }
    void bindsLikeQtsDriver();
    void readsTypedValues();
    void newValuesRestartARunningQuery();
    void valuesPastTheLastPlaceholderAreIgnored();
    void errorsAreReportedAndCleared();
    void cacheHandsOutOneStatementPerText();

private:
    SqlStatement &stmt(const QString &sql) { return m_db->statement(sql); }
    std::unique_ptr<test::TempDb> m_tmp;
    std::unique_ptr<Database> m_db;
};

void TestSqlStatement::init()
{
    m_tmp = std::make_unique<test::TempDb>();
    auto db = Database::open(m_tmp->path());
    QVERIFY(db);
    m_db = std::move(*db);
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d, e, f, g UNIQUE)")));
}

void TestSqlStatement::bindsLikeQtsDriver()
{
    SqlStatement &ins = stmt(QStringLiteral("INSERT INTO t (a, b, c, d, e, f, g) VALUES (?,?,?,?,?,?,?)"));
    ins.addBindValue(QString());                                   // null QString: NULL
    ins.addBindValue(QStringLiteral(""));                          // empty QString: ''
    ins.addBindValue(QVariant(QMetaType(QMetaType::LongLong)));    // null number: NULL
    ins.addBindValue(qint64(1) << 40);
    ins.addBindUtf8(QByteArray("{\"k\":\"\xe4\xb8\xad\"}"));      // UTF-8 text, stored as TEXT
    ins.addBindValue(QVariant(QByteArray("\x00\x01", 2)));         // bytes: BLOB
    ins.addBindValue(QVariant(QStringLiteral("\u4e2d\u6587")));  // text in a QVariant
    QVERIFY2(ins.exec(), qPrintable(ins.lastError().text()));
    QCOMPARE(ins.numRowsAffected(), 1);
    const qint64 id = ins.lastInsertId().toLongLong();

    SqlStatement &q = stmt(QStringLiteral("SELECT typeof(a), typeof(b), typeof(c), typeof(d), typeof(e), typeof(f), g, e,"
                                          " length(f) FROM t WHERE id = ?"));
    q.addBindValue(id);
    QVERIFY(q.exec());
    QVERIFY(q.next());
    QCOMPARE(q.text(0), QStringLiteral("null"));
    QCOMPARE(q.text(1), QStringLiteral("text"));
    QCOMPARE(q.text(2), QStringLiteral("null"));
    QCOMPARE(q.text(3), QStringLiteral("integer"));
    QCOMPARE(q.text(4), QStringLiteral("text"));
    QCOMPARE(q.text(5), QStringLiteral("blob"));
    QCOMPARE(q.text(6), QStringLiteral("\u4e2d\u6587"));
    QCOMPARE(q.text(7), QStringLiteral("{\"k\":\"\u4e2d\"}"));
    QCOMPARE(q.int64(8), 2);
    QVERIFY(!q.next());

    // An execution without values binds none: every placeholder is NULL.
    SqlStatement &ins2 = stmt(QStringLiteral("INSERT INTO t (a) VALUES (?)"));
    ins2.addBindValue(7);
    QVERIFY(ins2.exec());
    QVERIFY(ins2.exec());
    SqlStatement &count = stmt(QStringLiteral("SELECT count(*), count(a), sum(a) FROM t WHERE b IS NULL"));
    QVERIFY(count.exec() && count.next());
    QCOMPARE(count.int64(0), 2);
    QCOMPARE(count.int64(1), 1);
    QCOMPARE(count.int64(2), 7);
}

void TestSqlStatement::readsTypedValues()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO t (id, a, b, c, d) VALUES (1, 42, '', NULL, '17')")));
    SqlStatement &q = stmt(QStringLiteral("SELECT a, b, c, d FROM t WHERE id = 1"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.int64(0), 42);
    QCOMPARE(q.text(0), QStringLiteral("42"));
    QVERIFY(!q.text(1).isNull());
    QVERIFY(q.text(1).isEmpty());
    QVERIFY(q.text(2).isNull());
    QVERIFY(q.isNull(2));
    QVERIFY(!q.isNull(1));
    QCOMPARE(q.int64(2), 0);
    QCOMPARE(q.int64(3), 17); // text holding a number, as QVariant::toLongLong() reads it
    // value() agrees with the typed getters.
    QCOMPARE(q.value(0).toLongLong(), q.int64(0));
    QCOMPARE(q.value(1).toString(), q.text(1));
    QVERIFY(!q.value(2).isValid());
    q.finish();
    QVERIFY(q.isNull(0)); // no row after finish()
}

void TestSqlStatement::newValuesRestartARunningQuery()
{
    for (int i = 1; i <= 3; ++i)
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO t (id, a) VALUES (%1, %1)").arg(i)));
    SqlStatement &q = stmt(QStringLiteral("SELECT a FROM t WHERE a >= ? ORDER BY a"));
    q.addBindValue(1);
    QVERIFY(q.exec());
    QVERIFY(q.next());
    QCOMPARE(q.int64(0), 1);
    // Binding for the next execution stops the running one; exec() starts over with the new value.
    q.addBindValue(2);
    QVERIFY(!q.next());
    QVERIFY(q.exec());
    QList<qint64> seen;
    while (q.next())
        seen << q.int64(0);
    QCOMPARE(seen, (QList<qint64>{2, 3}));
}

void TestSqlStatement::valuesPastTheLastPlaceholderAreIgnored()
{
    SqlStatement &ins = stmt(QStringLiteral("INSERT INTO t (a) VALUES (?)"));
    ins.addBindValue(5);
    ins.addBindValue(QStringLiteral("extra"));
    QVERIFY2(ins.exec(), qPrintable(ins.lastError().text()));
    SqlStatement &q = stmt(QStringLiteral("SELECT a FROM t"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.int64(0), 5);
}

void TestSqlStatement::errorsAreReportedAndCleared()
{
    SqlStatement &ins = stmt(QStringLiteral("INSERT INTO t (g) VALUES (?)"));
    ins.addBindValue(QStringLiteral("same"));
    QVERIFY(ins.exec());
    ins.addBindValue(QStringLiteral("same"));
    QVERIFY(!ins.exec());
    QVERIFY2(ins.lastError().text().contains(QStringLiteral("UNIQUE")), qPrintable(ins.lastError().text()));
    QCOMPARE(ins.lastError().nativeErrorCode(), QStringLiteral("2067")); // SQLITE_CONSTRAINT_UNIQUE
    ins.addBindValue(QStringLiteral("other"));
    QVERIFY(ins.exec());
    QVERIFY(!ins.lastError().isValid());

    SqlStatement &broken = stmt(QStringLiteral("SELECT nope FROM t"));
    QVERIFY(!broken.exec());
    QVERIFY2(broken.lastError().text().contains(QStringLiteral("nope")), qPrintable(broken.lastError().text()));
}

void TestSqlStatement::cacheHandsOutOneStatementPerText()
{
    StatementCache cache;
    sqlite3 *h = SqlStatement::handleOf(m_db->db());
    QVERIFY(h);
    static const QString sql = QStringLiteral("SELECT count(*) FROM t");
    SqlStatement &a = cache.get(h, sql);
    QCOMPARE(&cache.get(h, sql), &a);                                        // the same string object
    QCOMPARE(&cache.get(h, QStringLiteral("SELECT count(*) FROM t")), &a);  // another literal, same text
    const QString built = QStringLiteral("SELECT count(*) ") + QStringLiteral("FROM t");
    QCOMPARE(&cache.get(h, built), &a);                                      // built at run time
    // A string at an address the table has seen, with other text, is another statement.
    QString reused = QStringLiteral("SELECT 1");
    SqlStatement &one = cache.get(h, reused);
    QVERIFY(&one != &a);
    reused = QStringLiteral("SELECT 2");
    SqlStatement &two = cache.get(h, reused);
    QVERIFY(&two != &one);
    QVERIFY(two.exec() && two.next());
    QCOMPARE(two.int64(0), 2);
    QVERIFY(one.exec() && one.next());
    QCOMPARE(one.int64(0), 1);
    one.finish();
    two.finish();
}

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
