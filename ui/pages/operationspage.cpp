#include "operationspage.h"

namespace pay::ui {

OperationsPage::OperationsPage(QWidget *parent)
    : PlaceholderPage(parent)
{
    setObjectName(QStringLiteral("operationspage"));
    retranslateUi();
}

QString OperationsPage::title() const
{
    return tr("Operations");
}

QString OperationsPage::description() const
{
    return tr("Review orders that need a person: payments stuck in progress, orders paid after they were "
              "closed, duplicate payments, failed refunds and orders frozen by loss prevention. Every action "
              "is recorded in the order's timeline.");
}

} // namespace pay::ui
