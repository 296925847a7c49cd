// paydeskctl stress crash: kills a child process that is taking payments at random points,
// restarts it, lets compensation finish, and checks every invariant and that no accepted
// payment was lost.
#include "cliutil.h"
#include "commands.h"

#include "channel/qrchannel.h"
#include "channel/simulatedchannel.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"
#include "store/invariants.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>

namespace pay::cli {

namespace {

PaymentCore::Options stressOptions(const QString &db)
{
    PaymentCore::Options o;
    o.databasePath = db;
    o.engine.compensationScheduleMs = {20, 40, 80, 160, 320};
    o.engine.tradeTtlMs = 1500;
    return o;
}

void configureChannels(PaymentCore &core, quint64 seed)
{
    for (const QString &name : core.channelNames()) {
        FaultProfile p;
        p.seed = seed ^ qHash(name);
        p.latency = LatencyModel::uniform(1, 25);
        p.callbackLatency = LatencyModel::uniform(5, 60);
        if (name == QStringLiteral("card") || name.startsWith(QStringLiteral("qr"))) {
            p.timeoutSucceededRate = 0.1;
            p.timeoutFailedRate = 0.05;
            p.timeoutMs = 60;
            p.declineRate = 0.05;
            p.lostCallbackRate = 0.2;
            p.duplicateCallbackRate = 0.2;
        }
        core.channel(name)->setFaultProfile(p);
    }
}

// Pending work the engine still owns: anything not settled and not handed to reconciliation.
qint64 unsettled(Database &db)
{
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM trade_orders WHERE status IN ('CREATED','PAYING','CLOSING') AND frozen = 0)"
            " + (SELECT count(*) FROM payment_flows WHERE status IN ('INIT','PREPAID','PAYING') AND recon_pending = 0)"
            " + (SELECT count(*) FROM refund_flows WHERE status IN ('ACCEPTED','PROCESSING'))"))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// The child: takes payments until killed, logging each accepted ticket after accept returns.
int worker(const QString &db, const QString &log, quint64 seed)
{
    auto opened = PaymentCore::open(stressOptions(db));
    if (!opened)
        return reportError(opened.error());
    PaymentCore &core = **opened;
    configureChannels(core, seed);
    QFile out(log);
    if (!out.open(QIODevice::Append))
        return 3;
    QRandomGenerator rng{quint32(seed)};
    int i = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        const QString no = QStringLiteral("S%1-%2").arg(seed).arg(i++);
        const qint64 amount = 500 + rng.bounded(5000);
        AcceptRequest r;
        r.outTradeNo = no;
        r.amount = Money(amount, Currency::cny());
        r.idempotencyKey = no;
        const QString external = rng.bounded(2) ? QStringLiteral("card") : QStringLiteral("qr_a");
        if (rng.bounded(2))
            r.legs = {{QStringLiteral("wallet"), QStringLiteral("M1010"), 100}, {external, {}, amount - 100}};
        else
            r.legs = {{external, {}, amount}};
        auto t = core.engine().accept(r);
        if (!t)
            return;
        out.write(no.toUtf8() + '\n');
        out.flush();
        if (external == QStringLiteral("qr_a")) {
            const QString flowNo = t->flowNos.last();
            core.clock().schedule(30 + rng.bounded(200), &timer,
                                  [&core, flowNo] { (void)core.qrChannel(QStringLiteral("qr_a"))->customerPays(flowNo); });
        }
    });
    timer.start(3);
    return QCoreApplication::exec();
}

// The restart: resume compensation and expiry until nothing is left in flight.
int recover(const QString &db, int timeoutMs)
{
    auto opened = PaymentCore::open(stressOptions(db));
    if (!opened)
        return reportError(opened.error());
    PaymentCore &core = **opened;
    int code = 4;
    QTimer poll;
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        if (unsettled(core.database()) == 0) {
            code = 0;
            QCoreApplication::exit(0);
        }
    });
    QObject::connect(&giveUp, &QTimer::timeout, &giveUp, [&] { QCoreApplication::exit(4); });
    poll.start(20);
    giveUp.start(timeoutMs);
    QCoreApplication::exec();
    if (code != 0)
        err() << "recovery: " << unsettled(core.database()) << " item(s) still unsettled\n";
    return code;
}

int crash(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Kill a child taking payments at random points (SIGKILL), restart it, let compensation finish, and "
        "check every invariant and that no accepted payment was lost."));
    p.addHelpOption();
    p.addOption({QStringLiteral("runs"), QStringLiteral("Number of kills (default 50)."), QStringLiteral("N"), QStringLiteral("50")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed (default 1)."), QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parseOrExit(p, QStringLiteral("stress crash"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const int runs = qMax(1, p.value(QStringLiteral("runs")).toInt());
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("stress.sqlite"));
    const QString log = dir.filePath(QStringLiteral("accepted.log"));
    const QString self = QCoreApplication::applicationFilePath();
    QRandomGenerator rng{quint32(seed)};
    int recoveries = 0;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.start(self, {QStringLiteral("stress"), QStringLiteral("worker"), QStringLiteral("--db"), db,
                           QStringLiteral("--log"), log, QStringLiteral("--seed"), QString::number(seed * 1000 + run)});
        if (!child.waitForStarted(10'000)) {
            err() << "cannot start the worker\n";
            return 1;
        }
        QThread::msleep(40 + rng.bounded(400));
        ::kill(pid_t(child.processId()), SIGKILL); // no shutdown, no flush: a crash
        child.waitForFinished(10'000);
        // Every few kills, and after the last, restart and let the core finish its work.
        if (run % 5 == 4 || run == runs - 1) {
            QProcess rec;
            rec.start(self, {QStringLiteral("stress"), QStringLiteral("recover"), QStringLiteral("--db"), db});
            rec.waitForFinished(120'000);
            ++recoveries;
            if (rec.exitCode() != 0) {
                err() << "recovery after run " << run << " did not settle: "
                      << QString::fromUtf8(rec.readAllStandardError());
                return 1;
            }
        }
    }
    // Checks.
    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    auto opened = Database::open(db, ro);
    if (!opened)
        return reportError(opened.error());
    Database &d = **opened;
    QSet<QString> inDb;
    {
        QSqlQuery q(d.db());
        q.exec(QStringLiteral("SELECT out_trade_no FROM trade_orders"));
        while (q.next())
            inDb.insert(q.value(0).toString());
    }
    QFile lf(log);
    lf.open(QIODevice::ReadOnly);
    int accepted = 0;
    QStringList lost;
    for (const QByteArray &line : lf.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        ++accepted;
        if (!inDb.contains(QString::fromUtf8(line)))
            lost << QString::fromUtf8(line);
    }
    InvariantChecker checker(d);
    const auto results = checker.checkAll();
    QStringList violated;
    for (const auto &r : results) {
        if (!r.ok)
            violated << r.name + QStringLiteral(": ") + r.examples.join(QStringLiteral("; "));
    }
    QHash<QString, int> byStatus;
    {
        QSqlQuery q(d.db());
        q.exec(QStringLiteral("SELECT status, count(*) FROM trade_orders GROUP BY status"));
        while (q.next())
            byStatus.insert(q.value(0).toString(), q.value(1).toInt());
    }
    const qint64 open = unsettled(d);
    QJsonObject statuses;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statuses.insert(it.key(), it.value());
    const bool ok = lost.isEmpty() && violated.isEmpty() && open == 0 && accepted > 0;
    const QJsonObject report{{QStringLiteral("kills"), runs},
                             {QStringLiteral("restarts"), recoveries},
                             {QStringLiteral("accepted"), accepted},
                             {QStringLiteral("orders_in_db"), inDb.size()},
                             {QStringLiteral("lost"), QJsonArray::fromStringList(lost)},
                             {QStringLiteral("invariants_checked"), int(results.size())},
                             {QStringLiteral("invariants_violated"), QJsonArray::fromStringList(violated)},
                             {QStringLiteral("unsettled"), open},
                             {QStringLiteral("trades_by_status"), statuses},
                             {QStringLiteral("ok"), ok}};
    if (p.isSet(QStringLiteral("json")))
        printJson(report);
    else
        out() << runs << " kills, " << accepted << " payments accepted, " << lost.size() << " lost, "
              << violated.size() << " invariants violated, " << open << " unsettled: " << (ok ? "OK" : "FAILED") << '\n';
    return ok ? 0 : 1;
}

} // namespace

int stressCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("Database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("log"), QStringLiteral("Accepted-ticket log."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"), QStringLiteral("1")});
    if (sub == QStringLiteral("crash"))
        return crash(args.mid(1));
    if (sub == QStringLiteral("worker") && p.parse(QStringList{QStringLiteral("x")} + args.mid(1)))
        return worker(p.value(QStringLiteral("db")), p.value(QStringLiteral("log")), p.value(QStringLiteral("seed")).toULongLong());
    if (sub == QStringLiteral("recover") && p.parse(QStringList{QStringLiteral("x")} + args.mid(1)))
        return recover(p.value(QStringLiteral("db")), 60'000);
    QTextStream s(sub == QStringLiteral("--help") ? stdout : stderr);
    s << "Usage: paydeskctl stress crash [--runs N] [--seed S] [--json]\n"
         "(worker and recover are the child processes crash starts.)\n";
    return sub == QStringLiteral("--help") ? 0 : 2;
}

} // namespace pay::cli
