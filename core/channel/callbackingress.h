#pragma once

#include "channel.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <deque>
#include <functional>
#include <map>

namespace pay {

class Clock;

// A verified, parsed channel callback in the channel-neutral form the engine works with.
struct ChannelNotification
{
    enum class Kind { Payment, Refund };
    QString channel;
    Kind kind = Kind::Payment;
    QString flowNo; // our flow no. (refunds: the refunded payment's flow no.)
    QString refundNo; // refunds: our refund no.
    QString channelTxnNo; // the channel's payment transaction id (may be empty while pending)
    QString channelRefundNo; // refunds: the channel's refund id
    qint64 amountMinor = 0; // payments: total paid; refunds: amount refunded
    QString currency;
    ChannelOutcome outcome = ChannelOutcome::Unknown; // Succeeded / Failed / Pending
    QString channelStatus; // the channel's own word: SUCCESS, USERPAYING, TRADE_SUCCESS ...
    qint64 eventTimeMs = 0; // when it happened at the channel
    qint64 receivedAtMs = 0;
    QByteArray nonce;
    bool duplicate = false; // the same notification (channel, kind, id, status) was accepted before
    QJsonObject raw;

    // What makes two deliveries "the same notification".
    QString dedupKey() const;
};

struct CallbackRejection
{
    qint64 atMs = 0;
    QString channel;
    ErrorCode reason = ErrorCode::Malformed;
    QString message;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

// The one way in for channel callbacks; the HTTP notify endpoint and the simulated channels'
// notify sinks both call receive(). In order, it checks: known channel, header syntax,
// signature (HMAC-SHA256, see CallbackSigner), timestamp within the replay window, nonce not
// seen within the window, body syntax (the channel's parser), the engine's flow validator,
// then the engine's processor. Any failure rejects the callback with a reason, records it
// (in-memory log and the rejection sink), counts it and changes nothing else: the nonce and
// the de-duplication key are remembered only for accepted callbacks. A second delivery of an
// accepted notification is accepted as a duplicate (duplicate = true): it is counted and
// reported, and it is not passed to the processor again.
class CallbackIngress : public QObject
{
    Q_OBJECT
public:
    using Parser = std::function<Result<ChannelNotification>(const QByteArray &body)>;
    // Return NotFound for an unknown flow, AmountMismatch / CurrencyMismatch for a notification
    // that contradicts the flow; the code becomes the rejection reason.
    using FlowValidator = std::function<Result<void>(const ChannelNotification &)>;
    // Applies an accepted notification; on error the callback counts as rejected and a later
    // delivery is not mistaken for a duplicate.
    using Processor = std::function<Result<void>(const ChannelNotification &)>;
    using RejectionSink = std::function<void(const CallbackRejection &)>;

    struct Settings
    {
        qint64 replayWindowMs = 5 * 60 * 1000; // timestamps further off than this are stale
        int rejectionLogLimit = 1000;
        int dedupLimit = 200'000; // remembered notification keys (oldest dropped)
    };

    explicit CallbackIngress(Clock *clock, QObject *parent = nullptr);
    CallbackIngress(Clock *clock, const Settings &settings, QObject *parent = nullptr);

    void registerChannel(const QString &channel, const QByteArray &secret, Parser parser);
    bool isRegistered(const QString &channel) const { return m_channels.contains(channel); }
    void setFlowValidator(FlowValidator validator) { m_validator = std::move(validator); }
    void setProcessor(Processor processor) { m_processor = std::move(processor); }
    void setRejectionSink(RejectionSink sink) { m_rejectionSink = std::move(sink); }

    Result<ChannelNotification> receive(
        const QString &channel, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);

    int acceptedCount() const { return m_accepted; }
    int duplicateCount() const { return m_duplicates; }
    int rejectedCount() const { return m_rejectedTotal; }
    int rejectedCount(ErrorCode reason) const;
    // Latest first is not promised: oldest first, capped at Settings::rejectionLogLimit.
    QList<CallbackRejection> rejections() const { return {m_rejections.begin(), m_rejections.end()}; }

signals:
    void notificationAccepted(const pay::ChannelNotification &notification);
    void duplicateReceived(const pay::ChannelNotification &notification);
    void callbackRejected(const QString &channel, const QString &reason, const QString &message);

private:
    struct ChannelEntry
    {
        QByteArray secret;
        Parser parser;
    };
    std::unexpected<Error> reject(const QString &channel, ErrorCode reason, const QString &message,
        const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);
    void rememberNonce(const QString &key, qint64 nowMs);
    void rememberNotification(const QString &key);

    Clock *m_clock;
    Settings m_settings;
    QHash<QString, ChannelEntry> m_channels;
    FlowValidator m_validator;
    Processor m_processor;
    RejectionSink m_rejectionSink;

    QHash<QString, qint64> m_nonces; // channel + nonce -> when it may be forgotten
    qint64 m_nextNoncePruneMs = 0;
    QSet<QString> m_seen;
    std::deque<QString> m_seenOrder;

    int m_accepted = 0;
    int m_duplicates = 0;
    int m_rejectedTotal = 0;
    std::map<ErrorCode, int> m_rejectedBy;
    std::deque<CallbackRejection> m_rejections;
};

} // namespace pay
