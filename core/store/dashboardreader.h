#pragma once

#include "../error.h"

#include <QList>
#include <QString>
#include <memory>

namespace pay {

class Database;

// Succeeded payment flows of one channel (and its method) in one currency.
struct ChannelTotal
{
    QString channel;
    QString method;
    QString currency;
    qint64 succeededCount = 0;
    qint64 succeededMinor = 0; // integer minor units
};

// Terminal outcomes of the flows of one channel last updated in one time bucket.
struct ChannelOutcomeBucket
{
    QString channel;
    qint64 bucketStartMs = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
};

// Settle time (updated_at - created_at) of succeeded flows, in fixed buckets.
enum class LatencyBucket {
    UnderOneSecond,
    OneToFiveSeconds,
    FiveToThirtySeconds,
    ThirtySecondsToFiveMinutes,
    OverFiveMinutes
};
constexpr int kLatencyBucketCount = 5;

// Flows still in flight (PAYING/PREPAID) or handed to reconciliation, by creation bucket.
struct StuckBucket
{
    qint64 bucketStartMs = 0;
    qint64 count = 0;
};

// Reconciliation breaks of one category still OPEN or HELD.
struct BreakCategoryCount
{
    QString category;
    qint64 count = 0;
};

struct DashboardData
{
    QList<ChannelTotal> channels; // by channel, then method, then currency
    QList<ChannelOutcomeBucket> outcomes; // by channel, then bucket
    qint64 latency[kLatencyBucketCount] = {}; // indexed by LatencyBucket
    QList<StuckBucket> stuck; // by bucket
    QList<BreakCategoryCount> breaks; // by category
};

// The dashboard's aggregates, read on its own read-only connection (WAL lets it read beside the
// writer). Each aggregate is one grouped query; on a large database they walk the flows once, so
// the dashboard reads them off demand (on show and on refresh), never on a timer.
class DashboardReader
{
public:
    static constexpr qint64 kDefaultBucketMs = 60 * 60 * 1000;

    ~DashboardReader();
    DashboardReader(const DashboardReader &) = delete;
    DashboardReader &operator=(const DashboardReader &) = delete;

    // Opens path read-only. The file must exist and have the current schema.
    static Result<std::unique_ptr<DashboardReader>> open(const QString &path);
    const QString &path() const;

    // Every aggregate; time buckets are bucketMs wide, aligned to multiples of bucketMs since the
    // epoch (bucketMs <= 0: kDefaultBucketMs).
    Result<DashboardData> read(qint64 bucketMs = kDefaultBucketMs);

    // Which latency bucket a settle time falls in (boundaries belong to the upper bucket).
    static LatencyBucket latencyBucketFor(qint64 settleMs);

private:
    explicit DashboardReader(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db;
};

} // namespace pay
