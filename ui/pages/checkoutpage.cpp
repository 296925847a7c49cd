#include "checkoutpage.h"

namespace pay::ui {

CheckoutPage::CheckoutPage(QWidget *parent)
    : PlaceholderPage(parent)
{
    setObjectName(QStringLiteral("checkoutpage"));
    retranslateUi();
}

QString CheckoutPage::title() const
{
    return tr("Checkout");
}

QString CheckoutPage::description() const
{
    return tr("Take a payment for a basket: combine a coupon, wallet balance, points, a bank card or a QR "
              "code, watch each part succeed or fail, print a receipt, and refund within your limits.");
}

} // namespace pay::ui
