#include "paymentengine.h"

#include "../channel/callbackingress.h"
#include "../sim/clock.h"
#include "../store/repositories.h"
#include "../store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <memory>

namespace pay {

namespace {


const QString kFlowTask = QStringLiteral("flow");
const QString kRefundTask = QStringLiteral("refund");
const QString kExpireTask = QStringLiteral("expire");

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidArgument, message);
}

QJsonObject resultJson(const ChannelResult &r)
{
    QJsonObject o{{QStringLiteral("outcome"), channelOutcomeName(r.outcome)},
                  {QStringLiteral("code"), r.code},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("channel_txn_no"), r.channelTxnNo},
                  {QStringLiteral("amount"), r.amountMinor},
                  {QStringLiteral("channel_status"), r.channelStatus}};
    if (const QJsonObject raw = r.rawObject(); !raw.isEmpty())
        o.insert(QStringLiteral("raw"), raw);
    return o;
}

std::unexpected<Error> notFoundFlow(qint64 flowId)
{
    return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "%1 not found").arg(QCoreApplication::translate("Store", "Flow #%1").arg(flowId)));
}

bool inFlight(FlowStatus s)
{
    return s == FlowStatus::Prepaid || s == FlowStatus::Paying;
}

} // namespace

PaymentEngine::PaymentEngine(Database &db, Clock &clock, ChannelAccess &channels, EngineConfig config,
                             QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_channels(channels), m_config(std::move(config))
{
    if (auto epoch = MetaStore(m_db).numberingEpoch(); epoch && *epoch > 0)
        m_numberPrefix = QStringLiteral("E%1").arg(*epoch);
}

PaymentEngine::~PaymentEngine() = default;

qint64 PaymentEngine::now() const
{
    return m_clock.nowMs();
}

void PaymentEngine::emitChanged(qint64 tradeId)
{
    emit tradeTouched(tradeId);
    if (!m_db.inGroup()) {
        announceChanged(tradeId);
        return;
    }
    // In a commit group: tell once per trade, after the group is durable.
    if (m_changedGroup != m_db.groupSerial()) {
        m_changedGroup = m_db.groupSerial();
        m_changedInGroup.clear();
    }
    if (m_changedInGroup.contains(tradeId))
        return;
    m_changedInGroup.insert(tradeId);
    m_db.afterCommit([this, tradeId] { announceChanged(tradeId); });
}

void PaymentEngine::announceChanged(qint64 tradeId)
{
    if (const auto facts = tradeFacts(tradeId))
        emit tradeChanged(facts->outTradeNo, tradeId);
}

// What never changes about a trade (its number, subject and expiry), remembered for the trades
// in flight so that each step does not read the row again for them. Only committed trades are
// remembered: a rolled-back group may hand the same row id to another trade.
std::optional<PaymentEngine::TradeFacts> PaymentEngine::tradeFacts(qint64 tradeId)
{
    auto it = m_tradeFacts.constFind(tradeId);
    if (it != m_tradeFacts.constEnd())
        return *it;
    TradeRepository trades(m_db);
    auto t = trades.find(tradeId);
    if (!t)
        return std::nullopt;
    rememberTrade(*t);
    return TradeFacts{t->outTradeNo, t->subject, t->expiresAtMs};
}

void PaymentEngine::rememberTrade(const TradeOrder &t)
{
    m_db.afterCommit([this, id = t.id, facts = TradeFacts{t.outTradeNo, t.subject, t.expiresAtMs}] {
        if (m_tradeFacts.size() >= 4096)
            m_tradeFacts.clear(); // a bounded memo, not a cache anyone must invalidate
        m_tradeFacts.insert(id, facts);
    });
}

// Every channel request leaves only after the state that asked for it is durable (the send
// intent and its compensation task): at once outside a commit group, else after the group.
template<typename F>
void PaymentEngine::callChannel(F &&call)
{
    ++m_inFlight;
    m_db.requireCommit();
    m_db.afterCommit(std::function<void()>(std::forward<F>(call)));
}

Result<void> PaymentEngine::appendEvent(qint64 tradeId, const QString &entity, qint64 entityId,
                                        const QString &entityNo, const QString &from, const QString &to,
                                        const QString &event, EventSource source, const QString &actor,
                                        const QJsonObject &payload)
{
    return appendEvent(tradeId, entity, entityId, entityNo, from, to, event, source, actor,
                       payload.isEmpty() ? QByteArray() : compactJsonObject(payload));
}

Result<void> PaymentEngine::appendEvent(qint64 tradeId, const QString &entity, qint64 entityId,
                                        const QString &entityNo, const QString &from, const QString &to,
                                        const QString &event, EventSource source, const QString &actor,
                                        const QByteArray &payloadJson)
{
    Event e;
    e.atMs = now();
    e.tradeId = tradeId;
    e.entity = entity;
    e.entityId = entityId;
    e.entityNo = entityNo;
    e.fromState = from;
    e.toState = to;
    e.event = event;
    e.source = source;
    e.actor = actor.isEmpty() ? QStringLiteral("engine") : actor;
    e.payloadJson = payloadJson;
    EventRepository events(m_db);
    auto r = events.append(e);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

// ===== compensation tasks ===============================================================

Result<void> PaymentEngine::scheduleTask(const QString &kind, qint64 targetId, int attempt, qint64 dueMs)
{
    SqlStatement &q = m_db.statement(QStringLiteral(
        "INSERT INTO compensation_tasks (kind, target_id, attempt, next_at, created_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT (kind, target_id) DO UPDATE SET attempt = excluded.attempt, next_at = excluded.next_at"));
    q.addBindValue(kind);
    q.addBindValue(targetId);
    q.addBindValue(attempt);
    q.addBindValue(dueMs);
    q.addBindValue(now());
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Schedule compensation")));
    return {};
}

Result<void> PaymentEngine::dropTask(const QString &kind, qint64 targetId)
{
    SqlStatement &q = m_db.statement(QStringLiteral("DELETE FROM compensation_tasks WHERE kind = ? AND target_id = ?"));
    q.addBindValue(kind);
    q.addBindValue(targetId);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Drop compensation task")));
    return {};
}

void PaymentEngine::armTimer(const QString &kind, qint64 targetId, qint64 dueMs)
{
    const auto key = qMakePair(kind, targetId);
    if (m_armed.contains(key))
        return;
    m_armed.insert(key);
    m_clock.schedule(qMax<qint64>(0, dueMs - now()), this, [this, kind, targetId, key] {
        m_armed.remove(key);
        runTask(kind, targetId);
    });
}

qint64 PaymentEngine::firstQueryGapMs() const
{
    return m_config.compensationScheduleMs.value(0, 1000);
}

// When the first check of a target without a row is due: a flow still waiting for its result
// (and not handed to reconciliation) now, since only the timer armed when it was sent runs a
// flow check without a row; a trade still open at its expiry. Nothing when the target is
// settled (or cannot be read: the next restart sees it).
std::optional<qint64> PaymentEngine::firstCheckDue(const QString &kind, qint64 targetId)
{
    if (kind == kFlowTask) {
        auto f = FlowRepository(m_db).find(targetId);
        if (f && (f->status == FlowStatus::Paying || f->status == FlowStatus::Prepaid) && !f->reconPending)
            return now();
    } else if (kind == kExpireTask) {
        auto t = TradeRepository(m_db).find(targetId);
        if (t && (t->status == TradeStatus::Created || t->status == TradeStatus::Paying || t->status == TradeStatus::Closing))
            return t->expiresAtMs;
    }
    return std::nullopt;
}

Result<int> PaymentEngine::start()
{
    QSqlQuery q(m_db.db());
    // Every open trade has an expiry check; one lost to an older version is re-created.
    q.prepare(QStringLiteral("INSERT INTO compensation_tasks (kind, target_id, attempt, next_at, created_at)"
                             " SELECT 'expire', t.id, 0, t.expires_at, ? FROM trade_orders t"
                             " WHERE t.status IN ('CREATED','PAYING','CLOSING') AND NOT EXISTS (SELECT 1 FROM compensation_tasks c"
                             "  WHERE c.kind = 'expire' AND c.target_id = t.id)"));
    q.addBindValue(now());
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Restore expiry checks")));
    q.finish();
    // Every flow waiting for its result is queried; its first query has no row until now.
    q.prepare(QStringLiteral("INSERT INTO compensation_tasks (kind, target_id, attempt, next_at, created_at)"
                             " SELECT 'flow', f.id, 0, f.updated_at + ?, ? FROM payment_flows f INDEXED BY ix_flow_status"
                             " WHERE f.status IN ('PAYING','PREPAID') AND f.recon_pending = 0 AND NOT EXISTS"
                             " (SELECT 1 FROM compensation_tasks c WHERE c.kind = 'flow' AND c.target_id = f.id)"));
    q.addBindValue(firstQueryGapMs());
    q.addBindValue(now());
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Restore first queries")));
    q.finish();
    // Decisions a crash between two commits could have lost are taken again first (before any
    // expiry fires): payments whose legs are all settled, attempts that keep money they should not.
    rederiveDecisions();
    if (!q.exec(QStringLiteral("SELECT kind, target_id, next_at FROM compensation_tasks ORDER BY next_at")))
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Load compensation tasks")));
    int n = 0;
    while (q.next()) {
        armTimer(q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong());
        ++n;
    }
    q.finish();
    // Refunds accepted but not sent, and refund orders whose flows all finished.
    QList<qint64> refunds;
    if (q.exec(QStringLiteral("SELECT id FROM refund_orders WHERE status IN ('ACCEPTED','PROCESSING')"))) {
        while (q.next())
            refunds << q.value(0).toLongLong();
    }
    q.finish();
    for (qint64 id : refunds)
        m_clock.schedule(0, this, [this, id] { processRefund(id); });
    return n + int(refunds.size());
}

void PaymentEngine::runTask(const QString &kind, qint64 targetId)
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT attempt, next_at FROM compensation_tasks WHERE kind = ? AND target_id = ?"));
    q.addBindValue(kind);
    q.addBindValue(targetId);
    if (!q.exec()) {
        q.finish();
        return; // the next restart loads it again
    }
    int attempt = 0;
    qint64 due = 0;
    if (q.next()) {
        attempt = q.value(0).toInt();
        due = q.value(1).toLongLong();
        q.finish();
    } else {
        q.finish();
        // No row: either resolved meanwhile, or a first check that never needed one.
        const auto firstDue = firstCheckDue(kind, targetId);
        if (!firstDue)
            return;
        due = *firstDue;
    }
    if (due > now()) {
        armTimer(kind, targetId, due);
        return;
    }
    if (kind == kFlowTask) {
        queryFlow(targetId, attempt);
    } else if (kind == kRefundTask) {
        queryRefundFlow(targetId, attempt);
    } else if (kind == kExpireTask) {
        TradeRepository trades(m_db);
        auto t = trades.find(targetId);
        if (!t || (t->status != TradeStatus::Created && t->status != TradeStatus::Paying && t->status != TradeStatus::Closing)) {
            (void)dropTask(kind, targetId);
            return;
        }
        // The task stays until the close finishes (finishClose drops it): if the process dies
        // while the channel is being asked to close, the restarted engine closes again.
        const qint64 retry = now() + m_config.compensationScheduleMs.value(m_config.compensationScheduleMs.size() - 1, 100000);
        (void)scheduleTask(kind, targetId, attempt + 1, retry);
        armTimer(kind, targetId, retry);
        (void)close(t->outTradeNo, EventSource::Timeout, QStringLiteral("timeout"));
    }
}

// ===== accept ===========================================================================

Result<AcceptTicket> PaymentEngine::accept(const AcceptRequest &req)
{
    // Guards before anything is written.
    if (req.outTradeNo.isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "An order number is required"));
    if (!req.amount.isPositive())
        return invalid(QCoreApplication::translate("PaymentEngine", "The order amount must be positive"));
    if (req.legs.isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "At least one payment method is required"));
    qint64 sum = 0;
    int external = 0;
    QSet<QString> seen;
    for (const TenderLeg &leg : req.legs) {
        if (!m_channels.knows(leg.channel))
            return invalid(QCoreApplication::translate("PaymentEngine", "Unknown payment method '%1'").arg(leg.channel));
        if (leg.amountMinor <= 0)
            return invalid(QCoreApplication::translate("PaymentEngine", "The %1 amount must be positive").arg(leg.channel));
        if (seen.contains(leg.channel))
            return invalid(QCoreApplication::translate("PaymentEngine", "%1 appears twice in one payment").arg(leg.channel));
        seen.insert(leg.channel);
        if (m_channels.isExternal(leg.channel))
            ++external;
        if (!m_channels.isExternal(leg.channel) && leg.account.isEmpty())
            return invalid(QCoreApplication::translate("PaymentEngine", "%1 needs a voucher code or member id").arg(leg.channel));
        const qint64 limit = m_config.methodLimitMinor.value(leg.channel, 0);
        if (limit > 0 && leg.amountMinor > limit)
            return fail(ErrorCode::LimitExceeded, QCoreApplication::translate("PaymentEngine", "%1 takes at most %2 per payment")
                                                      .arg(leg.channel, Money(limit, req.amount.currency()).toPlainString()));
        if (qAddOverflow(sum, leg.amountMinor, &sum))
            return fail(ErrorCode::Overflow, QCoreApplication::translate("PaymentEngine", "The payment amounts overflow"));
    }
    if (external > 1)
        return invalid(QCoreApplication::translate("PaymentEngine", "At most one card or QR channel per payment"));
    if (sum != req.amount.minor())
        return fail(ErrorCode::AmountMismatch, QCoreApplication::translate("PaymentEngine", "The methods add up to %1 but the order is %2")
                                                   .arg(Money(sum, req.amount.currency()).toPlainString(),
                                                        req.amount.toPlainString()));

    // Canonical request for the idempotency key (the JSON QJsonDocument would write for it).
    QByteArray legsJson("[");
    for (const TenderLeg &leg : req.legs) {
        if (legsJson.size() > 1)
            legsJson += ',';
        legsJson += compactJsonObject({JsonField::string(QLatin1StringView("c"), leg.channel),
                                       JsonField::string(QLatin1StringView("a"), leg.account),
                                       JsonField::integer(QLatin1StringView("m"), leg.amountMinor)});
    }
    legsJson += ']';
    const QByteArray canonical = compactJsonObject({JsonField::string(QLatin1StringView("no"), req.outTradeNo),
                                                    JsonField::integer(QLatin1StringView("amount"), req.amount.minor()),
                                                    JsonField::string(QLatin1StringView("currency"), req.amount.currency().code()),
                                                    JsonField::raw(QLatin1StringView("legs"), legsJson)});

    const qint64 t0 = now();
    // Every refusal below comes before the first write (the key is claimed only once the order
    // may be paid), so the step joins a commit group without a savepoint.
    TransactionGuard tx(m_db, TransactionGuard::InGroup::Join);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    IdempotencyStore keys(m_db);
    const QString key = req.idempotencyKey.isEmpty() ? req.outTradeNo + QStringLiteral("#auto") : req.idempotencyKey;
    const QByteArray requestHash = IdempotencyStore::hashRequest(canonical);
    auto remembered = keys.peek(QStringLiteral("accept"), key, requestHash, t0);
    if (!remembered)
        return std::unexpected(remembered.error());
    if (remembered->replay && !remembered->storedResponse.isEmpty()) {
        const QJsonObject o = QJsonDocument::fromJson(remembered->storedResponse).object();
        AcceptTicket t;
        t.outTradeNo = o.value(QStringLiteral("out_trade_no")).toString();
        t.paymentNo = o.value(QStringLiteral("payment_no")).toString();
        t.tradeId = o.value(QStringLiteral("trade_id")).toInteger();
        t.paymentId = o.value(QStringLiteral("payment_id")).toInteger();
        for (const auto &v : o.value(QStringLiteral("flows")).toArray())
            t.flowNos << v.toString();
        t.replayed = true;
        return t;
    }

    TradeRepository trades(m_db);
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    TradeOrder trade;
    auto existing = trades.findByOutTradeNo(m_config.merchantId, req.outTradeNo);
    if (existing) {
        trade = *existing;
        if (trade.frozen)
            return fail(ErrorCode::Frozen, QCoreApplication::translate("PaymentEngine", "Order %1 is frozen for review: %2").arg(trade.outTradeNo, trade.freezeReason));
        if (trade.amount != req.amount)
            return fail(ErrorCode::AmountMismatch, QCoreApplication::translate("PaymentEngine", "Order %1 is for %2, not %3")
                                                       .arg(trade.outTradeNo, trade.amount.toPlainString(),
                                                            req.amount.toPlainString()));
        if (trade.status == TradeStatus::Closing)
            return fail(ErrorCode::InvalidTransition,
                        QCoreApplication::translate("PaymentEngine", "Order %1 is being closed; start a new sale to take payment").arg(trade.outTradeNo));
        if (trade.status != TradeStatus::Created && trade.status != TradeStatus::Paying)
            return fail(ErrorCode::InvalidTransition,
                        QCoreApplication::translate("PaymentEngine", "Order %1 is %2 and cannot be paid").arg(trade.outTradeNo, toString(trade.status)));
    } else if (existing.error().code != ErrorCode::NotFound) {
        return std::unexpected(existing.error());
    }
    // A new order starts CREATED (TradeOrder's default status).
    auto moved = transition(trade.status, TradeEvent::StartPayment);
    if (!moved)
        return fail(ErrorCode::InvalidTransition, moved.error().message());
    if (auto claim = keys.claim(QStringLiteral("accept"), key, requestHash, t0); !claim)
        return std::unexpected(claim.error());
    if (!existing) {
        trade.merchantId = m_config.merchantId;
        trade.outTradeNo = req.outTradeNo;
        trade.subject = req.subject.isEmpty() ? req.outTradeNo : req.subject;
        trade.amount = req.amount;
        trade.expiresAtMs = t0 + m_config.tradeTtlMs;
        trade.createdAtMs = trade.updatedAtMs = t0;
        if (auto r = trades.insert(trade); !r)
            return std::unexpected(r.error());
        if (auto r = appendEvent(trade.id, QStringLiteral("TRADE"), trade.id, trade.outTradeNo, QString(),
                                 toString(TradeStatus::Created), QStringLiteral("CREATE"), EventSource::Sync, req.actor,
                                 compactJsonObject({JsonField::integer(QLatin1StringView("amount"), trade.amount.minor())}));
            !r)
            return std::unexpected(r.error());
        // The expiry check needs no row of its own: an open trade is its own first check, due at
        // expires_at (runTask; start() restores it after a restart). A row is written once a
        // close has been tried and must be tried again.
    }

    // The conditional update serializes this attempt against a concurrent close (seed 13).
    const TradeStatus before = trade.status;
    auto upd = trades.transition(trade, *moved, t0);
    if (!upd)
        return std::unexpected(upd.error());
    if (*upd == UpdateOutcome::LostRace)
        return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Order %1 changed while paying; look at it again").arg(trade.outTradeNo));
    if (before != trade.status)
        (void)appendEvent(trade.id, QStringLiteral("TRADE"), trade.id, trade.outTradeNo, toString(before),
                          toString(trade.status), toString(TradeEvent::StartPayment), EventSource::Sync, req.actor);

    PaymentOrder payment;
    payment.paymentNo = QStringLiteral("PENDING-%1-%2").arg(trade.id).arg(t0);
    payment.tradeId = trade.id;
    payment.amount = req.amount;
    payment.createdAtMs = payment.updatedAtMs = t0;
    if (auto r = payments.insert(payment); !r)
        return std::unexpected(r.error());
    flows.rememberNewPayment(payment.id);
    // Numbers derive from row ids so a replayed simulation numbers the same way.
    // After a restore the row ids of an older copy come round again: the numbering epoch makes
    // the numbers new ("E1P00000051"), so no channel sees a flow number twice.
    if (auto r = payments.number(payment, m_numberPrefix + QStringLiteral("P%1").arg(payment.id, 8, 10, QLatin1Char('0'))); !r)
        return std::unexpected(r.error());
    payments.rememberNew(payment);
    (void)appendEvent(trade.id, QStringLiteral("PAYMENT"), payment.id, payment.paymentNo, QString(),
                      toString(PaymentStatus::Accepted), QStringLiteral("ACCEPT"), EventSource::Sync, req.actor,
                      compactJsonObject({JsonField::raw(QLatin1StringView("legs"), legsJson)}));

    // Internal legs first, the external leg last (seed practice 1).
    QList<TenderLeg> ordered;
    for (const TenderLeg &leg : req.legs)
        if (!m_channels.isExternal(leg.channel))
            ordered << leg;
    for (const TenderLeg &leg : req.legs)
        if (m_channels.isExternal(leg.channel))
            ordered << leg;
    AcceptTicket ticket;
    ticket.outTradeNo = trade.outTradeNo;
    ticket.tradeId = trade.id;
    ticket.paymentId = payment.id;
    ticket.paymentNo = payment.paymentNo;
    int seq = 0;
    for (const TenderLeg &leg : ordered) {
        PaymentFlow f;
        f.seq = ++seq;
        f.flowNo = QStringLiteral("%1-%2").arg(payment.paymentNo).arg(f.seq);
        f.paymentId = payment.id;
        f.tradeId = trade.id;
        f.method = m_channels.isQr(leg.channel) ? QStringLiteral("qr") : leg.channel;
        f.channel = leg.channel;
        f.account = leg.account;
        f.amount = Money(leg.amountMinor, req.amount.currency());
        f.createdAtMs = f.updatedAtMs = t0;
        if (auto r = flows.insert(f); !r)
            return std::unexpected(r.error());
        ticket.flowNos << f.flowNo;
    }
    QByteArray flowNos("[");
    for (const QString &no : ticket.flowNos) {
        if (flowNos.size() > 1)
            flowNos += ',';
        flowNos += jsonString(no);
    }
    flowNos += ']';
    const QByteArray response = compactJsonObject({JsonField::string(QLatin1StringView("out_trade_no"), ticket.outTradeNo),
                                                   JsonField::string(QLatin1StringView("payment_no"), ticket.paymentNo),
                                                   JsonField::integer(QLatin1StringView("trade_id"), ticket.tradeId),
                                                   JsonField::integer(QLatin1StringView("payment_id"), ticket.paymentId),
                                                   JsonField::raw(QLatin1StringView("flows"), flowNos)});
    if (auto r = keys.storeResponse(QStringLiteral("accept"), key, response); !r)
        return std::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());

    rememberTrade(trade);
    if (!existing) // a new order has no earlier attempt to close (once this is durable)
        m_db.afterCommit([this, id = payment.id] { m_switchChecked.insert(id); });
    armTimer(kExpireTask, trade.id, trade.expiresAtMs);
    emitChanged(trade.id);
    const qint64 paymentId = payment.id;
    // Asynchronous processing: the ticket returns now, the channels are called later.
    m_clock.schedule(0, this, [this, paymentId] { advance(paymentId); });
    return ticket;
}

// ===== processing =======================================================================

void PaymentEngine::advance(qint64 paymentId, const PaymentOrder *known, const QList<PaymentFlow> *knownFlows)
{
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    // The caller may hand over the row it has just read (same transaction state).
    auto p = known ? Result<PaymentOrder>(*known) : payments.find(paymentId);
    if (!p || isTerminal(p->status))
        return;
    if (p->status == PaymentStatus::Accepted && !m_switchChecked.contains(paymentId)) {
        // A new attempt while an earlier one still waits at its channel (the customer switched
        // method, seed 6): first ask that channel to close. If it says it was already paid, the
        // new attempt is not needed.
        m_switchChecked.insert(paymentId);
        auto others = flows.waitingOfOtherPayments(p->tradeId, paymentId);
        QList<PaymentFlow> waiting;
        if (others) {
            for (const PaymentFlow &f : *others) {
                if (inFlight(f.status) && m_channels.isExternal(f.channel))
                    waiting << f;
            }
        }
        if (!waiting.isEmpty()) {
            auto remaining = std::make_shared<int>(int(waiting.size()));
            for (const PaymentFlow &f : waiting) {
                const qint64 flowId = f.id;
                callChannel([=, this] {
                    m_channels.close(f.channel, f.flowNo, [this, flowId, paymentId, remaining](const ChannelResult &r) {
                        --m_inFlight;
                        if (r.succeeded())
                            (void)failFlow(flowId, QStringLiteral("CLOSED"),
                                           QCoreApplication::translate("PaymentEngine", "Closed: the customer switched to another method"), EventSource::Sync,
                                           resultJson(r), FlowStatus::Closed);
                        else if (r.failed() && r.code == QStringLiteral("ALREADY_PAID"))
                            (void)succeedFlow(flowId, r.channelTxnNo, r.amountMinor, EventSource::Sync, resultJson(r));
                        if (--*remaining == 0)
                            advance(paymentId);
                    });
                });
            }
            return;
        }
    }
    if (p->status == PaymentStatus::Accepted) {
        TradeRepository trades(m_db);
        auto t = trades.find(p->tradeId);
        if (t && t->status != TradeStatus::Paying && t->status != TradeStatus::Created) {
            // The earlier attempt turned out paid (or the order closed): this one is not needed.
            TransactionGuard tx(m_db);
            if (!tx.begun())
                return;
            if (payments.transition(*p, PaymentStatus::Closed, now(), QCoreApplication::translate("PaymentEngine", "Not needed: order is %1").arg(toString(t->status)))
                    .value_or(UpdateOutcome::LostRace)
                != UpdateOutcome::Applied)
                return;
            (void)appendEvent(p->tradeId, QStringLiteral("PAYMENT"), p->id, p->paymentNo, toString(PaymentStatus::Accepted),
                              toString(PaymentStatus::Closed), QStringLiteral("ATTEMPT_NOT_NEEDED"), EventSource::System,
                              QString(), QJsonObject{{QStringLiteral("trade_status"), toString(t->status)}});
            if (auto fl = flows.forPayment(paymentId)) {
                for (PaymentFlow f : *fl) {
                    if (f.status == FlowStatus::Init
                        && flows.transition(f, FlowStatus::Closed, now()).value_or(UpdateOutcome::LostRace) == UpdateOutcome::Applied)
                        (void)appendEvent(f.tradeId, QStringLiteral("FLOW"), f.id, f.flowNo, toString(FlowStatus::Init),
                                          toString(FlowStatus::Closed), toString(FlowEvent::Close), EventSource::System, QString());
                }
            }
            if (tx.commit())
                emitChanged(p->tradeId);
            return;
        }
    }
    auto list = knownFlows && p->status == PaymentStatus::Processing ? Result<QList<PaymentFlow>>(*knownFlows)
                                                                       : flows.forPayment(paymentId);
    if (!list)
        return;
    bool closing = false;
    if (auto owner = TradeRepository(m_db).find(p->tradeId)) {
        if (owner->frozen)
            return; // frozen: no leg starts, nothing completes until the trade is released
        closing = owner->status == TradeStatus::Closing || owner->status == TradeStatus::Closed;
    }
    if (p->status == PaymentStatus::Accepted) {
        // The usual case: the first leg starts in the same step that moves the payment to
        // PROCESSING (one savepoint, not two).
        for (const PaymentFlow &f : *list) {
            if (f.status == FlowStatus::Succeeded)
                continue;
            if (f.status == FlowStatus::Init) {
                startLeg(f, &*p);
                return;
            }
            break;
        }
        TransactionGuard tx(m_db);
        if (!tx.begun() || !markProcessing(*p) || !tx.commit())
            return;
    }
    for (const PaymentFlow &f : *list) {
        if (f.status == FlowStatus::Succeeded)
            continue;
        if (f.status == FlowStatus::Failed || f.status == FlowStatus::Closed) {
            failPayment(paymentId, f.failReason.isEmpty() ? f.failCode : f.failReason, EventSource::System);
            return;
        }
        if (inFlight(f.status))
            return; // a callback, query or close decides
        if (closing)
            return; // no leg starts once the order is closing: the close ends this attempt
        startLeg(f);
        return;
    }
    completePayment(paymentId, &*p, &*list);
}

// ACCEPTED -> PROCESSING, inside the caller's transaction.
bool PaymentEngine::markProcessing(PaymentOrder &p)
{
    PaymentRepository payments(m_db);
    if (payments.transition(p, PaymentStatus::Processing, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
        return false;
    (void)appendEvent(p.tradeId, QStringLiteral("PAYMENT"), p.id, p.paymentNo, toString(PaymentStatus::Accepted),
                      toString(PaymentStatus::Processing), toString(PaymentEvent::Process), EventSource::System, QString());
    return true;
}

void PaymentEngine::startLeg(const PaymentFlow &flow, PaymentOrder *accepted)
{
    PaymentFlow f = flow;
    QString refusal;
    // Routing check before anything is sent: failover is only possible here, never after.
    if (!m_channels.admits(f.channel, f.amount, &refusal)) {
        if (accepted) {
            TransactionGuard tx(m_db);
            if (!tx.begun() || !markProcessing(*accepted) || !tx.commit())
                return;
        }
        {
            TransactionGuard tx(m_db);
            (void)appendEvent(f.tradeId, QStringLiteral("ROUTE"), f.id, f.flowNo, QString(), QString(),
                              QStringLiteral("ROUTE_REFUSED"), EventSource::System, QString(),
                              QJsonObject{{QStringLiteral("channel"), f.channel}, {QStringLiteral("reason"), refusal}});
            (void)tx.commit();
        }
        (void)failFlow(f.id, QStringLiteral("CHANNEL_UNAVAILABLE"), refusal, EventSource::System, {});
        return;
    }
    const bool qr = m_channels.isQr(f.channel);
    const FlowStatus target = qr ? FlowStatus::Prepaid : FlowStatus::Paying;
    {
        // Persist the intent and the compensation task before the request leaves: after a crash
        // the flow is queried, never sent again under a new number (seed practice 8). The first
        // write is the conditional one, so the step joins a commit group without a savepoint.
        TransactionGuard tx(m_db, TransactionGuard::InGroup::Join);
        if (!tx.begun())
            return;
        if (accepted && !markProcessing(*accepted))
            return;
        FlowRepository flows(m_db);
        if (flows.transition(f, target, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
            return;
        (void)appendEvent(f.tradeId, QStringLiteral("FLOW"), f.id, f.flowNo, toString(FlowStatus::Init),
                          toString(target), toString(qr ? FlowEvent::Prepay : FlowEvent::Send), EventSource::System,
                          QString(), compactJsonObject({JsonField::string(QLatin1StringView("channel"), f.channel),
                                                        JsonField::integer(QLatin1StringView("amount"), f.amount.minor())}));
        // The first query needs no row of its own: a flow that waits for its result (PAYING or
        // PREPAID, not handed to reconciliation) is its own first check, due a schedule step
        // after it was sent (runTask; start() restores it after a restart). Rows hold the
        // later attempts.
        if (!tx.commit())
            return;
    }
    emitChanged(f.tradeId);
    const auto trade = tradeFacts(f.tradeId);
    PayRequest req;
    req.flowNo = f.flowNo;
    req.amount = f.amount;
    req.subject = trade ? trade->subject : QString();
    req.account = f.account;
    req.expiresAtMs = trade ? trade->expiresAtMs : now() + m_config.tradeTtlMs;
    const qint64 flowId = f.id;
    armTimer(kFlowTask, flowId, now() + firstQueryGapMs());
    if (qr) {
        callChannel([=, this] {
            m_channels.prepay(f.channel, req, [this, flowId](const ChannelResult &r, const PrepayInfo &info) {
                --m_inFlight;
                handlePrepayResult(flowId, r, info);
            });
        });
    } else {
        callChannel([=, this] {
            m_channels.pay(f.channel, req, [this, flowId](const ChannelResult &r) {
                --m_inFlight;
                handlePayResult(flowId, r, EventSource::Sync);
            });
        });
    }
}

void PaymentEngine::handlePrepayResult(qint64 flowId, const ChannelResult &r, const PrepayInfo &info)
{
    if (r.succeeded() && !r.channelTxnNo.isEmpty()) {
        // "Already paid": the channel's order for this flow no. was paid. The reply settles
        // the flow (amount checked in succeedFlow); there is no code to show.
        handlePayResult(flowId, r, EventSource::Sync);
        return;
    }
    if (r.outcome == ChannelOutcome::Pending || r.succeeded()) {
        FlowRepository flows(m_db);
        auto f = flows.find(flowId);
        if (!f || f->status != FlowStatus::Prepaid)
            return;
        TransactionGuard tx(m_db);
        SqlStatement &q = m_db.statement(QStringLiteral(
            "UPDATE payment_flows SET qr_content = ?, prepay_expires_at = ?, updated_at = ?, version = version + 1"
            " WHERE id = ? AND version = ?"));
        q.addBindValue(info.qrContent);
        q.addBindValue(info.expiresAtMs);
        q.addBindValue(now());
        q.addBindValue(f->id);
        q.addBindValue(f->version);
        if (!q.exec() || q.numRowsAffected() != 1)
            return;
        (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(FlowStatus::Prepaid),
                          toString(FlowStatus::Prepaid), QStringLiteral("QR_ISSUED"), EventSource::Sync, QString(),
                          QJsonObject{{QStringLiteral("qr"), info.qrContent}, {QStringLiteral("expires_at"), info.expiresAtMs}});
        if (tx.commit())
            emitChanged(f->tradeId);
        return;
    }
    handlePayResult(flowId, r, EventSource::Sync);
}

void PaymentEngine::handlePayResult(qint64 flowId, const ChannelResult &r, EventSource source)
{
    if (r.succeeded()) {
        (void)succeedFlow(flowId, r.channelTxnNo, r.amountMinor, source, EventPayload(r));
    } else if (r.failed()) {
        (void)failFlow(flowId, r.code, r.message, source, EventPayload(r));
    } else {
        // Unknown: never treated as failure, never re-sent. Compensation owns it now.
        FlowRepository flows(m_db);
        auto f = flows.find(flowId);
        if (!f)
            return;
        TransactionGuard tx(m_db);
        (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(f->status),
                          toString(f->status), QStringLiteral("RESULT_UNKNOWN"), source, QString(), resultJson(r));
        // A late "unknown" for a flow a callback or query already settled holds nothing.
        if (!isTerminal(f->status))
            (void)holdInSuspense(*f);
        (void)tx.commit();
        emitChanged(f->tradeId);
    }
}

Result<void> PaymentEngine::succeedFlow(qint64 flowId, const QString &txnNo, qint64 amountMinor, EventSource source,
                                        const EventPayload &raw)
{
    FlowRepository flows(m_db);
    // The flow with the other legs of its payment: once this one succeeds, advance() needs them.
    auto siblings = flows.siblingsOf(flowId);
    if (!siblings)
        return std::unexpected(siblings.error());
    PaymentFlow *f = nullptr;
    for (PaymentFlow &candidate : *siblings) {
        if (candidate.id == flowId)
            f = &candidate;
    }
    if (!f)
        return notFoundFlow(flowId);
    // Loss prevention: the channel must report exactly what we asked for, even when the flow
    // is already settled (a report that disagrees with the books is a reason to look).
    if (amountMinor != f->amount.minor()) {
        freeze(f->tradeId, QCoreApplication::translate("PaymentEngine", "Channel %1 reported %2 for flow %3, which asked for %4")
                               .arg(f->channel, QString::number(amountMinor), f->flowNo,
                                    QString::number(f->amount.minor())));
        return fail(ErrorCode::AmountMismatch, QCoreApplication::translate("PaymentEngine", "Amount mismatch on flow %1").arg(f->flowNo));
    }
    if (f->status == FlowStatus::Succeeded)
        return {}; // a repeated success (callback after query) changes nothing
    const FlowStatus from = f->status;
    if (isTerminal(from)) {
        // A success for a flow we failed or closed: the money moved anyway. Record it, then refund.
        // The flow stays as it was (terminal states never change); the money is posted under
        // the flow's payment set and returned with a LATE_SUCCESS refund, in the same
        // transaction (a crash cannot separate them; start() re-derives the refund of a posted
        // late success all the same, e.g. one held while the trade was frozen).
        const QString set = QStringLiteral("PAY-") + f->flowNo;
        auto posted = postingSetExists(set);
        if (!posted)
            return std::unexpected(posted.error());
        qint64 refundId = 0;
        {
            TransactionGuard tx(m_db);
            if (!tx.begun())
                return std::unexpected(tx.begun().error());
            if (!*posted) {
                (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(from), toString(from),
                                  QStringLiteral("LATE_SUCCESS"), source, QString(),
                                  raw.json({JsonField::string(QLatin1StringView("channel_txn_no"), txnNo)}));
                LedgerRepository ledger(m_db);
                if (auto r = ledger.post(set, {{0, set, QStringLiteral("channel:") + f->channel, f->amount, f->tradeId, f->id, 0,
                                                QStringLiteral("late pay"), now()},
                                               {0, set, QStringLiteral("merchant:receivable"), *f->amount.negated(), f->tradeId,
                                                f->id, 0, QStringLiteral("late pay"), now()}});
                    !r)
                    return r;
                // The channel's transaction no. is needed to refund it.
                if (!txnNo.isEmpty()) {
                    if (auto r = flows.setChannelTxnNo(*f, txnNo, now()); !r)
                        return std::unexpected(r.error());
                }
            }
            auto t = TradeRepository(m_db).find(f->tradeId);
            if (!t)
                return std::unexpected(t.error());
            if (!t->frozen) {
                auto id = writeAutoRefund(*t, {f->id}, RefundReason::LateSuccess,
                                          QCoreApplication::translate("PaymentEngine", "Flow %1 was %2 but the channel reports it paid").arg(f->flowNo, toString(from)));
                if (!id)
                    return std::unexpected(id.error());
                refundId = *id;
            }
            if (auto r = tx.commit(); !r)
                return r;
        }
        emitChanged(f->tradeId);
        if (refundId != 0)
            m_clock.schedule(0, this, [this, refundId] { processRefund(refundId); });
        return {};
    }
    {
        // The conditional update comes first: the step joins a commit group without a savepoint.
        TransactionGuard tx(m_db, TransactionGuard::InGroup::Join);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        f->channelTxnNo = txnNo;
        auto u = flows.transition(*f, FlowStatus::Succeeded, now());
        if (!u)
            return std::unexpected(u.error());
        if (*u == UpdateOutcome::LostRace)
            return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Flow %1 changed meanwhile").arg(f->flowNo));
        LedgerRepository ledger(m_db);
        const QString set = QStringLiteral("PAY-") + f->flowNo;
        auto neg = f->amount.negated();
        if (auto r = ledger.post(set, {{0, set, QStringLiteral("channel:") + f->channel, f->amount, f->tradeId, f->id, 0,
                                        QStringLiteral("pay"), now()},
                                       {0, set, QStringLiteral("merchant:receivable"), *neg, f->tradeId, f->id, 0,
                                        QStringLiteral("pay"), now()}});
            !r)
            return r;
        (void)dropTask(kFlowTask, f->id);
        if (auto r = releaseSuspense(*f); !r)
            return r;
        (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(from),
                          toString(FlowStatus::Succeeded), toString(FlowEvent::Succeed), source, QString(),
                          raw.json({JsonField::string(QLatin1StringView("channel_txn_no"), txnNo)}));
        if (auto r = tx.commit(); !r)
            return r;
    }
    emitChanged(f->tradeId);
    const qint64 paymentId = f->paymentId;
    PaymentRepository payments(m_db);
    auto p = payments.find(paymentId);
    if (p && isTerminal(p->status))
        completePayment(paymentId, &*p, &*siblings); // the attempt was closed or failed: this success is surplus
    else if (p)
        advance(paymentId, &*p, &*siblings);
    return {};
}

Result<void> PaymentEngine::failFlow(qint64 flowId, const QString &code, const QString &reason, EventSource source,
                                     const EventPayload &raw, FlowStatus to)
{
    FlowRepository flows(m_db);
    auto f = flows.find(flowId);
    if (!f)
        return std::unexpected(f.error());
    if (isTerminal(f->status))
        return {};
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        const FlowStatus from = f->status;
        f->failCode = code;
        f->failReason = reason.isEmpty() ? code : reason;
        auto u = flows.transition(*f, to, now());
        if (!u || *u != UpdateOutcome::Applied)
            return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Flow %1 changed meanwhile").arg(f->flowNo));
        (void)dropTask(kFlowTask, f->id);
        if (auto r = releaseSuspense(*f); !r)
            return r;
        (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(from), toString(to),
                          toString(to == FlowStatus::Closed ? FlowEvent::Close : FlowEvent::Fail), source, QString(),
                          raw.json({JsonField::string(QLatin1StringView("code"), code)}));
        if (auto r = tx.commit(); !r)
            return r;
    }
    emitChanged(f->tradeId);
    failPayment(f->paymentId, f->failReason, source);
    return {};
}

void PaymentEngine::failPayment(qint64 paymentId, const QString &reason, EventSource source)
{
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    TradeRepository trades(m_db);
    auto p = payments.find(paymentId);
    if (!p || isTerminal(p->status))
        return;
    if (automationStopped(p->tradeId))
        return; // frozen: releasing the trade re-derives this decision
    auto list = flows.forPayment(paymentId);
    if (!list)
        return;
    // If any leg is still unknown, nothing is reversed until compensation knows (seed 1).
    for (const PaymentFlow &f : *list) {
        if (inFlight(f.status))
            return;
    }
    QList<qint64> toReverse;
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return;
        for (PaymentFlow f : *list) {
            if (f.status == FlowStatus::Init) {
                f.failReason = QCoreApplication::translate("PaymentEngine", "Not attempted: an earlier leg failed");
                if (flows.transition(f, FlowStatus::Closed, now()).value_or(UpdateOutcome::LostRace) == UpdateOutcome::Applied)
                    (void)appendEvent(f.tradeId, QStringLiteral("FLOW"), f.id, f.flowNo, toString(FlowStatus::Init),
                                      toString(FlowStatus::Closed), toString(FlowEvent::Close), EventSource::System, QString());
            } else if (f.status == FlowStatus::Succeeded && f.refundedMinor < f.amount.minor()) {
                toReverse << f.id;
            }
        }
        const PaymentStatus from = p->status;
        if (payments.transition(*p, PaymentStatus::Failed, now(), reason).value_or(UpdateOutcome::LostRace)
            != UpdateOutcome::Applied)
            return;
        (void)appendEvent(p->tradeId, QStringLiteral("PAYMENT"), p->id, p->paymentNo, toString(from),
                          toString(PaymentStatus::Failed), toString(PaymentEvent::Fail), source, QString(),
                          QJsonObject{{QStringLiteral("reason"), reason}});
        auto t = trades.find(p->tradeId);
        if (t && t->status == TradeStatus::Paying) {
            // Back to CREATED unless another attempt is still running.
            SqlStatement &q = m_db.statement(QStringLiteral(
                "SELECT count(*) FROM payment_orders WHERE trade_id = ? AND status IN ('ACCEPTED','PROCESSING')"));
            q.addBindValue(t->id);
            int running = 0;
            if (q.exec() && q.next())
                running = q.value(0).toInt();
            q.finish();
            if (running == 0
                && trades.transition(*t, TradeStatus::Created, now()).value_or(UpdateOutcome::LostRace)
                       == UpdateOutcome::Applied)
                (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(TradeStatus::Paying),
                                  toString(TradeStatus::Created), toString(TradeEvent::PaymentFailed), source, QString(),
                                  QJsonObject{{QStringLiteral("reason"), reason}});
        }
        if (!tx.commit())
            return;
    }
    emitChanged(p->tradeId);
    if (!toReverse.isEmpty())
        (void)startAutoRefund(p->tradeId, toReverse, RefundReason::PartialFailure,
                              QCoreApplication::translate("PaymentEngine", "Payment %1 failed: %2").arg(p->paymentNo, reason));
}

void PaymentEngine::completePayment(qint64 paymentId, const PaymentOrder *known, const QList<PaymentFlow> *knownFlows)
{
    PaymentRepository payments(m_db);
    TradeRepository trades(m_db);
    FlowRepository flows(m_db);
    auto p = known ? Result<PaymentOrder>(*known) : payments.find(paymentId);
    if (!p)
        return;
    auto t = trades.find(p->tradeId);
    if (!t)
        return;
    if (t->frozen)
        return; // automation stops on a frozen trade; releasing it re-derives this decision
    auto list = knownFlows ? Result<QList<PaymentFlow>>(*knownFlows) : flows.forPayment(paymentId);
    if (!list)
        return;
    QList<qint64> flowIds;
    for (const PaymentFlow &f : *list) {
        if (f.status == FlowStatus::Succeeded && f.refundedMinor < f.amount.minor())
            flowIds << f.id;
    }
    RefundReason surplusReason = RefundReason::DuplicatePayment;
    bool won = false;
    {
        // The payment's conditional update comes first; the trade's cannot lose (it was read in
        // this same call, on the core's only writer): the step joins a commit group as it is.
        TransactionGuard tx(m_db, TransactionGuard::InGroup::Join);
        if (!tx.begun())
            return;
        const bool alreadyPaid = t->status == TradeStatus::Paid || t->status == TradeStatus::PartiallyRefunded
            || t->status == TradeStatus::Refunded;
        if (!isTerminal(p->status)) {
            // An attempt that also got paid after another one paid the order is a DUPLICATE,
            // refunded in full below; SUCCEEDED is kept for the attempt that paid (or for a
            // success after the order closed, which is refunded as closed-but-paid).
            const PaymentStatus from = p->status;
            const PaymentStatus to = alreadyPaid && t->paidPaymentId != p->id ? PaymentStatus::Duplicate : PaymentStatus::Succeeded;
            if (payments.transition(*p, to, now()).value_or(UpdateOutcome::LostRace)
                != UpdateOutcome::Applied)
                return;
            (void)appendEvent(p->tradeId, QStringLiteral("PAYMENT"), p->id, p->paymentNo, toString(from),
                              toString(to), toString(to == PaymentStatus::Duplicate ? PaymentEvent::Duplicate : PaymentEvent::Succeed),
                              EventSource::System, QString());
        }
        if (t->status == TradeStatus::Created || t->status == TradeStatus::Paying) {
            if (t->status == TradeStatus::Created)
                (void)trades.transition(*t, TradeStatus::Paying, now());
            const TradeStatus from = TradeStatus::Paying;
            auto u = trades.transition(*t, TradeStatus::Paid, now());
            if (!u || *u != UpdateOutcome::Applied)
                return; // lost to a close: the next advance sees CLOSED and refunds
            (void)trades.updateAmounts(*t, t->amount.minor(), 0, now());
            if (trades.setPaidBy(*t, p->id, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
                return; // the transaction rolls back whole: the next advance decides again
            (void)dropTask(kExpireTask, t->id);
            (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(from),
                              toString(TradeStatus::Paid), toString(TradeEvent::PaymentSucceeded), EventSource::System,
                              QString(), compactJsonObject({JsonField::string(QLatin1StringView("payment_no"), p->paymentNo)}));
            won = true;
        } else if (t->status == TradeStatus::Closed || t->status == TradeStatus::Closing) {
            surplusReason = RefundReason::ClosedButPaid;
            (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(t->status),
                              toString(t->status), QStringLiteral("PAID_AFTER_CLOSE"), EventSource::System, QString(),
                              QJsonObject{{QStringLiteral("payment_no"), p->paymentNo}});
        } else {
            (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(t->status),
                              toString(t->status), QStringLiteral("DUPLICATE_PAYMENT"), EventSource::System, QString(),
                              QJsonObject{{QStringLiteral("payment_no"), p->paymentNo}});
        }
        if (!tx.commit())
            return;
    }
    emitChanged(t->id);
    if (won) {
        closeOtherAttempts(t->id, paymentId);
        checkTradeInvariants(t->id);
        return;
    }
    // Closed-but-paid (seed 7) or a second attempt that also succeeded (seed 6): the money
    // is recorded truthfully above and returned automatically.
    if (!flowIds.isEmpty())
        (void)startAutoRefund(t->id, flowIds, surplusReason,
                              surplusReason == RefundReason::ClosedButPaid
                                  ? QCoreApplication::translate("PaymentEngine", "Order %1 was closed before payment %2 succeeded").arg(t->outTradeNo, p->paymentNo)
                                  : QCoreApplication::translate("PaymentEngine", "Order %1 was already paid; payment %2 is a duplicate").arg(t->outTradeNo, p->paymentNo));
}

// When one attempt wins, the others are asked to close at their channels; if a channel says
// it was already paid, that success arrives as a duplicate and is refunded.
void PaymentEngine::closeOtherAttempts(qint64 tradeId, qint64 winnerPaymentId)
{
    FlowRepository flows(m_db);
    auto list = flows.waitingOfOtherPayments(tradeId, winnerPaymentId);
    if (!list)
        return;
    for (const PaymentFlow &f : *list) {
        if (inFlight(f.status) && m_channels.isExternal(f.channel))
            closeStrayFlow(f);
    }
}

// Closes at the channel a flow of an attempt that lost to another one (the order is paid).
void PaymentEngine::closeStrayFlow(const PaymentFlow &f)
{
    const qint64 flowId = f.id;
    callChannel([=, this] {
        m_channels.close(f.channel, f.flowNo, [this, flowId](const ChannelResult &r) {
            --m_inFlight;
            if (r.succeeded())
                (void)failFlow(flowId, QStringLiteral("CLOSED"), QCoreApplication::translate("PaymentEngine", "Closed: another attempt paid the order"),
                               EventSource::System, resultJson(r), FlowStatus::Closed);
            else if (r.failed() && r.code == QStringLiteral("ALREADY_PAID"))
                (void)succeedFlow(flowId, r.channelTxnNo, r.amountMinor, EventSource::Sync, resultJson(r));
            // Unknown: compensation keeps querying the flow, and closes it again (queryFlow).
        });
    });
}

// ===== close (timeout or operator) ========================================================

Result<void> PaymentEngine::close(const QString &outTradeNo, EventSource source, const QString &actor)
{
    TradeRepository trades(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    if (t->status == TradeStatus::Closed)
        return {};
    if (t->status != TradeStatus::Created && t->status != TradeStatus::Paying && t->status != TradeStatus::Closing)
        return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Order %1 is %2; it cannot be closed").arg(outTradeNo, toString(t->status)));
    if (t->frozen)
        return fail(ErrorCode::Frozen, QCoreApplication::translate("PaymentEngine", "Order %1 is frozen for review: %2").arg(outTradeNo, t->freezeReason));
    FlowRepository flows(m_db);
    auto list = flows.forTrade(t->id);
    if (!list)
        return std::unexpected(list.error());
    // Close first closes the channel-side order (seed 13).
    QList<PaymentFlow> external;
    for (const PaymentFlow &f : *list) {
        if (inFlight(f.status) && m_channels.isExternal(f.channel))
            external << f;
    }
    {
        // CLOSING is taken by the conditional update before any channel close is sent: from
        // here on no attempt is accepted and no leg starts, and a success that still arrives
        // is recorded and refunded as closed-but-paid. (Again after a restart: already CLOSING.)
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        const TradeStatus from = t->status;
        if (from != TradeStatus::Closing) {
            auto u = trades.transition(*t, TradeStatus::Closing, now());
            if (!u)
                return std::unexpected(u.error());
            if (*u != UpdateOutcome::Applied)
                return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Order %1 changed meanwhile; look at it again").arg(outTradeNo));
        }
        (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(from), toString(TradeStatus::Closing),
                          QStringLiteral("CLOSE_REQUESTED"), source, actor,
                          QJsonObject{{QStringLiteral("channel_orders"), int(external.size())}});
        if (auto r = tx.commit(); !r)
            return r;
    }
    emitChanged(t->id);
    const qint64 tradeId = t->id;
    if (external.isEmpty()) {
        finishClose(tradeId, source, actor);
        return {};
    }
    m_closeReplies[tradeId] = int(external.size());
    m_closeSource[tradeId] = source;
    for (const PaymentFlow &f : external) {
        const qint64 flowId = f.id;
        callChannel([this, channel = f.channel, flowNo = f.flowNo, flowId, tradeId, source, actor] {
            m_channels.close(channel, flowNo, [this, flowId, tradeId, source, actor](const ChannelResult &r) {
                --m_inFlight;
                if (r.succeeded()) {
                    // Closed at the channel: no money can move any more.
                    FlowRepository fl(m_db);
                    auto f = fl.find(flowId);
                    if (f && !isTerminal(f->status)) { // NOLINT(shadow)
                        TransactionGuard tx(m_db);
                        const FlowStatus from = f->status;
                        f->failCode = QStringLiteral("CLOSED");
                        f->failReason = QCoreApplication::translate("PaymentEngine", "Closed at the channel");
                        if (fl.transition(*f, FlowStatus::Closed, now()).value_or(UpdateOutcome::LostRace)
                            == UpdateOutcome::Applied) {
                            (void)dropTask(kFlowTask, f->id);
                            (void)releaseSuspense(*f);
                            (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(from),
                                              toString(FlowStatus::Closed), toString(FlowEvent::Close), source, actor,
                                              resultJson(r));
                        }
                        (void)tx.commit();
                    }
                } else if (r.failed() && r.code == QStringLiteral("ALREADY_PAID")) {
                    // The customer paid first. That is a success, not a close.
                    (void)succeedFlow(flowId, r.channelTxnNo, r.amountMinor, source, resultJson(r));
                }
                // Unknown or refused: the trade closes anyway below (the timeout wins); the flow stays under
                // compensation, and a success that turns up later is refunded as closed-but-paid.
                if (--m_closeReplies[tradeId] <= 0) {
                    m_closeReplies.remove(tradeId);
                    m_closeSource.remove(tradeId);
                    finishClose(tradeId, source, actor);
                }
            });
        });
    }
    return {};
}

void PaymentEngine::finishClose(qint64 tradeId, EventSource source, const QString &actor)
{
    TradeRepository trades(m_db);
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    auto t = trades.find(tradeId);
    if (!t || (t->status != TradeStatus::Created && t->status != TradeStatus::Paying && t->status != TradeStatus::Closing))
        return; // payment won the race: close is a no-op
    if (t->frozen)
        return; // frozen: the expiry check tries again after the trade is released
    QList<qint64> toReverse;
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return;
        const TradeStatus from = t->status;
        auto u = trades.transition(*t, TradeStatus::Closed, now());
        if (!u || *u != UpdateOutcome::Applied)
            return;
        (void)dropTask(kExpireTask, t->id);
        (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(from),
                          toString(TradeStatus::Closed), toString(TradeEvent::Close), source, actor);
        auto ps = payments.forTrade(t->id);
        if (ps) {
            for (PaymentOrder p : *ps) {
                if (isTerminal(p.status))
                    continue;
                const PaymentStatus pf = p.status;
                if (payments.transition(p, PaymentStatus::Closed, now(), QCoreApplication::translate("PaymentEngine", "Order closed")).value_or(UpdateOutcome::LostRace)
                    == UpdateOutcome::Applied)
                    (void)appendEvent(t->id, QStringLiteral("PAYMENT"), p.id, p.paymentNo, toString(pf),
                                      toString(PaymentStatus::Closed), toString(PaymentEvent::Close), source, actor);
            }
        }
        auto fs = flows.forTrade(t->id);
        if (fs) {
            for (PaymentFlow f : *fs) {
                if (f.status == FlowStatus::Init
                    || (f.status == FlowStatus::Prepaid && f.qrContent.isEmpty() && !m_channels.isExternal(f.channel))) {
                    f.failReason = QCoreApplication::translate("PaymentEngine", "Order closed");
                    if (flows.transition(f, FlowStatus::Closed, now()).value_or(UpdateOutcome::LostRace) == UpdateOutcome::Applied)
                        (void)appendEvent(t->id, QStringLiteral("FLOW"), f.id, f.flowNo, toString(FlowStatus::Init),
                                          toString(FlowStatus::Closed), toString(FlowEvent::Close), source, actor);
                } else if (f.status == FlowStatus::Succeeded && f.refundedMinor < f.amount.minor()) {
                    toReverse << f.id;
                }
            }
        }
        if (!tx.commit())
            return;
    }
    emitChanged(tradeId);
    // Internal legs that already took money are returned; the order stays closed.
    if (!toReverse.isEmpty())
        (void)startAutoRefund(tradeId, toReverse, RefundReason::PartialFailure,
                              QCoreApplication::translate("PaymentEngine", "Order %1 closed before its payment completed").arg(t->outTradeNo));
}

// ===== callbacks and compensation ===========================================================

Result<void> PaymentEngine::validateNotification(const ChannelNotification &n)
{
    if (n.kind == ChannelNotification::Kind::Refund) {
        RefundRepository refunds(m_db);
        auto rf = refunds.findFlowByNo(n.refundNo);
        if (!rf)
            return std::unexpected(rf.error());
        if (rf->channel != n.channel)
            return fail(ErrorCode::NotFound, QCoreApplication::translate("PaymentEngine", "Refund %1 does not belong to %2").arg(n.refundNo, n.channel));
        return {};
    }
    FlowRepository flows(m_db);
    auto f = flows.findByNo(n.flowNo);
    if (!f)
        return std::unexpected(f.error());
    if (f->channel != n.channel)
        return fail(ErrorCode::NotFound, QCoreApplication::translate("PaymentEngine", "Flow %1 does not belong to %2").arg(n.flowNo, n.channel));
    return {};
}

Result<void> PaymentEngine::handleNotification(const ChannelNotification &n)
{
    if (auto v = validateNotification(n); !v)
        return v;
    // The channel takes our answer as an acknowledgement and stops notifying: what the
    // notification changes must be durable before the instant ends.
    m_db.requireCommit();
    if (n.kind == ChannelNotification::Kind::Refund) {
        RefundRepository refunds(m_db);
        auto rf = refunds.findFlowByNo(n.refundNo);
        if (!rf)
            return std::unexpected(rf.error());
        ChannelResult r;
        r.outcome = n.outcome;
        r.channelTxnNo = n.channelRefundNo;
        r.amountMinor = n.amountMinor;
        r.code = n.channelStatus;
        r.raw = n.raw;
        if (n.amountMinor != rf->amount.minor() && n.outcome == ChannelOutcome::Succeeded) {
            freeze(rf->tradeId, QCoreApplication::translate("PaymentEngine", "Refund callback for %1 reports %2, expected %3")
                                    .arg(n.refundNo, QString::number(n.amountMinor), QString::number(rf->amount.minor())));
            return fail(ErrorCode::AmountMismatch, QCoreApplication::translate("PaymentEngine", "Refund amount mismatch"));
        }
        if (n.outcome == ChannelOutcome::Succeeded || n.outcome == ChannelOutcome::Failed)
            handleRefundResult(rf->id, r, EventSource::Callback);
        return {};
    }
    FlowRepository flows(m_db);
    auto f = flows.findByNo(n.flowNo);
    if (!f)
        return std::unexpected(f.error());
    // Cross-checks before anything changes.
    if (!n.currency.isEmpty() && n.currency != f->amount.currency().code()) {
        freeze(f->tradeId, QCoreApplication::translate("PaymentEngine", "Callback for %1 is in %2, the flow is in %3").arg(f->flowNo, n.currency, f->amount.currency().code()));
        return fail(ErrorCode::CurrencyMismatch, QCoreApplication::translate("PaymentEngine", "Currency mismatch on flow %1").arg(f->flowNo));
    }
    if (n.outcome == ChannelOutcome::Succeeded)
        return succeedFlow(f->id, n.channelTxnNo, n.amountMinor, EventSource::Callback, n.raw);
    if (n.outcome == ChannelOutcome::Failed)
        return failFlow(f->id, n.channelStatus, QCoreApplication::translate("PaymentEngine", "The channel reported the payment failed"), EventSource::Callback, n.raw);
    return {}; // Pending: nothing to do
}

void PaymentEngine::queryFlow(qint64 flowId, int attempt)
{
    FlowRepository flows(m_db);
    auto f = flows.find(flowId);
    if (!f || isTerminal(f->status)) {
        (void)dropTask(kFlowTask, flowId);
        return;
    }
    const QString channel = f->channel;
    const QString flowNo = f->flowNo;
    callChannel([this, channel, flowNo, flowId, attempt] {
        m_channels.query(channel, flowNo, [this, flowId, attempt](const ChannelResult &r) {
            --m_inFlight;
            if (r.succeeded()) {
                (void)succeedFlow(flowId, r.channelTxnNo, r.amountMinor, EventSource::Query, resultJson(r));
                return;
            }
            if (r.failed() && r.requestSent) { // a refused query tells nothing
                (void)failFlow(flowId, r.code, r.message, EventSource::Query, resultJson(r));
                return;
            }
            FlowRepository fl(m_db);
            auto cur = fl.find(flowId);
            if (!cur || isTerminal(cur->status))
                return;
            auto f = cur;
            const auto &schedule = m_config.compensationScheduleMs;
            const int next = attempt + 1;
            // Once the trade is closed (its channel close failed or went unanswered) nobody waits for
            // the customer any more: the schedule runs out and the statement decides (found by the
            // simulation sweep: such a flow was otherwise polled forever and never became terminal).
            TradeRepository tradesForFlow(m_db);
            auto owner = tradesForFlow.find(f->tradeId);
            const bool tradeOpen = owner && (owner->status == TradeStatus::Created || owner->status == TradeStatus::Paying);
            const bool awaitingCustomer = r.outcome == ChannelOutcome::Pending && f->status == FlowStatus::Prepaid && tradeOpen;
            // A code still unpaid of an order another attempt paid: its close went unanswered
            // then; close it now (found by the simulation: it was polled for ever). The schedule
            // goes on in case this close is not answered either.
            if (r.outcome == ChannelOutcome::Pending && f->status == FlowStatus::Prepaid && owner && !tradeOpen
                && owner->status != TradeStatus::Closed && owner->status != TradeStatus::Closing && m_channels.isExternal(f->channel))
                closeStrayFlow(*f);
            TransactionGuard tx(m_db);
            if (next >= schedule.size() && !awaitingCustomer) {
                // The schedule ran out: statement reconciliation decides (seed practice 4).
                (void)fl.setReconPending(*f, true, now());
                (void)dropTask(kFlowTask, flowId);
                (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(f->status),
                                  toString(f->status), QStringLiteral("COMPENSATION_EXHAUSTED"), EventSource::Query,
                                  QString(), resultJson(r));
                (void)tx.commit();
                emitChanged(f->tradeId);
                // Nobody knows whether the request ever reached the channel: close the leg there
                // (a channel that never saw it keeps a tombstone that refuses it should it still
                // arrive). Closed -> the flow fails truthfully; already paid -> it settles;
                // no answer -> the statement decides (recon_pending).
                closeUnknownFlow(*f);
                return;
            }
            // A QR code the customer has not paid yet is polled at the longest gap until the
            // order closes; an unknown result walks the schedule.
            const qint64 gap = schedule.value(qMin<qsizetype>(next, schedule.size() - 1), 100000);
            (void)scheduleTask(kFlowTask, flowId, awaitingCustomer ? qMin<int>(next, int(schedule.size()) - 1) : next,
                               now() + gap);
            (void)tx.commit();
            armTimer(kFlowTask, flowId, now() + gap);
        });
    });
}

void PaymentEngine::closeUnknownFlow(const PaymentFlow &f)
{
    const qint64 flowId = f.id;
    callChannel([this, channel = f.channel, flowNo = f.flowNo, flowId] {
        m_channels.close(channel, flowNo, [this, flowId](const ChannelResult &c) {
            --m_inFlight;
            Result<void> settled = fail(ErrorCode::Internal, QString());
            if (c.succeeded())
                settled = failFlow(flowId, QStringLiteral("CLOSED"),
                                   QCoreApplication::translate("PaymentEngine", "Closed at the channel: no result after the query schedule"),
                                   EventSource::Query, resultJson(c), FlowStatus::Closed);
            else if (c.failed() && c.code == QStringLiteral("ALREADY_PAID"))
                settled = succeedFlow(flowId, c.channelTxnNo, c.amountMinor, EventSource::Query, resultJson(c));
            if (!settled)
                return; // no answer: the statement decides
            FlowRepository fl(m_db);
            if (auto cur = fl.find(flowId); cur && cur->reconPending)
                (void)fl.setReconPending(*cur, false, now());
        });
    });
}

Result<void> PaymentEngine::queryNow(const QString &outTradeNo, const QString &actor)
{
    TradeRepository trades(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    FlowRepository flows(m_db);
    auto list = flows.forTrade(t->id);
    if (!list)
        return std::unexpected(list.error());
    {
        TransactionGuard tx(m_db);
        (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, QString(), QString(),
                          QStringLiteral("QUERY_REQUESTED"), EventSource::Operator, actor);
        (void)tx.commit();
    }
    for (const PaymentFlow &f : *list) {
        if (!isTerminal(f.status) || f.reconPending)
            queryFlow(f.id, 0);
    }
    return {};
}

Result<void> PaymentEngine::settleFromStatement(const QString &flowNo, const QString &channelTxnNo,
                                                qint64 amountMinor)
{
    FlowRepository flows(m_db);
    auto f = flows.findByNo(flowNo);
    if (!f)
        return std::unexpected(f.error());
    if (f->status == FlowStatus::Succeeded && f->amount.minor() == amountMinor)
        return {}; // already settled by a callback or query
    if (isTerminal(f->status))
        return fail(ErrorCode::InvalidTransition,
                    QCoreApplication::translate("PaymentEngine", "Flow %1 is already %2").arg(flowNo, toString(f->status)));
    const qint64 flowId = f->id;
    {
        TransactionGuard tx(m_db);
        (void)appendEvent(f->tradeId, QStringLiteral("FLOW"), f->id, f->flowNo, toString(f->status),
                          toString(f->status), QStringLiteral("STATEMENT_SHOWS_PAID"), EventSource::Recon, QString(),
                          QJsonObject{{QStringLiteral("channel_txn_no"), channelTxnNo},
                                      {QStringLiteral("amount"), amountMinor}});
        (void)tx.commit();
    }
    if (auto r = succeedFlow(flowId, channelTxnNo, amountMinor, EventSource::Recon,
                             QJsonObject{{QStringLiteral("source"), QStringLiteral("statement")}});
        !r)
        return r;
    // Compensation is over for this flow: the statement decided.
    if (auto cur = flows.find(flowId); cur && cur->reconPending)
        (void)flows.setReconPending(*cur, false, now());
    return {};
}

// ===== refunds ============================================================================

// The one refund guard (docs/refund-guard.md). Runs inside the caller's transaction and takes
// the trade row first, so two refunds of one trade never pass it at once. What a payment flow
// can still give back is its amount, minus what was refunded, minus refund flows in flight
// (ACCEPTED or PROCESSING), minus failed refund flows whose remainder is still reserved (not yet
// retried or abandoned by an operator).
Result<QList<PaymentEngine::RefundPlanLeg>> PaymentEngine::guardRefund(const TradeOrder &tradeIn, GuardMode mode,
                                                                        qint64 amountMinor, const QList<qint64> &ids)
{
    TradeRepository trades(m_db);
    FlowRepository flows(m_db);
    RefundRepository refunds(m_db);
    if (auto l = trades.lock(tradeIn.id); !l)
        return std::unexpected(l.error());
    auto t = trades.find(tradeIn.id); // read again under the lock
    if (!t)
        return std::unexpected(t.error());
    auto all = flows.forTrade(t->id);
    if (!all)
        return std::unexpected(all.error());
    auto rfs = refunds.flowsOfTrade(t->id);
    if (!rfs)
        return std::unexpected(rfs.error());
    auto ros = refunds.forTrade(t->id);
    if (!ros)
        return std::unexpected(ros.error());
    QHash<qint64, QString> refundNoById;
    for (const RefundOrder &r : *ros)
        refundNoById.insert(r.id, r.refundNo);
    QHash<qint64, qint64> inFlightOn, reservedOn;
    QHash<qint64, QString> reservedBy;
    QString inFlightNo;
    for (const RefundFlow &rf : *rfs) {
        if (rf.status == RefundStatus::Accepted || rf.status == RefundStatus::Processing) {
            inFlightOn[rf.flowId] += rf.amount.minor();
            inFlightNo = refundNoById.value(rf.refundId);
        } else if (rf.status == RefundStatus::Failed
                   && (rf.resolution.isEmpty()
                       // An automatic refund an operator abandoned (or one from before schema 7)
                       // is settled by a person: no automatic decision refunds that part again.
                       || (mode == GuardMode::Automatic && !rf.resolution.startsWith(QStringLiteral("RETRIED:"))))
                   && !(mode == GuardMode::Retry && ids.contains(rf.id))) {
            reservedOn[rf.flowId] += rf.amount.minor();
            reservedBy.insert(rf.flowId, refundNoById.value(rf.refundId));
        }
    }
    // Money a flow took: a SUCCEEDED flow, or a failed or closed one the channel reported paid
    // after all (LATE_SUCCESS, posted): that money is returned too.
    auto took = [&](const PaymentFlow &f) -> bool {
        if (f.status == FlowStatus::Succeeded)
            return true;
        if ((mode != GuardMode::Automatic && mode != GuardMode::Retry) || !isTerminal(f.status))
            return false;
        auto late = postingSetExists(QStringLiteral("PAY-") + f.flowNo);
        return late && *late;
    };
    auto room = [&](const PaymentFlow &f) -> qint64 {
        return f.amount.minor() - f.refundedMinor - inFlightOn.value(f.id) - reservedOn.value(f.id);
    };
    const bool paidTrade = t->status == TradeStatus::Paid || t->status == TradeStatus::PartiallyRefunded
        || t->status == TradeStatus::Refunded;
    qint64 payingId = t->paidPaymentId;
    if (payingId == 0 && paidTrade) {
        // A trade paid before the paying attempt was recorded: the first attempt that succeeded.
        PaymentRepository payments(m_db);
        if (auto ps = payments.forTrade(t->id)) {
            for (const PaymentOrder &p : *ps) {
                if (p.status == PaymentStatus::Succeeded) {
                    payingId = p.id;
                    break;
                }
            }
        }
    }
    QList<RefundPlanLeg> plan;
    switch (mode) {
    case GuardMode::Automatic: {
        // Surplus only: the legs named, each up to what it can still give. Never the legs of
        // the attempt that paid an order that stays paid.
        for (const PaymentFlow &f : *all) {
            if (!ids.contains(f.id) || !took(f))
                continue;
            if (paidTrade && f.paymentId == payingId)
                continue;
            const qint64 give = room(f);
            if (give > 0)
                plan << RefundPlanLeg{f, give};
        }
        return plan;
    }
    case GuardMode::Retry: {
        if (!inFlightNo.isEmpty())
            return fail(ErrorCode::InvalidTransition,
                        QCoreApplication::translate("PaymentEngine", "Refund %1 of order %2 is still in flight; retry once it has finished")
                            .arg(inFlightNo, t->outTradeNo));
        for (const RefundFlow &rf : *rfs) {
            if (!ids.contains(rf.id))
                continue;
            const PaymentFlow *f = nullptr;
            for (const PaymentFlow &candidate : *all) {
                if (candidate.id == rf.flowId)
                    f = &candidate;
            }
            if (!f || !took(*f))
                return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Refund flow %1 has no paid flow to return").arg(rf.refundFlowNo));
            if (rf.amount.minor() > room(*f))
                return fail(ErrorCode::LimitExceeded,
                            QCoreApplication::translate("PaymentEngine", "Flow %1 can give back only %2 more; retrying %3 would exceed it")
                                .arg(f->flowNo, Money(qMax<qint64>(0, room(*f)), f->amount.currency()).toPlainString(), rf.refundFlowNo));
            plan << RefundPlanLeg{*f, rf.amount.minor()};
        }
        return plan;
    }
    case GuardMode::Customer:
    case GuardMode::Operator: {
        if (amountMinor <= 0)
            return invalid(QCoreApplication::translate("PaymentEngine", "The refund amount must be positive"));
        QList<PaymentFlow> order;
        for (const PaymentFlow &f : *all) {
            if (f.status != FlowStatus::Succeeded)
                continue;
            if ((mode == GuardMode::Customer || paidTrade) && f.paymentId != payingId)
                continue; // refunds of a paid order use only the attempt that paid it; the
                          // surplus of other attempts is returned by the automatic refunds
            order << f;
        }
        // External (card, QR: real money) first, then wallet, then coupon: reverse leg order.
        std::sort(order.begin(), order.end(), [](const PaymentFlow &a, const PaymentFlow &b) {
            return a.paymentId != b.paymentId ? a.paymentId > b.paymentId : a.seq > b.seq;
        });
        qint64 left = amountMinor;
        qint64 reserved = 0;
        QString reservedNo;
        for (const PaymentFlow &f : order) {
            reserved += reservedOn.value(f.id);
            if (reservedOn.value(f.id) > 0 && reservedNo.isEmpty())
                reservedNo = reservedBy.value(f.id);
            if (left == 0)
                continue;
            const qint64 give = qMin(room(f), left);
            if (give <= 0)
                continue;
            plan << RefundPlanLeg{f, give};
            left -= give;
        }
        if (mode == GuardMode::Customer && reserved > 0)
            return fail(ErrorCode::LimitExceeded,
                        QCoreApplication::translate("PaymentEngine", "Refund %1 of order %2 failed and still holds %3: operations must retry or abandon it before another refund")
                            .arg(reservedNo, t->outTradeNo, Money(reserved, t->amount.currency()).toPlainString()));
        if (left > 0) {
            const qint64 can = amountMinor - left;
            if (reserved > 0)
                return fail(ErrorCode::LimitExceeded,
                            QCoreApplication::translate("PaymentEngine", "Only %1 of order %2 can be refunded now: %3 is held by failed refund %4 until it is retried or abandoned")
                                .arg(Money(can, t->amount.currency()).toPlainString(), t->outTradeNo,
                                     Money(reserved, t->amount.currency()).toPlainString(), reservedNo));
            return fail(ErrorCode::LimitExceeded, QCoreApplication::translate("PaymentEngine", "Only %1 of order %2 can still be refunded")
                                                      .arg(Money(can, t->amount.currency()).toPlainString(), t->outTradeNo));
        }
        return plan;
    }
    }
    return plan;
}

Result<qint64> PaymentEngine::writeRefund(const TradeOrder &t, const QString &refundNo, RefundReason reason,
                                          const QList<RefundPlanLeg> &plan, const QString &requestedBy,
                                          const QString &approvedBy, const QString &note, const QString &event)
{
    RefundRepository refunds(m_db);
    const qint64 t0 = now();
    qint64 total = 0;
    for (const RefundPlanLeg &leg : plan)
        total += leg.amountMinor;
    RefundOrder r;
    r.refundNo = refundNo;
    r.tradeId = t.id;
    r.amount = Money(total, t.amount.currency());
    r.reason = reason;
    r.requestedBy = requestedBy;
    r.approvedBy = approvedBy;
    r.note = note;
    r.createdAtMs = r.updatedAtMs = t0;
    if (auto e = refunds.insert(r); !e)
        return std::unexpected(e.error());
    int n = 0;
    for (const RefundPlanLeg &leg : plan) {
        RefundFlow rf;
        rf.refundFlowNo = QStringLiteral("%1-%2").arg(refundNo).arg(++n);
        rf.refundId = r.id;
        rf.flowId = leg.flow.id;
        rf.tradeId = t.id;
        rf.channel = leg.flow.channel;
        rf.amount = Money(leg.amountMinor, leg.flow.amount.currency());
        rf.createdAtMs = rf.updatedAtMs = t0;
        if (auto e = refunds.insertFlow(rf); !e)
            return std::unexpected(e.error());
    }
    if (auto e = appendEvent(t.id, QStringLiteral("REFUND"), r.id, r.refundNo, QString(), toString(RefundStatus::Accepted),
                             event, requestedBy == QStringLiteral("engine") ? EventSource::System : EventSource::Operator,
                             requestedBy,
                             QJsonObject{{QStringLiteral("amount"), total},
                                         {QStringLiteral("reason"), toString(reason)},
                                         {QStringLiteral("approved_by"), approvedBy},
                                         {QStringLiteral("note"), note}});
        !e)
        return std::unexpected(e.error());
    return r.id;
}

// Partial refunds of a combined payment return money in reverse order of payment: the
// external channel leg (card or QR, real money) first, then wallet, then coupon last, each up
// to what is still refundable on it. Only the attempt that paid the order is refunded.
Result<QString> PaymentEngine::refund(const RefundCommand &c)
{
    if (c.refundNo.isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "A refund number is required"));
    if (c.amountMinor <= 0)
        return invalid(QCoreApplication::translate("PaymentEngine", "The refund amount must be positive"));
    TradeRepository trades(m_db);
    RefundRepository refunds(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, c.outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    if (auto existing = refunds.findByNo(c.refundNo)) {
        if (existing->tradeId != t->id || existing->amount.minor() != c.amountMinor)
            return fail(ErrorCode::IdempotencyConflict,
                        QCoreApplication::translate("PaymentEngine", "Refund %1 already exists with a different order or amount").arg(c.refundNo));
        return existing->refundNo; // the same refund again: idempotent
    }
    if (t->frozen)
        return fail(ErrorCode::Frozen, QCoreApplication::translate("PaymentEngine", "Order %1 is frozen for review").arg(t->outTradeNo));
    if (t->status != TradeStatus::Paid && t->status != TradeStatus::PartiallyRefunded)
        return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Order %1 is %2; only paid orders can be refunded")
                                                      .arg(t->outTradeNo, toString(t->status)));
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto plan = guardRefund(*t, GuardMode::Customer, c.amountMinor, {});
    if (!plan)
        return std::unexpected(plan.error());
    auto id = writeRefund(*t, c.refundNo, RefundReason::CustomerRequest, *plan, c.requestedBy, c.approvedBy, c.note,
                          QStringLiteral("ACCEPT"));
    if (!id)
        return std::unexpected(id.error());
    if (auto e = tx.commit(); !e)
        return std::unexpected(e.error());
    const qint64 refundId = *id;
    m_clock.schedule(0, this, [this, refundId] { processRefund(refundId); });
    return c.refundNo;
}

// A failed refund is retried once per failed refund flow: its failed flows are marked RETRIED
// by the new refund in the same transaction, so a second retry finds nothing to retry.
Result<QString> PaymentEngine::retryRefund(const QString &refundNo, const QString &requestedBy,
                                           const QString &approvedBy)
{
    RefundRepository refunds(m_db);
    TradeRepository trades(m_db);
    auto old = refunds.findByNo(refundNo);
    if (!old)
        return std::unexpected(old.error());
    if (old->status != RefundStatus::Failed)
        return fail(ErrorCode::InvalidTransition,
                    QCoreApplication::translate("PaymentEngine", "Refund %1 is %2; only a failed refund can be retried")
                        .arg(refundNo, toString(old->status)));
    auto t = trades.find(old->tradeId);
    if (!t)
        return std::unexpected(t.error());
    if (t->frozen && (approvedBy.isEmpty() || approvedBy == requestedBy))
        return fail(ErrorCode::PermissionDenied,
                    QCoreApplication::translate("PaymentEngine", "Order %1 is frozen: retrying its refund needs another person's approval").arg(t->outTradeNo));
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (auto l = trades.lock(t->id); !l)
        return std::unexpected(l.error());
    auto flows = refunds.flowsOf(old->id);
    if (!flows)
        return std::unexpected(flows.error());
    QList<qint64> open;
    QString resolved;
    for (const RefundFlow &rf : *flows) {
        if (rf.status != RefundStatus::Failed)
            continue;
        if (rf.resolution.isEmpty())
            open << rf.id;
        else
            resolved = rf.resolution;
    }
    if (open.isEmpty())
        return fail(ErrorCode::InvalidTransition,
                    QCoreApplication::translate("PaymentEngine", "Refund %1 has nothing left to retry (%2)").arg(refundNo, resolved));
    auto plan = guardRefund(*t, GuardMode::Retry, 0, open);
    if (!plan)
        return std::unexpected(plan.error());
    int n = 1;
    while (refunds.findByNo(QStringLiteral("%1-R%2").arg(refundNo).arg(n)))
        ++n;
    const QString newNo = QStringLiteral("%1-R%2").arg(refundNo).arg(n);
    for (RefundFlow rf : *flows) {
        if (!open.contains(rf.id))
            continue;
        if (refunds.resolveFlow(rf, QStringLiteral("RETRIED:") + newNo, now()).value_or(UpdateOutcome::LostRace)
            != UpdateOutcome::Applied)
            return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Refund %1 changed meanwhile").arg(refundNo));
    }
    auto id = writeRefund(*t, newNo, old->reason, *plan, requestedBy, approvedBy,
                          QCoreApplication::translate("PaymentEngine", "Retry of %1").arg(refundNo), QStringLiteral("RETRY_REFUND"));
    if (!id)
        return std::unexpected(id.error());
    if (auto e = tx.commit(); !e)
        return std::unexpected(e.error());
    const qint64 refundId = *id;
    m_clock.schedule(0, this, [this, refundId] { processRefund(refundId); });
    emitChanged(t->id);
    return newNo;
}

Result<void> PaymentEngine::abandonRefund(const QString &refundNo, const QString &actor, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "A reason is required to abandon a refund"));
    RefundRepository refunds(m_db);
    TradeRepository trades(m_db);
    auto old = refunds.findByNo(refundNo);
    if (!old)
        return std::unexpected(old.error());
    if (old->status != RefundStatus::Failed)
        return fail(ErrorCode::InvalidTransition,
                    QCoreApplication::translate("PaymentEngine", "Refund %1 is %2; only a failed refund can be abandoned")
                        .arg(refundNo, toString(old->status)));
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (auto l = trades.lock(old->tradeId); !l)
        return std::unexpected(l.error());
    auto flows = refunds.flowsOf(old->id);
    if (!flows)
        return std::unexpected(flows.error());
    qint64 released = 0;
    for (RefundFlow rf : *flows) {
        if (rf.status != RefundStatus::Failed || !rf.resolution.isEmpty())
            continue;
        if (refunds.resolveFlow(rf, QStringLiteral("ABANDONED"), now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
            return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Refund %1 changed meanwhile").arg(refundNo));
        released += rf.amount.minor();
    }
    if (released == 0)
        return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Refund %1 has nothing left to abandon").arg(refundNo));
    (void)appendEvent(old->tradeId, QStringLiteral("REFUND"), old->id, old->refundNo, toString(old->status),
                      toString(old->status), QStringLiteral("REFUND_ABANDONED"), EventSource::Operator, actor,
                      QJsonObject{{QStringLiteral("released"), released}, {QStringLiteral("reason"), reason}});
    if (auto e = tx.commit(); !e)
        return e;
    emitChanged(old->tradeId);
    return {};
}

Result<qint64> PaymentEngine::startAutoRefund(qint64 tradeId, const QList<qint64> &flowIds, RefundReason reason,
                                              const QString &note)
{
    if (flowIds.isEmpty())
        return qint64(0);
    TradeRepository trades(m_db);
    auto t = trades.find(tradeId);
    if (!t)
        return std::unexpected(t.error());
    if (t->frozen)
        return qint64(0); // automation stops on a frozen trade; releasing it re-derives this refund
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto id = writeAutoRefund(*t, flowIds, reason, note);
    if (!id || *id == 0)
        return id;
    if (auto e = tx.commit(); !e)
        return std::unexpected(e.error());
    const qint64 refundId = *id;
    m_clock.schedule(0, this, [this, refundId] { processRefund(refundId); });
    return refundId;
}

// The automatic refund itself, inside the caller's transaction: 0 when the guard plans nothing.
Result<qint64> PaymentEngine::writeAutoRefund(const TradeOrder &tradeRow, const QList<qint64> &flowIds,
                                              RefundReason reason, const QString &note)
{
    RefundRepository refunds(m_db);
    const TradeOrder *t = &tradeRow;
    auto plan = guardRefund(*t, GuardMode::Automatic, 0, flowIds);
    if (!plan)
        return std::unexpected(plan.error());
    if (plan->isEmpty())
        return qint64(0); // covered already: refunded, in flight or held by a failed refund
    // Automatic refund numbers derive from the first flow and the reason; a later decision on
    // the same flow (after an operator retried or abandoned the first) takes the next suffix.
    const QString base = QStringLiteral("RA-%1-%2").arg(plan->first().flow.flowNo, toString(reason).left(3));
    QString refundNo = base;
    for (int n = 2; refunds.findByNo(refundNo); ++n)
        refundNo = QStringLiteral("%1-%2").arg(base).arg(n);
    return writeRefund(*t, refundNo, reason, *plan, QStringLiteral("engine"), QString(), note, QStringLiteral("AUTO_REFUND"));
}

// ===== frozen trades ======================================================================

bool PaymentEngine::automationStopped(qint64 tradeId)
{
    auto t = TradeRepository(m_db).find(tradeId);
    return t && t->frozen;
}

Result<void> PaymentEngine::releaseFrozen(const QString &outTradeNo, const QString &actor, const QString &approvedBy,
                                          const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "A reason is required to release a frozen order"));
    if (approvedBy.isEmpty() || approvedBy == actor)
        return fail(ErrorCode::PermissionDenied, QCoreApplication::translate("PaymentEngine", "Releasing a frozen order needs another person's approval"));
    TradeRepository trades(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    if (!t->frozen)
        return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Order %1 is not frozen").arg(outTradeNo));
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        auto u = trades.unfreeze(*t, now());
        if (!u)
            return std::unexpected(u.error());
        if (*u != UpdateOutcome::Applied)
            return fail(ErrorCode::LostRace, QCoreApplication::translate("PaymentEngine", "Order %1 changed meanwhile").arg(outTradeNo));
        (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(t->status), toString(t->status),
                          QStringLiteral("RELEASED"), EventSource::Operator, actor,
                          QJsonObject{{QStringLiteral("reason"), reason}, {QStringLiteral("approved_by"), approvedBy}});
        if (auto e = tx.commit(); !e)
            return e;
    }
    emitChanged(t->id);
    const qint64 tradeId = t->id;
    m_clock.schedule(0, this, [this, tradeId] { rederiveTrade(tradeId); });
    if (t->status == TradeStatus::Created || t->status == TradeStatus::Paying)
        armTimer(kExpireTask, tradeId, t->expiresAtMs);
    return {};
}

Result<QString> PaymentEngine::refundFrozen(const QString &outTradeNo, qint64 amountMinor, const QString &actor,
                                            const QString &approvedBy, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("PaymentEngine", "A reason is required to refund a frozen order"));
    if (approvedBy.isEmpty() || approvedBy == actor)
        return fail(ErrorCode::PermissionDenied, QCoreApplication::translate("PaymentEngine", "Refunding a frozen order needs another person's approval"));
    TradeRepository trades(m_db);
    RefundRepository refunds(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    if (!t->frozen)
        return fail(ErrorCode::InvalidTransition, QCoreApplication::translate("PaymentEngine", "Order %1 is not frozen").arg(outTradeNo));
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto plan = guardRefund(*t, GuardMode::Operator, amountMinor, {});
    if (!plan)
        return std::unexpected(plan.error());
    int n = 1;
    while (refunds.findByNo(QStringLiteral("RF-%1-%2").arg(t->outTradeNo).arg(n)))
        ++n;
    const QString no = QStringLiteral("RF-%1-%2").arg(t->outTradeNo).arg(n);
    auto id = writeRefund(*t, no, RefundReason::Operator, *plan, actor, approvedBy, reason, QStringLiteral("OPERATOR_REFUND"));
    if (!id)
        return std::unexpected(id.error());
    if (auto e = tx.commit(); !e)
        return std::unexpected(e.error());
    const qint64 refundId = *id;
    m_clock.schedule(0, this, [this, refundId] { processRefund(refundId); });
    return no;
}

// Every decision that follows from the rows of one trade, taken again: a payment whose legs
// are all settled is completed or failed (advance), and an attempt that keeps money it should
// not is refunded. The refund guard makes a repeat harmless (it counts refunds in flight).
void PaymentEngine::rederiveTrade(qint64 tradeId)
{
    TradeRepository trades(m_db);
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    auto t = trades.find(tradeId);
    if (!t || t->frozen)
        return;
    // Refunds accepted while the trade was frozen (their sends were held) go out now.
    if (auto ros = RefundRepository(m_db).forTrade(tradeId)) {
        for (const RefundOrder &r : *ros) {
            if (!isTerminal(r.status))
                processRefund(r.id);
        }
    }
    auto ps = payments.forTrade(tradeId);
    if (!ps)
        return;
    const bool paidTrade = t->status == TradeStatus::Paid || t->status == TradeStatus::PartiallyRefunded
        || t->status == TradeStatus::Refunded;
    for (const PaymentOrder &p : *ps) {
        if (!isTerminal(p.status)) {
            advance(p.id);
            continue;
        }
        if (paidTrade && p.id == t->paidPaymentId)
            continue;
        auto fl = flows.forPayment(p.id);
        if (!fl)
            continue;
        QList<qint64> surplus;
        QList<qint64> latePaid;
        for (const PaymentFlow &f : *fl) {
            if (f.status == FlowStatus::Succeeded && f.refundedMinor < f.amount.minor())
                surplus << f.id;
            else if (f.status != FlowStatus::Succeeded && isTerminal(f.status) && f.refundedMinor < f.amount.minor()) {
                auto late = postingSetExists(QStringLiteral("PAY-") + f.flowNo);
                if (late && *late)
                    latePaid << f.id;
            }
        }
        if (!latePaid.isEmpty())
            (void)startAutoRefund(tradeId, latePaid, RefundReason::LateSuccess,
                                  QCoreApplication::translate("PaymentEngine", "Re-derived: the channel reported payment %1 paid after it had ended").arg(p.paymentNo));
        if (surplus.isEmpty())
            continue;
        RefundReason reason = RefundReason::PartialFailure;
        if (t->status == TradeStatus::Closed || t->status == TradeStatus::Closing)
            reason = p.status == PaymentStatus::Succeeded ? RefundReason::ClosedButPaid : RefundReason::PartialFailure;
        else if (paidTrade)
            reason = p.status == PaymentStatus::Failed ? RefundReason::PartialFailure : RefundReason::DuplicatePayment;
        (void)startAutoRefund(tradeId, surplus, reason,
                              QCoreApplication::translate("PaymentEngine", "Re-derived after a restart or release: payment %1 keeps money order %2 should not")
                                  .arg(p.paymentNo, t->outTradeNo));
    }
}

void PaymentEngine::rederiveDecisions()
{
    QSqlQuery q(m_db.db());
    QList<qint64> tradeIds;
    if (q.exec(QStringLiteral(
            "SELECT DISTINCT p.trade_id FROM payment_orders p WHERE p.status IN ('ACCEPTED','PROCESSING')"
            " UNION SELECT DISTINCT f.trade_id FROM payment_flows f INDEXED BY ix_flow_status"
            " JOIN trade_orders t ON t.id = f.trade_id"
            " WHERE f.status = 'SUCCEEDED' AND f.refunded_amount < f.amount"
            " AND NOT (t.paid_payment_id IS f.payment_id AND t.status IN ('PAID','PARTIALLY_REFUNDED','REFUNDED'))"
            // late successes (posted for a flow we had failed or closed) not yet refunded
            " UNION SELECT DISTINCT f.trade_id FROM payment_flows f INDEXED BY ix_flow_status"
            " JOIN ledger_postings l ON l.posting_set = 'PAY-' || f.flow_no"
            " WHERE f.status IN ('FAILED','CLOSED') AND f.refunded_amount < f.amount"))) {
        while (q.next())
            tradeIds << q.value(0).toLongLong();
    }
    q.finish();
    for (qint64 id : tradeIds)
        m_clock.schedule(0, this, [this, id] { rederiveTrade(id); });
}

void PaymentEngine::processRefund(qint64 refundId)
{
    RefundRepository refunds(m_db);
    auto r = refunds.find(refundId);
    if (!r || isTerminal(r->status))
        return;
    if (r->status == RefundStatus::Accepted) {
        TransactionGuard tx(m_db);
        if (refunds.transition(*r, RefundStatus::Processing, now()).value_or(UpdateOutcome::LostRace)
            != UpdateOutcome::Applied)
            return;
        (void)appendEvent(r->tradeId, QStringLiteral("REFUND"), r->id, r->refundNo, toString(RefundStatus::Accepted),
                          toString(RefundStatus::Processing), toString(RefundEvent::Process), EventSource::System, QString());
        if (!tx.commit())
            return;
    }
    auto list = refunds.flowsOf(refundId);
    if (!list)
        return;
    bool anyOpen = false;
    for (const RefundFlow &rf : *list) {
        if (rf.status == RefundStatus::Accepted) {
            sendRefundFlow(rf.id);
            anyOpen = true;
        } else if (rf.status == RefundStatus::Processing) {
            anyOpen = true;
            armTimer(kRefundTask, rf.id, now());
        }
    }
    if (!anyOpen)
        finishRefund(refundId);
}

void PaymentEngine::sendRefundFlow(qint64 refundFlowId)
{
    RefundRepository refunds(m_db);
    FlowRepository flows(m_db);
    auto rf = refunds.findFlow(refundFlowId);
    if (!rf || isTerminal(rf->status))
        return;
    auto f = flows.find(rf->flowId);
    if (!f)
        return;
    // A frozen trade sends no automatic refund; one a person asked for (an operator's refund
    // or retry, approved by a manager) goes out.
    if (auto t = TradeRepository(m_db).find(rf->tradeId); t && t->frozen) {
        auto owner = refunds.find(rf->refundId);
        if (!owner || owner->requestedBy == QStringLiteral("engine"))
            return; // releasing the trade resumes it (rederiveTrade -> processRefund)
    }
    // Guard: never more than refundable on the flow.
    if (f->refundedMinor + rf->amount.minor() > f->amount.minor()) {
        freeze(rf->tradeId, QCoreApplication::translate("PaymentEngine", "Refund %1 would exceed what flow %2 took").arg(rf->refundFlowNo, f->flowNo));
        return;
    }
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return;
        const RefundStatus from = rf->status;
        rf->attempts += 1;
        const RefundStatus to = RefundStatus::Processing;
        if (refunds.transitionFlow(*rf, to, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
            return;
        (void)scheduleTask(kRefundTask, rf->id, 0, now() + m_config.compensationScheduleMs.value(0, 1000));
        (void)appendEvent(rf->tradeId, QStringLiteral("REFUND_FLOW"), rf->id, rf->refundFlowNo, toString(from),
                          toString(to), from == to ? toString(RefundEvent::Retry) : toString(RefundEvent::Process),
                          EventSource::System, QString(),
                          QJsonObject{{QStringLiteral("attempt"), rf->attempts}, {QStringLiteral("flow_no"), f->flowNo}});
        if (!tx.commit())
            return;
    }
    armTimer(kRefundTask, rf->id, now() + m_config.compensationScheduleMs.value(0, 1000));
    RefundRequest req;
    req.refundNo = rf->refundFlowNo;
    req.flowNo = f->flowNo;
    req.channelTxnNo = f->channelTxnNo;
    req.amount = rf->amount;
    const QString channel = rf->channel;
    callChannel([=, this] {
        m_channels.refund(channel, req, [this, refundFlowId](const ChannelResult &r) {
            --m_inFlight;
            handleRefundResult(refundFlowId, r, EventSource::Sync);
        });
    });
}

void PaymentEngine::handleRefundResult(qint64 refundFlowId, const ChannelResult &r, EventSource source)
{
    RefundRepository refunds(m_db);
    FlowRepository flows(m_db);
    auto rf = refunds.findFlow(refundFlowId);
    if (!rf || isTerminal(rf->status))
        return;
    if (r.unknown() || r.outcome == ChannelOutcome::Pending)
        return; // the refund task queries it with the same refund no.
    auto f = flows.find(rf->flowId);
    if (!f)
        return;
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return;
        const RefundStatus from = rf->status;
        if (r.succeeded()) {
            rf->channelRefundNo = r.channelTxnNo;
            if (refunds.transitionFlow(*rf, RefundStatus::Succeeded, now()).value_or(UpdateOutcome::LostRace)
                != UpdateOutcome::Applied)
                return;
            if (flows.addRefunded(*f, rf->amount.minor(), now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied) {
                tx.rollback();
                freeze(rf->tradeId, QCoreApplication::translate("PaymentEngine", "Refund %1 exceeds what flow %2 took").arg(rf->refundFlowNo, f->flowNo));
                return;
            }
            LedgerRepository ledger(m_db);
            const QString set = QStringLiteral("REFUND-") + rf->refundFlowNo;
            if (!ledger.post(set, {{0, set, QStringLiteral("merchant:receivable"), rf->amount, rf->tradeId, f->id, rf->id,
                                    QStringLiteral("refund"), now()},
                                   {0, set, QStringLiteral("channel:") + rf->channel, *rf->amount.negated(), rf->tradeId,
                                    f->id, rf->id, QStringLiteral("refund"), now()}}))
                return;
            (void)dropTask(kRefundTask, rf->id);
            m_refundRefusals.remove(rf->id);
            (void)appendEvent(rf->tradeId, QStringLiteral("REFUND_FLOW"), rf->id, rf->refundFlowNo, toString(from),
                              toString(RefundStatus::Succeeded), toString(RefundEvent::Succeed), source, QString(),
                              resultJson(r));
        } else if (!r.requestSent) {
            // Refused by our own gateway (kill switch, open breaker, busy): never sent, so it
            // costs nothing of the send budget. Sent again later with the same refund no., at a
            // gap that grows with the refusals.
            rf->attempts = qMax(0, rf->attempts - 1);
            if (refunds.transitionFlow(*rf, RefundStatus::Processing, now()).value_or(UpdateOutcome::LostRace)
                != UpdateOutcome::Applied)
                return;
            const int refusals = ++m_refundRefusals[rf->id];
            if (refusals == m_config.maxRefundSends) {
                // Not a flag nobody reads: operations hear once that this refund cannot leave.
                const QString no = rf->refundFlowNo;
                const QString why = r.message.isEmpty() ? r.code : r.message;
                m_db.afterCommit([this, no, why] {
                    emit refundSurfaced(no, QCoreApplication::translate("PaymentEngine", "Refund %1 cannot be sent: %2 (it is tried again)").arg(no, why));
                });
            }
            const auto &schedule = m_config.compensationScheduleMs;
            const qint64 gap = schedule.value(qMin<qsizetype>(refusals, schedule.size() - 1), 100000);
            (void)appendEvent(rf->tradeId, QStringLiteral("REFUND_FLOW"), rf->id, rf->refundFlowNo, toString(from),
                              toString(from), QStringLiteral("REFUND_NOT_SENT"), source, QString(), resultJson(r));
            (void)scheduleTask(kRefundTask, rf->id, -qMax(1, rf->attempts), now() + gap);
            (void)tx.commit();
            armTimer(kRefundTask, rf->id, now() + gap);
            return;
        } else {
            // A definite refusal. Retrying the same refund no. is safe (the channel refunds once),
            // so it is re-sent until the budget runs out, then surfaces for operations.
            if (rf->attempts < m_config.maxRefundSends) {
                (void)appendEvent(rf->tradeId, QStringLiteral("REFUND_FLOW"), rf->id, rf->refundFlowNo, toString(from),
                                  toString(from), QStringLiteral("REFUND_REFUSED"), source, QString(), resultJson(r));
                const qint64 gap = m_config.compensationScheduleMs.value(qMin<qsizetype>(rf->attempts, m_config.compensationScheduleMs.size() - 1), 1000);
                (void)scheduleTask(kRefundTask, rf->id, -rf->attempts, now() + gap);
                (void)tx.commit();
                armTimer(kRefundTask, rf->id, now() + gap);
                return;
            }
            rf->failReason = r.message.isEmpty() ? r.code : r.message;
            if (refunds.transitionFlow(*rf, RefundStatus::Failed, now()).value_or(UpdateOutcome::LostRace)
                != UpdateOutcome::Applied)
                return;
            (void)dropTask(kRefundTask, rf->id);
            (void)appendEvent(rf->tradeId, QStringLiteral("REFUND_FLOW"), rf->id, rf->refundFlowNo, toString(from),
                              toString(RefundStatus::Failed), toString(RefundEvent::Fail), source, QString(), resultJson(r));
        }
        if (!tx.commit())
            return;
    }
    emitChanged(rf->tradeId);
    auto siblings = refunds.flowsOf(rf->refundId);
    if (!siblings)
        return;
    for (const RefundFlow &s : *siblings) {
        if (!isTerminal(s.status))
            return;
    }
    finishRefund(rf->refundId);
}

// Refund tasks: a negative attempt marks "re-send after a refusal"; otherwise query.
void PaymentEngine::queryRefundFlow(qint64 refundFlowId, int attempt)
{
    RefundRepository refunds(m_db);
    auto rf = refunds.findFlow(refundFlowId);
    if (!rf || isTerminal(rf->status)) {
        (void)dropTask(kRefundTask, refundFlowId);
        return;
    }
    if (attempt < 0) {
        sendRefundFlow(refundFlowId);
        return;
    }
    const QString channel = rf->channel;
    const QString no = rf->refundFlowNo;
    callChannel([=, this] {
        m_channels.queryRefund(channel, no, [this, refundFlowId, attempt](const ChannelResult &r) {
            --m_inFlight;
            if (r.succeeded()) {
                handleRefundResult(refundFlowId, r, EventSource::Query);
                return;
            }
            if (r.failed() && r.requestSent) { // a refused query tells nothing
                // The channel has no such refund: it never arrived. Send it again, same no.
                sendRefundFlow(refundFlowId);
                return;
            }
            const auto &schedule = m_config.compensationScheduleMs;
            const int next = qMin<int>(attempt + 1, int(schedule.size()) - 1);
            const qint64 gap = schedule.value(next, 100000);
            (void)scheduleTask(kRefundTask, refundFlowId, next, now() + gap);
            armTimer(kRefundTask, refundFlowId, now() + gap);
        });
    });
}

void PaymentEngine::finishRefund(qint64 refundId)
{
    RefundRepository refunds(m_db);
    TradeRepository trades(m_db);
    auto r = refunds.find(refundId);
    if (!r || isTerminal(r->status))
        return;
    auto list = refunds.flowsOf(refundId);
    if (!list)
        return;
    qint64 succeeded = 0;
    bool allOk = true;
    for (const RefundFlow &rf : *list) {
        if (!isTerminal(rf.status))
            return;
        if (rf.status == RefundStatus::Succeeded)
            succeeded += rf.amount.minor();
        else
            allOk = false;
    }
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return;
        const RefundStatus to = allOk ? RefundStatus::Succeeded : RefundStatus::Failed;
        if (r->status == RefundStatus::Accepted)
            (void)refunds.transition(*r, RefundStatus::Processing, now());
        if (refunds.transition(*r, to, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
            return;
        (void)appendEvent(r->tradeId, QStringLiteral("REFUND"), r->id, r->refundNo, toString(RefundStatus::Processing),
                          toString(to), toString(allOk ? RefundEvent::Succeed : RefundEvent::Fail), EventSource::System,
                          QString(), QJsonObject{{QStringLiteral("refunded"), succeeded}, {QStringLiteral("reason"), toString(r->reason)}});
        if ((r->reason == RefundReason::CustomerRequest || r->reason == RefundReason::Operator) && succeeded > 0) {
            auto t = trades.find(r->tradeId);
            if (t && (r->reason == RefundReason::CustomerRequest || t->status == TradeStatus::Paid
                      || t->status == TradeStatus::PartiallyRefunded)) {
                const qint64 refunded = t->refundedMinor + succeeded;
                (void)trades.updateAmounts(*t, t->paidMinor, refunded, now());
                const TradeStatus from = t->status;
                const TradeEvent ev = refunded >= t->paidMinor ? TradeEvent::RefundFull : TradeEvent::RefundPartial;
                auto to2 = transition(from, ev);
                if (to2 && trades.transition(*t, *to2, now()).value_or(UpdateOutcome::LostRace) == UpdateOutcome::Applied
                    && from != *to2)
                    (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(from), toString(*to2),
                                      toString(ev), EventSource::System, QString());
            }
        }
        if (!tx.commit())
            return;
    }
    emitChanged(r->tradeId);
    if (!allOk)
    {
        const QString refundNo = r->refundNo;
        m_db.afterCommit([this, refundNo] {
            emit refundSurfaced(refundNo, QCoreApplication::translate("PaymentEngine", "Refund %1 failed at the channel after retries").arg(refundNo));
        });
    }
    checkTradeInvariants(r->tradeId);
}

// ===== suspense ===========================================================================

Result<bool> PaymentEngine::postingSetExists(const QString &set)
{
    SqlStatement &q = m_db.statement(QStringLiteral("SELECT 1 FROM ledger_postings WHERE posting_set = ? LIMIT 1"));
    q.addBindValue(set);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("PaymentEngine", "Look up posting set %1").arg(set)));
    const bool found = q.next();
    q.finish();
    return found;
}

// While a flow's result is unknown its amount sits in a suspense account: the books show money
// that may have moved. The hold is released (reversed) when the flow's result becomes known,
// and the success or refund postings then carry the money itself.
Result<void> PaymentEngine::holdInSuspense(const PaymentFlow &f)
{
    const QString set = QStringLiteral("SUSP-") + f.flowNo;
    auto held = postingSetExists(set);
    if (!held)
        return std::unexpected(held.error());
    if (*held)
        return {};
    LedgerRepository ledger(m_db);
    return ledger.post(set, {{0, set, QStringLiteral("suspense:") + f.channel, f.amount, f.tradeId, 0, 0,
                              QStringLiteral("result unknown"), now()},
                             {0, set, QStringLiteral("merchant:unconfirmed"), *f.amount.negated(), f.tradeId, 0, 0,
                              QStringLiteral("result unknown"), now()}});
}

Result<void> PaymentEngine::releaseSuspense(const PaymentFlow &f)
{
    const QString hold = QStringLiteral("SUSP-") + f.flowNo;
    const QString release = QStringLiteral("SUSP-REL-") + f.flowNo;
    // Nearly every flow settles without ever having been held: one index probe answers that.
    auto held = postingSetExists(hold);
    if (!held)
        return std::unexpected(held.error());
    if (!*held)
        return {};
    auto released = postingSetExists(release);
    if (!released)
        return std::unexpected(released.error());
    if (*released)
        return {};
    LedgerRepository ledger(m_db);
    return ledger.post(release, {{0, release, QStringLiteral("merchant:unconfirmed"), f.amount, f.tradeId, 0, 0,
                                  QStringLiteral("result known"), now()},
                                 {0, release, QStringLiteral("suspense:") + f.channel, *f.amount.negated(), f.tradeId, 0, 0,
                                  QStringLiteral("result known"), now()}});
}

// ===== loss prevention ======================================================================

void PaymentEngine::freeze(qint64 tradeId, const QString &reason)
{
    TradeRepository trades(m_db);
    auto t = trades.find(tradeId);
    if (!t || t->frozen)
        return;
    TransactionGuard tx(m_db);
    if (trades.freeze(*t, reason, now()).value_or(UpdateOutcome::LostRace) != UpdateOutcome::Applied)
        return;
    (void)appendEvent(t->id, QStringLiteral("TRADE"), t->id, t->outTradeNo, toString(t->status), toString(t->status),
                      QStringLiteral("FROZEN"), EventSource::System, QString(), QJsonObject{{QStringLiteral("reason"), reason}});
    if (tx.commit()) {
        m_db.afterCommit([this, no = t->outTradeNo, reason] { emit tradeFrozen(no, reason); });
        emitChanged(tradeId);
    }
}

// Invariants after money moved: per settled trade the money kept is 0 or the amount, and no
// flow is refunded beyond what it took. A violation freezes the trade for review.
void PaymentEngine::checkTradeInvariants(qint64 tradeId)
{
    // One pass over the trade's flows (ix_flow_trade) and two index probes for running refunds
    // (ix_refund_flow_trade). Written with = and OR, not IN: SQLite builds a temporary b-tree for
    // an IN list of three or more values, or one searched through an index, on every execution,
    // which cost more than the rest of the statement.
    SqlStatement &q = m_db.statement(QStringLiteral(
        "SELECT t.amount, t.paid_amount - t.refunded_amount,"
        " COALESCE(SUM(CASE WHEN f.status = 'SUCCEEDED' THEN f.amount - f.refunded_amount END), 0),"
        " COALESCE(SUM(f.status = 'INIT' OR f.status = 'PREPAID' OR f.status = 'PAYING'), 0),"
        " EXISTS (SELECT 1 FROM refund_flows WHERE trade_id = ?1 AND status = 'ACCEPTED')"
        " OR EXISTS (SELECT 1 FROM refund_flows WHERE trade_id = ?1 AND status = 'PROCESSING')"
        // A failed refund still reserved is an open case in the Failed refunds queue: the money
        // is owed back and waits for an operator, not a reason to freeze.
        " OR EXISTS (SELECT 1 FROM refund_flows WHERE trade_id = ?1 AND status = 'FAILED' AND resolution IS NULL)"
        " FROM trade_orders t LEFT JOIN payment_flows f ON f.trade_id = t.id WHERE t.id = ?1 GROUP BY t.id"));
    q.addBindValue(tradeId);
    if (!q.exec() || !q.next()) {
        q.finish();
        return;
    }
    const qint64 amount = q.int64(0);
    const qint64 owed = q.int64(1); // what the order should keep after customer refunds
    const qint64 kept = q.int64(2);
    const bool settled = q.int64(3) == 0 && q.int64(4) == 0;
    q.finish();
    if (!settled)
        return;
    if (kept != owed)
        freeze(tradeId, QCoreApplication::translate("PaymentEngine", "Order keeps %1 but should keep %2 (amount %3)").arg(kept).arg(owed).arg(amount));
}

// ===== reads ===============================================================================

Result<OrderView> PaymentEngine::order(const QString &outTradeNo)
{
    TradeRepository trades(m_db);
    auto t = trades.findByOutTradeNo(m_config.merchantId, outTradeNo);
    if (!t)
        return std::unexpected(t.error());
    OrderView v;
    v.trade = *t;
    PaymentRepository payments(m_db);
    FlowRepository flows(m_db);
    RefundRepository refunds(m_db);
    EventRepository events(m_db);
    if (auto p = payments.forTrade(t->id))
        v.payments = *p;
    if (auto f = flows.forTrade(t->id))
        v.flows = *f;
    if (auto r = refunds.forTrade(t->id)) {
        v.refunds = *r;
        for (const RefundOrder &ro : v.refunds) {
            if (auto rf = refunds.flowsOf(ro.id))
                v.refundFlows += *rf;
        }
    }
    if (auto e = events.forTrade(t->id))
        v.events = *e;
    return v;
}

} // namespace pay
