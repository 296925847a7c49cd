#include "entities.h"

namespace pay {

QString toString(EventSource s)
{
    switch (s) {
    case EventSource::Sync: return QStringLiteral("sync");
    case EventSource::Callback: return QStringLiteral("callback");
    case EventSource::Query: return QStringLiteral("query");
    case EventSource::Timeout: return QStringLiteral("timeout");
    case EventSource::Recon: return QStringLiteral("recon");
    case EventSource::Operator: return QStringLiteral("operator");
    case EventSource::System: return QStringLiteral("system");
    }
    return {};
}

QString toString(RefundReason r)
{
    switch (r) {
    case RefundReason::CustomerRequest: return QStringLiteral("CUSTOMER_REQUEST");
    case RefundReason::ClosedButPaid: return QStringLiteral("CLOSED_BUT_PAID");
    case RefundReason::DuplicatePayment: return QStringLiteral("DUPLICATE_PAYMENT");
    case RefundReason::PartialFailure: return QStringLiteral("PARTIAL_FAILURE");
    case RefundReason::Operator: return QStringLiteral("OPERATOR");
    case RefundReason::LateSuccess: return QStringLiteral("LATE_SUCCESS");
    }
    return {};
}

bool fromString(QStringView text, RefundReason &out)
{
    for (auto r : {RefundReason::CustomerRequest, RefundReason::ClosedButPaid, RefundReason::DuplicatePayment,
                   RefundReason::PartialFailure, RefundReason::Operator, RefundReason::LateSuccess}) {
        if (text == toString(r)) {
            out = r;
            return true;
        }
    }
    return false;
}

} // namespace pay
