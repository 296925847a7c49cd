#include "opsactiondialog.h"

#include "moneyinput.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pay::ui {

OpsActionDialog::OpsActionDialog(const QString &title, const QString &prompt, Fields fields, QWidget *parent)
    : QDialog(parent)
    , m_fields(fields | Reason)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("opsActionDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(prompt, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    const auto addEdit = [this, form](const QString &name, const QString &label, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &OpsActionDialog::updateOkButton);
        return edit;
    };
    m_reason = addEdit(QStringLiteral("reasonEdit"), tr("Reason"), tr("Why (recorded in the audit log)"));
    if (m_fields & Amount)
        m_amount = addEdit(QStringLiteral("amountEdit"), tr("Amount"), tr("e.g. 12.50"));
    if (m_fields & Resolution)
        m_resolution = addEdit(QStringLiteral("resolutionEdit"), tr("Resolution"),
                               tr("e.g. adjusted in the ledger, channel confirmed"));
    if (m_fields & Approval) {
        auto *second = new QLabel(tr("A second person must approve: a manager other than you."), this);
        second->setWordWrap(true);
        form->addRow(second);
        m_approver = addEdit(QStringLiteral("approverEdit"), tr("Manager"), tr("e.g. manager1"));
        m_pin = addEdit(QStringLiteral("approverPinEdit"), tr("PIN"), QString());
        m_pin->setEchoMode(QLineEdit::Password);
        m_pin->setMaxLength(12);
    }
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(title);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOkButton();
    resize(std::max(420, sizeHint().width()), sizeHint().height());
}

void OpsActionDialog::setAmount(qint64 minor, Currency currency)
{
    m_currency = currency;
    if (m_amount)
        m_amount->setText(MoneyInput::editText(minor, currency));
}

QString OpsActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString OpsActionDialog::resolution() const
{
    return m_resolution ? m_resolution->text().trimmed() : QString();
}

qint64 OpsActionDialog::amountMinor() const
{
    if (!m_amount)
        return -1;
    auto minor = MoneyInput::parseMinor(m_amount->text(), m_currency);
    return minor && *minor > 0 ? *minor : -1;
}

QString OpsActionDialog::approverId() const
{
    return m_approver ? m_approver->text().trimmed() : QString();
}

QString OpsActionDialog::approverPin() const
{
    return m_pin ? m_pin->text() : QString();
}

void OpsActionDialog::updateOkButton()
{
    bool ok = !reason().isEmpty();
    if (m_amount)
        ok = ok && amountMinor() > 0;
    if (m_resolution)
        ok = ok && !resolution().isEmpty();
    if (m_approver)
        ok = ok && !approverId().isEmpty() && !approverPin().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace pay::ui
