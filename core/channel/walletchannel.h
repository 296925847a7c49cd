#pragma once

#include "simulatedchannel.h"

namespace pay {

// Stored-value balances per member (channel "wallet"). PayRequest::account is the member id.
// Decline codes: MEMBER_NOT_FOUND, CURRENCY_MISMATCH, INSUFFICIENT_FUNDS (all definite).
class WalletChannel : public SimulatedChannel
{
    Q_OBJECT
public:
    WalletChannel(Clock *clock, ChannelBooks *books, QObject *parent = nullptr);
    Result<ChannelBooks::Member> member(const QString &memberId) const;

protected:
    ChannelResult debit(const PayRequest &request) override;
    ChannelResult credit(const ChannelBooks::Order &order, qint64 amountMinor) override;
    QString makeTxnNo(qint64 sequence, qint64 nowMs) const override;
};

} // namespace pay
