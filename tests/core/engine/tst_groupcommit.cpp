// Group commit: guards become savepoints inside one transaction, work is durable only when the
// group commits, and nothing outside (channels, signals) sees work before it is durable.
#include "cache/statuscache.h"
#include "channel/channelbooks.h"
#include "channel/simulatedchannel.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"
#include "store/database.h"
#include "store/invariants.h"
#include "store/transaction.h"
#include "enginerig.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTest>

using namespace pay;
using pay::test::invariantFailures;

namespace {

bool insertTrade(Database &db, const QString &no)
{
    QSqlQuery &q = db.prepared(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount,"
                                              " currency, status, expires_at, created_at, updated_at)"
                                              " VALUES ('M1', ?, 'tea', 100, 'CNY', 'CREATED', 0, 0, 0)"));
    q.addBindValue(no);
    return q.exec();
}

QString tradeNos(Database &db)
{
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("SELECT COALESCE(group_concat(out_trade_no, ','), '') FROM"
                               " (SELECT out_trade_no FROM trade_orders ORDER BY id)"))
        || !q.next())
        return QStringLiteral("<error>");
    return q.value(0).toString();
}

AcceptRequest combined(const QString &no)
{
    AcceptRequest r;
    r.outTradeNo = no;
    r.subject = QStringLiteral("tea");
    r.amount = Money(3000, Currency::cny());
    r.legs = {{QStringLiteral("coupon"), QStringLiteral("GV-") + no, 500},
              {QStringLiteral("wallet"), QStringLiteral("GM"), 1000},
              {QStringLiteral("card"), {}, 1500}};
    r.idempotencyKey = no;
    return r;
}

// The whole core on a virtual clock, every channel answering at once.
std::unique_ptr<PaymentCore> openInstantCore(const QString &path, VirtualClock &clock, bool grouped, int carry = 0)
{
    PaymentCore::Options o;
    o.databasePath = path;
    o.clock = &clock;
    o.groupCommit = grouped;
    o.carryInstants = carry;
    auto core = PaymentCore::open(o);
    if (!core)
        return nullptr;
    FaultProfile instant;
    instant.latency = LatencyModel::fixed(0);
    for (const QString &c : (*core)->channelNames())
        (*core)->channel(c)->setFaultProfile(instant);
    return std::move(*core);
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT
private slots:
    void guardsBecomeSavepoints();
    void afterCommitWaitsForDurability();
    void rollbackDropsWorkAndActions();
    void groupedCoreCallsChannelsOnlyAfterCommit();
    void groupedPaymentsSettleLikeUngrouped();
    void quietInstantsRideWithTheNextCommit();
    void crashDropsCarriedWorkAndCompensationRecoversIt();
    void joinedStepsPoisonTheGroupOnlyWhenTheyWrote();
    void stepFailingMidWayDropsItsGroupAndCompensationRecovers();
    void refusedAcceptWritesNothingAndKeepsTheGroup();
};

void TestGroupCommit::guardsBecomeSavepoints()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    const quint64 commits0 = TransactionGuard::commitCount();
    QVERIFY((*db)->beginGroup());
    {
        TransactionGuard a(**db);
        QVERIFY(a.begun());
        QVERIFY(insertTrade(**db, QStringLiteral("A")));
        QVERIFY(a.commit());
    }
    {
        TransactionGuard b(**db);
        QVERIFY(insertTrade(**db, QStringLiteral("B")));
    } // rolled back: only B's work goes
    {
        TransactionGuard c(**db);
        QVERIFY(insertTrade(**db, QStringLiteral("C")));
        QVERIFY(c.commit());
    }
    QCOMPARE(TransactionGuard::commitCount(), commits0); // nothing durable yet
    QVERIFY((*db)->commitGroup());
    QCOMPARE(TransactionGuard::commitCount(), commits0 + 1); // one commit for the group
    QCOMPARE(tradeNos(**db), QStringLiteral("A,C"));
    QVERIFY(!(*db)->inGroup());
    QVERIFY((*db)->commitGroup()); // no group: nothing to do

    // A group without a guard (it only read) takes no write lock and commits nothing.
    QVERIFY((*db)->beginGroup());
    QCOMPARE(tradeNos(**db), QStringLiteral("A,C"));
    QVERIFY((*db)->commitGroup());
    QCOMPARE(TransactionGuard::commitCount(), commits0 + 1);
}

void TestGroupCommit::afterCommitWaitsForDurability()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    ro.create = false;
    auto reader = Database::open(tmp.path(), ro);
    QVERIFY(reader);

    // Outside a group an action runs at once.
    int ran = 0;
    (*db)->afterCommit([&ran] { ++ran; });
    QCOMPARE(ran, 1);

    QVERIFY((*db)->beginGroup());
    {
        TransactionGuard g(**db);
        QVERIFY(insertTrade(**db, QStringLiteral("D")));
        QVERIFY(g.commit());
    }
    QString seenByOthers = QStringLiteral("<not run>");
    (*db)->afterCommit([&] { seenByOthers = tradeNos(**reader); });
    QCOMPARE(seenByOthers, QStringLiteral("<not run>"));
    QCOMPARE(tradeNos(**reader), QString()); // another connection sees nothing yet
    QVERIFY((*db)->commitGroup());
    QCOMPARE(seenByOthers, QStringLiteral("D")); // the action ran after the work was durable
}

void TestGroupCommit::rollbackDropsWorkAndActions()
{
    test::TempDb tmp;
    {
        auto db = Database::open(tmp.path());
        QVERIFY(db);
        QVERIFY((*db)->beginGroup());
        {
            TransactionGuard g(**db);
            QVERIFY(insertTrade(**db, QStringLiteral("E")));
            QVERIFY(g.commit());
        }
        bool ran = false;
        (*db)->afterCommit([&ran] { ran = true; });
        (*db)->rollbackGroup();
        QVERIFY(!ran);
        QCOMPARE(tradeNos(**db), QString());

        // A group still open when its connection goes (a crash) loses its work the same way.
        QVERIFY((*db)->beginGroup());
        TransactionGuard g(**db);
        QVERIFY(insertTrade(**db, QStringLiteral("F")));
        QVERIFY(g.commit());
        (*db)->afterCommit([&ran] { ran = true; });
    }
    auto again = Database::open(tmp.path());
    QVERIFY(again);
    QCOMPARE(tradeNos(**again), QString());
}

void TestGroupCommit::groupedCoreCallsChannelsOnlyAfterCommit()
{
    test::TempDb tmp;
    VirtualClock clock;
    auto core = openInstantCore(tmp.path(), clock, true);
    QVERIFY(core);
    QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
    QVERIFY(core->books().upsertVoucher({QStringLiteral("GV-G1"), 500, QStringLiteral("CNY"), 0, clock.nowMs() + 86'400'000, {}}));
    PaymentEngine &engine = core->engine();
    QSignalSpy changed(&engine, &PaymentEngine::tradeChanged);

    // Accepted inside a group: no signal and no channel call until the group commits.
    QVERIFY(core->beginGroup());
    auto t = engine.accept(combined(QStringLiteral("G1")));
    QVERIFY(t);
    clock.step(); // runs advance() inside the same (nested) group: the coupon leg's intent
    QCOMPARE(changed.count(), 0);
    QCOMPARE(engine.pendingChannelCalls(), 1); // asked for, not sent
    QVERIFY(!core->books().order(QStringLiteral("coupon"), t->flowNos.value(0))->has_value());
    core->rollbackGroup(); // the work is lost as in a crash: nothing reached the channel
    clock.advance(1000);
    QVERIFY(core->books().voucher(QStringLiteral("GV-G1"))->value().usedByFlowNo.isEmpty());
    QVERIFY(!engine.order(QStringLiteral("G1")));

    // The same payment again, committed: it settles, and each trade is announced once per group.
    QVERIFY(core->beginGroup());
    t = engine.accept(combined(QStringLiteral("G1")));
    QVERIFY(t);
    QVERIFY(core->commitGroup());
    QCOMPARE(changed.count(), 1);
    clock.advanceTo(clock.nowMs());
    auto v = engine.order(QStringLiteral("G1"));
    QVERIFY(v);
    QCOMPARE_NAME(v->trade.status, TradeStatus::Paid);
    QCOMPARE(v->trade.paidMinor, 3000);
    QCOMPARE(invariantFailures(core->database()), QString());
}

void TestGroupCommit::groupedPaymentsSettleLikeUngrouped()
{
    // Twenty combined payments in flight at once, grouped and not: the same outcome, the same
    // rows, far fewer commits.
    QHash<bool, quint64> commits;
    QHash<bool, QString> outcome;
    for (const bool grouped : {false, true}) {
        test::TempDb tmp;
        VirtualClock clock;
        auto core = openInstantCore(tmp.path(), clock, grouped);
        QVERIFY(core);
        QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
        for (int i = 0; i < 20; ++i)
            QVERIFY(core->books().upsertVoucher({QStringLiteral("GV-N%1").arg(i), 500, QStringLiteral("CNY"), 0,
                                                    clock.nowMs() + 86'400'000, {}}));
        const quint64 before = TransactionGuard::commitCount();
        if (grouped)
            QVERIFY(core->beginGroup());
        for (int i = 0; i < 20; ++i)
            QVERIFY(core->engine().accept(combined(QStringLiteral("N%1").arg(i))));
        if (grouped)
            QVERIFY(core->commitGroup());
        clock.advanceTo(clock.nowMs());
        commits[grouped] = TransactionGuard::commitCount() - before;
        QSqlQuery q(core->database().db());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT group_concat(status) FROM (SELECT status FROM trade_orders ORDER BY id)),"
                                      " (SELECT count(*) FROM events), (SELECT count(*) FROM ledger_postings),"
                                      " (SELECT sum(amount) FROM ledger_postings WHERE account LIKE 'channel:%')"))
                && q.next());
        outcome[grouped] = QStringLiteral("%1 | %2 events | %3 postings | %4").arg(q.value(0).toString()).arg(q.value(1).toLongLong())
                               .arg(q.value(2).toLongLong()).arg(q.value(3).toLongLong());
        QCOMPARE(invariantFailures(core->database()), QString());
        // The status cache shows the settled state of every order, grouped or not.
        for (int i = 0; i < 20; ++i) {
            const auto entry = core->cache().get(QStringLiteral("N%1").arg(i));
            QVERIFY(entry);
            const QJsonObject o = QJsonDocument::fromJson(entry->body).object();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("PAID"));
            QCOMPARE(o.value(QStringLiteral("paid")).toInteger(), 3000);
        }
    }
    QCOMPARE(outcome[true], outcome[false]);
    QVERIFY(outcome[true].startsWith(QStringLiteral("PAID,PAID")));
    QVERIFY(outcome[true].endsWith(QStringLiteral("| 60000"))); // 20 x ¥30.00 reached the channels
    QVERIFY2(commits[true] * 10 < commits[false],
             qPrintable(QStringLiteral("grouped %1 vs %2 commits").arg(commits[true]).arg(commits[false])));
}

namespace {

QString committedTradeStatus(const QString &path, const QString &no)
{
    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    auto other = Database::open(path, ro); // a second connection sees only committed work
    if (!other)
        return QStringLiteral("<open failed>");
    QSqlQuery q((*other)->db());
    q.prepare(QStringLiteral("SELECT status FROM trade_orders WHERE out_trade_no = ?"));
    q.addBindValue(no);
    if (!q.exec())
        return QStringLiteral("<query failed>");
    return q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

QString cachedStatus(PaymentCore &core, const QString &no)
{
    const auto entry = core.cache().get(no);
    return entry ? QJsonDocument::fromJson(entry->body).object().value(QStringLiteral("status")).toString() : QStringLiteral("<none>");
}

} // namespace

void TestGroupCommit::quietInstantsRideWithTheNextCommit()
{
    test::TempDb tmp;
    VirtualClock clock;
    auto core = openInstantCore(tmp.path(), clock, true, 8);
    QVERIFY(core);
    QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
    QVERIFY(core->books().upsertVoucher({QStringLiteral("GV-Q1"), 500, QStringLiteral("CNY"), 0, clock.nowMs() + 86'400'000, {}}));
    QSignalSpy changed(&core->engine(), &PaymentEngine::tradeChanged);
    QSignalSpy touched(&core->engine(), &PaymentEngine::tradeTouched);
    QVERIFY(core->beginGroup());
    QVERIFY(core->engine().accept(combined(QStringLiteral("Q1"))));
    QVERIFY(core->commitGroup()); // an accept is a promise to the cashier: it always commits
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("Q1")), QStringLiteral("PAYING"));
    const quint64 before = TransactionGuard::commitCount();
    const int announced = int(changed.count());

    // Each leg's send intent commits before its channel call leaves. The card's success is the
    // last step: nobody outside waits for it, so that instant's work is carried, not committed.
    clock.advanceTo(clock.nowMs());
    QVERIFY(core->database().carrying());
    QCOMPARE(TransactionGuard::commitCount() - before, quint64(3)); // coupon, wallet, card intents
    QCOMPARE_NAME(core->engine().order(QStringLiteral("Q1"))->trade.status, TradeStatus::Paid); // this connection
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("Q1")), QStringLiteral("PAYING"));
    QCOMPARE(cachedStatus(*core, QStringLiteral("Q1")), QStringLiteral("PAYING")); // the cache shows committed state only
    QVERIFY(touched.count() > 0); // the auditor's hook saw the step at once
    const int announcedBeforeCommit = int(changed.count());

    // The next commit takes the carried work with it, then tells the cache and the GUI.
    QVERIFY(core->beginGroup());
    QVERIFY(core->commitGroup());
    QVERIFY(!core->database().carrying());
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("Q1")), QStringLiteral("PAID"));
    QCOMPARE(cachedStatus(*core, QStringLiteral("Q1")), QStringLiteral("PAID"));
    QVERIFY(changed.count() > announcedBeforeCommit);
    QVERIFY(announcedBeforeCommit >= announced);
    QCOMPARE(invariantFailures(core->database()), QString());
}

void TestGroupCommit::crashDropsCarriedWorkAndCompensationRecoversIt()
{
    test::TempDb tmp;
    VirtualClock clock;
    auto core = openInstantCore(tmp.path(), clock, true, 8);
    QVERIFY(core);
    QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
    QVERIFY(core->books().upsertVoucher({QStringLiteral("GV-C1"), 500, QStringLiteral("CNY"), 0, clock.nowMs() + 86'400'000, {}}));
    QVERIFY(core->beginGroup());
    auto ticket = core->engine().accept(combined(QStringLiteral("C1")));
    QVERIFY(ticket);
    QVERIFY(core->commitGroup());
    clock.advanceTo(clock.nowMs());
    QVERIFY(core->database().carrying());
    // The card charged the customer (its books are the other party's and committed), then the
    // process died before our record of the success was durable.
    const auto cardOrder = core->books().order(QStringLiteral("card"), ticket->flowNos.value(2));
    QVERIFY(cardOrder && cardOrder->has_value());
    core.reset();
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("C1")), QStringLiteral("PAYING"));

    // Restarted: the card flow is still in flight with its compensation task; the query finds
    // it paid, and the order settles with every invariant holding. Nothing accepted was lost.
    core = openInstantCore(tmp.path(), clock, true, 8);
    QVERIFY(core);
    clock.advance(60'000);
    QVERIFY(core->beginGroup());
    QVERIFY(core->commitGroup());
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("C1")), QStringLiteral("PAID"));
    auto v = core->engine().order(QStringLiteral("C1"));
    QVERIFY(v);
    QCOMPARE(v->trade.paidMinor, 3000);
    QCOMPARE(invariantFailures(core->database()), QString());
}

// InGroup::Join: no savepoint inside a group. A step that bails out before writing leaves the
// group as it was; one that bails out after writing takes the whole group with it.
void TestGroupCommit::joinedStepsPoisonTheGroupOnlyWhenTheyWrote()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    using InGroup = TransactionGuard::InGroup;
    QVERIFY((*db)->beginGroup());
    {
        TransactionGuard a(**db, InGroup::Join);
        QVERIFY(a.begun());
        QVERIFY(insertTrade(**db, QStringLiteral("A")));
        QVERIFY(a.commit());
    }
    {
        TransactionGuard lost(**db, InGroup::Join);
        QVERIFY(lost.begun());
        QSqlQuery q((*db)->db()); // a conditional update that matches nothing
        QVERIFY(q.exec(QStringLiteral("UPDATE trade_orders SET status = 'PAID' WHERE out_trade_no = 'A' AND version = 99")));
    } // rolled back with nothing written: harmless
    QVERIFY(!(*db)->groupPoisoned());
    {
        TransactionGuard b(**db);
        QVERIFY(insertTrade(**db, QStringLiteral("B")));
        QVERIFY(b.commit());
    }
    QCOMPARE(tradeNos(**db), QStringLiteral("A,B"));
    {
        TransactionGuard half(**db, InGroup::Join);
        QVERIFY(insertTrade(**db, QStringLiteral("C")));
    } // rolled back after writing: no savepoint to return to
    QVERIFY((*db)->groupPoisoned());
    {
        TransactionGuard next(**db);
        QVERIFY(!next.begun()); // nothing more is written into a poisoned group
    }
    const auto committed = (*db)->commitGroup();
    QVERIFY(!committed);
    QVERIFY(committed.error().message.contains(QStringLiteral("rolled back")));
    QVERIFY(!(*db)->inGroup());
    QCOMPARE(tradeNos(**db), QString()); // A and B went with it, as in a crash

    // The next group is healthy.
    QVERIFY((*db)->beginGroup());
    {
        TransactionGuard d(**db, InGroup::Join);
        QVERIFY(insertTrade(**db, QStringLiteral("D")));
        QVERIFY(d.commit());
    }
    QVERIFY((*db)->commitGroup());
    QCOMPARE(tradeNos(**db), QStringLiteral("D"));

    // Outside a group a joined guard is an ordinary transaction.
    {
        TransactionGuard e(**db, InGroup::Join);
        QVERIFY(insertTrade(**db, QStringLiteral("E")));
    }
    {
        TransactionGuard f(**db, InGroup::Join);
        QVERIFY(insertTrade(**db, QStringLiteral("F")));
        QVERIFY(f.commit());
    }
    QVERIFY(!(*db)->groupPoisoned());
    QCOMPARE(tradeNos(**db), QStringLiteral("D,F"));
}

// The engine's settle step fails after its first write (the ledger refuses the posting): its
// commit group is rolled back whole, nothing half-done is ever committed, and once the fault is
// gone compensation settles the payment. The card is charged once.
void TestGroupCommit::stepFailingMidWayDropsItsGroupAndCompensationRecovers()
{
    test::TempDb tmp;
    VirtualClock clock;
    auto core = openInstantCore(tmp.path(), clock, true);
    QVERIFY(core);
    QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
    QVERIFY(core->books().upsertVoucher({QStringLiteral("GV-F1"), 500, QStringLiteral("CNY"), 0, clock.nowMs() + 86'400'000, {}}));
    QSqlQuery q(core->database().db());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse_card_posting BEFORE INSERT ON ledger_postings"
                                  " WHEN NEW.posting_set LIKE 'PAY-%-3' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("group commit failed: .*rolled back")));
    QVERIFY(core->beginGroup());
    auto ticket = core->engine().accept(combined(QStringLiteral("F1")));
    QVERIFY(ticket);
    QVERIFY(core->commitGroup());
    clock.advanceTo(clock.nowMs());
    // Committed: the card flow is still in flight and holds no posting; nothing half-settled.
    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    {
        auto other = Database::open(tmp.path(), ro);
        QVERIFY(other);
        QSqlQuery c((*other)->db());
        QVERIFY(c.exec(QStringLiteral("SELECT status, (SELECT count(*) FROM ledger_postings WHERE flow_id = f.id)"
                                      " FROM payment_flows f WHERE seq = 3")) && c.next());
        QCOMPARE(c.value(0).toString(), QStringLiteral("PAYING"));
        QCOMPARE(c.value(1).toInt(), 0);
    }
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("F1")), QStringLiteral("PAYING"));
    const auto cardOrder = core->books().order(QStringLiteral("card"), ticket->flowNos.value(2));
    QVERIFY(cardOrder && cardOrder->has_value()); // the card did charge

    // The fault goes away; the flow's scheduled query finds it paid.
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse_card_posting")));
    clock.advance(60'000);
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("F1")), QStringLiteral("PAID"));
    auto v = core->engine().order(QStringLiteral("F1"));
    QVERIFY(v);
    QCOMPARE(v->trade.paidMinor, 3000);
    QCOMPARE(core->books().orders(QStringLiteral("card"))->size(), 1);
    QCOMPARE(invariantFailures(core->database()), QString());
}

// accept() joins a group without a savepoint: every refusal (an order that cannot be paid, a
// key used for another request) and every replay must come before its first write.
void TestGroupCommit::refusedAcceptWritesNothingAndKeepsTheGroup()
{
    test::TempDb tmp;
    VirtualClock clock;
    auto core = openInstantCore(tmp.path(), clock, true);
    QVERIFY(core);
    QVERIFY(core->books().upsertMember({QStringLiteral("GM"), QStringLiteral("Group"), 100'000, QStringLiteral("CNY")}));
    for (const QString &code : {QStringLiteral("GV-R1"), QStringLiteral("GV-R2")})
        QVERIFY(core->books().upsertVoucher({code, 500, QStringLiteral("CNY"), 0, clock.nowMs() + 86'400'000, {}}));
    QVERIFY(core->beginGroup());
    QVERIFY(core->engine().accept(combined(QStringLiteral("R1"))));
    QVERIFY(core->commitGroup());
    clock.advanceTo(clock.nowMs());
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("R1")), QStringLiteral("PAID"));

    auto keys = [&] {
        QSqlQuery q(core->database().db());
        return q.exec(QStringLiteral("SELECT count(*) FROM idempotency_keys")) && q.next() ? q.value(0).toInt() : -1;
    };
    const int keysBefore = keys();
    QVERIFY(core->beginGroup());
    AcceptRequest again = combined(QStringLiteral("R1"));
    again.idempotencyKey = QStringLiteral("R1-second-try");
    auto refused = core->engine().accept(again); // the order is paid
    QVERIFY(!refused);
    QVERIFY(refused.error().code == ErrorCode::InvalidTransition);
    AcceptRequest reused = combined(QStringLiteral("R2"));
    reused.idempotencyKey = QStringLiteral("R1"); // R1's key, another request
    auto conflict = core->engine().accept(reused);
    QVERIFY(!conflict);
    QVERIFY(conflict.error().code == ErrorCode::IdempotencyConflict);
    auto replay = core->engine().accept(combined(QStringLiteral("R1"))); // the same request again
    QVERIFY(replay);
    QVERIFY(replay->replayed);
    QVERIFY(!core->database().groupPoisoned());
    QCOMPARE(keys(), keysBefore); // nothing was claimed
    QVERIFY(core->engine().accept(combined(QStringLiteral("R2"))));
    QVERIFY(core->commitGroup());
    clock.advanceTo(clock.nowMs());
    QCOMPARE(committedTradeStatus(tmp.path(), QStringLiteral("R2")), QStringLiteral("PAID"));
    QCOMPARE(keys(), keysBefore + 1);
    QCOMPARE(invariantFailures(core->database()), QString());
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
