#pragma once

#include "../error.h"

#include <QString>

namespace pay {

// Fills a new database with a few dozen realistic orders in every state, by running real
// payments through the engine and the simulated channels on a virtual clock that ends at the
// present: paid (single and combined), partially and fully refunded, failed and reversed,
// closed, closed-but-paid and refunded, duplicate and refunded, waiting for a QR scan, and
// stuck with an unknown result. Returns the number of orders created.
Result<int> seedDemoDatabase(const QString &path, qint64 endMs);

} // namespace pay
