#include "reconciliationpage.h"

namespace pay::ui {

ReconciliationPage::ReconciliationPage(QWidget *parent)
    : PlaceholderPage(parent)
{
    setObjectName(QStringLiteral("reconciliationpage"));
    retranslateUi();
}

QString ReconciliationPage::title() const
{
    return tr("Reconciliation");
}

QString ReconciliationPage::description() const
{
    return tr("Compare trade, payment, channel and ledger records as they happen, import channel statement "
              "files, and work through the breaks found, each with its category and resolution.");
}

} // namespace pay::ui
