#pragma once

#include <QStringList>

// Each paydeskctl subcommand: args are what follows the subcommand name. Returns the exit code.
namespace pay::cli {

int dbCommand(const QStringList &args);
int statementCommand(const QStringList &args);
int benchCommand(const QStringList &args);
int stressCommand(const QStringList &args);
int serveCommand(const QStringList &args);
int reconCommand(const QStringList &args);
int simulateCommand(const QStringList &args);

// bench subcommands, one per area
int benchGateway(const QStringList &args);
int benchEngine(const QStringList &args);
int benchEndpoint(const QStringList &args);
int benchRecon(const QStringList &args);
int benchSim(const QStringList &args);

} // namespace pay::cli
