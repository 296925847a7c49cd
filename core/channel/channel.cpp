#include "channel.h"

namespace pay {

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

} // namespace pay
