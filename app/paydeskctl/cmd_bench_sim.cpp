// paydeskctl bench sim: simulated orders per second of machine time on the peak-hour scenario.
#include "cliutil.h"
#include "commands.h"
#include "datapaths.h"

#include "channel/channelbooks.h"
#include "store/transaction.h"
#include "sim/simulationrunner.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QThread>

namespace pay::cli {

int benchSim(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("Simulation", "Simulated orders per second of machine time."));
    p.addHelpOption();
    p.addOption({QStringLiteral("scenario"), QCoreApplication::translate("Simulation", "Scenario (default: the shipped peak-hour)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("orders"), QCoreApplication::translate("Simulation", "Orders (default 10000)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("seed"), QCoreApplication::translate("Simulation", "Seed (default 1)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("json"), QCoreApplication::translate("Simulation", "Print JSON.")});
    if (!parseOrExit(p, QStringLiteral("bench sim"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    QString path = p.value(QStringLiteral("scenario"));
    if (path.isEmpty())
        path = QStringLiteral("peak-hour");
    path = scenarioPath(path);
    auto scenario = Scenario::fromFile(path);
    if (!scenario)
        return reportError(scenario.error());
    SimulationOptions o;
    o.maxOrders = p.isSet(QStringLiteral("orders")) ? p.value(QStringLiteral("orders")).toLongLong() : 10'000;
    o.seed = p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toULongLong() : 1;
    const quint64 commits0 = TransactionGuard::commitCount();
    const quint64 bookCommits0 = ChannelBooks::Transaction::commitCount();
    auto r = SimulationRunner::run(*scenario, o);
    const quint64 commits = TransactionGuard::commitCount() - commits0;
    const quint64 bookCommits = ChannelBooks::Transaction::commitCount() - bookCommits0;
    if (!r)
        return reportError(r.error());
    const double perSecond = r->machineSeconds > 0 ? double(r->orders) / r->machineSeconds : 0;
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("benchmark"), QStringLiteral("sim")},
                              {QStringLiteral("scenario"), r->scenario},
                              {QStringLiteral("seed"), QString::number(r->seed)},
                              {QStringLiteral("orders"), r->orders},
                              {QStringLiteral("events"), r->events},
                              {QStringLiteral("steps"), r->steps},
                              {QStringLiteral("fullChecks"), r->fullChecks},
                              {QStringLiteral("violations"), r->violations},
                              {QStringLiteral("virtualSeconds"), double(r->virtualMs) / 1000},
                              {QStringLiteral("machineSeconds"), r->machineSeconds},
                              {QStringLiteral("coreCommits"), qint64(commits)},
                              {QStringLiteral("bookCommits"), qint64(bookCommits)},
                              {QStringLiteral("ordersPerSecond"), perSecond},
                              {QStringLiteral("targetMet"), r->orders >= 10'000 && r->machineSeconds < 10},
                              {QStringLiteral("cpus"), QThread::idealThreadCount()},
                              {QStringLiteral("os"), QSysInfo::prettyProductName()}});
    } else {
        out() << QCoreApplication::translate("Simulation", "%1 orders (%2 events) in %3 s of machine time: %4 orders/s; %5 violations\n")
                     .arg(r->orders).arg(r->events).arg(r->machineSeconds, 0, 'f', 2).arg(perSecond, 0, 'f', 0).arg(r->violations);
    }
    return r->ok() ? 0 : 1;
}

} // namespace pay::cli
