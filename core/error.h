#pragma once

#include <QCoreApplication>
#include <QString>

#include <expected>

namespace pay {

// Every public core call that can fail returns Result<T>: a value or an Error with a code the
// caller can branch on and a translatable message a person can read.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    LostRace,          // a conditional update matched no row: someone else moved the record first
    InvalidTransition, // the state machine refused (state, event)
    Overflow,
    CurrencyMismatch,
    AmountMismatch,
    IdempotencyConflict, // same key, different request
    LimitExceeded,
    Database,
    NotADatabase,
    NewerSchema,
    ReadOnly,
    Locked,
    Io,
    BadSignature,
    StaleTimestamp,
    Replay,
    Malformed,
    ChannelBusy,
    ChannelUnavailable,
    Frozen,
    PermissionDenied,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, const QString &message)
{
    return std::unexpected(Error{code, message});
}

QString errorCodeName(ErrorCode code);

} // namespace pay
