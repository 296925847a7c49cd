#pragma once

#include "engine/paymentengine.h"
#include "receiptdocument.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QGroupBox;

namespace pay {
class EngineHost;
}

namespace pay::ui {

class BasketModel;
class QrPaymentPanel;
class StatusPoller;
class TenderPanel;

// The cashier's screen: build a basket from item codes or barcodes, split the payment over a
// coupon, the wallet and one external method, follow the payment through the status cache
// endpoint only, print a receipt, refund within the cashier's limit (a manager's PIN above it).
// All engine work goes through the EngineHost; nothing here touches the database or a channel.
class CheckoutPage : public QWidget
{
    Q_OBJECT

public:
    // Switching: a QR code is still out and the cashier chose to pay another way; the next Pay
    // starts a new attempt (the engine closes the earlier code at its channel first).
    enum class Stage { Basket, Submitting, InFlight, Paid, Failed, Switching };
    Q_ENUM(Stage)

    explicit CheckoutPage(QWidget *parent = nullptr);
    ~CheckoutPage() override;

    void setEngineHost(EngineHost *host);
    void setStatusEndpoint(const QUrl &baseUrl, const QByteArray &token);
    void setOperator(const QString &userId);
    QString operatorId() const { return m_operator; }
    // Shows the trainer's "Simulate customer scan" button on QR payments.
    void setTrainingMode(bool on);
    // Whether a paid sale opens the print preview by itself (off in tests).
    void setReceiptPreviewAutomatic(bool on) { m_autoPreview = on; }

    Stage stage() const { return m_stage; }
    QString outTradeNo() const { return m_outTradeNo; }
    QString paymentNo() const { return m_paymentNo; }
    BasketModel *basket() const { return m_basket; }
    TenderPanel *tender() const { return m_tender; }
    StatusPoller *poller() const { return m_poller; }
    const std::optional<Receipt> &receipt() const { return m_receipt; }
    Result<void> saveReceiptPdf(const QString &path) const;

    // Demo and screenshots: a ready basket, and a coupon + wallet + QR A payment of it.
    void loadDemoBasket();
    void startDemoPayment();

signals:
    void paymentSucceeded(const QString &outTradeNo);
    void paymentFailed(const QString &reason);
    void receiptReady();
    void refundAccepted(const QString &refundNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Tone { Neutral, Progress, Success, Error };
    void buildUi();
    void buildShortcuts();
    void discoverEndpoint();
    void addItemFromEntry();
    void removeSelectedLine();
    void handleTotalChanged(qint64 totalMinor);
    void handlePayRequested();
    void handleAccepted(const QString &attemptKey, const Result<AcceptTicket> &ticket);
    void handleSnapshot(const QJsonObject &snapshot);
    void handlePollFailed(const QString &reason, int delayMs);
    void evaluateInFlight();
    void handlePaid(const QJsonArray &flows);
    void handleFailed(const QJsonObject &payment, const QJsonArray &flows);
    void updateRefundInfo();
    void handleSimulateScan(const QString &channel, const QString &flowNo);
    void handleRefundRequested();
    void sendRefund(qint64 amountMinor, const QString &approvedBy);
    void openPrintPreview();
    void handleSavePdfRequested();
    void newSale();
    void setStage(Stage stage);
    // The status line keeps how to say its text, so a language switch rewords it.
    using StatusText = std::function<QString()>;
    StatusText paidText() const;
    void showStatus(Tone tone, StatusText text);
    void showStatus(Tone tone, const QString &text); // already in plain, translated words
    void retranslateUi();

    QPointer<EngineHost> m_host;
    StatusPoller *m_poller = nullptr;
    BasketModel *m_basket = nullptr;
    TenderPanel *m_tender = nullptr;
    QrPaymentPanel *m_qr = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_tradeLabel = nullptr;
    QLabel *m_entryLabel = nullptr;
    QLineEdit *m_itemEntry = nullptr;
    QLabel *m_quantityLabel = nullptr;
    QSpinBox *m_quantity = nullptr;
    QPushButton *m_addItem = nullptr;
    QLabel *m_entryHint = nullptr;
    QTableView *m_basketView = nullptr;
    QPushButton *m_removeLine = nullptr;
    QLabel *m_totalCaption = nullptr;
    QLabel *m_totalLabel = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_receiptRow = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_savePdf = nullptr;
    QPushButton *m_newSale = nullptr;
    QPushButton *m_switchMethod = nullptr;
    QGroupBox *m_refundBox = nullptr;
    QLabel *m_refundAmountLabel = nullptr;
    QLineEdit *m_refundAmount = nullptr;
    QPushButton *m_refund = nullptr;
    QLabel *m_refundStatus = nullptr;
    QLabel *m_keyHelp = nullptr;

    Stage m_stage = Stage::Basket;
    Tone m_tone = Tone::Neutral;
    StatusText m_statusText;
    StatusText m_failureText;
    QString m_operator = QStringLiteral("cashier1");
    QString m_outTradeNo;
    QString m_paymentNo;
    QString m_attemptKey;
    bool m_tradeCreated = false;
    bool m_reversalExpected = false; // the failed attempt had legs that succeeded
    int m_refundBaseline = 0; // refunds of the trade before this attempt
    bool m_autoPreview = true;
    QJsonObject m_snapshot;
    QHash<QString, qint64> m_payingSince; // flow no -> when this screen first saw it PAYING
    QElapsedTimer m_clock;
    QTimer m_confirmCheck;
    std::optional<Receipt> m_receipt;
    QStringList m_myRefunds;
};

} // namespace pay::ui
