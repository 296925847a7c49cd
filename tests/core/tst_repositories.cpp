#include "store/repositories.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QTest>

using namespace pay;

namespace {

TradeOrder makeTrade(const QString &no, qint64 amount = 1000)
{
    TradeOrder t;
    t.merchantId = QStringLiteral("M001");
    t.outTradeNo = no;
    t.subject = QStringLiteral("Jasmine tea");
    t.amount = Money(amount, Currency::cny());
    t.expiresAtMs = 1'000'000;
    t.createdAtMs = t.updatedAtMs = 1000;
    return t;
}

struct Fixture
{
    test::TempDb tmp;
    std::unique_ptr<Database> db;
    Fixture()
    {
        auto r = Database::open(tmp.path());
        if (r)
            db = std::move(*r);
    }
};

PaymentFlow makeFlow(const TradeOrder &t, qint64 paymentId, const QString &no, qint64 amount)
{
    PaymentFlow f;
    f.flowNo = no;
    f.paymentId = paymentId;
    f.tradeId = t.id;
    f.seq = 1;
    f.method = QStringLiteral("qr");
    f.channel = QStringLiteral("qr_a");
    f.amount = Money(amount, Currency::cny());
    return f;
}

} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT
private slots:
    void tradeRoundTripAndUniqueness();
    void conditionalUpdateReportsLostRace();
    void flowUniqueIndexes();
    void refundedNeverExceedsAmount();
    void refundNoUnique();
    void ledgerRefusesUnbalancedSet();
    void ledgerCheckFindsImbalance();
    void idempotencySemantics();
    void eventsForTradeInOrder();
};

void TestRepositories::tradeRoundTripAndUniqueness()
{
    Fixture f;
    QVERIFY(f.db);
    TradeRepository trades(*f.db);
    TradeOrder t = makeTrade(QStringLiteral("T-1"), 1999);
    QVERIFY(trades.insert(t));
    auto back = trades.findByOutTradeNo(QStringLiteral("M001"), QStringLiteral("T-1"));
    QVERIFY(back);
    QCOMPARE(back->amount.minor(), 1999);
    QCOMPARE(back->amount.currency().code(), QStringLiteral("CNY"));
    QCOMPARE_NAME(back->status, TradeStatus::Created);

    TradeOrder dup = makeTrade(QStringLiteral("T-1"));
    auto r = trades.insert(dup);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::AlreadyExists);
    // Same number for another merchant is a different order.
    TradeOrder other = makeTrade(QStringLiteral("T-1"));
    other.merchantId = QStringLiteral("M002");
    QVERIFY(trades.insert(other));
    QCOMPARE(*trades.count(), 2);
    QCOMPARE(trades.find(424242).error().code, ErrorCode::NotFound);
}

void TestRepositories::conditionalUpdateReportsLostRace()
{
    Fixture f;
    TradeRepository trades(*f.db);
    TradeOrder t = makeTrade(QStringLiteral("T-race"));
    QVERIFY(trades.insert(t));
    TradeOrder closer = *trades.find(t.id);
    TradeOrder payer = *trades.find(t.id);

    // The timeout check closes first...
    auto closed = trades.transition(closer, TradeStatus::Closed, 2000);
    QVERIFY(closed);
    QCOMPARE(*closed, UpdateOutcome::Applied);
    QCOMPARE(closer.version, 1);
    // ...so the payment, holding the stale version, loses the race (not an error).
    auto paying = trades.transition(payer, TradeStatus::Paying, 2001);
    QVERIFY(paying);
    QCOMPARE(*paying, UpdateOutcome::LostRace);
    QCOMPARE_NAME(payer.status, TradeStatus::Created);
    QCOMPARE_NAME(trades.find(t.id)->status, TradeStatus::Closed);
}

void TestRepositories::flowUniqueIndexes()
{
    Fixture f;
    TradeRepository trades(*f.db);
    PaymentRepository payments(*f.db);
    FlowRepository flows(*f.db);
    TradeOrder t = makeTrade(QStringLiteral("T-flow"));
    QVERIFY(trades.insert(t));
    PaymentOrder p;
    p.paymentNo = QStringLiteral("P-1");
    p.tradeId = t.id;
    p.amount = t.amount;
    QVERIFY(payments.insert(p));
    PaymentOrder p2 = p;
    QCOMPARE(payments.insert(p2).error().code, ErrorCode::AlreadyExists);

    PaymentFlow a = makeFlow(t, p.id, QStringLiteral("F-1"), 1000);
    QVERIFY(flows.insert(a));
    PaymentFlow sameNo = makeFlow(t, p.id, QStringLiteral("F-1"), 1000);
    QCOMPARE(flows.insert(sameNo).error().code, ErrorCode::AlreadyExists);

    a.channelTxnNo = QStringLiteral("QA-777");
    QCOMPARE(*flows.transition(a, FlowStatus::Succeeded, 5), UpdateOutcome::Applied);
    PaymentFlow b = makeFlow(t, p.id, QStringLiteral("F-2"), 1000);
    b.channelTxnNo = QStringLiteral("QA-777"); // the same channel transaction twice
    QCOMPARE(flows.insert(b).error().code, ErrorCode::AlreadyExists);
    b.channel = QStringLiteral("qr_b"); // another channel may reuse the text
    QVERIFY(flows.insert(b));
    QCOMPARE(flows.findByChannelTxn(QStringLiteral("qr_a"), QStringLiteral("QA-777"))->flowNo, QStringLiteral("F-1"));
    // Terminal flow: a stale writer loses.
    PaymentFlow stale = *flows.findByNo(QStringLiteral("F-2"));
    PaymentFlow fresh = stale;
    QCOMPARE(*flows.transition(fresh, FlowStatus::Failed, 6), UpdateOutcome::Applied);
    QCOMPARE(*flows.transition(stale, FlowStatus::Succeeded, 7), UpdateOutcome::LostRace);
}

void TestRepositories::refundedNeverExceedsAmount()
{
    Fixture f;
    TradeRepository trades(*f.db);
    PaymentRepository payments(*f.db);
    FlowRepository flows(*f.db);
    TradeOrder t = makeTrade(QStringLiteral("T-ref"));
    QVERIFY(trades.insert(t));
    PaymentOrder p;
    p.paymentNo = QStringLiteral("P-ref");
    p.tradeId = t.id;
    p.amount = t.amount;
    QVERIFY(payments.insert(p));
    PaymentFlow a = makeFlow(t, p.id, QStringLiteral("F-ref"), 1000);
    QVERIFY(flows.insert(a));
    QCOMPARE(*flows.addRefunded(a, 600, 1), UpdateOutcome::Applied);
    QCOMPARE(a.refundedMinor, 600);
    QCOMPARE(*flows.addRefunded(a, 401, 2), UpdateOutcome::LostRace);
    QCOMPARE(*flows.addRefunded(a, 400, 3), UpdateOutcome::Applied);
    QCOMPARE(flows.find(a.id)->refundedMinor, 1000);
}

void TestRepositories::refundNoUnique()
{
    Fixture f;
    TradeRepository trades(*f.db);
    RefundRepository refunds(*f.db);
    TradeOrder t = makeTrade(QStringLiteral("T-rn"));
    QVERIFY(trades.insert(t));
    RefundOrder r;
    r.refundNo = QStringLiteral("R-1");
    r.tradeId = t.id;
    r.amount = Money(100, Currency::cny());
    r.reason = RefundReason::DuplicatePayment;
    QVERIFY(refunds.insert(r));
    RefundOrder again = r;
    QCOMPARE(refunds.insert(again).error().code, ErrorCode::AlreadyExists);
    auto back = refunds.findByNo(QStringLiteral("R-1"));
    QVERIFY(back);
    QCOMPARE_NAME(back->reason, RefundReason::DuplicatePayment);
    RefundOrder stale = *back;
    QCOMPARE(*refunds.transition(*back, RefundStatus::Processing, 2), UpdateOutcome::Applied);
    QCOMPARE(*refunds.transition(stale, RefundStatus::Failed, 3), UpdateOutcome::LostRace);
}

void TestRepositories::ledgerRefusesUnbalancedSet()
{
    Fixture f;
    LedgerRepository ledger(*f.db);
    const Currency cny = Currency::cny();
    QList<LedgerPosting> bad = {{0, {}, QStringLiteral("channel:qr_a"), Money(1000, cny)},
                                {0, {}, QStringLiteral("merchant:receivable"), Money(-999, cny)}};
    auto r = ledger.post(QStringLiteral("S1"), bad);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::AmountMismatch);
    QVERIFY(r.error().message.contains(QStringLiteral("S1")));
    QCOMPARE(ledger.unbalanced()->size(), 0); // nothing was written

    QList<LedgerPosting> good = {{0, {}, QStringLiteral("channel:qr_a"), Money(1000, cny)},
                                 {0, {}, QStringLiteral("merchant:receivable"), Money(-1000, cny)}};
    QVERIFY(ledger.post(QStringLiteral("S2"), good));
    QVERIFY(!ledger.post(QStringLiteral("S3"), {good.first()}));
}

void TestRepositories::ledgerCheckFindsImbalance()
{
    Fixture f;
    LedgerRepository ledger(*f.db);
    // A row written behind the repository's back (a bug or a hand edit) is found by the check.
    QVERIFY(f.db->exec(QStringLiteral("INSERT INTO ledger_postings (posting_set, account, amount, currency, created_at)"
                                      " VALUES ('HAND', 'cash', 5, 'CNY', 0)")));
    auto u = ledger.unbalanced();
    QVERIFY(u);
    QCOMPARE(u->size(), 1);
    QCOMPARE(u->first().postingSet, QStringLiteral("HAND"));
    QCOMPARE(u->first().sum, 5);
}

void TestRepositories::idempotencySemantics()
{
    Fixture f;
    IdempotencyStore keys(*f.db, 60'000);
    const QByteArray h1 = IdempotencyStore::hashRequest("pay T-1 1000 CNY");
    const QByteArray h2 = IdempotencyStore::hashRequest("pay T-1 2000 CNY");
    const QString scope = QStringLiteral("accept");

    auto first = keys.claim(scope, QStringLiteral("k1"), h1, 1000);
    QVERIFY(first);
    QVERIFY(!first->replay);
    QVERIFY(keys.storeResponse(scope, QStringLiteral("k1"), R"({"ticket":"P-1"})"));

    auto same = keys.claim(scope, QStringLiteral("k1"), h1, 2000);
    QVERIFY(same);
    QVERIFY(same->replay);
    QCOMPARE(same->storedResponse, QByteArray(R"({"ticket":"P-1"})"));

    auto different = keys.claim(scope, QStringLiteral("k1"), h2, 3000);
    QVERIFY(!different);
    QCOMPARE(different.error().code, ErrorCode::IdempotencyConflict);
    QVERIFY(different.error().message.contains(QStringLiteral("k1")));

    // After expiry the key may carry a new request.
    auto later = keys.claim(scope, QStringLiteral("k1"), h2, 1000 + 60'000);
    QVERIFY(later);
    QVERIFY(!later->replay);
    // Keys are scoped.
    QVERIFY(!keys.claim(QStringLiteral("refund"), QStringLiteral("k1"), h1, 1000 + 60'000)->replay);
    QCOMPARE(*keys.purgeExpired(1000 + 200'000), 2);
    QCOMPARE(keys.claim(scope, QString(), h1, 0).error().code, ErrorCode::InvalidArgument);
}

void TestRepositories::eventsForTradeInOrder()
{
    Fixture f;
    EventRepository events(*f.db);
    for (int i = 0; i < 3; ++i) {
        Event e;
        e.atMs = 100 - i; // inserted out of time order
        e.tradeId = 7;
        e.entity = QStringLiteral("TRADE");
        e.event = QStringLiteral("E%1").arg(i);
        e.source = EventSource::Callback;
        e.payload = QJsonObject{{QStringLiteral("i"), i}};
        QVERIFY(events.append(e));
    }
    auto list = events.forTrade(7);
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->first().event, QStringLiteral("E2"));
    QCOMPARE_NAME(list->first().source, EventSource::Callback);
    QCOMPARE(list->first().payload.value(QStringLiteral("i")).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
