#include "cache/cachewriter.h"
#include "cache/statuscache.h"
#include "enginerig.h"
#include "store/accessprobe.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

using namespace pay;
using namespace pay::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject cached(PaymentCore &core, const QString &no)
{
    auto e = core.cache().get(no);
    return e ? parse(e->body) : QJsonObject{};
}

// The snapshot as the single SQL statement (SQLite's JSON functions) built it until the C++
// writer replaced it: the oracle the writer must match byte for byte.
QByteArray snapshotBySql(Database &db, qint64 tradeId)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral(
        "SELECT json_object("
        " 'amount', t.amount, 'currency', t.currency,"
        " 'flows', (SELECT json_group_array(json_object("
        "    'amount', f.amount, 'channel', f.channel, 'channel_txn_no', COALESCE(f.channel_txn_no, ''),"
        "    'fail_code', COALESCE(f.fail_code, ''), 'fail_reason', COALESCE(f.fail_reason, ''),"
        "    'flow_no', f.flow_no, 'method', f.method, 'payment_no', COALESCE(p.payment_no, ''),"
        "    'qr_content', COALESCE(f.qr_content, ''),"
        "    'qr_expires_at', CASE WHEN COALESCE(f.qr_content, '') = '' THEN 0 ELSE COALESCE(f.prepay_expires_at, 0) END,"
        "    'recon_pending', json(CASE WHEN f.recon_pending THEN 'true' ELSE 'false' END),"
        "    'seq', f.seq, 'status', f.status))"
        "    FROM payment_flows f INDEXED BY ix_flow_trade LEFT JOIN payment_orders p ON p.id = f.payment_id"
        "    WHERE f.trade_id = t.id),"
        " 'freeze_reason', COALESCE(t.freeze_reason, ''),"
        " 'frozen', json(CASE WHEN t.frozen THEN 'true' ELSE 'false' END),"
        " 'out_trade_no', t.out_trade_no, 'paid', t.paid_amount,"
        " 'payments', (SELECT json_group_array(json_object("
        "    'fail_reason', COALESCE(p.fail_reason, ''), 'payment_no', p.payment_no, 'status', p.status))"
        "    FROM payment_orders p INDEXED BY ix_payment_trade WHERE p.trade_id = t.id),"
        " 'refunded', t.refunded_amount,"
        " 'refunds', (SELECT json_group_array(json_object("
        "    'amount', r.amount, 'reason', r.reason, 'refund_no', r.refund_no, 'status', r.status))"
        "    FROM refund_orders r INDEXED BY ix_refund_trade WHERE r.trade_id = t.id),"
        " 'status', t.status,"
        " 'updated_at', max(t.updated_at,"
        "    COALESCE((SELECT max(updated_at) FROM payment_orders WHERE trade_id = t.id), 0),"
        "    COALESCE((SELECT max(updated_at) FROM payment_flows WHERE trade_id = t.id), 0),"
        "    COALESCE((SELECT max(updated_at) FROM refund_orders WHERE trade_id = t.id), 0)))"
        " FROM trade_orders t WHERE t.id = ?"));
    q.addBindValue(tradeId);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString().toUtf8();
}

} // namespace

class TestStatusCache : public QObject
{
    Q_OBJECT
private slots:
    void versionsBumpOnlyOnChange();
    void bodyCarriesItsVersion();
    void threadSafetySmoke();
    void writerFollowsCommittedTransitions();
    void snapshotHasTheContractKeys();
    void snapshotMatchesTheSqlJsonItReplaced();
    void warmLoadsOpenAndRecentTrades();
    void probeCountsDatabaseAccess();
};

void TestStatusCache::versionsBumpOnlyOnChange()
{
    StatusCache cache;
    QSignalSpy spy(&cache, &StatusCache::versionChanged);
    QVERIFY(!cache.get(u"T1"_s));
    QCOMPARE(cache.version(u"T1"_s), 0);
    cache.put(u"T1"_s, R"({"status":"PAYING"})");
    QCOMPARE(cache.get(u"T1"_s)->version, 1);
    cache.put(u"T1"_s, R"({"status":"PAYING"})"); // same body: no bump, no signal
    QCOMPARE(cache.get(u"T1"_s)->version, 1);
    QCOMPARE(spy.count(), 1);
    cache.put(u"T1"_s, R"({"status":"PAID"})");
    QCOMPARE(cache.get(u"T1"_s)->version, 2);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toString(), u"T1"_s);
    QCOMPARE(spy.last().at(1).toLongLong(), 2);
    cache.put(u"T2"_s, R"({"status":"PAID"})"); // versions are per trade
    QCOMPARE(cache.get(u"T2"_s)->version, 1);
    QCOMPARE(cache.changedPuts(), 3u);
    QCOMPARE(cache.unchangedPuts(), 1u);
    QCOMPARE(cache.size(), 2);
}

void TestStatusCache::bodyCarriesItsVersion()
{
    StatusCache cache;
    cache.put(u"T1"_s, R"({"a":1})");
    cache.put(u"T1"_s, R"({"a":2})");
    const auto e = cache.get(u"T1"_s);
    QCOMPARE(e->body, QByteArray(R"({"version":2,"a":2})"));
    QCOMPARE(parse(e->body).value(u"version"_s).toInteger(), e->version);
    QCOMPARE(StatusCache::stamp("{}", 3), QByteArray(R"({"version":3})"));
    QCOMPARE(StatusCache::stamp("not json", 3), QByteArray("not json"));
}

void TestStatusCache::threadSafetySmoke()
{
    StatusCache cache;
    constexpr int kWriters = 3, kReaders = 3, kPuts = 3000;
    std::atomic<int> inconsistent{0};
    std::atomic<bool> stop{false};
    QList<QThread *> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads << QThread::create([&cache, w] {
            for (int i = 0; i < kPuts; ++i)
                cache.put(u"T%1"_s.arg(i % 7), QByteArray(R"({"w":)") + QByteArray::number(w) + ",\"i\":"
                                                  + QByteArray::number(i) + '}');
        });
    }
    for (int r = 0; r < kReaders; ++r) {
        threads << QThread::create([&cache, &inconsistent, &stop] {
            while (!stop.load()) {
                for (int k = 0; k < 7; ++k) {
                    if (auto e = cache.get(u"T%1"_s.arg(k))) {
                        if (QJsonDocument::fromJson(e->body).object().value(u"version"_s).toInteger() != e->version)
                            ++inconsistent;
                    }
                }
            }
        });
    }
    for (QThread *t : threads)
        t->start();
    for (int i = 0; i < kWriters; ++i)
        threads[i]->wait();
    stop = true;
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    QCOMPARE(inconsistent.load(), 0);
    qint64 versions = 0;
    for (int k = 0; k < 7; ++k)
        versions += cache.version(u"T%1"_s.arg(k));
    QCOMPARE(quint64(versions), cache.changedPuts());
    QCOMPARE(cache.changedPuts() + cache.unchangedPuts(), quint64(kWriters * kPuts));
}

void TestStatusCache::writerFollowsCommittedTransitions()
{
    EngineRig rig;
    PaymentCore &core = *rig.core;
    // When the engine says a trade changed, the cache already shows it (the writer is
    // connected first and runs directly on the core thread).
    QStringList seen;
    QObject::connect(rig.engine, &PaymentEngine::tradeChanged, rig.engine, [&](const QString &no, qint64) {
        seen << cached(core, no).value(u"status"_s).toString();
    });
    QVERIFY(rig.pay(u"T-c1"_s, 3000, {{u"coupon"_s, u"CP-5OFF"_s, 500}, {u"card"_s, {}, 2500}}));
    QCOMPARE(cached(core, u"T-c1"_s).value(u"status"_s).toString(), u"PAYING"_s);
    const qint64 v1 = core.cache().version(u"T-c1"_s);
    QVERIFY(v1 >= 1);
    rig.clock.advance(10'000);
    const QJsonObject done = cached(core, u"T-c1"_s);
    QCOMPARE(done.value(u"status"_s).toString(), u"PAID"_s);
    QCOMPARE(done.value(u"paid"_s).toInteger(), 3000);
    QVERIFY(core.cache().version(u"T-c1"_s) > v1);
    QCOMPARE(seen.first(), u"PAYING"_s);
    QCOMPARE(seen.last(), u"PAID"_s);
    // The cache agrees with the database.
    const OrderView v = rig.view(u"T-c1"_s);
    const QJsonArray flows = done.value(u"flows"_s).toArray();
    QCOMPARE(flows.size(), v.flows.size());
    for (int i = 0; i < flows.size(); ++i)
        QCOMPARE(flows[i].toObject().value(u"status"_s).toString(), toString(v.flows[i].status));
    // A rebuild that changes nothing does not bump the version.
    const qint64 v2 = core.cache().version(u"T-c1"_s);
    QVERIFY(core.cacheWriter().refresh(u"T-c1"_s));
    QCOMPARE(core.cache().version(u"T-c1"_s), v2);
}

void TestStatusCache::snapshotHasTheContractKeys()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-k1"_s, 3000,
                    {{u"qr_a"_s, {}, 1500}, {u"coupon"_s, u"CP-5OFF"_s, 500}, {u"wallet"_s, u"M1001"_s, 1000}}));
    rig.clock.advance(2000);
    const auto e = rig.core->cache().get(u"T-k1"_s);
    QVERIFY(e);
    QVERIFY(!e->body.contains('\n')); // compact
    const QJsonObject o = parse(e->body);
    QStringList keys = o.keys();
    keys.sort();
    QStringList expected{u"out_trade_no"_s, u"status"_s, u"amount"_s, u"currency"_s, u"paid"_s, u"refunded"_s,
                         u"frozen"_s, u"freeze_reason"_s, u"version"_s, u"updated_at"_s, u"payments"_s, u"flows"_s,
                         u"refunds"_s};
    expected.sort();
    QCOMPARE(keys, expected);
    QCOMPARE(o.value(u"version"_s).toInteger(), e->version);
    QCOMPARE(o.value(u"amount"_s).toInteger(), 3000);
    QCOMPARE(o.value(u"currency"_s).toString(), u"CNY"_s);
    QVERIFY(o.value(u"frozen"_s).isBool());
    QVERIFY(o.value(u"updated_at"_s).toInteger() > 0);
    const QJsonObject payment = o.value(u"payments"_s).toArray().first().toObject();
    QStringList pk = payment.keys();
    pk.sort();
    QCOMPARE(pk, (QStringList{u"fail_reason"_s, u"payment_no"_s, u"status"_s}));
    const QJsonArray flows = o.value(u"flows"_s).toArray();
    QCOMPARE(flows.size(), 3);
    QStringList fk = flows[0].toObject().keys();
    fk.sort();
    QStringList fexpected{u"flow_no"_s, u"payment_no"_s, u"seq"_s, u"channel"_s, u"method"_s, u"amount"_s,
                          u"status"_s, u"channel_txn_no"_s, u"qr_content"_s, u"qr_expires_at"_s, u"fail_code"_s,
                          u"fail_reason"_s, u"recon_pending"_s};
    fexpected.sort();
    QCOMPARE(fk, fexpected);
    const QJsonObject qr = flows[2].toObject();
    QCOMPARE(qr.value(u"channel"_s).toString(), u"qr_a"_s);
    QCOMPARE(qr.value(u"status"_s).toString(), u"PREPAID"_s);
    QVERIFY(qr.value(u"qr_content"_s).toString().contains(qr.value(u"flow_no"_s).toString()));
    QVERIFY(qr.value(u"qr_expires_at"_s).toInteger() > rig.clock.nowMs());
    QCOMPARE(flows[0].toObject().value(u"qr_expires_at"_s).toInteger(), 0);
    QCOMPARE(qr.value(u"payment_no"_s).toString(), payment.value(u"payment_no"_s).toString());
    QVERIFY(qr.value(u"recon_pending"_s).isBool());
    // A refund shows up with its keys.
    QVERIFY(rig.qrA->customerPays(qr.value(u"flow_no"_s).toString()));
    rig.clock.advance(5000);
    RefundCommand rc;
    rc.outTradeNo = u"T-k1"_s;
    rc.refundNo = u"R-k1"_s;
    rc.amountMinor = 100;
    rc.requestedBy = u"cashier1"_s;
    QVERIFY(rig.engine->refund(rc));
    rig.clock.advance(5000);
    const QJsonArray refunds = cached(*rig.core, u"T-k1"_s).value(u"refunds"_s).toArray();
    QCOMPARE(refunds.size(), 1);
    QStringList rk = refunds[0].toObject().keys();
    rk.sort();
    QCOMPARE(rk, (QStringList{u"amount"_s, u"reason"_s, u"refund_no"_s, u"status"_s}));
    QCOMPARE(refunds[0].toObject().value(u"amount"_s).toInteger(), 100);
}

void TestStatusCache::snapshotMatchesTheSqlJsonItReplaced()
{
    EngineRig rig;
    // Paid combined, refunded in part; an open QR pre-payment; a declined card (a failed
    // payment with its reason); a trade frozen for review.
    QVERIFY(rig.pay(u"T-o1"_s, 3000, {{u"coupon"_s, u"CP-5OFF"_s, 500}, {u"wallet"_s, u"M1001"_s, 1000}, {u"card"_s, {}, 1500}}));
    rig.clock.advance(3000);
    QVERIFY(rig.view(u"T-o1"_s).trade.status == TradeStatus::Paid);
    QVERIFY(rig.pay(u"T-o2"_s, 1200, {{u"qr_a"_s, {}, 1200}}));
    FaultProfile decline;
    decline.declineRate = 1.0;
    rig.card->setFaultProfile(decline);
    QVERIFY(rig.pay(u"T-o3"_s, 800, {{u"card"_s, {}, 800}}));
    rig.clock.advance(3000);
    rig.card->setFaultProfile(FaultProfile{});
    // The cashier tries T-o3 again with the wallet: a second payment on the same order, its
    // flow labelled with its own number.
    QVERIFY(rig.pay(u"T-o3"_s, 800, {{u"wallet"_s, u"M1001"_s, 800}}));
    rig.clock.advance(3000);
    QVERIFY(rig.view(u"T-o3"_s).trade.status == TradeStatus::Paid);
    RefundCommand rc;
    rc.outTradeNo = u"T-o1"_s;
    rc.refundNo = u"R-o1"_s;
    rc.amountMinor = 700;
    rc.requestedBy = u"cashier1"_s;
    QVERIFY(rig.engine->refund(rc));
    rig.clock.advance(3000);
    Database &db = *rig.db;
    // Text the JSON writer must escape the way SQLite does: quotes, backslashes, control
    // characters, Chinese; NULLs where the columns allow them.
    const QString tricky = u"\"quoted\" back\\slash\nline\ttab\r\b\f\x01\x1f \u4e2d\u6587 \U0001F600 /"_s;
    QSqlQuery u(db.db());
    u.prepare(u"UPDATE payment_flows SET fail_reason = ?, fail_code = NULL WHERE id = (SELECT max(id) FROM payment_flows)"_s);
    u.addBindValue(tricky);
    QVERIFY(u.exec());
    u.prepare(u"UPDATE trade_orders SET frozen = 1, freeze_reason = ? WHERE out_trade_no = 'T-o2'"_s);
    u.addBindValue(tricky);
    QVERIFY(u.exec());
    u.prepare(u"UPDATE payment_orders SET fail_reason = ? WHERE id = (SELECT max(id) FROM payment_orders)"_s);
    u.addBindValue(tricky);
    QVERIFY(u.exec());
    QVERIFY(u.exec(u"SELECT id FROM trade_orders ORDER BY id"_s));
    QList<qint64> ids;
    while (u.next())
        ids << u.value(0).toLongLong();
    QCOMPARE(ids.size(), 3);
    int withRefunds = 0;
    int escaped = 0;
    for (qint64 id : ids) {
        QString no;
        auto mine = CacheWriter::snapshot(db, id, &no);
        QVERIFY2(mine, qPrintable(mine ? QString() : mine.error().message));
        const QByteArray expected = snapshotBySql(db, id);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(*mine, expected);
        QCOMPARE(parse(*mine).value(u"out_trade_no"_s).toString(), no);
        withRefunds += !parse(*mine).value(u"refunds"_s).toArray().isEmpty();
        escaped += mine->contains(R"(\"quoted\" back\\slash\nline\ttab\r\b\f\u0001\u001f )");
    }
    QCOMPARE(withRefunds, 1);
    QCOMPARE(escaped, 2); // T-o2's freeze reason, T-o3's payment and flow
    const QJsonObject o3 = parse(*CacheWriter::snapshot(db, ids[2], nullptr));
    const QJsonArray o3Payments = o3.value(u"payments"_s).toArray();
    const QJsonArray o3Flows = o3.value(u"flows"_s).toArray();
    QCOMPARE(o3Payments.size(), 2);
    QCOMPARE(o3Flows.size(), 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(o3Flows[i].toObject().value(u"payment_no"_s), o3Payments[i].toObject().value(u"payment_no"_s));
    QVERIFY(o3Payments[0].toObject().value(u"payment_no"_s) != o3Payments[1].toObject().value(u"payment_no"_s));
    QVERIFY(CacheWriter::snapshot(db, 0, nullptr).error().code == ErrorCode::NotFound);
}

void TestStatusCache::warmLoadsOpenAndRecentTrades()
{
    EngineRig rig;
    QVERIFY(rig.pay(u"T-old"_s, 1000, {{u"card"_s, {}, 1000}}));
    rig.clock.advance(10'000);
    QCOMPARE(cached(*rig.core, u"T-old"_s).value(u"status"_s).toString(), u"PAID"_s);
    rig.clock.advance(25LL * 3600 * 1000); // T-old is now a day old and terminal
    QVERIFY(rig.pay(u"T-new"_s, 1000, {{u"card"_s, {}, 1000}}));
    rig.clock.advance(10'000);
    QVERIFY(rig.pay(u"T-open"_s, 1000, {{u"qr_b"_s, {}, 1000}}));
    rig.clock.advance(2000);
    const qint64 openVersion = rig.core->cache().version(u"T-open"_s);
    // Age the open trade's row: it must be loaded because it is open, not because it is recent.
    {
        QSqlQuery q(rig.db->db());
        QVERIFY(q.exec(u"UPDATE trade_orders SET updated_at = updated_at - 3 * 86400000 WHERE out_trade_no = 'T-open'"_s));
    }
    rig.restart();
    StatusCache &cache = rig.core->cache();
    QVERIFY(!cache.contains(u"T-old"_s));
    QCOMPARE(cached(*rig.core, u"T-new"_s).value(u"status"_s).toString(), u"PAID"_s);
    QCOMPARE(cached(*rig.core, u"T-open"_s).value(u"status"_s).toString(), u"PAYING"_s);
    QVERIFY(openVersion >= 1);
    QCOMPARE(cache.version(u"T-open"_s), 1); // a fresh process starts its versions again
}

void TestStatusCache::probeCountsDatabaseAccess()
{
    // The counter behind polls_touching_database is real: an access inside a scope counts.
    EngineRig rig;
    QVERIFY(rig.pay(u"T-p1"_s, 1000, {{u"card"_s, {}, 1000}}));
    {
        probe::Scope scope;
        (void)rig.core->cache().get(u"T-p1"_s);
        QCOMPARE(scope.counters().database, 0);
        (void)rig.engine->order(u"T-p1"_s);
        QVERIFY(scope.counters().database > 0);
        QCOMPARE(scope.counters().channel, 0);
        rig.clock.advance(10'000); // the card leg goes through the gateway
        QVERIFY(scope.counters().channel > 0);
    }
    QCOMPARE(probe::t_current, nullptr);
}

QTEST_GUILESS_MAIN(TestStatusCache)
#include "tst_statuscache.moc"
