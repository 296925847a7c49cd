#include "states.h"

#include <QCoreApplication>

namespace pay {

QString TransitionRejection::message() const
{
    if (reason == RejectReason::TerminalState)
        return QCoreApplication::translate("States", "%1 is terminal and cannot take %2").arg(from, event);
    return QCoreApplication::translate("States", "%1 cannot take %2").arg(from, event);
}

namespace {

template<typename S, typename E>
TransitionResult<S> reject(S from, E event)
{
    return std::unexpected(TransitionRejection{isTerminal(from) ? RejectReason::TerminalState
                                                                : RejectReason::NotAllowed,
                                               toString(from), toString(event)});
}

} // namespace

// Trade order: CREATED -> PAYING -> PAID -> PARTIALLY_REFUNDED -> REFUNDED; CREATED|PAYING -> CLOSED.
// A failed attempt returns the order to CREATED so the cashier can pay another way. A new
// attempt while one is in flight (the customer switches method) keeps it PAYING. A success
// for a CLOSED order is rejected: the engine records it and refunds (closed-but-paid).
TransitionResult<TradeStatus> transition(TradeStatus from, TradeEvent event)
{
    using S = TradeStatus;
    using E = TradeEvent;
    switch (from) {
    case S::Created:
        if (event == E::StartPayment)
            return S::Paying;
        if (event == E::Close)
            return S::Closed;
        if (event == E::BeginClose)
            return S::Closing;
        break;
    case S::Closing:
        if (event == E::Close)
            return S::Closed;
        break;
    case S::Paying:
        if (event == E::StartPayment)
            return S::Paying;
        if (event == E::PaymentSucceeded)
            return S::Paid;
        if (event == E::PaymentFailed)
            return S::Created;
        if (event == E::Close)
            return S::Closed;
        if (event == E::BeginClose)
            return S::Closing;
        break;
    case S::Paid:
    case S::PartiallyRefunded:
        if (event == E::RefundPartial)
            return S::PartiallyRefunded;
        if (event == E::RefundFull)
            return S::Refunded;
        break;
    case S::Refunded:
    case S::Closed:
        break;
    }
    return reject(from, event);
}

TransitionResult<PaymentStatus> transition(PaymentStatus from, PaymentEvent event)
{
    using S = PaymentStatus;
    using E = PaymentEvent;
    switch (from) {
    case S::Accepted:
        if (event == E::Process)
            return S::Processing;
        if (event == E::Fail)
            return S::Failed;
        if (event == E::Close)
            return S::Closed;
        break;
    case S::Processing:
        if (event == E::Succeed)
            return S::Succeeded;
        if (event == E::Fail)
            return S::Failed;
        if (event == E::Close)
            return S::Closed;
        if (event == E::Duplicate)
            return S::Duplicate;
        break;
    case S::Succeeded:
    case S::Failed:
    case S::Closed:
    case S::Duplicate:
        break;
    }
    return reject(from, event);
}

// Flow: INIT -> (PREPAID) -> PAYING -> SUCCEEDED | FAILED | CLOSED. A PAYING flow with an
// unknown result stays PAYING (owned by compensation). A PREPAID QR flow may succeed directly
// by callback. INIT may fail (never sent: routing refused) or close (attempt abandoned).
TransitionResult<FlowStatus> transition(FlowStatus from, FlowEvent event)
{
    using S = FlowStatus;
    using E = FlowEvent;
    switch (from) {
    case S::Init:
        if (event == E::Prepay)
            return S::Prepaid;
        if (event == E::Send)
            return S::Paying;
        if (event == E::Fail)
            return S::Failed;
        if (event == E::Close)
            return S::Closed;
        break;
    case S::Prepaid:
    case S::Paying:
        if (event == E::Send)
            return S::Paying;
        if (event == E::Succeed)
            return S::Succeeded;
        if (event == E::Fail)
            return S::Failed;
        if (event == E::Close)
            return S::Closed;
        break;
    case S::Succeeded:
    case S::Failed:
    case S::Closed:
        break;
    }
    return reject(from, event);
}

// Refund: ACCEPTED -> PROCESSING -> SUCCEEDED | FAILED. An unknown result keeps it PROCESSING
// and it is retried with the same refund no. (Retry is a self-transition that the event log
// records). A definite failure is terminal; an operator retry opens a new refund.
TransitionResult<RefundStatus> transition(RefundStatus from, RefundEvent event)
{
    using S = RefundStatus;
    using E = RefundEvent;
    switch (from) {
    case S::Accepted:
        if (event == E::Process)
            return S::Processing;
        if (event == E::Fail)
            return S::Failed;
        break;
    case S::Processing:
        if (event == E::Retry)
            return S::Processing;
        if (event == E::Succeed)
            return S::Succeeded;
        if (event == E::Fail)
            return S::Failed;
        break;
    case S::Succeeded:
    case S::Failed:
        break;
    }
    return reject(from, event);
}

bool isTerminal(TradeStatus s)
{
    return s == TradeStatus::Refunded || s == TradeStatus::Closed;
}
bool isTerminal(PaymentStatus s)
{
    return s == PaymentStatus::Succeeded || s == PaymentStatus::Failed || s == PaymentStatus::Closed
        || s == PaymentStatus::Duplicate;
}
bool isTerminal(FlowStatus s)
{
    return s == FlowStatus::Succeeded || s == FlowStatus::Failed || s == FlowStatus::Closed;
}
bool isTerminal(RefundStatus s)
{
    return s == RefundStatus::Succeeded || s == RefundStatus::Failed;
}

QString toString(TradeStatus s)
{
    switch (s) {
    case TradeStatus::Created: return QStringLiteral("CREATED");
    case TradeStatus::Paying: return QStringLiteral("PAYING");
    case TradeStatus::Paid: return QStringLiteral("PAID");
    case TradeStatus::PartiallyRefunded: return QStringLiteral("PARTIALLY_REFUNDED");
    case TradeStatus::Refunded: return QStringLiteral("REFUNDED");
    case TradeStatus::Closed: return QStringLiteral("CLOSED");
    case TradeStatus::Closing: return QStringLiteral("CLOSING");
    }
    return {};
}
QString toString(TradeEvent e)
{
    switch (e) {
    case TradeEvent::StartPayment: return QStringLiteral("START_PAYMENT");
    case TradeEvent::PaymentSucceeded: return QStringLiteral("PAYMENT_SUCCEEDED");
    case TradeEvent::PaymentFailed: return QStringLiteral("PAYMENT_FAILED");
    case TradeEvent::Close: return QStringLiteral("CLOSE");
    case TradeEvent::RefundPartial: return QStringLiteral("REFUND_PARTIAL");
    case TradeEvent::RefundFull: return QStringLiteral("REFUND_FULL");
    case TradeEvent::BeginClose: return QStringLiteral("BEGIN_CLOSE");
    }
    return {};
}
QString toString(PaymentStatus s)
{
    switch (s) {
    case PaymentStatus::Accepted: return QStringLiteral("ACCEPTED");
    case PaymentStatus::Processing: return QStringLiteral("PROCESSING");
    case PaymentStatus::Succeeded: return QStringLiteral("SUCCEEDED");
    case PaymentStatus::Failed: return QStringLiteral("FAILED");
    case PaymentStatus::Closed: return QStringLiteral("CLOSED");
    case PaymentStatus::Duplicate: return QStringLiteral("DUPLICATE");
    }
    return {};
}
QString toString(PaymentEvent e)
{
    switch (e) {
    case PaymentEvent::Process: return QStringLiteral("PROCESS");
    case PaymentEvent::Succeed: return QStringLiteral("SUCCEED");
    case PaymentEvent::Fail: return QStringLiteral("FAIL");
    case PaymentEvent::Close: return QStringLiteral("CLOSE");
    case PaymentEvent::Duplicate: return QStringLiteral("DUPLICATE");
    }
    return {};
}
QString toString(FlowStatus s)
{
    switch (s) {
    case FlowStatus::Init: return QStringLiteral("INIT");
    case FlowStatus::Prepaid: return QStringLiteral("PREPAID");
    case FlowStatus::Paying: return QStringLiteral("PAYING");
    case FlowStatus::Succeeded: return QStringLiteral("SUCCEEDED");
    case FlowStatus::Failed: return QStringLiteral("FAILED");
    case FlowStatus::Closed: return QStringLiteral("CLOSED");
    }
    return {};
}
QString toString(FlowEvent e)
{
    switch (e) {
    case FlowEvent::Prepay: return QStringLiteral("PREPAY");
    case FlowEvent::Send: return QStringLiteral("SEND");
    case FlowEvent::Succeed: return QStringLiteral("SUCCEED");
    case FlowEvent::Fail: return QStringLiteral("FAIL");
    case FlowEvent::Close: return QStringLiteral("CLOSE");
    }
    return {};
}
QString toString(RefundStatus s)
{
    switch (s) {
    case RefundStatus::Accepted: return QStringLiteral("ACCEPTED");
    case RefundStatus::Processing: return QStringLiteral("PROCESSING");
    case RefundStatus::Succeeded: return QStringLiteral("SUCCEEDED");
    case RefundStatus::Failed: return QStringLiteral("FAILED");
    }
    return {};
}
QString toString(RefundEvent e)
{
    switch (e) {
    case RefundEvent::Process: return QStringLiteral("PROCESS");
    case RefundEvent::Retry: return QStringLiteral("RETRY");
    case RefundEvent::Succeed: return QStringLiteral("SUCCEED");
    case RefundEvent::Fail: return QStringLiteral("FAIL");
    }
    return {};
}

namespace {
template<typename S, std::size_t N>
bool parseName(QStringView text, const S (&all)[N], S &out)
{
    for (S s : all) {
        if (text == toString(s)) {
            out = s;
            return true;
        }
    }
    return false;
}
} // namespace

bool fromString(QStringView text, TradeStatus &out)
{
    return parseName(text, kAllTradeStatuses, out);
}
bool fromString(QStringView text, PaymentStatus &out)
{
    return parseName(text, kAllPaymentStatuses, out);
}
bool fromString(QStringView text, FlowStatus &out)
{
    return parseName(text, kAllFlowStatuses, out);
}
bool fromString(QStringView text, RefundStatus &out)
{
    return parseName(text, kAllRefundStatuses, out);
}

} // namespace pay
