#include "paymentcore.h"

#include "../cache/cachewriter.h"
#include "../cache/statuscache.h"
#include "../cache/statusendpoint.h"
#include "../recon/pairwisechecker.h"

#include "../channel/callbackingress.h"
#include "../channel/cardchannel.h"
#include "../channel/channelbooks.h"
#include "../channel/couponchannel.h"
#include "../channel/qrchannel.h"
#include "../store/repositories.h"
#include "../store/safekeeping.h"

#include <QLockFile>
#include "../channel/walletchannel.h"
#include "../sim/clock.h"

#include <QFileInfo>
#include <QRandomGenerator>

namespace pay {

namespace {

QString methodOf(const Channel *c)
{
    switch (c->kind()) {
    case Channel::Kind::Coupon: return QStringLiteral("coupon");
    case Channel::Kind::Wallet: return QStringLiteral("wallet");
    case Channel::Kind::Card: return QStringLiteral("card");
    case Channel::Kind::Qr: return QStringLiteral("qr");
    }
    return {};
}

} // namespace

bool GatewayChannelAccess::knows(const QString &channel) const
{
    return m_gateway.channel(channel) != nullptr;
}

bool GatewayChannelAccess::isExternal(const QString &channel) const
{
    const Channel *c = m_gateway.channel(channel);
    return c && c->isExternal();
}

bool GatewayChannelAccess::isQr(const QString &channel) const
{
    const Channel *c = m_gateway.channel(channel);
    return c && c->kind() == Channel::Kind::Qr;
}

bool GatewayChannelAccess::admits(const QString &channel, const Money &amount, QString *reason) const
{
    const Channel *c = m_gateway.channel(channel);
    if (!c) {
        *reason = QStringLiteral("UNKNOWN_CHANNEL");
        return false;
    }
    const RouteDecision d = m_gateway.route(methodOf(c), amount, m_clock.nowMs());
    for (const RouteCandidate &candidate : d.candidates) {
        if (candidate.channel == channel) {
            if (!candidate.eligible)
                *reason = candidate.exclusion + QStringLiteral(": ") + d.reason;
            return candidate.eligible;
        }
    }
    *reason = QStringLiteral("NO_RULE: ") + d.reason;
    return false;
}

void GatewayChannelAccess::prepay(const QString &c, const PayRequest &r, Channel::PrepayHandler h)
{
    m_gateway.prepay(c, r, std::move(h));
}
void GatewayChannelAccess::pay(const QString &c, const PayRequest &r, Channel::ResultHandler h)
{
    m_gateway.pay(c, r, std::move(h));
}
void GatewayChannelAccess::query(const QString &c, const QString &no, Channel::ResultHandler h)
{
    m_gateway.query(c, no, std::move(h));
}
void GatewayChannelAccess::close(const QString &c, const QString &no, Channel::ResultHandler h)
{
    m_gateway.close(c, no, std::move(h));
}
void GatewayChannelAccess::refund(const QString &c, const RefundRequest &r, Channel::ResultHandler h)
{
    m_gateway.refund(c, r, std::move(h));
}
void GatewayChannelAccess::queryRefund(const QString &c, const QString &no, Channel::ResultHandler h)
{
    m_gateway.queryRefund(c, no, std::move(h));
}

Result<std::unique_ptr<PaymentCore>> PaymentCore::open(const Options &options)
{
    std::unique_ptr<PaymentCore> core(new PaymentCore);
    if (options.clock) {
        core->m_clock = options.clock;
    } else {
        core->m_ownedClock = std::make_unique<RealClock>();
        core->m_clock = core->m_ownedClock.get();
    }
    core->m_lock = std::make_unique<QLockFile>(lockPathFor(options.databasePath));
    core->m_lock->setStaleLockTime(0); // only a dead owner's lock is stale
    if (!core->m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        core->m_lock->getLockInfo(&pid, &host, &app);
        return fail(ErrorCode::Locked, QCoreApplication::translate("PaymentCore", "%1 is in use by another PayDesk (process %2 on %3)")
                                           .arg(options.databasePath).arg(pid).arg(host));
    }
    auto db = Database::open(options.databasePath, options.database);
    if (!db)
        return std::unexpected(db.error());
    core->m_db = std::move(*db);
    const QString booksPath = ChannelBooks::pathForCoreDatabase(options.databasePath);
    const bool newBooks = !QFileInfo::exists(booksPath);
    auto books = ChannelBooks::open(booksPath, false, options.database.exclusive,
                                    options.database.backgroundCheckpoints);
    if (!books)
        return std::unexpected(books.error());
    core->m_books = std::move(*books);
    if (newBooks && options.seedChannelBooks) {
        if (auto r = seedDemoBooks(*core->m_books, core->m_clock->nowMs()); !r)
            return std::unexpected(r.error());
    }
    Clock *clock = core->m_clock;
    ChannelBooks *b = core->m_books.get();
    core->m_gateway = std::make_unique<ChannelGateway>(clock);
    core->m_gateway->router().setRules(ChannelRouter::defaultRules());
    core->m_ingress = std::make_unique<CallbackIngress>(clock);
    core->m_channels = {new CouponChannel(clock, b), new WalletChannel(clock, b), new CardChannel(clock, b),
                        new QrChannel(QrChannel::Dialect::A, clock, b), new QrChannel(QrChannel::Dialect::B, clock, b)};
    for (SimulatedChannel *c : core->m_channels) {
        if (auto r = core->m_gateway->addChannel(c); !r)
            return std::unexpected(r.error());
        if (auto *qr = qobject_cast<QrChannel *>(c)) {
            QByteArray secret = options.callbackSecrets.value(qr->name());
            auto stored = ChannelSecretStore(*core->m_db).secretFor(qr->name(), secret);
            if (!stored)
                return std::unexpected(stored.error());
            qr->setSecret(*stored); // the simulated channel is configured with the same key
            connectToIngress(qr, core->m_ingress.get());
        }
    }
    core->m_access = std::make_unique<GatewayChannelAccess>(*core->m_gateway, *clock);
    core->m_engine = std::make_unique<PaymentEngine>(*core->m_db, *clock, *core->m_access, options.engine);
    PaymentEngine *engine = core->m_engine.get();
    core->m_ingress->setFlowValidator([engine](const ChannelNotification &n) { return engine->validateNotification(n); });
    core->m_ingress->setProcessor([engine](const ChannelNotification &n) { return engine->handleNotification(n); });
    // The status cache: the writer follows committed transitions from here on; warm it with
    // the open and recent trades before the engine resumes anything.
    core->m_cache = std::make_unique<StatusCache>();
    core->m_cacheWriter = std::make_unique<CacheWriter>(*core->m_cache, *engine, *clock);
    if (auto r = core->m_cacheWriter->warm(); !r)
        return std::unexpected(r.error());
    if (options.pairwise.enabled) {
        core->m_pairwise = std::make_unique<PairwiseChecker>(*core->m_db, *clock, core->m_gateway.get());
        core->m_pairwise->attach(*engine);
        if (options.pairwise.sweepIntervalMs > 0)
            core->m_pairwise->startSweep(options.pairwise.sweepIntervalMs);
    }
    if (options.groupCommit && clock->isVirtual()) {
        auto *virtualClock = static_cast<VirtualClock *>(clock);
        PaymentCore *self = core.get();
        virtualClock->setGrouping([self] { (void)self->beginGroup(); },
                                  [self, virtualClock] {
                                      if (auto r = self->commitGroupOnly(true); !r)
                                          qWarning("paydesk: group commit failed: %s", qPrintable(r.error().message));
                                      // The instant is over when nothing more falls due now (and
                                      // no outer group holds uncommitted work).
                                      if (self->m_groupDepth == 0 && !self->m_db->carrying()
                                          && (virtualClock->pendingCount() == 0
                                              || virtualClock->nextDueMs() > virtualClock->nowMs()))
                                          self->m_cacheWriter->flushPending();
                                  });
        core->m_cacheWriter->setDeferred(true);
        core->m_groupingClock = true;
        core->m_carryLimit = qMax(0, options.carryInstants);
    }
    if (auto r = engine->start(); !r)
        return std::unexpected(r.error());
    if (options.endpoint.enabled) {
        StatusEndpoint::Options eo;
        eo.bind = options.endpoint.bind;
        eo.port = options.endpoint.port;
        eo.token = options.endpoint.token;
        if (eo.token.isEmpty()) {
            quint32 words[6];
            QRandomGenerator::system()->fillRange(words);
            eo.token = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
        }
        core->m_endpoint = std::make_unique<StatusEndpoint>(*core->m_cache, *core->m_ingress, eo);
        if (auto r = core->m_endpoint->listen(); !r)
            return std::unexpected(r.error());
    }
    return core;
}

Result<void> PaymentCore::beginGroup()
{
    if (m_groupDepth++ > 0)
        return {};
    if (auto r = m_books->beginGroup(); !r) {
        m_groupDepth = 0;
        return r;
    }
    if (auto r = m_db->beginGroup(); !r) {
        m_books->rollbackGroup();
        m_groupDepth = 0;
        return r;
    }
    return {};
}

Result<void> PaymentCore::commitGroup()
{
    auto r = commitGroupOnly();
    if (m_groupDepth == 0)
        m_cacheWriter->flushPending();
    return r;
}

Result<void> PaymentCore::commitGroupOnly(bool mayCarry)
{
    if (m_groupDepth == 0 || --m_groupDepth > 0)
        return {};
    if (auto r = m_books->commitGroup(); !r) {
        m_db->rollbackGroup();
        m_carried = 0;
        return r;
    }
    if (mayCarry && m_carried < m_carryLimit && !m_db->commitRequired() && !m_db->groupPoisoned()) {
        ++m_carried;
        m_db->carryGroup();
        return {};
    }
    m_carried = 0;
    return m_db->commitGroup();
}

void PaymentCore::rollbackGroup()
{
    m_groupDepth = 0;
    m_carried = 0;
    m_db->rollbackGroup();
    m_books->rollbackGroup();
}

PaymentCore::~PaymentCore()
{
    if (m_groupingClock)
        static_cast<VirtualClock *>(m_clock)->setGrouping({}, {});
    if (m_db && m_books)
        rollbackGroup();
    // The engine goes first (it holds handlers into the gateway), then the ingress the channels
    // deliver to, then the gateway, the channels and the books. Before all of them the status
    // endpoint (it calls the ingress) and the cache writer (it listens to the engine).
    m_endpoint.reset();
    m_pairwise.reset();
    m_cacheWriter.reset();
    m_engine.reset();
    m_access.reset();
    m_ingress.reset();
    m_gateway.reset();
    qDeleteAll(m_channels);
    m_channels.clear();
    m_books.reset();
    m_db.reset();
    m_cache.reset();
}

SimulatedChannel *PaymentCore::channel(const QString &name) const
{
    for (SimulatedChannel *c : m_channels) {
        if (c->name() == name)
            return c;
    }
    return nullptr;
}

quint16 PaymentCore::endpointPort() const
{
    return m_endpoint ? m_endpoint->port() : 0;
}

QString PaymentCore::endpointToken() const
{
    return m_endpoint ? m_endpoint->options().token : QString();
}

QrChannel *PaymentCore::qrChannel(const QString &name) const
{
    return qobject_cast<QrChannel *>(channel(name));
}

QStringList PaymentCore::channelNames() const
{
    QStringList names;
    for (SimulatedChannel *c : m_channels)
        names << c->name();
    return names;
}

QString PaymentCore::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

Result<void> PaymentCore::backup(const QString &databasePath, const QString &outPath)
{
    if (QFileInfo(outPath).absoluteFilePath() == QFileInfo(databasePath).absoluteFilePath())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("PaymentCore", "The backup cannot replace the database itself"));
    if (auto r = backupDatabaseFile(databasePath, outPath); !r)
        return r;
    const QString books = ChannelBooks::pathForCoreDatabase(databasePath);
    if (QFileInfo::exists(books))
        return backupDatabaseFile(books, ChannelBooks::pathForCoreDatabase(outPath));
    return {};
}

Result<qint64> PaymentCore::restore(const QString &backupPath, const QString &databasePath)
{
    if (!QFileInfo::exists(backupPath))
        return fail(ErrorCode::NotFound, QCoreApplication::translate("PaymentCore", "Backup %1 does not exist").arg(backupPath));
    QLockFile lock(lockPathFor(databasePath));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock.getLockInfo(&pid, &host, &app);
        return fail(ErrorCode::Locked, QCoreApplication::translate("PaymentCore", "%1 is open in a running PayDesk (process %2); close it before restoring")
                                           .arg(databasePath).arg(pid));
    }
    // The epoch the database has reached so far (its own, or the backup's if it is gone).
    qint64 epoch = 0;
    for (const QString &path : {databasePath, backupPath}) {
        if (!QFileInfo::exists(path))
            continue;
        auto db = Database::open(path, Database::Options{Database::Mode::ReadOnly});
        if (!db)
            continue;
        if (auto e = MetaStore(**db).numberingEpoch(); e)
            epoch = qMax(epoch, *e);
    }
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(databasePath + suffix);
        QFile::remove(ChannelBooks::pathForCoreDatabase(databasePath) + suffix);
    }
    if (auto r = backupDatabaseFile(backupPath, databasePath); !r)
        return std::unexpected(r.error());
    const QString books = ChannelBooks::pathForCoreDatabase(backupPath);
    if (QFileInfo::exists(books)) {
        if (auto r = backupDatabaseFile(books, ChannelBooks::pathForCoreDatabase(databasePath)); !r)
            return std::unexpected(r.error());
    }
    auto db = Database::open(databasePath);
    if (!db)
        return std::unexpected(db.error());
    if (auto r = MetaStore(**db).setNumberingEpoch(epoch + 1); !r)
        return std::unexpected(r.error());
    return epoch + 1;
}

} // namespace pay
