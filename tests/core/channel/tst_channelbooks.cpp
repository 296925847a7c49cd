// ChannelBooks: its own SQLite file and connection, schema, sequences, demo seeding.
#include "channel/channelbooks.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

class TestChannelBooks : public QObject
{
    Q_OBJECT
private slots:
    void ownFileOwnConnection();
    void mustExistRefusesMissingFile();
    void refusesNewerSchema();
    void sequencesArePerChannel();
    void ordersRoundTrip();
    void transactionRollsBackUnlessCommitted();
    void demoSeedIsIdempotent();
};

void TestChannelBooks::ownFileOwnConnection()
{
    test::TempDb db;
    const QString path = ChannelBooks::pathForCoreDatabase(db.path());
    QCOMPARE(path, db.path() + u".channels.sqlite"_s);
    auto a = ChannelBooks::open(path);
    auto b = ChannelBooks::open(path);
    QVERIFY(a && b);
    QVERIFY((*a)->connectionName() != (*b)->connectionName());
    QVERIFY(!QSqlDatabase::connectionNames().contains(QString::fromLatin1(QSqlDatabase::defaultConnection)));
    const QString name = (*a)->connectionName();
    a->reset();
    QVERIFY(!QSqlDatabase::connectionNames().contains(name));
    QVERIFY(QFileInfo::exists(path));
}

void TestChannelBooks::mustExistRefusesMissingFile()
{
    test::TempDb db;
    auto books = ChannelBooks::open(db.filePath(u"missing.sqlite"_s), true);
    QVERIFY(!books);
    QCOMPARE(books.error().code, ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(db.filePath(u"missing.sqlite"_s)));
}

void TestChannelBooks::refusesNewerSchema()
{
    test::TempDb db;
    const QString path = db.filePath(u"b.sqlite"_s);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery(raw).exec(u"PRAGMA user_version = 99"_s);
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    auto books = ChannelBooks::open(path);
    QVERIFY(!books);
    QCOMPARE(books.error().code, ErrorCode::NewerSchema);
}

void TestChannelBooks::sequencesArePerChannel()
{
    test::TempDb db;
    auto books = std::move(*ChannelBooks::open(db.path()));
    QCOMPARE(*books->nextSequence(u"qr_a"_s), 1);
    QCOMPARE(*books->nextSequence(u"qr_a"_s), 2);
    QCOMPARE(*books->nextSequence(u"qr_b"_s), 1);
    books.reset();
    books = std::move(*ChannelBooks::open(db.path()));
    QCOMPARE(*books->nextSequence(u"qr_a"_s), 3); // survives a restart
    // A number handed out in a transaction that rolls back is handed out again.
    {
        ChannelBooks::Transaction tx(*books);
        QCOMPARE(*books->nextSequence(u"qr_a"_s), 4);
    }
    QCOMPARE(*books->nextSequence(u"qr_a"_s), 4);
    // Another connection on the same file moves the sequence on: this one follows it.
    auto other = std::move(*ChannelBooks::open(db.path()));
    QCOMPARE(*other->nextSequence(u"qr_a"_s), 5);
    QCOMPARE(*other->nextSequence(u"qr_a"_s), 6);
    QCOMPARE(*books->nextSequence(u"qr_a"_s), 7);
    QCOMPARE(*other->nextSequence(u"qr_a"_s), 8);
}

void TestChannelBooks::ordersRoundTrip()
{
    test::TempDb db;
    auto books = std::move(*ChannelBooks::open(db.path()));
    ChannelBooks::Order o;
    o.channel = u"card"_s;
    o.flowNo = u"F1"_s;
    o.amountMinor = 1234;
    o.currency = u"CNY"_s;
    o.status = u"NOTPAY"_s;
    o.createdMs = 5;
    QVERIFY(books->insertOrder(o));
    QCOMPARE(books->insertOrder(o).error().code, ErrorCode::Database); // (channel, flow no.) is unique
    o.status = u"PAID"_s;
    o.channelTxnNo = u"T1"_s;
    o.paidMs = 9;
    QVERIFY(books->updateOrder(o));
    const auto back = *books->order(u"card"_s, u"F1"_s);
    QVERIFY(back);
    QCOMPARE(back->status, u"PAID"_s);
    QCOMPARE(back->channelTxnNo, u"T1"_s);
    QCOMPARE(back->subject, QString());
    QCOMPARE(books->paidBetween(u"card"_s, 9, 10)->size(), 1);
    QCOMPARE(books->paidBetween(u"card"_s, 10, 20)->size(), 0);
    QVERIFY(!*books->order(u"qr_a"_s, u"F1"_s)); // per channel
    ChannelBooks::Order twin = o;
    twin.flowNo = u"F2"_s;
    QVERIFY(!books->insertOrder(twin)); // a channel txn no. is unique per channel
}

void TestChannelBooks::transactionRollsBackUnlessCommitted()
{
    test::TempDb db;
    auto books = std::move(*ChannelBooks::open(db.path()));
    QVERIFY(books->upsertMember({u"M1"_s, u"A"_s, 100, u"CNY"_s}));
    {
        ChannelBooks::Transaction tx(*books);
        QVERIFY(tx.isActive());
        QVERIFY(books->setMemberBalance(u"M1"_s, 0));
    }
    QCOMPARE((*books->member(u"M1"_s))->balanceMinor, 100);
    {
        ChannelBooks::Transaction tx(*books);
        QVERIFY(books->setMemberBalance(u"M1"_s, 7));
        QVERIFY(tx.commit());
    }
    QCOMPARE((*books->member(u"M1"_s))->balanceMinor, 7);
}

void TestChannelBooks::demoSeedIsIdempotent()
{
    test::TempDb db;
    auto books = std::move(*ChannelBooks::open(db.path()));
    QVERIFY(seedDemoBooks(*books, 1'780'000'000'000));
    for (int i = 1001; i <= 1010; ++i)
        QVERIFY(books->member(u"M%1"_s.arg(i))->has_value());
    QCOMPARE((*books->member(u"M1001"_s))->balanceMinor, 50'000);
    QVERIFY(books->setMemberBalance(u"M1001"_s, 1));
    QVERIFY(books->setVoucherUsedBy(u"CP-10OFF"_s, u"F1"_s));
    QVERIFY(seedDemoBooks(*books, 1'790'000'000'000));
    QCOMPARE((*books->member(u"M1001"_s))->balanceMinor, 1); // kept
    QCOMPARE((*books->voucher(u"CP-10OFF"_s))->usedByFlowNo, u"F1"_s); // kept
    QCOMPARE((*books->voucher(u"CP-10OFF"_s))->valueMinor, 1000);
}

QTEST_GUILESS_MAIN(TestChannelBooks)
#include "tst_channelbooks.moc"
