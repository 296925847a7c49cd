#include "flowmemo.h"

#include <sqlite3.h>

namespace pay {

namespace {
// Payments in flight at once are a few hundred at most; past this the memo starts over.
constexpr qsizetype kMaxEntries = 1024;
} // namespace

bool FlowMemo::verifying()
{
    static const bool on = qEnvironmentVariableIntValue("PAYDESK_VERIFY_MEMO") != 0;
    return on;
}

std::optional<QList<PaymentFlow>> FlowMemo::byPayment(qint64 paymentId, qint64 dataVersion)
{
    auto it = m_byPayment.constFind(paymentId);
    if (it == m_byPayment.constEnd())
        return std::nullopt;
    if (it->dataVersion != dataVersion) {
        clear(); // another connection committed: nothing here can be trusted
        return std::nullopt;
    }
    ++m_hits;
    return it->flows;
}

std::optional<QList<PaymentFlow>> FlowMemo::byFlow(qint64 flowId, qint64 dataVersion)
{
    auto it = m_paymentOfFlow.constFind(flowId);
    if (it == m_paymentOfFlow.constEnd())
        return std::nullopt;
    return byPayment(*it, dataVersion);
}

void FlowMemo::put(qint64 paymentId, QList<PaymentFlow> flows, qint64 dataVersion)
{
    if (paymentId <= 0)
        return;
    drop(paymentId);
    if (m_byPayment.size() >= kMaxEntries)
        clear();
    for (const PaymentFlow &f : flows) {
        if (f.paymentId != paymentId)
            return; // not one payment's flows: keep nothing
    }
    for (const PaymentFlow &f : flows)
        m_paymentOfFlow.insert(f.id, paymentId);
    m_byPayment.insert(paymentId, Entry{std::move(flows), dataVersion});
}

std::optional<FlowMemo::Entry> FlowMemo::takeForWrite(qint64 paymentId)
{
    auto it = m_byPayment.find(paymentId);
    if (it == m_byPayment.end())
        return std::nullopt;
    Entry e = std::move(*it);
    m_byPayment.erase(it);
    for (const PaymentFlow &f : e.flows)
        m_paymentOfFlow.remove(f.id);
    return e;
}

void FlowMemo::rowChanged(int sqliteOperation, qint64 rowid)
{
    if (sqliteOperation == SQLITE_INSERT) {
        // A new row belongs to a payment the hook does not name: only an announced insert
        // keeps the other payments' entries.
        const qint64 expected = std::exchange(m_expectedInsert, 0);
        if (expected > 0)
            drop(expected);
        else
            clear();
        return;
    }
    auto it = m_paymentOfFlow.constFind(rowid);
    if (it != m_paymentOfFlow.constEnd())
        drop(*it); // rows outside every entry cannot make one wrong
}

void FlowMemo::drop(qint64 paymentId)
{
    auto it = m_byPayment.find(paymentId);
    if (it == m_byPayment.end())
        return;
    for (const PaymentFlow &f : it->flows)
        m_paymentOfFlow.remove(f.id);
    m_byPayment.erase(it);
}

void FlowMemo::clear()
{
    m_byPayment.clear();
    m_paymentOfFlow.clear();
    m_expectedInsert = 0;
}

std::optional<PaymentOrder> PaymentMemo::find(qint64 id, qint64 dataVersion)
{
    auto it = m_rows.constFind(id);
    if (it == m_rows.constEnd())
        return std::nullopt;
    if (it->dataVersion != dataVersion) {
        clear();
        return std::nullopt;
    }
    ++m_hits;
    return it->payment;
}

void PaymentMemo::put(const PaymentOrder &payment, qint64 dataVersion)
{
    if (payment.id <= 0)
        return;
    if (m_rows.size() >= kMaxEntries)
        clear();
    m_rows.insert(payment.id, Entry{payment, dataVersion});
}

std::optional<PaymentMemo::Entry> PaymentMemo::takeForWrite(qint64 id)
{
    auto it = m_rows.find(id);
    if (it == m_rows.end())
        return std::nullopt;
    Entry e = std::move(*it);
    m_rows.erase(it);
    return e;
}

bool samePayment(const PaymentOrder &a, const PaymentOrder &b, QString *difference)
{
    auto differs = [&](const char *field, const QString &x, const QString &y) {
        if (difference)
            *difference = QStringLiteral("%1: '%2' vs '%3'").arg(QLatin1StringView(field), x, y);
        return false;
    };
    auto n = [](qint64 v) { return QString::number(v); };
    if (a.id != b.id)
        return differs("id", n(a.id), n(b.id));
    if (a.paymentNo != b.paymentNo)
        return differs("payment_no", a.paymentNo, b.paymentNo);
    if (a.tradeId != b.tradeId)
        return differs("trade_id", n(a.tradeId), n(b.tradeId));
    if (a.amount.minor() != b.amount.minor() || a.amount.currency().code() != b.amount.currency().code())
        return differs("amount", a.amount.toPlainString(), b.amount.toPlainString());
    if (a.status != b.status)
        return differs("status", toString(a.status), toString(b.status));
    if (a.failReason != b.failReason)
        return differs("fail_reason", a.failReason, b.failReason);
    if (a.createdAtMs != b.createdAtMs)
        return differs("created_at", n(a.createdAtMs), n(b.createdAtMs));
    if (a.updatedAtMs != b.updatedAtMs)
        return differs("updated_at", n(a.updatedAtMs), n(b.updatedAtMs));
    if (a.version != b.version)
        return differs("version", n(a.version), n(b.version));
    return true;
}

bool sameFlow(const PaymentFlow &a, const PaymentFlow &b, QString *difference)
{
    auto differs = [&](const char *field, const QString &x, const QString &y) {
        if (difference)
            *difference = QStringLiteral("%1: '%2' vs '%3'").arg(QLatin1StringView(field), x, y);
        return false;
    };
    auto n = [](qint64 v) { return QString::number(v); };
    if (a.id != b.id)
        return differs("id", n(a.id), n(b.id));
    if (a.flowNo != b.flowNo)
        return differs("flow_no", a.flowNo, b.flowNo);
    if (a.paymentId != b.paymentId)
        return differs("payment_id", n(a.paymentId), n(b.paymentId));
    if (a.tradeId != b.tradeId)
        return differs("trade_id", n(a.tradeId), n(b.tradeId));
    if (a.seq != b.seq)
        return differs("seq", n(a.seq), n(b.seq));
    if (a.method != b.method)
        return differs("method", a.method, b.method);
    if (a.channel != b.channel)
        return differs("channel", a.channel, b.channel);
    if (a.account != b.account)
        return differs("account", a.account, b.account);
    if (a.amount.minor() != b.amount.minor() || a.amount.currency().code() != b.amount.currency().code())
        return differs("amount", a.amount.toPlainString(), b.amount.toPlainString());
    if (a.status != b.status)
        return differs("status", toString(a.status), toString(b.status));
    if (a.channelTxnNo != b.channelTxnNo)
        return differs("channel_txn_no", a.channelTxnNo, b.channelTxnNo);
    if (a.failCode != b.failCode)
        return differs("fail_code", a.failCode, b.failCode);
    if (a.failReason != b.failReason)
        return differs("fail_reason", a.failReason, b.failReason);
    if (a.qrContent != b.qrContent)
        return differs("qr_content", a.qrContent, b.qrContent);
    if (a.prepayExpiresAtMs != b.prepayExpiresAtMs)
        return differs("prepay_expires_at", n(a.prepayExpiresAtMs), n(b.prepayExpiresAtMs));
    if (a.refundedMinor != b.refundedMinor)
        return differs("refunded_amount", n(a.refundedMinor), n(b.refundedMinor));
    if (a.reconPending != b.reconPending)
        return differs("recon_pending", n(a.reconPending), n(b.reconPending));
    if (a.createdAtMs != b.createdAtMs)
        return differs("created_at", n(a.createdAtMs), n(b.createdAtMs));
    if (a.updatedAtMs != b.updatedAtMs)
        return differs("updated_at", n(a.updatedAtMs), n(b.updatedAtMs));
    if (a.version != b.version)
        return differs("version", n(a.version), n(b.version));
    return true;
}

} // namespace pay
