#pragma once

#include "reconbreak.h"

#include <QObject>
#include <QSet>
#include <functional>

namespace pay {

class ChannelGateway;
class Clock;
class Database;
class PaymentEngine;

// Real-time pairwise reconciliation (seed practice 12): compares the domains two by two for one
// trade and writes every disagreement as a break (run_id NULL, state OPEN, one unresolved break
// per category and flow):
//   trade <-> payment  TRADE_PAYMENT_MISMATCH  a paid trade without a succeeded attempt of its
//                      amount; a succeeded attempt whose succeeded flows do not sum to it; a
//                      paid amount that is not the order amount; a closed order that keeps money
//                      with no refund in flight
//   payment <-> ledger LEDGER_MISMATCH         a succeeded flow without its PAY- posting of the
//                      flow's amount; a failed/closed flow with one; postings of the trade that
//                      do not sum to zero
//   payment <-> channel CHANNEL_STATUS_MISMATCH / CHANNEL_AMOUNT_MISMATCH  the channel's own
//                      record (a query through the gateway, asynchronous) disagrees with a
//                      terminal flow; a query that gets no answer proves nothing and is skipped
// It only reads and records: it never moves money or changes a state.
class PairwiseChecker : public QObject
{
    Q_OBJECT
public:
    // gateway may be null: the payment <-> channel check is skipped then.
    PairwiseChecker(Database &db, Clock &clock, ChannelGateway *gateway, QObject *parent = nullptr);

    // trade <-> payment and payment <-> ledger for one trade, now. Returns the breaks written.
    Result<QList<ReconBreak>> checkTrade(qint64 tradeId);
    // payment <-> channel for every terminal flow of the trade; done(breaks written) runs when
    // every channel answered.
    void checkChannel(qint64 tradeId, std::function<void(int)> done = {});

    // Runs both checks after every terminal trade event of the engine (deferred to the next
    // clock tick, so the engine finishes what it started, e.g. a closed-but-paid refund).
    void attach(PaymentEngine &engine);
    // A sweep every intervalMs on the clock over the settled trades changed since the last one.
    void startSweep(qint64 intervalMs);
    void stopSweep();
    // One sweep now; returns how many trades were checked.
    Result<int> sweep();

signals:
    void breakRecorded(qint64 breakId, const QString &category, const QString &flowNo);

private:
    Result<bool> record(ReconBreak b);
    void scheduleCheck(qint64 tradeId);
    void armSweep();

    Database &m_db;
    Clock &m_clock;
    ChannelGateway *m_gateway;
    QSet<qint64> m_pending;
    qint64 m_sweepInterval = 0;
    qint64 m_sweepWatermark = 0;
    quint64 m_sweepTimer = 0;
    int m_sweepChannelBudget = 200; // channel queries per sweep
};

} // namespace pay
