#include "callbackingress.h"

#include "../sim/clock.h"
#include "callbacksigner.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pay {

QString ChannelNotification::dedupKey() const
{
    const QString id = kind == Kind::Refund ? (channelRefundNo.isEmpty() ? refundNo : channelRefundNo)
                                            : (channelTxnNo.isEmpty() ? flowNo : channelTxnNo);
    return channel + u'|' + (kind == Kind::Refund ? u"R"_s : u"P"_s) + u'|' + id + u'|' + channelStatus;
}

CallbackIngress::CallbackIngress(Clock *clock, QObject *parent)
    : CallbackIngress(clock, Settings {}, parent)
{
}

CallbackIngress::CallbackIngress(Clock *clock, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_settings(settings)
{
}

void CallbackIngress::registerChannel(const QString &channel, const QByteArray &secret, Parser parser)
{
    m_channels.insert(channel, ChannelEntry {secret, std::move(parser)});
}

int CallbackIngress::rejectedCount(ErrorCode reason) const
{
    const auto it = m_rejectedBy.find(reason);
    return it == m_rejectedBy.end() ? 0 : it->second;
}

std::unexpected<Error> CallbackIngress::reject(const QString &channel, ErrorCode reason,
    const QString &message, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    CallbackRejection r {m_clock->nowMs(), channel, reason, message, headers, body};
    ++m_rejectedTotal;
    ++m_rejectedBy[reason];
    m_rejections.push_back(r);
    while (int(m_rejections.size()) > m_settings.rejectionLogLimit)
        m_rejections.pop_front();
    if (m_rejectionSink)
        m_rejectionSink(r);
    emit callbackRejected(channel, errorCodeName(reason), message);
    return fail(reason, message);
}

void CallbackIngress::rememberNonce(const QString &key, qint64 nowMs)
{
    // A nonce has to be remembered only as long as its timestamp would pass the window check.
    m_nonces.insert(key, nowMs + 2 * m_settings.replayWindowMs);
    if (nowMs >= m_nextNoncePruneMs) {
        m_nonces.removeIf([nowMs](const QHash<QString, qint64>::iterator it) { return it.value() < nowMs; });
        m_nextNoncePruneMs = nowMs + m_settings.replayWindowMs;
    }
}

void CallbackIngress::rememberNotification(const QString &key)
{
    m_seen.insert(key);
    m_seenOrder.push_back(key);
    while (int(m_seenOrder.size()) > m_settings.dedupLimit) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
}

Result<ChannelNotification> CallbackIngress::receive(
    const QString &channel, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    const qint64 now = m_clock->nowMs();
    const auto entry = m_channels.constFind(channel);
    if (entry == m_channels.constEnd())
        return reject(
            channel, ErrorCode::NotFound, tr("Callback for unknown channel %1").arg(channel), headers, body);

    const QByteArray tsText = CallbackSigner::header(headers, CallbackSigner::timestampHeader());
    const QByteArray nonce = CallbackSigner::header(headers, CallbackSigner::nonceHeader());
    const QByteArray signature = CallbackSigner::header(headers, CallbackSigner::signatureHeader());
    bool tsOk = false;
    const qint64 timestampSec = tsText.toLongLong(&tsOk);
    const bool nonceOk
        = !nonce.isEmpty() && nonce.size() <= 64 && std::all_of(nonce.begin(), nonce.end(), [](char c) {
              return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'
                  || c == '_';
          });
    if (!tsOk || !nonceOk || signature.isEmpty())
        return reject(channel, ErrorCode::Malformed,
            tr("Callback from %1 lacks a valid timestamp, nonce or signature header").arg(channel), headers,
            body);

    if (!CallbackSigner::verify(entry->secret, channel, timestampSec, nonce, body, signature))
        return reject(channel, ErrorCode::BadSignature,
            tr("Callback from %1 has a bad signature").arg(channel), headers, body);

    const qint64 skewMs = now - timestampSec * 1000;
    if (skewMs > m_settings.replayWindowMs || -skewMs > m_settings.replayWindowMs)
        return reject(channel, ErrorCode::StaleTimestamp,
            tr("Callback from %1 is %2 s off the clock; the window is %3 s")
                .arg(channel)
                .arg(skewMs / 1000)
                .arg(m_settings.replayWindowMs / 1000),
            headers, body);

    const QString nonceKey = channel + u'|' + QString::fromLatin1(nonce);
    if (const auto seen = m_nonces.constFind(nonceKey); seen != m_nonces.constEnd() && seen.value() >= now)
        return reject(channel, ErrorCode::Replay,
            tr("Callback from %1 replays nonce %2").arg(channel, QString::fromLatin1(nonce)), headers, body);

    auto parsed = entry->parser(body);
    if (!parsed)
        return reject(channel, ErrorCode::Malformed, parsed.error().message, headers, body);
    ChannelNotification n = std::move(*parsed);
    n.channel = channel;
    n.receivedAtMs = now;
    n.nonce = nonce;

    if (m_validator) {
        if (auto valid = m_validator(n); !valid)
            return reject(channel, valid.error().code, valid.error().message, headers, body);
    }

    const QString key = n.dedupKey();
    if (m_seen.contains(key)) {
        n.duplicate = true;
        rememberNonce(nonceKey, now);
        ++m_duplicates;
        emit duplicateReceived(n);
        return n;
    }

    if (m_processor) {
        if (auto applied = m_processor(n); !applied)
            return reject(channel, applied.error().code, applied.error().message, headers, body);
    }
    rememberNonce(nonceKey, now);
    rememberNotification(key);
    ++m_accepted;
    emit notificationAccepted(n);
    return n;
}

} // namespace pay
