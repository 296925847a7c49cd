#include "reconbreak.h"

#include "../store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

struct CategoryName
{
    BreakCategory category;
    const char16_t *name;
};

constexpr CategoryName kCategories[] = {
    {BreakCategory::Matched, u"MATCHED"},
    {BreakCategory::MissingAtChannel, u"MISSING_AT_CHANNEL"},
    {BreakCategory::MissingLocally, u"MISSING_LOCALLY"},
    {BreakCategory::AmountMismatch, u"AMOUNT_MISMATCH"},
    {BreakCategory::StatusMismatch, u"STATUS_MISMATCH"},
    {BreakCategory::DuplicateInStatement, u"DUPLICATE_IN_STATEMENT"},
    {BreakCategory::Cutoff, u"CUTOFF"},
    {BreakCategory::TradePaymentMismatch, u"TRADE_PAYMENT_MISMATCH"},
    {BreakCategory::ChannelStatusMismatch, u"CHANNEL_STATUS_MISMATCH"},
    {BreakCategory::ChannelAmountMismatch, u"CHANNEL_AMOUNT_MISMATCH"},
    {BreakCategory::LedgerMismatch, u"LEDGER_MISMATCH"},
};

const QString kColumns
    = u"id, run_id, channel, category, flow_no, channel_txn_no, local_amount, statement_amount,"
      " local_status, statement_status, line_no, detail, state, resolution, expected_day,"
      " created_at, resolved_at, resolved_by"_s;

QVariant optionalAmount(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

QString toString(BreakCategory c)
{
    for (const auto &e : kCategories) {
        if (e.category == c)
            return QString::fromUtf16(e.name);
    }
    return {};
}

bool fromString(QStringView text, BreakCategory &out)
{
    for (const auto &e : kCategories) {
        if (text == QStringView(e.name)) {
            out = e.category;
            return true;
        }
    }
    return false;
}

QList<BreakCategory> allBreakCategories()
{
    QList<BreakCategory> all;
    for (const auto &e : kCategories)
        all << e.category;
    return all;
}

QString toString(BreakState s)
{
    switch (s) {
    case BreakState::Open:
        return u"OPEN"_s;
    case BreakState::Held:
        return u"HELD"_s;
    case BreakState::Resolved:
        return u"RESOLVED"_s;
    }
    return {};
}

bool fromString(QStringView text, BreakState &out)
{
    for (BreakState s : {BreakState::Open, BreakState::Held, BreakState::Resolved}) {
        if (text == toString(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

Result<qint64> BreakStore::insert(ReconBreak &b)
{
    QSqlQuery &q = m_db.prepared(
        u"INSERT INTO recon_breaks (run_id, channel, category, flow_no, channel_txn_no, local_amount,"
        " statement_amount, local_status, statement_status, line_no, detail, state, resolution, expected_day,"
        " created_at, resolved_at, resolved_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(b.runId > 0 ? QVariant(b.runId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(b.channel);
    q.addBindValue(toString(b.category));
    q.addBindValue(b.flowNo);
    q.addBindValue(b.channelTxnNo);
    q.addBindValue(optionalAmount(b.localAmount));
    q.addBindValue(optionalAmount(b.statementAmount));
    q.addBindValue(b.localStatus);
    q.addBindValue(b.statementStatus);
    q.addBindValue(b.lineNo > 0 ? QVariant(b.lineNo) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(b.detail);
    q.addBindValue(toString(b.state));
    q.addBindValue(b.resolution.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(b.resolution));
    q.addBindValue(b.expectedDay.isValid() ? QVariant(b.expectedDay.toString(Qt::ISODate))
                                           : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(b.createdAtMs);
    q.addBindValue(b.resolvedAtMs > 0 ? QVariant(b.resolvedAtMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(b.resolvedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(b.resolvedBy));
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Recon", "Record a break")));
    b.id = q.lastInsertId().toLongLong();
    q.finish();
    return b.id;
}

Result<void> BreakStore::resolve(qint64 id, const QString &resolution, const QString &by, qint64 nowMs)
{
    QSqlQuery &q
        = m_db.prepared(u"UPDATE recon_breaks SET state = 'RESOLVED', resolution = ?, resolved_by = ?,"
                        " resolved_at = ? WHERE id = ? AND state <> 'RESOLVED'"_s);
    q.addBindValue(resolution);
    q.addBindValue(by);
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Recon", "Resolve a break")));
    q.finish();
    return {};
}

Result<void> BreakStore::reopenAs(qint64 id, BreakCategory category, const QString &detail)
{
    QSqlQuery &q
        = m_db.prepared(u"UPDATE recon_breaks SET state = 'OPEN', category = ?, detail = ? WHERE id = ?"_s);
    q.addBindValue(toString(category));
    q.addBindValue(detail);
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Recon", "Reopen a break")));
    q.finish();
    return {};
}

Result<QList<ReconBreak>> BreakStore::list(const QString &where, const QVariantList &binds)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT "_s + kColumns + u" FROM recon_breaks WHERE "_s + where + u" ORDER BY id"_s))
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Recon", "List breaks")));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Recon", "List breaks")));
    QList<ReconBreak> out;
    while (q.next()) {
        ReconBreak b;
        b.id = q.value(0).toLongLong();
        b.runId = q.value(1).toLongLong();
        b.channel = q.value(2).toString();
        fromString(q.value(3).toString(), b.category);
        b.flowNo = q.value(4).toString();
        b.channelTxnNo = q.value(5).toString();
        if (!q.value(6).isNull())
            b.localAmount = q.value(6).toLongLong();
        if (!q.value(7).isNull())
            b.statementAmount = q.value(7).toLongLong();
        b.localStatus = q.value(8).toString();
        b.statementStatus = q.value(9).toString();
        b.lineNo = q.value(10).toInt();
        b.detail = q.value(11).toString();
        fromString(q.value(12).toString(), b.state);
        b.resolution = q.value(13).toString();
        b.expectedDay = QDate::fromString(q.value(14).toString(), Qt::ISODate);
        b.createdAtMs = q.value(15).toLongLong();
        b.resolvedAtMs = q.value(16).toLongLong();
        b.resolvedBy = q.value(17).toString();
        out << b;
    }
    return out;
}

Result<QList<ReconBreak>> BreakStore::forRun(qint64 runId)
{
    return list(u"run_id = ?"_s, {runId});
}

Result<QList<ReconBreak>> BreakStore::held(const QString &channel)
{
    return list(u"channel = ? AND state = 'HELD'"_s, {channel});
}

Result<bool> BreakStore::hasUnresolved(BreakCategory category, const QString &flowNo)
{
    QSqlQuery &q = m_db.prepared(
        u"SELECT count(*) FROM recon_breaks WHERE flow_no = ? AND category = ? AND state <> 'RESOLVED'"_s);
    q.addBindValue(flowNo);
    q.addBindValue(toString(category));
    if (!q.exec() || !q.next())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Recon", "Look up breaks")));
    const bool found = q.value(0).toInt() > 0;
    q.finish();
    return found;
}

} // namespace pay
