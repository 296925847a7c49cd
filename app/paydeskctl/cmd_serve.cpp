// paydeskctl serve: the payment core headless, on a real clock, with the status cache endpoint
// (GET /api/v1/trades/{no}/status, POST /api/v1/channels/{channel}/notify, GET /metrics), so a
// plain HTTP client (curl, wrk, the Checkout screen) can poll and post channel callbacks.
#include "cliutil.h"
#include "commands.h"

#include "cache/statuscache.h"
#include "engine/demoseed.h"
#include "engine/paymentcore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHostAddress>

namespace pay::cli {

int serveCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Run the payment core headless with the status cache endpoint until interrupted. Prints the URL and the "
        "bearer token (generated when --token is not given)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file (created when missing)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("bind"), QStringLiteral("Address to bind (default 127.0.0.1)."), QStringLiteral("ADDR"),
                 QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port (default 0: any free port)."), QStringLiteral("N"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("token"), QStringLiteral("Bearer token for polls and metrics."), QStringLiteral("T")});
    p.addOption({QStringLiteral("demo"), QStringLiteral("Seed demo orders first when the database is new.")});
    if (!parseOrExit(p, QStringLiteral("serve"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString db = requireOption(p, QStringLiteral("db"));
    if (db.isEmpty())
        return 2;
    QHostAddress bind;
    if (!bind.setAddress(p.value(QStringLiteral("bind")))) {
        err() << "paydeskctl serve: --bind is not an IP address: " << p.value(QStringLiteral("bind")) << '\n';
        return 2;
    }
    bool portOk = false;
    const uint port = p.value(QStringLiteral("port")).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err() << "paydeskctl serve: --port must be 0..65535\n";
        return 2;
    }
    if (p.isSet(QStringLiteral("demo")) && !QFileInfo::exists(db)) {
        auto seeded = seedDemoDatabase(db, QDateTime::currentMSecsSinceEpoch());
        if (!seeded)
            return reportError(seeded.error());
        out() << "seeded " << *seeded << " demo orders\n";
    }

    PaymentCore::Options o;
    o.databasePath = db; // clock: a RealClock owned by the core
    o.endpoint.enabled = true;
    o.endpoint.bind = bind;
    o.endpoint.port = quint16(port);
    o.endpoint.token = p.value(QStringLiteral("token"));
    auto core = PaymentCore::open(o);
    if (!core)
        return reportError(core.error());
    const QString host = bind.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(bind.toString())
                                                                           : bind.toString();
    out() << "PayDesk status endpoint listening on http://" << host << ':' << (*core)->endpointPort() << '\n'
          << "token: " << (*core)->endpointToken() << '\n'
          << "cached trades: " << (*core)->cache().size() << '\n'
          << "  GET  /api/v1/trades/{out_trade_no}/status   (Authorization: Bearer <token>)\n"
          << "  POST /api/v1/channels/{channel}/notify        (signed channel callbacks)\n"
          << "  GET  /metrics                                  (Authorization: Bearer <token>)\n";
    out().flush();
    return QCoreApplication::exec();
}

} // namespace pay::cli
