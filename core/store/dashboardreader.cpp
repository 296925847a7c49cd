#include "dashboardreader.h"

#include "database.h"

#include <QSqlQuery>

namespace pay {

DashboardReader::DashboardReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
}

DashboardReader::~DashboardReader() = default;

Result<std::unique_ptr<DashboardReader>> DashboardReader::open(const QString &path)
{
    Database::Options options;
    options.mode = Database::Mode::ReadOnly;
    options.create = false;
    auto db = Database::open(path, options);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<DashboardReader>(new DashboardReader(std::move(*db)));
}

const QString &DashboardReader::path() const
{
    return m_db->path();
}

LatencyBucket DashboardReader::latencyBucketFor(qint64 settleMs)
{
    if (settleMs < 1000)
        return LatencyBucket::UnderOneSecond;
    if (settleMs < 5000)
        return LatencyBucket::OneToFiveSeconds;
    if (settleMs < 30'000)
        return LatencyBucket::FiveToThirtySeconds;
    if (settleMs < 5 * 60'000)
        return LatencyBucket::ThirtySecondsToFiveMinutes;
    return LatencyBucket::OverFiveMinutes;
}

Result<DashboardData> DashboardReader::read(qint64 bucketMs)
{
    if (bucketMs <= 0)
        bucketMs = kDefaultBucketMs;
    DashboardData data;
    // Integer division floors for the non-negative epoch times stored here.
    const QString bucket = QStringLiteral("(%1 / %2) * %2");

    {
        QSqlQuery &q = m_db->prepared(
            QStringLiteral("SELECT channel, method, currency, count(*), sum(amount) FROM payment_flows"
                           " WHERE status = 'SUCCEEDED' GROUP BY channel, method, currency ORDER BY channel, "
                           "method, currency"));
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QStringLiteral("dashboard channels")));
        while (q.next())
            data.channels.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toLongLong(), q.value(4).toLongLong()});
        q.finish();
    }
    {
        QSqlQuery &q = m_db->prepared(
            QStringLiteral("SELECT channel, %1 AS b, sum(status = 'SUCCEEDED'), sum(status = 'FAILED')"
                           " FROM payment_flows WHERE status IN ('SUCCEEDED', 'FAILED')"
                           " GROUP BY channel, b ORDER BY channel, b")
                .arg(bucket.arg(QStringLiteral("updated_at")).arg(bucketMs)));
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QStringLiteral("dashboard outcomes")));
        while (q.next())
            data.outcomes.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                q.value(3).toLongLong()});
        q.finish();
    }
    {
        QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT CASE WHEN d < 1000 THEN 0 WHEN d < 5000 THEN 1 "
                                                     "WHEN d < 30000 THEN 2 WHEN d < 300000 THEN 3"
                                                     " ELSE 4 END AS k, count(*)"
                                                     " FROM (SELECT updated_at - created_at AS d FROM "
                                                     "payment_flows WHERE status = 'SUCCEEDED') GROUP BY k"));
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QStringLiteral("dashboard latency")));
        while (q.next()) {
            const int k = q.value(0).toInt();
            if (k >= 0 && k < kLatencyBucketCount)
                data.latency[k] = q.value(1).toLongLong();
        }
        q.finish();
    }
    {
        QSqlQuery &q = m_db->prepared(QStringLiteral(
            "SELECT %1 AS b, count(*) FROM payment_flows"
            " WHERE status IN ('PAYING', 'PREPAID') OR recon_pending = 1 GROUP BY b ORDER BY b")
                                          .arg(bucket.arg(QStringLiteral("created_at")).arg(bucketMs)));
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QStringLiteral("dashboard stuck")));
        while (q.next())
            data.stuck.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
    }
    {
        QSqlQuery &q = m_db->prepared(
            QStringLiteral("SELECT category, count(*) FROM recon_breaks WHERE state IN ('OPEN', 'HELD')"
                           " GROUP BY category ORDER BY category"));
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QStringLiteral("dashboard breaks")));
        while (q.next())
            data.breaks.append({q.value(0).toString(), q.value(1).toLongLong()});
        q.finish();
    }
    return data;
}

} // namespace pay
