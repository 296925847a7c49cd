#include "channel.h"

#include "../domain/compactjson.h"

#include <QJsonDocument>

namespace pay {

QJsonObject ChannelResult::rawObject() const
{
    if (!raw.isEmpty() || rawJson.isEmpty())
        return raw;
    return QJsonDocument::fromJson(rawJson).object();
}

QByteArray ChannelResult::rawCompact() const
{
    if (!rawJson.isEmpty())
        return rawJson;
    return raw.isEmpty() ? QByteArray() : compactJsonObject(raw);
}

QString channelOutcomeName(ChannelOutcome outcome)
{
    switch (outcome) {
    case ChannelOutcome::Succeeded: return QStringLiteral("SUCCEEDED");
    case ChannelOutcome::Failed: return QStringLiteral("FAILED");
    case ChannelOutcome::Unknown: return QStringLiteral("UNKNOWN");
    case ChannelOutcome::Pending: return QStringLiteral("PENDING");
    }
    return QStringLiteral("UNKNOWN");
}

QString channelOperationName(ChannelOperation operation)
{
    switch (operation) {
    case ChannelOperation::Prepay: return QStringLiteral("prepay");
    case ChannelOperation::Pay: return QStringLiteral("pay");
    case ChannelOperation::Query: return QStringLiteral("query");
    case ChannelOperation::Close: return QStringLiteral("close");
    case ChannelOperation::Refund: return QStringLiteral("refund");
    case ChannelOperation::QueryRefund: return QStringLiteral("queryRefund");
    }
    return {};
}

} // namespace pay
