#include "domain/states.h"
#include "testsupport.h"

#include <QMap>
#include <QTest>

using namespace pay;

// Every (state, event) pair of every machine is listed here with its expected outcome: a test
// for a pair that is missing from the table fails, so a new state or event cannot slip in
// without a decision.
class TestStates : public QObject
{
    Q_OBJECT
private slots:
    void trade_data();
    void trade();
    void payment_data();
    void payment();
    void flow_data();
    void flow();
    void refund_data();
    void refund();
    void namesRoundTrip();
    void terminalStatesRejectEverything();
};

// Expected: the target state name, or "" for a rejection.
void TestStates::trade_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("to");
    using S = TradeStatus;
    using E = TradeEvent;
    const QMap<QPair<S, E>, S> allowed = {
        {{S::Created, E::StartPayment}, S::Paying},   {{S::Created, E::Close}, S::Closed},
        {{S::Paying, E::StartPayment}, S::Paying},    {{S::Paying, E::PaymentSucceeded}, S::Paid},
        {{S::Paying, E::PaymentFailed}, S::Created},  {{S::Paying, E::Close}, S::Closed},
        {{S::Paid, E::RefundPartial}, S::PartiallyRefunded}, {{S::Paid, E::RefundFull}, S::Refunded},
        {{S::PartiallyRefunded, E::RefundPartial}, S::PartiallyRefunded},
        {{S::PartiallyRefunded, E::RefundFull}, S::Refunded},
        {{S::Created, E::BeginClose}, S::Closing},    {{S::Paying, E::BeginClose}, S::Closing},
        {{S::Closing, E::Close}, S::Closed},
    };
    for (S s : kAllTradeStatuses) {
        for (E e : kAllTradeEvents) {
            const auto it = allowed.find({s, e});
            QTest::addRow("%s+%s", qPrintable(toString(s)), qPrintable(toString(e)))
                << int(s) << int(e) << (it == allowed.end() ? QString() : toString(*it));
        }
    }
}

void TestStates::trade()
{
    QFETCH(int, from);
    QFETCH(int, event);
    QFETCH(QString, to);
    const auto r = transition(TradeStatus(from), TradeEvent(event));
    if (to.isEmpty()) {
        QVERIFY(!r);
        QCOMPARE(r.error().reason,
                 isTerminal(TradeStatus(from)) ? RejectReason::TerminalState : RejectReason::NotAllowed);
        QVERIFY(r.error().message().contains(toString(TradeEvent(event))));
    } else {
        QVERIFY(r);
        QCOMPARE(toString(*r), to);
    }
}

void TestStates::payment_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("to");
    using S = PaymentStatus;
    using E = PaymentEvent;
    const QMap<QPair<S, E>, S> allowed = {
        {{S::Accepted, E::Process}, S::Processing}, {{S::Accepted, E::Fail}, S::Failed},
        {{S::Accepted, E::Close}, S::Closed},       {{S::Processing, E::Succeed}, S::Succeeded},
        {{S::Processing, E::Fail}, S::Failed},      {{S::Processing, E::Close}, S::Closed},
        {{S::Processing, E::Duplicate}, S::Duplicate},
    };
    for (S s : kAllPaymentStatuses) {
        for (E e : kAllPaymentEvents) {
            const auto it = allowed.find({s, e});
            QTest::addRow("%s+%s", qPrintable(toString(s)), qPrintable(toString(e)))
                << int(s) << int(e) << (it == allowed.end() ? QString() : toString(*it));
        }
    }
}

void TestStates::payment()
{
    QFETCH(int, from);
    QFETCH(int, event);
    QFETCH(QString, to);
    const auto r = transition(PaymentStatus(from), PaymentEvent(event));
    QCOMPARE(r.has_value(), !to.isEmpty());
    if (r)
        QCOMPARE(toString(*r), to);
    else
        QCOMPARE(r.error().reason,
                 isTerminal(PaymentStatus(from)) ? RejectReason::TerminalState : RejectReason::NotAllowed);
}

void TestStates::flow_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("to");
    using S = FlowStatus;
    using E = FlowEvent;
    const QMap<QPair<S, E>, S> allowed = {
        {{S::Init, E::Prepay}, S::Prepaid},       {{S::Init, E::Send}, S::Paying},
        {{S::Init, E::Fail}, S::Failed},          {{S::Init, E::Close}, S::Closed},
        {{S::Prepaid, E::Send}, S::Paying},       {{S::Prepaid, E::Succeed}, S::Succeeded},
        {{S::Prepaid, E::Fail}, S::Failed},       {{S::Prepaid, E::Close}, S::Closed},
        {{S::Paying, E::Send}, S::Paying},        {{S::Paying, E::Succeed}, S::Succeeded},
        {{S::Paying, E::Fail}, S::Failed},        {{S::Paying, E::Close}, S::Closed},
    };
    for (S s : kAllFlowStatuses) {
        for (E e : kAllFlowEvents) {
            const auto it = allowed.find({s, e});
            QTest::addRow("%s+%s", qPrintable(toString(s)), qPrintable(toString(e)))
                << int(s) << int(e) << (it == allowed.end() ? QString() : toString(*it));
        }
    }
}

void TestStates::flow()
{
    QFETCH(int, from);
    QFETCH(int, event);
    QFETCH(QString, to);
    const auto r = transition(FlowStatus(from), FlowEvent(event));
    QCOMPARE(r.has_value(), !to.isEmpty());
    if (r)
        QCOMPARE(toString(*r), to);
    else
        QCOMPARE(r.error().reason, isTerminal(FlowStatus(from)) ? RejectReason::TerminalState : RejectReason::NotAllowed);
}

void TestStates::refund_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("to");
    using S = RefundStatus;
    using E = RefundEvent;
    const QMap<QPair<S, E>, S> allowed = {
        {{S::Accepted, E::Process}, S::Processing}, {{S::Accepted, E::Fail}, S::Failed},
        {{S::Processing, E::Retry}, S::Processing}, {{S::Processing, E::Succeed}, S::Succeeded},
        {{S::Processing, E::Fail}, S::Failed},
    };
    for (S s : kAllRefundStatuses) {
        for (E e : kAllRefundEvents) {
            const auto it = allowed.find({s, e});
            QTest::addRow("%s+%s", qPrintable(toString(s)), qPrintable(toString(e)))
                << int(s) << int(e) << (it == allowed.end() ? QString() : toString(*it));
        }
    }
}

void TestStates::refund()
{
    QFETCH(int, from);
    QFETCH(int, event);
    QFETCH(QString, to);
    const auto r = transition(RefundStatus(from), RefundEvent(event));
    QCOMPARE(r.has_value(), !to.isEmpty());
    if (r)
        QCOMPARE(toString(*r), to);
    else
        QCOMPARE(r.error().reason,
                 isTerminal(RefundStatus(from)) ? RejectReason::TerminalState : RejectReason::NotAllowed);
}

void TestStates::namesRoundTrip()
{
    for (TradeStatus s : kAllTradeStatuses) {
        TradeStatus back{};
        QVERIFY(fromString(toString(s), back));
        QCOMPARE_NAME(back, s);
    }
    for (FlowStatus s : kAllFlowStatuses) {
        FlowStatus back{};
        QVERIFY(fromString(toString(s), back));
        QCOMPARE_NAME(back, s);
    }
    TradeStatus t{};
    QVERIFY(!fromString(u"BOGUS", t));
}

void TestStates::terminalStatesRejectEverything()
{
    for (FlowStatus s : kAllFlowStatuses) {
        if (!isTerminal(s))
            continue;
        for (FlowEvent e : kAllFlowEvents)
            QVERIFY(!transition(s, e));
    }
    for (TradeStatus s : kAllTradeStatuses) {
        if (!isTerminal(s))
            continue;
        for (TradeEvent e : kAllTradeEvents)
            QCOMPARE(transition(s, e).error().reason, RejectReason::TerminalState);
    }
}

QTEST_GUILESS_MAIN(TestStates)
#include "tst_states.moc"
