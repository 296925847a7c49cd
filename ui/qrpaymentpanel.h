#pragma once

#include <QGroupBox>
#include <QTimer>

class QLabel;
class QPushButton;

namespace pay::ui {

class QrCodeWidget;

// The QR leg of a payment while it waits for the customer: the scannable code, the channel,
// the amount and a countdown to the code's expiry. In training mode a "Simulate customer
// scan" button stands in for the customer's phone.
class QrPaymentPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit QrPaymentPanel(QWidget *parent = nullptr);

    void showFlow(const QString &channel, const QString &flowNo, qint64 amountMinor, const QString &qrContent,
        qint64 expiresAtMs);
    void clearFlow();
    QString flowNo() const { return m_flowNo; }
    QString channel() const { return m_channel; }
    QrCodeWidget *code() const { return m_code; }
    void setTrainingMode(bool on);
    // Disables the simulate button while a simulated scan is on its way.
    void setScanPending(bool pending);

signals:
    void simulateScanRequested(const QString &channel, const QString &flowNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCountdown();
    void retranslateUi();

    QrCodeWidget *m_code = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_countdown = nullptr;
    QPushButton *m_simulate = nullptr;
    QTimer m_tick;
    QString m_channel;
    QString m_flowNo;
    qint64 m_amountMinor = 0;
    qint64 m_expiresAtMs = 0;
};

} // namespace pay::ui
