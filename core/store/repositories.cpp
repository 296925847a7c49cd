#include "repositories.h"

#include <QRandomGenerator>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>

namespace pay {

namespace {

// Empty text and a zero id are stored as NULL.
void bindOrNull(SqlStatement &q, const QString &s)
{
    if (s.isEmpty())
        q.addBindNull();
    else
        q.addBindValue(s);
}

void bindOrNull(SqlStatement &q, qint64 v)
{
    if (v == 0)
        q.addBindNull();
    else
        q.addBindValue(v);
}

// Short text that repeats from row to row (states, methods, channels, currencies, accounts):
// one shared QString per distinct value, per thread, instead of an allocation on every read.
// At most 64 values are remembered; others are read as usual.
QString sharedText(const SqlStatement &q, int column)
{
    if (q.columnType(column) != SQLITE_TEXT)
        return q.text(column);
    const QByteArrayView v = q.utf8(column);
    constexpr qsizetype kMaxBytes = 24;
    if (v.size() > kMaxBytes || v.isEmpty())
        return q.text(column);
    struct Entry
    {
        char bytes[kMaxBytes];
        qsizetype size = 0;
        QString text;
    };
    thread_local std::array<Entry, 64> table;
    thread_local int used = 0;
    for (int i = 0; i < used; ++i) {
        const Entry &e = table[size_t(i)];
        if (e.size == v.size() && std::memcmp(e.bytes, v.data(), size_t(v.size())) == 0)
            return e.text;
    }
    QString text = q.text(column);
    if (used < int(table.size())) {
        Entry &e = table[size_t(used++)];
        std::memcpy(e.bytes, v.data(), size_t(v.size()));
        e.size = v.size();
        e.text = text;
    }
    return text;
}

Currency currencyOf(const QString &code)
{
    auto c = Currency::fromCode(code);
    return c ? *c : Currency();
}

std::unexpected<Error> corruptRow(const QString &table, const QString &what)
{
    return fail(ErrorCode::NotADatabase, QCoreApplication::translate("Store", "Corrupt row in %1: %2").arg(table, what));
}

std::unexpected<Error> notFound(const QString &what)
{
    return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "%1 not found").arg(what));
}

// `what` names the operation in an error: a callable returning QString, called only when
// something failed (translating and formatting it on every statement cost more than some of
// the statements).
template<typename What>
Result<void> execPrepared(SqlStatement &q, What &&what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what()));
    return {};
}

template<typename What>
Result<UpdateOutcome> conditional(SqlStatement &q, What &&what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what()));
    return q.numRowsAffected() == 1 ? UpdateOutcome::Applied : UpdateOutcome::LostRace;
}

// ---- trade orders -------------------------------------------------------------------

const QString kTradeColumns = QStringLiteral(
    "id, merchant_id, out_trade_no, subject, amount, currency, status, paid_amount, refunded_amount,"
    " frozen, freeze_reason, expires_at, created_at, updated_at, version, paid_payment_id");

Result<TradeOrder> readTrade(const SqlStatement &q)
{
    TradeOrder t;
    t.id = q.int64(0);
    t.merchantId = sharedText(q, 1);
    t.outTradeNo = q.text(2);
    t.subject = q.text(3);
    t.amount = Money(q.int64(4), currencyOf(sharedText(q, 5)));
    if (!fromString(sharedText(q, 6), t.status))
        return corruptRow(QStringLiteral("trade_orders"), q.text(6));
    t.paidMinor = q.int64(7);
    t.refundedMinor = q.int64(8);
    t.frozen = int(q.int64(9)) != 0;
    t.freezeReason = q.text(10);
    t.expiresAtMs = q.int64(11);
    t.createdAtMs = q.int64(12);
    t.updatedAtMs = q.int64(13);
    t.version = q.int64(14);
    t.paidPaymentId = q.int64(15);
    return t;
}

template<typename T, typename Reader, typename What>
Result<T> fetchOne(SqlStatement &q, Reader read, What &&what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what()));
    if (!q.next()) {
        q.finish();
        return notFound(what());
    }
    auto r = read(q);
    q.finish();
    return r;
}

template<typename T, typename Reader, typename What>
Result<QList<T>> fetchAll(SqlStatement &q, Reader read, What &&what)
{
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, what()));
    QList<T> out;
    while (q.next()) {
        auto r = read(q);
        if (!r) {
            q.finish();
            return std::unexpected(r.error());
        }
        out.append(std::move(*r));
    }
    q.finish();
    return out;
}

// ---- payment orders -----------------------------------------------------------------

const QString kPaymentColumns =
    QStringLiteral("id, payment_no, trade_id, amount, currency, status, fail_reason, created_at, updated_at, version");

Result<PaymentOrder> readPayment(const SqlStatement &q)
{
    PaymentOrder p;
    p.id = q.int64(0);
    p.paymentNo = q.text(1);
    p.tradeId = q.int64(2);
    p.amount = Money(q.int64(3), currencyOf(sharedText(q, 4)));
    if (!fromString(sharedText(q, 5), p.status))
        return corruptRow(QStringLiteral("payment_orders"), q.text(5));
    p.failReason = q.text(6);
    p.createdAtMs = q.int64(7);
    p.updatedAtMs = q.int64(8);
    p.version = q.int64(9);
    return p;
}

// ---- flows --------------------------------------------------------------------------

const QString kFlowColumns = QStringLiteral(
    "id, flow_no, payment_id, trade_id, seq, method, channel, account, amount, currency, status,"
    " channel_txn_no, fail_code, fail_reason, qr_content, prepay_expires_at, refunded_amount, recon_pending,"
    " created_at, updated_at, version");

Result<PaymentFlow> readFlow(const SqlStatement &q)
{
    PaymentFlow f;
    f.id = q.int64(0);
    f.flowNo = q.text(1);
    f.paymentId = q.int64(2);
    f.tradeId = q.int64(3);
    f.seq = int(q.int64(4));
    f.method = sharedText(q, 5);
    f.channel = sharedText(q, 6);
    f.account = q.text(7);
    f.amount = Money(q.int64(8), currencyOf(sharedText(q, 9)));
    if (!fromString(sharedText(q, 10), f.status))
        return corruptRow(QStringLiteral("payment_flows"), q.text(10));
    f.channelTxnNo = q.text(11);
    f.failCode = q.text(12);
    f.failReason = q.text(13);
    f.qrContent = q.text(14);
    f.prepayExpiresAtMs = q.int64(15);
    f.refundedMinor = q.int64(16);
    f.reconPending = int(q.int64(17)) != 0;
    f.createdAtMs = q.int64(18);
    f.updatedAtMs = q.int64(19);
    f.version = q.int64(20);
    return f;
}

// ---- refunds ------------------------------------------------------------------------

const QString kRefundColumns = QStringLiteral(
    "id, refund_no, trade_id, amount, currency, reason, status, requested_by, approved_by, note,"
    " created_at, updated_at, version");

Result<RefundOrder> readRefund(const SqlStatement &q)
{
    RefundOrder r;
    r.id = q.int64(0);
    r.refundNo = q.text(1);
    r.tradeId = q.int64(2);
    r.amount = Money(q.int64(3), currencyOf(sharedText(q, 4)));
    if (!fromString(sharedText(q, 5), r.reason))
        return corruptRow(QStringLiteral("refund_orders"), q.text(5));
    if (!fromString(sharedText(q, 6), r.status))
        return corruptRow(QStringLiteral("refund_orders"), q.text(6));
    r.requestedBy = q.text(7);
    r.approvedBy = q.text(8);
    r.note = q.text(9);
    r.createdAtMs = q.int64(10);
    r.updatedAtMs = q.int64(11);
    r.version = q.int64(12);
    return r;
}

const QString kRefundFlowColumns = QStringLiteral(
    "id, refund_flow_no, refund_id, flow_id, trade_id, channel, amount, currency, status, channel_refund_no,"
    " attempts, fail_reason, created_at, updated_at, version, resolution");

Result<RefundFlow> readRefundFlow(const SqlStatement &q)
{
    RefundFlow r;
    r.id = q.int64(0);
    r.refundFlowNo = q.text(1);
    r.refundId = q.int64(2);
    r.flowId = q.int64(3);
    r.tradeId = q.int64(4);
    r.channel = sharedText(q, 5);
    r.amount = Money(q.int64(6), currencyOf(sharedText(q, 7)));
    if (!fromString(sharedText(q, 8), r.status))
        return corruptRow(QStringLiteral("refund_flows"), q.text(8));
    r.channelRefundNo = q.text(9);
    r.attempts = int(q.int64(10));
    r.failReason = q.text(11);
    r.createdAtMs = q.int64(12);
    r.updatedAtMs = q.int64(13);
    r.version = q.int64(14);
    r.resolution = q.text(15);
    return r;
}

} // namespace

// ===== TradeRepository =================================================================

Result<qint64> TradeRepository::insert(TradeOrder &t)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO trade_orders (merchant_id, out_trade_no, subject, amount, currency, status, paid_amount,"
        " refunded_amount, frozen, freeze_reason, expires_at, created_at, updated_at, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)"));
    q.addBindValue(t.merchantId);
    q.addBindValue(t.outTradeNo);
    q.addBindValue(t.subject);
    q.addBindValue(t.amount.minor());
    q.addBindValue(t.amount.currency().code());
    q.addBindValue(toString(t.status));
    q.addBindValue(t.paidMinor);
    q.addBindValue(t.refundedMinor);
    q.addBindValue(t.frozen ? 1 : 0);
    bindOrNull(q, t.freezeReason);
    q.addBindValue(t.expiresAtMs);
    q.addBindValue(t.createdAtMs);
    q.addBindValue(t.updatedAtMs);
    if (!q.exec()) {
        Error e = Database::errorFrom(q, QCoreApplication::translate("Store", "Insert trade order"));
        if (e.code == ErrorCode::AlreadyExists)
            e.message = QCoreApplication::translate("Store", "Trade order %1 already exists for merchant %2").arg(t.outTradeNo, t.merchantId);
        return std::unexpected(e);
    }
    t.id = q.lastInsertId().toLongLong();
    t.version = 0;
    return t.id;
}

Result<TradeOrder> TradeRepository::find(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kTradeColumns + QStringLiteral(" FROM trade_orders WHERE id = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(id);
    return fetchOne<TradeOrder>(q, readTrade, [&] { return QCoreApplication::translate("Store", "Trade order #%1").arg(id); });
}

Result<TradeOrder> TradeRepository::findByOutTradeNo(const QString &merchantId, const QString &outTradeNo)
{
    static const QString sql = QStringLiteral("SELECT ") + kTradeColumns
                                 + QStringLiteral(" FROM trade_orders WHERE merchant_id = ? AND out_trade_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(merchantId);
    q.addBindValue(outTradeNo);
    return fetchOne<TradeOrder>(q, readTrade, [&] { return QCoreApplication::translate("Store", "Trade order %1").arg(outTradeNo); });
}

Result<UpdateOutcome> TradeRepository::transition(TradeOrder &t, TradeStatus to, qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE trade_orders SET status = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND status = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(toString(to));
    q.addBindValue(nowMs);
    q.addBindValue(t.id);
    q.addBindValue(toString(t.status));
    q.addBindValue(t.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Update trade order"); });
    if (r && *r == UpdateOutcome::Applied) {
        t.status = to;
        t.updatedAtMs = nowMs;
        ++t.version;
    }
    return r;
}

Result<UpdateOutcome> TradeRepository::updateAmounts(TradeOrder &t, qint64 paidMinor, qint64 refundedMinor,
                                                     qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE trade_orders SET paid_amount = ?, refunded_amount = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(paidMinor);
    q.addBindValue(refundedMinor);
    q.addBindValue(nowMs);
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Update trade amounts"); });
    if (r && *r == UpdateOutcome::Applied) {
        t.paidMinor = paidMinor;
        t.refundedMinor = refundedMinor;
        t.updatedAtMs = nowMs;
        ++t.version;
    }
    return r;
}

Result<UpdateOutcome> TradeRepository::freeze(TradeOrder &t, const QString &reason, qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE trade_orders SET frozen = 1, freeze_reason = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(reason);
    q.addBindValue(nowMs);
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Freeze trade order"); });
    if (r && *r == UpdateOutcome::Applied) {
        t.frozen = true;
        t.freezeReason = reason;
        ++t.version;
    }
    return r;
}

Result<qint64> TradeRepository::count()
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT count(*) FROM trade_orders"));
    return fetchOne<qint64>(q, [](const SqlStatement &r) -> Result<qint64> { return r.int64(0); }, [&] { return QCoreApplication::translate("Store", "Count trade orders"); });
}

// ===== PaymentRepository ===============================================================

Result<qint64> PaymentRepository::insert(PaymentOrder &p)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO payment_orders (payment_no, trade_id, amount, currency, status, fail_reason, created_at,"
        " updated_at, version) VALUES (?,?,?,?,?,?,?,?,0)"));
    q.addBindValue(p.paymentNo);
    q.addBindValue(p.tradeId);
    q.addBindValue(p.amount.minor());
    q.addBindValue(p.amount.currency().code());
    q.addBindValue(toString(p.status));
    bindOrNull(q, p.failReason);
    q.addBindValue(p.createdAtMs);
    q.addBindValue(p.updatedAtMs);
    if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Insert payment order %1").arg(p.paymentNo); }); !r)
        return std::unexpected(r.error());
    p.id = q.lastInsertId().toLongLong();
    p.version = 0;
    return p.id;
}

Result<PaymentOrder> PaymentRepository::read(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kPaymentColumns + QStringLiteral(" FROM payment_orders WHERE id = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(id);
    return fetchOne<PaymentOrder>(q, readPayment, [&] { return QCoreApplication::translate("Store", "Payment order #%1").arg(id); });
}

Result<PaymentOrder> PaymentRepository::find(qint64 id)
{
    PaymentMemo &memo = m_db.paymentMemo();
    const qint64 version = m_db.dataVersion();
    if (version >= 0) {
        if (auto hit = memo.find(id, version)) {
            if (FlowMemo::verifying()) {
                auto fresh = read(id);
                QString difference = fresh ? QString() : fresh.error().message;
                if (!fresh || !samePayment(*hit, *fresh, &difference))
                    qFatal("Payment memo disagrees with the file: %s", qPrintable(difference));
            }
            return *hit;
        }
    }
    auto fresh = read(id);
    if (fresh && version >= 0)
        memo.put(*fresh, version);
    return fresh;
}

Result<void> PaymentRepository::number(PaymentOrder &p, const QString &paymentNo)
{
    SqlStatement &q = m_db.statement(QStringLiteral("UPDATE payment_orders SET payment_no = ? WHERE id = ?"));
    q.addBindValue(paymentNo);
    q.addBindValue(p.id);
    if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Number payment %1").arg(paymentNo); }); !r)
        return r;
    p.paymentNo = paymentNo;
    return {};
}

void PaymentRepository::rememberNew(const PaymentOrder &p)
{
    // The row as inserted and numbered in this transaction, as readPayment() reads it back.
    const qint64 version = m_db.dataVersion();
    if (version < 0)
        return;
    PaymentOrder row = p;
    if (row.failReason.isEmpty())
        row.failReason = QString();
    m_db.paymentMemo().put(row, version);
}

Result<PaymentOrder> PaymentRepository::findByNo(const QString &paymentNo)
{
    static const QString sql = QStringLiteral("SELECT ") + kPaymentColumns
                                 + QStringLiteral(" FROM payment_orders WHERE payment_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(paymentNo);
    return fetchOne<PaymentOrder>(q, readPayment, [&] { return QCoreApplication::translate("Store", "Payment order %1").arg(paymentNo); });
}

Result<QList<PaymentOrder>> PaymentRepository::forTrade(qint64 tradeId)
{
    static const QString sql = QStringLiteral("SELECT ") + kPaymentColumns
                                 + QStringLiteral(" FROM payment_orders WHERE trade_id = ? ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(tradeId);
    return fetchAll<PaymentOrder>(q, readPayment, [&] { return QCoreApplication::translate("Store", "Payment orders of trade #%1").arg(tradeId); });
}

Result<UpdateOutcome> PaymentRepository::transition(PaymentOrder &p, PaymentStatus to, qint64 nowMs,
                                                    const QString &failReason)
{
    static const QString sql = QStringLiteral(
        "UPDATE payment_orders SET status = ?, fail_reason = COALESCE(?, fail_reason), updated_at = ?,"
        " version = version + 1 WHERE id = ? AND status = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(toString(to));
    bindOrNull(q, failReason);
    q.addBindValue(nowMs);
    q.addBindValue(p.id);
    q.addBindValue(toString(p.status));
    q.addBindValue(p.version);
    PaymentMemo &memo = m_db.paymentMemo();
    auto remembered = memo.takeForWrite(p.id);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Update payment order"); });
    if (r && *r == UpdateOutcome::Applied) {
        // The remembered row was the one the update matched: it takes what the statement wrote.
        if (remembered && remembered->payment.status == p.status && remembered->payment.version == p.version) {
            PaymentOrder &row = remembered->payment;
            row.status = to;
            if (!failReason.isEmpty())
                row.failReason = failReason;
            row.updatedAtMs = nowMs;
            ++row.version;
            memo.put(row, remembered->dataVersion);
        }
        p.status = to;
        if (!failReason.isEmpty())
            p.failReason = failReason;
        p.updatedAtMs = nowMs;
        ++p.version;
    }
    return r;
}

// ===== FlowRepository ==================================================================

Result<qint64> FlowRepository::insert(PaymentFlow &f)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, account, amount, currency,"
        " status, channel_txn_no, fail_code, fail_reason, qr_content, prepay_expires_at, refunded_amount,"
        " recon_pending, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)"));
    q.addBindValue(f.flowNo);
    q.addBindValue(f.paymentId);
    q.addBindValue(f.tradeId);
    q.addBindValue(f.seq);
    q.addBindValue(f.method);
    q.addBindValue(f.channel);
    bindOrNull(q, f.account);
    q.addBindValue(f.amount.minor());
    q.addBindValue(f.amount.currency().code());
    q.addBindValue(toString(f.status));
    bindOrNull(q, f.channelTxnNo);
    bindOrNull(q, f.failCode);
    bindOrNull(q, f.failReason);
    bindOrNull(q, f.qrContent);
    bindOrNull(q, f.prepayExpiresAtMs);
    q.addBindValue(f.refundedMinor);
    q.addBindValue(f.reconPending ? 1 : 0);
    q.addBindValue(f.createdAtMs);
    q.addBindValue(f.updatedAtMs);
    FlowMemo &memo = m_db.flowMemo();
    auto remembered = memo.takeForWrite(f.paymentId);
    memo.expectInsert(f.paymentId);
    auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Insert flow %1").arg(f.flowNo); });
    memo.expectInsert(0);
    if (!r)
        return std::unexpected(r.error());
    f.id = q.lastInsertId().toLongLong();
    f.version = 0;
    if (remembered) {
        // The row as readFlow() will read it back: empty text is stored as NULL.
        PaymentFlow row = f;
        for (QString *text : {&row.account, &row.channelTxnNo, &row.failCode, &row.failReason, &row.qrContent}) {
            if (text->isEmpty())
                *text = QString();
        }
        auto at = std::upper_bound(remembered->flows.begin(), remembered->flows.end(), row, [](const PaymentFlow &a, const PaymentFlow &b) {
            return a.seq != b.seq ? a.seq < b.seq : a.id < b.id;
        });
        remembered->flows.insert(at, row);
        memo.put(f.paymentId, std::move(remembered->flows), remembered->dataVersion);
    }
    return f.id;
}

Result<PaymentFlow> FlowRepository::find(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns + QStringLiteral(" FROM payment_flows WHERE id = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(id);
    return fetchOne<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flow #%1").arg(id); });
}

Result<PaymentFlow> FlowRepository::findByNo(const QString &flowNo)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns + QStringLiteral(" FROM payment_flows WHERE flow_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(flowNo);
    return fetchOne<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flow %1").arg(flowNo); });
}

Result<PaymentFlow> FlowRepository::findByChannelTxn(const QString &channel, const QString &channelTxnNo)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns
                                 + QStringLiteral(" FROM payment_flows WHERE channel = ? AND channel_txn_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(channel);
    q.addBindValue(channelTxnNo);
    return fetchOne<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flow with %1 transaction %2").arg(channel, channelTxnNo); });
}

Result<QList<PaymentFlow>> FlowRepository::readForPayment(qint64 paymentId)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns
                                 + QStringLiteral(" FROM payment_flows WHERE payment_id = ? ORDER BY seq, id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(paymentId);
    return fetchAll<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flows of payment #%1").arg(paymentId); });
}

Result<QList<PaymentFlow>> FlowRepository::readSiblingsOf(qint64 flowId)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns
                               + QStringLiteral(" FROM payment_flows WHERE payment_id = (SELECT payment_id FROM payment_flows"
                                                " WHERE id = ?) ORDER BY seq, id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(flowId);
    return fetchAll<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flows next to flow #%1").arg(flowId); });
}

// A memo hit checked against the file (PAYDESK_VERIFY_MEMO=1): a difference is a defect in
// the memo's bookkeeping, and the process stops rather than act on a wrong flow.
void FlowRepository::verifyHit(const QList<PaymentFlow> &hit, const Result<QList<PaymentFlow>> &read, const char *how)
{
    QString difference;
    bool same = read.has_value() && read->size() == hit.size();
    if (!read)
        difference = read.error().message;
    else if (!same)
        difference = QStringLiteral("%1 flows remembered, %2 in the file").arg(hit.size()).arg(read->size());
    for (qsizetype i = 0; same && i < hit.size(); ++i)
        same = sameFlow(hit[i], (*read)[i], &difference);
    if (!same)
        qFatal("Flow memo (%s) disagrees with the file: %s", how, qPrintable(difference));
}

// A memo lookup (lookUp(memo, dataVersion)) or, on a miss, a read of the file that the memo
// then keeps.
template<typename LookUp, typename Read>
Result<QList<PaymentFlow>> FlowRepository::remembered(LookUp lookUp, Read read, const char *how)
{
    FlowMemo &memo = m_db.flowMemo();
    const qint64 version = m_db.dataVersion();
    if (version >= 0) {
        if (auto hit = lookUp(memo, version)) {
            if (FlowMemo::verifying())
                verifyHit(*hit, read(), how);
            return *hit;
        }
    }
    auto fresh = read();
    if (fresh && !fresh->isEmpty() && version >= 0)
        memo.put(fresh->first().paymentId, *fresh, version);
    return fresh;
}

Result<QList<PaymentFlow>> FlowRepository::forPayment(qint64 paymentId)
{
    return remembered([&](FlowMemo &memo, qint64 version) { return memo.byPayment(paymentId, version); },
                      [&] { return readForPayment(paymentId); }, "by payment");
}

Result<QList<PaymentFlow>> FlowRepository::siblingsOf(qint64 flowId)
{
    return remembered([&](FlowMemo &memo, qint64 version) { return memo.byFlow(flowId, version); },
                      [&] { return readSiblingsOf(flowId); }, "by flow");
}

void FlowRepository::rememberNewPayment(qint64 paymentId)
{
    // A payment row this transaction has just inserted has no flows yet.
    const qint64 version = m_db.dataVersion();
    if (version >= 0)
        m_db.flowMemo().put(paymentId, {}, version);
}

Result<QList<PaymentFlow>> FlowRepository::forTrade(qint64 tradeId)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns
                                 + QStringLiteral(" FROM payment_flows WHERE trade_id = ? ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(tradeId);
    return fetchAll<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flows of trade #%1").arg(tradeId); });
}

Result<QList<PaymentFlow>> FlowRepository::waitingOfOtherPayments(qint64 tradeId, qint64 paymentId)
{
    static const QString sql = QStringLiteral("SELECT ") + kFlowColumns
                               + QStringLiteral(" FROM payment_flows WHERE trade_id = ? AND payment_id != ?"
                                                " AND status IN ('PREPAID', 'PAYING') ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(tradeId);
    q.addBindValue(paymentId);
    return fetchAll<PaymentFlow>(q, readFlow, [&] { return QCoreApplication::translate("Store", "Flows of trade #%1").arg(tradeId); });
}

Result<UpdateOutcome> FlowRepository::transition(PaymentFlow &f, FlowStatus to, qint64 nowMs)
{
    // Only the columns the move brings are written: SQLite rewrites the index entries of every
    // column an UPDATE assigns, and (channel, channel_txn_no) is a unique index.
    const bool succeeds = to == FlowStatus::Succeeded;
    const bool fails = to == FlowStatus::Failed || to == FlowStatus::Closed;
    static const QString moveSql = QStringLiteral(
        "UPDATE payment_flows SET status = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND status = ? AND version = ?");
    static const QString succeedSql = QStringLiteral(
        "UPDATE payment_flows SET status = ?, channel_txn_no = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND status = ? AND version = ?");
    static const QString failSql = QStringLiteral(
        "UPDATE payment_flows SET status = ?, fail_code = ?, fail_reason = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND status = ? AND version = ?");
    SqlStatement &q = m_db.statement(succeeds ? succeedSql : fails ? failSql : moveSql);
    q.addBindValue(toString(to));
    if (succeeds)
        bindOrNull(q, f.channelTxnNo);
    if (fails) {
        bindOrNull(q, f.failCode);
        bindOrNull(q, f.failReason);
    }
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    q.addBindValue(toString(f.status));
    q.addBindValue(f.version);
    FlowMemo &memo = m_db.flowMemo();
    auto remembered = memo.takeForWrite(f.paymentId);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Update flow %1").arg(f.flowNo); });
    if (r && *r == UpdateOutcome::Applied) {
        if (remembered) {
            // The remembered row was the one this update matched (same status and version):
            // it takes exactly the values the statement wrote.
            for (PaymentFlow &row : remembered->flows) {
                if (row.id != f.id)
                    continue;
                if (row.status != f.status || row.version != f.version) {
                    remembered.reset();
                    break;
                }
                row.status = to;
                row.updatedAtMs = nowMs;
                ++row.version;
                if (succeeds)
                    row.channelTxnNo = f.channelTxnNo.isEmpty() ? QString() : f.channelTxnNo;
                if (fails) {
                    row.failCode = f.failCode.isEmpty() ? QString() : f.failCode;
                    row.failReason = f.failReason.isEmpty() ? QString() : f.failReason;
                }
                break;
            }
            if (remembered)
                memo.put(f.paymentId, std::move(remembered->flows), remembered->dataVersion);
        }
        f.status = to;
        f.updatedAtMs = nowMs;
        ++f.version;
    }
    return r;
}

Result<UpdateOutcome> FlowRepository::addRefunded(PaymentFlow &f, qint64 deltaMinor, qint64 nowMs)
{
    // The CHECK (refunded_amount <= amount) is the last line of defence; the engine checks first.
    static const QString sql = QStringLiteral(
        "UPDATE payment_flows SET refunded_amount = refunded_amount + ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ? AND refunded_amount + ? <= amount");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(deltaMinor);
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    q.addBindValue(f.version);
    q.addBindValue(deltaMinor);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Update refunded amount of flow %1").arg(f.flowNo); });
    if (r && *r == UpdateOutcome::Applied) {
        f.refundedMinor += deltaMinor;
        f.updatedAtMs = nowMs;
        ++f.version;
    }
    return r;
}

Result<UpdateOutcome> FlowRepository::setReconPending(PaymentFlow &f, bool pending, qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE payment_flows SET recon_pending = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(pending ? 1 : 0);
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    q.addBindValue(f.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Mark flow %1 for reconciliation").arg(f.flowNo); });
    if (r && *r == UpdateOutcome::Applied) {
        f.reconPending = pending;
        ++f.version;
    }
    return r;
}

// ===== RefundRepository ================================================================

Result<qint64> RefundRepository::insert(RefundOrder &r)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO refund_orders (refund_no, trade_id, amount, currency, reason, status, requested_by,"
        " approved_by, note, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,0)"));
    q.addBindValue(r.refundNo);
    q.addBindValue(r.tradeId);
    q.addBindValue(r.amount.minor());
    q.addBindValue(r.amount.currency().code());
    q.addBindValue(toString(r.reason));
    q.addBindValue(toString(r.status));
    bindOrNull(q, r.requestedBy);
    bindOrNull(q, r.approvedBy);
    bindOrNull(q, r.note);
    q.addBindValue(r.createdAtMs);
    q.addBindValue(r.updatedAtMs);
    if (auto e = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Insert refund %1").arg(r.refundNo); }); !e)
        return std::unexpected(e.error());
    r.id = q.lastInsertId().toLongLong();
    r.version = 0;
    return r.id;
}

Result<qint64> RefundRepository::insertFlow(RefundFlow &f)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO refund_flows (refund_flow_no, refund_id, flow_id, trade_id, channel, amount, currency, status,"
        " channel_refund_no, attempts, fail_reason, created_at, updated_at, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)"));
    q.addBindValue(f.refundFlowNo);
    q.addBindValue(f.refundId);
    q.addBindValue(f.flowId);
    q.addBindValue(f.tradeId);
    q.addBindValue(f.channel);
    q.addBindValue(f.amount.minor());
    q.addBindValue(f.amount.currency().code());
    q.addBindValue(toString(f.status));
    bindOrNull(q, f.channelRefundNo);
    q.addBindValue(f.attempts);
    bindOrNull(q, f.failReason);
    q.addBindValue(f.createdAtMs);
    q.addBindValue(f.updatedAtMs);
    if (auto e = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Insert refund flow %1").arg(f.refundFlowNo); }); !e)
        return std::unexpected(e.error());
    f.id = q.lastInsertId().toLongLong();
    f.version = 0;
    return f.id;
}

Result<RefundOrder> RefundRepository::find(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundColumns + QStringLiteral(" FROM refund_orders WHERE id = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(id);
    return fetchOne<RefundOrder>(q, readRefund, [&] { return QCoreApplication::translate("Store", "Refund #%1").arg(id); });
}

Result<RefundOrder> RefundRepository::findByNo(const QString &refundNo)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundColumns
                                 + QStringLiteral(" FROM refund_orders WHERE refund_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(refundNo);
    return fetchOne<RefundOrder>(q, readRefund, [&] { return QCoreApplication::translate("Store", "Refund %1").arg(refundNo); });
}

Result<QList<RefundOrder>> RefundRepository::forTrade(qint64 tradeId)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundColumns
                                 + QStringLiteral(" FROM refund_orders WHERE trade_id = ? ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(tradeId);
    return fetchAll<RefundOrder>(q, readRefund, [&] { return QCoreApplication::translate("Store", "Refunds of trade #%1").arg(tradeId); });
}

Result<QList<RefundFlow>> RefundRepository::flowsOf(qint64 refundId)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundFlowColumns
                                 + QStringLiteral(" FROM refund_flows WHERE refund_id = ? ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(refundId);
    return fetchAll<RefundFlow>(q, readRefundFlow, [&] { return QCoreApplication::translate("Store", "Refund flows of refund #%1").arg(refundId); });
}

Result<RefundFlow> RefundRepository::findFlow(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundFlowColumns + QStringLiteral(" FROM refund_flows WHERE id = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(id);
    return fetchOne<RefundFlow>(q, readRefundFlow, [&] { return QCoreApplication::translate("Store", "Refund flow #%1").arg(id); });
}

Result<RefundFlow> RefundRepository::findFlowByNo(const QString &no)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundFlowColumns
                                 + QStringLiteral(" FROM refund_flows WHERE refund_flow_no = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(no);
    return fetchOne<RefundFlow>(q, readRefundFlow, [&] { return QCoreApplication::translate("Store", "Refund flow %1").arg(no); });
}

Result<UpdateOutcome> RefundRepository::transition(RefundOrder &r, RefundStatus to, qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE refund_orders SET status = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND status = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(toString(to));
    q.addBindValue(nowMs);
    q.addBindValue(r.id);
    q.addBindValue(toString(r.status));
    q.addBindValue(r.version);
    auto out = conditional(q, [&] { return QCoreApplication::translate("Store", "Update refund %1").arg(r.refundNo); });
    if (out && *out == UpdateOutcome::Applied) {
        r.status = to;
        r.updatedAtMs = nowMs;
        ++r.version;
    }
    return out;
}

Result<UpdateOutcome> RefundRepository::transitionFlow(RefundFlow &f, RefundStatus to, qint64 nowMs)
{
    static const QString sql = QStringLiteral(
        "UPDATE refund_flows SET status = ?, channel_refund_no = ?, attempts = ?, fail_reason = ?, updated_at = ?,"
        " version = version + 1 WHERE id = ? AND status = ? AND version = ?");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(toString(to));
    bindOrNull(q, f.channelRefundNo);
    q.addBindValue(f.attempts);
    bindOrNull(q, f.failReason);
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    q.addBindValue(toString(f.status));
    q.addBindValue(f.version);
    auto out = conditional(q, [&] { return QCoreApplication::translate("Store", "Update refund flow %1").arg(f.refundFlowNo); });
    if (out && *out == UpdateOutcome::Applied) {
        f.status = to;
        f.updatedAtMs = nowMs;
        ++f.version;
    }
    return out;
}

// ===== LedgerRepository ================================================================

Result<void> LedgerRepository::post(const QString &postingSet, const QList<LedgerPosting> &postings)
{
    if (postings.size() < 2)
        return fail(ErrorCode::AmountMismatch,
                    QCoreApplication::translate("Store", "Posting set %1 needs at least two postings").arg(postingSet));
    QHash<QString, qint64> sums;
    for (const LedgerPosting &p : postings) {
        qint64 &s = sums[p.amount.currency().code()];
        if (qAddOverflow(s, p.amount.minor(), &s))
            return fail(ErrorCode::Overflow, QCoreApplication::translate("Store", "Posting set %1 overflows").arg(postingSet));
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (it.value() != 0)
            return fail(ErrorCode::AmountMismatch, QCoreApplication::translate("Store", "Posting set %1 does not balance: %2 %3 left over")
                                                       .arg(postingSet, QString::number(it.value()), it.key()));
    }
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO ledger_postings (posting_set, account, amount, currency, trade_id, flow_id, refund_flow_id,"
        " memo, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    for (const LedgerPosting &p : postings) {
        q.addBindValue(postingSet);
        q.addBindValue(p.account);
        q.addBindValue(p.amount.minor());
        q.addBindValue(p.amount.currency().code());
        bindOrNull(q, p.tradeId);
        bindOrNull(q, p.flowId);
        bindOrNull(q, p.refundFlowId);
        bindOrNull(q, p.memo);
        q.addBindValue(p.atMs);
        if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Post to ledger"); }); !r)
            return r;
    }
    return {};
}

Result<QList<LedgerPosting>> LedgerRepository::forTrade(qint64 tradeId)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "SELECT id, posting_set, account, amount, currency, trade_id, flow_id, refund_flow_id, memo, created_at"
        " FROM ledger_postings WHERE trade_id = ? ORDER BY id"));
    q.addBindValue(tradeId);
    return fetchAll<LedgerPosting>(
        q,
        [](const SqlStatement &r) -> Result<LedgerPosting> {
            LedgerPosting p;
            p.id = r.int64(0);
            p.postingSet = r.text(1);
            p.account = r.text(2);
            p.amount = Money(r.int64(3), currencyOf(r.text(4)));
            p.tradeId = r.int64(5);
            p.flowId = r.int64(6);
            p.refundFlowId = r.int64(7);
            p.memo = r.text(8);
            p.atMs = r.int64(9);
            return p;
        }, [&] { return QCoreApplication::translate("Store", "Ledger of trade #%1").arg(tradeId); });
}

Result<QList<LedgerRepository::Imbalance>> LedgerRepository::unbalanced()
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "SELECT posting_set, currency, SUM(amount) FROM ledger_postings GROUP BY posting_set, currency"
        " HAVING SUM(amount) <> 0 ORDER BY posting_set"));
    return fetchAll<Imbalance>(
        q,
        [](const SqlStatement &r) -> Result<Imbalance> {
            return Imbalance{r.text(0), r.text(1), r.int64(2)};
        }, [&] { return QCoreApplication::translate("Store", "Ledger balance check"); });
}

// ===== EventRepository =================================================================

Result<qint64> EventRepository::append(const Event &e)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO events (at, trade_id, entity, entity_id, entity_no, from_state, to_state, event, source, actor,"
        " payload) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(e.atMs);
    bindOrNull(q, e.tradeId);
    q.addBindValue(e.entity);
    bindOrNull(q, e.entityId);
    bindOrNull(q, e.entityNo);
    bindOrNull(q, e.fromState);
    bindOrNull(q, e.toState);
    q.addBindValue(e.event);
    q.addBindValue(toString(e.source));
    bindOrNull(q, e.actor);
    if (!e.payloadJson.isEmpty())
        q.addBindUtf8(e.payloadJson);
    else if (e.payload.isEmpty())
        q.addBindNull();
    else
        q.addBindUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact));
    if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Append event"); }); !r)
        return std::unexpected(r.error());
    return q.lastInsertId().toLongLong();
}

Result<QList<Event>> EventRepository::forTrade(qint64 tradeId)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "SELECT id, at, trade_id, entity, entity_id, entity_no, from_state, to_state, event, source, actor, payload"
        " FROM events WHERE trade_id = ? ORDER BY at, id"));
    q.addBindValue(tradeId);
    return fetchAll<Event>(
        q,
        [](const SqlStatement &r) -> Result<Event> {
            Event e;
            e.id = r.int64(0);
            e.atMs = r.int64(1);
            e.tradeId = r.int64(2);
            e.entity = r.text(3);
            e.entityId = r.int64(4);
            e.entityNo = r.text(5);
            e.fromState = r.text(6);
            e.toState = r.text(7);
            e.event = r.text(8);
            const QString src = r.text(9);
            for (auto s : {EventSource::Sync, EventSource::Callback, EventSource::Query, EventSource::Timeout,
                           EventSource::Recon, EventSource::Operator, EventSource::System}) {
                if (toString(s) == src)
                    e.source = s;
            }
            e.actor = r.text(10);
            e.payload = QJsonDocument::fromJson(r.text(11).toUtf8()).object();
            return e;
        }, [&] { return QCoreApplication::translate("Store", "Events of trade #%1").arg(tradeId); });
}

Result<qint64> EventRepository::count()
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT count(*) FROM events"));
    return fetchOne<qint64>(q, [](const SqlStatement &r) -> Result<qint64> { return r.int64(0); }, [&] { return QCoreApplication::translate("Store", "Count events"); });
}

// ===== IdempotencyStore ================================================================

QByteArray IdempotencyStore::hashRequest(const QByteArray &canonicalRequest)
{
    return QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
}

Result<IdempotencyStore::Claim> IdempotencyStore::peek(const QString &scope, const QString &key,
                                                       const QByteArray &requestHash, qint64 nowMs)
{
    bool expired = false;
    return look(scope, key, requestHash, nowMs, &expired);
}

Result<IdempotencyStore::Claim> IdempotencyStore::look(const QString &scope, const QString &key,
                                                       const QByteArray &requestHash, qint64 nowMs, bool *expired)
{
    *expired = false;
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "An idempotency key is required"));
    SqlStatement &sel = m_db.statement(QStringLiteral(
        "SELECT request_hash, response, expires_at FROM idempotency_keys WHERE scope = ? AND idem_key = ?"));
    sel.addBindValue(scope);
    sel.addBindValue(key);
    if (!sel.exec())
        return std::unexpected(Database::errorFrom(sel, QCoreApplication::translate("Store", "Read idempotency key")));
    if (!sel.next()) {
        sel.finish();
        return Claim{false, {}};
    }
    const QByteArray storedHash = sel.value(0).toString().toLatin1();
    const QByteArray response = sel.value(1).toString().toUtf8();
    const qint64 expiresAt = sel.value(2).toLongLong();
    sel.finish();
    if (expiresAt <= nowMs) {
        *expired = true;
        return Claim{false, {}};
    }
    if (storedHash != requestHash)
        return fail(ErrorCode::IdempotencyConflict,
                    QCoreApplication::translate("Store", "Idempotency key %1 was already used for a different request").arg(key));
    return Claim{true, response};
}

Result<IdempotencyStore::Claim> IdempotencyStore::claim(const QString &scope, const QString &key,
                                                        const QByteArray &requestHash, qint64 nowMs)
{
    bool expired = false;
    auto seen = look(scope, key, requestHash, nowMs, &expired);
    if (!seen || seen->replay)
        return seen;
    if (expired) {
        SqlStatement &del = m_db.statement(QStringLiteral("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?"));
        del.addBindValue(scope);
        del.addBindValue(key);
        if (auto r = execPrepared(del, [&] { return QCoreApplication::translate("Store", "Expire idempotency key"); }); !r)
            return std::unexpected(r.error());
    }
    SqlStatement &ins = m_db.statement(QStringLiteral(
        "INSERT INTO idempotency_keys (scope, idem_key, request_hash, response, created_at, expires_at)"
        " VALUES (?,?,?,NULL,?,?)"));
    ins.addBindValue(scope);
    ins.addBindValue(key);
    ins.addBindValue(QString::fromLatin1(requestHash));
    ins.addBindValue(nowMs);
    ins.addBindValue(nowMs + m_ttlMs);
    if (auto r = execPrepared(ins, [&] { return QCoreApplication::translate("Store", "Store idempotency key"); }); !r)
        return std::unexpected(r.error());
    return Claim{false, {}};
}

Result<void> IdempotencyStore::storeResponse(const QString &scope, const QString &key, const QByteArray &response)
{
    SqlStatement &q = m_db.statement(QStringLiteral("UPDATE idempotency_keys SET response = ? WHERE scope = ? AND idem_key = ?"));
    q.addBindValue(QString::fromUtf8(response));
    q.addBindValue(scope);
    q.addBindValue(key);
    return execPrepared(q, [&] { return QCoreApplication::translate("Store", "Store idempotent response"); });
}

Result<int> IdempotencyStore::purgeExpired(qint64 nowMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral("DELETE FROM idempotency_keys WHERE expires_at <= ?"));
    q.addBindValue(nowMs);
    if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Purge idempotency keys"); }); !r)
        return std::unexpected(r.error());
    return q.numRowsAffected();
}

Result<void> FlowRepository::setChannelTxnNo(PaymentFlow &f, const QString &txnNo, qint64 nowMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "UPDATE payment_flows SET channel_txn_no = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND (channel_txn_no IS NULL OR channel_txn_no = '')"));
    q.addBindValue(txnNo);
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    if (auto r = execPrepared(q, [&] { return QCoreApplication::translate("Store", "Record the channel transaction of flow %1").arg(f.flowNo); }); !r)
        return r;
    if (q.numRowsAffected() == 1) {
        f.channelTxnNo = txnNo;
        f.version += 1;
        f.updatedAtMs = nowMs;
    }
    return {};
}

Result<QByteArray> ChannelSecretStore::secretFor(const QString &channel, const QByteArray &configured)
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT secret FROM channel_secrets WHERE channel = ?"));
    q.addBindValue(channel);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Store", "Read the callback secret of %1").arg(channel)));
    QByteArray stored;
    if (q.next())
        stored = q.text(0).toUtf8();
    q.finish();
    if (!stored.isEmpty() && (configured.isEmpty() || configured == stored))
        return stored;
    QByteArray secret = configured;
    if (secret.isEmpty()) {
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                             reinterpret_cast<quint32 *>(raw.data() + raw.size()));
        secret = raw.toHex();
    }
    SqlStatement &w = m_db.statement(QStringLiteral(
        "INSERT INTO channel_secrets (channel, secret) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET secret = excluded.secret"));
    w.addBindValue(channel);
    w.addBindValue(QString::fromUtf8(secret));
    if (auto r = execPrepared(w, [&] { return QCoreApplication::translate("Store", "Store the callback secret of %1").arg(channel); }); !r)
        return std::unexpected(r.error());
    return secret;
}

Result<qint64> MetaStore::numberingEpoch()
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT value FROM meta WHERE key = 'numbering_epoch'"));
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Store", "Read the numbering epoch")));
    qint64 epoch = 0;
    if (q.next())
        epoch = q.text(0).toLongLong();
    q.finish();
    return epoch;
}

Result<void> MetaStore::setNumberingEpoch(qint64 epoch)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO meta (key, value) VALUES ('numbering_epoch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(QString::number(epoch));
    return execPrepared(q, [] { return QCoreApplication::translate("Store", "Write the numbering epoch"); });
}

// ===== refund guard support ============================================================

Result<UpdateOutcome> TradeRepository::setPaidBy(TradeOrder &t, qint64 paymentId, qint64 nowMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "UPDATE trade_orders SET paid_payment_id = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ?"));
    q.addBindValue(paymentId);
    q.addBindValue(nowMs);
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Record the paying attempt of trade #%1").arg(t.id); });
    if (r && *r == UpdateOutcome::Applied) {
        t.paidPaymentId = paymentId;
        t.version += 1;
        t.updatedAtMs = nowMs;
    }
    return r;
}

Result<UpdateOutcome> TradeRepository::unfreeze(TradeOrder &t, qint64 nowMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "UPDATE trade_orders SET frozen = 0, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ? AND frozen = 1"));
    q.addBindValue(nowMs);
    q.addBindValue(t.id);
    q.addBindValue(t.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Release trade #%1").arg(t.id); });
    if (r && *r == UpdateOutcome::Applied) {
        t.frozen = false;
        t.version += 1;
        t.updatedAtMs = nowMs;
    }
    return r;
}

Result<void> TradeRepository::lock(qint64 tradeId)
{
    // SQLite: the write takes the database's write lock for the transaction; PostgreSQL: the
    // row lock. Either way two refunds of one trade cannot pass the guard at once.
    SqlStatement &q = m_db.statement(QStringLiteral("UPDATE trade_orders SET version = version WHERE id = ?"));
    q.addBindValue(tradeId);
    return execPrepared(q, [&] { return QCoreApplication::translate("Store", "Lock trade #%1").arg(tradeId); });
}

Result<QList<RefundFlow>> RefundRepository::flowsOfTrade(qint64 tradeId)
{
    static const QString sql = QStringLiteral("SELECT ") + kRefundFlowColumns
                                 + QStringLiteral(" FROM refund_flows WHERE trade_id = ? ORDER BY id");
    SqlStatement &q = m_db.statement(sql);
    q.addBindValue(tradeId);
    return fetchAll<RefundFlow>(q, readRefundFlow, [&] { return QCoreApplication::translate("Store", "Refund flows of trade #%1").arg(tradeId); });
}

Result<UpdateOutcome> RefundRepository::resolveFlow(RefundFlow &f, const QString &resolution, qint64 nowMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "UPDATE refund_flows SET resolution = ?, updated_at = ?, version = version + 1"
        " WHERE id = ? AND version = ? AND status = 'FAILED' AND resolution IS NULL"));
    q.addBindValue(resolution);
    q.addBindValue(nowMs);
    q.addBindValue(f.id);
    q.addBindValue(f.version);
    auto r = conditional(q, [&] { return QCoreApplication::translate("Store", "Resolve refund flow %1").arg(f.refundFlowNo); });
    if (r && *r == UpdateOutcome::Applied) {
        f.resolution = resolution;
        f.version += 1;
        f.updatedAtMs = nowMs;
    }
    return r;
}

} // namespace pay
