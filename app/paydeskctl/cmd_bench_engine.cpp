// paydeskctl bench engine: full combined payments (coupon + wallet + an instant card) through
// the real engine on SQLite files, and in the same run a raw-SQLite baseline that writes the
// same rows with the same number of commits: every row change the engine made (recorded in a
// second, untimed run of the same payments) replayed onto a copy of its files.
#include "cliutil.h"
#include "commands.h"
#include "rowreplay.h"

#include "channel/channelbooks.h"
#include "channel/simulatedchannel.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"
#include "store/accessprobe.h"
#include "store/transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <map>
#include <string>

namespace pay::cli {

namespace {

qint64 totalChanges(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

// One engine on its own files, its channels answering at once, a member and N vouchers seeded.
struct Rig
{
    VirtualClock clock{1'780'000'000'000};
    std::unique_ptr<PaymentCore> core;

    QSqlDatabase coreDb() { return core->database().db(); }
    QSqlDatabase booksDb() { return QSqlDatabase::database(core->books().connectionName(), false); }
};

Result<void> setUp(Rig &rig, const QString &path, bool group, int n)
{
    PaymentCore::Options o;
    o.databasePath = path;
    o.clock = &rig.clock;
    o.groupCommit = group;
    auto opened = PaymentCore::open(o);
    if (!opened)
        return std::unexpected(opened.error());
    rig.core = std::move(*opened);
    FaultProfile instant;
    instant.latency = LatencyModel::fixed(0);
    for (const QString &c : rig.core->channelNames())
        rig.core->channel(c)->setFaultProfile(instant);
    const Currency cny = Currency::cny();
    ChannelBooks::Transaction tx(rig.core->books());
    (void)rig.core->books().upsertMember({QStringLiteral("BENCH"), QStringLiteral("Bench"), qint64(n) * 1000, cny.code()});
    for (int i = 0; i < n; ++i)
        (void)rig.core->books().upsertVoucher({QStringLiteral("BV-%1").arg(i), 500, cny.code(), 0,
                                               rig.clock.nowMs() + 86'400'000, {}});
    return tx.commit();
}

Result<void> runPayments(Rig &rig, int n, int window, bool group)
{
    PaymentCore &core = *rig.core;
    const Currency cny = Currency::cny();
    for (int first = 0; first < n; first += window) {
        // A window of payments arrives (accepted in one commit group when grouping), then the
        // engine processes them: every asynchronous step due now runs, instant by instant.
        if (group)
            (void)core.beginGroup();
        for (int i = first; i < qMin(n, first + window); ++i) {
            AcceptRequest r;
            r.outTradeNo = QStringLiteral("B%1").arg(i, 8, 10, QLatin1Char('0'));
            r.subject = QStringLiteral("bench");
            r.amount = Money(3000, cny);
            r.legs = {{QStringLiteral("coupon"), QStringLiteral("BV-%1").arg(i), 500},
                      {QStringLiteral("wallet"), QStringLiteral("BENCH"), 1000},
                      {QStringLiteral("card"), {}, 1500}};
            r.idempotencyKey = r.outTradeNo;
            if (auto a = core.engine().accept(r); !a)
                return std::unexpected(a.error());
        }
        if (group) {
            if (auto c = core.commitGroup(); !c)
                return c;
        }
        // Virtual time stands still: the channels answer at once, so everything due now is
        // this window's work (compensation timers a second later are not).
        rig.clock.advanceTo(rig.clock.nowMs());
    }
    return {};
}

Error benchError(const QString &text)
{
    return Error{ErrorCode::Internal, text};
}

} // namespace

int benchEngine(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Run N combined payments (coupon + wallet + instant card) through the real engine on SQLite files, then a "
        "raw-SQLite baseline writing the same rows with the same number of commits; print payments/s for both."));
    p.addHelpOption();
    p.addOption({QStringLiteral("payments"), QStringLiteral("Number of payments (default 3000)."), QStringLiteral("N"),
                 QStringLiteral("3000")});
    p.addOption({QStringLiteral("window"),
                 QStringLiteral("Payments in flight at once (default 64, within the gateway's bulkhead of 16 in flight + 64 queued): accepted together, then processed together."),
                 QStringLiteral("N"), QStringLiteral("64")});
    p.addOption({QStringLiteral("no-group"),
                 QStringLiteral("Commit every transition on its own instead of one group commit per virtual instant.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("sql-profile"),
                 QStringLiteral("Also print, per statement the engine ran on the core database and the channels ran on their books, how often it ran per payment and its SQLite time (to stderr; slows the engine run).")});
    p.addOption({QStringLiteral("engine-only"),
                 QStringLiteral("Run the engine only, without the recorded run and the baseline (for profilers).")});
    p.addOption({QStringLiteral("keep"),
                 QStringLiteral("Write the files (engine, recorded run, baseline) into DIR and keep them, to compare them."),
                 QStringLiteral("DIR")});
    if (!parseOrExit(p, QStringLiteral("bench engine"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const int n = qMax(1, p.value(QStringLiteral("payments")).toInt());
    const int window = qMax(1, p.value(QStringLiteral("window")).toInt());
    const bool group = !p.isSet(QStringLiteral("no-group"));
    QTemporaryDir tempDir;
    const QDir dir(p.isSet(QStringLiteral("keep")) ? p.value(QStringLiteral("keep")) : tempDir.path());
    if (p.isSet(QStringLiteral("keep")) && !dir.mkpath(QStringLiteral(".")))
        return reportError(benchError(QStringLiteral("Cannot create %1").arg(dir.path())));

    // --- engine (timed) -----------------------------------------------------------------
    auto rig = std::make_unique<Rig>();
    if (auto r = setUp(*rig, dir.filePath(QStringLiteral("engine.sqlite")), group, n); !r)
        return reportError(r.error());
    const qint64 coreChanges0 = totalChanges(rig->coreDb());
    const qint64 bookChanges0 = totalChanges(rig->booksDb());
    const quint64 coreCommits0 = TransactionGuard::commitCount();
    const quint64 bookCommits0 = ChannelBooks::Transaction::commitCount();
    // Per statement text: runs and SQLite's own nanoseconds (its profile callback).
    using SqlProfile = std::map<std::string, std::pair<int, qint64>>;
    SqlProfile traced;
    const bool traceSql = p.isSet(QStringLiteral("sql-profile"));
    struct TraceTarget
    {
        SqlProfile *profile;
        const char *prefix;
    } traceTargets[2] = {{&traced, ""}, {&traced, "books: "}};
    sqlite3 *const tracedHandles[2] = {SqlStatement::handleOf(rig->coreDb()), SqlStatement::handleOf(rig->booksDb())};
    if (traceSql) {
        for (int f = 0; f < 2; ++f) {
            sqlite3_trace_v2(tracedHandles[f], SQLITE_TRACE_PROFILE,
                             [](unsigned, void *ctx, void *st, void *ns) -> int {
                                 auto *target = static_cast<TraceTarget *>(ctx);
                                 const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(st));
                                 auto &e = (*target->profile)[target->prefix + std::string(sql ? sql : "?").substr(0, 100)];
                                 ++e.first;
                                 e.second += *static_cast<qint64 *>(ns);
                                 return 0;
                             },
                             &traceTargets[f]);
        }
    }
    QElapsedTimer t;
    t.start();
    probe::Scope engineProbe;
    if (auto r = runPayments(*rig, n, window, group); !r)
        return reportError(r.error());
    const qint64 engineNs = t.nsecsElapsed();
    if (traceSql) {
        std::vector<std::pair<qint64, std::string>> v;
        qint64 all = 0;
        for (auto &[k, c] : traced) {
            v.emplace_back(c.second, QString::asprintf("%6.2f %6.2fus ", double(c.first) / n, double(c.second) / c.first / 1000).toStdString() + k);
            all += c.second;
        }
        std::sort(v.rbegin(), v.rend());
        fprintf(stderr, "sqlite total %.1f us/payment of %.1f\n", double(all) / n / 1000, double(engineNs) / n / 1000);
        for (auto &[c, k] : v)
            fprintf(stderr, "%6.1fus/p %s\n", double(c) / n / 1000, k.c_str());
        for (sqlite3 *h : tracedHandles)
            sqlite3_trace_v2(h, 0, nullptr, nullptr);
    }
    const int engineStatements = engineProbe.counters().database;
    const quint64 coreCommits = TransactionGuard::commitCount() - coreCommits0;
    const quint64 bookCommits = ChannelBooks::Transaction::commitCount() - bookCommits0;
    qint64 paidTrades = 0;
    {
        QSqlQuery q(rig->coreDb());
        if (q.exec(QStringLiteral("SELECT count(*) FROM trade_orders WHERE status = 'PAID'")) && q.next())
            paidTrades = q.value(0).toLongLong();
    }
    // Every row the engine wrote: inserted, updated or deleted.
    const qint64 coreChanges = totalChanges(rig->coreDb()) - coreChanges0;
    const qint64 bookChanges = totalChanges(rig->booksDb()) - bookChanges0;
    rig.reset();
    auto perPayment = [n](double v, int scale) { return qRound(v / n * scale) / double(scale); };
    const double engineRate = n * 1e9 / double(engineNs);
    if (p.isSet(QStringLiteral("engine-only"))) {
        printJson({{QStringLiteral("payments"), n},
                   {QStringLiteral("paid"), paidTrades},
                   {QStringLiteral("engine_payments_per_s"), qRound(engineRate)},
                   {QStringLiteral("core_row_writes_per_payment"), perPayment(double(coreChanges), 10)},
                   {QStringLiteral("statements_per_payment"), perPayment(double(engineStatements), 10)}});
        return paidTrades == n ? 0 : 1;
    }

    // --- the same payments again, untimed, recording every row change and commit -------
    const QString baseCore = dir.filePath(QStringLiteral("baseline.sqlite"));
    const QString baseBooks = dir.filePath(QStringLiteral("baseline-books.sqlite"));
    RowLog log;
    const QString recordedCore = dir.filePath(QStringLiteral("recorded.sqlite"));
    const QString recordedBooks = ChannelBooks::pathForCoreDatabase(recordedCore);
    {
        Rig rec;
        if (auto r = setUp(rec, recordedCore, group, n); !r)
            return reportError(r.error());
        sqlite3 *coreHandle = SqlStatement::handleOf(rec.coreDb());
        sqlite3 *booksHandle = SqlStatement::handleOf(rec.booksDb());
        // The baseline starts from the files as the engine had them before its first payment.
        for (auto [from, to] : {std::pair{coreHandle, baseCore}, std::pair{booksHandle, baseBooks}}) {
            if (auto c = RowLog::copyFile(from, to); !c)
                return reportError(benchError(c.error()));
        }
        log.attach(0, coreHandle);
        log.attach(1, booksHandle);
        if (auto r = runPayments(rec, n, window, group); !r)
            return reportError(r.error());
        log.detach();
    }

    // --- raw baseline (timed): the recorded row changes, replayed ------------------------
    Database::Options baseOptions;
    baseOptions.create = false;
    auto base = Database::open(baseCore, baseOptions);
    if (!base)
        return reportError(base.error());
    auto books = ChannelBooks::open(baseBooks, true);
    if (!books)
        return reportError(books.error());
    QSqlDatabase baseBooksDb = QSqlDatabase::database((*books)->connectionName(), false);
    sqlite3 *const targets[2] = {SqlStatement::handleOf((*base)->db()), SqlStatement::handleOf(baseBooksDb)};
    QElapsedTimer tb;
    tb.start();
    if (auto r = log.replay(targets); !r)
        return reportError(benchError(r.error()));
    const qint64 baseNs = tb.nsecsElapsed();
    // The baseline wrote the same rows: every table of both files ends as the engine left it.
    for (auto [recorded, target] : {std::pair{recordedCore, targets[0]}, std::pair{recordedBooks, targets[1]}}) {
        if (auto same = RowLog::sameRows(recorded, target); !same)
            return reportError(benchError(QStringLiteral("The baseline did not write the engine's rows: ") + same.error()));
    }

    const double baseRate = n * 1e9 / double(baseNs);
    QJsonObject result{{QStringLiteral("payments"), n},
                       {QStringLiteral("paid"), paidTrades},
                       {QStringLiteral("engine_seconds"), double(engineNs) / 1e9},
                       {QStringLiteral("engine_payments_per_s"), qRound(engineRate)},
                       {QStringLiteral("baseline_seconds"), double(baseNs) / 1e9},
                       {QStringLiteral("baseline_payments_per_s"), qRound(baseRate)},
                       {QStringLiteral("ratio"), qRound(engineRate / baseRate * 1000) / 1000.0},
                       {QStringLiteral("core_commits_per_payment"), perPayment(double(coreCommits), 100)},
                       {QStringLiteral("book_commits_per_payment"), perPayment(double(bookCommits), 100)},
                       {QStringLiteral("baseline_core_commits_per_payment"), perPayment(double(log.commits(0)), 100)},
                       {QStringLiteral("baseline_book_commits_per_payment"), perPayment(double(log.commits(1)), 100)},
                       {QStringLiteral("window"), window},
                       {QStringLiteral("core_row_writes_per_payment"), perPayment(double(coreChanges), 10)},
                       {QStringLiteral("book_row_writes_per_payment"), perPayment(double(bookChanges), 10)},
                       {QStringLiteral("baseline_core_row_writes_per_payment"), perPayment(double(log.changes(0)), 10)},
                       {QStringLiteral("baseline_book_row_writes_per_payment"), perPayment(double(log.changes(1)), 10)},
                       {QStringLiteral("group_commit"), group},
                       {QStringLiteral("statements_per_payment"), perPayment(double(engineStatements), 10)}};
    if (p.isSet(QStringLiteral("json"))) {
        printJson(result);
    } else {
        out() << "engine:   " << qRound(engineRate) << " payments/s (" << paidTrades << " of " << n << " paid)\n"
              << "baseline: " << qRound(baseRate) << " payments/s (the engine's " << log.changes(0) + log.changes(1)
              << " row writes and " << log.commits(0) + log.commits(1) << " commits, replayed)\n"
              << "ratio:    " << engineRate / baseRate << '\n';
    }
    return paidTrades == n ? 0 : 1;
}

} // namespace pay::cli
