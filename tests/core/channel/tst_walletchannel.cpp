// WalletChannel: member balances; insufficient funds is a definite failure; refunds credit back.
#include "channel/walletchannel.h"
#include "sim/clock.h"
#include "testsupport.h"

#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

struct Rig
{
    Rig()
        : clock(1'780'000'000'000)
    {
        books = std::move(*ChannelBooks::open(db.filePath(u"books.sqlite"_s)));
        QVERIFY(seedDemoBooks(*books, clock.nowMs()));
        wallet = std::make_unique<WalletChannel>(&clock, books.get());
        FaultProfile p;
        p.latency = LatencyModel::fixed(10);
        wallet->setFaultProfile(p);
    }
    ChannelResult run(std::function<void(Channel::ResultHandler)> call)
    {
        ChannelResult out;
        call([&out](const ChannelResult &r) { out = r; });
        clock.advance(10);
        return out;
    }
    ChannelResult pay(const QString &flowNo, const QString &member, qint64 amount)
    {
        PayRequest r;
        r.flowNo = flowNo;
        r.account = member;
        r.amount = Money(amount, Currency::cny());
        return run([&](auto h) { wallet->pay(r, h); });
    }
    qint64 balance(const QString &member) { return wallet->member(member)->balanceMinor; }

    test::TempDb db;
    VirtualClock clock;
    std::unique_ptr<ChannelBooks> books;
    std::unique_ptr<WalletChannel> wallet;
};

} // namespace

class TestWalletChannel : public QObject
{
    Q_OBJECT
private slots:
    void pay_data();
    void pay();
    void refundCreditsBack();
    void timedOutButSucceededStillDebitsOnce();
};

void TestWalletChannel::pay_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("balanceAfter");
    QTest::addRow("enough") << u"M1002"_s << qint64(2000) << u"SUCCESS"_s << qint64(10'000);
    QTest::addRow("all of it") << u"M1002"_s << qint64(12'000) << u"SUCCESS"_s << qint64(0);
    QTest::addRow("one unit short") << u"M1002"_s << qint64(12'001) << u"INSUFFICIENT_FUNDS"_s
                                    << qint64(12'000);
    QTest::addRow("nearly empty") << u"M1003"_s << qint64(51) << u"INSUFFICIENT_FUNDS"_s << qint64(50);
    QTest::addRow("unknown member") << u"M9999"_s << qint64(1) << u"MEMBER_NOT_FOUND"_s << qint64(-1);
}

void TestWalletChannel::pay()
{
    QFETCH(QString, member);
    QFETCH(qint64, amount);
    QFETCH(QString, code);
    QFETCH(qint64, balanceAfter);
    Rig rig;
    const ChannelResult r = rig.pay(u"F1"_s, member, amount);
    QCOMPARE(r.code, code);
    QCOMPARE(r.outcome, code == u"SUCCESS"_s ? ChannelOutcome::Succeeded : ChannelOutcome::Failed);
    if (balanceAfter >= 0)
        QCOMPARE(rig.balance(member), balanceAfter);
    if (r.succeeded())
        QVERIFY(r.channelTxnNo.startsWith(u"WLT"_s));
}

void TestWalletChannel::refundCreditsBack()
{
    Rig rig;
    QVERIFY(rig.pay(u"F1"_s, u"M1001"_s, 10'000).succeeded());
    QCOMPARE(rig.balance(u"M1001"_s), 40'000);
    RefundRequest r;
    r.refundNo = u"R1"_s;
    r.flowNo = u"F1"_s;
    r.amount = Money(2500, Currency::cny());
    QVERIFY(rig.run([&](auto h) { rig.wallet->refund(r, h); }).succeeded());
    QVERIFY(rig.run([&](auto h) { rig.wallet->refund(r, h); }).succeeded()); // retried: refunded once
    QCOMPARE(rig.balance(u"M1001"_s), 42'500);
}

void TestWalletChannel::timedOutButSucceededStillDebitsOnce()
{
    Rig rig;
    FaultProfile p;
    p.latency = LatencyModel::fixed(10);
    p.timeoutSucceededRate = 1.0;
    p.timeoutMs = 100;
    rig.wallet->setFaultProfile(p);
    ChannelResult first;
    PayRequest req;
    req.flowNo = u"F1"_s;
    req.account = u"M1001"_s;
    req.amount = Money(1000, Currency::cny());
    rig.wallet->pay(req, [&](const ChannelResult &r) { first = r; });
    rig.clock.advance(100);
    QCOMPARE(first.code, u"TIMEOUT"_s);
    QCOMPARE(rig.balance(u"M1001"_s), 49'000); // the money moved although the caller heard nothing
    p.timeoutSucceededRate = 0;
    rig.wallet->setFaultProfile(p);
    QVERIFY(rig.pay(u"F1"_s, u"M1001"_s, 1000).succeeded());
    QCOMPARE(rig.balance(u"M1001"_s), 49'000);
}

QTEST_GUILESS_MAIN(TestWalletChannel)
#include "tst_walletchannel.moc"
