#include "qrpaymentpanel.h"

#include "displaytext.h"
#include "qrcodewidget.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pay::ui {

QrPaymentPanel::QrPaymentPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_code(new QrCodeWidget(this))
    , m_caption(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_simulate(new QPushButton(this))
{
    setObjectName(u"qrPanel"_s);
    m_caption->setObjectName(u"qrCaption"_s);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_countdown->setObjectName(u"qrCountdown"_s);
    m_countdown->setAlignment(Qt::AlignCenter);
    QFont f = m_countdown->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_countdown->setFont(f);
    m_simulate->setObjectName(u"simulateScanButton"_s);
    m_simulate->setVisible(false);

    // Code on the left, words on the right: the panel stays short enough for a 768-line screen.
    auto *words = new QVBoxLayout;
    words->addStretch(1);
    words->addWidget(m_caption);
    words->addWidget(m_countdown);
    words->addStretch(1);
    words->addWidget(m_simulate);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_code, 0, Qt::AlignVCenter);
    layout->addLayout(words, 1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &QrPaymentPanel::updateCountdown);
    connect(m_simulate, &QPushButton::clicked, this, [this] {
        if (!m_flowNo.isEmpty())
            emit simulateScanRequested(m_channel, m_flowNo);
    });
    retranslateUi();
}

void QrPaymentPanel::showFlow(const QString &channel, const QString &flowNo, qint64 amountMinor,
    const QString &qrContent, qint64 expiresAtMs)
{
    if (flowNo != m_flowNo)
        setScanPending(false);
    m_channel = channel;
    m_flowNo = flowNo;
    m_amountMinor = amountMinor;
    m_expiresAtMs = expiresAtMs;
    if (m_code->text() != qrContent)
        m_code->setText(qrContent);
    retranslateUi();
    m_tick.start();
    show();
}

void QrPaymentPanel::clearFlow()
{
    m_flowNo.clear();
    m_channel.clear();
    m_code->setText(QString());
    m_tick.stop();
    hide();
}

void QrPaymentPanel::setTrainingMode(bool on)
{
    m_simulate->setVisible(on);
}

void QrPaymentPanel::setScanPending(bool pending)
{
    m_simulate->setEnabled(!pending);
}

void QrPaymentPanel::updateCountdown()
{
    if (m_expiresAtMs <= 0) {
        m_countdown->clear();
        return;
    }
    const qint64 left = qMax<qint64>(0, (m_expiresAtMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
    if (left == 0) {
        m_countdown->setText(tr("The code has expired"));
        m_countdown->setStyleSheet(u"color: #c62828;"_s);
        return;
    }
    m_countdown->setText(tr("Expires in %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    m_countdown->setStyleSheet(left <= 30 ? u"color: #c62828;"_s : QString());
}

void QrPaymentPanel::retranslateUi()
{
    setTitle(tr("Scan to pay"));
    m_caption->setText(m_flowNo.isEmpty()
            ? QString()
            : tr("Ask the customer to scan with %1: %2")
                  .arg(DisplayText::paymentMethod(m_channel),
                      DisplayText::money(Money(m_amountMinor, Currency::cny()))));
    m_simulate->setText(tr("Simulate customer scan\n(training)"));
    updateCountdown();
}

void QrPaymentPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

} // namespace pay::ui
