#pragma once

#include "channel/callbackingress.h"
#include "channel/cardchannel.h"
#include "channel/channelbooks.h"
#include "channel/couponchannel.h"
#include "channel/qrchannel.h"
#include "channel/walletchannel.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"

#include <QTemporaryDir>

#include <memory>

namespace pay::test {

// Every invariant `paydeskctl db check` checks that fails, one line each ("" when all hold).
QString invariantFailures(Database &db);

// The whole payment core on a virtual clock, through the real wiring (PaymentCore: SQLite file,
// channel books in their own file, the five simulated channels behind the gateway, the
// callback ingress wired to the engine). The raw pointers below are views into `core`.
class EngineRig
{
public:
    explicit EngineRig(const QString &dir = QString());
    ~EngineRig();

    // Tears the core down and builds a new one on the same files (a process restart).
    void restart();

    QString dbPath;
    VirtualClock clock;
    EngineConfig config;
    std::unique_ptr<PaymentCore> core;
    Database *db = nullptr;
    ChannelBooks *books = nullptr;
    SimulatedChannel *coupon = nullptr;
    SimulatedChannel *wallet = nullptr;
    SimulatedChannel *card = nullptr;
    QrChannel *qrA = nullptr;
    QrChannel *qrB = nullptr;
    CallbackIngress *ingress = nullptr;
    PaymentEngine *engine = nullptr;

    Result<AcceptTicket> pay(const QString &no, qint64 amount, const QList<TenderLeg> &legs);
    OrderView view(const QString &no);
    qint64 walletBalance(const QString &member);

private:
    void build();
    QTemporaryDir m_tmp;
};

} // namespace pay::test
