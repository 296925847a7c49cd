#pragma once

#include "../money/money.h"
#include "states.h"

#include <QJsonObject>
#include <QString>

namespace pay {

// Who or what caused a transition; the order timeline groups by it.
enum class EventSource { Sync, Callback, Query, Timeout, Recon, Operator, System };
QString toString(EventSource s);

// LateSuccess: the channel reported a success for a flow we had already failed or closed.
enum class RefundReason { CustomerRequest, ClosedButPaid, DuplicatePayment, PartialFailure, Operator, LateSuccess };
QString toString(RefundReason r);
bool fromString(QStringView text, RefundReason &out);

// 收单域: what the merchant sells. Unique per (merchant_id, out_trade_no).
struct TradeOrder
{
    qint64 id = 0;
    QString merchantId;
    QString outTradeNo;
    QString subject;
    Money amount;
    TradeStatus status = TradeStatus::Created;
    qint64 paidMinor = 0;     // money kept from successful attempts (the one that paid the order)
    qint64 refundedMinor = 0; // refunded back to the customer against this order's paying attempt
    qint64 paidPaymentId = 0; // the attempt that paid the order (0: none yet); customer refunds use only it
    bool frozen = false;      // a loss-prevention guard froze it into operations review
    QString freezeReason;
    qint64 expiresAtMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;
};

// 支付域: one per payment attempt of a trade order; owns one flow per method.
struct PaymentOrder
{
    qint64 id = 0;
    QString paymentNo;
    qint64 tradeId = 0;
    Money amount;
    PaymentStatus status = PaymentStatus::Accepted;
    QString failReason;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;
};

// 支付流水: one payment method's share of a payment order.
struct PaymentFlow
{
    qint64 id = 0;
    QString flowNo;
    qint64 paymentId = 0;
    qint64 tradeId = 0;
    int seq = 0;         // execution order: internal methods first, the external leg last
    QString method;      // coupon, wallet, card, qr
    QString channel;     // coupon, wallet, card, qr_a, qr_b
    QString account;     // voucher code or member id
    Money amount;
    FlowStatus status = FlowStatus::Init;
    QString channelTxnNo;
    QString failCode;
    QString failReason;
    QString qrContent;
    qint64 prepayExpiresAtMs = 0;
    qint64 refundedMinor = 0;
    bool reconPending = false; // compensation gave up: statement reconciliation decides
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;
};

struct RefundOrder
{
    qint64 id = 0;
    QString refundNo;
    qint64 tradeId = 0;
    Money amount;
    RefundReason reason = RefundReason::CustomerRequest;
    RefundStatus status = RefundStatus::Accepted;
    QString requestedBy;
    QString approvedBy;
    QString note;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;
};

// One refund flow per payment flow it reverses.
struct RefundFlow
{
    qint64 id = 0;
    QString refundFlowNo; // the refund no. the channel sees; retries reuse it
    qint64 refundId = 0;
    qint64 flowId = 0;
    qint64 tradeId = 0;
    QString channel;
    Money amount;
    RefundStatus status = RefundStatus::Accepted;
    QString channelRefundNo;
    int attempts = 0; // requests actually sent to the channel (a gateway refusal is not one)
    QString failReason;
    // For a FAILED refund flow: empty while its amount stays reserved (nothing else may refund
    // it), else RETRIED:<refund no.> or ABANDONED (by an operator, with a reason).
    QString resolution;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;
};

// Double-entry: the postings of one posting set sum to zero per currency.
struct LedgerPosting
{
    qint64 id = 0;
    QString postingSet;
    QString account;
    Money amount; // debit positive, credit negative
    qint64 tradeId = 0;
    qint64 flowId = 0;
    qint64 refundFlowId = 0;
    QString memo;
    qint64 atMs = 0;
};

// One row of the append-only event log; the order timeline is built from these.
struct Event
{
    qint64 id = 0;
    qint64 atMs = 0;
    qint64 tradeId = 0;
    QString entity;   // TRADE, PAYMENT, FLOW, REFUND, REFUND_FLOW, ROUTE, CALLBACK, ...
    qint64 entityId = 0;
    QString entityNo;
    QString fromState;
    QString toState;
    QString event;
    EventSource source = EventSource::System;
    QString actor;
    QJsonObject payload;
    QByteArray payloadJson; // when set, written instead of payload (already compact JSON)
};

} // namespace pay
