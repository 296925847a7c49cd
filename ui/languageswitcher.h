#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace pay::ui {

// Installs the translation of one language at a time: PayDesk's own (compiled into the binary
// from translations/*.ts) and Qt's for its standard dialogs. Installing a translator makes Qt
// send QEvent::LanguageChange to every widget, which retranslates itself in changeEvent().
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    // Language codes with a translation: "en", "zh_CN".
    static QStringList languages();
    // The language's name in that language ("English", "中文"), as a language menu shows it.
    static QString nativeName(const QString &code);
    // The best available language for a locale (e.g. the system one); "en" when none fits.
    static QString languageFor(const QLocale &locale);

    QString language() const { return m_language; }
    // Switches to code (one of languages()); false (and nothing changes) for an unknown code.
    bool setLanguage(const QString &code);

signals:
    void languageChanged(const QString &code);

private:
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
    QString m_language;
};

} // namespace pay::ui
