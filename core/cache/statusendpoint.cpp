#include "statusendpoint.h"

#include "../channel/callbackingress.h"
#include "statuscache.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

using Status = QHttpServerResponder::StatusCode;

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kContentType = QByteArrayLiteral("Content-Type");
const QByteArray kETag = QByteArrayLiteral("ETag");
const QByteArray kCacheControl = QByteArrayLiteral("Cache-Control");
const QByteArray kNoStore = QByteArrayLiteral("no-store");

// "<epoch>-<version>": the cache numbers versions from 1 in every process, so a tag of an
// earlier run must never match a version of this one (a 304 would hide a different body).
QByteArray etagFor(const QByteArray &epoch, qint64 version)
{
    QByteArray e;
    e.reserve(epoch.size() + 24);
    e.append('"');
    e.append(epoch);
    e.append('-');
    e.append(QByteArray::number(version));
    e.append('"');
    return e;
}

// Case-insensitive header look-up (HTTP header names are case-insensitive).
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &lowerName)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.size() == lowerName.size() && h.first.compare(lowerName, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// If-None-Match: "E-7", W/"E-7", E-7, or a comma-separated list, E being this process's epoch.
// Returns the versions listed with this epoch (others never match); any of them matching the
// current version means "not modified".
QList<qint64> parseIfNoneMatch(const QByteArray &value, const QByteArray &epoch, bool *present)
{
    QList<qint64> versions;
    *present = !value.trimmed().isEmpty();
    for (QByteArray tag : value.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag.size() >= 2 && tag.startsWith('"') && tag.endsWith('"'))
            tag = tag.mid(1, tag.size() - 2);
        if (!tag.startsWith(epoch) || tag.size() <= epoch.size() + 1 || tag.at(epoch.size()) != '-')
            continue; // another run's tag (or none of ours)
        tag = tag.mid(epoch.size() + 1);
        bool ok = false;
        const qint64 v = tag.toLongLong(&ok);
        if (ok && v >= 0)
            versions.append(v);
    }
    return versions;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

} // namespace

struct StatusEndpoint::Waiter
{
    explicit Waiter(QHttpServerResponder &&r) : responder(std::move(r)) {}
    QString outTradeNo;
    qint64 sinceVersion = 0;
    bool conditional = false; // the client sent If-None-Match: a timeout answers 304
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    std::unique_ptr<QTimer> timer;
    QMetaObject::Connection disconnected;
    bool done = false;
};

StatusEndpoint::StatusEndpoint(StatusCache &cache, CallbackIngress &ingress, Options options, QObject *parent)
    : QObject(parent), m_cache(cache), m_ingress(ingress), m_options(std::move(options))
{
    m_expectedAuth = QByteArrayLiteral("Bearer ") + m_options.token.toUtf8();
    m_epoch = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    // Every request goes through one dispatcher (the "missing" handler of a router without
    // rules): Qt 6.4's method-filtered rules answer 404 with an empty body for a wrong method;
    // here every unknown path, wrong method and bad request gets its JSON error.
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    connect(&m_cache, &StatusCache::versionChanged, this, &StatusEndpoint::onVersionChanged);
}

StatusEndpoint::~StatusEndpoint()
{
    // Pending long-polls die with the server: their responders are dropped unanswered (the
    // sockets close with the server).
    for (auto &list : m_waiters) {
        for (auto &w : list) {
            w->done = true;
            QObject::disconnect(w->disconnected);
            w->timer.reset();
        }
    }
    m_waiters.clear();
}

Result<quint16> StatusEndpoint::listen()
{
    if (m_options.token.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("StatusEndpoint", "The status endpoint needs a bearer token"));
    const quint16 port = m_server.listen(m_options.bind, m_options.port);
    if (port == 0)
        return fail(ErrorCode::Io, QCoreApplication::translate("StatusEndpoint", "Cannot listen on %1 port %2")
                                       .arg(m_options.bind.toString())
                                       .arg(m_options.port));
    m_port = port;
    return port;
}

StatusEndpoint::Metrics StatusEndpoint::metrics() const
{
    Metrics m;
    m.pollsServed = m_counters.pollsServed.load(std::memory_order_relaxed);
    m.pollsNotModified = m_counters.pollsNotModified.load(std::memory_order_relaxed);
    m.longPollsWaiting = m_counters.longPollsWaiting.load(std::memory_order_relaxed);
    m.pollsTouchingDatabase = m_counters.pollsTouchingDatabase.load(std::memory_order_relaxed);
    m.pollsTouchingChannel = m_counters.pollsTouchingChannel.load(std::memory_order_relaxed);
    m.notificationsAccepted = m_counters.notificationsAccepted.load(std::memory_order_relaxed);
    m.notificationsDuplicate = m_counters.notificationsDuplicate.load(std::memory_order_relaxed);
    m.notificationsRejected = m_counters.notificationsRejected.load(std::memory_order_relaxed);
    m.unauthorized = m_counters.unauthorized.load(std::memory_order_relaxed);
    m.badRequests = m_counters.badRequests.load(std::memory_order_relaxed);
    m.unknownOrders = m_counters.unknownOrders.load(std::memory_order_relaxed);
    return m;
}

QJsonObject StatusEndpoint::metricsJson() const
{
    const Metrics m = metrics();
    return QJsonObject{{u"polls_served"_s, qint64(m.pollsServed)},
                       {u"polls_not_modified"_s, qint64(m.pollsNotModified)},
                       {u"long_polls_waiting"_s, qint64(m.longPollsWaiting)},
                       {u"polls_touching_database"_s, qint64(m.pollsTouchingDatabase)},
                       {u"polls_touching_channel"_s, qint64(m.pollsTouchingChannel)},
                       {u"notifications_accepted"_s, qint64(m.notificationsAccepted)},
                       {u"notifications_duplicate"_s, qint64(m.notificationsDuplicate)},
                       {u"notifications_rejected"_s, qint64(m.notificationsRejected)},
                       {u"unauthorized"_s, qint64(m.unauthorized)},
                       {u"bad_requests"_s, qint64(m.badRequests)},
                       {u"unknown_orders"_s, qint64(m.unknownOrders)},
                       {u"cached_trades"_s, qint64(m_cache.size())}};
}

bool StatusEndpoint::authorized(const QHttpServerRequest &request) const
{
    return constantTimeEquals(headerValue(request, QByteArrayLiteral("authorization")).trimmed(), m_expectedAuth);
}

void StatusEndpoint::sendError(QHttpServerResponder &responder, int status, const QString &code,
                               const QString &message, const QByteArray &allow)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"error"_s, code}, {u"message"_s, message}})
                                .toJson(QJsonDocument::Compact);
    if (allow.isEmpty())
        responder.write(body, {{kContentType, kJson}, {kCacheControl, kNoStore}}, Status(status));
    else
        responder.write(body, {{kContentType, kJson}, {kCacheControl, kNoStore}, {QByteArrayLiteral("Allow"), allow}},
                        Status(status));
}

void StatusEndpoint::sendSnapshot(QHttpServerResponder &responder, const QByteArray &body, qint64 version)
{
    responder.write(body, {{kContentType, kJson}, {kETag, etagFor(m_epoch, version)}, {kCacheControl, kNoStore}}, Status::Ok);
    m_counters.pollsServed.fetch_add(1, std::memory_order_relaxed);
}

void StatusEndpoint::sendNotModified(QHttpServerResponder &responder, qint64 version)
{
    responder.write({{kETag, etagFor(m_epoch, version)}, {kCacheControl, kNoStore}}, Status::NotModified);
    m_counters.pollsServed.fetch_add(1, std::memory_order_relaxed);
    m_counters.pollsNotModified.fetch_add(1, std::memory_order_relaxed);
}

void StatusEndpoint::settle(const probe::Scope &scope)
{
    if (scope.counters().database > 0)
        m_counters.pollsTouchingDatabase.fetch_add(1, std::memory_order_relaxed);
    if (scope.counters().channel > 0)
        m_counters.pollsTouchingChannel.fetch_add(1, std::memory_order_relaxed);
}

void StatusEndpoint::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    // Segments of the still-encoded path; each captured segment is percent-decoded on its own
    // so an encoded '/' stays inside its segment.
    const QString path = request.url().path(QUrl::FullyEncoded);
    const QStringView p(path);
    static const QString kTrades = u"/api/v1/trades/"_s;
    static const QString kStatus = u"/status"_s;
    static const QString kChannels = u"/api/v1/channels/"_s;
    static const QString kNotify = u"/notify"_s;
    const auto capture = [&p](qsizetype prefix, qsizetype suffix) -> QString {
        const QStringView mid = p.sliced(prefix, p.size() - prefix - suffix);
        if (mid.isEmpty() || mid.contains(u'/'))
            return {};
        return QUrl::fromPercentEncoding(mid.toUtf8());
    };
    const QHttpServerRequest::Method method = request.method();
    if (p.startsWith(kTrades) && p.endsWith(kStatus) && p.size() > kTrades.size() + kStatus.size()) {
        const QString no = capture(kTrades.size(), kStatus.size());
        if (!no.isEmpty()) {
            if (method != QHttpServerRequest::Method::Get) {
                m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
                return sendError(responder, 405, u"method_not_allowed"_s,
                                 QCoreApplication::translate("StatusEndpoint", "%1 is not allowed here; use GET")
                                     .arg(QString::fromLatin1(methodName(method))),
                                 QByteArrayLiteral("GET"));
            }
            return handleStatus(no, request, std::move(responder));
        }
    } else if (p.startsWith(kChannels) && p.endsWith(kNotify) && p.size() > kChannels.size() + kNotify.size()) {
        const QString channel = capture(kChannels.size(), kNotify.size());
        if (!channel.isEmpty()) {
            if (method != QHttpServerRequest::Method::Post) {
                m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
                return sendError(responder, 405, u"method_not_allowed"_s,
                                 QCoreApplication::translate("StatusEndpoint", "%1 is not allowed here; use POST")
                                     .arg(QString::fromLatin1(methodName(method))),
                                 QByteArrayLiteral("POST"));
            }
            return handleNotify(channel, request, std::move(responder));
        }
    } else if (p == u"/metrics"_s) {
        if (method != QHttpServerRequest::Method::Get) {
            m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
            return sendError(responder, 405, u"method_not_allowed"_s,
                             QCoreApplication::translate("StatusEndpoint", "%1 is not allowed here; use GET")
                                 .arg(QString::fromLatin1(methodName(method))),
                             QByteArrayLiteral("GET"));
        }
        return handleMetrics(request, std::move(responder));
    }
    m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
    sendError(responder, 404, u"not_found"_s,
              QCoreApplication::translate("StatusEndpoint", "No such resource: %1").arg(path.left(200)));
}

void StatusEndpoint::handleMetrics(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!authorized(request)) {
        m_counters.unauthorized.fetch_add(1, std::memory_order_relaxed);
        return sendError(responder, 401, u"unauthorized"_s,
                         QCoreApplication::translate("StatusEndpoint", "A valid bearer token is required"));
    }
    responder.write(QJsonDocument(metricsJson()).toJson(QJsonDocument::Compact),
                    {{kContentType, kJson}, {kCacheControl, kNoStore}}, Status::Ok);
}

void StatusEndpoint::handleStatus(const QString &outTradeNo, const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    if (!authorized(request)) {
        m_counters.unauthorized.fetch_add(1, std::memory_order_relaxed);
        return sendError(responder, 401, u"unauthorized"_s,
                         QCoreApplication::translate("StatusEndpoint", "A valid bearer token is required"));
    }
    probe::Scope scope; // counts any database or channel access made while answering this poll
    int waitMs = 0;
    if (request.url().hasQuery()) {
        const QUrlQuery query(request.url());
        if (query.hasQueryItem(u"wait_ms"_s)) {
            bool ok = false;
            const qint64 w = query.queryItemValue(u"wait_ms"_s).toLongLong(&ok);
            if (!ok || w < 0) {
                m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
                settle(scope);
                return sendError(responder, 400, u"bad_request"_s,
                                 QCoreApplication::translate("StatusEndpoint",
                                                             "wait_ms must be a whole number of milliseconds"));
            }
            waitMs = int(qMin<qint64>(w, m_options.maxWaitMs));
        }
    }
    const std::optional<StatusCache::Entry> entry = m_cache.get(outTradeNo);
    if (!entry) {
        m_counters.unknownOrders.fetch_add(1, std::memory_order_relaxed);
        settle(scope);
        return sendError(responder, 404, u"unknown_order"_s,
                         QCoreApplication::translate("StatusEndpoint", "No order %1 is known").arg(outTradeNo.left(100)));
    }
    bool conditional = false;
    const QList<qint64> tags = parseIfNoneMatch(headerValue(request, QByteArrayLiteral("if-none-match")), m_epoch, &conditional);
    const bool matches = conditional && tags.contains(entry->version);
    if (waitMs == 0 || (conditional && !matches)) {
        if (matches)
            sendNotModified(responder, entry->version);
        else
            sendSnapshot(responder, entry->body, entry->version);
        settle(scope);
        return;
    }
    // Long-poll: hold the responder until the version moves past the one the client has
    // (If-None-Match's, else the current one) or the wait ends. Nothing blocks meanwhile.
    auto w = std::make_shared<Waiter>(std::move(responder));
    w->outTradeNo = outTradeNo;
    w->sinceVersion = entry->version;
    w->conditional = conditional;
    w->socket = w->responder.socket();
    settle(scope);
    if (!w->socket)
        return;
    std::weak_ptr<Waiter> weak = w;
    w->timer = std::make_unique<QTimer>();
    w->timer->setSingleShot(true);
    w->timer->setTimerType(Qt::PreciseTimer); // a coarse timer may end a wait 5 % early
    connect(w->timer.get(), &QTimer::timeout, this, [this, weak] {
        if (auto waiter = weak.lock())
            finish(waiter, Answer::Timeout);
    });
    // A client that goes away stops waiting; its responder is dropped without writing.
    w->disconnected = connect(w->socket.data(), &QAbstractSocket::disconnected, this, [this, weak] {
        if (auto waiter = weak.lock())
            drop(waiter);
    });
    m_waiters[outTradeNo].append(w);
    m_counters.longPollsWaiting.fetch_add(1, std::memory_order_relaxed);
    w->timer->start(waitMs);
}

void StatusEndpoint::onVersionChanged(const QString &outTradeNo, qint64 version)
{
    Q_UNUSED(version);
    if (!m_waiters.contains(outTradeNo))
        return;
    // One transition often commits in several steps within one call (flow, then payment, then
    // trade): answer once the current event is done, with the latest snapshot, not with each
    // intermediate one.
    m_dirty.insert(outTradeNo);
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &StatusEndpoint::flushChanged, Qt::QueuedConnection);
    }
}

void StatusEndpoint::flushChanged()
{
    m_flushQueued = false;
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &no : dirty) {
        const auto it = m_waiters.find(no);
        if (it == m_waiters.end())
            continue;
        const qint64 current = m_cache.version(no);
        QList<std::shared_ptr<Waiter>> ready;
        for (const auto &w : std::as_const(*it)) {
            if (w->sinceVersion != current)
                ready.append(w);
        }
        for (const auto &w : ready)
            finish(w, Answer::Changed);
    }
}

void StatusEndpoint::drop(const std::shared_ptr<Waiter> &waiter)
{
    if (waiter->done)
        return;
    waiter->done = true;
    m_counters.longPollsWaiting.fetch_sub(1, std::memory_order_relaxed);
    QObject::disconnect(waiter->disconnected);
    if (waiter->timer)
        waiter->timer->stop();
    const auto it = m_waiters.find(waiter->outTradeNo);
    if (it != m_waiters.end()) {
        it->removeOne(waiter);
        if (it->isEmpty())
            m_waiters.erase(it);
    }
    // The timer may be the sender of the current signal: delete it later.
    if (waiter->timer)
        waiter->timer.release()->deleteLater();
}

void StatusEndpoint::finish(const std::shared_ptr<Waiter> &waiter, Answer answer)
{
    if (waiter->done)
        return;
    const std::shared_ptr<Waiter> keep = waiter; // drop() removes the list's reference
    drop(keep);
    if (!keep->socket || keep->socket->state() != QAbstractSocket::ConnectedState)
        return; // nobody to answer
    probe::Scope scope;
    const std::optional<StatusCache::Entry> entry = m_cache.get(keep->outTradeNo);
    if (!entry) {
        settle(scope);
        return sendError(keep->responder, 404, u"unknown_order"_s,
                         QCoreApplication::translate("StatusEndpoint", "No order %1 is known").arg(keep->outTradeNo));
    }
    if (answer == Answer::Timeout && keep->conditional && entry->version == keep->sinceVersion)
        sendNotModified(keep->responder, entry->version);
    else
        sendSnapshot(keep->responder, entry->body, entry->version);
    settle(scope);
}

void StatusEndpoint::handleNotify(const QString &channel, const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) {
        m_counters.badRequests.fetch_add(1, std::memory_order_relaxed);
        return sendError(responder, 413, u"payload_too_large"_s,
                         QCoreApplication::translate("StatusEndpoint", "The body is larger than %1 bytes")
                             .arg(m_options.maxBodyBytes));
    }
    QHash<QByteArray, QByteArray> headers;
    const auto list = request.headers();
    for (const auto &h : list)
        headers.insert(h.first.toLower(), h.second);
    const Result<ChannelNotification> r = m_ingress.receive(channel, headers, body);
    if (r) {
        (r->duplicate ? m_counters.notificationsDuplicate : m_counters.notificationsAccepted)
            .fetch_add(1, std::memory_order_relaxed);
        responder.write(QByteArrayLiteral("{\"result\":\"SUCCESS\"}"), {{kContentType, kJson}, {kCacheControl, kNoStore}},
                        Status::Ok);
        return;
    }
    m_counters.notificationsRejected.fetch_add(1, std::memory_order_relaxed);
    int status = 422;
    switch (r.error().code) {
    case ErrorCode::BadSignature:
    case ErrorCode::StaleTimestamp:
    case ErrorCode::Replay: status = 401; break;
    case ErrorCode::Malformed: status = 400; break;
    case ErrorCode::NotFound: status = 404; break;
    default: status = 422; break;
    }
    sendError(responder, status, errorCodeName(r.error().code), r.error().message);
}

QByteArray StatusEndpoint::etag(qint64 version) const
{
    return etagFor(m_epoch, version);
}

} // namespace pay
