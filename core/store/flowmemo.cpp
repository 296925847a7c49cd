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

namespace {

// Field by field, stopping at the first difference and naming it.
class Comparison
{
public:
    explicit Comparison(QString *difference) : m_difference(difference) {}
    Comparison &operator()(const char *field, qint64 a, qint64 b)
    {
        if (m_same && a != b)
            differs(field, QString::number(a), QString::number(b));
        return *this;
    }
    Comparison &operator()(const char *field, const QString &a, const QString &b)
    {
        if (m_same && a != b)
            differs(field, a, b);
        return *this;
    }
    Comparison &operator()(const char *field, const Money &a, const Money &b)
    {
        if (m_same && (a.minor() != b.minor() || a.currency().code() != b.currency().code()))
            differs(field, a.toPlainString() + a.currency().code(), b.toPlainString() + b.currency().code());
        return *this;
    }
    bool same() const { return m_same; }

private:
    void differs(const char *field, const QString &a, const QString &b)
    {
        m_same = false;
        if (m_difference)
            *m_difference = QStringLiteral("%1: '%2' vs '%3'").arg(QLatin1StringView(field), a, b);
    }

    QString *m_difference;
    bool m_same = true;
};

} // namespace

bool samePayment(const PaymentOrder &a, const PaymentOrder &b, QString *difference)
{
    return Comparison(difference)("id", a.id, b.id)("payment_no", a.paymentNo, b.paymentNo)("trade_id", a.tradeId, b.tradeId)(
               "amount", a.amount, b.amount)("status", toString(a.status), toString(b.status))("fail_reason", a.failReason, b.failReason)(
               "created_at", a.createdAtMs, b.createdAtMs)("updated_at", a.updatedAtMs, b.updatedAtMs)("version", a.version, b.version)
        .same();
}

bool sameFlow(const PaymentFlow &a, const PaymentFlow &b, QString *difference)
{
    return Comparison(difference)("id", a.id, b.id)("flow_no", a.flowNo, b.flowNo)("payment_id", a.paymentId, b.paymentId)(
               "trade_id", a.tradeId, b.tradeId)("seq", a.seq, b.seq)("method", a.method, b.method)("channel", a.channel, b.channel)(
               "account", a.account, b.account)("amount", a.amount, b.amount)("status", toString(a.status), toString(b.status))(
               "channel_txn_no", a.channelTxnNo, b.channelTxnNo)("fail_code", a.failCode, b.failCode)("fail_reason", a.failReason, b.failReason)(
               "qr_content", a.qrContent, b.qrContent)("prepay_expires_at", a.prepayExpiresAtMs, b.prepayExpiresAtMs)(
               "refunded_amount", a.refundedMinor, b.refundedMinor)("recon_pending", a.reconPending, b.reconPending)(
               "created_at", a.createdAtMs, b.createdAtMs)("updated_at", a.updatedAtMs, b.updatedAtMs)("version", a.version, b.version)
        .same();
}

} // namespace pay
