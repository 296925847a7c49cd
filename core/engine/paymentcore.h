#pragma once

#include "../channel/channelgateway.h"
#include "paymentengine.h"

#include <QHostAddress>

#include <memory>

class QLockFile;

namespace pay {

class CacheWriter;
class CallbackIngress;
class StatusCache;
class StatusEndpoint;
class ChannelBooks;
class PairwiseChecker;
class QrChannel;
class SimulatedChannel;

// The engine's view of the gateway: channel operations by name, plus the routing check that
// runs before anything is sent (amount limits, maintenance windows, kill switch, breaker).
class GatewayChannelAccess : public ChannelAccess
{
public:
    explicit GatewayChannelAccess(ChannelGateway &gateway, Clock &clock) : m_gateway(gateway), m_clock(clock) {}

    bool knows(const QString &channel) const override;
    bool isExternal(const QString &channel) const override;
    bool isQr(const QString &channel) const override;
    bool admits(const QString &channel, const Money &amount, QString *reason) const override;
    void prepay(const QString &c, const PayRequest &r, Channel::PrepayHandler h) override;
    void pay(const QString &c, const PayRequest &r, Channel::ResultHandler h) override;
    void query(const QString &c, const QString &no, Channel::ResultHandler h) override;
    void close(const QString &c, const QString &no, Channel::ResultHandler h) override;
    void refund(const QString &c, const RefundRequest &r, Channel::ResultHandler h) override;
    void queryRefund(const QString &c, const QString &no, Channel::ResultHandler h) override;

private:
    ChannelGateway &m_gateway;
    Clock &m_clock;
};

// Everything the payment core is made of, wired together on one thread: the database, the
// simulated channels with their own books, the gateway, the callback ingress and the engine.
// Used by the GUI's core thread, `paydeskctl`, the demo seeder and the tests.
class PaymentCore
{
public:
    struct Options
    {
        QString databasePath;
        Clock *clock = nullptr; // nullptr: a RealClock owned by the core
        EngineConfig engine;
        Database::Options database;
        bool seedChannelBooks = true; // demo members and vouchers when the books are new
        // The HMAC secrets of the QR channels' callbacks (channel -> secret), as configured with
        // each channel. A channel without one uses the secret kept in the database, which a new
        // database draws at random. Never a secret from the source code.
        QHash<QString, QByteArray> callbackSecrets;
        // The status cache endpoint (seed practice 2). The cache and its writer always run;
        // the HTTP endpoint starts in open() only when enabled. An empty token is generated.
        struct
        {
            bool enabled = false;
            QHostAddress bind = QHostAddress::LocalHost;
            quint16 port = 0; // 0: any free port
            QString token;
        } endpoint;
        // Real-time pairwise reconciliation (trade/payment/ledger/channel) after every terminal
        // event and in a periodic sweep on the clock. Off by default: the checks query the
        // channels, which a seeded simulation must opt into.
        struct
        {
            bool enabled = false;
            qint64 sweepIntervalMs = 5 * 60 * 1000;
        } pairwise;
        // Group commit on a virtual clock (load runs: benchmarks, simulations): the tasks due
        // at one virtual instant share one commit of the core database and one of the channel
        // books; channel requests, cache updates and signals wait for that commit (see
        // Database::beginGroup). Off: every transition commits on its own.
        bool groupCommit = false;
        // With groupCommit: an instant whose work nobody outside waits for (no channel request
        // and no acknowledged callback in it) does not commit the core on its own; it rides
        // with the next instant that must commit, or the next explicit commitGroup(), at most
        // this many instants later. 0 commits every instant. The channel books still commit
        // every instant (they are the other party's). A crash drops carried work, as it drops
        // any uncommitted work; compensation recovers it from what was durable.
        int carryInstants = 0;
    };

    static Result<std::unique_ptr<PaymentCore>> open(const Options &options);
    // A core holds <database>.lock while it runs: a second core, or a restore, is refused then.
    static QString lockPathFor(const QString &databasePath);
    // A backup of a database and its channel books as one set: the core first, then the books
    // (so the books are never older than the core that refers to them). Safe while a core runs.
    // Writes OUT and OUT.channels.sqlite.
    static Result<void> backup(const QString &databasePath, const QString &outPath);
    // Puts a backup set in place of a database that no core holds, and moves the numbering to a
    // new epoch (payment numbers of the older copy are never handed out again).
    static Result<qint64> restore(const QString &backupPath, const QString &databasePath);
    ~PaymentCore();

    Database &database() { return *m_db; }
    Clock &clock() { return *m_clock; }
    ChannelBooks &books() { return *m_books; }
    ChannelGateway &gateway() { return *m_gateway; }
    CallbackIngress &ingress() { return *m_ingress; }
    PaymentEngine &engine() { return *m_engine; }
    SimulatedChannel *channel(const QString &name) const;
    QrChannel *qrChannel(const QString &name) const;
    QStringList channelNames() const;

    // The status cache, written after each committed transition, warmed at open().
    StatusCache &cache() { return *m_cache; }
    CacheWriter &cacheWriter() { return *m_cacheWriter; }
    // The bound port of the status endpoint, 0 when it is disabled.
    quint16 endpointPort() const;
    QString endpointToken() const;
    StatusEndpoint *endpoint() const { return m_endpoint.get(); }
    // The pairwise checker when Options::pairwise.enabled, else nullptr.
    PairwiseChecker *pairwise() const { return m_pairwise.get(); }

    // Opens a commit group over the core database and the channel books (nests: only the
    // outermost begin/commit pair opens and commits). Commit order: the channel books first,
    // then the core, so the core never records a channel result the channel's books lost; the
    // core's after-commit actions (channel requests, signals) run last. A group still open when
    // the core is destroyed is rolled back, as a crash would. commitGroup() always commits,
    // including work carried from earlier instants (Options::carryInstants).
    Result<void> beginGroup();
    Result<void> commitGroup();
    void rollbackGroup();

private:
    PaymentCore() = default;
    std::unique_ptr<Clock> m_ownedClock;
    Clock *m_clock = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChannelBooks> m_books;
    std::unique_ptr<ChannelGateway> m_gateway;
    std::unique_ptr<CallbackIngress> m_ingress;
    QList<SimulatedChannel *> m_channels; // owned, deleted after the gateway
    std::unique_ptr<GatewayChannelAccess> m_access;
    std::unique_ptr<PaymentEngine> m_engine;
    std::unique_ptr<StatusCache> m_cache;
    std::unique_ptr<CacheWriter> m_cacheWriter;
    std::unique_ptr<StatusEndpoint> m_endpoint;
    std::unique_ptr<PairwiseChecker> m_pairwise;
    Result<void> commitGroupOnly(bool mayCarry = false); // without rebuilding the status cache
    int m_groupDepth = 0;
    int m_carryLimit = 0;
    int m_carried = 0;
    bool m_groupingClock = false;
};

} // namespace pay
