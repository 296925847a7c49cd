#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pay::ui {

// Asks a manager to approve something a cashier may not do alone (a refund above the limit).
// Checks the user and PIN against the staff list in the core; a wrong PIN keeps the dialog
// open with a message, three wrong PINs reject it.
class ManagerPinDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ManagerPinDialog(const QString &reason, QWidget *parent = nullptr);

    QString approvedBy() const { return m_approvedBy; }
    int failedAttempts() const { return m_failures; }
    static constexpr int kMaxAttempts = 3;

signals:
    void approved(const QString &userId);

public slots:
    void accept() override;

private:
    QLineEdit *m_user = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_approvedBy;
    int m_failures = 0;
};

} // namespace pay::ui
