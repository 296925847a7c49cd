#pragma once

#include "placeholderpage.h"

namespace pay::ui {

// Placeholder until the Reconciliation page is built; replace this class with the real page.
class ReconciliationPage : public PlaceholderPage
{
    Q_OBJECT

public:
    explicit ReconciliationPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString description() const override;
};

} // namespace pay::ui
