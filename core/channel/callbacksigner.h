#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pay {

// HMAC-SHA256 signatures of channel callbacks. The signed message is
//     channel "\n" timestamp "\n" nonce "\n" body "\n"
// over the exact body bytes, so no re-serialisation can change what was signed; the channel
// name keeps a callback for one channel from being replayed against another. Headers (names in
// lower case; look-ups are case-insensitive):
//     x-paydesk-timestamp  Unix seconds, decimal
//     x-paydesk-nonce      1..64 characters [0-9A-Za-z_-]
//     x-paydesk-signature  base64 of the HMAC
class CallbackSigner
{
public:
    static QByteArray timestampHeader() { return QByteArrayLiteral("x-paydesk-timestamp"); }
    static QByteArray nonceHeader() { return QByteArrayLiteral("x-paydesk-nonce"); }
    static QByteArray signatureHeader() { return QByteArrayLiteral("x-paydesk-signature"); }

    static QByteArray signature(const QByteArray &secret, const QString &channel, qint64 timestampSec,
        const QByteArray &nonce, const QByteArray &body);
    static QHash<QByteArray, QByteArray> headers(const QByteArray &secret, const QString &channel,
        qint64 timestampSec, const QByteArray &nonce, const QByteArray &body);
    // Compares in constant time.
    static bool verify(const QByteArray &secret, const QString &channel, qint64 timestampSec,
        const QByteArray &nonce, const QByteArray &body, const QByteArray &signatureBase64);
    // Case-insensitive header look-up; empty when absent.
    static QByteArray header(const QHash<QByteArray, QByteArray> &headers, const QByteArray &lowerName);
};

} // namespace pay
