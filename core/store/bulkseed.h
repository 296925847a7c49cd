#pragma once

#include "../error.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace pay {

class Database;

// Synthetic trade orders for benchmarks and demos: realistic subjects, amounts and a mix of
// every trade status, spread evenly over a time span with the newest order last. The same seed
// writes the same rows.
struct BulkSeedOptions
{
    qint64 count = 1'000'000;
    quint32 seed = 20240501;
    qint64 startMs = 1'704'067'200'000; // 2024-01-01T00:00:00Z
    qint64 spanMs = 366LL * 24 * 3600 * 1000;
    int rowsPerTransaction = 50'000;
    QStringList merchants = {QStringLiteral("M100001"), QStringLiteral("M100002"), QStringLiteral("M100003")};
};

// Appends options.count trade orders through one prepared statement, in transactions of
// options.rowsPerTransaction rows. Order numbers continue after the largest existing id, so
// seeding twice never collides. progress (if set) is called after every committed transaction
// with the number of rows written so far. Returns the number of rows written; on an error the
// current transaction is rolled back and earlier ones stay.
Result<qint64> bulkSeedTradeOrders(
    Database &db, const BulkSeedOptions &options, const std::function<void(qint64 written)> &progress = {});

} // namespace pay
