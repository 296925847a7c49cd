#pragma once

#include "engine/paymentengine.h"

#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace pay::ui {

// How the customer pays for the basket: an optional coupon, an optional wallet part, then the
// remainder by card, QR A or QR B. Shows the amount still due in large type, red until the
// split covers the total exactly and green when it does; Pay is enabled only then and never
// while a payment is in flight.
class TenderPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TenderPanel(QWidget *parent = nullptr);

    void setTotal(qint64 totalMinor);
    qint64 totalMinor() const { return m_total; }
    // While busy every input and Pay are disabled (no double submit).
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    // The legs as the engine wants them; empty unless the split covers the total.
    QList<TenderLeg> legs() const;
    bool isCovered() const;
    qint64 dueMinor() const; // what no method covers yet (negative: too much)

    // Clears everything for a new sale.
    void reset();
    // After a definite failure: forget that leg so the cashier chooses another way.
    void dropLeg(const QString &channel);

    void focusCoupon();
    void focusWallet();
    void chooseRemainder(const QString &channel); // card, qr_a, qr_b
    QString remainderChannel() const;

signals:
    void payRequested();
    void coverageChanged(bool covered);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Split
    {
        qint64 coupon = 0;
        qint64 wallet = 0;
        qint64 remainder = 0; // what the external method takes
        QString error;
    };
    Split split() const;
    void refresh();
    void prefillAmount(QLineEdit *amount);
    void retranslateUi();

    qint64 m_total = 0;
    bool m_busy = false;
    QLabel *m_dueCaption = nullptr;
    QLabel *m_dueLabel = nullptr;
    QGroupBox *m_couponBox = nullptr;
    QLabel *m_couponCodeLabel = nullptr;
    QLabel *m_couponAmountLabel = nullptr;
    QLineEdit *m_couponCode = nullptr;
    QLineEdit *m_couponAmount = nullptr;
    QGroupBox *m_walletBox = nullptr;
    QLabel *m_walletMemberLabel = nullptr;
    QLabel *m_walletAmountLabel = nullptr;
    QLineEdit *m_walletMember = nullptr;
    QLineEdit *m_walletAmount = nullptr;
    QGroupBox *m_remainderBox = nullptr;
    QButtonGroup *m_methods = nullptr;
    QRadioButton *m_card = nullptr;
    QRadioButton *m_qrA = nullptr;
    QRadioButton *m_qrB = nullptr;
    QLabel *m_remainderLabel = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_pay = nullptr;
};

} // namespace pay::ui
