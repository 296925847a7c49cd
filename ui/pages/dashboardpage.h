#pragma once

#include "placeholderpage.h"

namespace pay::ui {

// Placeholder until the Dashboard page is built; replace this class with the real page.
class DashboardPage : public PlaceholderPage
{
    Q_OBJECT

public:
    explicit DashboardPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString description() const override;
};

} // namespace pay::ui
