#pragma once

#include "../error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pay {

// cashier: takes payments, refunds within a limit; operations: works the queues and acts on
// stuck orders; manager: approves money-moving actions; trainer: runs simulations.
enum class StaffRole { Cashier, Operations, Manager, Trainer };

// A person who may work the till. The PIN is never stored: only a per-user salt and the
// PBKDF2-HMAC-SHA256 digest of the PIN (10,000 rounds).
struct StaffMember
{
    QString userId;
    QString displayName;
    StaffRole role = StaffRole::Cashier;
    QByteArray salt;
    QByteArray pinHashHex;
};

// The demo shop's staff list and the refund rules that depend on a role.
class Staff
{
    Q_DECLARE_TR_FUNCTIONS(Staff)

public:
    static const QList<StaffMember> &members();
    static std::optional<StaffMember> find(const QString &userId);
    // The member when pin is theirs; PermissionDenied otherwise (an unknown user gets the
    // same answer, so a wrong guess reveals nothing).
    static Result<StaffMember> verify(const QString &userId, const QString &pin);
    // The member when they may approve a refund: a manager with the right PIN.
    static Result<StaffMember> approveRefund(const QString &userId, const QString &pin);
    // A cashier refunds up to this much (minor units, CNY) without a manager.
    static constexpr qint64 kCashierRefundLimitMinor = 20'000;
    static bool needsApproval(StaffRole role, qint64 amountMinor);
    static QByteArray hashPin(const QString &pin, const QByteArray &salt);
};

} // namespace pay
