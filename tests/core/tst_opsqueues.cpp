#include "engine/demoseed.h"
#include "store/database.h"
#include "store/opsqueues.h"
#include "testsupport.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTest>

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

private:
    QString scalar(const QString &sql);

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
    QTest::addRow("frozen") << OpsQueue::Frozen << qint64(1) << u"D20261127903"_qs << u"PAID"_qs;
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
    filter.nowMs = m_nowMs;
    auto n = m_reader->count(queue, filter);
    QVERIFY(n.has_value());
    QCOMPARE(*n, count);
    auto rows = m_reader->page(queue, filter, 0, 50);
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
    filter.nowMs = m_nowMs;
    filter.search = scalar(sql);
    QVERIFY(!filter.search.isEmpty());
    auto rows = m_reader->page(queue, filter, 0, 50);
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
    filter.nowMs = m_nowMs;
    filter.search = u"D20261127900"_qs;
    for (OpsQueue q : {OpsQueue::Stuck, OpsQueue::Duplicate, OpsQueue::Frozen, OpsQueue::Breaks})
        QCOMPARE(m_reader->count(q, filter).value_or(-1), qint64(0));
    filter.search = u"NO-SUCH-ID"_qs;
    QCOMPARE(m_reader->count(OpsQueue::ClosedButPaid, filter).value_or(-1), qint64(0));
    QCOMPARE(m_reader->page(OpsQueue::Breaks, filter, 0, 10).value_or(QList<OpsQueueRow>{{}}).size(), 0);
}

void TestOpsQueues::pagesByKeyInBothDirections()
{
    OpsQueueFilter filter;
    filter.nowMs = m_nowMs;
    for (bool newestFirst : {true, false}) {
        filter.newestFirst = newestFirst;
        QList<qint64> keys;
        qint64 cursor = 0;
        for (;;) {
            auto rows = m_reader->page(OpsQueue::Breaks, filter, cursor, 1);
            QVERIFY(rows.has_value());
            if (rows->isEmpty())
                break;
            keys.append(rows->front().key);
            cursor = rows->front().key;
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
    filter.nowMs = m_nowMs;
    filter.stuckAfterMs = 365LL * 24 * 3600 * 1000;
    auto rows = m_reader->page(OpsQueue::Stuck, filter, 0, 10);
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->front().orderNo, u"D20261127902"_qs);
    QVERIFY(rows->front().reconPending);
    QCOMPARE(rows->front().channel, u"card"_qs);
}

void TestOpsQueues::exportWritesEveryFilteredRow()
{
    OpsQueueFilter filter;
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

void TestOpsQueues::exportStopsWhenAsked()
{
    OpsQueueFilter filter;
    filter.nowMs = m_nowMs;
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    auto written = m_reader->exportCsv(OpsQueue::Breaks, filter, out, [](qint64, qint64) { return false; }, 1);
    QVERIFY(written.has_value());
    QCOMPARE(*written, qint64(1));
}

QTEST_GUILESS_MAIN(TestOpsQueues)
#include "tst_opsqueues.moc"
