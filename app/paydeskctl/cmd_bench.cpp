// paydeskctl bench <area>: dispatches to the benchmark of each area.
#include "commands.h"

#include <QTextStream>

namespace pay::cli {

int benchCommand(const QStringList &args)
{
    const QString area = args.value(0);
    if (area == QStringLiteral("engine"))
        return benchEngine(args.mid(1));
    if (area == QStringLiteral("endpoint"))
        return benchEndpoint(args.mid(1));
    if (area == QStringLiteral("recon"))
        return benchRecon(args.mid(1));
    if (area == QStringLiteral("sim"))
        return benchSim(args.mid(1));
#ifdef PAYDESK_HAVE_BENCH_GATEWAY
    if (area == QStringLiteral("gateway"))
        return benchGateway(args.mid(1));
#endif
    QTextStream s(area == QStringLiteral("--help") ? stdout : stderr);
    s << "Usage: paydeskctl bench engine|endpoint|recon|sim|gateway [--json]\n"
         "The orders list benchmark is the bench_orders_model executable (it needs a GUI toolkit).\n";
    return area == QStringLiteral("--help") ? 0 : 2;
}

} // namespace pay::cli
