#include "channel/qrchannel.h"
#include "channel/simulatedchannel.h"
#include "engine/demoseed.h"
#include "engine/enginehost.h"
#include "opsactiondialog.h"
#include "opsqueuemodel.h"
#include "pages/operationspage.h"
#include "store/database.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace pay;
using namespace pay::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15000;

// The demo database with a real core on its own thread and the Operations page on top of both.
struct Console
{
    test::TempDb db;
    std::unique_ptr<EngineHost> host;
    OperationsPage page;
    QObject context;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::function<void(PaymentCore::Options &)> tweak;

    bool start()
    {
        if (auto seeded = seedDemoDatabase(db.path(), QDateTime::currentMSecsSinceEpoch()); !seeded) {
            qWarning() << seeded.error().message;
            return false;
        }
        PaymentCore::Options options;
        options.databasePath = db.path();
        if (tweak)
            tweak(options);
        host = std::make_unique<EngineHost>(options);
        QSignalSpy started(host.get(), &EngineHost::coreStarted);
        host->start();
        if (!started.wait(10000) || !started.at(0).at(0).toBool())
            return false;
        if (!page.setDatabasePath(db.path()))
            return false;
        tester = std::make_unique<QAbstractItemModelTester>(
            page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setEngineHost(host.get());
        page.resize(1200, 800);
        page.show();
        return QTest::qWaitForWindowExposed(&page);
    }

    template<typename T>
    T *find(const QString &name) const
    {
        T *w = page.findChild<T *>(name);
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }

    void clickQueue(OpsQueue queue)
    {
        auto *list = find<QListWidget>(u"queueList"_s);
        QListWidgetItem *item = list->item(int(queue));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    }

    // Clicks the row of orderNo in the current queue; false when it is not there.
    bool clickOrder(const QString &orderNo)
    {
        auto *table = find<QTableView>(u"queueTable"_s);
        for (int r = 0; r < page.model()->rowCount(); ++r) {
            if (page.model()->row(r).orderNo == orderNo) {
                const QModelIndex index = page.model()->index(r, OpsQueueModel::OrderNo);
                table->scrollTo(index);
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
                return true;
            }
        }
        return false;
    }

    bool queueHolds(const QString &orderNo) const
    {
        for (int r = 0; r < page.model()->rowCount(); ++r)
            if (page.model()->row(r).orderNo == orderNo)
                return true;
        return false;
    }

    // The order as the core sees it now.
    std::optional<OrderView> order(const QString &orderNo)
    {
        std::optional<OrderView> result;
        bool done = false;
        host->order(orderNo, &context, [&](Result<OrderView> v) {
            if (v)
                result = *v;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, kWaitMs);
        return result;
    }

    // Fills the open action dialog and confirms it.
    bool confirm(const QString &reason, const QString &amount = {}, const QString &approver = {},
                 const QString &pin = {})
    {
        OpsActionDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = page.findChild<OpsActionDialog *>()) && dialog->isVisible(); },
                             kWaitMs))
            return false;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reasonEdit"_s), reason);
        if (!amount.isEmpty()) {
            auto *edit = dialog->findChild<QLineEdit *>(u"amountEdit"_s);
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::keyClicks(edit, amount);
        }
        if (!approver.isEmpty()) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"approverEdit"_s), approver);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"approverPinEdit"_s), pin);
        }
        auto *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        if (!ok->isEnabled())
            return false;
        QTest::mouseClick(ok, Qt::LeftButton);
        return QTest::qWaitFor([&] { return !page.findChild<OpsActionDialog *>(); }, kWaitMs);
    }
};

} // namespace

class TestOperationsPage : public QObject
{
    Q_OBJECT

private slots:
    void showsEveryQueueWithItsCount();
    void selectingARowShowsTheTimeline();
    void refundNeedsAManagersPin();
    void releasingAFrozenOrderResumesItsPayment();
    void queryNowTakesTheOrderOutOfTheStuckQueue();
    void approvedRetryTakesAClosedButPaidOrderOutOfItsQueue();
    void exportsTheWholeFilteredQueue();
    void filtersAndHeaderClicksOrderTheQueue();
};

void TestOperationsPage::showsEveryQueueWithItsCount()
{
    Console c;
    QVERIFY(c.start());
    QCOMPARE(c.page.queueCount(OpsQueue::Stuck), qint64(2));
    // The demo's closed-but-paid and duplicate payments were refunded: nothing left to do...
    QCOMPARE(c.page.queueCount(OpsQueue::ClosedButPaid), qint64(0));
    QCOMPARE(c.page.queueCount(OpsQueue::Duplicate), qint64(0));
    // ...until settled cases are asked for.
    QTest::mouseClick(c.find<QCheckBox>(u"includeSettled"_s), Qt::LeftButton);
    QCOMPARE(c.page.queueCount(OpsQueue::ClosedButPaid), qint64(1));
    QCOMPARE(c.page.queueCount(OpsQueue::Duplicate), qint64(1));
    QCOMPARE(c.page.queueCount(OpsQueue::Frozen), qint64(1));
    auto *list = c.find<QListWidget>(u"queueList"_s);
    QCOMPARE(list->count(), kOpsQueueCount);
    QVERIFY(list->item(int(OpsQueue::Frozen))->text().endsWith(u"(1)"_s));

    c.clickQueue(OpsQueue::Frozen);
    QCOMPARE_NAME(c.page.currentQueue(), OpsQueue::Frozen);
    QCOMPARE(c.page.model()->rowCount(), 1);
    QCOMPARE(c.page.model()->row(0).orderNo, u"D20261127903"_s);

    // A search by any id narrows every queue's count.
    auto *search = c.find<QLineEdit>(u"searchEdit"_s);
    QTest::keyClicks(search, u"RA-P00000039-1-DUP"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(c.page.queueCount(OpsQueue::Duplicate), qint64(1));
    QCOMPARE(c.page.queueCount(OpsQueue::Frozen), qint64(0));
    QCOMPARE(c.page.model()->rowCount(), 0);
}

void TestOperationsPage::selectingARowShowsTheTimeline()
{
    Console c;
    QVERIFY(c.start());
    QSignalSpy loaded(&c.page, &OperationsPage::timelineLoaded);
    QTest::mouseClick(c.find<QCheckBox>(u"includeSettled"_s), Qt::LeftButton); // the demo's case is refunded
    c.clickQueue(OpsQueue::ClosedButPaid);
    QVERIFY(c.clickOrder(u"D20261127900"_s));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kWaitMs);
    auto *timeline = c.find<QTreeWidget>(u"timeline"_s);
    QVERIFY(timeline->topLevelItemCount() >= 5);
    // In time order, with the source and the raw payload behind a disclosure.
    qint64 previous = 0;
    bool payload = false;
    QStringList sources;
    for (int i = 0; i < timeline->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = timeline->topLevelItem(i);
        const qint64 at = item->data(0, Qt::UserRole).toLongLong();
        QVERIFY(at >= previous);
        previous = at;
        sources << item->text(1);
        payload = payload || item->childCount() > 0;
    }
    QVERIFY(payload);
    QVERIFY2(sources.contains(u"Sync reply"_s), qPrintable(sources.join(u", ")));
    QVERIFY(c.find<QLabel>(u"orderLabel"_s)->text().contains(u"D20261127900"_s));
}

// A refund needs a manager's PIN: refused with a wrong PIN (nothing moves), then approved. (The
// closed-but-paid workflow — an automatic refund that failed, retried with approval — is
// approvedRetryTakesAClosedButPaidOrderOutOfItsQueue below.)
void TestOperationsPage::refundNeedsAManagersPin()
{
    Console c;
    QVERIFY(c.start());
    const QString orderNo = u"D20261127901"_s;
    const auto before = c.order(orderNo);
    QVERIFY(before);
    QVERIFY(before->trade.paidMinor > before->trade.refundedMinor);

    QSignalSpy loaded(&c.page, &OperationsPage::timelineLoaded);
    QTest::mouseClick(c.find<QCheckBox>(u"includeSettled"_s), Qt::LeftButton); // its duplicate is refunded
    c.clickQueue(OpsQueue::Duplicate);
    QVERIFY(c.clickOrder(orderNo));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kWaitMs);
    auto *refund = c.find<QPushButton>(u"refundButton"_s);
    QTRY_VERIFY(refund->isEnabled());

    // A wrong PIN: refused, and nothing moves.
    QSignalSpy finished(&c.page, &OperationsPage::actionFinished);
    QTest::mouseClick(refund, Qt::LeftButton);
    QVERIFY(c.confirm(u"Customer asked for 1.00 back"_s, u"1.00"_s, u"manager1"_s, u"0000"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(c.find<QLabel>(u"actionMessage"_s)->text().contains(u"PIN"_s));
    auto unchanged = c.order(orderNo);
    QVERIFY(unchanged);
    QCOMPARE(unchanged->refunds.size(), before->refunds.size());

    // The right PIN: approved, the refund is recorded with both names.
    QTRY_VERIFY(refund->isEnabled());
    QTest::mouseClick(refund, Qt::LeftButton);
    QVERIFY(c.confirm(u"Customer asked for 1.00 back"_s, u"1.00"_s, u"manager1"_s, u"9999"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    auto after = c.order(orderNo);
    QVERIFY(after);
    QCOMPARE(after->refunds.size(), before->refunds.size() + 1);
    const RefundOrder &r = after->refunds.back();
    QCOMPARE(r.amount.minor(), qint64(100));
    QCOMPARE(r.requestedBy, u"ops1"_s);
    QCOMPARE(r.approvedBy, u"manager1"_s);
}

// The demo's frozen order: a tampered callback froze it, a query then settled its leg, and its
// completion waits. Release it from the Frozen queue with a manager's PIN: the order is paid.
void TestOperationsPage::releasingAFrozenOrderResumesItsPayment()
{
    Console c;
    QVERIFY(c.start());
    const QString orderNo = u"D20261127903"_s;
    const auto before = c.order(orderNo);
    QVERIFY(before);
    QVERIFY(before->trade.frozen);
    QCOMPARE_NAME(before->trade.status, TradeStatus::Paying);

    QSignalSpy loaded(&c.page, &OperationsPage::timelineLoaded);
    c.clickQueue(OpsQueue::Frozen);
    QVERIFY(c.clickOrder(orderNo));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kWaitMs);
    auto *release = c.find<QPushButton>(u"releaseButton"_s);
    QTRY_VERIFY(release->isEnabled());
    QVERIFY(!c.find<QPushButton>(u"abandonButton"_s)->isEnabled()); // no failed refund selected

    QSignalSpy finished(&c.page, &OperationsPage::actionFinished);
    QTest::mouseClick(release, Qt::LeftButton);
    QVERIFY(c.confirm(u"Checked with QR B: the customer paid 268.00"_s, {}, u"manager1"_s, u"9999"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto v = c.order(orderNo);
            return v && !v->trade.frozen && v->trade.status == TradeStatus::Paid;
        }(),
        kWaitMs);
    const auto after = c.order(orderNo);
    bool released = false;
    for (const Event &e : after->events)
        released = released || (e.event == u"RELEASED"_s && e.actor == u"ops1"_s);
    QVERIFY(released);
}

void TestOperationsPage::queryNowTakesTheOrderOutOfTheStuckQueue()
{
    Console c;
    QVERIFY(c.start());
    const QString orderNo = u"D20261127902"_s;
    c.clickQueue(OpsQueue::Stuck);
    QVERIFY(c.queueHolds(orderNo));
    const qint64 stuck = c.page.queueCount(OpsQueue::Stuck);
    QSignalSpy loaded(&c.page, &OperationsPage::timelineLoaded);
    QVERIFY(c.clickOrder(orderNo));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kWaitMs);

    QSignalSpy finished(&c.page, &OperationsPage::actionFinished);
    auto *query = c.find<QPushButton>(u"queryButton"_s);
    QVERIFY(query->isEnabled());
    QTest::mouseClick(query, Qt::LeftButton);
    QVERIFY(c.confirm(u"Customer shows a bank debit"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    // The channel's answer settles the flow; the queue refreshes on the engine's tradeChanged.
    QTRY_VERIFY_WITH_TIMEOUT(!c.queueHolds(orderNo), kWaitMs);
    QCOMPARE(c.page.queueCount(OpsQueue::Stuck), stuck - 1);
    // The timeline stays on the order and shows the operator's query.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto *timeline = c.find<QTreeWidget>(u"timeline"_s);
            for (int i = 0; i < timeline->topLevelItemCount(); ++i)
                if (timeline->topLevelItem(i)->text(2) == u"ops1"_s)
                    return true;
            return false;
        }(),
        kWaitMs);
}

// The workflow the test describes, as it happens with this engine: a closed-but-paid
// payment's automatic refund fails at the channel; the order shows in the closed-but-paid queue
// with its refund FAILED and in the failed-refunds queue; operations ask for a retry from the
// closed-but-paid queue, a manager approves with a PIN, the refund goes through and the order
// leaves the failed-refunds queue.
void TestOperationsPage::approvedRetryTakesAClosedButPaidOrderOutOfItsQueue()
{
    Console c;
    c.tweak = [](PaymentCore::Options &o) {
        o.engine.compensationScheduleMs = {20, 40, 80};
        o.engine.maxRefundSends = 2;
    };
    QVERIFY(c.start());
    const QString orderNo = u"T-CBP-RETRY"_s;
    // The order, pre-paid with QR A.
    AcceptRequest req{orderNo, u"Late payment"_s, Money(4200, Currency::cny()), {{u"qr_a"_s, {}, 4200}},
                      u"ops-test-cbp"_s, u"cashier1"_s};
    std::optional<Result<AcceptTicket>> ticket;
    c.host->accept(req, &c.context, [&](Result<AcceptTicket> t) { ticket = t; });
    QTRY_VERIFY_WITH_TIMEOUT(ticket.has_value(), kWaitMs);
    QVERIFY(ticket->has_value());
    const QString flowNo = (*ticket)->flowNos.last();
    QTRY_VERIFY_WITH_TIMEOUT(!c.order(orderNo)->flows.isEmpty()
                                 && c.order(orderNo)->flows.first().status == FlowStatus::Prepaid,
                             kWaitMs);
    // QR A cannot confirm the close; the order closes anyway. Then the customer pays, and QR A
    // refuses every refund for now.
    bool step = false;
    c.host->run<bool>([orderNo](PaymentCore &core) {
        FaultProfile unreachable;
        unreachable.timeoutFailedRate = 1.0;
        unreachable.timeoutMs = 50;
        core.channel(u"qr_a"_s)->setFaultProfile(unreachable);
        return bool(core.engine().close(orderNo, EventSource::Operator, u"ops1"_s));
    }, &c.context, [&](bool) { step = true; });
    QTRY_VERIFY_WITH_TIMEOUT(step && c.order(orderNo)->trade.status == TradeStatus::Closed, kWaitMs);
    step = false;
    c.host->run<bool>([flowNo](PaymentCore &core) {
        FaultProfile refusing;
        refusing.declineRate = 1.0;
        refusing.latency = LatencyModel::fixed(1);
        refusing.callbackLatency = LatencyModel::fixed(1);
        // The customer pays before the refusals start; declines apply to the refunds.
        core.channel(u"qr_a"_s)->setFaultProfile(FaultProfile{});
        auto paid = core.qrChannel(u"qr_a"_s)->customerPays(flowNo);
        core.channel(u"qr_a"_s)->setFaultProfile(refusing);
        return paid && paid->succeeded();
    }, &c.context, [&](bool ok) { step = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(step, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto v = c.order(orderNo);
            return v && !v->refunds.isEmpty() && v->refunds.first().status == RefundStatus::Failed;
        }(),
        kWaitMs);
    QCOMPARE_NAME(c.order(orderNo)->refunds.first().reason, RefundReason::ClosedButPaid);
    // The channel takes refunds again.
    step = false;
    c.host->run<bool>([](PaymentCore &core) {
        core.channel(u"qr_a"_s)->setFaultProfile(FaultProfile{});
        return true;
    }, &c.context, [&](bool) { step = true; });
    QTRY_VERIFY(step);

    c.page.refresh();
    c.clickQueue(OpsQueue::FailedRefunds);
    QTRY_VERIFY_WITH_TIMEOUT(c.queueHolds(orderNo), kWaitMs);
    c.clickQueue(OpsQueue::ClosedButPaid);
    QTRY_VERIFY_WITH_TIMEOUT(c.queueHolds(orderNo), kWaitMs);
    QSignalSpy loaded(&c.page, &OperationsPage::timelineLoaded);
    QVERIFY(c.clickOrder(orderNo));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, kWaitMs);
    auto *retry = c.find<QPushButton>(u"retryButton"_s);
    QTRY_VERIFY(retry->isEnabled());

    QSignalSpy finished(&c.page, &OperationsPage::actionFinished);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(c.confirm(u"QR A is taking refunds again"_s, {}, u"manager1"_s, u"9999"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto v = c.order(orderNo);
            return v && v->refunds.size() == 2 && v->refunds.last().status == RefundStatus::Succeeded;
        }(),
        kWaitMs);
    const auto after = c.order(orderNo);
    QCOMPARE(after->refunds.last().approvedBy, u"manager1"_s);
    QCOMPARE(after->refunds.last().requestedBy, u"ops1"_s);
    QCOMPARE_NAME(after->trade.status, TradeStatus::Closed);
    // Refunded: the order leaves the closed-but-paid queue and the failed-refunds queue.
    c.page.refresh();
    c.clickQueue(OpsQueue::ClosedButPaid);
    QTRY_VERIFY_WITH_TIMEOUT(!c.queueHolds(orderNo), kWaitMs);
    c.clickQueue(OpsQueue::FailedRefunds);
    QTRY_VERIFY_WITH_TIMEOUT(!c.queueHolds(orderNo), kWaitMs);
    // It is still there as history.
    QTest::mouseClick(c.find<QCheckBox>(u"includeSettled"_s), Qt::LeftButton);
    c.clickQueue(OpsQueue::ClosedButPaid);
    QTRY_VERIFY_WITH_TIMEOUT(c.queueHolds(orderNo), kWaitMs);
}

void TestOperationsPage::exportsTheWholeFilteredQueue()
{
    Console c;
    QVERIFY(c.start());
    c.clickQueue(OpsQueue::Stuck);
    QSignalSpy exported(&c.page, &OperationsPage::exportFinished);
    const QString file = c.db.filePath(u"stuck.csv"_s);
    c.page.exportCsv(file);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, kWaitMs);
    QVERIFY(exported.at(0).at(0).toBool());
    QCOMPARE(exported.at(0).at(1).toLongLong(), c.page.queueCount(OpsQueue::Stuck));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().trimmed().split('\n').size(), c.page.queueCount(OpsQueue::Stuck) + 1);
}

void TestOperationsPage::filtersAndHeaderClicksOrderTheQueue()
{
    Console c;
    QVERIFY(c.start());
    // Eight breaks: four on QR A (two of them three hours old), the rest on the card.
    {
        auto writer = Database::open(c.db.path());
        QVERIFY(writer.has_value());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 hour = 3600'000;
        QSqlQuery q((*writer)->db());
        QVERIFY(q.prepare(u"INSERT INTO recon_breaks (channel, category, channel_txn_no, local_amount,"
                          " statement_amount, state, created_at) VALUES (?, 'AMOUNT_MISMATCH', ?, ?, ?, 'OPEN', ?)"_s));
        const struct { const char *channel; qint64 amount; qint64 ageMs; } breaks[] = {
            {"qr_a", 700, 3 * hour}, {"card", 900, 0}, {"qr_a", 200, 0}, {"card", 100, 3 * hour},
            {"qr_a", 1500, 3 * hour}, {"card", 300, 0}, {"qr_a", 50, 0}, {"card", 1200, 0}};
        int n = 0;
        for (const auto &b : breaks) {
            q.addBindValue(QString::fromLatin1(b.channel));
            q.addBindValue(u"TXN-GUI-%1"_s.arg(++n));
            q.addBindValue(b.amount);
            q.addBindValue(b.amount + 1);
            q.addBindValue(now - b.ageMs);
            QVERIFY(q.exec());
        }
    }
    c.page.refresh();
    c.clickQueue(OpsQueue::Breaks);
    QCOMPARE(c.page.model()->rowCount(), 8);

    // The channel combo, by keyboard: down until QR A.
    auto *channel = c.find<QComboBox>(u"channelFilter"_s);
    QVERIFY(channel);
    channel->setFocus();
    for (int i = 0; i < channel->count() && channel->currentData().toString() != u"qr_a"_s; ++i)
        QTest::keyClick(channel, Qt::Key_Down);
    QCOMPARE(channel->currentData().toString(), u"qr_a"_s);
    QCOMPARE(c.page.model()->rowCount(), 4);
    QCOMPARE(c.page.queueCount(OpsQueue::Breaks), qint64(4)); // the count follows the filter
    for (int r = 0; r < 4; ++r)
        QCOMPARE(c.page.model()->row(r).channel, u"qr_a"_s);

    auto *table = c.find<QTableView>(u"queueTable"_s);
    QHeaderView *header = table->horizontalHeader();
    const auto clickHeader = [&](int column) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                                 header->height() / 2));
    };
    const auto amounts = [&] {
        QList<qint64> out;
        for (int r = 0; r < c.page.model()->rowCount(); ++r)
            out.append(c.page.model()->index(r, OpsQueueModel::Amount).data(OpsQueueModel::UnderlyingDataRole).toLongLong());
        return out;
    };

    // First click on Amount: ascending; second: descending.
    clickHeader(OpsQueueModel::Amount);
    QCOMPARE(header->sortIndicatorSection(), int(OpsQueueModel::Amount));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(amounts(), (QList<qint64> {50, 200, 700, 1500}));
    clickHeader(OpsQueueModel::Amount);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(amounts(), (QList<qint64> {1500, 700, 200, 50}));

    // A column the reader cannot order by leaves the order (and the indicator) as it was.
    clickHeader(OpsQueueModel::OrderNo);
    QCOMPARE(header->sortIndicatorSection(), int(OpsQueueModel::Amount));
    QCOMPARE(amounts(), (QList<qint64> {1500, 700, 200, 50}));

    // Older than one hour: the two old QR A breaks.
    auto *age = c.find<QComboBox>(u"ageFilter"_s);
    QVERIFY(age);
    age->setFocus();
    for (int i = 0; i < age->count() && age->currentData().toLongLong() != 3600'000; ++i)
        QTest::keyClick(age, Qt::Key_Down);
    QCOMPARE(age->currentData().toLongLong(), qint64(3600'000));
    QCOMPARE(amounts(), (QList<qint64> {1500, 700}));

    // Amount from 10.00 (typed, applied on Enter): the 15.00 break alone.
    age->setCurrentIndex(0);
    auto *minAmount = c.find<QLineEdit>(u"minAmount"_s);
    QVERIFY(minAmount);
    QTest::keyClicks(minAmount, u"10.00"_s);
    QTest::keyClick(minAmount, Qt::Key_Return);
    QCOMPARE(amounts(), (QList<qint64> {1500}));
    minAmount->clear();
    QCOMPARE(amounts(), (QList<qint64> {1500, 700, 200, 50}));

    // Sorted by channel over every channel, then the export: same filter, same order.
    channel->setCurrentIndex(0);
    clickHeader(OpsQueueModel::Channel);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    const int rows = c.page.model()->rowCount();
    QCOMPARE(rows, 8);
    QCOMPARE(qint64(rows), c.page.queueCount(OpsQueue::Breaks));
    QStringList channels;
    for (int r = 0; r < rows; ++r)
        channels.append(c.page.model()->row(r).channel);
    QStringList sorted = channels;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(channels, sorted);
    QCOMPARE(channels.first(), u"card"_s);

    QSignalSpy exported(&c.page, &OperationsPage::exportFinished);
    const QString file = c.db.filePath(u"breaks.csv"_s);
    c.page.exportCsv(file);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, kWaitMs);
    QVERIFY(exported.at(0).at(0).toBool());
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), rows + 1);
    const qsizetype txnColumn = lines.front().split(',').indexOf("channel_txn_no");
    QVERIFY(txnColumn >= 0);
    for (int r = 0; r < rows; ++r)
        QCOMPARE(QString::fromUtf8(lines.at(r + 1).split(',').at(txnColumn)), c.page.model()->row(r).channelTxnNo);
}

QTEST_MAIN(TestOperationsPage)
#include "tst_operationspage.moc"
