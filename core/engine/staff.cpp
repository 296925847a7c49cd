#include "staff.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>

using namespace Qt::StringLiterals;

namespace pay {

const QList<StaffMember> &Staff::members()
{
    // Demo users (PINs in the README): cashier1, cashier2, ops1, manager1 and trainer1.
    static const QList<StaffMember> all{
        {u"cashier1"_s, u"Cashier 1"_s, StaffRole::Cashier, "pd-c1-7f3a9e"_ba,
         "3a138ee5336c0a658d5ea6e5a8860d13c9932e4489fc32fa07a36d8b64ba4a52"_ba},
        {u"cashier2"_s, u"Cashier 2"_s, StaffRole::Cashier, "pd-c2-1b8d44"_ba,
         "90c1edaa0cc825014a67677a1a4b096ea8d4eef30fa212348cdfd8b761c4f2cc"_ba},
        {u"ops1"_s, u"Operations 1"_s, StaffRole::Operations, "pd-o1-5d2c80"_ba,
         "8b2456f74165b4f7ccb2919644b98ae8e7255e4a1de2780a39b7f317e6f9e909"_ba},
        {u"manager1"_s, u"Manager 1"_s, StaffRole::Manager, "pd-m1-c05e21"_ba,
         "a3d1d20bcdac2048af52a6467bff155360d05408a4c68f7aa9e1ed1b1ca0d391"_ba},
        {u"trainer1"_s, u"Trainer 1"_s, StaffRole::Trainer, "pd-t1-93ab17"_ba,
         "5a8ec02fcdfe1480dc6695791324476e65eb514a1c955956a4f9e2e0c7b79fab"_ba},
    };
    return all;
}

std::optional<StaffMember> Staff::find(const QString &userId)
{
    for (const StaffMember &m : members()) {
        if (m.userId == userId)
            return m;
    }
    return std::nullopt;
}

QByteArray Staff::hashPin(const QString &pin, const QByteArray &salt)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, 10000, 32).toHex();
}

Result<StaffMember> Staff::verify(const QString &userId, const QString &pin)
{
    const auto member = find(userId);
    // Hash even for an unknown user so both answers take the same time.
    const QByteArray digest = hashPin(pin, member ? member->salt : "unknown-user"_ba);
    if (!member || digest != member->pinHashHex)
        return fail(ErrorCode::PermissionDenied, tr("Wrong user or PIN."));
    return *member;
}

Result<StaffMember> Staff::approveRefund(const QString &userId, const QString &pin)
{
    auto member = verify(userId, pin);
    if (!member)
        return member;
    if (member->role != StaffRole::Manager)
        return fail(ErrorCode::PermissionDenied, tr("%1 may not approve refunds.").arg(member->displayName));
    return member;
}

bool Staff::needsApproval(StaffRole role, qint64 amountMinor)
{
    return role != StaffRole::Manager && amountMinor > kCashierRefundLimitMinor;
}

} // namespace pay
