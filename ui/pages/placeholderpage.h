#pragma once

#include <QWidget>

class QLabel;

namespace pay::ui {

// A page a later release fills in: its title, a "coming in a later release" note and what the
// page will do. A real page replaces its subclass; nothing else depends on this one.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlaceholderPage(QWidget *parent = nullptr);

protected:
    virtual QString title() const = 0;
    virtual QString description() const = 0;

    // Subclasses call this at the end of their constructor (virtuals are not ready earlier).
    void retranslateUi();
    void changeEvent(QEvent *event) override;

private:
    QLabel *m_title = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace pay::ui
