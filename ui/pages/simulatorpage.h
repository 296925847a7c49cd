#pragma once

#include "placeholderpage.h"

namespace pay::ui {

// Placeholder until the Simulator page is built; replace this class with the real page.
class SimulatorPage : public PlaceholderPage
{
    Q_OBJECT

public:
    explicit SimulatorPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString description() const override;
};

} // namespace pay::ui
