// paydeskctl: the headless PayDesk. A thin dispatcher; each subcommand lives in cmd_*.cpp.
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &);
};

const Command kCommands[] = {
    {"db", "db init|check --db FILE: create a database or check its integrity and invariants", pay::cli::dbCommand},
#ifdef PAYDESK_HAVE_STATEMENT
    {"statement", "export a simulated channel's daily statement", pay::cli::statementCommand},
#endif
    {"serve", "serve --db FILE [--bind ADDR] [--port N] [--token T]: run the core headless with the status endpoint", pay::cli::serveCommand},
    {"recon", "recon --db FILE --channel NAME --statement FILE [--format F] [--date D] [--json]: reconcile a statement", pay::cli::reconCommand},
    {"simulate", "simulate --scenario FILE [--seed N | --seeds A..B] [--db FILE] [--json]: run a simulation scenario headless", pay::cli::simulateCommand},
    {"stress", "stress crash: kill a child taking payments 50 times, restart, check nothing was lost", pay::cli::stressCommand},
    {"bench", "bench gateway|...: measure throughput and print figures", pay::cli::benchCommand},
};

int usage(QTextStream &out)
{
    out << "Usage: paydeskctl <command> [options]\n\nCommands:\n";
    for (const auto &c : kCommands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(10) << ' ' << c.summary << '\n';
    out << "\nRun 'paydeskctl <command> --help' for a command's options.\n";
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("paydeskctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (!args.isEmpty() && (args.first() == QStringLiteral("--version") || args.first() == QStringLiteral("-v"))) {
        QTextStream(stdout) << "paydeskctl " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")) {
        QTextStream out(stdout);
        return args.isEmpty() ? usage(err) : (usage(out), 0);
    }
    const QString name = args.takeFirst();
    for (const auto &c : kCommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    err << "paydeskctl: unknown command '" << name << "'\n";
    return usage(err);
}
