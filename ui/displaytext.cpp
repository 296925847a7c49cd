#include "displaytext.h"

#include "domain/entities.h"
#include "recon/reconbreak.h"
#include "store/opsqueues.h"

namespace pay::ui {

QString DisplayText::currencySymbol(Currency currency)
{
    const QString code = currency.code();
    struct Symbol
    {
        const char16_t *code;
        const char16_t *symbol;
    };
    static constexpr Symbol kSymbols[] = {
        {u"CNY", u"¥"},
        {u"USD", u"$"},
        {u"EUR", u"€"},
        {u"GBP", u"£"},
        {u"JPY", u"JP¥"},
        {u"HKD", u"HK$"},
        {u"TWD", u"NT$"},
        {u"SGD", u"S$"},
        {u"KRW", u"₩"},
    };
    for (const auto &s : kSymbols) {
        if (code == QStringView(s.code))
            return QString::fromUtf16(s.symbol);
    }
    return code.isEmpty() ? QString() : code + QChar(QChar::Nbsp);
}

QString DisplayText::money(const Money &amount, const QLocale &locale)
{
    const int digits = amount.currency().minorDigits();
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    // The magnitude as unsigned, so the most negative qint64 has a value too.
    const quint64 magnitude = amount.isNegative() ? 0 - quint64(amount.minor()) : quint64(amount.minor());
    QString text = locale.toString(magnitude / scale);
    if (digits > 0) {
        QString fraction = locale.toString(magnitude % scale);
        fraction.remove(locale.groupSeparator());
        const QString zero = locale.zeroDigit();
        while (fraction.size() < digits * zero.size())
            fraction.prepend(zero);
        text += locale.decimalPoint() + fraction;
    }
    text.prepend(currencySymbol(amount.currency()));
    if (amount.isNegative())
        text.prepend(locale.negativeSign());
    return text;
}

QString DisplayText::paymentMethod(const QString &channel)
{
    if (channel == QStringLiteral("coupon"))
        return tr("Coupon");
    if (channel == QStringLiteral("wallet"))
        return tr("Wallet");
    if (channel == QStringLiteral("points"))
        return tr("Points");
    if (channel == QStringLiteral("card"))
        return tr("Bank card");
    if (channel == QStringLiteral("qr_a"))
        return tr("QR A");
    if (channel == QStringLiteral("qr_b"))
        return tr("QR B");
    return channel;
}

QString DisplayText::tradeStatus(TradeStatus status)
{
    switch (status) {
    case TradeStatus::Created:
        return tr("Awaiting payment");
    case TradeStatus::Paying:
        return tr("Paying");
    case TradeStatus::Paid:
        return tr("Paid");
    case TradeStatus::PartiallyRefunded:
        return tr("Partially refunded");
    case TradeStatus::Refunded:
        return tr("Refunded");
    case TradeStatus::Closed:
        return tr("Closed");
    case TradeStatus::Closing:
        return tr("Closing");
    }
    return toString(status);
}

QString DisplayText::paymentStatus(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Accepted:
        return tr("Accepted");
    case PaymentStatus::Processing:
        return tr("Processing");
    case PaymentStatus::Succeeded:
        return tr("Succeeded");
    case PaymentStatus::Failed:
        return tr("Failed");
    case PaymentStatus::Closed:
        return tr("Closed");
    case PaymentStatus::Duplicate:
        return tr("Paid twice: being refunded");
    }
    return toString(status);
}

QString DisplayText::flowStatus(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Init:
        return tr("Not sent");
    case FlowStatus::Prepaid:
        return tr("Awaiting scan");
    case FlowStatus::Paying:
        return tr("Paying");
    case FlowStatus::Succeeded:
        return tr("Succeeded");
    case FlowStatus::Failed:
        return tr("Failed");
    case FlowStatus::Closed:
        return tr("Closed");
    }
    return toString(status);
}

QString DisplayText::refundStatus(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Accepted:
        return tr("Accepted");
    case RefundStatus::Processing:
        return tr("Processing");
    case RefundStatus::Succeeded:
        return tr("Refunded");
    case RefundStatus::Failed:
        return tr("Refund failed");
    }
    return toString(status);
}

QString DisplayText::refundReason(RefundReason reason)
{
    switch (reason) {
    case RefundReason::CustomerRequest:
        return tr("Customer request");
    case RefundReason::ClosedButPaid:
        return tr("Closed but paid");
    case RefundReason::DuplicatePayment:
        return tr("Duplicate payment");
    case RefundReason::PartialFailure:
        return tr("Partial payment failure");
    case RefundReason::Operator:
        return tr("Operator refund");
    case RefundReason::LateSuccess:
        return tr("Paid after it failed");
    }
    return toString(reason);
}

QString DisplayText::breakCategory(BreakCategory category)
{
    switch (category) {
    case BreakCategory::Matched:
        return tr("Matched");
    case BreakCategory::MissingAtChannel:
        return tr("Missing at channel");
    case BreakCategory::MissingLocally:
        return tr("Missing locally");
    case BreakCategory::AmountMismatch:
        return tr("Amount mismatch");
    case BreakCategory::StatusMismatch:
        return tr("Status mismatch");
    case BreakCategory::DuplicateInStatement:
        return tr("Duplicate in statement");
    case BreakCategory::Cutoff:
        return tr("Cut-off timing");
    case BreakCategory::TradePaymentMismatch:
        return tr("Order and payments disagree");
    case BreakCategory::ChannelStatusMismatch:
        return tr("Channel status differs");
    case BreakCategory::ChannelAmountMismatch:
        return tr("Channel amount differs");
    case BreakCategory::LedgerMismatch:
        return tr("Ledger out of balance");
    }
    return toString(category);
}

QString DisplayText::breakState(BreakState state)
{
    switch (state) {
    case BreakState::Open:
        return tr("Open");
    case BreakState::Held:
        return tr("Held for the next statement");
    case BreakState::Resolved:
        return tr("Resolved");
    }
    return {};
}

QString DisplayText::opsQueue(OpsQueue queue)
{
    switch (queue) {
    case OpsQueue::Stuck:
        return tr("Stuck payments");
    case OpsQueue::ClosedButPaid:
        return tr("Closed but paid");
    case OpsQueue::Duplicate:
        return tr("Duplicate payments");
    case OpsQueue::FailedRefunds:
        return tr("Failed refunds");
    case OpsQueue::Frozen:
        return tr("Frozen orders");
    case OpsQueue::Breaks:
        return tr("Reconciliation breaks");
    }
    return toString(queue);
}

QString DisplayText::dateTime(const QDateTime &time, const QLocale &locale)
{
    return locale.toString(time, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace pay::ui
