#include "simulatorpage.h"

namespace pay::ui {

SimulatorPage::SimulatorPage(QWidget *parent)
    : PlaceholderPage(parent)
{
    setObjectName(QStringLiteral("simulatorpage"));
    retranslateUi();
}

QString SimulatorPage::title() const
{
    return tr("Simulator");
}

QString SimulatorPage::description() const
{
    return tr("Run seeded, replayable scenarios of channel behaviour (slow or lost callbacks, duplicates, "
              "timeouts, outages) at a chosen speed, and watch what the payment core does while the "
              "invariant auditor checks every step.");
}

} // namespace pay::ui
