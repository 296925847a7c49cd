#include "managerpindialog.h"

#include "engine/staff.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pay::ui {

ManagerPinDialog::ManagerPinDialog(const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_user(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"managerPinDialog"_s);
    setWindowTitle(tr("Manager approval"));
    m_user->setObjectName(u"managerUser"_s);
    m_user->setPlaceholderText(tr("e.g. manager1"));
    m_pin->setObjectName(u"managerPin"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_error->setObjectName(u"pinError"_s);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *why = new QLabel(reason, this);
    why->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Manager"), m_user);
    form->addRow(tr("PIN"), m_pin);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Approve"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ManagerPinDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ManagerPinDialog::reject);
}

void ManagerPinDialog::accept()
{
    auto member = Staff::approveRefund(m_user->text().trimmed(), m_pin->text());
    m_pin->clear();
    if (!member) {
        ++m_failures;
        if (m_failures >= kMaxAttempts) {
            reject();
            return;
        }
        m_error->setText(
            tr("%1 Attempts left: %2.").arg(member.error().message).arg(kMaxAttempts - m_failures));
        m_error->show();
        m_pin->setFocus();
        return;
    }
    m_approvedBy = member->userId;
    emit approved(m_approvedBy);
    QDialog::accept();
}

} // namespace pay::ui
