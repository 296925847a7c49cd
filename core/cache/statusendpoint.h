#pragma once

#include "../error.h"
#include "../store/accessprobe.h"

#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

namespace pay {

class CallbackIngress;
class StatusCache;

// The cashier's only view of a payment in progress (seed practice 2), over QHttpServer.
// Constructed on, and serving from, the core thread; it holds no Database and no channel, only
// the status cache (for polls) and the callback ingress (for channel notifications).
//
//   GET  /api/v1/trades/{out_trade_no}/status   bearer; 200 + ETag "<version>"; If-None-Match
//        -> 304; ?wait_ms=N (capped at maxWaitMs) long-polls until the version differs from
//        If-None-Match (or, without it, from the current one) or N ms pass (then 304 with
//        If-None-Match, 200 with the unchanged snapshot without it). Waiting holds the
//        responder, never the event loop.
//   POST /api/v1/channels/{channel}/notify      no bearer: the channel's HMAC signature is the
//        credential. CallbackIngress::receive(channel, lower-cased headers, body). Accepted or
//        duplicate -> 200 {"result":"SUCCESS"}; BadSignature, StaleTimestamp, Replay -> 401;
//        Malformed -> 400; NotFound (unknown channel or flow) -> 404; any other rejection
//        (amount/currency mismatch, ...) -> 422; body over maxBodyBytes -> 413.
//   GET  /metrics                               bearer; JSON counters (see metricsJson()).
// Errors are {"error":"<code>","message":"..."}: 401 no or wrong token, 404 unknown order or
// path, 400 bad query, 405 wrong method on a known path (with Allow), 413 too large.
//
// Polls never touch the database or a channel: the handler has no reference to either, and
// each poll (including a long-poll's deferred answer) runs inside a probe::Scope that counts
// any Database or ChannelGateway access made on this thread meanwhile; a poll that saw one is
// counted in polls_touching_database / polls_touching_channel.
class StatusEndpoint : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress bind = QHostAddress::LocalHost;
        quint16 port = 0; // 0: any free port
        QString token;    // required: listen() refuses an empty token
        qint64 maxBodyBytes = 64 * 1024;
        int maxWaitMs = 25000;
    };

    struct Metrics
    {
        quint64 pollsServed = 0;       // status answers: 200 and 304, immediate or after waiting
        quint64 pollsNotModified = 0;  // of which 304
        quint64 longPollsWaiting = 0;  // waiting now
        quint64 pollsTouchingDatabase = 0;
        quint64 pollsTouchingChannel = 0;
        quint64 notificationsAccepted = 0;
        quint64 notificationsDuplicate = 0;
        quint64 notificationsRejected = 0;
        quint64 unauthorized = 0;
        quint64 badRequests = 0; // 400, 404 unknown path, 405, 413
        quint64 unknownOrders = 0;
    };

    StatusEndpoint(StatusCache &cache, CallbackIngress &ingress, Options options, QObject *parent = nullptr);
    ~StatusEndpoint() override;

    // Binds and returns the port (the chosen one when Options::port is 0).
    Result<quint16> listen();
    quint16 port() const { return m_port; }
    // The ETag this endpoint gives a version: "<epoch>-<version>", the epoch new in every run.
    QByteArray etag(qint64 version) const;
    const Options &options() const { return m_options; }
    // Safe from any thread.
    Metrics metrics() const;
    QJsonObject metricsJson() const;

private:
    struct Waiter;
    enum class Answer { Changed, Timeout };

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleStatus(const QString &outTradeNo, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleNotify(const QString &channel, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleMetrics(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool authorized(const QHttpServerRequest &request) const;
    void sendError(QHttpServerResponder &responder, int status, const QString &code, const QString &message,
                   const QByteArray &allow = {});
    void sendSnapshot(QHttpServerResponder &responder, const QByteArray &body, qint64 version);
    void sendNotModified(QHttpServerResponder &responder, qint64 version);
    void onVersionChanged(const QString &outTradeNo, qint64 version);
    void flushChanged();
    void finish(const std::shared_ptr<Waiter> &waiter, Answer answer);
    void drop(const std::shared_ptr<Waiter> &waiter);
    void settle(const probe::Scope &scope);

    StatusCache &m_cache;
    CallbackIngress &m_ingress;
    Options m_options;
    QByteArray m_expectedAuth; // "Bearer <token>"
    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QString, QList<std::shared_ptr<Waiter>>> m_waiters;
    QSet<QString> m_dirty; // trades with waiters whose version moved during the current event
    bool m_flushQueued = false;

    struct Counters
    {
        std::atomic<quint64> pollsServed{0}, pollsNotModified{0}, longPollsWaiting{0}, pollsTouchingDatabase{0},
            pollsTouchingChannel{0}, notificationsAccepted{0}, notificationsDuplicate{0}, notificationsRejected{0},
            unauthorized{0}, badRequests{0}, unknownOrders{0};
    } m_counters;
    QByteArray m_epoch; // this run's part of every ETag
};

} // namespace pay
