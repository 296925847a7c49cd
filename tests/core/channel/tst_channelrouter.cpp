// ChannelRouter: table-driven routing over method, amount limits, currency, health, fee,
// priority and maintenance windows.
#include "channel/channelrouter.h"

#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

const qint64 Noon = QDateTime(QDate(2026, 5, 29), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 AtMidnight = QDateTime(QDate(2026, 5, 30), QTime(0, 2), Qt::UTC).toMSecsSinceEpoch();

QList<RouteRule> rules()
{
    QList<RouteRule> r;
    RouteRule qrA;
    qrA.method = u"qr"_s;
    qrA.channel = u"qr_a"_s;
    qrA.currency = u"CNY"_s;
    qrA.minAmountMinor = 1;
    qrA.maxAmountMinor = 1'000'000;
    qrA.fee = FeeRule {0, 38};
    qrA.maintenance = {TimeWindow {Noon + 3600'000, Noon + 2 * 3600'000}};
    RouteRule qrB;
    qrB.method = u"qr"_s;
    qrB.channel = u"qr_b"_s;
    qrB.currency = u"CNY"_s;
    qrB.minAmountMinor = 1;
    qrB.fee = FeeRule {0, 60};
    qrB.dailyMaintenance = {DailyWindow {23 * 60 + 55, 5}}; // 23:55-00:05 UTC
    RouteRule qrC; // same fee as qr_a, lower priority number
    qrC.method = u"qr"_s;
    qrC.channel = u"qr_c"_s;
    qrC.fee = FeeRule {0, 38};
    qrC.priority = -1;
    qrC.enabled = false;
    RouteRule card;
    card.method = u"card"_s;
    card.channel = u"card"_s;
    card.minAmountMinor = 100;
    card.fee = FeeRule {30, 55};
    r << qrA << qrB << qrC << card;
    return r;
}

} // namespace

class TestChannelRouter : public QObject
{
    Q_OBJECT
private slots:
    void route_data();
    void route();
    void refusalPerChannel_data();
    void refusalPerChannel();
    void feeRounding_data();
    void feeRounding();
    void dailyWindowWrapsMidnight_data();
    void dailyWindowWrapsMidnight();
    void rulesRoundTripThroughJson();
    void rejectsBadRules();
};

void TestChannelRouter::route_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QStringList>("unhealthy"); // channel=REASON
    QTest::addColumn<QStringList>("exclude");
    QTest::addColumn<bool>("enableQrC");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("reasonCode");
    QTest::addColumn<QString>("exclusions"); // channel:reason of the candidates left out

    const QStringList none;
    QTest::addRow("cheapest wins") << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon << none << none << false
                                   << u"qr_a"_s << u"CHEAPEST"_s << u"qr_c:DISABLED"_s;
    QTest::addRow("above qr_a limit")
        << u"qr"_s << qint64(2'000'000) << u"CNY"_s << Noon << none << none << false << u"qr_b"_s
        << u"ONLY_ELIGIBLE"_s << u"qr_a:ABOVE_MAX qr_c:DISABLED"_s;
    QTest::addRow("breaker open") << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon
                                  << QStringList {u"qr_a=BREAKER_OPEN"_s} << none << false << u"qr_b"_s
                                  << u"ONLY_ELIGIBLE"_s << u"qr_a:BREAKER_OPEN qr_c:DISABLED"_s;
    QTest::addRow("killed") << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon << QStringList {u"qr_a=KILLED"_s}
                            << none << false << u"qr_b"_s << u"ONLY_ELIGIBLE"_s
                            << u"qr_a:KILLED qr_c:DISABLED"_s;
    QTest::addRow("maintenance window")
        << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon + 3600'000 << none << none << false << u"qr_b"_s
        << u"ONLY_ELIGIBLE"_s << u"qr_a:MAINTENANCE qr_c:DISABLED"_s;
    QTest::addRow("maintenance over") << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon + 2 * 3600'000 << none
                                      << none << false << u"qr_a"_s << u"CHEAPEST"_s << u"qr_c:DISABLED"_s;
    QTest::addRow("daily window past midnight")
        << u"qr"_s << qint64(2'000'000) << u"CNY"_s << AtMidnight << none << none << false << QString()
        << u"NO_ELIGIBLE_CHANNEL"_s << u"qr_a:ABOVE_MAX qr_b:MAINTENANCE qr_c:DISABLED"_s;
    QTest::addRow("failover excludes")
        << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon << none << QStringList {u"qr_a"_s} << false
        << u"qr_b"_s << u"ONLY_ELIGIBLE"_s << u"qr_a:EXCLUDED qr_c:DISABLED"_s;
    QTest::addRow("currency") << u"qr"_s << qint64(10'000) << u"USD"_s << Noon << none << none << false
                              << QString() << u"NO_ELIGIBLE_CHANNEL"_s
                              << u"qr_a:CURRENCY qr_b:CURRENCY qr_c:DISABLED"_s;
    QTest::addRow("fee tie goes to priority") << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon << none << none
                                              << true << u"qr_c"_s << u"PRIORITY"_s << QString();
    QTest::addRow("below minimum") << u"card"_s << qint64(99) << u"CNY"_s << Noon << none << none << false
                                   << QString() << u"NO_ELIGIBLE_CHANNEL"_s << u"card:BELOW_MIN"_s;
    QTest::addRow("unknown method") << u"cash"_s << qint64(100) << u"CNY"_s << Noon << none << none << false
                                    << QString() << u"NO_RULE"_s << QString();
    QTest::addRow("every channel down")
        << u"qr"_s << qint64(10'000) << u"CNY"_s << Noon
        << QStringList {u"qr_a=BREAKER_OPEN"_s, u"qr_b=BREAKER_HALF_OPEN_BUSY"_s} << none << false
        << QString() << u"NO_ELIGIBLE_CHANNEL"_s
        << u"qr_a:BREAKER_OPEN qr_b:BREAKER_HALF_OPEN_BUSY qr_c:DISABLED"_s;
}

void TestChannelRouter::route()
{
    QFETCH(QString, method);
    QFETCH(qint64, amount);
    QFETCH(QString, currency);
    QFETCH(qint64, now);
    QFETCH(QStringList, unhealthy);
    QFETCH(QStringList, exclude);
    QFETCH(bool, enableQrC);
    QFETCH(QString, channel);
    QFETCH(QString, reasonCode);
    QFETCH(QString, exclusions);

    ChannelRouter router;
    QList<RouteRule> r = rules();
    r[2].enabled = enableQrC;
    router.setRules(r);
    QHash<QString, QString> health;
    for (const QString &entry : unhealthy)
        health.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    const RouteDecision d = router.route(
        method, Money(amount, *Currency::fromCode(currency)), now,
        [&](const QString &c) -> std::optional<QString> {
            if (health.contains(c))
                return health.value(c);
            return std::nullopt;
        },
        exclude);
    QCOMPARE(d.channel, channel);
    QCOMPARE(d.ok(), !channel.isEmpty());
    QCOMPARE(d.reasonCode, reasonCode);
    QStringList got;
    for (const RouteCandidate &c : d.candidates) {
        if (!c.eligible)
            got << c.channel + u':' + c.exclusion;
    }
    QCOMPARE(got.join(u' '), exclusions);
    QVERIFY(!d.reason.isEmpty());
    if (d.ok()) {
        QVERIFY(d.reason.contains(channel));
        QCOMPARE(d.toJson().value(u"channel"_s).toString(), channel);
    }
}

void TestChannelRouter::refusalPerChannel_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("refusal"); // empty: admitted
    QTest::addRow("admitted") << u"qr_a"_s << qint64(10'000) << Noon << QString();
    QTest::addRow("above limit") << u"qr_a"_s << qint64(2'000'000) << Noon << u"ABOVE_MAX"_s;
    QTest::addRow("in maintenance") << u"qr_a"_s << qint64(10'000) << Noon + 3600'000 << u"MAINTENANCE"_s;
    QTest::addRow("daily maintenance") << u"qr_b"_s << qint64(10'000) << AtMidnight << u"MAINTENANCE"_s;
    QTest::addRow("disabled rule") << u"qr_c"_s << qint64(10'000) << Noon << u"DISABLED"_s;
    QTest::addRow("below minimum") << u"card"_s << qint64(50) << Noon << u"BELOW_MIN"_s;
    QTest::addRow("no rule names it") << u"wallet"_s << qint64(50) << Noon << QString();
}

void TestChannelRouter::refusalPerChannel()
{
    QFETCH(QString, channel);
    QFETCH(qint64, amount);
    QFETCH(qint64, now);
    QFETCH(QString, refusal);
    ChannelRouter router;
    router.setRules(rules());
    QCOMPARE(router.refusal(channel, Money(amount, Currency::cny()), now).value_or(QString()), refusal);
}

void TestChannelRouter::feeRounding_data()
{
    QTest::addColumn<qint64>("fixed");
    QTest::addColumn<int>("bps");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("fee");
    QTest::addRow("0.38%% of 100.00") << qint64(0) << 38 << qint64(10'000) << qint64(38);
    QTest::addRow("half rounds up") << qint64(0) << 50 << qint64(100) << qint64(1); // 0.5
    QTest::addRow("below half down") << qint64(0) << 49 << qint64(100) << qint64(0); // 0.49
    QTest::addRow("fixed part") << qint64(30) << 55 << qint64(1000) << qint64(36); // 30 + 5.5
    QTest::addRow("huge amount") << qint64(0) << 60 << qint64(9'000'000'000'000'000'000LL)
                                 << qint64(54'000'000'000'000'000LL);
}

void TestChannelRouter::feeRounding()
{
    QFETCH(qint64, fixed);
    QFETCH(int, bps);
    QFETCH(qint64, amount);
    QFETCH(qint64, fee);
    QCOMPARE((FeeRule {fixed, bps}.feeFor(amount)), fee);
}

void TestChannelRouter::dailyWindowWrapsMidnight_data()
{
    QTest::addColumn<int>("hour");
    QTest::addColumn<int>("minute");
    QTest::addColumn<bool>("inside");
    QTest::addRow("23:54") << 23 << 54 << false;
    QTest::addRow("23:55") << 23 << 55 << true;
    QTest::addRow("00:00") << 0 << 0 << true;
    QTest::addRow("00:04") << 0 << 4 << true;
    QTest::addRow("00:05") << 0 << 5 << false;
    QTest::addRow("12:00") << 12 << 0 << false;
}

void TestChannelRouter::dailyWindowWrapsMidnight()
{
    QFETCH(int, hour);
    QFETCH(int, minute);
    QFETCH(bool, inside);
    const DailyWindow w {23 * 60 + 55, 5};
    const qint64 t = QDateTime(QDate(2026, 5, 29), QTime(hour, minute, 30), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(w.contains(t), inside);
}

void TestChannelRouter::rulesRoundTripThroughJson()
{
    const QList<RouteRule> original = rules();
    auto back = ChannelRouter::rulesFromJson(ChannelRouter::rulesToJson(original));
    QVERIFY(back);
    QCOMPARE(back->size(), original.size());
    QCOMPARE(ChannelRouter::rulesToJson(*back), ChannelRouter::rulesToJson(original));
    QCOMPARE(back->at(1).dailyMaintenance.first().startMinute, 23 * 60 + 55);
    QCOMPARE(back->at(2).enabled, false);
    // The shipped defaults route a QR payment to the cheaper wallet.
    ChannelRouter router;
    router.setRules(ChannelRouter::defaultRules());
    QCOMPARE(router.route(u"qr"_s, Money(5000, Currency::cny()), Noon).channel, u"qr_a"_s);
}

void TestChannelRouter::rejectsBadRules()
{
    QVERIFY(!RouteRule::fromJson(QJsonObject {{u"channel"_s, u"x"_s}}));
    QVERIFY(!RouteRule::fromJson(QJsonObject {{u"method"_s, u"qr"_s}, {u"channel"_s, u"x"_s},
        {u"minAmountMinor"_s, 10}, {u"maxAmountMinor"_s, 5}}));
    QVERIFY(!RouteRule::fromJson(QJsonObject {{u"method"_s, u"qr"_s}, {u"channel"_s, u"x"_s},
        {u"dailyMaintenance"_s, QJsonArray {QJsonObject {{u"startMinute"_s, 2000}}}}}));
}

QTEST_GUILESS_MAIN(TestChannelRouter)
#include "tst_channelrouter.moc"
