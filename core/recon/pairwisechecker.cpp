#include "pairwisechecker.h"

#include "../channel/channelgateway.h"
#include "../engine/paymentengine.h"
#include "../sim/clock.h"
#include "../store/database.h"
#include "../store/repositories.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlQuery>
#include <memory>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr int kSweepLimit = 2000; // trades per sweep

bool settled(TradeStatus s)
{
    return s == TradeStatus::Paid || s == TradeStatus::PartiallyRefunded || s == TradeStatus::Refunded
        || s == TradeStatus::Closed;
}

bool paidState(TradeStatus s)
{
    return s == TradeStatus::Paid || s == TradeStatus::PartiallyRefunded || s == TradeStatus::Refunded;
}

} // namespace

PairwiseChecker::PairwiseChecker(Database &db, Clock &clock, ChannelGateway *gateway, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_gateway(gateway)
{
}

Result<bool> PairwiseChecker::record(ReconBreak b)
{
    auto exists = BreakStore(m_db).hasUnresolved(b.category, b.flowNo);
    if (!exists)
        return std::unexpected(exists.error());
    if (*exists)
        return false;
    b.state = BreakState::Open;
    b.createdAtMs = m_clock.nowMs();
    auto id = BreakStore(m_db).insert(b);
    if (!id)
        return std::unexpected(id.error());
    emit breakRecorded(*id, toString(b.category), b.flowNo);
    return true;
}

Result<QList<ReconBreak>> PairwiseChecker::checkTrade(qint64 tradeId)
{
    auto t = TradeRepository(m_db).find(tradeId);
    if (!t)
        return std::unexpected(t.error());
    auto payments = PaymentRepository(m_db).forTrade(tradeId);
    if (!payments)
        return std::unexpected(payments.error());
    auto flows = FlowRepository(m_db).forTrade(tradeId);
    if (!flows)
        return std::unexpected(flows.error());
    auto postings = LedgerRepository(m_db).forTrade(tradeId);
    if (!postings)
        return std::unexpected(postings.error());
    auto refunds = RefundRepository(m_db).forTrade(tradeId);
    if (!refunds)
        return std::unexpected(refunds.error());

    QList<ReconBreak> found;
    auto add
        = [&](BreakCategory category, const QString &no, const QString &channel, std::optional<qint64> local,
              std::optional<qint64> other, const QString &localStatus, const QString &detail) {
              ReconBreak b;
              b.category = category;
              b.flowNo = no;
              b.channel = channel.isEmpty() ? u"-"_s : channel;
              b.localAmount = local;
              b.statementAmount = other;
              b.localStatus = localStatus;
              b.detail = detail;
              found << b;
          };

    // ---- trade <-> payment ----
    const qint64 amount = t->amount.minor();
    if (paidState(t->status)) {
        bool winner = false;
        for (const PaymentOrder &p : *payments)
            winner |= p.status == PaymentStatus::Succeeded && p.amount.minor() == amount;
        if (!winner)
            add(BreakCategory::TradePaymentMismatch, t->outTradeNo, {}, amount, {}, toString(t->status),
                QCoreApplication::translate("Recon", "The order is %1 but no attempt of its amount succeeded")
                    .arg(toString(t->status)));
        if (t->paidMinor != amount)
            add(BreakCategory::TradePaymentMismatch, t->outTradeNo, {}, amount, t->paidMinor,
                toString(t->status),
                QCoreApplication::translate("Recon", "The order records %1 paid of %2")
                    .arg(t->paidMinor)
                    .arg(amount));
    }
    for (const PaymentOrder &p : *payments) {
        if (p.status != PaymentStatus::Succeeded)
            continue;
        qint64 sum = 0;
        for (const PaymentFlow &f : *flows) {
            if (f.paymentId == p.id && f.status == FlowStatus::Succeeded)
                sum += f.amount.minor();
        }
        if (sum != p.amount.minor())
            add(BreakCategory::TradePaymentMismatch, p.paymentNo, {}, p.amount.minor(), sum,
                toString(p.status),
                QCoreApplication::translate("Recon", "Payment %1 succeeded for %2 but its flows took %3")
                    .arg(p.paymentNo)
                    .arg(p.amount.minor())
                    .arg(sum));
    }
    if (t->status == TradeStatus::Closed) {
        bool refundInFlight = false;
        for (const RefundOrder &r : *refunds)
            refundInFlight |= r.status == RefundStatus::Accepted || r.status == RefundStatus::Processing;
        qint64 kept = 0;
        bool unknown = false;
        for (const PaymentFlow &f : *flows) {
            if (f.status == FlowStatus::Succeeded)
                kept += f.amount.minor() - f.refundedMinor;
            unknown |= !isTerminal(f.status);
        }
        if (kept != 0 && !refundInFlight && !unknown)
            add(BreakCategory::TradePaymentMismatch, t->outTradeNo, {}, 0, kept, toString(t->status),
                QCoreApplication::translate(
                    "Recon", "The order is closed but keeps %1 with no refund in flight")
                    .arg(kept));
    }

    // ---- payment <-> ledger ----
    QHash<qint64, qint64> paidPosted; // flow id -> channel-side amount posted by its PAY- set
    QHash<QString, qint64> balance; // currency -> sum of every posting of the trade
    for (const LedgerPosting &p : *postings) {
        balance[p.amount.currency().code()] += p.amount.minor();
        if (p.flowId && p.postingSet.startsWith(u"PAY-"_s) && p.account.startsWith(u"channel:"_s))
            paidPosted[p.flowId] += p.amount.minor();
    }
    bool lateRefunded = false; // the channel paid a flow we had failed or closed: refunded (LATE_SUCCESS)
    for (const RefundOrder &r : *refunds)
        lateRefunded |= r.reason == RefundReason::LateSuccess;
    for (const PaymentFlow &f : *flows) {
        const qint64 posted = paidPosted.value(f.id, 0);
        if (f.status == FlowStatus::Succeeded && posted != f.amount.minor())
            add(BreakCategory::LedgerMismatch, f.flowNo, f.channel, f.amount.minor(), posted,
                toString(f.status),
                QCoreApplication::translate(
                    "Recon", "Flow %1 succeeded for %2 but the ledger shows %3 received")
                    .arg(f.flowNo)
                    .arg(f.amount.minor())
                    .arg(posted));
        else if (f.status != FlowStatus::Succeeded && posted != 0
                 && !(posted == f.amount.minor() && lateRefunded)) // a late success, posted and refunded
            add(BreakCategory::LedgerMismatch, f.flowNo, f.channel, 0, posted, toString(f.status),
                QCoreApplication::translate("Recon", "Flow %1 is %2 but the ledger shows %3 received")
                    .arg(f.flowNo, toString(f.status))
                    .arg(posted));
    }
    for (auto it = balance.cbegin(); it != balance.cend(); ++it) {
        if (it.value() != 0)
            add(BreakCategory::LedgerMismatch, t->outTradeNo, {}, 0, it.value(), toString(t->status),
                QCoreApplication::translate("Recon", "The postings of order %1 sum to %2 %3, not zero")
                    .arg(t->outTradeNo)
                    .arg(it.value())
                    .arg(it.key()));
    }

    QList<ReconBreak> written;
    for (const ReconBreak &b : found) {
        auto r = record(b);
        if (!r)
            return std::unexpected(r.error());
        if (*r)
            written << b;
    }
    return written;
}

void PairwiseChecker::checkChannel(qint64 tradeId, std::function<void(int)> done)
{
    auto flows = FlowRepository(m_db).forTrade(tradeId);
    QList<PaymentFlow> terminal;
    if (flows && m_gateway) {
        for (const PaymentFlow &f : *flows) {
            if (isTerminal(f.status)
                && !(f.status != FlowStatus::Succeeded && f.channelTxnNo.isEmpty()
                    && f.failCode == u"CHANNEL_UNAVAILABLE"_s))
                terminal << f;
        }
    }
    if (terminal.isEmpty()) {
        if (done)
            done(0);
        return;
    }
    struct State
    {
        int waiting = 0;
        int written = 0;
        std::function<void(int)> done;
    };
    auto state = std::make_shared<State>();
    state->waiting = int(terminal.size());
    state->done = std::move(done);
    QPointer<PairwiseChecker> self(this);
    for (const PaymentFlow &f : terminal) {
        m_gateway->query(f.channel, f.flowNo, [self, f, state](const ChannelResult &r) {
            if (self && !r.unknown()) {
                ReconBreak b;
                b.channel = f.channel;
                b.flowNo = f.flowNo;
                b.channelTxnNo = f.channelTxnNo;
                b.localAmount = f.amount.minor();
                b.localStatus = toString(f.status);
                b.statementStatus = r.channelStatus;
                bool bad = false;
                if (f.status == FlowStatus::Succeeded) {
                    if (!r.succeeded()) {
                        b.category = BreakCategory::ChannelStatusMismatch;
                        b.detail = QCoreApplication::translate("Recon", "Succeeded here; the channel says %1")
                                       .arg(r.channelStatus.isEmpty() ? r.code : r.channelStatus);
                        bad = true;
                    } else if (r.amountMinor != f.amount.minor()) {
                        b.category = BreakCategory::ChannelAmountMismatch;
                        b.statementAmount = r.amountMinor;
                        b.detail = QCoreApplication::translate(
                            "Recon", "The channel took %1, the flow asked for %2")
                                       .arg(r.amountMinor)
                                       .arg(f.amount.minor());
                        bad = true;
                    }
                } else if (r.succeeded()) {
                    b.category = BreakCategory::ChannelStatusMismatch;
                    b.statementAmount = r.amountMinor;
                    b.detail = QCoreApplication::translate("Recon", "%1 here; the channel says it was paid")
                                   .arg(toString(f.status));
                    bad = true;
                }
                if (bad) {
                    auto rec = self->record(b);
                    if (rec && *rec)
                        ++state->written;
                }
            }
            if (--state->waiting == 0 && state->done)
                state->done(state->written);
        });
    }
}

void PairwiseChecker::attach(PaymentEngine &engine)
{
    connect(&engine, &PaymentEngine::tradeChanged, this,
        [this](const QString &, qint64 tradeId) { scheduleCheck(tradeId); });
}

void PairwiseChecker::scheduleCheck(qint64 tradeId)
{
    if (m_pending.contains(tradeId))
        return;
    m_pending.insert(tradeId);
    m_clock.schedule(0, this, [this, tradeId] {
        m_pending.remove(tradeId);
        auto t = TradeRepository(m_db).find(tradeId);
        if (!t || !settled(t->status))
            return;
        (void)checkTrade(tradeId);
        checkChannel(tradeId);
    });
}

void PairwiseChecker::startSweep(qint64 intervalMs)
{
    stopSweep();
    m_sweepInterval = intervalMs;
    // From now on: the history is statement reconciliation's (a first sweep over a million old
    // trades would hold the core thread for minutes).
    if (m_sweepWatermark == 0)
        m_sweepWatermark = m_clock.nowMs();
    armSweep();
}

void PairwiseChecker::stopSweep()
{
    if (m_sweepTimer)
        m_clock.cancel(m_sweepTimer);
    m_sweepTimer = 0;
    m_sweepInterval = 0;
}

void PairwiseChecker::armSweep()
{
    if (m_sweepInterval <= 0)
        return;
    m_sweepTimer = m_clock.schedule(m_sweepInterval, this, [this] {
        m_sweepTimer = 0;
        (void)sweep();
        armSweep();
    });
}

Result<int> PairwiseChecker::sweep()
{
    const qint64 from = m_sweepWatermark;
    const qint64 to = m_clock.nowMs();
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT id, updated_at FROM trade_orders WHERE updated_at >= ? AND updated_at <= ?"
        " AND status IN ('PAID','PARTIALLY_REFUNDED','REFUNDED','CLOSED') ORDER BY updated_at, id LIMIT ?"_s);
    q.addBindValue(from);
    q.addBindValue(to);
    q.addBindValue(kSweepLimit);
    if (!q.exec())
        return std::unexpected(
            Database::errorFrom(q, QCoreApplication::translate("Recon", "Sweep settled orders")));
    QList<qint64> ids;
    qint64 lastUpdated = to;
    while (q.next()) {
        ids << q.value(0).toLongLong();
        lastUpdated = q.value(1).toLongLong();
    }
    q.finish();
    int budget = m_sweepChannelBudget;
    for (qint64 id : ids) {
        if (auto r = checkTrade(id); !r)
            return std::unexpected(r.error());
        if (budget-- > 0)
            checkChannel(id);
    }
    // A full page leaves the rest for the next sweep.
    // A full page leaves the rest for the next sweep (re-checking the page's last millisecond is
    // harmless: a break is never written twice).
    if (ids.size() == kSweepLimit && lastUpdated > from)
        m_sweepWatermark = lastUpdated;
    else
        m_sweepWatermark = (ids.size() == kSweepLimit ? lastUpdated : to) + 1;
    return int(ids.size());
}

} // namespace pay
