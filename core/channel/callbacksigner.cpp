#include "callbacksigner.h"

#include <QMessageAuthenticationCode>

namespace pay {

QByteArray CallbackSigner::signature(const QByteArray &secret, const QString &channel, qint64 timestampSec,
    const QByteArray &nonce, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(channel.toUtf8());
    mac.addData("\n", 1);
    mac.addData(QByteArray::number(timestampSec));
    mac.addData("\n", 1);
    mac.addData(nonce);
    mac.addData("\n", 1);
    mac.addData(body);
    mac.addData("\n", 1);
    return mac.result().toBase64();
}

QHash<QByteArray, QByteArray> CallbackSigner::headers(const QByteArray &secret, const QString &channel,
    qint64 timestampSec, const QByteArray &nonce, const QByteArray &body)
{
    return {{timestampHeader(), QByteArray::number(timestampSec)}, {nonceHeader(), nonce},
        {signatureHeader(), signature(secret, channel, timestampSec, nonce, body)}};
}

bool CallbackSigner::verify(const QByteArray &secret, const QString &channel, qint64 timestampSec,
    const QByteArray &nonce, const QByteArray &body, const QByteArray &signatureBase64)
{
    const QByteArray expected = signature(secret, channel, timestampSec, nonce, body);
    if (expected.size() != signatureBase64.size())
        return false;
    // No early exit: the time taken must not tell an attacker how many bytes matched.
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ signatureBase64[i]);
    return diff == 0;
}

QByteArray CallbackSigner::header(const QHash<QByteArray, QByteArray> &headers, const QByteArray &lowerName)
{
    if (auto it = headers.constFind(lowerName); it != headers.constEnd())
        return it.value();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (it.key().compare(lowerName, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

} // namespace pay
