#pragma once

#include "simulatedchannel.h"

namespace pay {

// Vouchers (channel "coupon"). PayRequest::account is the voucher code. A voucher is single
// use and pays any amount up to its value; the voucher is then used up and no change is
// given, so the engine should ask for min(value, amount due). More than the value is refused
// (AMOUNT_EXCEEDS_VOUCHER). Refunds restore the voucher and must cover the whole payment
// (PARTIAL_REFUND_NOT_SUPPORTED otherwise). Decline codes: VOUCHER_NOT_FOUND, VOUCHER_USED,
// VOUCHER_EXPIRED, VOUCHER_NOT_YET_VALID, CURRENCY_MISMATCH, AMOUNT_EXCEEDS_VOUCHER.
class CouponChannel : public SimulatedChannel
{
    Q_OBJECT
public:
    CouponChannel(Clock *clock, ChannelBooks *books, QObject *parent = nullptr);
    // The channel's voucher look-up (what a cashier sees after scanning a voucher code).
    Result<ChannelBooks::Voucher> voucher(const QString &code) const;

protected:
    ChannelResult debit(const PayRequest &request) override;
    ChannelResult credit(const ChannelBooks::Order &order, qint64 amountMinor) override;
    QString makeTxnNo(qint64 sequence, qint64 nowMs) const override;
};

} // namespace pay
