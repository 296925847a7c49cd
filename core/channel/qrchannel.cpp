#include "qrchannel.h"

#include "../sim/clock.h"
#include "callbacksigner.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr qint64 DefaultQrLifetimeMs = 2 * 3600 * 1000;

QString utcText(qint64 ms, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format);
}

qint64 parseUtc(const QString &text, const QString &format)
{
    QDateTime t = QDateTime::fromString(text, format);
    if (!t.isValid())
        return -1;
    t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}


// Required string member; empty means missing.
QString text(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

bool cents(const QJsonObject &o, const QString &key, qint64 &out)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInteger()))
        return false;
    out = v.toInteger();
    return true;
}

std::unexpected<Error> malformed(const QString &what)
{
    return fail(ErrorCode::Malformed, QCoreApplication::translate("pay::QrChannel", "Malformed notification: %1").arg(what));
}

} // namespace

QrChannel::QrChannel(Dialect dialect, Clock *clock, ChannelBooks *books, QObject *parent)
    : SimulatedChannel(channelName(dialect), Kind::Qr, clock, books, parent)
    , m_dialect(dialect)
{
    setFeeBps(defaultFeeBps(dialect));
}

QString QrChannel::channelName(Dialect dialect)
{
    return dialect == Dialect::A ? u"qr_a"_s : u"qr_b"_s;
}

QString QrChannel::makeTxnNo(qint64 sequence, qint64 now) const
{
    if (m_dialect == Dialect::A)
        return u"4200001234"_s + utcText(now, u"yyyyMMdd"_s)
            + u"%1"_s.arg(sequence, 10, 10, QLatin1Char('0'));
    return utcText(now, u"yyyyMMdd"_s) + u"2200"_s + u"%1"_s.arg(sequence, 16, 10, QLatin1Char('0'));
}

QString QrChannel::makeRefundNo(qint64 sequence, qint64 now) const
{
    if (m_dialect == Dialect::A)
        return u"5030001234"_s + utcText(now, u"yyyyMMdd"_s)
            + u"%1"_s.arg(sequence, 10, 10, QLatin1Char('0'));
    return u"RF"_s + utcText(now, u"yyyyMMdd"_s) + u"%1"_s.arg(sequence, 12, 10, QLatin1Char('0'));
}

QString QrChannel::qrContent(const ChannelBooks::Order &order) const
{
    QUrl url;
    url.setScheme(u"paydesk"_s);
    url.setHost(name());
    url.setPath(u"/pay"_s);
    QUrlQuery q;
    q.addQueryItem(u"flow"_s, order.flowNo);
    q.addQueryItem(u"amt"_s, QString::number(order.amountMinor));
    q.addQueryItem(u"cur"_s, order.currency);
    q.addQueryItem(u"order"_s, order.channelOrderNo);
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

void QrChannel::pay(const PayRequest &request, ResultHandler handler)
{
    execute(
        Operation::Pay, request.flowNo,
        [this](Mode, const QString &) {
            return makeResult(ChannelOutcome::Failed, u"UNSUPPORTED"_s,
                tr("%1 takes payments by QR code: use prepay").arg(name()));
        },
        std::move(handler));
}

void QrChannel::prepay(const PayRequest &request, PrepayHandler handler)
{
    auto info = std::make_shared<PrepayInfo>();
    info->flowNo = request.flowNo;
    info->amount = request.amount;
    info->subject = request.subject;
    auto apply = [this, request, info](Mode mode, const QString &) -> ChannelResult {
        if (request.flowNo.isEmpty() || !request.amount.isPositive() || !request.amount.currency().isValid())
            return makeResult(ChannelOutcome::Failed, u"INVALID_REQUEST"_s,
                tr("A payment needs a flow no. and a positive amount"));
        if (mode == Mode::NotApplied)
            return makeResult(
                ChannelOutcome::Unknown, u"SYSTEM_ERROR"_s, tr("The channel failed to process it"));
        const qint64 now = nowMs();
        ChannelBooks::Transaction tx(*books());
        auto existing = books()->order(name(), request.flowNo);
        if (!existing)
            return booksError(existing.error());
        ChannelBooks::Order o;
        if (existing->has_value()) {
            o = **existing;
            if (o.status == ChannelBooks::statusClosed())
                return orderResult(ChannelOutcome::Failed, u"ORDER_CLOSED"_s, tr("The order is closed"), o);
            if (o.amountMinor != request.amount.minor() || o.currency != request.amount.currency().code())
                return orderResult(ChannelOutcome::Failed, u"OUT_TRADE_NO_USED"_s,
                    tr("Flow %1 was used with a different amount").arg(request.flowNo), o);
            if (o.status == ChannelBooks::statusPaid() || o.status == ChannelBooks::statusRefunded())
                return orderResult(ChannelOutcome::Succeeded, u"ORDER_PAID"_s, tr("Already paid"), o);
            if (o.status == ChannelBooks::statusFailed())
                return orderResult(ChannelOutcome::Failed, o.failCode, tr("The payment failed"), o);
        } else {
            auto seq = books()->nextSequence(name() + u"/prepay"_s);
            if (!seq)
                return booksError(seq.error());
            o.channel = name();
            o.flowNo = request.flowNo;
            o.channelOrderNo = (m_dialect == Dialect::A ? u"wx"_s : u"ap"_s)
                + utcText(now, u"yyyyMMddHHmmss"_s) + u"%1"_s.arg(*seq, 10, 10, QLatin1Char('0'));
            o.amountMinor = request.amount.minor();
            o.currency = request.amount.currency().code();
            o.subject = request.subject;
            o.status = ChannelBooks::statusNotPay();
            o.createdMs = now;
            o.expiresMs = request.expiresAtMs > 0 ? request.expiresAtMs : now + DefaultQrLifetimeMs;
            if (auto r = books()->insertOrder(o); !r)
                return booksError(r.error());
            if (auto r = tx.commit(); !r)
                return booksError(r.error());
        }
        info->qrContent = qrContent(o);
        info->expiresAtMs = o.expiresMs;
        info->channelOrderNo = o.channelOrderNo;
        return orderResult(ChannelOutcome::Pending, u"SUCCESS"_s, tr("Waiting for the customer"), o);
    };
    execute(Operation::Prepay, request.flowNo, apply,
        [handler, info](const ChannelResult &r) { handler(r, r.unknown() ? PrepayInfo {} : *info); });
}

Result<ChannelResult> QrChannel::customerPays(const QString &flowNo)
{
    const qint64 now = nowMs();
    const CallFaults f = faults().rollCall();
    ChannelBooks::Transaction tx(*books());
    auto existing = books()->order(name(), flowNo);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->has_value())
        return fail(ErrorCode::NotFound, tr("%1 has no order %2").arg(name(), flowNo));
    ChannelBooks::Order o = **existing;
    if (o.status != ChannelBooks::statusNotPay())
        return fail(ErrorCode::InvalidTransition,
            tr("Order %1 is %2, not waiting for payment").arg(flowNo, o.status));
    if (o.expiresMs > 0 && now >= o.expiresMs)
        return fail(ErrorCode::InvalidTransition, tr("The QR code for %1 has expired").arg(flowNo));

    const QJsonObject pending
        = paymentBody(o, m_dialect == Dialect::A ? u"USERPAYING"_s : u"WAIT_BUYER_PAY"_s);
    if (f.decline) {
        recordFault(u"customerPays"_s, flowNo, u"decline:%1"_s.arg(f.declineCode));
        o.status = ChannelBooks::statusFailed();
        o.failCode = f.declineCode;
        o.closedMs = now;
    } else {
        auto seq = books()->nextSequence(name());
        if (!seq)
            return std::unexpected(seq.error());
        o.status = ChannelBooks::statusPaid();
        o.channelTxnNo = makeTxnNo(*seq, now);
        o.paidMs = now;
        o.feeMinor = feeFor(o.amountMinor, feeBps());
    }
    if (auto r = books()->updateOrder(o); !r)
        return std::unexpected(r.error());
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());

    if (f.decline) {
        emit customerPaymentFailed(flowNo, o.failCode);
        notify(flowNo, paymentBody(o, m_dialect == Dialect::A ? u"PAYERROR"_s : u"TRADE_CLOSED"_s), pending);
        return orderResult(ChannelOutcome::Failed, o.failCode, tr("Declined: %1").arg(o.failCode), o);
    }
    emit customerPaid(flowNo, o.channelTxnNo);
    notify(flowNo, paymentBody(o, m_dialect == Dialect::A ? u"SUCCESS"_s : u"TRADE_SUCCESS"_s), pending);
    return orderResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, tr("Paid"), o);
}

QJsonObject QrChannel::paymentBody(const ChannelBooks::Order &o, const QString &state) const
{
    if (m_dialect == Dialect::A) {
        QJsonObject b {{u"notify_type"_s, u"TRANSACTION"_s}, {u"appid"_s, u"wxpaydesk0000001"_s},
            {u"mch_id"_s, u"1900000109"_s}, {u"out_trade_no"_s, o.flowNo}, {u"total_fee"_s, o.amountMinor},
            {u"fee_type"_s, o.currency}, {u"trade_state"_s, state}};
        if (state == u"SUCCESS"_s) {
            b.insert(u"transaction_id"_s, o.channelTxnNo);
            b.insert(u"time_end"_s, utcText(o.paidMs, u"yyyyMMddHHmmss"_s));
        }
        return b;
    }
    QJsonObject b {{u"notify_type"_s, u"trade_status_sync"_s}, {u"app_id"_s, u"2021000000000001"_s},
        {u"out_trade_no"_s, o.flowNo}, {u"total_amount_cents"_s, o.amountMinor}, {u"currency"_s, o.currency},
        {u"trade_status"_s, state}};
    if (state == u"TRADE_SUCCESS"_s) {
        b.insert(u"trade_no"_s, o.channelTxnNo);
        b.insert(u"gmt_payment"_s, utcText(o.paidMs, u"yyyy-MM-dd HH:mm:ss"_s));
    }
    return b;
}

QJsonObject QrChannel::refundBody(const ChannelBooks::Refund &r, const ChannelBooks::Order &o) const
{
    if (m_dialect == Dialect::A) {
        return {{u"notify_type"_s, u"REFUND"_s}, {u"appid"_s, u"wxpaydesk0000001"_s},
            {u"mch_id"_s, u"1900000109"_s}, {u"out_trade_no"_s, o.flowNo},
            {u"transaction_id"_s, o.channelTxnNo}, {u"out_refund_no"_s, r.refundNo},
            {u"refund_id"_s, r.channelRefundNo}, {u"refund_fee"_s, r.amountMinor},
            {u"total_fee"_s, o.amountMinor}, {u"fee_type"_s, r.currency}, {u"refund_status"_s, u"SUCCESS"_s},
            {u"success_time"_s, utcText(r.doneMs, u"yyyy-MM-dd HH:mm:ss"_s)}};
    }
    return {{u"notify_type"_s, u"refund_sync"_s}, {u"app_id"_s, u"2021000000000001"_s},
        {u"out_trade_no"_s, o.flowNo}, {u"trade_no"_s, o.channelTxnNo}, {u"out_request_no"_s, r.refundNo},
        {u"refund_no"_s, r.channelRefundNo}, {u"refund_amount_cents"_s, r.amountMinor},
        {u"currency"_s, r.currency}, {u"refund_status"_s, u"REFUND_SUCCESS"_s},
        {u"gmt_refund"_s, utcText(r.doneMs, u"yyyy-MM-dd HH:mm:ss"_s)}};
}

void QrChannel::refundRecorded(const ChannelBooks::Refund &refund, const ChannelBooks::Order &order)
{
    notify(refund.refundNo, refundBody(refund, order), {});
}

void QrChannel::notify(const QString &key, QJsonObject body, const QJsonObject &pendingBody)
{
    const CallbackFaults f = faults().rollCallback();
    const FaultProfile &p = faultProfile();
    const QString op = u"callback"_s;
    if (f.lost) {
        recordFault(op, key, u"callback_lost"_s);
        return;
    }
    if (f.tampered) {
        recordFault(op, key, u"callback_tampered"_s);
        for (const QString &field :
            {u"total_fee"_s, u"refund_fee"_s, u"total_amount_cents"_s, u"refund_amount_cents"_s}) {
            if (body.contains(field)) {
                body.insert(field, body.value(field).toInteger() + p.tamperDeltaMinor);
                break;
            }
        }
    }
    if (f.badSignature)
        recordFault(op, key, u"callback_bad_signature"_s);
    if (f.copies > 1)
        recordFault(op, key, u"callback_duplicated:%1"_s.arg(f.copies));
    if (f.delayed)
        recordFault(op, key, u"callback_delayed:%1"_s.arg(f.delayMs));
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (int i = 0; i < f.copies; ++i) {
        clock()->schedule(f.delayMs + i * p.duplicateSpacingMs, this,
            [this, bytes, bad = f.badSignature] { deliver(bytes, bad); });
    }
    if (f.outOfOrder && !pendingBody.isEmpty()) {
        recordFault(op, key, u"callback_out_of_order"_s);
        const QByteArray late = QJsonDocument(pendingBody).toJson(QJsonDocument::Compact);
        clock()->schedule(f.delayMs + (f.copies - 1) * p.duplicateSpacingMs + 1, this,
            [this, late] { deliver(late, false); });
    }
}

void QrChannel::deliver(const QByteArray &body, bool badSignature)
{
    if (!m_sink)
        return;
    const qint64 timestampSec = nowMs() / 1000;
    const QByteArray nonce = faults().nonce();
    // A bad signature is what a channel with a rotated or misconfigured key sends.
    const QByteArray key = badSignature ? m_secret + "-wrong" : m_secret;
    ++m_delivered;
    m_sink(name(), CallbackSigner::headers(key, name(), timestampSec, nonce, body), body);
}

Result<ChannelNotification> QrChannel::parseNotification(Dialect dialect, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QCoreApplication::translate("pay::QrChannel", "not a JSON object"));
    const QJsonObject o = doc.object();
    ChannelNotification n;
    n.raw = o;
    const bool a = dialect == Dialect::A;
    const QString type = text(o, u"notify_type"_s);
    n.flowNo = text(o, u"out_trade_no"_s);
    if (n.flowNo.isEmpty())
        return malformed(u"out_trade_no"_s);
    n.currency = text(o, a ? u"fee_type"_s : u"currency"_s);
    if (n.currency.isEmpty())
        n.currency = u"CNY"_s;
    if (!Currency::fromCode(n.currency))
        return malformed(u"currency"_s);

    if (type == (a ? u"REFUND"_s : u"refund_sync"_s)) {
        n.kind = ChannelNotification::Kind::Refund;
        n.channelTxnNo = text(o, a ? u"transaction_id"_s : u"trade_no"_s);
        n.refundNo = text(o, a ? u"out_refund_no"_s : u"out_request_no"_s);
        n.channelRefundNo = text(o, a ? u"refund_id"_s : u"refund_no"_s);
        n.channelStatus = text(o, u"refund_status"_s);
        if (n.refundNo.isEmpty() || n.channelRefundNo.isEmpty() || n.channelStatus.isEmpty())
            return malformed(QCoreApplication::translate("pay::QrChannel", "refund ids or status"));
        if (!cents(o, a ? u"refund_fee"_s : u"refund_amount_cents"_s, n.amountMinor))
            return malformed(QCoreApplication::translate("pay::QrChannel", "refund amount"));
        n.eventTimeMs = parseUtc(text(o, a ? u"success_time"_s : u"gmt_refund"_s), u"yyyy-MM-dd HH:mm:ss"_s);
        if (n.channelStatus == (a ? u"SUCCESS"_s : u"REFUND_SUCCESS"_s))
            n.outcome = ChannelOutcome::Succeeded;
        else if (n.channelStatus == u"PROCESSING"_s)
            n.outcome = ChannelOutcome::Pending;
        else
            n.outcome = ChannelOutcome::Failed;
        return n;
    }
    if (type != (a ? u"TRANSACTION"_s : u"trade_status_sync"_s))
        return malformed(QCoreApplication::translate("pay::QrChannel", "notify_type %1").arg(type));
    n.kind = ChannelNotification::Kind::Payment;
    n.channelStatus = text(o, a ? u"trade_state"_s : u"trade_status"_s);
    n.channelTxnNo = text(o, a ? u"transaction_id"_s : u"trade_no"_s);
    if (!cents(o, a ? u"total_fee"_s : u"total_amount_cents"_s, n.amountMinor))
        return malformed(QCoreApplication::translate("pay::QrChannel", "amount"));
    const QString success = a ? u"SUCCESS"_s : u"TRADE_SUCCESS"_s;
    if (n.channelStatus == success || (!a && n.channelStatus == u"TRADE_FINISHED"_s)) {
        n.outcome = ChannelOutcome::Succeeded;
        if (n.channelTxnNo.isEmpty())
            return malformed(QCoreApplication::translate("pay::QrChannel", "a successful payment without a transaction id"));
        n.eventTimeMs = a ? parseUtc(text(o, u"time_end"_s), u"yyyyMMddHHmmss"_s)
                          : parseUtc(text(o, u"gmt_payment"_s), u"yyyy-MM-dd HH:mm:ss"_s);
        if (n.eventTimeMs < 0)
            return malformed(QCoreApplication::translate("pay::QrChannel", "payment time"));
    } else if (n.channelStatus == (a ? u"USERPAYING"_s : u"WAIT_BUYER_PAY"_s)
        || n.channelStatus == u"NOTPAY"_s) {
        n.outcome = ChannelOutcome::Pending;
    } else if (n.channelStatus == (a ? u"PAYERROR"_s : u"TRADE_CLOSED"_s) || n.channelStatus == u"CLOSED"_s) {
        n.outcome = ChannelOutcome::Failed;
    } else {
        return malformed(QCoreApplication::translate("pay::QrChannel", "status %1").arg(n.channelStatus));
    }
    return n;
}

CallbackIngress::Parser QrChannel::parserFor(Dialect dialect)
{
    return [dialect](const QByteArray &body) { return parseNotification(dialect, body); };
}

void connectToIngress(QrChannel *channel, CallbackIngress *ingress)
{
    ingress->registerChannel(channel->name(), channel->secret(), channel->notificationParser());
    QPointer<CallbackIngress> guard(ingress);
    channel->setNotifySink(
        [guard](const QString &name, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body) {
            if (guard)
                guard->receive(name, headers, body);
        });
}

} // namespace pay
