#pragma once

#include "paymentengine.h"

namespace pay {

// Who acts, why, and (for money-moving actions) the second person who approves.
struct OperatorContext
{
    QString actor;       // user id of the operator
    QString reason;      // required for every action
    QString approverId;  // money-moving actions: a manager other than the actor
    QString approverPin;
};

// The operations console's actions on stuck orders, failed refunds and reconciliation breaks.
// Every action needs a reason and is written to the hash-chained audit log with who did it;
// money-moving actions (refund, retry a failed refund) need a second person: a manager other
// than the operator approves with a PIN, and both names are recorded. A refused approval is
// recorded too, and nothing moves.
class OperationsService
{
public:
    OperationsService(PaymentEngine &engine, Database &db, Clock &clock)
        : m_engine(engine), m_db(db), m_clock(clock)
    {
    }

    Result<void> queryChannel(const QString &outTradeNo, const OperatorContext &who);
    Result<void> closeOrder(const QString &outTradeNo, const OperatorContext &who);
    Result<QString> refund(const QString &outTradeNo, qint64 amountMinor, const QString &refundNo,
                           const OperatorContext &who);
    Result<QString> retryRefund(const QString &refundNo, const OperatorContext &who);
    // Gives up what a failed refund still reserves (the customer was dealt with otherwise).
    Result<void> abandonRefund(const QString &refundNo, const OperatorContext &who);
    // A frozen order: released (automation resumes) or refunded a chosen amount.
    Result<void> releaseFrozen(const QString &outTradeNo, const OperatorContext &who);
    Result<QString> refundFrozen(const QString &outTradeNo, qint64 amountMinor, const OperatorContext &who);
    Result<void> resolveBreak(qint64 breakId, const QString &resolution, const OperatorContext &who);

private:
    Result<void> checkOperator(const OperatorContext &who, const QString &action, const QString &target);
    Result<void> checkApproval(const OperatorContext &who, const QString &action, const QString &target);
    Result<void> audit(const OperatorContext &who, const QString &action, const QString &target,
                       const QJsonObject &payload, bool withApprover);

    PaymentEngine &m_engine;
    Database &m_db;
    Clock &m_clock;
};

} // namespace pay
