// paydeskctl simulate: runs a scenario headless on the virtual clock and prints the report.
#include "cliutil.h"
#include "commands.h"
#include "datapaths.h"
#include "sim/simulationrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

namespace pay::cli {

namespace {

bool parseSeeds(const QString &text, quint64 &from, quint64 &to)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() != 2)
        return false;
    bool a = false, b = false;
    from = parts[0].toULongLong(&a);
    to = parts[1].toULongLong(&b);
    return a && b && from <= to;
}

} // namespace

int simulateCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "Simulation", "Run a simulation scenario headless on the virtual clock and print its report. Exits 1 on any "
                      "invariant violation. Without --db the run uses a temporary directory."));
    p.addHelpOption();
    p.addOption({QStringLiteral("scenario"), QCoreApplication::translate("Simulation", "The scenario JSON file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("seed"), QCoreApplication::translate("Simulation", "Seed (default: the scenario's)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("seeds"), QCoreApplication::translate("Simulation", "Sweep seeds A to B inclusive; stops at the first failing seed."), QStringLiteral("A..B")});
    p.addOption({QStringLiteral("orders"), QCoreApplication::translate("Simulation", "At most N orders."), QStringLiteral("N")});
    p.addOption({QStringLiteral("db"), QCoreApplication::translate("Simulation", "A new database file for the run (refused if it exists)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), QCoreApplication::translate("Simulation", "Print the report as JSON.")});
    if (!parseOrExit(p, QStringLiteral("simulate"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString path = scenarioPath(requireOption(p, QStringLiteral("scenario"))); // a file, or a shipped scenario's name
    if (path.isEmpty())
        return 2;
    auto scenario = Scenario::fromFile(path);
    if (!scenario)
        return reportError(scenario.error());
    SimulationOptions o;
    if (p.isSet(QStringLiteral("orders")))
        o.maxOrders = p.value(QStringLiteral("orders")).toLongLong();
    const bool json = p.isSet(QStringLiteral("json"));

    if (p.isSet(QStringLiteral("seeds"))) {
        quint64 from = 0, to = 0;
        if (!parseSeeds(p.value(QStringLiteral("seeds")), from, to)) {
            err() << "paydeskctl simulate: --seeds wants A..B\n";
            return 2;
        }
        if (p.isSet(QStringLiteral("db"))) {
            err() << "paydeskctl simulate: --db cannot be used with --seeds\n";
            return 2;
        }
        QElapsedTimer t;
        t.start();
        QJsonArray runs;
        qint64 orders = 0;
        for (quint64 seed = from; seed <= to; ++seed) {
            o.seed = seed;
            auto r = SimulationRunner::run(*scenario, o);
            if (!r)
                return reportError(r.error());
            orders += r->orders;
            if (json)
                runs.append(QJsonObject{{QStringLiteral("seed"), QString::number(seed)}, {QStringLiteral("ok"), r->ok()},
                                        {QStringLiteral("orders"), r->orders}, {QStringLiteral("violations"), r->violations},
                                        {QStringLiteral("eventLogHash"), r->eventLogHash}});
            if (!r->ok()) {
                const QString replay = QStringLiteral("paydeskctl simulate --scenario %1 --seed %2").arg(path).arg(seed);
                if (json) {
                    printJson(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("firstFailingSeed"), QString::number(seed)},
                                          {QStringLiteral("replay"), replay}, {QStringLiteral("report"), r->toJson()}});
                } else {
                    out() << r->toText();
                    out() << QCoreApplication::translate("Simulation", "First failing seed: %1\nReplay: %2\n").arg(seed).arg(replay);
                }
                return 1;
            }
        }
        const double secs = double(t.nsecsElapsed()) / 1e9;
        if (json) {
            printJson(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("seeds"), qint64(to - from + 1)},
                                  {QStringLiteral("orders"), orders}, {QStringLiteral("seconds"), secs},
                                  {QStringLiteral("runs"), runs}});
        } else {
            out() << QCoreApplication::translate("Simulation", "%1 seeds (%2..%3), %4 orders, 0 violations in %5 s\n")
                         .arg(to - from + 1).arg(from).arg(to).arg(orders).arg(secs, 0, 'f', 1);
        }
        return 0;
    }

    if (p.isSet(QStringLiteral("seed")))
        o.seed = p.value(QStringLiteral("seed")).toULongLong();
    o.databasePath = p.value(QStringLiteral("db"));
    // A run starts from an empty database of its own: never the shop's, never an earlier run's.
    if (!o.databasePath.isEmpty() && QFileInfo::exists(o.databasePath)) {
        err() << QCoreApplication::translate("Simulation", "paydeskctl simulate: %1 exists; a simulation writes a new database file of its own\n")
                     .arg(o.databasePath);
        return 2;
    }
    auto r = SimulationRunner::run(*scenario, o);
    if (!r)
        return reportError(r.error());
    if (json)
        printJson(r->toJson());
    else
        out() << r->toText();
    out().flush();
    return r->ok() ? 0 : 1;
}

} // namespace pay::cli
