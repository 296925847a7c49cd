#pragma once

#include "simulatedchannel.h"

namespace pay {

// A bank card through a terminal (channel "card"): synchronous pay, no account. The terminal's
// own time-out is the profile's timeoutMs (default 60 s); declines come from the profile
// (e.g. DECLINED, INSUFFICIENT_FUNDS, EXPIRED_CARD). Transaction ids are retrieval reference
// numbers: "RRN" + 12 digits.
class CardChannel : public SimulatedChannel
{
    Q_OBJECT
public:
    CardChannel(Clock *clock, ChannelBooks *books, QObject *parent = nullptr);
    static FaultProfile defaultProfile();

protected:
    QString makeTxnNo(qint64 sequence, qint64 nowMs) const override;
    QString makeRefundNo(qint64 sequence, qint64 nowMs) const override;
};

} // namespace pay
