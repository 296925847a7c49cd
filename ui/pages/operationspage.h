#pragma once

#include "placeholderpage.h"

namespace pay::ui {

// Placeholder until the Operations page is built; replace this class with the real page.
class OperationsPage : public PlaceholderPage
{
    Q_OBJECT

public:
    explicit OperationsPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString description() const override;
};

} // namespace pay::ui
