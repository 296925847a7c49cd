#pragma once

#include "database.h"

#include <QList>
#include <QString>

namespace pay {

// The invariants the core knows, checked against a database: what `paydeskctl db check`
// prints and what the simulation auditor runs after every step.
struct InvariantResult
{
    QString name;        // stable id, e.g. "ledger_balanced"
    QString description; // what was checked, in plain words
    bool ok = true;
    qint64 violations = 0;
    QStringList examples; // a few offending rows, for the report
};

class InvariantChecker
{
public:
    explicit InvariantChecker(Database &db) : m_db(db) {}
    // integrity_check plus every money and state invariant. Never modifies the database.
    QList<InvariantResult> checkAll(bool includeIntegrityCheck = true);
    static bool allHold(const QList<InvariantResult> &results);

private:
    InvariantResult integrity();
    InvariantResult rows(const QString &name, const QString &description, const QString &sql);
    InvariantResult terminalNeverRegresses();
    Database &m_db;
};

} // namespace pay
