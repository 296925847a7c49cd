#pragma once

#include "scenario.h"

#include <QJsonObject>
#include <QMap>

#include <memory>

namespace pay {

// What a headless run reports (paydeskctl simulate, the tests, bench sim). Money in minor units.
struct SimulationReport
{
    QString scenario;
    quint64 seed = 0;
    qint64 orders = 0;          // accepted trades
    qint64 attempts = 0;        // accepted payment attempts (second QR attempts included)
    qint64 acceptRefused = 0;   // accept() said no (limits, routing)
    QMap<QString, qint64> ordersByState;
    qint64 charged = 0, refunded = 0, kept = 0;
    QMap<QString, qint64> refundsByReason; // succeeded refunds
    QMap<QString, qint64> breaksByCategory;
    qint64 reconAutoResolved = 0;
    qint64 steps = 0;
    qint64 cheapChecks = 0;     // per-step checks of the trades the step touched
    qint64 fullChecks = 0;      // InvariantChecker::checkAll runs
    qint64 invariantsChecked = 0;
    qint64 violations = 0;
    QStringList violationExamples;
    QString eventLogHash;       // SHA-256 hex over the events table in id order
    qint64 events = 0;
    QMap<QString, qint64> counters; // practice counters: breakerOpened, settledByQuery, ...
    qint64 crashes = 0;
    qint64 frozen = 0;
    qint64 virtualMs = 0;
    double machineSeconds = 0;

    bool ok() const { return violations == 0; }
    QJsonObject toJson() const;
    QString toText() const;
};

struct SimulationOptions
{
    std::optional<quint64> seed; // overrides the scenario's
    QString databasePath;        // empty: a temporary directory
    std::optional<qint64> maxOrders;
    std::optional<int> fullCheckEvery;
};

// Runs a scenario on a VirtualClock against a whole PaymentCore, as fast as the machine allows.
// One step is one scenario action (an arrival, a customer paying, an operator closing, a fault
// change, a crash) plus everything the clock ran up to it. After every step the auditor checks
// the trades the step touched (kept <= amount, refunds <= payments, flows add up, terminal
// states stay terminal); every fullCheckEvery steps and at the end it runs InvariantChecker::
// checkAll. After the run and its drain: every unfrozen order is terminal, nothing accepted was
// lost across crashes, and the event log is hashed.
class SimulationRunner
{
public:
    static Result<SimulationReport> run(const Scenario &scenario, const SimulationOptions &options = {});
};

// The same run, one scenario action at a time (the Simulator page drives it from a timer). Owns a
// temporary database that lives as long as the session. step() runs one action; when none is
// left it runs the end of the run (final audit, reconciliation, drain) and returns false.
class SimulationSession
{
public:
    SimulationSession(const Scenario &scenario, quint64 seed);
    ~SimulationSession();
    SimulationSession(const SimulationSession &) = delete;
    SimulationSession &operator=(const SimulationSession &) = delete;

    Result<void> start();
    bool step();
    bool finished() const;
    QString error() const;
    qint64 nowMs() const;       // virtual time since the run's start
    qint64 nextActionMs() const; // virtual time of the next action
    qint64 startEpochMs() const;
    // The session's own database file (in a temporary directory, never the shop's): read-only
    // readers such as OpsQueueReader may open it while the run goes on. Empty before start().
    QString databasePath() const;
    SimulationReport report();  // so far; the final report once finished()
    QStringList takeNarration(); // plain-words lines for events since the last call

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pay
