// paydeskctl bench engine: full combined payments (coupon + wallet + an instant card) through
// the real engine on SQLite files, and in the same run a raw-SQLite baseline that writes the
// same rows with the same number of commits.
#include "cliutil.h"
#include "commands.h"

#include "channel/channelbooks.h"
#include "channel/simulatedchannel.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"
#include "store/accessprobe.h"
#include "store/transaction.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <map>
#include <string>

namespace pay::cli {

namespace {

struct RowCounts
{
    QHash<QString, qint64> perTable;
};

qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery q(db.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

qint64 totalChanges(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT total_changes()")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

const QStringList kTables{QStringLiteral("trade_orders"), QStringLiteral("payment_orders"), QStringLiteral("payment_flows"),
                          QStringLiteral("ledger_postings"), QStringLiteral("events"), QStringLiteral("idempotency_keys")};

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
                 QStringLiteral("Also print, per statement the engine ran on the core database, how often it ran per payment and its SQLite time (to stderr; slows the engine run).")});
    if (!parseOrExit(p, QStringLiteral("bench engine"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const int n = qMax(1, p.value(QStringLiteral("payments")).toInt());
    const int window = qMax(1, p.value(QStringLiteral("window")).toInt());
    const bool group = !p.isSet(QStringLiteral("no-group"));
    QTemporaryDir dir;

    // --- engine -------------------------------------------------------------------------
    VirtualClock clock(1'780'000'000'000);
    PaymentCore::Options o;
    o.databasePath = dir.filePath(QStringLiteral("engine.sqlite"));
    o.clock = &clock;
    o.groupCommit = group;
    auto opened = PaymentCore::open(o);
    if (!opened)
        return reportError(opened.error());
    PaymentCore &core = **opened;
    FaultProfile instant;
    instant.latency = LatencyModel::fixed(0);
    for (const QString &c : core.channelNames())
        core.channel(c)->setFaultProfile(instant);
    const Currency cny = Currency::cny();
    {
        ChannelBooks::Transaction tx(core.books());
        (void)core.books().upsertMember({QStringLiteral("BENCH"), QStringLiteral("Bench"), qint64(n) * 1000, cny.code()});
        for (int i = 0; i < n; ++i)
            (void)core.books().upsertVoucher({QStringLiteral("BV-%1").arg(i), 500, cny.code(), 0,
                                              clock.nowMs() + 86'400'000, {}});
        (void)tx.commit();
    }
    const qint64 coreChanges0 = totalChanges(core.database().db());
    const qint64 bookChanges0 = totalChanges(QSqlDatabase::database(core.books().connectionName(), false));
    const quint64 coreCommits0 = TransactionGuard::commitCount();
    const quint64 bookCommits0 = ChannelBooks::Transaction::commitCount();
    // Per statement text: runs and SQLite's own nanoseconds (its profile callback).
    using SqlProfile = std::map<std::string, std::pair<int, qint64>>;
    SqlProfile traced;
    const bool traceSql = p.isSet(QStringLiteral("sql-profile"));
    if (traceSql) {
        sqlite3_trace_v2(SqlStatement::handleOf(core.database().db()), SQLITE_TRACE_PROFILE,
                         [](unsigned, void *ctx, void *st, void *ns) -> int {
                             const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(st));
                             auto &e = (*static_cast<SqlProfile *>(ctx))[std::string(sql ? sql : "?").substr(0, 100)];
                             ++e.first;
                             e.second += *static_cast<qint64 *>(ns);
                             return 0;
                         },
                         &traced);
    }
    QElapsedTimer t;
    t.start();
    probe::Scope engineProbe;
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
                return reportError(a.error());
        }
        if (group) {
            if (auto c = core.commitGroup(); !c)
                return reportError(c.error());
        }
        // Virtual time stands still: the channels answer at once, so everything due now is
        // this window's work (compensation timers a second later are not).
        clock.advanceTo(clock.nowMs());
    }
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
        sqlite3_trace_v2(SqlStatement::handleOf(core.database().db()), 0, nullptr, nullptr);
    }
    const int engineStatements = engineProbe.counters().database;
    const quint64 coreCommits = TransactionGuard::commitCount() - coreCommits0;
    const quint64 bookCommits = ChannelBooks::Transaction::commitCount() - bookCommits0;
    QHash<QString, qint64> rows;
    qint64 paidTrades = 0;
    {
        QSqlQuery q(core.database().db());
        if (q.exec(QStringLiteral("SELECT count(*) FROM trade_orders WHERE status = 'PAID'")) && q.next())
            paidTrades = q.value(0).toLongLong();
    }
    // Every row the engine wrote: inserted (counted per table below), updated or deleted.
    const qint64 coreChanges = totalChanges(core.database().db()) - coreChanges0;
    const qint64 bookChanges = totalChanges(QSqlDatabase::database(core.books().connectionName(), false)) - bookChanges0;
    qint64 inserted = 0;
    for (const QString &table : kTables) {
        rows[table] = countRows(core.database(), table);
        inserted += rows[table];
    }
    const qint64 otherWrites = qMax<qint64>(0, coreChanges - inserted); // updates, deletes, task rows
    opened->reset();

    // --- raw baseline -----------------------------------------------------------------
    // Same schema, same rows per table, same number of commits (core file and a books file),
    // with prepared statements and nothing else: the cost of the writes alone.
    auto base = Database::open(dir.filePath(QStringLiteral("baseline.sqlite")));
    if (!base)
        return reportError(base.error());
    auto baseBooks = Database::open(dir.filePath(QStringLiteral("baseline-books.sqlite")));
    if (!baseBooks)
        return reportError(baseBooks.error());
    Database &b = **base;
    Database &bb = **baseBooks;
    (void)bb.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS books (id INTEGER PRIMARY KEY, k TEXT, v INTEGER)"));
    const double commitsPerPayment = double(coreCommits) / n;
    const double bookCommitsPerPayment = double(bookCommits) / n;
    QElapsedTimer tb;
    tb.start();
    quint64 commitsDone = 0;
    quint64 bookCommitsDone = 0;
    qint64 updatesDone = 0;
    qint64 bookRowsDone = 0;
    qint64 written[6] = {0, 0, 0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
        const quint64 commitTarget = quint64((i + 1) * commitsPerPayment + 0.5);
        const quint64 bookTarget = quint64((i + 1) * bookCommitsPerPayment + 0.5);
        const int steps = int(commitTarget - commitsDone);
        qint64 tradeId = 0;
        qint64 paymentId = 0;
        for (int s = 0; s < steps; ++s) {
            (void)b.exec(QStringLiteral("BEGIN IMMEDIATE"));
            // Spread each table's rows for this payment over the commits, like the engine does.
            for (int tIdx = 0; tIdx < 6; ++tIdx) {
                const qint64 target = rows[kTables[tIdx]] * (i + 1) / n;
                const qint64 share = (target - written[tIdx] + (steps - s) - 1) / (steps - s);
                for (qint64 k = 0; k < share; ++k) {
                    QSqlQuery *q = nullptr;
                    switch (tIdx) {
                    case 0:
                        q = &b.prepared(QStringLiteral("INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount, currency,"
                                                       " status, expires_at, created_at, updated_at) VALUES ('M001',?,'bench',3000,'CNY','PAYING',0,0,0)"));
                        q->addBindValue(QStringLiteral("B%1-%2").arg(i).arg(k));
                        break;
                    case 1:
                        q = &b.prepared(QStringLiteral("INSERT INTO payment_orders (payment_no, trade_id, amount, currency, status,"
                                                       " created_at, updated_at) VALUES (?,?,3000,'CNY','ACCEPTED',0,0)"));
                        q->addBindValue(QStringLiteral("P%1-%2").arg(i).arg(k));
                        q->addBindValue(tradeId);
                        break;
                    case 2:
                        q = &b.prepared(QStringLiteral("INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel,"
                                                       " amount, currency, status, created_at, updated_at) VALUES (?,?,?,1,'card','card',1000,'CNY','INIT',0,0)"));
                        q->addBindValue(QStringLiteral("F%1-%2").arg(i).arg(k));
                        q->addBindValue(paymentId);
                        q->addBindValue(tradeId);
                        break;
                    case 3:
                        q = &b.prepared(QStringLiteral("INSERT INTO ledger_postings (posting_set, account, amount, currency, trade_id,"
                                                       " created_at) VALUES (?, 'x', 1000, 'CNY', ?, 0)"));
                        q->addBindValue(QStringLiteral("S%1").arg(i));
                        q->addBindValue(tradeId);
                        break;
                    case 4:
                        q = &b.prepared(QStringLiteral("INSERT INTO events (at, trade_id, entity, event, source, payload)"
                                                       " VALUES (0, ?, 'FLOW', 'SEND', 'system', '{}')"));
                        q->addBindValue(tradeId);
                        break;
                    default:
                        q = &b.prepared(QStringLiteral("INSERT INTO idempotency_keys (scope, idem_key, request_hash, created_at,"
                                                       " expires_at) VALUES ('accept', ?, 'h', 0, 0)"));
                        q->addBindValue(QStringLiteral("K%1-%2").arg(i).arg(k));
                        break;
                    }
                    (void)q->exec();
                    if (tIdx == 0)
                        tradeId = q->lastInsertId().toLongLong();
                    if (tIdx == 1)
                        paymentId = q->lastInsertId().toLongLong();
                    ++written[tIdx];
                }
            }
            // The engine's other row writes (status transitions, amounts, task rows) as
            // updates of this payment's trade row, spread over the commits the same way.
            const qint64 updateTarget = otherWrites * (i + 1) / n;
            const qint64 updates = (updateTarget - updatesDone + (steps - s) - 1) / (steps - s);
            for (qint64 k = 0; k < updates; ++k) {
                QSqlQuery &u = b.prepared(QStringLiteral("UPDATE trade_orders SET version = version + 1 WHERE id = ?"));
                u.addBindValue(tradeId);
                (void)u.exec();
                ++updatesDone;
            }
            (void)b.exec(QStringLiteral("COMMIT"));
            ++commitsDone;
        }
        for (; bookCommitsDone < bookTarget; ++bookCommitsDone) {
            (void)bb.exec(QStringLiteral("BEGIN IMMEDIATE"));
            // The channels' rows (orders, balances, vouchers, sequences) for these payments.
            const qint64 rowTarget = bookChanges * (i + 1) / n;
            for (; bookRowsDone < rowTarget; ++bookRowsDone) {
                QSqlQuery &q = bb.prepared(QStringLiteral("INSERT INTO books (k, v) VALUES (?, 1)"));
                q.addBindValue(QStringLiteral("B%1-%2").arg(i).arg(bookRowsDone));
                (void)q.exec();
            }
            (void)bb.exec(QStringLiteral("COMMIT"));
        }
    }
    const qint64 baseNs = tb.nsecsElapsed();

    const double engineRate = n * 1e9 / double(engineNs);
    const double baseRate = n * 1e9 / double(baseNs);
    QJsonObject result{{QStringLiteral("payments"), n},
                       {QStringLiteral("paid"), paidTrades},
                       {QStringLiteral("engine_seconds"), double(engineNs) / 1e9},
                       {QStringLiteral("engine_payments_per_s"), qRound(engineRate)},
                       {QStringLiteral("baseline_seconds"), double(baseNs) / 1e9},
                       {QStringLiteral("baseline_payments_per_s"), qRound(baseRate)},
                       {QStringLiteral("ratio"), qRound(engineRate / baseRate * 1000) / 1000.0},
                       {QStringLiteral("core_commits_per_payment"), qRound(commitsPerPayment * 100) / 100.0},
                       {QStringLiteral("book_commits_per_payment"), qRound(bookCommitsPerPayment * 100) / 100.0},
                       {QStringLiteral("window"), window},
                       {QStringLiteral("core_row_writes_per_payment"), qRound(double(coreChanges) / n * 10) / 10.0},
                       {QStringLiteral("book_row_writes_per_payment"), qRound(double(bookChanges) / n * 10) / 10.0},
                       {QStringLiteral("group_commit"), group},
                       {QStringLiteral("statements_per_payment"), qRound(double(engineStatements) / n * 10) / 10.0},
                       {QStringLiteral("rows_per_payment"), qRound(double(rows.value(QStringLiteral("events"))
                                                                         + rows.value(QStringLiteral("ledger_postings"))
                                                                         + rows.value(QStringLiteral("payment_flows")) + 3 * n)
                                                                  / n * 100) / 100.0}};
    if (p.isSet(QStringLiteral("json"))) {
        printJson(result);
    } else {
        out() << "engine:   " << qRound(engineRate) << " payments/s (" << paidTrades << " of " << n << " paid)\n"
              << "baseline: " << qRound(baseRate) << " payments/s\n"
              << "ratio:    " << engineRate / baseRate << '\n';
    }
    return paidTrades == n ? 0 : 1;
}

} // namespace pay::cli
