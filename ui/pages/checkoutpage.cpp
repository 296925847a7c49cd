#include "checkoutpage.h"

#include "basketmodel.h"
#include "displaytext.h"
#include "engine/catalogue.h"
#include "engine/customerscan.h"
#include "engine/enginehost.h"
#include "engine/staff.h"
#include "managerpindialog.h"
#include "moneyinput.h"
#include "qrpaymentpanel.h"
#include "statuspoller.h"
#include "tenderpanel.h"

#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pay::ui {

namespace {

// A flow PAYING longer than this is "confirming with the channel" to the cashier.
constexpr qint64 kConfirmingAfterMs = 3000;

QString money(qint64 minor)
{
    return DisplayText::money(Money(minor, Currency::cny()));
}

QString newTradeNo()
{
    return u"PD%1%2"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMddHHmmss"_s))
        .arg(QRandomGenerator::global()->bounded(10000), 4, 10, QLatin1Char('0'));
}

QJsonArray flowsOf(const QJsonObject &snapshot, const QString &paymentNo)
{
    QJsonArray out;
    for (const QJsonValue &v : snapshot.value(u"flows"_s).toArray()) {
        if (v.toObject().value(u"payment_no"_s).toString() == paymentNo)
            out.append(v);
    }
    return out;
}

} // namespace

CheckoutPage::CheckoutPage(QWidget *parent)
    : QWidget(parent)
    , m_poller(new StatusPoller(this))
    , m_basket(new BasketModel(this))
{
    setObjectName(u"checkoutpage"_s);
    m_clock.start();
    m_confirmCheck.setSingleShot(true);
    connect(&m_confirmCheck, &QTimer::timeout, this, &CheckoutPage::evaluateInFlight);
    buildUi();
    buildShortcuts();
    connect(m_basket, &BasketModel::totalChanged, this, &CheckoutPage::handleTotalChanged);
    connect(m_tender, &TenderPanel::payRequested, this, &CheckoutPage::handlePayRequested);
    connect(m_poller, &StatusPoller::snapshotReceived, this, &CheckoutPage::handleSnapshot);
    connect(m_poller, &StatusPoller::pollFailed, this, &CheckoutPage::handlePollFailed);
    connect(m_qr, &QrPaymentPanel::simulateScanRequested, this, &CheckoutPage::handleSimulateScan);
    retranslateUi();
    setStage(Stage::Basket);
    handleTotalChanged(0);
}

CheckoutPage::~CheckoutPage() = default;

void CheckoutPage::buildUi()
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_tradeLabel = new QLabel(this);
    m_tradeLabel->setObjectName(u"tradeLabel"_s);
    m_tradeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_entryLabel = new QLabel(this);
    m_itemEntry = new QLineEdit(this);
    m_itemEntry->setObjectName(u"itemEntry"_s);
    m_itemEntry->setMaxLength(32);
    QFont entryFont = m_itemEntry->font();
    entryFont.setPointSizeF(entryFont.pointSizeF() * 1.1);
    m_itemEntry->setFont(entryFont);
    m_entryLabel->setBuddy(m_itemEntry);
    m_quantityLabel = new QLabel(this);
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(u"quantity"_s);
    m_quantity->setRange(1, BasketModel::kMaxQuantity);
    m_quantityLabel->setBuddy(m_quantity);
    m_addItem = new QPushButton(this);
    m_addItem->setObjectName(u"addItemButton"_s);
    m_entryHint = new QLabel(this);
    m_entryHint->setObjectName(u"entryHint"_s);
    m_entryHint->setStyleSheet(u"color: #c62828;"_s);

    m_basketView = new QTableView(this);
    m_basketView->setObjectName(u"basketView"_s);
    m_basketView->setModel(m_basket);
    m_basketView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_basketView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_basketView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_basketView->verticalHeader()->hide();
    m_basketView->horizontalHeader()->setSectionResizeMode(BasketModel::ItemColumn, QHeaderView::Stretch);
    for (int c = BasketModel::QuantityColumn; c < BasketModel::ColumnCount; ++c)
        m_basketView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Interactive);
    m_basketView->setAlternatingRowColors(true);
    QFont basketFont = m_basketView->font(); // read at arm's length
    basketFont.setPointSizeF(basketFont.pointSizeF() * 1.15);
    m_basketView->setFont(basketFont);
    m_removeLine = new QPushButton(this);
    m_removeLine->setObjectName(u"removeLineButton"_s);
    m_totalCaption = new QLabel(this);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(u"totalLabel"_s);
    QFont totalFont = m_totalLabel->font();
    totalFont.setPointSizeF(totalFont.pointSizeF() * 2.0);
    totalFont.setBold(true);
    m_totalLabel->setFont(totalFont);
    QFont captionFont = m_totalCaption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 1.3);
    m_totalCaption->setFont(captionFont);

    m_tender = new TenderPanel(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"paymentStatus"_s);
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(36);
    QFont statusFont = m_status->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.25);
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    m_qr = new QrPaymentPanel(this);
    m_qr->hide();

    m_receiptRow = new QWidget(this);
    m_preview = new QPushButton(m_receiptRow);
    m_preview->setObjectName(u"printPreviewButton"_s);
    m_savePdf = new QPushButton(m_receiptRow);
    m_savePdf->setObjectName(u"savePdfButton"_s);
    m_newSale = new QPushButton(this);
    m_newSale->setObjectName(u"newSaleButton"_s);
    m_switchMethod = new QPushButton(this);
    m_switchMethod->setObjectName(u"switchMethodButton"_s);
    m_switchMethod->hide();
    auto *receiptLayout = new QHBoxLayout(m_receiptRow);
    receiptLayout->setContentsMargins(0, 0, 0, 0);
    receiptLayout->addWidget(m_preview);
    receiptLayout->addWidget(m_savePdf);

    m_refundBox = new QGroupBox(this);
    m_refundBox->setObjectName(u"refundBox"_s);
    m_refundAmountLabel = new QLabel(m_refundBox);
    m_refundAmount = new QLineEdit(m_refundBox);
    m_refundAmount->setObjectName(u"refundAmount"_s);
    m_refundAmount->setAlignment(Qt::AlignRight);
    m_refundAmountLabel->setBuddy(m_refundAmount);
    m_refund = new QPushButton(m_refundBox);
    m_refund->setObjectName(u"refundButton"_s);
    m_refundStatus = new QLabel(m_refundBox);
    m_refundStatus->setObjectName(u"refundStatus"_s);
    m_refundStatus->setWordWrap(true);
    auto *refundLayout = new QGridLayout(m_refundBox);
    refundLayout->addWidget(m_refundAmountLabel, 0, 0);
    refundLayout->addWidget(m_refundAmount, 0, 1);
    refundLayout->addWidget(m_refund, 0, 2);
    refundLayout->addWidget(m_refundStatus, 1, 0, 1, 3);
    refundLayout->setColumnStretch(1, 1);

    m_keyHelp = new QLabel(this);
    m_keyHelp->setObjectName(u"keyHelp"_s);
    m_keyHelp->setTextFormat(Qt::RichText);
    m_keyHelp->setStyleSheet(u"QLabel#keyHelp { background: #263238; color: #eceff1; padding: 6px 10px; }"_s);

    // Left: basket. Right: tender, status, QR or receipt and refund.
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_tradeLabel);

    // The label sits above the entry (with the "no such item" hint beside it), so the entry
    // gets the column's whole width in every language.
    auto *entryCaption = new QHBoxLayout;
    entryCaption->addWidget(m_entryLabel);
    entryCaption->addStretch(1);
    entryCaption->addWidget(m_entryHint);
    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(m_itemEntry, 1);
    entryRow->addWidget(m_quantityLabel);
    entryRow->addWidget(m_quantity);
    entryRow->addWidget(m_addItem);

    auto *totalRow = new QHBoxLayout;
    totalRow->addWidget(m_removeLine);
    totalRow->addStretch(1);
    totalRow->addWidget(m_totalCaption);
    totalRow->addWidget(m_totalLabel);

    auto *left = new QVBoxLayout;
    left->addLayout(entryCaption);
    left->addLayout(entryRow);
    left->addWidget(m_basketView, 1);
    left->addLayout(totalRow);

    auto *right = new QVBoxLayout;
    right->addWidget(m_tender);
    right->addWidget(m_status);
    right->addWidget(m_qr, 1);
    right->addWidget(m_switchMethod);
    right->addWidget(m_receiptRow);
    right->addWidget(m_refundBox);
    right->addStretch(0);
    right->addWidget(m_newSale);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 5);
    columns->addSpacing(12);
    columns->addLayout(right, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(columns, 1);
    layout->addWidget(m_keyHelp);

    connect(m_itemEntry, &QLineEdit::returnPressed, this, &CheckoutPage::addItemFromEntry);
    connect(m_addItem, &QPushButton::clicked, this, &CheckoutPage::addItemFromEntry);
    connect(m_removeLine, &QPushButton::clicked, this, &CheckoutPage::removeSelectedLine);
    connect(m_preview, &QPushButton::clicked, this, &CheckoutPage::openPrintPreview);
    connect(m_savePdf, &QPushButton::clicked, this, &CheckoutPage::handleSavePdfRequested);
    connect(m_newSale, &QPushButton::clicked, this, &CheckoutPage::newSale);
    connect(m_switchMethod, &QPushButton::clicked, this, [this] {
        // The customer's code seems stuck: choose another method, then Pay. The earlier attempt
        // stays with the engine, which closes its code first (and if the customer had paid it
        // after all, this new attempt is not needed).
        if (m_stage != Stage::InFlight)
            return;
        m_qr->clearFlow();
        m_confirmCheck.stop();
        setStage(Stage::Switching);
        showStatus(Tone::Progress,
            [] { return tr("Choose another way to pay and press Pay (F12). The QR code is closed at its channel."); });
    });
    connect(m_refund, &QPushButton::clicked, this, &CheckoutPage::handleRefundRequested);
    connect(m_refundAmount, &QLineEdit::returnPressed, this, &CheckoutPage::handleRefundRequested);
}

void CheckoutPage::buildShortcuts()
{
    const auto add = [this](QKeySequence key, auto slot) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::Key_F2), [this] { m_tender->focusCoupon(); });
    add(QKeySequence(Qt::Key_F3), [this] { m_tender->focusWallet(); });
    add(QKeySequence(Qt::Key_F4), [this] { m_tender->chooseRemainder(u"card"_s); });
    add(QKeySequence(Qt::Key_F5), [this] { m_tender->chooseRemainder(u"qr_a"_s); });
    add(QKeySequence(Qt::Key_F6), [this] { m_tender->chooseRemainder(u"qr_b"_s); });
    add(QKeySequence(Qt::Key_F8), [this] { m_itemEntry->setFocus(Qt::ShortcutFocusReason); });
    add(QKeySequence(Qt::Key_F9), [this] {
        if (m_newSale->isEnabled())
            newSale();
    });
    add(QKeySequence(Qt::Key_F12), [this] {
        if (m_tender->isCovered() && !m_tender->isBusy())
            handlePayRequested();
    });
    auto *remove = new QShortcut(QKeySequence::Delete, m_basketView);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &CheckoutPage::removeSelectedLine);
}

void CheckoutPage::setEngineHost(EngineHost *host)
{
    if (m_host)
        m_host->disconnect(this);
    m_host = host;
    if (!host)
        return;
    connect(host, &EngineHost::coreStarted, this, [this](bool ok, const QString &error) {
        if (ok)
            discoverEndpoint();
        else
            showStatus(
                Tone::Error, [error] { return tr("The payment service did not start: %1").arg(error); });
    });
    discoverEndpoint(); // answered only if the core is already running
}

void CheckoutPage::discoverEndpoint()
{
    using Endpoint = std::pair<quint16, QString>;
    m_host->run<Endpoint>(
        [](PaymentCore &core) {
            return Endpoint {core.endpointPort(), core.endpointToken()};
        },
        this,
        [this](Endpoint endpoint) {
            if (endpoint.first == 0) {
                showStatus(Tone::Error, [] {
                    return tr("The payment status service is switched off; payments cannot be followed.");
                });
                return;
            }
            setStatusEndpoint(QUrl(u"http://127.0.0.1:%1"_s.arg(endpoint.first)), endpoint.second.toUtf8());
        });
}

void CheckoutPage::setStatusEndpoint(const QUrl &baseUrl, const QByteArray &token)
{
    m_poller->setEndpoint(baseUrl, token);
}

void CheckoutPage::setOperator(const QString &userId)
{
    m_operator = userId;
    retranslateUi();
}

void CheckoutPage::setTrainingMode(bool on)
{
    m_qr->setTrainingMode(on);
}

void CheckoutPage::addItemFromEntry()
{
    const QString text = m_itemEntry->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_basket->isLocked()) {
        m_entryHint->setText(tr("The basket is being paid; start a new sale to change it."));
        return;
    }
    const auto item = Catalogue::find(text);
    if (!item) {
        m_entryHint->setText(tr("No item \"%1\" in the catalogue.").arg(text));
        m_itemEntry->selectAll();
        return;
    }
    const int row = m_basket->add(*item, m_quantity->value());
    m_entryHint->clear();
    m_itemEntry->clear();
    m_quantity->setValue(1);
    if (row >= 0)
        m_basketView->selectRow(row);
    m_itemEntry->setFocus();
}

void CheckoutPage::removeSelectedLine()
{
    const QModelIndex current = m_basketView->currentIndex();
    if (current.isValid())
        m_basket->removeRows(current.row(), 1);
}

void CheckoutPage::handleTotalChanged(qint64 totalMinor)
{
    m_totalLabel->setText(money(totalMinor));
    m_tender->setTotal(totalMinor);
    // Amounts are never elided: the numeric columns grow with their widest text.
    for (int c = BasketModel::QuantityColumn; c < BasketModel::ColumnCount; ++c)
        m_basketView->resizeColumnToContents(c);
}

void CheckoutPage::handlePayRequested()
{
    if (m_stage == Stage::Submitting || m_stage == Stage::InFlight || m_stage == Stage::Paid)
        return;
    if (!m_host) {
        showStatus(Tone::Error, [] { return tr("The payment service is not running."); });
        return;
    }
    const QList<TenderLeg> legs = m_tender->legs();
    if (legs.isEmpty())
        return;
    if (m_outTradeNo.isEmpty())
        m_outTradeNo = newTradeNo();
    m_basket->setLocked(true);
    m_attemptKey = QUuid::createUuid().toString(QUuid::WithoutBraces);

    AcceptRequest request;
    request.outTradeNo = m_outTradeNo;
    request.subject = tr("PayDesk basket, %n item(s)", nullptr, m_basket->itemCount());
    request.amount = Money(m_basket->totalMinor(), Currency::cny());
    request.legs = legs;
    request.idempotencyKey = m_attemptKey;
    request.actor = m_operator;

    setStage(Stage::Submitting);
    showStatus(Tone::Progress, [] { return tr("Sending the payment…"); });
    const QString key = m_attemptKey;
    m_host->accept(request, this, [this, key](Result<AcceptTicket> ticket) { handleAccepted(key, ticket); });
}

void CheckoutPage::handleAccepted(const QString &attemptKey, const Result<AcceptTicket> &ticket)
{
    if (attemptKey != m_attemptKey)
        return;
    if (!ticket) {
        setStage(m_tradeCreated ? Stage::Failed : Stage::Basket);
        if (!m_tradeCreated)
            m_basket->setLocked(false);
        showStatus(Tone::Error,
            [message = ticket.error().message] { return tr("The payment was refused: %1").arg(message); });
        return;
    }
    m_tradeCreated = true;
    m_paymentNo = ticket->paymentNo;
    m_refundBaseline = int(m_snapshot.value(u"refunds"_s).toArray().size());
    m_reversalExpected = false;
    m_payingSince.clear();
    setStage(Stage::InFlight);
    showStatus(Tone::Progress, [] { return tr("Paying…"); });
    m_poller->follow(m_outTradeNo);
    evaluateInFlight(); // a snapshot of this attempt may already be here
}

void CheckoutPage::handleSnapshot(const QJsonObject &snapshot)
{
    if (snapshot.value(u"out_trade_no"_s).toString() != m_outTradeNo)
        return;
    m_snapshot = snapshot;
    m_tradeLabel->setText(tr("Order %1").arg(m_outTradeNo));
    switch (m_stage) {
    case Stage::InFlight:
        evaluateInFlight();
        break;
    case Stage::Paid:
        updateRefundInfo();
        showStatus(Tone::Success, paidText()); // a duplicate may show up after the order was paid
        break;
    case Stage::Failed:
        updateRefundInfo();
        break;
    case Stage::Basket:
    case Stage::Submitting:
    case Stage::Switching:
        break;
    }
}

void CheckoutPage::handlePollFailed(const QString &reason, int delayMs)
{
    // Transient: the poller retries by itself. Only worth a word while a payment is open.
    if (m_stage == Stage::InFlight && m_poller->consecutiveFailures() >= 3)
        showStatus(Tone::Progress, [reason, seconds = (delayMs + 999) / 1000] {
            return tr("Waiting for the payment service (%1); trying again in %2 s.").arg(reason).arg(seconds);
        });
}

void CheckoutPage::evaluateInFlight()
{
    if (m_stage != Stage::InFlight || m_snapshot.isEmpty())
        return;
    QJsonObject payment;
    for (const QJsonValue &v : m_snapshot.value(u"payments"_s).toArray()) {
        if (v.toObject().value(u"payment_no"_s).toString() == m_paymentNo)
            payment = v.toObject();
    }
    if (payment.isEmpty())
        return;
    const QJsonArray flows = flowsOf(m_snapshot, m_paymentNo);
    const QString status = payment.value(u"status"_s).toString();
    if (status == u"SUCCEEDED"_s) {
        handlePaid(flows);
        return;
    }
    // The order was paid by another attempt of this sale: this one is a duplicate (refunded in
    // full by the engine) or was not needed. Either way the sale is paid, by that attempt.
    const QString tradeStatus = m_snapshot.value(u"status"_s).toString();
    const bool orderPaid = tradeStatus == u"PAID"_s || tradeStatus == u"PARTIALLY_REFUNDED"_s || tradeStatus == u"REFUNDED"_s;
    if (orderPaid && (status == u"DUPLICATE"_s || status == u"CLOSED"_s)) {
        QString payingNo;
        for (const QJsonValue &v : m_snapshot.value(u"payments"_s).toArray()) {
            if (v.toObject().value(u"status"_s).toString() == u"SUCCEEDED"_s)
                payingNo = v.toObject().value(u"payment_no"_s).toString();
        }
        handlePaid(flowsOf(m_snapshot, payingNo));
        return;
    }
    if (status == u"FAILED"_s || status == u"CLOSED"_s) {
        handleFailed(payment, flows);
        return;
    }

    // Still going: a QR code waiting for the customer, or a leg the channel has not answered.
    const qint64 now = m_clock.elapsed();
    QJsonObject qrFlow;
    QString current;
    bool confirming = false;
    qint64 nextCheck = -1;
    for (const QJsonValue &v : flows) {
        const QJsonObject f = v.toObject();
        const QString flowStatus = f.value(u"status"_s).toString();
        const QString flowNo = f.value(u"flow_no"_s).toString();
        const bool waitingForScan = !f.value(u"qr_content"_s).toString().isEmpty()
            && (flowStatus == u"PREPAID"_s || flowStatus == u"PAYING"_s)
            && f.value(u"qr_expires_at"_s).toInteger() > QDateTime::currentMSecsSinceEpoch();
        if (waitingForScan) {
            qrFlow = f;
            continue;
        }
        if (flowStatus == u"PAYING"_s || flowStatus == u"INIT"_s || flowStatus == u"PREPAID"_s) {
            if (current.isEmpty())
                current = f.value(u"channel"_s).toString();
        }
        if (flowStatus == u"PAYING"_s) {
            const qint64 since = m_payingSince.value(flowNo, -1);
            if (since < 0)
                m_payingSince.insert(flowNo, now);
            const qint64 age = since < 0 ? 0 : now - since;
            if (age >= kConfirmingAfterMs)
                confirming = true;
            else
                nextCheck
                    = nextCheck < 0 ? kConfirmingAfterMs - age : qMin(nextCheck, kConfirmingAfterMs - age);
        }
    }
    if (!qrFlow.isEmpty()) {
        m_qr->showFlow(qrFlow.value(u"channel"_s).toString(), qrFlow.value(u"flow_no"_s).toString(),
            qrFlow.value(u"amount"_s).toInteger(), qrFlow.value(u"qr_content"_s).toString(),
            qrFlow.value(u"qr_expires_at"_s).toInteger());
        m_switchMethod->setVisible(true);
    } else {
        m_qr->clearFlow();
        m_switchMethod->setVisible(false);
    }
    if (confirming)
        showStatus(Tone::Progress,
            [] { return tr("Confirming with the channel… The result will show here by itself."); });
    else if (!qrFlow.isEmpty())
        showStatus(Tone::Progress, [] { return tr("Waiting for the customer to scan the QR code…"); });
    else if (!current.isEmpty())
        showStatus(Tone::Progress,
            [current] { return tr("Paying by %1…").arg(DisplayText::paymentMethod(current)); });
    if (nextCheck >= 0)
        m_confirmCheck.start(int(nextCheck) + 50);
}

void CheckoutPage::handlePaid(const QJsonArray &flows)
{
    m_qr->clearFlow();
    m_confirmCheck.stop();
    Receipt receipt;
    receipt.outTradeNo = m_outTradeNo;
    receipt.paidAt = QDateTime::currentDateTime();
    receipt.cashier = m_operator;
    receipt.lines = m_basket->lines();
    receipt.totalMinor = m_basket->totalMinor();
    const QList<TenderLeg> legs = m_tender->legs();
    for (const QJsonValue &v : flows) {
        const QJsonObject f = v.toObject();
        if (f.value(u"status"_s).toString() != u"SUCCEEDED"_s)
            continue;
        const QString channel = f.value(u"channel"_s).toString();
        QString account;
        for (const TenderLeg &leg : legs) {
            if (leg.channel == channel)
                account = leg.account;
        }
        receipt.payments.append({channel, account, f.value(u"amount"_s).toInteger()});
    }
    m_receipt = receipt;
    setStage(Stage::Paid);
    showStatus(Tone::Success, paidText());
    updateRefundInfo();
    emit paymentSucceeded(m_outTradeNo);
    emit receiptReady();
    if (m_autoPreview)
        openPrintPreview();
}

// "Paid", or what the cashier must know besides: the customer paid twice (the second payment is
// refunded automatically), or an earlier code of this sale was paid, so the last one was not
// needed.
CheckoutPage::StatusText CheckoutPage::paidText() const
{
    bool twice = false;
    QString mine;
    for (const QJsonValue &v : m_snapshot.value(u"payments"_s).toArray()) {
        const QJsonObject p = v.toObject();
        twice = twice || p.value(u"status"_s).toString() == u"DUPLICATE"_s;
        if (p.value(u"payment_no"_s).toString() == m_paymentNo)
            mine = p.value(u"status"_s).toString();
    }
    const qint64 total = m_receipt ? m_receipt->totalMinor : m_basket->totalMinor();
    if (twice)
        return [total] {
            return tr("Paid %1. Paid twice: the second payment is being refunded automatically.").arg(money(total));
        };
    if (mine == u"CLOSED"_s)
        return [total] { return tr("Already paid %1 with the earlier code; nothing more to take.").arg(money(total)); };
    return [total] { return tr("Paid %1. Thank you!").arg(money(total)); };
}

void CheckoutPage::handleFailed(const QJsonObject &payment, const QJsonArray &flows)
{
    m_qr->clearFlow();
    m_confirmCheck.stop();
    QString reason;
    QString failedChannel;
    for (const QJsonValue &v : flows) {
        const QJsonObject f = v.toObject();
        // Legs that did succeed are given back by one automatic refund of the engine.
        if (f.value(u"status"_s).toString() == u"SUCCEEDED"_s)
            m_reversalExpected = true;
        if (f.value(u"status"_s).toString() == u"FAILED"_s && failedChannel.isEmpty()) {
            failedChannel = f.value(u"channel"_s).toString();
            reason = f.value(u"fail_reason"_s).toString();
        }
    }
    if (reason.isEmpty())
        reason = payment.value(u"fail_reason"_s).toString();
    if (reason.isEmpty())
        reason = tr("the payment was stopped");
    setStage(Stage::Failed);
    if (!failedChannel.isEmpty())
        m_tender->dropLeg(failedChannel);
    m_failureText = [failedChannel, reason] {
        const QString what = failedChannel.isEmpty()
            ? tr("The payment failed: %1.").arg(reason)
            : tr("%1 failed: %2.").arg(DisplayText::paymentMethod(failedChannel), reason);
        return tr("%1 Anything already taken is given back automatically. "
                  "Choose another way to pay and press Pay (F12).")
            .arg(what);
    };
    showStatus(Tone::Error, m_failureText);
    updateRefundInfo();
    emit paymentFailed(reason);
}

void CheckoutPage::updateRefundInfo()
{
    QStringList lines;
    bool pending = false;
    for (const QJsonValue &v : m_snapshot.value(u"refunds"_s).toArray()) {
        const QJsonObject r = v.toObject();
        const QString status = r.value(u"status"_s).toString();
        pending = pending || (status != u"SUCCEEDED"_s && status != u"FAILED"_s);
        const QString state = status == u"SUCCEEDED"_s ? tr("done")
            : status == u"FAILED"_s                    ? tr("failed, operations will follow up")
                                                       : tr("in progress");
        lines << tr("Given back %1: %2").arg(money(r.value(u"amount"_s).toInteger()), state);
    }
    if (m_reversalExpected && lines.size() <= m_refundBaseline)
        pending = true; // the reversal is not in the snapshot yet
    m_refundStatus->setText(lines.join(u'\n'));
    // A coupon or wallet amount being given back cannot be used again until it is back.
    if (m_stage == Stage::Failed)
        m_tender->setBusy(pending);
    if (m_stage == Stage::Failed && !lines.isEmpty()) {
        // Keep the failure in view, with what has been given back under it.
        // "-> QString": with QStringBuilder an auto return would dangle.
        showStatus(Tone::Error,
            [failure = m_failureText, lines]() -> QString { return failure() + u'\n' + lines.join(u'\n'); });
    }
}

void CheckoutPage::handleSimulateScan(const QString &channel, const QString &flowNo)
{
    if (!m_host)
        return;
    m_qr->setScanPending(true);
    m_host->run<Result<ChannelResult>>(
        [channel, flowNo](PaymentCore &core) { return simulateCustomerScan(core, channel, flowNo); }, this,
        [this](Result<ChannelResult> result) {
            if (!result) {
                m_qr->setScanPending(false);
                showStatus(Tone::Error, [message = result.error().message] {
                    return tr("The customer could not pay: %1").arg(message);
                });
            }
        });
}

void CheckoutPage::handleRefundRequested()
{
    if (m_stage != Stage::Paid || !m_host)
        return;
    auto amount = MoneyInput::parseMinor(m_refundAmount->text(), Currency::cny());
    if (!amount || *amount <= 0) {
        m_refundStatus->setText(amount ? tr("Enter an amount above zero.") : amount.error().message);
        return;
    }
    const qint64 refundable
        = m_snapshot.value(u"paid"_s).toInteger() - m_snapshot.value(u"refunded"_s).toInteger();
    if (!m_snapshot.isEmpty() && *amount > refundable) {
        m_refundStatus->setText(tr("At most %1 can be refunded.").arg(money(refundable)));
        return;
    }
    const auto me = Staff::find(m_operator);
    const StaffRole role = me ? me->role : StaffRole::Cashier;
    if (!Staff::needsApproval(role, *amount)) {
        sendRefund(*amount, QString());
        return;
    }
    auto *dialog = new ManagerPinDialog(
        tr("A refund of %1 is above the cashier's limit of %2. A manager must approve it.")
            .arg(money(*amount), money(Staff::kCashierRefundLimitMinor)),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 value = *amount;
    connect(dialog, &ManagerPinDialog::approved, this,
        [this, value](const QString &by) { sendRefund(value, by); });
    connect(dialog, &QDialog::rejected, this,
        [this] { m_refundStatus->setText(tr("The refund was not approved.")); });
    dialog->open();
}

void CheckoutPage::sendRefund(qint64 amountMinor, const QString &approvedBy)
{
    RefundCommand command;
    command.outTradeNo = m_outTradeNo;
    command.refundNo = u"RF%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(20).toUpper());
    command.amountMinor = amountMinor;
    command.requestedBy = m_operator;
    command.approvedBy = approvedBy;
    command.note = tr("Refund at the till");
    m_refund->setEnabled(false);
    m_refundStatus->setText(tr("Sending the refund…"));
    m_host->refund(command, this, [this](Result<QString> result) {
        m_refund->setEnabled(true);
        if (!result) {
            m_refundStatus->setText(tr("The refund was refused: %1").arg(result.error().message));
            return;
        }
        m_refundAmount->clear();
        m_myRefunds << *result;
        m_refundStatus->setText(tr("Refund %1 accepted.").arg(*result));
        emit refundAccepted(*result);
    });
}

Result<void> CheckoutPage::saveReceiptPdf(const QString &path) const
{
    if (!m_receipt)
        return fail(ErrorCode::InvalidArgument, tr("There is no receipt yet."));
    return ReceiptDocument::savePdf(*m_receipt, path);
}

void CheckoutPage::openPrintPreview()
{
    if (!m_receipt)
        return;
    auto *dialog = new QPrintPreviewDialog(this);
    dialog->setObjectName(u"receiptPreview"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Receipt %1").arg(m_receipt->outTradeNo));
    ReceiptDocument::setUpPrinter(dialog->printer());
    const Receipt receipt = *m_receipt;
    connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
        [receipt](QPrinter *printer) { ReceiptDocument::print(receipt, printer); });
    dialog->open();
}

void CheckoutPage::handleSavePdfRequested()
{
    if (!m_receipt)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(this, tr("Save Receipt as PDF"),
        dir + u"/receipt-%1.pdf"_s.arg(m_receipt->outTradeNo), tr("PDF files (*.pdf)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"pdf"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (auto saved = saveReceiptPdf(path); !saved)
            showStatus(Tone::Error, saved.error().message);
        else
            showStatus(Tone::Success, [path] { return tr("Receipt saved to %1.").arg(path); });
    });
    dialog->open();
}

void CheckoutPage::newSale()
{
    m_poller->stop();
    m_confirmCheck.stop();
    m_outTradeNo.clear();
    m_paymentNo.clear();
    m_attemptKey.clear();
    m_tradeCreated = false;
    m_reversalExpected = false;
    m_refundBaseline = 0;
    m_snapshot = {};
    m_payingSince.clear();
    m_receipt.reset();
    m_myRefunds.clear();
    m_basket->clear();
    m_tender->reset();
    m_qr->clearFlow();
    m_refundAmount->clear();
    m_refundStatus->clear();
    m_entryHint->clear();
    m_tradeLabel->clear();
    setStage(Stage::Basket);
    showStatus(Tone::Neutral, QString());
    m_itemEntry->setFocus();
}

void CheckoutPage::loadDemoBasket()
{
    for (const auto &[code, quantity] :
        {std::pair {u"A05"_s, 2}, {u"B06"_s, 1}, {u"C01"_s, 1}, {u"E03"_s, 3}}) {
        if (const auto item = Catalogue::find(code))
            m_basket->add(*item, quantity);
    }
}

void CheckoutPage::startDemoPayment()
{
    auto *coupon = m_tender->findChild<QLineEdit *>(u"couponCode"_s);
    auto *couponAmount = m_tender->findChild<QLineEdit *>(u"couponAmount"_s);
    auto *member = m_tender->findChild<QLineEdit *>(u"walletMember"_s);
    auto *walletAmount = m_tender->findChild<QLineEdit *>(u"walletAmount"_s);
    // CP-10OFF-B: a voucher the demo seed leaves unused.
    coupon->setText(u"CP-10OFF-B"_s);
    couponAmount->setText(MoneyInput::editText(1000, Currency::cny()));
    member->setText(u"M1001"_s);
    walletAmount->setText(MoneyInput::editText(2000, Currency::cny()));
    m_tender->chooseRemainder(u"qr_a"_s);
    handlePayRequested();
}

void CheckoutPage::setStage(Stage stage)
{
    m_stage = stage;
    const bool open = stage == Stage::Basket;
    m_itemEntry->setEnabled(open);
    m_quantity->setEnabled(open);
    m_addItem->setEnabled(open);
    m_removeLine->setEnabled(open);
    m_tender->setBusy(stage == Stage::Submitting || stage == Stage::InFlight || stage == Stage::Paid);
    m_switchMethod->setVisible(stage == Stage::InFlight && m_qr->isVisible());
    m_receiptRow->setVisible(stage == Stage::Paid);
    m_refundBox->setVisible(stage == Stage::Paid);
    m_newSale->setEnabled(stage != Stage::Submitting && stage != Stage::InFlight);
}

void CheckoutPage::showStatus(Tone tone, const QString &text)
{
    showStatus(tone, StatusText([text] { return text; }));
}

void CheckoutPage::showStatus(Tone tone, StatusText text)
{
    m_statusText = std::move(text);
    m_tone = tone;
    QString colour;
    switch (tone) {
    case Tone::Neutral:
        colour = u"palette(text)"_s;
        break;
    case Tone::Progress:
        colour = u"#1565c0"_s;
        break;
    case Tone::Success:
        colour = u"#1b7f2a"_s;
        break;
    case Tone::Error:
        colour = u"#c62828"_s;
        break;
    }
    m_status->setStyleSheet(u"QLabel#paymentStatus { color: %1; }"_s.arg(colour));
    m_status->setText(m_statusText ? m_statusText() : QString());
}

void CheckoutPage::retranslateUi()
{
    m_title->setText(tr("Checkout"));
    m_entryLabel->setText(tr("&Item code or barcode"));
    m_itemEntry->setPlaceholderText(tr("e.g. A01 or 6901234560015"));
    m_quantityLabel->setText(tr("&Qty"));
    m_addItem->setText(tr("Add"));
    m_removeLine->setText(tr("Remove line [Del]"));
    m_totalCaption->setText(tr("Total"));
    m_preview->setText(tr("Print receipt…"));
    m_savePdf->setText(tr("Save receipt as PDF…"));
    m_newSale->setText(tr("New sale [F9]"));
    m_switchMethod->setText(tr("Pay another way…"));
    m_refundBox->setTitle(tr("Refund (cashier limit %1)").arg(money(Staff::kCashierRefundLimitMinor)));
    m_refundAmountLabel->setText(tr("Amount"));
    m_refund->setText(tr("Refund"));
    const QList<std::pair<QString, QString>> keys {{u"F8"_s, tr("Item entry")}, {u"F2"_s, tr("Coupon")},
        {u"F3"_s, tr("Wallet")}, {u"F4"_s, tr("Card")}, {u"F5"_s, tr("QR A")}, {u"F6"_s, tr("QR B")},
        {u"F12"_s, tr("Pay")}, {u"F9"_s, tr("New sale")}, {u"Del"_s, tr("Remove line")}};
    QStringList parts;
    for (const auto &[key, what] : keys)
        parts << u"<b style='color:#ffd54f'>%1</b>&nbsp;%2"_s.arg(key, what.toHtmlEscaped());
    m_keyHelp->setText(parts.join(u"&nbsp;&nbsp;&nbsp; "_s));
    m_basket->retranslate();
    if (m_statusText)
        m_status->setText(m_statusText());
    if (m_outTradeNo.isEmpty())
        m_tradeLabel->setText(tr("Cashier: %1").arg(m_operator));
    else
        m_tradeLabel->setText(tr("Order %1").arg(m_outTradeNo));
}

void CheckoutPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace pay::ui
