#include "placeholderpage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace pay::ui {

PlaceholderPage::PlaceholderPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_description(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("pageTitle"));

    QFont noticeFont = m_notice->font();
    noticeFont.setItalic(true);
    m_notice->setFont(noticeFont);
    m_notice->setObjectName(QStringLiteral("pageNotice"));

    m_description->setWordWrap(true);
    m_description->setMaximumWidth(640);
    m_description->setObjectName(QStringLiteral("pageDescription"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_description);
    layout->addStretch(1);
}

void PlaceholderPage::retranslateUi()
{
    m_title->setText(title());
    m_notice->setText(tr("Coming in a later release."));
    m_description->setText(description());
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace pay::ui
