#include "bulkseed.h"

#include "../domain/states.h"
#include "database.h"
#include "transaction.h"

#include <QDate>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <array>

namespace pay {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kOrderTimeoutMs = 15LL * 60 * 1000;

struct Item
{
    const char16_t *subject;
    qint64 priceMinor;
};

// What a cafe-and-convenience till sells; a basket is one to three of a kind.
constexpr Item kItems[] = {
    {u"Latte", 2800},
    {u"Americano", 2200},
    {u"Jasmine tea", 1800},
    {u"Croissant", 1500},
    {u"Lunch set A", 3990},
    {u"Lunch set B", 4590},
    {u"Bottled water", 300},
    {u"Phone charger", 6900},
    {u"Notebook", 1250},
    {u"Umbrella", 4500},
    {u"Membership top-up", 20000},
    {u"Gift card", 50000},
    {u"Parking fee", 1000},
    {u"Movie ticket", 4500},
    {u"Fruit box", 3680},
    {u"Birthday cake", 16800},
};

struct StatusWeight
{
    TradeStatus status;
    int weight;
};

// Mostly paid orders, as a real till has; every status is present.
constexpr StatusWeight kStatusMix[] = {
    {TradeStatus::Paid, 62},
    {TradeStatus::Closed, 14},
    {TradeStatus::Refunded, 6},
    {TradeStatus::PartiallyRefunded, 5},
    {TradeStatus::Created, 8},
    {TradeStatus::Paying, 5},
};

TradeStatus pickStatus(QRandomGenerator &rng)
{
    int total = 0;
    for (const auto &w : kStatusMix)
        total += w.weight;
    int r = int(rng.bounded(total));
    for (const auto &w : kStatusMix) {
        if (r < w.weight)
            return w.status;
        r -= w.weight;
    }
    return TradeStatus::Paid;
}

} // namespace

Result<qint64> bulkSeedTradeOrders(
    Database &db, const BulkSeedOptions &options, const std::function<void(qint64 written)> &progress)
{
    if (options.count < 0 || options.rowsPerTransaction <= 0 || options.merchants.isEmpty()
        || options.spanMs < 0)
        return fail(
            ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "Invalid bulk seed options"));

    qint64 firstSeq = 1;
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM trade_orders")) || !q.next())
            return std::unexpected(
                Database::errorFrom(q, QCoreApplication::translate("Store", "Read trade orders")));
        firstSeq = q.value(0).toLongLong() + 1;
    }

    // One statement, positional binds: the driver re-executes it without parsing SQL again.
    QSqlQuery insert(db.db());
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount, currency, status, "
            "paid_amount,"
            " refunded_amount, frozen, freeze_reason, expires_at, created_at, updated_at, version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")))
        return std::unexpected(
            Database::errorFrom(insert, QCoreApplication::translate("Store", "Insert trade order")));

    std::array<QString, std::size(kStatusMix)> statusNames;
    for (std::size_t i = 0; i < std::size(kStatusMix); ++i)
        statusNames[i] = toString(kStatusMix[i].status);
    auto statusName = [&statusNames](TradeStatus s) {
        for (std::size_t i = 0; i < std::size(kStatusMix); ++i) {
            if (kStatusMix[i].status == s)
                return statusNames[i];
        }
        return toString(s);
    };
    const QString currency = QStringLiteral("CNY");
    const QString frozenReason = QStringLiteral("Callback amount differs from the requested amount");
    const QVariant noReason(QMetaType(QMetaType::QString));

    QRandomGenerator rng(options.seed);
    const qint64 count = options.count;
    const qint64 stepMs = count > 0 ? options.spanMs / count : 0;
    const qint64 stepRemainder = count > 0 ? options.spanMs % count : 0;
    qint64 cachedDay = std::numeric_limits<qint64>::min();
    QString dayPrefix;

    qint64 written = 0;
    while (written < count) {
        const qint64 batchEnd = std::min(count, written + options.rowsPerTransaction);
        TransactionGuard tx(db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        for (qint64 i = written; i < batchEnd; ++i) {
            const qint64 createdMs = options.startMs + stepMs * i + stepRemainder * i / count;
            if (const qint64 day = createdMs / kDayMs; day != cachedDay) {
                cachedDay = day;
                dayPrefix = QStringLiteral("PD")
                    + QDate(1970, 1, 1).addDays(day).toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-');
            }
            const qint64 seq = firstSeq + i;
            const Item &item = kItems[rng.bounded(int(std::size(kItems)))];
            const int quantity = 1 + int(rng.bounded(3));
            const qint64 amount = item.priceMinor * quantity;
            const QString subject = quantity == 1
                ? QString::fromUtf16(item.subject)
                : QString::fromUtf16(item.subject) + QStringLiteral(" ×") + QString::number(quantity);
            const TradeStatus status = pickStatus(rng);
            qint64 paid = 0;
            qint64 refunded = 0;
            qint64 updatedMs = createdMs;
            switch (status) {
            case TradeStatus::Paid:
                paid = amount;
                updatedMs += 2000 + rng.bounded(20000);
                break;
            case TradeStatus::PartiallyRefunded:
                paid = amount;
                refunded = 1 + qint64(rng.bounded(quint32(amount - 1)));
                updatedMs += kDayMs / 4 + rng.bounded(quint32(kDayMs / 2));
                break;
            case TradeStatus::Refunded:
                paid = amount;
                refunded = amount;
                updatedMs += kDayMs / 4 + rng.bounded(quint32(kDayMs / 2));
                break;
            case TradeStatus::Closed:
                updatedMs += kOrderTimeoutMs;
                break;
            case TradeStatus::Created:
            case TradeStatus::Paying:
            case TradeStatus::Closing: // not picked: a close in progress lasts seconds
                updatedMs += rng.bounded(5000);
                break;
            }
            const bool frozen = rng.bounded(2000) == 0;

            insert.bindValue(0, options.merchants.at(qsizetype(seq % options.merchants.size())));
            insert.bindValue(
                1, QString(dayPrefix + QString::number(seq).rightJustified(7, QLatin1Char('0'))));
            insert.bindValue(2, subject);
            insert.bindValue(3, amount);
            insert.bindValue(4, currency);
            insert.bindValue(5, statusName(status));
            insert.bindValue(6, paid);
            insert.bindValue(7, refunded);
            insert.bindValue(8, frozen ? 1 : 0);
            insert.bindValue(9, frozen ? QVariant(frozenReason) : noReason);
            insert.bindValue(10, createdMs + kOrderTimeoutMs);
            insert.bindValue(11, createdMs);
            insert.bindValue(12, updatedMs);
            insert.bindValue(13, status == TradeStatus::Created ? 0 : 2);
            if (!insert.exec())
                return std::unexpected(
                    Database::errorFrom(insert, QCoreApplication::translate("Store", "Insert trade order")));
        }
        if (auto r = tx.commit(); !r)
            return std::unexpected(r.error());
        written = batchEnd;
        if (progress)
            progress(written);
    }
    return written;
}

} // namespace pay
