#pragma once

#include "money/money.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pay::ui {

// Asks for what an operations action needs before it runs: always a reason; an amount for a
// refund; how a break was resolved; and, for money-moving actions, a second person (a manager's
// user id and PIN, masked). The dialog only collects: the core checks the approval and records a
// refusal in the audit log, so a wrong PIN is reported by the action's result, not here.
class OpsActionDialog : public QDialog
{
    Q_OBJECT

public:
    enum Field { Reason = 0x1, Amount = 0x2, Resolution = 0x4, Approval = 0x8 };
    Q_DECLARE_FLAGS(Fields, Field)

    OpsActionDialog(const QString &title, const QString &prompt, Fields fields, QWidget *parent = nullptr);

    // Refund: the amount shown at first (the refundable rest) and its currency.
    void setAmount(qint64 minor, Currency currency);

    QString reason() const;
    QString resolution() const;
    qint64 amountMinor() const; // -1 when the text is no valid amount
    QString approverId() const;
    QString approverPin() const;

private:
    void updateOkButton();

    Fields m_fields;
    Currency m_currency = Currency::cny();
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_resolution = nullptr;
    QLineEdit *m_approver = nullptr;
    QLineEdit *m_pin = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(OpsActionDialog::Fields)

} // namespace pay::ui
