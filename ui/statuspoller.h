#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace pay::ui {

// Follows one trade through the status cache endpoint (GET /api/v1/trades/{no}/status) and
// nothing else: long-polls with ?wait_ms and If-None-Match, so an unchanged trade costs one
// open request per wait, and backs off (0.25 s doubling to 5 s) while the endpoint is
// unreachable or answers with an error. Never touches the database or a channel.
class StatusPoller : public QObject
{
    Q_OBJECT

public:
    explicit StatusPoller(QObject *parent = nullptr);
    ~StatusPoller() override;

    // baseUrl: "http://127.0.0.1:PORT"; token: the endpoint's bearer token.
    void setEndpoint(const QUrl &baseUrl, const QByteArray &token);
    bool hasEndpoint() const { return m_base.isValid() && !m_base.isEmpty(); }
    void setWaitMs(int waitMs) { m_waitMs = waitMs; }

    void follow(const QString &outTradeNo);
    void stop();
    QString outTradeNo() const { return m_trade; }
    bool isFollowing() const { return !m_trade.isEmpty(); }
    int consecutiveFailures() const { return m_failures; }

signals:
    // A snapshot with a version this poller had not seen.
    void snapshotReceived(const QJsonObject &snapshot);
    // A poll failed; the poller retries by itself after delayMs.
    void pollFailed(const QString &reason, int delayMs);

private:
    void poll();
    void handleFinished(QNetworkReply *reply);
    void retryLater(const QString &reason);

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_base;
    QByteArray m_token;
    QString m_trade;
    QByteArray m_etag;
    int m_waitMs = 20000;
    int m_failures = 0;
    QTimer m_retry;
    QPointer<QNetworkReply> m_reply;
};

} // namespace pay::ui
