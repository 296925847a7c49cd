#include "auditlog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace pay {

namespace {

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.atMs = q.value(1).toLongLong();
    e.actor = q.value(2).toString();
    e.approver = q.value(3).toString();
    e.action = q.value(4).toString();
    e.target = q.value(5).toString();
    e.reason = q.value(6).toString();
    e.payload = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}

const QString kColumns = QStringLiteral("id, at, actor, approver, action, target, reason, payload, prev_hash, hash");

} // namespace

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

// Canonical form: the fields in a fixed order in a compact JSON array (no ambiguity between
// fields, stable across platforms), prefixed by the previous hash.
QString AuditLog::hashOf(const AuditEntry &e)
{
    const QJsonArray fields{QString::number(e.id), QString::number(e.atMs), e.actor, e.approver, e.action,
                            e.target, e.reason,
                            QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact))};
    const QByteArray canonical = e.prevHash.toLatin1() + '\n' + QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

Result<AuditEntry> AuditLog::append(AuditEntry e)
{
    if (e.actor.isEmpty() || e.action.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Audit", "An audit entry needs who and what"));
    if (e.reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Audit", "Every operations action needs a reason"));
    QSqlQuery &last = m_db.prepared(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last.exec())
        return std::unexpected(Database::errorFrom(last, QCoreApplication::translate("Audit", "Read the audit log")));
    qint64 lastId = 0;
    e.prevHash = genesisHash();
    if (last.next()) {
        lastId = last.value(0).toLongLong();
        e.prevHash = last.value(1).toString();
    }
    last.finish();
    e.id = lastId + 1;
    e.hash = hashOf(e);
    QSqlQuery &ins = m_db.prepared(QStringLiteral(
        "INSERT INTO audit_log (id, at, actor, approver, action, target, reason, payload, prev_hash, hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)"));
    ins.addBindValue(e.id);
    ins.addBindValue(e.atMs);
    ins.addBindValue(e.actor);
    ins.addBindValue(e.approver.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.approver));
    ins.addBindValue(e.action);
    ins.addBindValue(e.target);
    ins.addBindValue(e.reason);
    ins.addBindValue(QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)));
    ins.addBindValue(e.prevHash);
    ins.addBindValue(e.hash);
    if (!ins.exec())
        return std::unexpected(Database::errorFrom(ins, QCoreApplication::translate("Audit", "Append to the audit log")));
    return e;
}

Result<AuditLog::Verification> AuditLog::verify()
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id")))
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Audit", "Read the audit log")));
    Verification v;
    QString prev = genesisHash();
    qint64 expectedId = 1;
    while (q.next()) {
        const AuditEntry e = readEntry(q);
        ++v.rows;
        QString problem;
        if (e.id != expectedId)
            problem = QCoreApplication::translate("Audit", "row %1 is missing (the next row is %2)").arg(expectedId).arg(e.id);
        else if (e.prevHash != prev)
            problem = QCoreApplication::translate("Audit", "row %1 does not follow the previous row's hash").arg(e.id);
        else if (hashOf(e) != e.hash)
            problem = QCoreApplication::translate("Audit", "row %1 was changed after it was written").arg(e.id);
        if (!problem.isEmpty()) {
            v.intact = false;
            v.firstBrokenId = e.id;
            v.problem = problem;
            return v;
        }
        prev = e.hash;
        expectedId = e.id + 1;
    }
    return v;
}

Result<QList<AuditEntry>> AuditLog::forTarget(const QString &target)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE target = ? ORDER BY id"));
    q.addBindValue(target);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("Audit", "Read the audit log")));
    QList<AuditEntry> out;
    while (q.next())
        out << readEntry(q);
    q.finish();
    return out;
}

} // namespace pay
