#include "engine/demoseed.h"
#include "store/dashboardreader.h"
#include "store/database.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using namespace pay;

// The dashboard's aggregates on the demo database, each checked against a plain query over the
// same rows, plus breaks written here (the demo has none).
class TestDashboardReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void channelTotalsMatchPlainQuery();
    void outcomesMatchPlainQuery();
    void latencyBucketFor_data();
    void latencyBucketFor();
    void latencyCoversEverySucceededFlow();
    void stuckMatchesInFlightFlows();
    void breaksCountOnlyOpenAndHeld();
    void readerIsReadOnly();

private:
    qint64 scalar(const QString &sql);

    test::TempDb m_tmp;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<DashboardReader> m_reader;
    DashboardData m_data;
};

qint64 TestDashboardReader::scalar(const QString &sql)
{
    QSqlQuery q(m_writer->db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestDashboardReader::initTestCase()
{
    auto seeded = seedDemoDatabase(m_tmp.path(), QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().message));
    auto db = Database::open(m_tmp.path());
    QVERIFY(db.has_value());
    m_writer = std::move(*db);
    QVERIFY(m_writer
                ->exec(QStringLiteral(
                    "INSERT INTO recon_breaks (channel, category, flow_no, state, created_at) VALUES"
                    " ('card', 'AMOUNT_MISMATCH', 'F-X1', 'OPEN', 1),"
                    " ('card', 'AMOUNT_MISMATCH', 'F-X2', 'HELD', 2),"
                    " ('qr_a', 'MISSING_LOCALLY', NULL, 'OPEN', 3),"
                    " ('qr_a', 'STATUS_MISMATCH', 'F-X3', 'RESOLVED', 4)"))
                .has_value());
    auto reader = DashboardReader::open(m_tmp.path());
    QVERIFY(reader.has_value());
    m_reader = std::move(*reader);
    auto data = m_reader->read();
    QVERIFY2(data.has_value(), qPrintable(data ? QString() : data.error().message));
    m_data = *data;
}

void TestDashboardReader::channelTotalsMatchPlainQuery()
{
    QVERIFY(m_data.channels.size() >= 4);
    qint64 count = 0;
    qint64 amount = 0;
    for (const ChannelTotal &c : std::as_const(m_data.channels)) {
        const QString where
            = QStringLiteral("WHERE status = 'SUCCEEDED' AND channel = '%1' AND method = '%2'")
                  .arg(c.channel, c.method);
        QCOMPARE(c.succeededCount, scalar(QStringLiteral("SELECT count(*) FROM payment_flows ") + where));
        QCOMPARE(c.succeededMinor, scalar(QStringLiteral("SELECT sum(amount) FROM payment_flows ") + where));
        QCOMPARE(c.currency, QStringLiteral("CNY"));
        count += c.succeededCount;
        amount += c.succeededMinor;
    }
    QCOMPARE(count, scalar(QStringLiteral("SELECT count(*) FROM payment_flows WHERE status = 'SUCCEEDED'")));
    QCOMPARE(
        amount, scalar(QStringLiteral("SELECT sum(amount) FROM payment_flows WHERE status = 'SUCCEEDED'")));
}

void TestDashboardReader::outcomesMatchPlainQuery()
{
    qint64 succeeded = 0;
    qint64 failed = 0;
    for (const ChannelOutcomeBucket &b : std::as_const(m_data.outcomes)) {
        QCOMPARE(b.bucketStartMs % DashboardReader::kDefaultBucketMs, 0);
        QVERIFY(b.succeeded + b.failed > 0);
        succeeded += b.succeeded;
        failed += b.failed;
    }
    QCOMPARE(
        succeeded, scalar(QStringLiteral("SELECT count(*) FROM payment_flows WHERE status = 'SUCCEEDED'")));
    QCOMPARE(failed, scalar(QStringLiteral("SELECT count(*) FROM payment_flows WHERE status = 'FAILED'")));
    QVERIFY(failed > 0);

    // A bucket width that puts everything of a day in one bucket per channel.
    auto wide = m_reader->read(1000LL * 60 * 60 * 24 * 365 * 100);
    QVERIFY(wide.has_value());
    const qint64 channels = scalar(QStringLiteral(
        "SELECT count(DISTINCT channel) FROM payment_flows WHERE status IN ('SUCCEEDED', 'FAILED')"));
    QCOMPARE(qint64(wide->outcomes.size()), channels);
}

void TestDashboardReader::latencyBucketFor_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<int>("bucket");
    QTest::addRow("0") << qint64(0) << int(LatencyBucket::UnderOneSecond);
    QTest::addRow("999") << qint64(999) << int(LatencyBucket::UnderOneSecond);
    QTest::addRow("1s") << qint64(1000) << int(LatencyBucket::OneToFiveSeconds);
    QTest::addRow("5s") << qint64(5000) << int(LatencyBucket::FiveToThirtySeconds);
    QTest::addRow("30s") << qint64(30'000) << int(LatencyBucket::ThirtySecondsToFiveMinutes);
    QTest::addRow("5min-1") << qint64(299'999) << int(LatencyBucket::ThirtySecondsToFiveMinutes);
    QTest::addRow("5min") << qint64(300'000) << int(LatencyBucket::OverFiveMinutes);
}

void TestDashboardReader::latencyBucketFor()
{
    QFETCH(qint64, ms);
    QFETCH(int, bucket);
    QCOMPARE(int(DashboardReader::latencyBucketFor(ms)), bucket);
}

void TestDashboardReader::latencyCoversEverySucceededFlow()
{
    qint64 expected[kLatencyBucketCount] = {};
    QSqlQuery q(m_writer->db());
    QVERIFY(q.exec(
        QStringLiteral("SELECT updated_at - created_at FROM payment_flows WHERE status = 'SUCCEEDED'")));
    while (q.next())
        ++expected[int(DashboardReader::latencyBucketFor(q.value(0).toLongLong()))];
    for (int i = 0; i < kLatencyBucketCount; ++i)
        QCOMPARE(m_data.latency[i], expected[i]);
}

void TestDashboardReader::stuckMatchesInFlightFlows()
{
    qint64 total = 0;
    for (const StuckBucket &b : std::as_const(m_data.stuck))
        total += b.count;
    const qint64 expected = scalar(QStringLiteral(
        "SELECT count(*) FROM payment_flows WHERE status IN ('PAYING', 'PREPAID') OR recon_pending = 1"));
    QVERIFY(expected > 0);
    QCOMPARE(total, expected);
}

void TestDashboardReader::breaksCountOnlyOpenAndHeld()
{
    QCOMPARE(m_data.breaks.size(), 2);
    QCOMPARE(m_data.breaks[0].category, QStringLiteral("AMOUNT_MISMATCH"));
    QCOMPARE(m_data.breaks[0].count, 2);
    QCOMPARE(m_data.breaks[1].category, QStringLiteral("MISSING_LOCALLY"));
    QCOMPARE(m_data.breaks[1].count, 1);
}

void TestDashboardReader::readerIsReadOnly()
{
    QVERIFY(!DashboardReader::open(m_tmp.path() + QStringLiteral(".missing")).has_value());
}

QTEST_GUILESS_MAIN(TestDashboardReader)
#include "tst_dashboardreader.moc"
