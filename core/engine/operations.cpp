#include "operations.h"

#include "../sim/clock.h"
#include "../store/auditlog.h"
#include "../store/transaction.h"
#include "staff.h"

#include <QSqlQuery>

namespace pay {

namespace {

bool mayOperate(StaffRole role)
{
    return role == StaffRole::Operations || role == StaffRole::Manager;
}

} // namespace

Result<void> OperationsService::audit(const OperatorContext &who, const QString &action, const QString &target,
                                      const QJsonObject &payload, bool withApprover)
{
    AuditEntry e;
    e.atMs = m_clock.nowMs();
    e.actor = who.actor;
    e.approver = withApprover ? who.approverId : QString();
    e.action = action;
    e.target = target;
    e.reason = who.reason;
    e.payload = payload;
    TransactionGuard tx(m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    AuditLog log(m_db);
    if (auto r = log.append(e); !r)
        return std::unexpected(r.error());
    return tx.commit();
}

Result<void> OperationsService::checkOperator(const OperatorContext &who, const QString &action, const QString &target)
{
    if (who.reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Operations", "Say why: every operations action needs a reason"));
    const auto member = Staff::find(who.actor);
    if (!member || !mayOperate(member->role)) {
        (void)audit(who.actor.isEmpty() ? OperatorContext{QStringLiteral("unknown"), who.reason, {}, {}} : who,
                    QStringLiteral("ACTION_REFUSED"), target, QJsonObject{{QStringLiteral("action"), action}}, false);
        return fail(ErrorCode::PermissionDenied,
                    QCoreApplication::translate("Operations", "%1 may not do operations actions").arg(who.actor));
    }
    return {};
}

Result<void> OperationsService::checkApproval(const OperatorContext &who, const QString &action, const QString &target)
{
    QString why;
    if (who.approverId.isEmpty())
        why = QCoreApplication::translate("Operations", "a manager's approval is required");
    else if (who.approverId == who.actor)
        why = QCoreApplication::translate("Operations", "the approver must be a second person");
    else if (auto ok = Staff::verify(who.approverId, who.approverPin); !ok)
        why = QCoreApplication::translate("Operations", "the approver's PIN is wrong");
    else if (ok->role != StaffRole::Manager)
        why = QCoreApplication::translate("Operations", "%1 is not a manager").arg(who.approverId);
    if (why.isEmpty())
        return {};
    (void)audit(who, QStringLiteral("APPROVAL_REFUSED"), target,
                QJsonObject{{QStringLiteral("action"), action}, {QStringLiteral("why"), why}}, true);
    return fail(ErrorCode::PermissionDenied, QCoreApplication::translate("Operations", "Not approved: %1").arg(why));
}

Result<void> OperationsService::queryChannel(const QString &outTradeNo, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("QUERY_CHANNEL"), outTradeNo); !r)
        return r;
    if (auto r = m_engine.queryNow(outTradeNo, who.actor); !r)
        return r;
    return audit(who, QStringLiteral("QUERY_CHANNEL"), outTradeNo, {}, false);
}

Result<void> OperationsService::closeOrder(const QString &outTradeNo, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("CLOSE_ORDER"), outTradeNo); !r)
        return r;
    if (auto r = m_engine.close(outTradeNo, EventSource::Operator, who.actor); !r)
        return r;
    return audit(who, QStringLiteral("CLOSE_ORDER"), outTradeNo, {}, false);
}

Result<QString> OperationsService::refund(const QString &outTradeNo, qint64 amountMinor, const QString &refundNo,
                                          const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("REFUND"), outTradeNo); !r)
        return std::unexpected(r.error());
    if (auto r = checkApproval(who, QStringLiteral("REFUND"), outTradeNo); !r)
        return std::unexpected(r.error());
    RefundCommand c{outTradeNo, refundNo, amountMinor, who.actor, who.approverId, who.reason};
    auto r = m_engine.refund(c);
    if (!r)
        return r;
    if (auto a = audit(who, QStringLiteral("REFUND"), outTradeNo,
                       QJsonObject{{QStringLiteral("refund_no"), *r}, {QStringLiteral("amount"), amountMinor}}, true);
        !a)
        return std::unexpected(a.error());
    return r;
}

Result<QString> OperationsService::retryRefund(const QString &refundNo, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("RETRY_REFUND"), refundNo); !r)
        return std::unexpected(r.error());
    if (auto r = checkApproval(who, QStringLiteral("RETRY_REFUND"), refundNo); !r)
        return std::unexpected(r.error());
    auto r = m_engine.retryRefund(refundNo, who.actor, who.approverId);
    if (!r)
        return r;
    if (auto a = audit(who, QStringLiteral("RETRY_REFUND"), refundNo, QJsonObject{{QStringLiteral("new_refund_no"), *r}}, true);
        !a)
        return std::unexpected(a.error());
    return r;
}

Result<void> OperationsService::abandonRefund(const QString &refundNo, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("ABANDON_REFUND"), refundNo); !r)
        return r;
    if (auto r = checkApproval(who, QStringLiteral("ABANDON_REFUND"), refundNo); !r)
        return r;
    if (auto r = m_engine.abandonRefund(refundNo, who.actor, who.reason); !r)
        return r;
    return audit(who, QStringLiteral("ABANDON_REFUND"), refundNo, {}, true);
}

Result<void> OperationsService::releaseFrozen(const QString &outTradeNo, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("RELEASE_FROZEN"), outTradeNo); !r)
        return r;
    if (auto r = checkApproval(who, QStringLiteral("RELEASE_FROZEN"), outTradeNo); !r)
        return r;
    if (auto r = m_engine.releaseFrozen(outTradeNo, who.actor, who.approverId, who.reason); !r)
        return r;
    return audit(who, QStringLiteral("RELEASE_FROZEN"), outTradeNo, {}, true);
}

Result<QString> OperationsService::refundFrozen(const QString &outTradeNo, qint64 amountMinor, const OperatorContext &who)
{
    if (auto r = checkOperator(who, QStringLiteral("REFUND_FROZEN"), outTradeNo); !r)
        return std::unexpected(r.error());
    if (auto r = checkApproval(who, QStringLiteral("REFUND_FROZEN"), outTradeNo); !r)
        return std::unexpected(r.error());
    auto r = m_engine.refundFrozen(outTradeNo, amountMinor, who.actor, who.approverId, who.reason);
    if (!r)
        return r;
    if (auto a = audit(who, QStringLiteral("REFUND_FROZEN"), outTradeNo,
                       QJsonObject{{QStringLiteral("refund_no"), *r}, {QStringLiteral("amount"), amountMinor}}, true);
        !a)
        return std::unexpected(a.error());
    return r;
}

Result<void> OperationsService::resolveBreak(qint64 breakId, const QString &resolution, const OperatorContext &who)
{
    const QString target = QStringLiteral("break:%1").arg(breakId);
    if (auto r = checkOperator(who, QStringLiteral("RESOLVE_BREAK"), target); !r)
        return r;
    if (resolution.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Operations", "Say how the break was resolved"));
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "UPDATE recon_breaks SET state = 'RESOLVED', resolution = ?, resolved_at = ?, resolved_by = ?"
            " WHERE id = ? AND state IN ('OPEN','HELD')"));
        q.addBindValue(resolution);
        q.addBindValue(m_clock.nowMs());
        q.addBindValue(who.actor);
        q.addBindValue(breakId);
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Operations", "Resolve break")));
        if (q.numRowsAffected() != 1)
            return fail(ErrorCode::NotFound,
                        QCoreApplication::translate("Operations", "Break %1 is not open").arg(breakId));
        AuditEntry e;
        e.atMs = m_clock.nowMs();
        e.actor = who.actor;
        e.action = QStringLiteral("RESOLVE_BREAK");
        e.target = target;
        e.reason = who.reason;
        e.payload = QJsonObject{{QStringLiteral("resolution"), resolution}};
        AuditLog log(m_db);
        if (auto a = log.append(e); !a)
            return std::unexpected(a.error());
        return tx.commit(); // the break and its audit row commit together
    }
}

} // namespace pay
