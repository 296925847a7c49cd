#include "statuspoller.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace pay::ui {

namespace {
constexpr int kFirstBackoffMs = 250;
constexpr int kMaxBackoffMs = 5000;
constexpr int kTransferSlackMs = 5000; // beyond wait_ms before a long-poll counts as lost
} // namespace

StatusPoller::StatusPoller(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StatusPoller::poll);
}

StatusPoller::~StatusPoller()
{
    stop();
}

void StatusPoller::setEndpoint(const QUrl &baseUrl, const QByteArray &token)
{
    m_base = baseUrl;
    m_token = token;
    if (isFollowing()) {
        const QString trade = m_trade;
        stop();
        follow(trade);
    }
}

void StatusPoller::follow(const QString &outTradeNo)
{
    if (outTradeNo == m_trade && (m_reply || m_retry.isActive()))
        return;
    stop();
    m_trade = outTradeNo;
    poll();
}

void StatusPoller::stop()
{
    m_trade.clear();
    m_etag.clear();
    m_failures = 0;
    m_retry.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void StatusPoller::poll()
{
    if (m_trade.isEmpty() || m_reply)
        return;
    if (!hasEndpoint()) {
        retryLater(tr("The status service is not running."));
        return;
    }
    QUrl url = m_base;
    url.setPath(u"/api/v1/trades/%1/status"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(m_trade))));
    if (!m_etag.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(u"wait_ms"_s, QString::number(m_waitMs));
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!m_etag.isEmpty())
        request.setRawHeader("If-None-Match", m_etag);
    request.setTransferTimeout(m_waitMs + kTransferSlackMs);
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleFinished(reply); });
}

void StatusPoller::handleFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 304) {
        m_failures = 0;
        poll();
        return;
    }
    if (status != 200) {
        retryLater(status > 0 ? tr("The status service answered %1.").arg(status) : reply->errorString());
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
    if (!doc.isObject()) {
        retryLater(tr("The status service sent an unreadable answer."));
        return;
    }
    m_failures = 0;
    const QByteArray etag = reply->rawHeader("ETag");
    const bool changed = etag.isEmpty() || etag != m_etag;
    m_etag = etag;
    if (changed)
        emit snapshotReceived(doc.object());
    // The slot may have stopped or switched trades.
    if (m_trade.isEmpty() || m_reply || m_retry.isActive())
        return;
    if (m_etag.isEmpty())
        m_retry.start(kFirstBackoffMs * 2); // no ETag, no long-poll: plain polling, gently
    else
        poll();
}

void StatusPoller::retryLater(const QString &reason)
{
    const int delay = qMin(kMaxBackoffMs, kFirstBackoffMs << qMin(m_failures, 5));
    ++m_failures;
    m_retry.start(delay);
    emit pollFailed(reason, delay);
}

} // namespace pay::ui
