#include "cardchannel.h"

using namespace Qt::StringLiterals;

namespace pay {

CardChannel::CardChannel(Clock *clock, ChannelBooks *books, QObject *parent)
    : SimulatedChannel(u"card"_s, Kind::Card, clock, books, parent)
{
    setFaultProfile(defaultProfile());
    setFeeBps(55);
}

FaultProfile CardChannel::defaultProfile()
{
    FaultProfile p;
    p.latency = LatencyModel::uniform(800, 2500); // a person enters a PIN
    p.timeoutMs = 60'000;
    p.declineCodes = {u"DECLINED"_s, u"INSUFFICIENT_FUNDS"_s, u"EXPIRED_CARD"_s};
    return p;
}

QString CardChannel::makeTxnNo(qint64 sequence, qint64) const
{
    return u"RRN%1"_s.arg(sequence, 12, 10, QLatin1Char('0'));
}

QString CardChannel::makeRefundNo(qint64 sequence, qint64) const
{
    return u"RRF%1"_s.arg(sequence, 12, 10, QLatin1Char('0'));
}

} // namespace pay
