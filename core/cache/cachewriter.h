#pragma once

#include "../error.h"

#include <QByteArray>
#include <QObject>

namespace pay {

class Clock;
class Database;
class PaymentEngine;
class StatusCache;

// Writes the status cache. Lives on the core thread (it reads the core's connection);
// connected to PaymentEngine::tradeChanged, which the engine emits only after a transition
// committed, it rebuilds that trade's snapshot from the database and puts it (the cache bumps
// the version only if the snapshot changed). warm() loads open trades (CREATED, PAYING) and
// the trades updated in the last 24 h at start.
//
// Snapshot (compact UTF-8 JSON; the cache adds "version"):
//   {"out_trade_no","status","amount","currency","paid","refunded","frozen","freeze_reason",
//    "updated_at", "payments":[{"payment_no","status","fail_reason"}],
//    "flows":[{"flow_no","payment_no","seq","channel","method","amount","status",
//              "channel_txn_no","qr_content","qr_expires_at","fail_code","fail_reason",
//              "recon_pending"}],
//    "refunds":[{"refund_no","amount","status","reason"}]}
// Amounts are minor units, times are ms since the epoch (qr_expires_at 0 when there is no QR
// code), "updated_at" is the latest update of the trade or any of its payments, flows and
// refunds.
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    CacheWriter(StatusCache &cache, PaymentEngine &engine, Clock &clock, QObject *parent = nullptr);

    struct WarmOptions
    {
        qint64 recentMs = 24LL * 3600 * 1000; // terminal trades updated this recently
        int limit = 20'000;                    // at most this many trades, most recent first
    };
    // Loads open and recent trades; returns how many snapshots were put.
    Result<int> warm(const WarmOptions &options);
    Result<int> warm() { return warm(WarmOptions{}); }

    // Rebuilds one trade's snapshot from the database and puts it.
    Result<void> refresh(qint64 tradeId);
    Result<void> refresh(const QString &outTradeNo);

    // The snapshot of a trade as the database has it (without "version").
    static Result<QByteArray> snapshot(Database &db, qint64 tradeId, QString *outTradeNo = nullptr);

    quint64 rebuilds() const { return m_rebuilds; }
    // Commit groups on a virtual clock: trades announced by committed groups are rebuilt when
    // flushPending() is called (once the virtual instant has no more work: nothing outside can
    // poll in between), not after each group.
    void setDeferred(bool deferred) { m_deferred = deferred; }
    void flushPending();
    quint64 failures() const { return m_failures; }

private:
    void onTradeChanged(const QString &outTradeNo, qint64 tradeId);

    StatusCache &m_cache;
    PaymentEngine &m_engine;
    Clock &m_clock;
    QList<qint64> m_pending;
    bool m_deferred = false; // trades announced by a commit group, rebuilt after its actions
    quint64 m_rebuilds = 0;
    quint64 m_failures = 0;
};

} // namespace pay
