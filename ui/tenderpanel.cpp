#include "tenderpanel.h"

#include "displaytext.h"
#include "moneyinput.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pay::ui {

namespace {

QLineEdit *makeField(const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setClearButtonEnabled(true);
    return edit;
}

QString money(qint64 minor)
{
    return DisplayText::money(Money(minor, Currency::cny()));
}

} // namespace

TenderPanel::TenderPanel(QWidget *parent)
    : QWidget(parent)
    , m_dueCaption(new QLabel(this))
    , m_dueLabel(new QLabel(this))
    , m_couponBox(new QGroupBox(this))
    , m_couponCodeLabel(new QLabel(this))
    , m_couponAmountLabel(new QLabel(this))
    , m_couponCode(makeField(u"couponCode"_s, this))
    , m_couponAmount(makeField(u"couponAmount"_s, this))
    , m_walletBox(new QGroupBox(this))
    , m_walletMemberLabel(new QLabel(this))
    , m_walletAmountLabel(new QLabel(this))
    , m_walletMember(makeField(u"walletMember"_s, this))
    , m_walletAmount(makeField(u"walletAmount"_s, this))
    , m_remainderBox(new QGroupBox(this))
    , m_methods(new QButtonGroup(this))
    , m_card(new QRadioButton(this))
    , m_qrA(new QRadioButton(this))
    , m_qrB(new QRadioButton(this))
    , m_remainderLabel(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_pay(new QPushButton(this))
{
    setObjectName(u"tenderPanel"_s);
    m_dueCaption->setObjectName(u"dueCaption"_s);
    m_dueLabel->setObjectName(u"dueLabel"_s);
    m_dueLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont big = m_dueLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    m_dueLabel->setFont(big);
    QFont caption = m_dueCaption->font();
    caption.setPointSizeF(caption.pointSizeF() * 1.3);
    m_dueCaption->setFont(caption);

    m_couponCode->setMaxLength(32);
    m_walletMember->setMaxLength(16);
    for (QLineEdit *amount : {m_couponAmount, m_walletAmount}) {
        amount->setAlignment(Qt::AlignRight);
        amount->setMaxLength(20);
    }
    m_card->setObjectName(u"methodCard"_s);
    m_qrA->setObjectName(u"methodQrA"_s);
    m_qrB->setObjectName(u"methodQrB"_s);
    m_card->setProperty("channel", u"card"_s);
    m_qrA->setProperty("channel", u"qr_a"_s);
    m_qrB->setProperty("channel", u"qr_b"_s);
    m_methods->addButton(m_card);
    m_methods->addButton(m_qrA);
    m_methods->addButton(m_qrB);
    m_remainderLabel->setObjectName(u"remainderLabel"_s);
    m_remainderLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_hint->setObjectName(u"tenderHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(u"color: #b00020;"_s);
    m_pay->setObjectName(u"payButton"_s);
    m_pay->setMinimumHeight(48);
    QFont payFont = m_pay->font();
    payFont.setPointSizeF(payFont.pointSizeF() * 1.4);
    payFont.setBold(true);
    m_pay->setFont(payFont);

    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_dueCaption);
    dueRow->addStretch(1);
    dueRow->addWidget(m_dueLabel);

    auto *couponGrid = new QGridLayout(m_couponBox);
    couponGrid->addWidget(m_couponCodeLabel, 0, 0);
    couponGrid->addWidget(m_couponCode, 0, 1);
    couponGrid->addWidget(m_couponAmountLabel, 0, 2);
    couponGrid->addWidget(m_couponAmount, 0, 3);
    couponGrid->setColumnStretch(1, 3);
    couponGrid->setColumnStretch(3, 2);
    m_couponCodeLabel->setBuddy(m_couponCode);
    m_couponAmountLabel->setBuddy(m_couponAmount);

    auto *walletGrid = new QGridLayout(m_walletBox);
    walletGrid->addWidget(m_walletMemberLabel, 0, 0);
    walletGrid->addWidget(m_walletMember, 0, 1);
    walletGrid->addWidget(m_walletAmountLabel, 0, 2);
    walletGrid->addWidget(m_walletAmount, 0, 3);
    walletGrid->setColumnStretch(1, 3);
    walletGrid->setColumnStretch(3, 2);
    m_walletMemberLabel->setBuddy(m_walletMember);
    m_walletAmountLabel->setBuddy(m_walletAmount);

    auto *remainderRow = new QHBoxLayout(m_remainderBox);
    remainderRow->addWidget(m_card);
    remainderRow->addWidget(m_qrA);
    remainderRow->addWidget(m_qrB);
    remainderRow->addStretch(1);
    remainderRow->addWidget(m_remainderLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(dueRow);
    layout->addWidget(m_couponBox);
    layout->addWidget(m_walletBox);
    layout->addWidget(m_remainderBox);
    layout->addWidget(m_hint);
    layout->addWidget(m_pay);

    for (QLineEdit *edit : {m_couponCode, m_couponAmount, m_walletMember, m_walletAmount})
        connect(edit, &QLineEdit::textChanged, this, &TenderPanel::refresh);
    // A leg's amount starts at what is still due when its account is first entered.
    connect(m_couponCode, &QLineEdit::textEdited, this, [this] { prefillAmount(m_couponAmount); });
    connect(m_walletMember, &QLineEdit::textEdited, this, [this] { prefillAmount(m_walletAmount); });
    connect(m_methods, &QButtonGroup::buttonToggled, this, &TenderPanel::refresh);
    connect(m_pay, &QPushButton::clicked, this, [this] {
        if (isCovered() && !m_busy)
            emit payRequested();
    });

    retranslateUi();
}

void TenderPanel::setTotal(qint64 totalMinor)
{
    m_total = totalMinor;
    refresh();
}

void TenderPanel::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> {m_couponBox, m_walletBox, m_remainderBox})
        w->setEnabled(!busy);
    refresh();
}

TenderPanel::Split TenderPanel::split() const
{
    Split s;
    const Currency cny = Currency::cny();
    auto amountOf = [&](QLineEdit *account, QLineEdit *amount, const QString &what) -> qint64 {
        if (account->text().trimmed().isEmpty())
            return 0;
        auto parsed = MoneyInput::parseMinor(amount->text(), cny);
        if (!parsed) {
            if (s.error.isEmpty())
                s.error = tr("%1: %2").arg(what, parsed.error().message);
            return 0;
        }
        return *parsed;
    };
    s.coupon = amountOf(m_couponCode, m_couponAmount, tr("Coupon"));
    s.wallet = amountOf(m_walletMember, m_walletAmount, tr("Wallet"));
    if (m_methods->checkedButton())
        s.remainder = qMax<qint64>(0, m_total - s.coupon - s.wallet);
    return s;
}

qint64 TenderPanel::dueMinor() const
{
    const Split s = split();
    return m_total - s.coupon - s.wallet - s.remainder;
}

bool TenderPanel::isCovered() const
{
    const Split s = split();
    return m_total > 0 && s.error.isEmpty() && m_total - s.coupon - s.wallet - s.remainder == 0;
}

QList<TenderLeg> TenderPanel::legs() const
{
    if (!isCovered())
        return {};
    const Split s = split();
    QList<TenderLeg> legs;
    if (s.coupon > 0)
        legs.append({u"coupon"_s, m_couponCode->text().trimmed().toUpper(), s.coupon});
    if (s.wallet > 0)
        legs.append({u"wallet"_s, m_walletMember->text().trimmed().toUpper(), s.wallet});
    if (s.remainder > 0)
        legs.append({remainderChannel(), QString(), s.remainder});
    return legs;
}

QString TenderPanel::remainderChannel() const
{
    QAbstractButton *checked = m_methods->checkedButton();
    return checked ? checked->property("channel").toString() : QString();
}

void TenderPanel::reset()
{
    for (QLineEdit *edit : {m_couponCode, m_couponAmount, m_walletMember, m_walletAmount})
        edit->clear();
    chooseRemainder(QString());
    setBusy(false);
}

void TenderPanel::dropLeg(const QString &channel)
{
    if (channel == u"coupon"_s) {
        m_couponCode->clear();
        m_couponAmount->clear();
    } else if (channel == u"wallet"_s) {
        m_walletMember->clear();
        m_walletAmount->clear();
    } else if (channel == remainderChannel()) {
        chooseRemainder(QString());
    }
    refresh();
}

void TenderPanel::focusCoupon()
{
    prefillAmount(m_couponAmount);
    m_couponCode->setFocus(Qt::ShortcutFocusReason);
    m_couponCode->selectAll();
}

void TenderPanel::focusWallet()
{
    prefillAmount(m_walletAmount);
    m_walletMember->setFocus(Qt::ShortcutFocusReason);
    m_walletMember->selectAll();
}

void TenderPanel::chooseRemainder(const QString &channel)
{
    if (m_busy)
        return;
    m_methods->setExclusive(false);
    for (QAbstractButton *b : m_methods->buttons())
        b->setChecked(b->property("channel").toString() == channel);
    m_methods->setExclusive(true);
    refresh();
}

void TenderPanel::prefillAmount(QLineEdit *amount)
{
    if (!amount->text().isEmpty())
        return;
    const Split s = split();
    const qint64 due = m_total - s.coupon - s.wallet;
    if (due > 0)
        amount->setText(MoneyInput::editText(due, Currency::cny()));
}

void TenderPanel::refresh()
{
    const Split s = split();
    const qint64 internal = s.coupon + s.wallet;
    const qint64 due = m_total - internal - s.remainder;
    const bool covered = isCovered();
    m_dueLabel->setText(money(qMax<qint64>(0, due)));
    if (m_total <= 0)
        m_dueCaption->setText(tr("Nothing to pay yet"));
    else if (due < 0)
        m_dueCaption->setText(tr("Too much by %1").arg(money(-due)));
    else if (covered)
        m_dueCaption->setText(tr("Covered"));
    else
        m_dueCaption->setText(tr("Still due"));
    const QString colour = covered ? u"#1b7f2a"_s : u"#c62828"_s;
    m_dueLabel->setStyleSheet(u"color: %1;"_s.arg(colour));
    m_dueCaption->setStyleSheet(u"color: %1;"_s.arg(colour));
    m_remainderLabel->setText(
        m_methods->checkedButton() ? money(s.remainder) : money(qMax<qint64>(0, m_total - internal)));
    m_hint->setText(s.error);
    m_hint->setVisible(!s.error.isEmpty());
    m_pay->setEnabled(covered && !m_busy);
    emit coverageChanged(covered);
}

void TenderPanel::retranslateUi()
{
    m_couponBox->setTitle(tr("Coupon  [F2]"));
    m_couponCodeLabel->setText(tr("Code"));
    m_couponAmountLabel->setText(tr("Amount"));
    m_couponCode->setPlaceholderText(tr("e.g. CP-5OFF"));
    m_walletBox->setTitle(tr("Wallet  [F3]"));
    m_walletMemberLabel->setText(tr("Member"));
    m_walletAmountLabel->setText(tr("Amount"));
    m_walletMember->setPlaceholderText(tr("e.g. M1001"));
    m_remainderBox->setTitle(tr("The rest by"));
    m_card->setText(tr("Card [F4]"));
    m_qrA->setText(tr("QR A [F5]"));
    m_qrB->setText(tr("QR B [F6]"));
    m_pay->setText(tr("Pay  [F12]"));
    refresh();
}

void TenderPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace pay::ui
