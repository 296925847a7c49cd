#pragma once

#include <QString>

#include <expected>

namespace pay {

// Pure state machines: (state, event) -> new state or a typed rejection. No I/O here; the
// store applies a transition with a conditional update, and the engine decides which event.

// CLOSING: taken by a conditional update before any channel close is sent; from then on the
// order takes no new attempt and no payment (a success that still arrives is refunded).
enum class TradeStatus { Created, Paying, Paid, PartiallyRefunded, Refunded, Closed, Closing };
enum class TradeEvent { StartPayment, PaymentSucceeded, PaymentFailed, Close, RefundPartial, RefundFull, BeginClose };

// DUPLICATE: the attempt also got paid after another attempt had paid the order; it is
// refunded in full. Customer refunds only ever use the attempt that paid the order.
enum class PaymentStatus { Accepted, Processing, Succeeded, Failed, Closed, Duplicate };
enum class PaymentEvent { Process, Succeed, Fail, Close, Duplicate };

enum class FlowStatus { Init, Prepaid, Paying, Succeeded, Failed, Closed };
enum class FlowEvent { Prepay, Send, Succeed, Fail, Close };

enum class RefundStatus { Accepted, Processing, Succeeded, Failed };
enum class RefundEvent { Process, Retry, Succeed, Fail };

enum class RejectReason {
    TerminalState, // the state is terminal: it never changes again
    NotAllowed,    // the event makes no sense in this (non-terminal) state
};

struct TransitionRejection
{
    RejectReason reason;
    QString from;
    QString event;
    QString message() const;
};

template<typename S>
using TransitionResult = std::expected<S, TransitionRejection>;

TransitionResult<TradeStatus> transition(TradeStatus from, TradeEvent event);
TransitionResult<PaymentStatus> transition(PaymentStatus from, PaymentEvent event);
TransitionResult<FlowStatus> transition(FlowStatus from, FlowEvent event);
TransitionResult<RefundStatus> transition(RefundStatus from, RefundEvent event);

bool isTerminal(TradeStatus s);
bool isTerminal(PaymentStatus s);
bool isTerminal(FlowStatus s);
bool isTerminal(RefundStatus s);

// Stable upper-case names, used in the database, JSON and the event log.
QString toString(TradeStatus s);
QString toString(TradeEvent e);
QString toString(PaymentStatus s);
QString toString(PaymentEvent e);
QString toString(FlowStatus s);
QString toString(FlowEvent e);
QString toString(RefundStatus s);
QString toString(RefundEvent e);

// Parsing returns false for an unknown name (a corrupt or foreign row).
bool fromString(QStringView text, TradeStatus &out);
bool fromString(QStringView text, PaymentStatus &out);
bool fromString(QStringView text, FlowStatus &out);
bool fromString(QStringView text, RefundStatus &out);

// Every value, for exhaustive tests and for building lists.
inline constexpr TradeStatus kAllTradeStatuses[] = {TradeStatus::Created, TradeStatus::Paying, TradeStatus::Paid,
                                                    TradeStatus::PartiallyRefunded, TradeStatus::Refunded,
                                                    TradeStatus::Closed, TradeStatus::Closing};
inline constexpr TradeEvent kAllTradeEvents[] = {TradeEvent::StartPayment, TradeEvent::PaymentSucceeded,
                                                 TradeEvent::PaymentFailed, TradeEvent::Close,
                                                 TradeEvent::RefundPartial, TradeEvent::RefundFull,
                                                 TradeEvent::BeginClose};
inline constexpr PaymentStatus kAllPaymentStatuses[] = {PaymentStatus::Accepted, PaymentStatus::Processing,
                                                        PaymentStatus::Succeeded, PaymentStatus::Failed,
                                                        PaymentStatus::Closed, PaymentStatus::Duplicate};
inline constexpr PaymentEvent kAllPaymentEvents[] = {PaymentEvent::Process, PaymentEvent::Succeed,
                                                     PaymentEvent::Fail, PaymentEvent::Close,
                                                     PaymentEvent::Duplicate};
inline constexpr FlowStatus kAllFlowStatuses[] = {FlowStatus::Init, FlowStatus::Prepaid, FlowStatus::Paying,
                                                  FlowStatus::Succeeded, FlowStatus::Failed, FlowStatus::Closed};
inline constexpr FlowEvent kAllFlowEvents[] = {FlowEvent::Prepay, FlowEvent::Send, FlowEvent::Succeed,
                                               FlowEvent::Fail, FlowEvent::Close};
inline constexpr RefundStatus kAllRefundStatuses[] = {RefundStatus::Accepted, RefundStatus::Processing,
                                                      RefundStatus::Succeeded, RefundStatus::Failed};
inline constexpr RefundEvent kAllRefundEvents[] = {RefundEvent::Process, RefundEvent::Retry, RefundEvent::Succeed,
                                                   RefundEvent::Fail};

} // namespace pay
