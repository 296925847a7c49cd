#include "languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace pay::ui {

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{
}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
}

QStringList LanguageSwitcher::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSwitcher::nativeName(const QString &code)
{
    // Not translated on purpose: a reader finds their own language by its own name.
    if (code == QStringLiteral("zh_CN"))
        return QStringLiteral("中文");
    if (code == QStringLiteral("en"))
        return QStringLiteral("English");
    return code;
}

QString LanguageSwitcher::languageFor(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool LanguageSwitcher::setLanguage(const QString &code)
{
    if (!languages().contains(code))
        return false;
    if (code == m_language)
        return true;

    // The locale first: widgets reformat numbers and dates when the LanguageChange arrives.
    QLocale::setDefault(code == QStringLiteral("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
    m_appInstalled = m_appTranslator.load(QStringLiteral("paydesk_") + code, QStringLiteral(":/i18n"))
        && QCoreApplication::installTranslator(&m_appTranslator);
    if (!m_appInstalled)
        qWarning("PayDesk: no translation for %s is compiled in", qPrintable(code));
    m_qtInstalled = code != QStringLiteral("en")
        && m_qtTranslator.load(
            QStringLiteral("qt_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(&m_qtTranslator);
    m_language = code;
    emit languageChanged(code);
    return true;
}

} // namespace pay::ui
