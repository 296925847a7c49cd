#include "error.h"

namespace pay {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::LostRace: return QStringLiteral("lost_race");
    case ErrorCode::InvalidTransition: return QStringLiteral("invalid_transition");
    case ErrorCode::Overflow: return QStringLiteral("overflow");
    case ErrorCode::CurrencyMismatch: return QStringLiteral("currency_mismatch");
    case ErrorCode::AmountMismatch: return QStringLiteral("amount_mismatch");
    case ErrorCode::IdempotencyConflict: return QStringLiteral("idempotency_conflict");
    case ErrorCode::LimitExceeded: return QStringLiteral("limit_exceeded");
    case ErrorCode::Database: return QStringLiteral("database");
    case ErrorCode::NotADatabase: return QStringLiteral("not_a_database");
    case ErrorCode::NewerSchema: return QStringLiteral("newer_schema");
    case ErrorCode::ReadOnly: return QStringLiteral("read_only");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::BadSignature: return QStringLiteral("bad_signature");
    case ErrorCode::StaleTimestamp: return QStringLiteral("stale_timestamp");
    case ErrorCode::Replay: return QStringLiteral("replay");
    case ErrorCode::Malformed: return QStringLiteral("malformed");
    case ErrorCode::ChannelBusy: return QStringLiteral("channel_busy");
    case ErrorCode::ChannelUnavailable: return QStringLiteral("channel_unavailable");
    case ErrorCode::Frozen: return QStringLiteral("frozen");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission_denied");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace pay
