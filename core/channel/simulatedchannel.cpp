#include "simulatedchannel.h"

#include "../domain/compactjson.h"

#include "../sim/clock.h"

#include <QDateTime>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr int FaultLogLimit = 10'000;

qint64 dayStartMs(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// a·b/c without overflow in the product (fees on refunds of large amounts).
qint64 mulDiv(qint64 a, qint64 b, qint64 c)
{
    __extension__ using Wide = __int128;
    return qint64(Wide(a) * Wide(b) / Wide(c));
}

double unitFromHash(quint64 h)
{
    return double(h >> 11) * 0x1.0p-53;
}

} // namespace

SimulatedChannel::SimulatedChannel(
    const QString &name, Kind kind, Clock *clock, ChannelBooks *books, QObject *parent)
    : Channel(parent)
    , m_name(name)
    , m_kind(kind)
    , m_clock(clock)
    , m_books(books)
{
}

void SimulatedChannel::setFaultProfile(const FaultProfile &profile)
{
    m_faults.setProfile(profile);
}

qint64 SimulatedChannel::nowMs() const
{
    return m_clock->nowMs();
}

void SimulatedChannel::recordFault(const QString &operation, const QString &key, const QString &fault)
{
    m_faultLog.push_back(FaultEvent {nowMs(), operation, key, fault});
    while (int(m_faultLog.size()) > FaultLogLimit)
        m_faultLog.pop_front();
    emit faultInjected(operation, key, fault);
}

ChannelResult SimulatedChannel::makeResult(
    ChannelOutcome outcome, const QString &code, const QString &message)
{
    ChannelResult r;
    r.outcome = outcome;
    r.code = code;
    r.message = message;
    return r;
}

ChannelResult SimulatedChannel::orderResult(ChannelOutcome outcome, const QString &code,
    const QString &message, const ChannelBooks::Order &order) const
{
    ChannelResult r = makeResult(outcome, code, message);
    r.channelTxnNo = order.channelTxnNo;
    r.amountMinor = order.amountMinor;
    r.refundedMinor = order.refundedMinor;
    r.channelStatus = order.status;
    return r;
}

ChannelResult SimulatedChannel::booksError(const Error &error)
{
    // The channel's own storage failed: to the caller that is an answer it cannot trust.
    return makeResult(ChannelOutcome::Unknown, u"SYSTEM_ERROR"_s, error.message);
}

qint64 SimulatedChannel::feeFor(qint64 amountMinor, int bps)
{
    if (amountMinor <= 0 || bps <= 0)
        return 0;
    // Split to stay clear of overflow: (q·10000 + r)·bps / 10000 = q·bps + r·bps / 10000.
    const qint64 q = amountMinor / 10'000;
    const qint64 r = amountMinor % 10'000;
    return q * bps + (r * bps + 5'000) / 10'000;
}

void SimulatedChannel::execute(
    Operation op, const QString &key, Apply apply, std::function<void(const ChannelResult &)> reply)
{
    const QString opName = operationName(op);
    const qint64 now = nowMs();
    const CallFaults f = m_faults.rollCall();
    const FaultProfile &p = m_faults.profile();
    ++m_repliesPending;
    auto answer = [this, reply](ChannelResult r) {
        --m_repliesPending;
        // The channel's reply as it would come over the wire, written straight to JSON text.
        const JsonField fields[] = {JsonField::string(QLatin1StringView("channel"), m_name),
                                    JsonField::string(QLatin1StringView("code"), r.code),
                                    JsonField::string(QLatin1StringView("status"), r.channelStatus),
                                    JsonField::string(QLatin1StringView("txn"), r.channelTxnNo)};
        const JsonField *present[4];
        qsizetype n = 0;
        for (const JsonField &f : fields) {
            if (f.key == QLatin1StringView("channel") || f.key == QLatin1StringView("code") || !f.text.isEmpty())
                present[n++] = &f;
        }
        r.rawJson = compactJsonObject(present, n);
        reply(r);
    };

    if (const auto outage = p.outageAt(now)) {
        if (outage->mode == OutageWindow::Mode::Fail) {
            recordFault(opName, key, u"outage_fail"_s);
            m_clock->schedule(p.failFastMs, this, [this, answer] {
                ChannelResult r = makeResult(ChannelOutcome::Failed, u"CHANNEL_UNAVAILABLE"_s,
                    tr("%1 refused the connection").arg(m_name));
                r.requestSent = false;
                answer(r);
            });
        } else {
            recordFault(opName, key, u"outage_hang"_s);
            m_clock->schedule(p.hangMs, this, [this, answer] {
                answer(
                    makeResult(ChannelOutcome::Unknown, u"TIMEOUT"_s, tr("%1 did not answer").arg(m_name)));
            });
        }
        return;
    }

    const bool declinable = op == Operation::Pay || op == Operation::Refund;
    m_clock->schedule(
        f.latencyMs, this, [this, f, opName, key, apply, answer, declinable, latency = f.latencyMs] {
            const FaultProfile &profile = m_faults.profile();
            if (f.timeoutSucceeded || f.timeoutFailed) {
                recordFault(opName, key, f.timeoutSucceeded ? u"timeout_succeeded"_s : u"timeout_failed"_s);
                apply(f.timeoutSucceeded ? Mode::Normal : Mode::NotApplied, {});
                const qint64 wait = qMax<qint64>(0, profile.timeoutMs - latency);
                m_clock->schedule(wait, this, [this, answer] {
                    answer(makeResult(
                        ChannelOutcome::Unknown, u"TIMEOUT"_s, tr("No answer from %1 in time").arg(m_name)));
                });
                return;
            }
            if (f.unknownCode) {
                recordFault(opName, key,
                    u"unknown_code:%1:%2"_s.arg(
                        f.unknownCodeValue, f.unknownApplied ? u"applied"_s : u"not_applied"_s));
                apply(f.unknownApplied ? Mode::Normal : Mode::NotApplied, {});
                answer(makeResult(ChannelOutcome::Unknown, f.unknownCodeValue,
                    tr("%1 answered with an undocumented code").arg(m_name)));
                return;
            }
            if (f.decline && declinable) {
                recordFault(opName, key, u"decline:%1"_s.arg(f.declineCode));
                answer(apply(Mode::Decline, f.declineCode));
                return;
            }
            answer(apply(Mode::Normal, {}));
        });
}

void SimulatedChannel::prepay(const PayRequest &request, PrepayHandler handler)
{
    execute(
        Operation::Prepay, request.flowNo,
        [this](Mode, const QString &) {
            return makeResult(ChannelOutcome::Failed, u"UNSUPPORTED"_s,
                tr("%1 does not create pre-pay orders").arg(m_name));
        },
        [handler, request](const ChannelResult &r) {
            PrepayInfo info;
            info.flowNo = request.flowNo;
            info.amount = request.amount;
            handler(r, info);
        });
}

void SimulatedChannel::pay(const PayRequest &request, ResultHandler handler)
{
    execute(
        Operation::Pay, request.flowNo,
        [this, request](Mode mode, const QString &code) { return applyPay(request, mode, code); },
        std::move(handler));
}

void SimulatedChannel::query(const QString &flowNo, ResultHandler handler)
{
    execute(
        Operation::Query, flowNo, [this, flowNo](Mode, const QString &) { return applyQuery(flowNo); },
        std::move(handler));
}

void SimulatedChannel::close(const QString &flowNo, ResultHandler handler)
{
    execute(
        Operation::Close, flowNo,
        [this, flowNo](Mode mode, const QString &) { return applyClose(flowNo, mode); }, std::move(handler));
}

void SimulatedChannel::refund(const RefundRequest &request, ResultHandler handler)
{
    execute(
        Operation::Refund, request.refundNo,
        [this, request](Mode mode, const QString &code) { return applyRefund(request, mode, code); },
        std::move(handler));
}

void SimulatedChannel::queryRefund(const QString &refundNo, ResultHandler handler)
{
    execute(
        Operation::QueryRefund, refundNo,
        [this, refundNo](Mode, const QString &) { return applyQueryRefund(refundNo); }, std::move(handler));
}

ChannelResult SimulatedChannel::debit(const PayRequest &)
{
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

ChannelResult SimulatedChannel::credit(const ChannelBooks::Order &, qint64)
{
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

QString SimulatedChannel::makeTxnNo(qint64 sequence, qint64 now) const
{
    return m_name.toUpper() + QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(u"yyyyMMdd"_s)
        + u"%1"_s.arg(sequence, 8, 10, QLatin1Char('0'));
}

QString SimulatedChannel::makeRefundNo(qint64 sequence, qint64 now) const
{
    return u"R"_s + makeTxnNo(sequence, now);
}

void SimulatedChannel::refundRecorded(const ChannelBooks::Refund &, const ChannelBooks::Order &) { }

ChannelResult SimulatedChannel::applyPay(const PayRequest &request, Mode mode, const QString &declineCode)
{
    if (request.flowNo.isEmpty() || !request.amount.isPositive() || !request.amount.currency().isValid())
        return makeResult(ChannelOutcome::Failed, u"INVALID_REQUEST"_s,
            tr("A payment needs a flow no. and a positive amount"));
    const qint64 now = nowMs();
    ChannelBooks::Transaction tx(*m_books);
    auto existing = m_books->order(m_name, request.flowNo);
    if (!existing)
        return booksError(existing.error());
    if (existing->has_value()) {
        const ChannelBooks::Order &o = **existing;
        if (o.status == ChannelBooks::statusClosed())
            return orderResult(ChannelOutcome::Failed, u"ORDER_CLOSED"_s, tr("The order is closed"), o);
        if (o.amountMinor != request.amount.minor() || o.currency != request.amount.currency().code())
            return orderResult(ChannelOutcome::Failed, u"OUT_TRADE_NO_USED"_s,
                tr("Flow %1 was used with a different amount").arg(request.flowNo), o);
        if (o.status == ChannelBooks::statusPaid() || o.status == ChannelBooks::statusRefunded())
            return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Already paid"), o);
        if (o.status == ChannelBooks::statusFailed())
            return orderResult(
                ChannelOutcome::Failed, o.failCode, tr("The payment failed: %1").arg(o.failCode), o);
        return orderResult(ChannelOutcome::Failed, u"UNSUPPORTED"_s,
            tr("Flow %1 waits for the customer").arg(request.flowNo), o);
    }

    ChannelBooks::Order o;
    o.channel = m_name;
    o.flowNo = request.flowNo;
    o.amountMinor = request.amount.minor();
    o.currency = request.amount.currency().code();
    o.subject = request.subject;
    o.account = request.account;
    o.createdMs = now;
    o.expiresMs = request.expiresAtMs;

    ChannelResult verdict = makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
    if (mode == Mode::Decline)
        verdict = makeResult(ChannelOutcome::Failed, declineCode, tr("Declined: %1").arg(declineCode));
    else if (mode == Mode::NotApplied)
        verdict
            = makeResult(ChannelOutcome::Failed, u"SYSTEM_ERROR"_s, tr("The channel failed to process it"));
    else
        verdict = debit(request);
    if (verdict.unknown())
        return verdict;

    if (verdict.succeeded()) {
        auto seq = m_books->nextSequence(m_name);
        if (!seq)
            return booksError(seq.error());
        o.status = ChannelBooks::statusPaid();
        o.channelTxnNo = makeTxnNo(*seq, now);
        o.paidMs = now;
        o.feeMinor = feeFor(o.amountMinor, m_feeBps);
    } else {
        // A refused payment is remembered: asking again with the same flow no. gets the same
        // answer, and a query says FAILED rather than "not found".
        o.status = ChannelBooks::statusFailed();
        o.failCode = verdict.code;
    }
    if (auto r = m_books->insertOrder(o); !r)
        return booksError(r.error());
    if (auto r = tx.commit(); !r)
        return booksError(r.error());
    if (o.status == ChannelBooks::statusPaid())
        return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Paid"), o);
    return orderResult(ChannelOutcome::Failed, o.failCode, verdict.message, o);
}

ChannelResult SimulatedChannel::applyQuery(const QString &flowNo)
{
    auto existing = m_books->order(m_name, flowNo);
    if (!existing)
        return booksError(existing.error());
    if (!existing->has_value()) {
        ChannelResult r
            = makeResult(ChannelOutcome::Pending, u"ORDER_NOT_EXIST"_s, tr("No such order (yet)"));
        r.channelStatus = u"NOT_FOUND"_s;
        return r;
    }
    const ChannelBooks::Order &o = **existing;
    if (o.status == ChannelBooks::statusPaid() || o.status == ChannelBooks::statusRefunded())
        return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Paid"), o);
    if (o.status == ChannelBooks::statusClosed())
        return orderResult(ChannelOutcome::Failed, u"ORDER_CLOSED"_s, tr("Closed"), o);
    if (o.status == ChannelBooks::statusFailed())
        return orderResult(ChannelOutcome::Failed, o.failCode, tr("Failed: %1").arg(o.failCode), o);
    return orderResult(ChannelOutcome::Pending, u"NOTPAY"_s, tr("Waiting for the customer"), o);
}

ChannelResult SimulatedChannel::applyClose(const QString &flowNo, Mode mode)
{
    if (mode == Mode::NotApplied)
        return makeResult(ChannelOutcome::Unknown, u"SYSTEM_ERROR"_s, tr("The channel failed to process it"));
    const qint64 now = nowMs();
    ChannelBooks::Transaction tx(*m_books);
    auto existing = m_books->order(m_name, flowNo);
    if (!existing)
        return booksError(existing.error());
    ChannelBooks::Order o;
    if (existing->has_value()) {
        o = **existing;
        if (o.status == ChannelBooks::statusPaid() || o.status == ChannelBooks::statusRefunded())
            return orderResult(
                ChannelOutcome::Failed, u"ALREADY_PAID"_s, tr("The customer has already paid"), o);
        if (o.status == ChannelBooks::statusClosed())
            return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Closed"), o);
        o.status = ChannelBooks::statusClosed();
        o.closedMs = now;
        if (auto r = m_books->updateOrder(o); !r)
            return booksError(r.error());
    } else {
        // Tombstone: a pay for this flow that is still on its way will find the order closed.
        o.channel = m_name;
        o.flowNo = flowNo;
        o.status = ChannelBooks::statusClosed();
        o.createdMs = now;
        o.closedMs = now;
        if (auto r = m_books->insertOrder(o); !r)
            return booksError(r.error());
    }
    if (auto r = tx.commit(); !r)
        return booksError(r.error());
    return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Closed"), o);
}

ChannelResult SimulatedChannel::applyRefund(
    const RefundRequest &request, Mode mode, const QString &declineCode)
{
    if (request.refundNo.isEmpty() || !request.amount.isPositive())
        return makeResult(ChannelOutcome::Failed, u"INVALID_REQUEST"_s,
            tr("A refund needs a refund no. and a positive amount"));
    const qint64 now = nowMs();
    ChannelBooks::Transaction tx(*m_books);
    auto prior = m_books->refund(m_name, request.refundNo);
    if (!prior)
        return booksError(prior.error());
    if (prior->has_value()) {
        const ChannelBooks::Refund &rf = **prior;
        ChannelResult r;
        if (rf.flowNo != request.flowNo || rf.amountMinor != request.amount.minor())
            r = makeResult(ChannelOutcome::Failed, u"REFUND_NO_USED"_s,
                tr("Refund %1 was used for another refund").arg(request.refundNo));
        else
            r = makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Already refunded"));
        r.channelTxnNo = rf.channelRefundNo;
        r.amountMinor = rf.amountMinor;
        r.channelStatus = rf.status;
        return r;
    }
    auto existing = m_books->order(m_name, request.flowNo);
    if (!existing)
        return booksError(existing.error());
    if (!existing->has_value())
        return makeResult(ChannelOutcome::Failed, u"ORDER_NOT_EXIST"_s, tr("No such payment"));
    ChannelBooks::Order o = **existing;
    if (o.status != ChannelBooks::statusPaid())
        return orderResult(
            ChannelOutcome::Failed, u"ORDER_NOT_PAID"_s, tr("The payment is %1").arg(o.status), o);
    if (o.currency != request.amount.currency().code())
        return orderResult(
            ChannelOutcome::Failed, u"CURRENCY_MISMATCH"_s, tr("Currency differs from the payment"), o);
    if (request.amount.minor() > o.amountMinor - o.refundedMinor)
        return orderResult(ChannelOutcome::Failed, u"REFUND_AMOUNT_EXCEEDED"_s,
            tr("Only %1 left to refund").arg(o.amountMinor - o.refundedMinor), o);
    // Declines and internal failures are not remembered, so a retry with the same refund no.
    // can still succeed.
    if (mode == Mode::Decline)
        return makeResult(ChannelOutcome::Failed, declineCode, tr("Refund declined: %1").arg(declineCode));
    if (mode == Mode::NotApplied)
        return makeResult(ChannelOutcome::Failed, u"SYSTEM_ERROR"_s, tr("The channel failed to process it"));
    if (const ChannelResult c = credit(o, request.amount.minor()); !c.succeeded())
        return c;

    auto seq = m_books->nextSequence(m_name + u"/refund"_s);
    if (!seq)
        return booksError(seq.error());
    ChannelBooks::Refund rf;
    rf.channel = m_name;
    rf.refundNo = request.refundNo;
    rf.flowNo = request.flowNo;
    rf.channelRefundNo = makeRefundNo(*seq, now);
    rf.channelTxnNo = o.channelTxnNo;
    rf.amountMinor = request.amount.minor();
    rf.currency = o.currency;
    rf.status = u"SUCCESS"_s;
    rf.createdMs = now;
    rf.doneMs = now;
    // The fee goes back in proportion, telescoping so that a full refund returns the whole fee.
    const qint64 after = o.refundedMinor + rf.amountMinor;
    rf.feeReturnedMinor
        = mulDiv(o.feeMinor, after, o.amountMinor) - mulDiv(o.feeMinor, o.refundedMinor, o.amountMinor);
    o.refundedMinor = after;
    if (o.refundedMinor == o.amountMinor)
        o.status = ChannelBooks::statusRefunded();
    if (auto r = m_books->insertRefund(rf); !r)
        return booksError(r.error());
    if (auto r = m_books->updateOrder(o); !r)
        return booksError(r.error());
    if (auto r = tx.commit(); !r)
        return booksError(r.error());
    refundRecorded(rf, o);
    ChannelResult r = makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Refunded"));
    r.channelTxnNo = rf.channelRefundNo;
    r.amountMinor = rf.amountMinor;
    r.channelStatus = rf.status;
    return r;
}

ChannelResult SimulatedChannel::applyQueryRefund(const QString &refundNo)
{
    auto prior = m_books->refund(m_name, refundNo);
    if (!prior)
        return booksError(prior.error());
    if (!prior->has_value()) {
        ChannelResult r = makeResult(ChannelOutcome::Failed, u"REFUND_NOT_EXIST"_s, tr("No such refund"));
        r.channelStatus = u"NOT_FOUND"_s;
        return r;
    }
    ChannelResult r = makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Refunded"));
    r.channelTxnNo = (*prior)->channelRefundNo;
    r.amountMinor = (*prior)->amountMinor;
    r.channelStatus = (*prior)->status;
    return r;
}

Result<QList<StatementLine>> SimulatedChannel::statement(QDate day)
{
    return statementFromBooks(*m_books, m_name, day, m_faults.profile());
}

Result<QList<StatementLine>> SimulatedChannel::statementFromBooks(
    ChannelBooks &books, const QString &channel, QDate day, const FaultProfile &profile)
{
    if (!day.isValid())
        return fail(ErrorCode::InvalidArgument, tr("Statement day is not a valid date"));
    const StatementBreaks &breaks = profile.statementBreaks;
    const qint64 start = dayStartMs(day);
    const qint64 end = start + DayMs;
    // Lines near midnight may be shifted across it, so the neighbouring days are read too.
    const qint64 margin = breaks.midnightShiftRate > 0 ? breaks.midnightWindowMs + 1 : 0;
    auto paid = books.paidBetween(channel, start - margin, end + margin);
    if (!paid)
        return std::unexpected(paid.error());
    auto refunds = books.refundsBetween(channel, start - margin, end + margin);
    if (!refunds)
        return std::unexpected(refunds.error());

    QList<StatementLine> all;
    for (const ChannelBooks::Order &o : *paid) {
        StatementLine l;
        l.type = StatementLine::Type::Payment;
        l.flowNo = o.flowNo;
        l.channelTxnNo = o.channelTxnNo;
        l.amountMinor = o.amountMinor;
        l.currency = o.currency;
        l.status = u"SUCCESS"_s;
        l.timeMs = o.paidMs;
        l.feeMinor = o.feeMinor;
        l.subject = o.subject;
        all << l;
    }
    for (const ChannelBooks::Refund &r : *refunds) {
        StatementLine l;
        l.type = StatementLine::Type::Refund;
        l.flowNo = r.refundNo;
        l.channelTxnNo = r.channelRefundNo;
        l.originalFlowNo = r.flowNo;
        l.originalChannelTxnNo = r.channelTxnNo;
        l.amountMinor = r.amountMinor;
        l.currency = r.currency;
        l.status = u"REFUND"_s;
        l.timeMs = r.doneMs;
        l.feeMinor = r.feeReturnedMinor;
        all << l;
    }

    const quint64 seed = profile.seed;
    auto draw = [seed](const StatementLine &l, quint64 salt) {
        const QString id = (l.type == StatementLine::Type::Refund ? u"R:"_s : u"P:"_s) + l.flowNo;
        return stableHash(id, mixSeed(seed, 100 + salt));
    };

    QList<StatementLine> lines;
    for (StatementLine l : std::as_const(all)) {
        if (breaks.midnightShiftRate > 0 && unitFromHash(draw(l, 1)) < breaks.midnightShiftRate) {
            // Mirror the time across the nearest midnight if it is close enough.
            const qint64 midnight = ((l.timeMs + DayMs / 2) / DayMs) * DayMs;
            const qint64 distance = l.timeMs - midnight;
            if (qAbs(distance) <= breaks.midnightWindowMs)
                l.timeMs = distance < 0 ? midnight - distance : midnight - distance - 1;
        }
        if (l.timeMs < start || l.timeMs >= end)
            continue;
        if (unitFromHash(draw(l, 2)) < breaks.missingRate)
            continue;
        const quint64 amountDraw = draw(l, 3);
        if (unitFromHash(amountDraw) < breaks.amountDiffRate)
            l.amountMinor += 1 + qint64(amountDraw % 100);
        if (unitFromHash(draw(l, 4)) < breaks.statusDiffRate)
            l.status = l.type == StatementLine::Type::Payment ? u"CLOSED"_s : u"PROCESSING"_s;
        lines << l;
        const quint64 extraDraw = draw(l, 5);
        if (unitFromHash(extraDraw) < breaks.extraRate && l.timeMs + 1000 < end) {
            StatementLine phantom = l;
            const QString tag = QString::number(extraDraw % 100'000'000, 16).toUpper();
            phantom.type = StatementLine::Type::Payment;
            phantom.flowNo = u"PHANTOM-"_s + tag;
            phantom.channelTxnNo = l.channelTxnNo + u"-X"_s + tag;
            phantom.originalFlowNo.clear();
            phantom.originalChannelTxnNo.clear();
            phantom.status = u"SUCCESS"_s;
            phantom.timeMs = l.timeMs + 1000;
            lines << phantom;
        }
    }
    std::stable_sort(lines.begin(), lines.end(),
        [](const StatementLine &a, const StatementLine &b) { return a.timeMs < b.timeMs; });
    return lines;
}

} // namespace pay
