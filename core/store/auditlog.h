#pragma once

#include "database.h"

#include <QJsonObject>

namespace pay {

// One operator action as the audit log keeps it.
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString actor;    // who did it
    QString approver; // the second person for money-moving actions, else empty
    QString action;   // QUERY_CHANNEL, CLOSE_ORDER, REFUND, RETRY_REFUND, RESOLVE_BREAK, APPROVAL_REFUSED ...
    QString target;   // order no., refund no. or break id
    QString reason;   // why, in the operator's words (required)
    QJsonObject payload;
    QString prevHash;
    QString hash;
};

// The operations audit log: append-only (database triggers refuse UPDATE and DELETE) and
// hash-chained: each row's hash is SHA-256 over the previous row's hash and the row's own
// canonical fields, so an edited, deleted or inserted row breaks the chain from there on.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    // Appends inside the caller's transaction (or its own statement); fills id and hashes.
    Result<AuditEntry> append(AuditEntry entry);

    struct Verification
    {
        bool intact = true;
        qint64 rows = 0;
        qint64 firstBrokenId = 0; // 0 when intact
        QString problem;
    };
    // Walks the whole chain in id order and recomputes every hash.
    Result<Verification> verify();
    Result<QList<AuditEntry>> forTarget(const QString &target);

    static QString genesisHash();
    static QString hashOf(const AuditEntry &entry);

private:
    Database &m_db;
};

} // namespace pay
