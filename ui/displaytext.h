#pragma once

#include "domain/states.h"
#include "money/money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace pay {
enum class RefundReason;
enum class BreakCategory;
enum class BreakState;
enum class OpsQueue;
} // namespace pay

namespace pay::ui {

// How the UI shows core values: money with the locale's digits and separators, states in
// plain, translated words, times in one unambiguous pattern. Only for display: the raw values
// travel in the models' UnderlyingDataRole.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    // "¥1,234.50", "-¥0.05", "JP¥1,200", "KWD 1.250": integer arithmetic on minor units, never a
    // double. The symbol comes first; an unknown currency shows its code.
    static QString money(const Money &amount, const QLocale &locale = QLocale());
    static QString currencySymbol(Currency currency);

    static QString tradeStatus(TradeStatus status);
    static QString paymentStatus(PaymentStatus status);
    static QString flowStatus(FlowStatus status);
    static QString refundStatus(RefundStatus status);
    // Why a refund was made: "Duplicate payment" for DUPLICATE_PAYMENT, ...
    static QString refundReason(RefundReason reason);
    // A reconciliation break's category: "Missing at channel" for MISSING_AT_CHANNEL, ...
    static QString breakCategory(BreakCategory category);
    // A reconciliation break's state: "Open", "Held for the next statement", "Resolved".
    static QString breakState(BreakState state);
    // An operations work queue's name: "Stuck payments", "Closed but paid", ...
    static QString opsQueue(OpsQueue queue);
    // A payment channel in a customer's words: "coupon" -> "Coupon", "qr_a" -> "QR A".
    static QString paymentMethod(const QString &channel);

    // "2024-03-15 14:05:09" in local time.
    static QString dateTime(const QDateTime &time, const QLocale &locale = QLocale());
};

} // namespace pay::ui
