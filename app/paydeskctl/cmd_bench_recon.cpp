// paydeskctl bench recon: reconcile a generated N-row canonical statement against N local flows.
#include "cliutil.h"
#include "commands.h"
#include "recon/reconciler.h"
#include "store/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace pay::cli {

namespace {

long peakRssKb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

sqlite3 *handleOf(Database &db)
{
    const QVariant v = db.db().driver()->handle();
    return *static_cast<sqlite3 *const *>(v.constData());
}

QByteArray isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s).toLatin1();
}

struct Injected
{
    int missingAtChannel = 0;
    int missingLocally = 0;
    int amountMismatch = 0;
    int statusMismatch = 0;
    int duplicates = 0;
    int unknownPaid = 0;
};

// Local side: one trade and one payment own every flow (the bench measures the join, not the
// trade model); flows spread evenly over the day, every 1000th still PAYING (an unknown result
// the statement settles). Statement: one line per flow with a handful of injected breaks.
Result<Injected> generate(Database &db, const QString &statementPath, qint64 rows, qint64 dayStart)
{
    Injected inj;
    sqlite3 *h = handleOf(db);
    auto exec = [h](const char *sql) { return sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
    if (!exec("PRAGMA synchronous = OFF") || !exec("BEGIN")
        || !exec("INSERT INTO trade_orders (id, merchant_id, out_trade_no, subject, amount, currency, status,"
                 " expires_at, created_at, updated_at) VALUES (1, 'M001', 'BENCH', 'bench', 1, 'CNY', "
                 "'PAID', 0, 0, 0)")
        || !exec("INSERT INTO payment_orders (id, payment_no, trade_id, amount, currency, status, "
                 "created_at, updated_at)"
                 " VALUES (1, 'P-BENCH', 1, 1, 'CNY', 'SUCCEEDED', 0, 0)"))
        return fail(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(h)));
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(h,
            "INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
            " currency, status, channel_txn_no, created_at, updated_at)"
            " VALUES (?1, 1, 1, 1, 'card', 'card', ?2, 'CNY', ?3, ?4, ?5, ?5)",
            -1, &st, nullptr)
        != SQLITE_OK)
        return fail(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(h)));
    QFile out(statementPath);
    if (!out.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, out.errorString());
    QByteArray buf;
    buf.reserve(1 << 20);
    buf += "# paydesk-statement v1 channel=card day="
        + QDateTime::fromMSecsSinceEpoch(dayStart, Qt::UTC).date().toString(Qt::ISODate).toLatin1()
        + " tz=UTC\n";
    buf += "type,flow_no,channel_txn_no,original_flow_no,original_channel_txn_no,amount_minor,currency,"
           "status,time_utc,fee_minor\n";
    QRandomGenerator rng(20261127);
    const qint64 step = qMax<qint64>(1, 86'400'000 / qMax<qint64>(rows, 1));
    qint64 written = 0;
    qint64 payments = 0;
    char flowNo[32];
    char txnNo[32];
    auto line = [&](const char *flow, const char *txn, qint64 amount, const char *status, qint64 at) {
        buf += "PAYMENT,";
        buf += flow;
        buf += ',';
        buf += txn;
        buf += ",,,";
        buf += QByteArray::number(amount);
        buf += ",CNY,";
        buf += status;
        buf += ',';
        buf += isoMs(at);
        buf += ",0\n";
        ++written;
        payments += amount;
    };
    for (qint64 i = 0; i < rows; ++i) {
        std::snprintf(flowNo, sizeof flowNo, "BF%010lld", static_cast<long long>(i));
        std::snprintf(txnNo, sizeof txnNo, "CT%010lld", static_cast<long long>(i));
        const qint64 amount = 100 + qint64(rng.bounded(100'000));
        const qint64 at = dayStart + 30 * 60'000 + (i * step) % (86'400'000 - 60 * 60'000);
        const bool paying = i % 100'000 == 500;
        sqlite3_bind_text(st, 1, flowNo, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, amount);
        sqlite3_bind_text(st, 3, paying ? "PAYING" : "SUCCEEDED", -1, SQLITE_STATIC);
        if (paying)
            sqlite3_bind_null(st, 4);
        else
            sqlite3_bind_text(st, 4, txnNo, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 5, at);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            return fail(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(h)));
        }
        sqlite3_reset(st);
        if (paying) {
            ++inj.unknownPaid;
            line(flowNo, txnNo, amount, "SUCCESS", at + 900);
        } else if (i % 250'000 == 17) {
            ++inj.missingAtChannel; // left out of the statement
        } else if (i % 250'000 == 41) {
            ++inj.amountMismatch;
            line(flowNo, txnNo, amount + 1, "SUCCESS", at + 900);
        } else if (i % 500'000 == 73) {
            ++inj.statusMismatch;
            line(flowNo, txnNo, amount, "CLOSED", at + 900);
        } else if (i % 500'000 == 99) {
            ++inj.duplicates;
            line(flowNo, txnNo, amount, "SUCCESS", at + 900);
            line(flowNo, txnNo, amount, "SUCCESS", at + 900);
        } else {
            line(flowNo, txnNo, amount, "SUCCESS", at + 900);
        }
        if (i % 300'000 == 123) {
            ++inj.missingLocally;
            std::snprintf(flowNo, sizeof flowNo, "PHANTOM-%010lld", static_cast<long long>(i));
            std::snprintf(txnNo, sizeof txnNo, "PT%010lld", static_cast<long long>(i));
            line(flowNo, txnNo, 1234, "SUCCESS", at + 1000);
        }
        if (buf.size() > (1 << 20) - 4096) {
            out.write(buf);
            buf.clear();
        }
    }
    sqlite3_finalize(st);
    buf += "# end rows=" + QByteArray::number(written) + " payment_total_minor="
        + QByteArray::number(payments) + " refund_total_minor=0 fee_total_minor=0\n";
    out.write(buf);
    if (!out.flush())
        return fail(ErrorCode::Io, out.errorString());
    if (!exec("COMMIT") || !exec("PRAGMA synchronous = NORMAL"))
        return fail(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(h)));
    return inj;
}

} // namespace

int benchRecon(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Generate N local card flows and a matching N-row canonical statement with a few "
        "injected breaks, then reconcile them and print the seconds (read + match, "
        "generation excluded) and the peak memory."_s);
    p.addHelpOption();
    p.addOption({u"rows"_s, u"Flows and statement rows (default 1000000)."_s, u"N"_s, u"1000000"_s});
    p.addOption({u"dir"_s, u"Work directory (default: a temporary one, removed afterwards)."_s, u"DIR"_s});
    p.addOption({u"json"_s, u"Print the figures as JSON."_s});
    if (!parseOrExit(p, u"bench recon"_s, args))
        return p.isSet(u"help"_s) ? 0 : 2;
    bool ok = false;
    const qint64 rows = p.value(u"rows"_s).toLongLong(&ok);
    if (!ok || rows <= 0)
        return reportError({ErrorCode::InvalidArgument, u"--rows must be a positive number"_s});
    QTemporaryDir tmp;
    const QString dir = p.isSet(u"dir"_s) ? p.value(u"dir"_s) : tmp.path();
    const QString dbPath = dir + u"/bench-recon.sqlite"_s;
    const QString statementPath = dir + u"/bench-recon-card.csv"_s;
    QFile::remove(dbPath);
    QFile::remove(dbPath + u"-wal"_s);
    QFile::remove(dbPath + u"-shm"_s);

    const QDate day(2026, 5, 29);
    const qint64 dayStart = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    auto db = Database::open(dbPath);
    if (!db)
        return reportError(db.error());
    QElapsedTimer gen;
    gen.start();
    auto injected = generate(**db, statementPath, rows, dayStart);
    if (!injected)
        return reportError(injected.error());
    const double generationSeconds = double(gen.nsecsElapsed()) / 1e9;
    const long rssBefore = peakRssKb();

    QElapsedTimer timer;
    timer.start();
    auto bytes = StatementReader::readFile(statementPath);
    if (!bytes)
        return reportError(bytes.error());
    const double fileSeconds = double(timer.nsecsElapsed()) / 1e9;
    Reconciler reconciler(**db);
    ReconOptions options;
    options.channel = u"card"_s;
    options.day = day;
    options.fileName = u"bench-recon-card.csv"_s;
    auto report = reconciler.reconcile(*bytes, options);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report)
        return reportError(report.error());
    const qint64 fileBytes = bytes->size();
    bytes->clear();

    QJsonObject counts;
    for (auto it = report->counts.cbegin(); it != report->counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    const QJsonObject o {
        {u"bench"_s, u"recon"_s},
        {u"rows"_s, rows},
        {u"statement_lines"_s, report->lines},
        {u"statement_bytes"_s, fileBytes},
        {u"local_records"_s, report->localRecords},
        {u"seconds"_s, seconds},
        {u"file_read_seconds"_s, fileSeconds},
        {u"local_load_seconds"_s, report->loadSeconds},
        {u"read_match_seconds"_s, report->readMatchSeconds},
        {u"record_seconds"_s, report->totalSeconds - report->readMatchSeconds},
        {u"generation_seconds"_s, generationSeconds},
        {u"peak_rss_mb"_s, double(peakRssKb()) / 1024.0},
        {u"rss_after_generation_mb"_s, double(rssBefore) / 1024.0},
        {u"counts"_s, counts},
        {u"injected"_s,
            QJsonObject {{u"MISSING_AT_CHANNEL"_s, injected->missingAtChannel},
                {u"MISSING_LOCALLY"_s, injected->missingLocally},
                {u"AMOUNT_MISMATCH"_s, injected->amountMismatch},
                {u"STATUS_MISMATCH_closed"_s, injected->statusMismatch},
                {u"DUPLICATE_IN_STATEMENT"_s, injected->duplicates},
                {u"unknown_flows_shown_paid"_s, injected->unknownPaid}}},
        {u"target_seconds"_s, 2.0},
    };
    if (p.isSet(u"json"_s)) {
        printJson(o);
    } else {
        out() << "recon: " << rows << " flows x " << report->lines << " statement lines in " << seconds
              << " s (local load " << report->loadSeconds << " s, read+match " << report->readMatchSeconds
              << " s), peak RSS " << double(peakRssKb()) / 1024.0 << " MB\n";
        out().flush();
    }
    return 0;
}

} // namespace pay::cli
