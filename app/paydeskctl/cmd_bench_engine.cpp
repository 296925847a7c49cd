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
#include <QFile>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <array>
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

// --inline-checkpoints: both sides checkpoint in the committing thread (SQLite's own), as
// before the background checkpointer; for comparing the two.
bool g_inlineCheckpoints = false;

Result<void> setUp(Rig &rig, const QString &path, bool group, int n)
{
    PaymentCore::Options o;
    o.databasePath = path;
    o.clock = &rig.clock;
    o.groupCommit = group;
    o.database.backgroundCheckpoints = !g_inlineCheckpoints;
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

// One timed engine round on fresh files: what it measured and counted.
struct EngineRound
{
    qint64 ns = 0;
    qint64 paid = 0;
    qint64 coreChanges = 0;
    qint64 bookChanges = 0;
    quint64 coreCommits = 0;
    quint64 bookCommits = 0;
    int statements = 0;
    // Per file (core, books): background checkpoints, the writer's own, the longest WAL.
    std::array<std::array<qint64, 3>, 2> checkpoints{};
};

// Per statement text: runs and SQLite's own nanoseconds (its profile callback).
using SqlProfile = std::map<std::string, std::pair<int, qint64>>;

Result<EngineRound> engineRound(const QString &path, int n, int window, bool group, SqlProfile *profile)
{
    EngineRound round;
    auto rig = std::make_unique<Rig>();
    if (auto r = setUp(*rig, path, group, n); !r)
        return std::unexpected(r.error());
    const qint64 coreChanges0 = totalChanges(rig->coreDb());
    const qint64 bookChanges0 = totalChanges(rig->booksDb());
    const quint64 coreCommits0 = TransactionGuard::commitCount();
    const quint64 bookCommits0 = ChannelBooks::Transaction::commitCount();
    struct TraceTarget
    {
        SqlProfile *profile;
        const char *prefix;
    } traceTargets[2] = {{profile, ""}, {profile, "books: "}};
    sqlite3 *const tracedHandles[2] = {SqlStatement::handleOf(rig->coreDb()), SqlStatement::handleOf(rig->booksDb())};
    if (profile) {
        for (int f = 0; f < 2; ++f) {
            sqlite3_trace_v2(tracedHandles[f], SQLITE_TRACE_PROFILE,
                             [](unsigned, void *ctx, void *st, void *ns) -> int {
                                 auto *target = static_cast<TraceTarget *>(ctx);
                                 const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(st));
                                 auto &e = (*target->profile)[target->prefix + std::string(sql ? sql : "?").substr(0, 400)];
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
        return std::unexpected(r.error());
    round.ns = t.nsecsElapsed();
    // Where the checkpoints ran (WalCheckpointer): on the checkpoint thread or in the writer.
    int which = 0;
    for (const WalCheckpointer *c : {rig->core->database().checkpointer(), rig->core->books().checkpointer()}) {
        if (c) {
            const WalCheckpointer::Stats s = c->stats();
            round.checkpoints[which] = {qint64(s.background), qint64(s.inlined), s.maxWalFrames};
        }
        ++which;
    }
    if (profile) {
        for (sqlite3 *h : tracedHandles)
            sqlite3_trace_v2(h, 0, nullptr, nullptr);
    }
    round.statements = engineProbe.counters().database;
    round.coreCommits = TransactionGuard::commitCount() - coreCommits0;
    round.bookCommits = ChannelBooks::Transaction::commitCount() - bookCommits0;
    {
        QSqlQuery q(rig->coreDb());
        if (q.exec(QStringLiteral("SELECT count(*) FROM trade_orders WHERE status = 'PAID'")) && q.next())
            round.paid = q.value(0).toLongLong();
    }
    // Every row the engine wrote: inserted, updated or deleted.
    round.coreChanges = totalChanges(rig->coreDb()) - coreChanges0;
    round.bookChanges = totalChanges(rig->booksDb()) - bookChanges0;
    return round;
}

void printProfile(const SqlProfile &traced, int n, qint64 engineNs)
{
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
}

// One timed baseline round: the log replayed onto fresh copies of the start files, then checked.
Result<qint64> baselineRound(RowLog &log, const QDir &dir, const QString &startCore, const QString &startBooks,
                             const QString &recordedCore, const QString &recordedBooks)
{
    const QString core = dir.filePath(QStringLiteral("baseline.sqlite"));
    const QString booksPath = dir.filePath(QStringLiteral("baseline-books.sqlite"));
    for (auto [from, to] : {std::pair{startCore, core}, std::pair{startBooks, booksPath}}) {
        QFile::remove(to);
        if (!QFile::copy(from, to))
            return std::unexpected(benchError(QStringLiteral("Cannot copy %1 to %2").arg(from, to)));
    }
    Database::Options options;
    options.create = false;
    options.backgroundCheckpoints = !g_inlineCheckpoints;
    auto base = Database::open(core, options);
    if (!base)
        return std::unexpected(base.error());
    auto books = ChannelBooks::open(booksPath, true, false, !g_inlineCheckpoints);
    if (!books)
        return std::unexpected(books.error());
    QSqlDatabase booksDb = QSqlDatabase::database((*books)->connectionName(), false);
    sqlite3 *const targets[2] = {SqlStatement::handleOf((*base)->db()), SqlStatement::handleOf(booksDb)};
    auto replayed = log.replay(targets);
    if (!replayed)
        return std::unexpected(benchError(replayed.error()));
    const qint64 ns = *replayed;
    // The baseline wrote the same rows: every table of both files ends as the engine left it.
    for (auto [recorded, target] : {std::pair{recordedCore, targets[0]}, std::pair{recordedBooks, targets[1]}}) {
        if (auto same = RowLog::sameRows(recorded, target); !same)
            return std::unexpected(benchError(QStringLiteral("The baseline did not write the engine's rows: ") + same.error()));
    }
    return ns;
}

template<typename T>
T median(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
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
    p.addOption({QStringLiteral("rounds"),
                 QStringLiteral("Rounds (default 5): each runs the engine on fresh files, then the baseline on fresh copies; the medians are reported."),
                 QStringLiteral("N"), QStringLiteral("5")});
    p.addOption({QStringLiteral("no-group"),
                 QStringLiteral("Commit every transition on its own instead of one group commit per virtual instant.")});
    p.addOption({QStringLiteral("inline-checkpoints"),
                 QStringLiteral("Checkpoint in the committing thread on both sides (SQLite's own), not on the checkpoint thread.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("sql-profile"),
                 QStringLiteral("Also print, per statement the engine ran on the core database and the channels ran on their books, how often it ran per payment and its SQLite time (first round; to stderr; slows that round).")});
    p.addOption({QStringLiteral("engine-only"),
                 QStringLiteral("Run the engine only, without the recorded run and the baseline (for profilers).")});
    p.addOption({QStringLiteral("keep"),
                 QStringLiteral("Write the files (engine rounds, recorded run, baseline rounds) into DIR and keep them, to compare them."),
                 QStringLiteral("DIR")});
    if (!parseOrExit(p, QStringLiteral("bench engine"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const int n = qMax(1, p.value(QStringLiteral("payments")).toInt());
    const int window = qMax(1, p.value(QStringLiteral("window")).toInt());
    const int rounds = qMax(1, p.value(QStringLiteral("rounds")).toInt());
    const bool group = !p.isSet(QStringLiteral("no-group"));
    g_inlineCheckpoints = p.isSet(QStringLiteral("inline-checkpoints"));
    const bool engineOnly = p.isSet(QStringLiteral("engine-only"));
    QTemporaryDir tempDir;
    const QDir dir(p.isSet(QStringLiteral("keep")) ? p.value(QStringLiteral("keep")) : tempDir.path());
    if (p.isSet(QStringLiteral("keep")) && !dir.mkpath(QStringLiteral(".")))
        return reportError(benchError(QStringLiteral("Cannot create %1").arg(dir.path())));
    auto perPayment = [n](double v, int scale) { return qRound(v / n * scale) / double(scale); };

    // --- the payments once, untimed, recording every row change and commit --------------
    RowLog log;
    const QString recordedCore = dir.filePath(QStringLiteral("recorded.sqlite"));
    const QString recordedBooks = ChannelBooks::pathForCoreDatabase(recordedCore);
    const QString startCore = dir.filePath(QStringLiteral("start.sqlite"));
    const QString startBooks = dir.filePath(QStringLiteral("start-books.sqlite"));
    if (!engineOnly) {
        Rig rec;
        if (auto r = setUp(rec, recordedCore, group, n); !r)
            return reportError(r.error());
        sqlite3 *coreHandle = SqlStatement::handleOf(rec.coreDb());
        sqlite3 *booksHandle = SqlStatement::handleOf(rec.booksDb());
        // The baseline starts from the files as the engine had them before its first payment.
        for (auto [from, to] : {std::pair{coreHandle, startCore}, std::pair{booksHandle, startBooks}}) {
            if (auto c = RowLog::copyFile(from, to); !c)
                return reportError(benchError(c.error()));
        }
        log.attach(0, coreHandle);
        log.attach(1, booksHandle);
        if (auto r = runPayments(rec, n, window, group); !r)
            return reportError(r.error());
        log.detach();
    }

    // --- rounds: the engine on fresh files, then the baseline on fresh copies ------------
    SqlProfile traced;
    std::vector<EngineRound> engine;
    std::vector<qint64> baselineNs;
    std::vector<double> ratios;
    for (int i = 0; i < rounds; ++i) {
        const QDir roundDir(dir.filePath(QStringLiteral("round-%1").arg(i + 1)));
        if (!roundDir.mkpath(QStringLiteral(".")))
            return reportError(benchError(QStringLiteral("Cannot create %1").arg(roundDir.path())));
        const bool profileThis = i == 0 && p.isSet(QStringLiteral("sql-profile"));
        auto e = engineRound(roundDir.filePath(QStringLiteral("engine.sqlite")), n, window, group, profileThis ? &traced : nullptr);
        if (!e)
            return reportError(e.error());
        if (profileThis)
            printProfile(traced, n, e->ns);
        engine.push_back(*e);
        if (!engineOnly) {
            auto b = baselineRound(log, roundDir, startCore, startBooks, recordedCore, recordedBooks);
            if (!b)
                return reportError(b.error());
            baselineNs.push_back(*b);
            ratios.push_back(double(*b) / double(e->ns)); // engine rate / baseline rate
        }
        if (!p.isSet(QStringLiteral("keep")))
            QDir(roundDir).removeRecursively();
    }

    const EngineRound &first = engine.front();
    QJsonArray engineRates;
    std::vector<double> engineRateList;
    for (const EngineRound &e : engine) {
        engineRateList.push_back(n * 1e9 / double(e.ns));
        engineRates.append(qRound(engineRateList.back()));
    }
    const double engineRate = median(engineRateList);
    qint64 paid = engine.front().paid;
    for (const EngineRound &e : engine)
        paid = qMin(paid, e.paid);
    QJsonObject result{{QStringLiteral("payments"), n},
                       {QStringLiteral("rounds"), rounds},
                       {QStringLiteral("paid"), paid},
                       {QStringLiteral("engine_payments_per_s"), qRound(engineRate)},
                       {QStringLiteral("engine_payments_per_s_rounds"), engineRates},
                       {QStringLiteral("core_commits_per_payment"), perPayment(double(first.coreCommits), 100)},
                       {QStringLiteral("book_commits_per_payment"), perPayment(double(first.bookCommits), 100)},
                       {QStringLiteral("window"), window},
                       {QStringLiteral("core_row_writes_per_payment"), perPayment(double(first.coreChanges), 10)},
                       {QStringLiteral("book_row_writes_per_payment"), perPayment(double(first.bookChanges), 10)},
                       {QStringLiteral("group_commit"), group},
                       {QStringLiteral("statements_per_payment"), perPayment(double(first.statements), 10)}};
    QJsonObject checkpoints;
    for (int f = 0; f < 2; ++f) {
        const QString file = f == 0 ? QStringLiteral("core_") : QStringLiteral("books_");
        checkpoints.insert(file + QStringLiteral("background"), first.checkpoints[f][0]);
        checkpoints.insert(file + QStringLiteral("writer"), first.checkpoints[f][1]);
        checkpoints.insert(file + QStringLiteral("max_wal_frames"), first.checkpoints[f][2]);
    }
    result.insert(QStringLiteral("checkpoints_first_round"), checkpoints);
    result.insert(QStringLiteral("background_checkpoints"), !g_inlineCheckpoints);
    double baseRate = 0;
    double ratio = 0;
    if (!engineOnly) {
        QJsonArray baseRates;
        QJsonArray ratioList;
        std::vector<double> baseRateList;
        for (size_t i = 0; i < baselineNs.size(); ++i) {
            baseRateList.push_back(n * 1e9 / double(baselineNs[i]));
            baseRates.append(qRound(baseRateList.back()));
            ratioList.append(qRound(ratios[i] * 1000) / 1000.0);
        }
        baseRate = median(baseRateList);
        ratio = median(ratios);
        result.insert(QStringLiteral("baseline_payments_per_s"), qRound(baseRate));
        result.insert(QStringLiteral("baseline_payments_per_s_rounds"), baseRates);
        result.insert(QStringLiteral("ratio"), qRound(ratio * 1000) / 1000.0);
        result.insert(QStringLiteral("ratio_rounds"), ratioList);
        result.insert(QStringLiteral("baseline_core_commits_per_payment"), perPayment(double(log.commits(0)), 100));
        result.insert(QStringLiteral("baseline_book_commits_per_payment"), perPayment(double(log.commits(1)), 100));
        result.insert(QStringLiteral("baseline_core_row_writes_per_payment"), perPayment(double(log.changes(0)), 10));
        result.insert(QStringLiteral("baseline_book_row_writes_per_payment"), perPayment(double(log.changes(1)), 10));
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(result);
    } else {
        out() << "engine:   " << qRound(engineRate) << " payments/s, median of " << rounds << " rounds (" << paid << " of "
              << n << " paid)\n";
        if (!engineOnly)
            out() << "baseline: " << qRound(baseRate) << " payments/s (the engine's " << log.changes(0) + log.changes(1)
                  << " row writes and " << log.commits(0) + log.commits(1) << " commits, replayed)\n"
                  << "ratio:    " << ratio << " (median of the rounds' ratios)\n";
    }
    return paid == n ? 0 : 1;
}

} // namespace pay::cli
