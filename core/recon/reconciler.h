#pragma once

#include "reconbreak.h"
#include "statementreader.h"

#include <QJsonObject>
#include <QMap>
#include <optional>

namespace pay {

class Clock;
class Database;
class PaymentEngine;

struct ReconOptions
{
    QString channel;
    QDate day; // invalid: taken from the file
    std::optional<StatementWriter::Format> format; // empty: detected
    QString fileName; // recorded with the run
    qint64 cutoffMs = 15 * 60 * 1000; // "close to midnight"
    bool autoResolve = true;
    QString actor = QStringLiteral("recon");
};

struct ReconReport
{
    qint64 runId = 0;
    QString channel;
    StatementWriter::Format format = StatementWriter::Format::Canonical;
    QDate day;
    qint64 lines = 0; // good statement lines
    qint64 localRecords = 0;
    QList<QuarantinedLine> quarantined;
    QMap<QString, qint64> counts; // category name -> lines/records of that category in this run
    qint64 autoResolved = 0; // unknown flows settled from the statement
    qint64 open = 0; // breaks of this run left for operations
    qint64 held = 0; // cut-off breaks of this run waiting for a neighbouring day
    qint64 heldResolved = 0; // earlier HELD breaks this statement cleared
    qint64 heldReopened = 0; // earlier HELD breaks this statement should have cleared and did not
    double loadSeconds = 0; // local side into hash maps
    double readMatchSeconds = 0; // parse + join + leftovers (includes loadSeconds)
    double totalSeconds = 0; // everything, including writing the run and resolving

    QJsonObject toJson() const;
};

// Runs one statement reconciliation: reads the file (rejected whole on a structural error),
// joins it against the local flows of the channel and day, records the run, its breaks and its
// quarantined lines, re-checks earlier cut-off holds, and resolves automatically what is safe:
// a local flow still unknown that the statement shows paid (same amount) goes through
// PaymentEngine::settleFromStatement. Everything else stays OPEN for operations.
//
// Re-importing the same channel and day supersedes the earlier run: its unresolved breaks are
// resolved as SUPERSEDED and the new run's breaks stand.
class Reconciler
{
public:
    // engine may be null: nothing is settled then (candidates stay OPEN as STATUS_MISMATCH).
    Reconciler(Database &db, Clock *clock = nullptr, PaymentEngine *engine = nullptr);

    Result<ReconReport> reconcile(const QByteArray &statement, const ReconOptions &options);
    Result<ReconReport> reconcileFile(const QString &path, ReconOptions options);

    // The statement day a file declares (canonical header, Alipay 起始日期, or the first WeChat row).
    static QDate peekDay(const QByteArray &statement, StatementWriter::Format format);

private:
    qint64 now() const;
    Database &m_db;
    Clock *m_clock;
    PaymentEngine *m_engine;
};

} // namespace pay
