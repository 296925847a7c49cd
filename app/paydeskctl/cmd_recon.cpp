// paydeskctl recon: import a channel statement and reconcile it against the core database.
#include "cliutil.h"
#include "commands.h"
#include "engine/paymentcore.h"
#include "recon/reconciler.h"
#include "sim/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace pay::cli {

int reconCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Reconcile a channel's daily statement against the core database. A file with a structural "
        "error (unknown layout, bad header, truncated: end/summary line missing or inconsistent) is "
        "rejected whole; single malformed lines are quarantined and reported. Breaks are data: the exit "
        "code is 0 whenever the file was read."_s);
    p.addHelpOption();
    p.addOption({u"db"_s, u"Core database file."_s, u"FILE"_s});
    p.addOption({u"channel"_s, u"coupon, wallet, card, qr_a or qr_b."_s, u"NAME"_s});
    p.addOption({u"statement"_s, u"The statement file."_s, u"FILE"_s});
    p.addOption({u"format"_s, u"canonical, wechat or alipay (default: detected)."_s, u"FORMAT"_s});
    p.addOption({u"date"_s, u"The statement day (UTC), YYYY-MM-DD (default: from the file)."_s, u"DATE"_s});
    p.addOption({u"no-auto-resolve"_s, u"Record every break; settle nothing from the statement."_s});
    p.addOption({u"json"_s, u"Print the report as JSON."_s});
    if (!parseOrExit(p, u"recon"_s, args))
        return p.isSet(u"help"_s) ? 0 : 2;
    const QString dbPath = requireOption(p, u"db"_s);
    const QString channel = requireOption(p, u"channel"_s);
    const QString statement = requireOption(p, u"statement"_s);
    if (dbPath.isEmpty() || channel.isEmpty() || statement.isEmpty())
        return 2;
    ReconOptions options;
    options.channel = channel;
    options.autoResolve = !p.isSet(u"no-auto-resolve"_s);
    if (p.isSet(u"format"_s)) {
        auto f = StatementWriter::formatFromName(p.value(u"format"_s));
        if (!f)
            return reportError(f.error());
        options.format = *f;
    }
    if (p.isSet(u"date"_s)) {
        options.day = QDate::fromString(p.value(u"date"_s), Qt::ISODate);
        if (!options.day.isValid())
            return reportError(
                {ErrorCode::InvalidArgument, u"--date \"%1\" is not YYYY-MM-DD"_s.arg(p.value(u"date"_s))});
    }
    if (!QFileInfo::exists(dbPath))
        return reportError({ErrorCode::NotFound, u"no database at %1"_s.arg(dbPath)});

    PaymentCore::Options co;
    co.databasePath = dbPath;
    co.database.create = false;
    auto core = PaymentCore::open(co);
    if (!core)
        return reportError(core.error());
    Reconciler reconciler((*core)->database(), &(*core)->clock(), &(*core)->engine());
    auto report = reconciler.reconcileFile(statement, options);
    if (!report) {
        err() << "paydeskctl recon: statement rejected: " << report.error().message << '\n';
        err().flush();
        return 1;
    }
    // Settling from the statement may start refunds (closed-but-paid, duplicates): let the
    // channel calls finish before the process ends.
    if (report->autoResolved > 0) {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10'000) {
            QEventLoop loop;
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
            loop.exec();
            if ((*core)->engine().pendingChannelCalls() == 0 && waited.elapsed() > 200)
                break;
        }
    }
    if (p.isSet(u"json"_s)) {
        printJson(report->toJson());
        return 0;
    }
    out() << "Run " << report->runId << ": " << channel << ' ' << report->day.toString(Qt::ISODate) << " ("
          << StatementWriter::formatName(report->format) << "), " << report->lines << " lines read, "
          << report->quarantined.size() << " quarantined\n";
    for (auto it = report->counts.cbegin(); it != report->counts.cend(); ++it)
        out() << "  " << it.key().leftJustified(24) << ' ' << it.value() << '\n';
    out() << "  auto-resolved            " << report->autoResolved << '\n'
          << "  open for operations      " << report->open << '\n'
          << "  held (cut-off)           " << report->held << '\n'
          << "  earlier holds cleared    " << report->heldResolved << '\n'
          << "  earlier holds reopened   " << report->heldReopened << '\n';
    for (const QuarantinedLine &q : report->quarantined)
        out() << "  quarantined line " << q.lineNo << ": " << q.reason << '\n';
    out().flush();
    return 0;
}

} // namespace pay::cli
