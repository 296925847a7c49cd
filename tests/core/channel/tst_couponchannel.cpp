// CouponChannel: single-use vouchers with a validity window; deduct on pay, restore on refund.
#include "channel/couponchannel.h"
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
        coupon = std::make_unique<CouponChannel>(&clock, books.get());
        FaultProfile p;
        p.latency = LatencyModel::fixed(10);
        coupon->setFaultProfile(p);
    }
    ChannelResult run(std::function<void(Channel::ResultHandler)> call)
    {
        ChannelResult out;
        call([&out](const ChannelResult &r) { out = r; });
        clock.advance(10);
        return out;
    }
    ChannelResult pay(
        const QString &flowNo, const QString &code, qint64 amount, const QString &currency = u"CNY"_s)
    {
        PayRequest r;
        r.flowNo = flowNo;
        r.account = code;
        r.amount = Money(amount, *Currency::fromCode(currency));
        return run([&](auto h) { coupon->pay(r, h); });
    }
    ChannelResult refund(const QString &refundNo, const QString &flowNo, qint64 amount)
    {
        RefundRequest r;
        r.refundNo = refundNo;
        r.flowNo = flowNo;
        r.amount = Money(amount, Currency::cny());
        return run([&](auto h) { coupon->refund(r, h); });
    }

    test::TempDb db;
    VirtualClock clock;
    std::unique_ptr<ChannelBooks> books;
    std::unique_ptr<CouponChannel> coupon;
};

} // namespace

class TestCouponChannel : public QObject
{
    Q_OBJECT
private slots:
    void pay_data();
    void pay();
    void singleUseAndRestore();
    void refundMustBeWhole();
    void lookUp();
};

void TestCouponChannel::pay_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("result");
    QTest::addRow("exactly the value") << u"CP-10OFF"_s << qint64(1000) << u"CNY"_s << u"SUCCESS"_s;
    QTest::addRow("less than the value") << u"CP-10OFF"_s << qint64(350) << u"CNY"_s << u"SUCCESS"_s;
    QTest::addRow("more than the value")
        << u"CP-10OFF"_s << qint64(1001) << u"CNY"_s << u"AMOUNT_EXCEEDS_VOUCHER"_s;
    QTest::addRow("expired") << u"CP-EXPIRED"_s << qint64(100) << u"CNY"_s << u"VOUCHER_EXPIRED"_s;
    QTest::addRow("not yet valid") << u"CP-FUTURE"_s << qint64(100) << u"CNY"_s << u"VOUCHER_NOT_YET_VALID"_s;
    QTest::addRow("unknown code") << u"CP-NOPE"_s << qint64(100) << u"CNY"_s << u"VOUCHER_NOT_FOUND"_s;
    QTest::addRow("other currency") << u"CP-10OFF"_s << qint64(100) << u"USD"_s << u"CURRENCY_MISMATCH"_s;
}

void TestCouponChannel::pay()
{
    QFETCH(QString, code);
    QFETCH(qint64, amount);
    QFETCH(QString, currency);
    QFETCH(QString, result);
    Rig rig;
    const ChannelResult r = rig.pay(u"F1"_s, code, amount, currency);
    QCOMPARE(r.code, result);
    QCOMPARE(r.outcome, result == u"SUCCESS"_s ? ChannelOutcome::Succeeded : ChannelOutcome::Failed);
    const auto v = *rig.books->voucher(code);
    if (v)
        QCOMPARE(v->usedByFlowNo, result == u"SUCCESS"_s ? u"F1"_s : QString());
    if (r.succeeded()) {
        QVERIFY(r.channelTxnNo.startsWith(u"CPN"_s));
        QCOMPARE(r.amountMinor, amount);
    }
}

void TestCouponChannel::singleUseAndRestore()
{
    Rig rig;
    QVERIFY(rig.pay(u"F1"_s, u"CP-20OFF"_s, 2000).succeeded());
    QVERIFY(rig.pay(u"F1"_s, u"CP-20OFF"_s, 2000).succeeded()); // same flow: idempotent, no second use
    QCOMPARE(rig.pay(u"F2"_s, u"CP-20OFF"_s, 2000).code, u"VOUCHER_USED"_s);
    QVERIFY(rig.refund(u"R1"_s, u"F1"_s, 2000).succeeded());
    QCOMPARE((*rig.books->voucher(u"CP-20OFF"_s))->usedByFlowNo, QString());
    QVERIFY(rig.pay(u"F3"_s, u"CP-20OFF"_s, 1500).succeeded()); // usable again
}

void TestCouponChannel::refundMustBeWhole()
{
    Rig rig;
    QVERIFY(rig.pay(u"F1"_s, u"CP-50OFF"_s, 4000).succeeded());
    const ChannelResult partial = rig.refund(u"R1"_s, u"F1"_s, 1000);
    QCOMPARE(partial.outcome, ChannelOutcome::Failed);
    QCOMPARE(partial.code, u"PARTIAL_REFUND_NOT_SUPPORTED"_s);
    QCOMPARE((*rig.books->voucher(u"CP-50OFF"_s))->usedByFlowNo, u"F1"_s);
    QVERIFY(rig.refund(u"R1"_s, u"F1"_s, 4000).succeeded()); // the refund no. was not burnt
}

void TestCouponChannel::lookUp()
{
    Rig rig;
    auto v = rig.coupon->voucher(u"CP-5OFF"_s);
    QVERIFY(v);
    QCOMPARE(v->valueMinor, 500);
    QCOMPARE(rig.coupon->voucher(u"CP-X"_s).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestCouponChannel)
#include "tst_couponchannel.moc"
