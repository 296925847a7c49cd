#pragma once

#include "placeholderpage.h"

namespace pay::ui {

// Placeholder until the Checkout page is built; replace this class with the real page.
class CheckoutPage : public PlaceholderPage
{
    Q_OBJECT

public:
    explicit CheckoutPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString description() const override;
};

} // namespace pay::ui
