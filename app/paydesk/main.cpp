// paydesk: the PayDesk GUI. Parses the command line, prepares the database, shows the window;
// everything else lives in the payui and paycore libraries.
#include "languageswitcher.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace {

int failWith(const QString &message, int code)
{
    QTextStream(stderr) << message << '\n';
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PayDesk"));
    QApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PayDesk cashier and operations console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QStringLiteral("Open the PayDesk database FILE (created when missing)."), QStringLiteral("FILE"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("User interface language: %1 (default: the system's).")
            .arg(pay::ui::LanguageSwitcher::languages().join(QStringLiteral(", "))),
        QStringLiteral("LANG"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QStringLiteral("Start on this page: %1.")
            .arg(pay::ui::MainWindow::pageNames().join(QStringLiteral(", "))),
        QStringLiteral("PAGE"));
    parser.addOption(dbOption);
    parser.addOption(langOption);
    parser.addOption(pageOption);
    parser.process(app);

    pay::ui::MainWindow window;
    const QString language = parser.isSet(langOption)
        ? parser.value(langOption)
        : pay::ui::LanguageSwitcher::languageFor(QLocale::system());
    if (!window.setLanguage(language))
        return failWith(QStringLiteral("paydesk: unknown language '%1' (known: %2)")
                            .arg(language, pay::ui::LanguageSwitcher::languages().join(QStringLiteral(", "))),
            2);

    if (parser.isSet(dbOption)) {
        const QString path = parser.value(dbOption);
        // Create or migrate the file once, read-write, before the window reads it read-only.
        // A foreign, newer or read-only file is refused here with its reason, untouched.
        if (auto db = pay::Database::open(path); !db)
            return failWith(QStringLiteral("paydesk: %1").arg(db.error().message), 1);
        if (auto opened = window.openDatabase(path); !opened)
            return failWith(QStringLiteral("paydesk: %1").arg(opened.error().message), 1);
    }

    if (parser.isSet(pageOption) && !window.showPage(parser.value(pageOption)))
        return failWith(
            QStringLiteral("paydesk: unknown page '%1' (known: %2)")
                .arg(parser.value(pageOption), pay::ui::MainWindow::pageNames().join(QStringLiteral(", "))),
            2);

    window.show();
    return app.exec();
}
