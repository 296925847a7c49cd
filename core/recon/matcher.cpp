#include "matcher.h"

#include "../store/database.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <cstring>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

char statusCode(QByteArrayView text)
{
    if (text.isEmpty())
        return 'U';
    switch (text.front()) {
    case 'S':
        return 'S';
    case 'F':
        return 'F';
    case 'C':
        return 'C';
    default:
        return 'P'; // INIT, PREPAID, PAYING, ACCEPTED, PROCESSING
    }
}

QByteArrayView columnView(sqlite3_stmt *st, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, col));
    if (!p)
        return {};
    return QByteArrayView(p, sqlite3_column_bytes(st, col));
}

sqlite3 *rawHandle(Database &db)
{
    return SqlStatement::handleOf(db.db());
}

inline quint32 hashOf(QByteArrayView key)
{
    // FNV-1a, 32 bits: short ASCII keys, no seed needed (the keys are ours and the channel's).
    quint32 h = 2166136261u;
    for (char c : key) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h;
}

} // namespace

Matcher::Matcher(const QString &channel, QDate day, qint64 cutoffMs)
    : m_channel(channel)
    , m_day(day)
    , m_cutoff(cutoffMs)
{
    m_dayStart = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    m_dayEnd = m_dayStart + 24LL * 3600 * 1000;
}

void Matcher::reserve(Table &t, qsizetype n)
{
    qsizetype size = 16;
    while (size < n * 2)
        size *= 2;
    if (qsizetype(t.cells.size()) >= size)
        return;
    std::vector<quint32> oldCells = std::move(t.cells);
    std::vector<quint32> oldHashes = std::move(t.hashes);
    t.cells.assign(size_t(size), 0);
    t.hashes.assign(size_t(size), 0);
    const size_t mask = size_t(size) - 1;
    for (size_t i = 0; i < oldCells.size(); ++i) {
        if (!oldCells[i])
            continue;
        size_t pos = oldHashes[i] & mask;
        while (t.cells[pos])
            pos = (pos + 1) & mask;
        t.cells[pos] = oldCells[i];
        t.hashes[pos] = oldHashes[i];
    }
}

void Matcher::insert(Table &t, QByteArrayView key, quint32 index, bool)
{
    if ((t.count + 1) * 2 > qsizetype(t.cells.size()))
        reserve(t, qMax<qsizetype>(t.count + 1, qsizetype(t.cells.size())));
    const quint32 h = hashOf(key);
    const size_t mask = t.cells.size() - 1;
    size_t pos = h & mask;
    while (t.cells[pos])
        pos = (pos + 1) & mask;
    t.cells[pos] = index + 1;
    t.hashes[pos] = h;
    ++t.count;
}

qint64 Matcher::find(const Table &t, QByteArrayView key, bool txn) const
{
    if (t.cells.empty() || key.isEmpty())
        return -1;
    const quint32 h = hashOf(key);
    const size_t mask = t.cells.size() - 1;
    for (size_t pos = h & mask; t.cells[pos]; pos = (pos + 1) & mask) {
        if (t.hashes[pos] != h)
            continue;
        const Rec &r = m_recs[t.cells[pos] - 1];
        if ((txn ? txnOf(r) : noOf(r)) == key)
            return qint64(t.cells[pos]) - 1;
    }
    return -1;
}

void Matcher::append(QByteArrayView no, QByteArrayView txn, qint64 id, qint64 amount, qint64 createdAt,
    QByteArrayView statusWord, bool refund, bool reconPending)
{
    Rec r;
    r.id = id;
    r.amountMinor = amount;
    r.createdAtMs = createdAt;
    r.noOffset = quint32(m_arena.size());
    r.noLength = quint16(qMin<qsizetype>(no.size(), 0xFFFF));
    m_arena.append(no.data(), r.noLength);
    r.txnOffset = quint32(m_arena.size());
    r.txnLength = quint16(qMin<qsizetype>(txn.size(), 0xFFFF));
    m_arena.append(txn.data(), r.txnLength);
    r.status = statusCode(statusWord);
    r.refund = refund;
    r.reconPending = reconPending;
    r.seenLine = 0;
    r.statusWord = 0;
    qsizetype word = -1;
    for (qsizetype i = 0; i < m_statusWords.size(); ++i) {
        if (m_statusWords[i] == statusWord) {
            word = i;
            break;
        }
    }
    if (word < 0 && m_statusWords.size() < 255) {
        m_statusWords.append(QByteArray(statusWord.data(), statusWord.size()));
        word = m_statusWords.size() - 1;
    }
    r.statusWord = quint8(qMax<qsizetype>(word, 0));
    m_recs.push_back(r);
    insert(refund ? m_refundByNo : m_byNo, no, quint32(m_recs.size() - 1), false);
    m_txnBuilt = false;
}

void Matcher::addLocal(const LocalRecord &record)
{
    append(record.no.toUtf8(), record.channelTxnNo.toUtf8(), record.id, record.amountMinor,
        record.createdAtMs, record.status.toUtf8(), record.refund, record.reconPending);
}

// One forward-only query per table, straight through the SQLite C API on the connection's own
// handle: no QVariant, no QString per row; keys are copied once into the arena.
Result<void> Matcher::loadLocal(Database &db)
{
    sqlite3 *h = rawHandle(db);
    if (!h)
        return fail(ErrorCode::Internal, QCoreApplication::translate("Recon", "The database is not SQLite"));
    struct Spec
    {
        const char *sql;
        bool refund;
    };
    const Spec specs[] = {
        {"SELECT id, flow_no, channel_txn_no, amount, status, created_at, recon_pending FROM payment_flows"
         " WHERE channel = ?1 AND ((created_at >= ?2 AND created_at < ?3) OR status IN "
         "('INIT','PREPAID','PAYING'))",
            false},
        {"SELECT id, refund_flow_no, channel_refund_no, amount, status, created_at, 0 FROM refund_flows"
         " WHERE channel = ?1 AND created_at >= ?2 AND created_at < ?3",
            true},
    };
    const QByteArray channel = m_channel.toUtf8();
    {
        // Reserve once from the largest id (an upper bound, O(1)), capped: no rehash on the way.
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, "SELECT max(id) FROM payment_flows", -1, &st, nullptr) == SQLITE_OK
            && sqlite3_step(st) == SQLITE_ROW) {
            const qint64 n = qMin<qint64>(sqlite3_column_int64(st, 0), 4'000'000);
            m_recs.reserve(size_t(n) + 64);
            m_arena.reserve(qsizetype(n) * 32 + 1024);
            reserve(m_byNo, qsizetype(n) + 64);
        }
        sqlite3_finalize(st);
    }
    for (const Spec &spec : specs) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(h, spec.sql, -1, &st, nullptr) != SQLITE_OK)
            return fail(ErrorCode::Database,
                QCoreApplication::translate("Recon", "Read local flows: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(h))));
        sqlite3_bind_text(st, 1, channel.constData(), int(channel.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, m_dayStart - m_cutoff);
        sqlite3_bind_int64(st, 3, m_dayEnd + m_cutoff);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            append(columnView(st, 1), columnView(st, 2), sqlite3_column_int64(st, 0),
                sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 5), columnView(st, 4), spec.refund,
                sqlite3_column_int(st, 6) != 0);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return fail(ErrorCode::Database,
                QCoreApplication::translate("Recon", "Read local flows: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(h))));
    }
    return {};
}

void Matcher::buildTxnTables()
{
    if (m_txnBuilt)
        return;
    m_byTxn = Table {};
    m_refundByTxn = Table {};
    reserve(m_byTxn, m_byNo.count);
    reserve(m_refundByTxn, m_refundByNo.count);
    for (size_t i = 0; i < m_recs.size(); ++i) {
        const Rec &r = m_recs[i];
        if (r.txnLength)
            insert(r.refund ? m_refundByTxn : m_byTxn, txnOf(r), quint32(i), true);
    }
    m_txnBuilt = true;
}

QString Matcher::statusText(const Rec &r) const
{
    return QString::fromUtf8(m_statusWords.value(r.statusWord));
}

void Matcher::addBreak(BreakCategory category, BreakState state, const Rec *local,
    const RawStatementLine *line, int lineNo, const QString &detail, QDate expected)
{
    ReconBreak b;
    b.channel = m_channel;
    b.category = category;
    b.state = state;
    b.lineNo = lineNo;
    b.detail = detail;
    b.expectedDay = expected;
    if (local) {
        b.flowNo = QString::fromUtf8(noOf(*local));
        b.channelTxnNo = QString::fromUtf8(txnOf(*local));
        b.localAmount = local->amountMinor;
        b.localStatus = statusText(*local);
    }
    if (line) {
        if (b.flowNo.isEmpty())
            b.flowNo = QString::fromUtf8(line->flowNo);
        if (b.channelTxnNo.isEmpty())
            b.channelTxnNo = QString::fromUtf8(line->channelTxnNo);
        b.statementAmount = line->amountMinor;
        b.statementStatus = QString::fromUtf8(line->status);
    }
    m_breaks.append(b);
}

void Matcher::feed(const StatementLine &line, int lineNo)
{
    const QByteArray flowNo = line.flowNo.toUtf8();
    const QByteArray txn = line.channelTxnNo.toUtf8();
    const QByteArray status = line.status.toUtf8();
    RawStatementLine raw;
    raw.type = line.type;
    raw.flowNo = flowNo;
    raw.channelTxnNo = txn;
    raw.status = status;
    raw.amountMinor = line.amountMinor;
    raw.feeMinor = line.feeMinor;
    raw.timeMs = line.timeMs;
    feed(raw, lineNo);
}

void Matcher::feed(const RawStatementLine &line, int lineNo)
{
    const bool refund = line.type == StatementLine::Type::Refund;
    qint64 idx = find(refund ? m_refundByNo : m_byNo, line.flowNo, false);
    if (idx < 0 && !line.channelTxnNo.isEmpty()) {
        buildTxnTables();
        idx = find(refund ? m_refundByTxn : m_byTxn, line.channelTxnNo, true);
    }
    if (idx < 0) {
        const QByteArray key(line.flowNo.data(), line.flowNo.size());
        const auto seen = m_missingLocally.constFind(key);
        if (seen != m_missingLocally.cend()) {
            addBreak(BreakCategory::DuplicateInStatement, BreakState::Open, nullptr, &line, lineNo,
                QCoreApplication::translate("Recon", "Also on line %1").arg(*seen));
            return;
        }
        m_missingLocally.insert(key, lineNo);
        addBreak(BreakCategory::MissingLocally, BreakState::Open, nullptr, &line, lineNo,
            refund
                ? QCoreApplication::translate("Recon", "The statement shows a refund we have no record of")
                : QCoreApplication::translate("Recon", "The statement shows a payment we have no record of"));
        return;
    }
    Rec &local = m_recs[size_t(idx)];
    if (local.seenLine) {
        addBreak(BreakCategory::DuplicateInStatement, BreakState::Open, &local, &line, lineNo,
            QCoreApplication::translate("Recon", "Also on line %1").arg(local.seenLine));
        return;
    }
    local.seenLine = lineNo;
    const bool channelSucceeded
        = line.status == (refund ? QByteArrayView("REFUND") : QByteArrayView("SUCCESS"));
    const bool amountsAgree = line.amountMinor == local.amountMinor;
    if (channelSucceeded) {
        if (!amountsAgree) {
            addBreak(BreakCategory::AmountMismatch, BreakState::Open, &local, &line, lineNo,
                QCoreApplication::translate("Recon", "Amounts differ: local %1, statement %2")
                    .arg(local.amountMinor)
                    .arg(line.amountMinor));
            return;
        }
        if (local.status == 'S') {
            ++m_matched;
            if (local.createdAtMs >= m_dayEnd || local.createdAtMs < m_dayStart)
                addBreak(BreakCategory::Cutoff, BreakState::Resolved, &local, &line, lineNo,
                    QCoreApplication::translate("Recon", "Matched across midnight"));
            return;
        }
        if (local.status == 'P' && !refund) {
            m_candidates.append({QString::fromUtf8(noOf(local)), QString::fromUtf8(line.channelTxnNo),
                line.amountMinor, lineNo, statusText(local)});
            return;
        }
        addBreak(BreakCategory::StatusMismatch, BreakState::Open, &local, &line, lineNo,
            refund ? QCoreApplication::translate("Recon", "The channel refunded; the local refund is %1")
                         .arg(statusText(local))
                   : QCoreApplication::translate("Recon", "The channel took the money; the local flow is %1")
                         .arg(statusText(local)));
        return;
    }
    // The statement says the money did not move (CLOSED, PROCESSING, ...).
    if (local.status == 'S') {
        addBreak(BreakCategory::StatusMismatch, BreakState::Open, &local, &line, lineNo,
            QCoreApplication::translate("Recon", "The local record succeeded; the statement says %1")
                .arg(QString::fromUtf8(line.status)));
        return;
    }
    if (local.status == 'F' || local.status == 'C') {
        ++m_matched; // both sides agree nothing moved
        return;
    }
    addBreak(BreakCategory::StatusMismatch, BreakState::Open, &local, &line, lineNo,
        QCoreApplication::translate("Recon", "The local record is %1; the statement says %2")
            .arg(statusText(local), QString::fromUtf8(line.status)));
}

void Matcher::finish(bool previousDayDone, const QSet<QString> &crossMidnight)
{
    for (const Rec &local : m_recs) {
        if (local.seenLine || local.status != 'S')
            continue;
        if (local.createdAtMs < m_dayStart || local.createdAtMs >= m_dayEnd)
            continue; // the neighbouring day's business
        const bool nearEnd = local.createdAtMs >= m_dayEnd - m_cutoff;
        const bool nearStart = local.createdAtMs < m_dayStart + m_cutoff;
        if (!nearEnd && !crossMidnight.isEmpty() && crossMidnight.contains(QString::fromUtf8(noOf(local))))
            continue; // an earlier run saw it on the neighbouring day
        if (nearEnd) {
            addBreak(BreakCategory::Cutoff, BreakState::Held, &local, nullptr, 0,
                QCoreApplication::translate("Recon", "Close to midnight: held for the next day's statement"),
                m_day.addDays(1));
        } else if (nearStart && !previousDayDone) {
            addBreak(BreakCategory::Cutoff, BreakState::Held, &local, nullptr, 0,
                QCoreApplication::translate(
                    "Recon", "Close to midnight: held for the previous day's statement"),
                m_day.addDays(-1));
        } else {
            addBreak(BreakCategory::MissingAtChannel, BreakState::Open, &local, nullptr, 0,
                nearStart
                    ? QCoreApplication::translate("Recon", "Not in this statement nor the previous day's")
                    : local.refund
                    ? QCoreApplication::translate("Recon", "A local refund the statement lacks")
                    : QCoreApplication::translate("Recon", "A local success the statement lacks"));
        }
    }
}

bool Matcher::statementHas(const QString &no) const
{
    const QByteArray key = no.toUtf8();
    for (const Table *t : {&m_byNo, &m_refundByNo}) {
        const qint64 idx = find(*t, key, false);
        if (idx >= 0 && m_recs[size_t(idx)].seenLine)
            return true;
    }
    return false;
}

} // namespace pay
