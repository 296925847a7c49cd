#pragma once

#include "channel/callbackingress.h"
#include "channel/cardchannel.h"
#include "channel/channelbooks.h"
#include "channel/couponchannel.h"
#include "channel/qrchannel.h"
#include "channel/walletchannel.h"
#include "engine/paymentengine.h"
#include "sim/clock.h"
#include "store/database.h"

#include <QTemporaryDir>

#include <memory>

namespace pay::test {

// Routes the engine's calls to the simulated channels by name (no isolation layer).
class DirectChannels : public ChannelAccess
{
public:
    QHash<QString, SimulatedChannel *> channels;
    QSet<QString> refused; // channels the routing check refuses

    bool knows(const QString &c) const override { return channels.contains(c); }
    bool isExternal(const QString &c) const override { return channels.value(c) && channels.value(c)->isExternal(); }
    bool isQr(const QString &c) const override
    {
        return channels.value(c) && channels.value(c)->kind() == Channel::Kind::Qr;
    }
    bool admits(const QString &c, const Money &, QString *reason) const override
    {
        if (refused.contains(c)) {
            *reason = QStringLiteral("circuit open");
            return false;
        }
        return true;
    }
    void prepay(const QString &c, const PayRequest &r, Channel::PrepayHandler h) override { channels[c]->prepay(r, std::move(h)); }
    void pay(const QString &c, const PayRequest &r, Channel::ResultHandler h) override { channels[c]->pay(r, std::move(h)); }
    void query(const QString &c, const QString &no, Channel::ResultHandler h) override { channels[c]->query(no, std::move(h)); }
    void close(const QString &c, const QString &no, Channel::ResultHandler h) override { channels[c]->close(no, std::move(h)); }
    void refund(const QString &c, const RefundRequest &r, Channel::ResultHandler h) override { channels[c]->refund(r, std::move(h)); }
    void queryRefund(const QString &c, const QString &no, Channel::ResultHandler h) override
    {
        channels[c]->queryRefund(no, std::move(h));
    }
};

// A whole payment core on a virtual clock: SQLite file, channel books in their own file,
// the five simulated channels, the callback ingress wired to the engine.
class EngineRig
{
public:
    explicit EngineRig(const QString &dir = QString());
    ~EngineRig();

    // Tears the engine down and builds a new one on the same files (a restart).
    void restart();

    QString dbPath;
    VirtualClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<ChannelBooks> books;
    std::unique_ptr<CouponChannel> coupon;
    std::unique_ptr<WalletChannel> wallet;
    std::unique_ptr<CardChannel> card;
    std::unique_ptr<QrChannel> qrA;
    std::unique_ptr<QrChannel> qrB;
    std::unique_ptr<CallbackIngress> ingress;
    DirectChannels access;
    std::unique_ptr<PaymentEngine> engine;
    EngineConfig config;

    Result<AcceptTicket> pay(const QString &no, qint64 amount, const QList<TenderLeg> &legs);
    OrderView view(const QString &no);
    qint64 walletBalance(const QString &member);

private:
    void build();
    QTemporaryDir m_tmp;
};

} // namespace pay::test
