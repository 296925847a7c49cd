#pragma once

#include "callbackingress.h"
#include "simulatedchannel.h"

namespace pay {

// A scan-to-pay wallet (channels "qr_a" and "qr_b"). prepay() creates the channel order and
// answers Pending with the QR content (paydesk://qr_a/pay?flow=F&amt=CENTS&cur=CNY&order=ID);
// the customer pays later through customerPays(), which a trainer, a test or the simulation
// calls; the result then arrives as a signed callback through the notify sink (and is always
// visible to query()). Refunds are answered synchronously and also notified.
//
// The two dialects differ like the real wallets they stand for: qr_a (WeChat-like) sends
// out_trade_no / transaction_id / total_fee / trade_state SUCCESS|USERPAYING|PAYERROR and has
// 28-digit transaction ids starting 4200; qr_b (Alipay-like) sends out_trade_no / trade_no /
// total_amount_cents / trade_status TRADE_SUCCESS|WAIT_BUYER_PAY|TRADE_CLOSED with ids of the
// form yyyyMMdd2200 + 16 digits. Both carry amounts in cents and times in UTC.
class QrChannel : public SimulatedChannel
{
    Q_OBJECT
public:
    enum class Dialect { A, B };
    using NotifySink = std::function<void(
        const QString &channel, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)>;

    QrChannel(Dialect dialect, Clock *clock, ChannelBooks *books, QObject *parent = nullptr);
    Dialect dialect() const { return m_dialect; }
    static QString channelName(Dialect dialect);
    // The fee a new channel charges: qr_a 38 bps (0.38 %), qr_b 60 bps.
    static int defaultFeeBps(Dialect dialect) { return dialect == Dialect::A ? 38 : 60; }

    void setSecret(const QByteArray &secret) { m_secret = secret; }
    QByteArray secret() const { return m_secret; }
    void setNotifySink(NotifySink sink) { m_sink = std::move(sink); }

    void prepay(const PayRequest &request, PrepayHandler handler) override;
    void pay(const PayRequest &request, ResultHandler handler) override; // UNSUPPORTED: use prepay

    // The customer scans and pays now. Answers what the channel did: Succeeded with the
    // transaction id, or Failed with a decline code (the profile's decline rate applies here:
    // the order fails and PAYERROR / TRADE_CLOSED is notified instead). An error means the
    // customer could not pay at all: no such order (NotFound), not waiting for payment or the
    // code has expired (InvalidTransition).
    Result<ChannelResult> customerPays(const QString &flowNo);

    static Result<ChannelNotification> parseNotification(Dialect dialect, const QByteArray &body);
    static CallbackIngress::Parser parserFor(Dialect dialect);
    CallbackIngress::Parser notificationParser() const { return parserFor(m_dialect); }
    int callbacksDelivered() const { return m_delivered; }

signals:
    void customerPaid(const QString &flowNo, const QString &channelTxnNo);
    void customerPaymentFailed(const QString &flowNo, const QString &code);

protected:
    QString makeTxnNo(qint64 sequence, qint64 nowMs) const override;
    QString makeRefundNo(qint64 sequence, qint64 nowMs) const override;
    void refundRecorded(const ChannelBooks::Refund &refund, const ChannelBooks::Order &order) override;

private:
    QString qrContent(const ChannelBooks::Order &order) const;
    QJsonObject paymentBody(const ChannelBooks::Order &order, const QString &state) const;
    QJsonObject refundBody(const ChannelBooks::Refund &refund, const ChannelBooks::Order &order) const;
    // Sends one notification through the callback faults (lost, duplicated, delayed, out of
    // order, bad signature, tampered amount). pendingBody, if not empty, is the intermediate
    // status that an out-of-order fault delivers after the final one.
    void notify(const QString &key, QJsonObject body, const QJsonObject &pendingBody);
    void deliver(const QByteArray &body, bool badSignature);

    Dialect m_dialect;
    QByteArray m_secret;
    NotifySink m_sink;
    int m_delivered = 0;
};

// Wires a QR channel to the ingress: registers the channel's secret and parser and points the
// channel's notify sink at CallbackIngress::receive (the ingress must outlive the channel's
// pending callbacks; deliveries after the ingress is gone are dropped).
void connectToIngress(QrChannel *channel, CallbackIngress *ingress);

} // namespace pay
