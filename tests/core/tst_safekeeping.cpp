// Keeping a shop's data safe (issue 15, item 4): a backup taken while payments are written is a
// consistent set that passes the invariants; a restore is refused while a core has the database
// open and moves payment numbers to a new epoch; a database on a network share is refused.
#include "enginerig.h"
#include "engine/paymentcore.h"
#include "store/invariants.h"
#include "store/safekeeping.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace pay;
using namespace pay::test;

namespace {

struct PretendNfs : FileSystemProbe
{
    std::optional<qint64> typeOf(const QString &) const override { return 0x6969; }
};

} // namespace

class TestSafekeeping : public QObject
{
    Q_OBJECT
private slots:
    void backupWhilePaymentsAreWrittenPassesTheChecks();
    void restoreIsRefusedWhileTheDatabaseIsOpenAndMovesTheNumbering();
    void networkFileSystemIsRefused();
};

void TestSafekeeping::backupWhilePaymentsAreWrittenPassesTheChecks()
{
    QTemporaryDir dir;
    EngineRig rig(dir.path());
    const QString out = dir.filePath(QStringLiteral("backup.sqlite"));
    std::atomic<bool> writing{true};
    std::atomic<int> backups{0};
    std::atomic<int> failures{0};
    // Backups from another thread (their own read connections) while this one pays.
    std::thread taker([&] {
        int i = 0;
        while (writing.load()) {
            const QString path = out + QString::number(i++ % 3);
            if (PaymentCore::backup(rig.dbPath, path))
                ++backups;
            else
                ++failures;
        }
    });
    for (int n = 0; n < 150; ++n) {
        (void)rig.pay(QStringLiteral("T-bk%1").arg(n), 1000 + n,
                      {{QStringLiteral("wallet"), QStringLiteral("M1001"), 100}, {QStringLiteral("card"), {}, 900 + n}});
        rig.clock.advance(200);
    }
    writing = false;
    taker.join();
    QCOMPARE(failures.load(), 0);
    QVERIFY(backups.load() >= 1);
    // Every copy opens, passes integrity_check and every invariant the core knows.
    for (int i = 0; i < qMin(3, backups.load()); ++i) {
        const QString path = out + QString::number(i);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".channels.sqlite")));
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        InvariantChecker checker(**db);
        for (const InvariantResult &r : checker.checkAll(true))
            QVERIFY2(r.ok, qPrintable(r.name + QStringLiteral(": ") + r.examples.join(QStringLiteral("; "))));
    }
}

void TestSafekeeping::restoreIsRefusedWhileTheDatabaseIsOpenAndMovesTheNumbering()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("backup.sqlite"));
    QString dbPath;
    {
        EngineRig rig(dir.path());
        dbPath = rig.dbPath;
        auto t = rig.pay(QStringLiteral("T-r1"), 500, {{QStringLiteral("card"), {}, 500}});
        QVERIFY(t);
        QCOMPARE(t->paymentNo, QStringLiteral("P00000001"));
        rig.clock.advance(5000);
        QVERIFY(PaymentCore::backup(rig.dbPath, out));
        QVERIFY(rig.pay(QStringLiteral("T-r2"), 600, {{QStringLiteral("card"), {}, 600}})); // P00000002: seen by the card channel
        rig.clock.advance(5000);
        // The core holds the database: a restore is refused, and nothing changed.
        auto refused = PaymentCore::restore(out, rig.dbPath);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Locked);
        QVERIFY(rig.view(QStringLiteral("T-r2")).trade.id != 0);
        // A second core on the same file is refused too.
        PaymentCore::Options o;
        o.databasePath = rig.dbPath;
        o.clock = &rig.clock;
        auto second = PaymentCore::open(o);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Locked);
    }
    auto epoch = PaymentCore::restore(out, dbPath);
    QVERIFY2(epoch, qPrintable(epoch ? QString() : epoch.error().message));
    QCOMPARE(*epoch, qint64(1));
    EngineRig again(dir.path());
    QCOMPARE(again.view(QStringLiteral("T-r2")).trade.id, qint64(0)); // the older copy
    QCOMPARE_NAME(again.view(QStringLiteral("T-r1")).trade.status, TradeStatus::Paid);
    // Row id 2 comes round again, its number does not.
    auto t = again.pay(QStringLiteral("T-r3"), 700, {{QStringLiteral("card"), {}, 700}});
    QVERIFY(t);
    QCOMPARE(t->paymentNo, QStringLiteral("E1P00000002"));
    again.clock.advance(5000);
    QCOMPARE_NAME(again.view(QStringLiteral("T-r3")).trade.status, TradeStatus::Paid);
}

void TestSafekeeping::networkFileSystemIsRefused()
{
    QTemporaryDir dir;
    PretendNfs nfs;
    FileSystemProbe::setCurrent(&nfs);
    auto db = Database::open(dir.filePath(QStringLiteral("core.sqlite")));
    FileSystemProbe::setCurrent(nullptr);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(QStringLiteral("network file system")), qPrintable(db.error().message));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("core.sqlite")))); // nothing was created
    QVERIFY(isNetworkFileSystem(0xFF534D42)); // CIFS
    QVERIFY(!isNetworkFileSystem(0xEF53));    // ext4
    // The real probe on a local directory.
    QVERIFY(Database::open(dir.filePath(QStringLiteral("core.sqlite"))));
}

QTEST_GUILESS_MAIN(TestSafekeeping)
#include "tst_safekeeping.moc"
