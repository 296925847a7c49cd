#include "dashboardpage.h"

namespace pay::ui {

DashboardPage::DashboardPage(QWidget *parent)
    : PlaceholderPage(parent)
{
    setObjectName(QStringLiteral("dashboardpage"));
    retranslateUi();
}

QString DashboardPage::title() const
{
    return tr("Dashboard");
}

QString DashboardPage::description() const
{
    return tr("Charts of takings, payment success rate, refunds and channel health over time, with the "
              "reconciliation breaks still open.");
}

} // namespace pay::ui
