#include "store/repositories.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace pay;

namespace {

// A trade with one payment of two flows (coupon then card), written the way accept() writes
// them: the payment row, then its flows, in one transaction.
struct Rig
{
    test::TempDb tmp;
    std::unique_ptr<Database> db;
    TradeOrder trade;
    PaymentOrder payment;
    QList<PaymentFlow> flows;

    Rig()
    {
        auto r = Database::open(tmp.path());
        if (!r)
            return;
        db = std::move(*r);
        TransactionGuard tx(*db);
        trade.merchantId = QStringLiteral("M001");
        trade.outTradeNo = QStringLiteral("T-memo");
        trade.subject = QStringLiteral("Oolong");
        trade.amount = Money(3000, Currency::cny());
        trade.expiresAtMs = 1'000'000;
        trade.createdAtMs = trade.updatedAtMs = 1000;
        (void)TradeRepository(*db).insert(trade);
        payment.paymentNo = QStringLiteral("P-memo");
        payment.tradeId = trade.id;
        payment.amount = trade.amount;
        payment.createdAtMs = payment.updatedAtMs = 1000;
        (void)PaymentRepository(*db).insert(payment);
        FlowRepository repo(*db);
        repo.rememberNewPayment(payment.id);
        int seq = 0;
        for (const auto &[channel, account, amount] :
             {std::tuple{QStringLiteral("coupon"), QStringLiteral("CP-1"), 1000}, std::tuple{QStringLiteral("card"), QString(), 2000}}) {
            PaymentFlow f;
            f.flowNo = QStringLiteral("P-memo-%1").arg(++seq);
            f.paymentId = payment.id;
            f.tradeId = trade.id;
            f.seq = seq;
            f.method = f.channel = channel;
            f.account = account;
            f.amount = Money(amount, Currency::cny());
            f.createdAtMs = f.updatedAtMs = 1000;
            (void)repo.insert(f);
            flows << f;
        }
        (void)tx.commit();
    }

    // The payment's flows as the file holds them, bypassing the memo.
    QList<PaymentFlow> fromFile()
    {
        db->flowMemo().clear();
        auto r = FlowRepository(*db).forPayment(payment.id);
        return r ? *r : QList<PaymentFlow>{};
    }
};

bool sameFlows(const QList<PaymentFlow> &a, const QList<PaymentFlow> &b, QString *why)
{
    if (a.size() != b.size()) {
        *why = QStringLiteral("%1 vs %2 flows").arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!sameFlow(a[i], b[i], why))
            return false;
    }
    return true;
}

} // namespace

class TestFlowMemo : public QObject
{
    Q_OBJECT
private slots:
    void remembersWhatItWrote();
    void ownTransitionKeepsTheEntryExact();
    void anyOtherUpdateDropsTheEntry();
    void savepointRollbackForgetsEverything();
    void groupRollbackForgetsEverything();
    void otherConnectionsCommitIsSeen();
    void unannouncedInsertForgetsEverything();
    void paymentMemoFollowsItsRow();
};

void TestFlowMemo::remembersWhatItWrote()
{
    Rig rig;
    QVERIFY(rig.db);
    FlowMemo &memo = rig.db->flowMemo();
    const quint64 before = memo.hits();
    auto remembered = FlowRepository(*rig.db).forPayment(rig.payment.id);
    QVERIFY(remembered);
    QCOMPARE(memo.hits(), before + 1); // no read: accept's own writes answered
    auto siblings = FlowRepository(*rig.db).siblingsOf(rig.flows[1].id);
    QVERIFY(siblings);
    QCOMPARE(memo.hits(), before + 2);
    QString why;
    QVERIFY2(sameFlows(*remembered, rig.fromFile(), &why), qPrintable(why));
    QVERIFY2(sameFlows(*siblings, rig.fromFile(), &why), qPrintable(why));
    QCOMPARE(remembered->at(0).channel, QStringLiteral("coupon"));
    QVERIFY(remembered->at(1).account.isNull()); // stored as NULL, read back as a null string
}

void TestFlowMemo::ownTransitionKeepsTheEntryExact()
{
    Rig rig;
    QVERIFY(rig.db);
    FlowRepository repo(*rig.db);
    {
        TransactionGuard tx(*rig.db);
        PaymentFlow card = rig.flows[1];
        QVERIFY(*repo.transition(card, FlowStatus::Paying, 2000) == UpdateOutcome::Applied);
        card.channelTxnNo = QStringLiteral("TXN-9");
        QVERIFY(*repo.transition(card, FlowStatus::Succeeded, 3000) == UpdateOutcome::Applied);
        PaymentFlow coupon = rig.flows[0];
        coupon.failCode = QStringLiteral("EXPIRED");
        coupon.failReason = QString();
        QVERIFY(*repo.transition(coupon, FlowStatus::Failed, 3500) == UpdateOutcome::Applied);
        QVERIFY(tx.commit());
    }
    const quint64 before = rig.db->flowMemo().hits();
    auto remembered = repo.forPayment(rig.payment.id);
    QVERIFY(remembered);
    QCOMPARE(rig.db->flowMemo().hits(), before + 1);
    QCOMPARE_NAME(remembered->at(1).status, FlowStatus::Succeeded);
    QCOMPARE(remembered->at(1).channelTxnNo, QStringLiteral("TXN-9"));
    QCOMPARE(remembered->at(1).version, 2);
    QCOMPARE(remembered->at(1).updatedAtMs, 3000);
    QCOMPARE(remembered->at(0).failCode, QStringLiteral("EXPIRED"));
    QString why;
    QVERIFY2(sameFlows(*remembered, rig.fromFile(), &why), qPrintable(why));
}

void TestFlowMemo::anyOtherUpdateDropsTheEntry()
{
    Rig rig;
    QVERIFY(rig.db);
    QSqlQuery q(rig.db->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE payment_flows SET qr_content = 'qr://changed', version = version + 1 WHERE id = %1")
                       .arg(rig.flows[1].id)));
    const quint64 before = rig.db->flowMemo().hits();
    auto flows = FlowRepository(*rig.db).forPayment(rig.payment.id);
    QVERIFY(flows);
    QCOMPARE(rig.db->flowMemo().hits(), before); // read from the file
    QCOMPARE(flows->at(1).qrContent, QStringLiteral("qr://changed"));
    QCOMPARE(flows->at(1).version, 1);
    // A refund written through the repository (not a transition) is a change like any other.
    PaymentFlow card = flows->at(1);
    QVERIFY(FlowRepository(*rig.db).addRefunded(card, 500, 4000));
    flows = FlowRepository(*rig.db).forPayment(rig.payment.id);
    QCOMPARE(rig.db->flowMemo().hits(), before);
    QCOMPARE(flows->at(1).refundedMinor, 500);
}

void TestFlowMemo::savepointRollbackForgetsEverything()
{
    Rig rig;
    QVERIFY(rig.db);
    FlowRepository repo(*rig.db);
    QVERIFY(rig.db->beginGroup());
    {
        TransactionGuard kept(*rig.db);
        PaymentFlow coupon = rig.flows[0];
        QVERIFY(*repo.transition(coupon, FlowStatus::Paying, 2000) == UpdateOutcome::Applied);
        QVERIFY(kept.commit());
    }
    {
        TransactionGuard undone(*rig.db);
        PaymentFlow card = rig.flows[1];
        QVERIFY(*repo.transition(card, FlowStatus::Paying, 2000) == UpdateOutcome::Applied);
        undone.rollback(); // ROLLBACK TO: SQLite tells no hook
    }
    auto flows = repo.forPayment(rig.payment.id);
    QVERIFY(flows);
    QCOMPARE_NAME(flows->at(0).status, FlowStatus::Paying);
    QCOMPARE_NAME(flows->at(1).status, FlowStatus::Init);
    QCOMPARE(flows->at(1).version, 0);
    QVERIFY(rig.db->commitGroup());
    QString why;
    QVERIFY2(sameFlows(*repo.forPayment(rig.payment.id), rig.fromFile(), &why), qPrintable(why));
}

void TestFlowMemo::groupRollbackForgetsEverything()
{
    Rig rig;
    QVERIFY(rig.db);
    FlowRepository repo(*rig.db);
    QVERIFY(rig.db->beginGroup());
    {
        TransactionGuard tx(*rig.db);
        PaymentFlow card = rig.flows[1];
        QVERIFY(*repo.transition(card, FlowStatus::Paying, 2000) == UpdateOutcome::Applied);
        QVERIFY(tx.commit());
    }
    QCOMPARE_NAME(repo.forPayment(rig.payment.id)->at(1).status, FlowStatus::Paying);
    rig.db->rollbackGroup();
    auto flows = repo.forPayment(rig.payment.id);
    QVERIFY(flows);
    QCOMPARE_NAME(flows->at(1).status, FlowStatus::Init);
}

void TestFlowMemo::otherConnectionsCommitIsSeen()
{
    Rig rig;
    QVERIFY(rig.db);
    FlowRepository repo(*rig.db);
    QVERIFY(repo.forPayment(rig.payment.id)); // remembered
    {
        auto other = Database::open(rig.tmp.path());
        QVERIFY(other);
        PaymentFlow card = rig.flows[1];
        QVERIFY(*FlowRepository(**other).transition(card, FlowStatus::Paying, 5000) == UpdateOutcome::Applied);
    }
    const quint64 before = rig.db->flowMemo().hits();
    auto flows = repo.forPayment(rig.payment.id);
    QVERIFY(flows);
    QCOMPARE(rig.db->flowMemo().hits(), before);
    QCOMPARE_NAME(flows->at(1).status, FlowStatus::Paying);
    QCOMPARE(flows->at(1).updatedAtMs, 5000);
    // Read again after the other commit: the memo answers once more.
    QVERIFY(repo.forPayment(rig.payment.id));
    QCOMPARE(rig.db->flowMemo().hits(), before + 1);
}

void TestFlowMemo::unannouncedInsertForgetsEverything()
{
    Rig rig;
    QVERIFY(rig.db);
    QSqlQuery q(rig.db->db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
                                  " currency, status, refunded_amount, recon_pending, created_at, updated_at, version)"
                                  " VALUES ('P-memo-3', %1, %2, 3, 'wallet', 'wallet', 10, 'CNY', 'INIT', 0, 0, 1, 1, 0)")
                       .arg(rig.payment.id)
                       .arg(rig.trade.id)));
    QCOMPARE(rig.db->flowMemo().size(), 0);
    auto flows = FlowRepository(*rig.db).forPayment(rig.payment.id);
    QVERIFY(flows);
    QCOMPARE(flows->size(), 3);
    QCOMPARE(flows->at(2).flowNo, QStringLiteral("P-memo-3"));
}

void TestFlowMemo::paymentMemoFollowsItsRow()
{
    Rig rig;
    QVERIFY(rig.db);
    PaymentRepository repo(*rig.db);
    PaymentMemo &memo = rig.db->paymentMemo();
    auto fromFile = [&] {
        rig.db->forgetRows();
        return *repo.find(rig.payment.id);
    };
    QString why;
    // Numbered and remembered as accept() does: the next read is answered without the file.
    {
        TransactionGuard tx(*rig.db);
        QVERIFY(repo.number(rig.payment, QStringLiteral("P00000001")));
        repo.rememberNew(rig.payment);
        QVERIFY(tx.commit());
    }
    quint64 hits = memo.hits();
    auto p = repo.find(rig.payment.id);
    QVERIFY(p);
    QCOMPARE(memo.hits(), ++hits);
    QCOMPARE(p->paymentNo, QStringLiteral("P00000001"));
    QVERIFY2(samePayment(*p, fromFile(), &why), qPrintable(why));

    // Its own transition keeps the row exact (the fail reason only when one is given).
    QVERIFY(repo.find(rig.payment.id)); // remembered again
    hits = memo.hits();
    {
        TransactionGuard tx(*rig.db);
        QVERIFY(*repo.transition(*p, PaymentStatus::Processing, 2000) == UpdateOutcome::Applied);
        QVERIFY(*repo.transition(*p, PaymentStatus::Failed, 3000, QStringLiteral("card declined")) == UpdateOutcome::Applied);
        QVERIFY(tx.commit());
    }
    auto after = repo.find(rig.payment.id);
    QCOMPARE(memo.hits(), ++hits);
    QCOMPARE_NAME(after->status, PaymentStatus::Failed);
    QCOMPARE(after->failReason, QStringLiteral("card declined"));
    QCOMPARE(after->version, 2);
    QVERIFY2(samePayment(*after, fromFile(), &why), qPrintable(why));

    // Any other write to the row drops it.
    QVERIFY(repo.find(rig.payment.id));
    QSqlQuery q(rig.db->db());
    QVERIFY(q.exec(QStringLiteral("UPDATE payment_orders SET fail_reason = 'reviewed', version = version + 1 WHERE id = %1")
                       .arg(rig.payment.id)));
    hits = memo.hits();
    QCOMPARE(repo.find(rig.payment.id)->failReason, QStringLiteral("reviewed"));
    QCOMPARE(memo.hits(), hits);

    // A rolled-back savepoint leaves no trace in it.
    QVERIFY(rig.db->beginGroup());
    {
        TransactionGuard undone(*rig.db);
        PaymentOrder current = *repo.find(rig.payment.id);
        QVERIFY(*repo.transition(current, PaymentStatus::Closed, 4000) == UpdateOutcome::Applied);
        undone.rollback();
    }
    QCOMPARE_NAME(repo.find(rig.payment.id)->status, PaymentStatus::Failed);
    QVERIFY(rig.db->commitGroup());

    // Another connection's commit is seen.
    QVERIFY(repo.find(rig.payment.id));
    {
        auto other = Database::open(rig.tmp.path());
        QVERIFY(other);
        PaymentOrder current = *PaymentRepository(**other).find(rig.payment.id);
        QVERIFY(*PaymentRepository(**other).transition(current, PaymentStatus::Closed, 5000) == UpdateOutcome::Applied);
    }
    QCOMPARE_NAME(repo.find(rig.payment.id)->status, PaymentStatus::Closed);
}

QTEST_GUILESS_MAIN(TestFlowMemo)
#include "tst_flowmemo.moc"
