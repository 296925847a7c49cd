#include "engine/demoseed.h"
#include "store/database.h"
#include "store/opsqueues.h"
#include "testsupport.h"

#include <QBuffer>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace pay;

// The work queues on the demo database: its closed-but-paid, duplicate, stuck and frozen orders,
// plus a failed refund and three breaks written here (the demo has neither).
class TestOpsQueues : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void counts_data();
    void counts();
    void searchByAnyId_data();
    void searchByAnyId();
    void searchMissesOtherQueues();
    void pagesByKeyInBothDirections();
    void stuckNeedsTheThreshold();
    void exportWritesEveryFilteredRow();
    void exportStopsWhenAsked();
    void settledCasesLeaveTheWorkQueues();
    void filtersAndSortsMatchAReference_data();
    void filtersAndSortsMatchAReference();
    void channelFilterInEveryQueue_data();
    void channelFilterInEveryQueue();
    void exportFollowsFilterAndSort();

private:
    QString scalar(const QString &sql);
    // Sixty more breaks (channels, amounts with ties, ages and states spread out); removed again
    // when the returned guard goes out of scope.
    void addManyBreaks();
    void removeManyBreaks();
    struct BreakRef
    {
        qint64 id;
        qint64 atMs;
        qint64 amount;
        QString channel;
        QString state;
    };
    QList<BreakRef> referenceBreaks(const OpsQueueFilter &filter);
    QList<qint64> pageAll(OpsQueue queue, const OpsQueueFilter &filter, int pageSize);

    test::TempDb m_tmp;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<OpsQueueReader> m_reader;
    qint64 m_nowMs = 0;
};

QString TestOpsQueues::scalar(const QString &sql)
{
    QSqlQuery q(m_writer->db());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toString();
}

void TestOpsQueues::initTestCase()
{
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    auto seeded = seedDemoDatabase(m_tmp.path(), m_nowMs);
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().message));
    auto db = Database::open(m_tmp.path());
    QVERIFY(db.has_value());
    m_writer = std::move(*db);
    // A refund that failed (the demo's channels refund successfully) and three breaks.
    QVERIFY(m_writer->exec(QStringLiteral(
        "UPDATE refund_orders SET status = 'FAILED' WHERE refund_no = 'RF-D20261127006'")).has_value());
    QVERIFY(m_writer->exec(QStringLiteral(
        "INSERT INTO recon_breaks (channel, category, flow_no, channel_txn_no, local_amount, statement_amount,"
        " state, created_at) VALUES"
        " ('card', 'AMOUNT_MISMATCH', 'P00000040-1', 'TXN-BREAK-1', 15900, 15800, 'OPEN', 1),"
        " ('qr_a', 'MISSING_LOCALLY', NULL, 'TXN-BREAK-2', NULL, 500, 'HELD', 2),"
        " ('qr_a', 'MISSING_AT_CHANNEL', 'P00000001-1', NULL, 100, NULL, 'RESOLVED', 3)")).has_value());
    auto reader = OpsQueueReader::open(m_tmp.path());
    QVERIFY(reader.has_value());
    m_reader = std::move(*reader);
}

void TestOpsQueues::counts_data()
{
    QTest::addColumn<OpsQueue>("queue");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("firstOrder");
    QTest::addColumn<QString>("firstState");
    // The recon-pending card payment and the QR payment still waiting for a scan.
    QTest::addRow("stuck") << OpsQueue::Stuck << qint64(2) << u"D20261127905"_qs << u"PREPAID"_qs;
    QTest::addRow("closed but paid") << OpsQueue::ClosedButPaid << qint64(1) << u"D20261127900"_qs << u"SUCCEEDED"_qs;
    QTest::addRow("duplicate") << OpsQueue::Duplicate << qint64(1) << u"D20261127901"_qs << u"SUCCEEDED"_qs;
    QTest::addRow("failed refunds") << OpsQueue::FailedRefunds << qint64(1) << u"D20261127006"_qs << u"FAILED"_qs;
    // A frozen order's completion waits for its release: it stays PAYING (issue 16, item 7).
    QTest::addRow("frozen") << OpsQueue::Frozen << qint64(1) << u"D20261127903"_qs << u"PAYING"_qs;
    // Newest first: the held break without a local flow, then the open one on the stuck order.
    QTest::addRow("breaks") << OpsQueue::Breaks << qint64(2) << QString() << u"HELD"_qs;
}

void TestOpsQueues::counts()
{
    QFETCH(OpsQueue, queue);
    QFETCH(qint64, count);
    QFETCH(QString, firstOrder);
    QFETCH(QString, firstState);
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    auto n = m_reader->count(queue, filter);
    QVERIFY(n.has_value());
    QCOMPARE(*n, count);
    auto rows = m_reader->page(queue, filter, nullptr, 50);
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), count);
    QCOMPARE(rows->front().orderNo, firstOrder);
    QCOMPARE(rows->front().state, firstState);
    QVERIFY(rows->front().amountMinor > 0);
}

void TestOpsQueues::searchByAnyId_data()
{
    QTest::addColumn<OpsQueue>("queue");
    QTest::addColumn<QString>("sql"); // yields the id to search for
    QTest::addColumn<QString>("orderNo");
    QTest::addRow("order no.") << OpsQueue::ClosedButPaid << u"SELECT 'D20261127900'"_qs << u"D20261127900"_qs;
    QTest::addRow("flow no.") << OpsQueue::ClosedButPaid << u"SELECT 'P00000037-1'"_qs << u"D20261127900"_qs;
    QTest::addRow("channel txn no.")
        << OpsQueue::Duplicate << u"SELECT channel_txn_no FROM payment_flows WHERE flow_no = 'P00000039-1'"_qs
        << u"D20261127901"_qs;
    QTest::addRow("refund no.") << OpsQueue::Duplicate << u"SELECT 'RA-P00000039-1-DUP'"_qs << u"D20261127901"_qs;
    QTest::addRow("refund flow no.")
        << OpsQueue::ClosedButPaid
        << u"SELECT rf.refund_flow_no FROM refund_flows rf JOIN refund_orders r ON r.id = rf.refund_id"
           " WHERE r.refund_no = 'RA-P00000037-1-CLO'"_qs
        << u"D20261127900"_qs;
    QTest::addRow("stuck by flow no.") << OpsQueue::Stuck << u"SELECT 'P00000040-1'"_qs << u"D20261127902"_qs;
    QTest::addRow("frozen by order no.") << OpsQueue::Frozen << u"SELECT 'D20261127903'"_qs << u"D20261127903"_qs;
    QTest::addRow("break by its txn no.") << OpsQueue::Breaks << u"SELECT 'TXN-BREAK-2'"_qs << QString();
    QTest::addRow("break by order no.") << OpsQueue::Breaks << u"SELECT 'D20261127902'"_qs << u"D20261127902"_qs;
}

void TestOpsQueues::searchByAnyId()
{
    QFETCH(OpsQueue, queue);
    QFETCH(QString, sql);
    QFETCH(QString, orderNo);
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    filter.search = scalar(sql);
    QVERIFY(!filter.search.isEmpty());
    auto rows = m_reader->page(queue, filter, nullptr, 50);
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().orderNo, orderNo);
    auto n = m_reader->count(queue, filter);
    QVERIFY(n.has_value());
    QCOMPARE(*n, qint64(1));
}

void TestOpsQueues::searchMissesOtherQueues()
{
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    filter.search = u"D20261127900"_qs;
    for (OpsQueue q : {OpsQueue::Stuck, OpsQueue::Duplicate, OpsQueue::Frozen, OpsQueue::Breaks})
        QCOMPARE(m_reader->count(q, filter).value_or(-1), qint64(0));
    filter.search = u"NO-SUCH-ID"_qs;
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, filter).value_or(-1), qint64(0));
    QCOMPARE(m_reader->page(OpsQueue::Breaks, filter, nullptr, 10).value_or(QList<OpsQueueRow>{{}}).size(), 0);
}

void TestOpsQueues::pagesByKeyInBothDirections()
{
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    for (bool newestFirst : {true, false}) {
        filter.descending = newestFirst;
        QList<qint64> keys;
        std::optional<OpsQueueRow> cursor;
        for (;;) {
            auto rows = m_reader->page(OpsQueue::Breaks, filter, cursor ? &*cursor : nullptr, 1);
            QVERIFY(rows.has_value());
            if (rows->isEmpty())
                break;
            keys.append(rows->front().key);
            cursor = rows->front();
        }
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.front() > keys.back(), newestFirst);
    }
}

void TestOpsQueues::stuckNeedsTheThreshold()
{
    // Below the threshold the waiting QR payment (D20261127905) is not stuck yet; the card
    // payment handed to reconciliation (recon_pending) is stuck whatever its age.
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    filter.stuckAfterMs = 365LL * 24 * 3600 * 1000;
    auto rows = m_reader->page(OpsQueue::Stuck, filter, nullptr, 10);
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().orderNo, u"D20261127902"_qs);
    QVERIFY(rows->front().reconPending);
    QCOMPARE(rows->front().channel, u"card"_qs);
}

void TestOpsQueues::exportWritesEveryFilteredRow()
{
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs + 24 * 3600 * 1000;
    const qint64 expected = m_reader->count(OpsQueue::Stuck, filter).value_or(-1);
    QVERIFY(expected >= 2);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QList<qint64> reported;
    // A page of one row, so the export really pages.
    auto written = m_reader->exportCsv(
        OpsQueue::Stuck, filter, out,
        [&](qint64 done, qint64 total) {
            reported.append(done);
            return total == expected;
        },
        1);
    QVERIFY(written.has_value());
    QCOMPARE(*written, expected);
    QVERIFY(reported.size() >= expected);
    QCOMPARE(reported.back(), expected);
    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), expected + 1);
    QVERIFY(lines.front().startsWith("queue,order_no,entity_no,created_at"));
    QVERIFY(lines.at(1).startsWith("STUCK,"));

    // The filter applies to the export too.
    filter.search = u"D20261127902"_qs;
    QBuffer one;
    one.open(QIODevice::WriteOnly);
    QCOMPARE(m_reader->exportCsv(OpsQueue::Stuck, filter, one).value_or(-1), qint64(1));
    QCOMPARE(one.data().trimmed().split('\n').size(), 2);
    QVERIFY(one.data().contains("D20261127902,P00000040-1,"));
}

// Closed-but-paid and duplicate queues list what still needs a refund: a case leaves when its
// refund (or a retry of it) succeeds; "include settled" shows them all.
void TestOpsQueues::settledCasesLeaveTheWorkQueues()
{
    OpsQueueFilter open;
    open.nowMs = m_nowMs;
    OpsQueueFilter all = open;
    all.includeSettled = true;
    const QString refundNo = scalar(u"SELECT refund_no FROM refund_orders WHERE reason = 'CLOSED_BUT_PAID'"_qs);
    QVERIFY(!refundNo.isEmpty());
    // The demo's closed-but-paid refund went through: history only.
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, open).value_or(-1), qint64(0));
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, all).value_or(-1), qint64(1));
    QCOMPARE(m_reader->count(OpsQueue::Duplicate, open).value_or(-1), qint64(0));
    QCOMPARE(m_reader->count(OpsQueue::Duplicate, all).value_or(-1), qint64(1));

    auto exec = [this](const QString &sql) {
        QSqlQuery q(m_writer->db());
        return q.exec(sql);
    };
    // Say it failed at the channel: the case is open again.
    QVERIFY(exec(u"UPDATE refund_orders SET status = 'FAILED' WHERE refund_no = '%1'"_qs.arg(refundNo)));
    auto rows = m_reader->page(OpsQueue::ClosedButPaid, open, nullptr, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().refundNo, refundNo);
    // An approved retry is under way: the retry is the case now.
    QVERIFY(exec(u"INSERT INTO refund_orders (refund_no, trade_id, amount, currency, reason, status, requested_by,"
                 " approved_by, note, created_at, updated_at) SELECT refund_no || '-R1', trade_id, amount, currency,"
                 " reason, 'PROCESSING', 'ops1', 'manager1', 'retry', created_at + 1, updated_at + 1"
                 " FROM refund_orders WHERE refund_no = '%1'"_qs.arg(refundNo)));
    rows = m_reader->page(OpsQueue::ClosedButPaid, open, nullptr, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().refundNo, refundNo + u"-R1"_qs);
    // The retry succeeded: nothing left to do, and both are history.
    QVERIFY(exec(u"UPDATE refund_orders SET status = 'SUCCEEDED' WHERE refund_no = '%1-R1'"_qs.arg(refundNo)));
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, open).value_or(-1), qint64(0));
    QCOMPARE(m_reader->page(OpsQueue::ClosedButPaid, open, nullptr, 10).value_or(QList<OpsQueueRow>{{}}).size(), 0);
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, all).value_or(-1), qint64(2));

    // Back as the other tests expect it.
    QVERIFY(exec(u"DELETE FROM refund_orders WHERE refund_no = '%1-R1'"_qs.arg(refundNo)));
    QVERIFY(exec(u"UPDATE refund_orders SET status = 'SUCCEEDED' WHERE refund_no = '%1'"_qs.arg(refundNo)));
}

void TestOpsQueues::exportStopsWhenAsked()
{
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    auto written = m_reader->exportCsv(OpsQueue::Breaks, filter, out, [](qint64, qint64) { return false; }, 1);
    QVERIFY(written.has_value());
    QCOMPARE(*written, qint64(1));
}

void TestOpsQueues::addManyBreaks()
{
    const QStringList channels = {u"coupon"_qs, u"wallet"_qs, u"card"_qs, u"qr_a"_qs, u"qr_b"_qs};
    for (int i = 0; i < 60; ++i) {
        QSqlQuery q(m_writer->db());
        q.prepare(u"INSERT INTO recon_breaks (channel, category, flow_no, channel_txn_no, local_amount,"
                  " statement_amount, state, created_at) VALUES (?, 'STATUS_MISMATCH', NULL, ?, ?, ?, ?, ?)"_qs);
        const qint64 amount = (i * 37 % 11) * 100; // eleven values, many ties
        q.addBindValue(channels.at(i % channels.size()));
        q.addBindValue(u"TXN-MANY-%1"_qs.arg(i));
        q.addBindValue(i % 4 == 0 ? QVariant() : QVariant(amount)); // then the statement's amount counts
        q.addBindValue(amount);
        q.addBindValue(i % 7 == 0 ? u"RESOLVED"_qs : i % 3 == 0 ? u"HELD"_qs : u"OPEN"_qs);
        // Ages from now to an hour ago, not in key order.
        q.addBindValue(m_nowMs - qint64(i * 23 % 60) * 60'000);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
}

void TestOpsQueues::removeManyBreaks()
{
    QVERIFY(m_writer->exec(u"DELETE FROM recon_breaks WHERE channel_txn_no LIKE 'TXN-MANY-%'"_qs).has_value());
}

// Every open or held break matching filter, read plainly and sorted here the way the reader promises.
QList<TestOpsQueues::BreakRef> TestOpsQueues::referenceBreaks(const OpsQueueFilter &filter)
{
    QList<BreakRef> out;
    QSqlQuery q(m_writer->db());
    if (!q.exec(u"SELECT id, created_at, coalesce(local_amount, statement_amount, 0), channel, state"
                " FROM recon_breaks WHERE state IN ('OPEN', 'HELD')"_qs))
        return out;
    while (q.next()) {
        BreakRef r {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toString()};
        if (!filter.channel.isEmpty() && r.channel != filter.channel)
            continue;
        if (filter.olderThanMs > 0 && r.atMs > filter.nowMs - filter.olderThanMs)
            continue;
        if (filter.minAmountMinor >= 0 && r.amount < filter.minAmountMinor)
            continue;
        if (filter.maxAmountMinor >= 0 && r.amount > filter.maxAmountMinor)
            continue;
        out.append(r);
    }
    // -1, 0, 1 by the sort value alone.
    const auto byValue = [&](const BreakRef &a, const BreakRef &b) {
        switch (filter.sortBy) {
        case OpsQueueSort::Time: return 0;
        case OpsQueueSort::Amount: return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
        case OpsQueueSort::Channel: return a.channel.compare(b.channel);
        case OpsQueueSort::State: return a.state.compare(b.state);
        }
        return 0;
    };
    std::sort(out.begin(), out.end(), [&](const BreakRef &a, const BreakRef &b) {
        int c = byValue(a, b);
        if (c == 0)
            c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return filter.descending ? c > 0 : c < 0;
    });
    return out;
}

QList<qint64> TestOpsQueues::pageAll(OpsQueue queue, const OpsQueueFilter &filter, int pageSize)
{
    QList<qint64> keys;
    std::optional<OpsQueueRow> cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        auto rows = m_reader->page(queue, filter, cursor ? &*cursor : nullptr, pageSize);
        if (!rows) {
            qWarning("%s", qPrintable(rows.error().message));
            return {};
        }
        for (const OpsQueueRow &r : std::as_const(*rows))
            keys.append(r.key);
        if (rows->size() < pageSize)
            break;
        cursor = rows->back();
    }
    return keys;
}

void TestOpsQueues::filtersAndSortsMatchAReference_data()
{
    QTest::addColumn<OpsQueueFilter>("filter");
    const QList<std::pair<const char *, OpsQueueSort>> sorts = {
        {"time", OpsQueueSort::Time}, {"amount", OpsQueueSort::Amount},
        {"channel", OpsQueueSort::Channel}, {"state", OpsQueueSort::State}};
    for (const auto &[sortName, sort] : sorts) {
        for (bool descending : {true, false}) {
            OpsQueueFilter f;
            f.includeSettled = true; // the demo's cases are settled: read them as history
            f.sortBy = sort;
            f.descending = descending;
            QTest::addRow("%s %s, no filter", sortName, descending ? "desc" : "asc") << f;
            f.channel = u"card"_qs;
            QTest::addRow("%s %s, card", sortName, descending ? "desc" : "asc") << f;
            f.channel.clear();
            f.olderThanMs = 10 * 60'000;
            f.minAmountMinor = 300;
            f.maxAmountMinor = 800;
            QTest::addRow("%s %s, older than 10 min, 3.00 to 8.00", sortName, descending ? "desc" : "asc") << f;
            f.channel = u"qr_a"_qs;
            f.maxAmountMinor = -1;
            QTest::addRow("%s %s, qr_a older than 10 min from 3.00", sortName, descending ? "desc" : "asc") << f;
        }
    }
}

void TestOpsQueues::filtersAndSortsMatchAReference()
{
    QFETCH(OpsQueueFilter, filter);
    filter.nowMs = m_nowMs;
    addManyBreaks();
    const auto cleanup = qScopeGuard([this] { removeManyBreaks(); });

    QList<qint64> expected;
    for (const BreakRef &r : referenceBreaks(filter))
        expected.append(r.id);
    QVERIFY(expected.size() >= 3); // every filter keeps a few rows, so paging and ties matter
    // Pages of 4 cross the ties in amount, channel and state.
    QCOMPARE(pageAll(OpsQueue::Breaks, filter, 4), expected);
    QCOMPARE(pageAll(OpsQueue::Breaks, filter, 1000), expected);
    QCOMPARE(m_reader->count(OpsQueue::Breaks, filter).value_or(-1), qint64(expected.size()));
}

void TestOpsQueues::channelFilterInEveryQueue_data()
{
    QTest::addColumn<OpsQueue>("queue");
    QTest::addColumn<QString>("orderNo");
    QTest::addRow("stuck") << OpsQueue::Stuck << u"D20261127902"_qs;
    QTest::addRow("closed but paid") << OpsQueue::ClosedButPaid << u"D20261127900"_qs;
    QTest::addRow("duplicate") << OpsQueue::Duplicate << u"D20261127901"_qs;
    QTest::addRow("failed refunds") << OpsQueue::FailedRefunds << u"D20261127006"_qs;
    QTest::addRow("frozen") << OpsQueue::Frozen << u"D20261127903"_qs;
}

void TestOpsQueues::channelFilterInEveryQueue()
{
    QFETCH(OpsQueue, queue);
    QFETCH(QString, orderNo);
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    filter.search = orderNo;
    auto all = m_reader->page(queue, filter, nullptr, 10);
    QVERIFY(all.has_value());
    QCOMPARE(all->size(), 1);
    // The row's own channel; a frozen order has none shown, so one of its flows' channels.
    const QString channel = queue == OpsQueue::Frozen
        ? scalar(u"SELECT f.channel FROM payment_flows f JOIN trade_orders t ON t.id = f.trade_id"
                 " WHERE t.out_trade_no = '%1' LIMIT 1"_qs.arg(orderNo))
        : all->front().channel;
    QVERIFY(!channel.isEmpty());
    const QString unused = scalar(u"SELECT c FROM (SELECT 'coupon' AS c UNION SELECT 'wallet' UNION SELECT 'card'"
                                  " UNION SELECT 'qr_a' UNION SELECT 'qr_b') WHERE c NOT IN (SELECT f.channel FROM"
                                  " payment_flows f JOIN trade_orders t ON t.id = f.trade_id WHERE t.out_trade_no"
                                  " = '%1') ORDER BY c LIMIT 1"_qs.arg(orderNo));
    QVERIFY(!unused.isEmpty());

    filter.search.clear();
    filter.channel = channel;
    QList<qint64> keys = pageAll(queue, filter, 10);
    QVERIFY(keys.contains(all->front().key));
    QCOMPARE(m_reader->count(queue, filter).value_or(-1), qint64(keys.size()));
    filter.channel = unused;
    QVERIFY(!pageAll(queue, filter, 10).contains(all->front().key));
    QCOMPARE(m_reader->count(queue, filter).value_or(-1), qint64(pageAll(queue, filter, 10).size()));
    // Amount bounds around the row's own amount.
    filter.channel.clear();
    filter.minAmountMinor = all->front().amountMinor;
    filter.maxAmountMinor = all->front().amountMinor;
    QVERIFY(pageAll(queue, filter, 10).contains(all->front().key));
    filter.minAmountMinor = all->front().amountMinor + 1;
    filter.maxAmountMinor = -1;
    QVERIFY(!pageAll(queue, filter, 10).contains(all->front().key));
    // Older than its age: gone; younger: kept.
    filter.minAmountMinor = -1;
    filter.olderThanMs = m_nowMs - all->front().atMs + 60'000;
    QVERIFY(!pageAll(queue, filter, 10).contains(all->front().key));
    filter.olderThanMs = std::max<qint64>(1, m_nowMs - all->front().atMs - 60'000);
    if (m_nowMs - all->front().atMs > 60'000)
        QVERIFY(pageAll(queue, filter, 10).contains(all->front().key));
}

void TestOpsQueues::exportFollowsFilterAndSort()
{
    addManyBreaks();
    const auto cleanup = qScopeGuard([this] { removeManyBreaks(); });
    OpsQueueFilter filter;
    filter.includeSettled = true; // the demo's cases are settled: read them as history
    filter.nowMs = m_nowMs;
    filter.channel = u"wallet"_qs;
    filter.sortBy = OpsQueueSort::Amount;
    filter.descending = false;
    const QList<BreakRef> expected = referenceBreaks(filter);
    QVERIFY(expected.size() >= 5);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    // Pages of two rows: the export walks the same (amount, key) cursor.
    auto written = m_reader->exportCsv(OpsQueue::Breaks, filter, out, {}, 2);
    QVERIFY(written.has_value());
    QCOMPARE(*written, qint64(expected.size()));
    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), expected.size() + 1);
    const QList<QByteArray> header = lines.front().split(',');
    const qsizetype amountColumn = header.indexOf("amount_minor");
    const qsizetype channelColumn = header.indexOf("channel");
    const qsizetype breakColumn = header.indexOf("break_id");
    QVERIFY(amountColumn >= 0 && channelColumn >= 0 && breakColumn >= 0);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i + 1).split(',');
        QCOMPARE(fields.at(channelColumn), QByteArray("wallet"));
        QCOMPARE(fields.at(amountColumn).toLongLong(), expected.at(i).amount);
        QCOMPARE(fields.at(breakColumn).toLongLong(), expected.at(i).id);
    }
}

QTEST_GUILESS_MAIN(TestOpsQueues)
#include "tst_opsqueues.moc"
