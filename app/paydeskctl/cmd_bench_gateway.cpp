// paydeskctl bench gateway: calls per second through ChannelGateway to a channel that answers at
// once, against calling that channel directly; the difference is the gateway's cost per call.
#include "channel/channelgateway.h"
#include "cliutil.h"
#include "commands.h"
#include "sim/clock.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSysInfo>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace pay::cli {

namespace {

// Answers every call on the next event-loop turn with success: the cheapest "later" there is,
// so what is measured is the path around the channel.
class InstantChannel final : public Channel
{
public:
    using Channel::Channel;
    QString name() const override { return u"instant"_s; }
    Kind kind() const override { return Kind::Card; }
    void prepay(const PayRequest &, PrepayHandler handler) override
    {
        QMetaObject::invokeMethod(
            this, [handler] { handler(ok(), PrepayInfo {}); }, Qt::QueuedConnection);
    }
    void pay(const PayRequest &, ResultHandler handler) override { answer(std::move(handler)); }
    void query(const QString &, ResultHandler handler) override { answer(std::move(handler)); }
    void close(const QString &, ResultHandler handler) override { answer(std::move(handler)); }
    void refund(const RefundRequest &, ResultHandler handler) override { answer(std::move(handler)); }
    void queryRefund(const QString &, ResultHandler handler) override { answer(std::move(handler)); }
    Result<QList<StatementLine>> statement(QDate) override { return QList<StatementLine> {}; }

private:
    static ChannelResult ok()
    {
        ChannelResult r;
        r.outcome = ChannelOutcome::Succeeded;
        r.code = u"SUCCESS"_s;
        return r;
    }
    void answer(ResultHandler handler)
    {
        QMetaObject::invokeMethod(
            this, [handler = std::move(handler)] { handler(ok()); }, Qt::QueuedConnection);
    }
};

// Keeps `window` calls outstanding until `total` have completed; returns elapsed nanoseconds.
qint64 drive(qint64 total, int window, const std::function<void(Channel::ResultHandler)> &call)
{
    QEventLoop loop;
    qint64 issued = 0;
    qint64 done = 0;
    std::function<void()> issue;
    issue = [&] {
        ++issued;
        call([&](const ChannelResult &) {
            ++done;
            if (issued < total)
                issue();
            else if (done == total)
                loop.quit();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < window && issued < total; ++i)
        issue();
    loop.exec();
    return timer.nsecsElapsed();
}

} // namespace

int benchGateway(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Calls per second through the channel gateway to an instant channel, and the "
        "gateway's overhead per call compared with calling the channel directly "
        "(real clock, real event loop). Best of several rounds."_s);
    p.addHelpOption();
    p.addOption({u"json"_s, u"Print JSON."_s});
    p.addOption({u"calls"_s, u"Calls per round."_s, u"N"_s, u"200000"_s});
    p.addOption({u"window"_s, u"Calls kept outstanding."_s, u"N"_s, u"64"_s});
    p.addOption({u"rounds"_s, u"Rounds of each kind."_s, u"N"_s, u"5"_s});
    if (!parseOrExit(p, u"bench gateway"_s, args))
        return p.isSet(u"help"_s) ? 0 : 2;
    const qint64 calls = qMax<qint64>(1, p.value(u"calls"_s).toLongLong());
    const int window = qMax(1, p.value(u"window"_s).toInt());
    const int rounds = qMax(1, p.value(u"rounds"_s).toInt());

    RealClock clock;
    InstantChannel channel;
    ChannelGateway gateway(&clock);
    ChannelPolicy policy;
    policy.maxInFlight = window;
    policy.maxQueue = 0;
    policy.callTimeoutMs = 10'000;
    if (auto added = gateway.addChannel(&channel, policy); !added)
        return reportError(added.error());
    PayRequest request;
    request.flowNo = u"BENCH-1"_s;
    request.amount = Money(100, Currency::cny());

    auto direct = [&](Channel::ResultHandler h) { channel.pay(request, std::move(h)); };
    auto through = [&](Channel::ResultHandler h) { gateway.pay(u"instant"_s, request, std::move(h)); };
    // Warm up both paths (allocators, caches) before measuring.
    drive(qMin<qint64>(calls, 20'000), window, direct);
    drive(qMin<qint64>(calls, 20'000), window, through);
    qint64 bestDirect = std::numeric_limits<qint64>::max();
    qint64 bestGateway = std::numeric_limits<qint64>::max();
    for (int i = 0; i < rounds; ++i) {
        bestDirect = std::min(bestDirect, drive(calls, window, direct));
        bestGateway = std::min(bestGateway, drive(calls, window, through));
    }
    const auto stats = gateway.stats(u"instant"_s);
    if (stats.rejectedBusy + stats.timeouts > 0)
        return reportError(
            {ErrorCode::Internal, u"the gateway refused or timed out calls during the bench"_s});

    const double directNs = double(bestDirect) / double(calls);
    const double gatewayNs = double(bestGateway) / double(calls);
    QJsonObject o {
        {u"bench"_s, u"gateway"_s},
        {u"calls"_s, calls},
        {u"window"_s, window},
        {u"rounds"_s, rounds},
        {u"direct_calls_per_s"_s, qRound64(1e9 / directNs)},
        {u"gateway_calls_per_s"_s, qRound64(1e9 / gatewayNs)},
        {u"direct_ns_per_call"_s, qRound64(directNs)},
        {u"gateway_ns_per_call"_s, qRound64(gatewayNs)},
        {u"overhead_ns_per_call"_s, qRound64(gatewayNs - directNs)},
        {u"machine"_s,
            QJsonObject {{u"cores"_s, QThread::idealThreadCount()}, {u"os"_s, QSysInfo::prettyProductName()},
                {u"qt"_s, QString::fromLatin1(qVersion())},
                {u"compiler"_s, QString(u"g++ "_s + QString::fromLatin1(__VERSION__))}}},
    };
    if (p.isSet(u"json"_s)) {
        printJson(o);
        return 0;
    }
    out() << "gateway: " << o.value(u"gateway_calls_per_s"_s).toInteger() << " calls/s ("
          << o.value(u"gateway_ns_per_call"_s).toInteger()
          << " ns/call); direct: " << o.value(u"direct_calls_per_s"_s).toInteger() << " calls/s ("
          << o.value(u"direct_ns_per_call"_s).toInteger() << " ns/call); overhead "
          << o.value(u"overhead_ns_per_call"_s).toInteger() << " ns/call\n";
    out().flush();
    return 0;
}

} // namespace pay::cli
