#pragma once

#include "../error.h"
#include "../money/money.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace pay {

// What a channel said about one request. Unknown (timeout, unknown code, transport error) is
// never a failure: the money may have moved, so the engine must query, not give up.
enum class ChannelOutcome {
    Succeeded,
    Failed,  // definite: the channel says no money moved (code says why)
    Unknown, // timeout, unknown response code, transport error
    Pending, // accepted, waiting for the customer (QR pre-pay) or still processing
};

QString channelOutcomeName(ChannelOutcome outcome);

// The operations a channel offers; the gateway and the simulated channels name them the same.
enum class ChannelOperation { Prepay, Pay, Query, Close, Refund, QueryRefund };
QString channelOperationName(ChannelOperation operation);

struct ChannelResult
{
    ChannelOutcome outcome = ChannelOutcome::Unknown;
    QString code;          // channel's code: SUCCESS, INSUFFICIENT_FUNDS, TIMEOUT, CHANNEL_BUSY, ...
    QString message;       // plain words for people
    QString channelTxnNo;  // the channel's own transaction (or refund) id, when it has one
    qint64 amountMinor = 0; // what the channel says moved, in minor units
    QString channelStatus; // query/close: the channel's own status word (NOTPAY, PAID, CLOSED, REFUNDED)
    QJsonObject raw;       // the reply as it came, for the order timeline
    QByteArray rawJson;    // or the same as compact JSON text, when the channel wrote it as text
    // The reply as an object, or as compact JSON, whichever form it came in (empty: none).
    QJsonObject rawObject() const;
    QByteArray rawCompact() const;
    // False when the request provably never reached the channel (gateway bulkhead, breaker, kill
    // switch, connection refused). Only then may the engine fail over to another channel.
    bool requestSent = true;
    qint64 refundedMinor = 0; // query: how much of the payment the channel has refunded so far

    bool succeeded() const { return outcome == ChannelOutcome::Succeeded; }
    bool failed() const { return outcome == ChannelOutcome::Failed; }
    bool unknown() const { return outcome == ChannelOutcome::Unknown; }
};

struct PayRequest
{
    QString flowNo;  // our flow number: the channel's "out_trade_no"; idempotent on the channel side
    Money amount;
    QString subject;
    QString account; // coupon code (coupon), member id (wallet), empty for card and QR
    qint64 expiresAtMs = 0;
};

// What the channel's own cashier page needs (seed practice 14).
struct PrepayInfo
{
    QString flowNo;
    Money amount;
    QString subject;
    QString qrContent;
    qint64 expiresAtMs = 0;
    QString channelOrderNo;
};

struct RefundRequest
{
    QString refundNo; // our refund flow number; retries reuse it, so the channel refunds once
    QString flowNo;
    QString channelTxnNo;
    Money amount;
    QString reason;
};

struct StatementLine
{
    enum class Type { Payment, Refund };
    Type type = Type::Payment;
    QString flowNo;       // our flow no. (payments) or refund no. (refunds)
    QString channelTxnNo; // channel transaction or refund id
    QString originalFlowNo; // refunds: the payment flow refunded
    qint64 amountMinor = 0;
    QString currency;
    QString status;       // SUCCESS, REFUND, CLOSED ...
    qint64 timeMs = 0;
    qint64 feeMinor = 0;  // payments: fee charged; refunds: fee given back (both >= 0)
    QString subject;      // what was sold, as the channel shows it
    QString originalChannelTxnNo; // refunds: the channel transaction id of the refunded payment
};

// A payment channel as the core sees it: an external party behind an asynchronous interface.
// Every handler is invoked later on the channel's thread, never from inside the call, and
// exactly once per call.
class Channel : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Coupon, Wallet, Card, Qr };
    using ResultHandler = std::function<void(const ChannelResult &)>;
    using PrepayHandler = std::function<void(const ChannelResult &, const PrepayInfo &)>;

    explicit Channel(QObject *parent = nullptr) : QObject(parent) {}

    virtual QString name() const = 0;
    virtual Kind kind() const = 0;
    // Internal methods (coupon, wallet) run before the external leg (card, QR) of a payment.
    bool isExternal() const { return kind() == Kind::Card || kind() == Kind::Qr; }

    // QR channels: create the channel-side order; the result carries the QR content. Pending
    // means "shown to the customer"; the payment result arrives later by callback or query.
    virtual void prepay(const PayRequest &request, PrepayHandler handler) = 0;
    // Synchronous methods (coupon, wallet, card): move the money now.
    virtual void pay(const PayRequest &request, ResultHandler handler) = 0;
    // The channel's truth about a flow: channelStatus NOTPAY / PAYING / PAID / CLOSED / REFUNDED /
    // FAILED / NOT_FOUND. The outcome describes the payment, not the query call:
    //   Succeeded: PAID or REFUNDED (money moved; channelTxnNo, amountMinor, refundedMinor set)
    //   Failed:    CLOSED or FAILED (definite: no money moved and none can move; code says why)
    //   Pending:   NOTPAY / PAYING, or NOT_FOUND (code ORDER_NOT_EXIST): a pay request may still
    //              be in flight, so "not found" is not proof; close() the flow to make it final
    //   Unknown:   the query itself got no answer (timeout, outage, gateway rejection)
    virtual void query(const QString &flowNo, ResultHandler handler) = 0;
    // Close the channel-side order. Succeeded: closed, no money can move any more. Failed with
    // code ALREADY_PAID: the customer paid first (channelTxnNo and amount set).
    virtual void close(const QString &flowNo, ResultHandler handler) = 0;
    // Failed: the refund did not happen (code says why); retrying with the same refundNo is safe.
    virtual void refund(const RefundRequest &request, ResultHandler handler) = 0;
    // Succeeded: refunded. Failed: no such refund at the channel (REFUND_NOT_EXIST) or refused.
    // Unknown: no answer.
    virtual void queryRefund(const QString &refundNo, ResultHandler handler) = 0;
    // The channel's daily statement, from its own books (UTC day).
    virtual Result<QList<StatementLine>> statement(QDate day) = 0;
};

} // namespace pay
