#pragma once

#include "../channel/channel.h"

namespace pay {

// What the engine needs from the channel gateway domain: the Channel operations addressed by
// channel name, plus the gateway's view of whether a channel may take a new request. The
// gateway's isolation (bulkhead, timeout, breaker, kill switch) sits behind it.
class ChannelAccess
{
public:
    virtual ~ChannelAccess() = default;

    virtual bool knows(const QString &channel) const = 0;
    virtual bool isExternal(const QString &channel) const = 0;
    virtual bool isQr(const QString &channel) const = 0;
    // Routing check before anything is sent: false with a reason when the breaker is open, the
    // channel is killed or in maintenance, or the amount is outside its limits.
    virtual bool admits(const QString &channel, const Money &amount, QString *reason) const = 0;

    virtual void prepay(const QString &channel, const PayRequest &request, Channel::PrepayHandler handler) = 0;
    virtual void pay(const QString &channel, const PayRequest &request, Channel::ResultHandler handler) = 0;
    virtual void query(const QString &channel, const QString &flowNo, Channel::ResultHandler handler) = 0;
    virtual void close(const QString &channel, const QString &flowNo, Channel::ResultHandler handler) = 0;
    virtual void refund(const QString &channel, const RefundRequest &request, Channel::ResultHandler handler) = 0;
    virtual void queryRefund(const QString &channel, const QString &refundNo, Channel::ResultHandler handler) = 0;
};

} // namespace pay
