#include "couponchannel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace pay {

CouponChannel::CouponChannel(Clock *clock, ChannelBooks *books, QObject *parent)
    : SimulatedChannel(u"coupon"_s, Kind::Coupon, clock, books, parent)
{
}

Result<ChannelBooks::Voucher> CouponChannel::voucher(const QString &code) const
{
    auto v = books()->voucher(code);
    if (!v)
        return std::unexpected(v.error());
    if (!v->has_value())
        return fail(ErrorCode::NotFound, tr("No voucher %1").arg(code));
    return **v;
}

ChannelResult CouponChannel::debit(const PayRequest &request)
{
    auto found = books()->voucher(request.account);
    if (!found)
        return booksError(found.error());
    if (!found->has_value())
        return makeResult(
            ChannelOutcome::Failed, u"VOUCHER_NOT_FOUND"_s, tr("No voucher %1").arg(request.account));
    const ChannelBooks::Voucher &v = **found;
    const qint64 now = nowMs();
    if (!v.usedByFlowNo.isEmpty())
        return makeResult(
            ChannelOutcome::Failed, u"VOUCHER_USED"_s, tr("Voucher %1 was already used").arg(v.code));
    if (now < v.validFromMs)
        return makeResult(ChannelOutcome::Failed, u"VOUCHER_NOT_YET_VALID"_s,
            tr("Voucher %1 is not valid yet").arg(v.code));
    if (now >= v.validToMs)
        return makeResult(
            ChannelOutcome::Failed, u"VOUCHER_EXPIRED"_s, tr("Voucher %1 has expired").arg(v.code));
    if (v.currency != request.amount.currency().code())
        return makeResult(ChannelOutcome::Failed, u"CURRENCY_MISMATCH"_s,
            tr("Voucher %1 is in %2").arg(v.code, v.currency));
    if (request.amount.minor() > v.valueMinor)
        return makeResult(ChannelOutcome::Failed, u"AMOUNT_EXCEEDS_VOUCHER"_s,
            tr("Voucher %1 covers at most %2 minor units").arg(v.code).arg(v.valueMinor));
    if (auto r = books()->setVoucherUsedBy(v.code, request.flowNo); !r)
        return booksError(r.error());
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

ChannelResult CouponChannel::credit(const ChannelBooks::Order &order, qint64 amountMinor)
{
    if (order.refundedMinor != 0 || amountMinor != order.amountMinor)
        return makeResult(ChannelOutcome::Failed, u"PARTIAL_REFUND_NOT_SUPPORTED"_s,
            tr("A voucher payment can only be refunded whole"));
    if (auto r = books()->setVoucherUsedBy(order.account, {}); !r)
        return booksError(r.error());
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

QString CouponChannel::makeTxnNo(qint64 sequence, qint64 now) const
{
    return u"CPN"_s + QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(u"yyyyMMdd"_s)
        + u"%1"_s.arg(sequence, 8, 10, QLatin1Char('0'));
}

} // namespace pay
