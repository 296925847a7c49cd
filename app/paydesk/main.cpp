// paydesk: the PayDesk GUI. Parses the command line, prepares the database, shows the window;
// everything else lives in the payui and paycore libraries.
#include "engine/enginehost.h"
#include "languageswitcher.h"
#include "mainwindow.h"
#include "pages/checkoutpage.h"
#include "pages/operationspage.h"
#include "pages/reconciliationpage.h"
#include "pages/simulatorpage.h"
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
    // The command line is read before any window system is touched: --help, --version and a
    // bad option answer on a machine without a display.
    QCoreApplication::setApplicationName(QStringLiteral("PayDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PayDesk cashier and operations console"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
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
    const QCommandLineOption trainingOption(QStringLiteral("training"),
        QStringLiteral("Training mode: show the \"Simulate customer scan\" button on QR payments."));
    const QCommandLineOption demoBasketOption(QStringLiteral("demo-basket"),
        QStringLiteral("Start with a demo basket paid by coupon, wallet and QR A (needs --db; for demos and "
                       "screenshots)."));
    parser.addOption(dbOption);
    parser.addOption(langOption);
    parser.addOption(pageOption);
    parser.addOption(trainingOption);
    const QCommandLineOption selectOption(QStringLiteral("select"),
        QStringLiteral("On the Operations page, find order ORDER_NO in the work queues and show its timeline "
                       "(needs --db; for demos and screenshots)."),
        QStringLiteral("ORDER_NO"));
    parser.addOption(demoBasketOption);
    parser.addOption(selectOption);
    const QCommandLineOption importOption(QStringLiteral("import-statement"),
        QStringLiteral("On the Reconciliation page, import statement FILE for --channel and show the first "
                       "break's order timeline (needs --db; for demos and screenshots)."),
        QStringLiteral("FILE"));
    const QCommandLineOption channelOption(QStringLiteral("channel"),
        QStringLiteral("The channel of --import-statement: coupon, wallet, card, qr_a or qr_b."), QStringLiteral("NAME"));
    parser.addOption(importOption);
    parser.addOption(channelOption);
    const QCommandLineOption simAutorunOption(QStringLiteral("sim-autorun"),
        QStringLiteral("On the Simulator page, start the selected scenario at x100 (for demos and screenshots)."));
    parser.addOption(simAutorunOption);
    const QCommandLineOption simScenarioOption(QStringLiteral("sim-scenario"),
        QStringLiteral("On the Simulator page, select scenario NAME (a file name in resources/scenarios, without .json)."),
        QStringLiteral("NAME"));
    const QCommandLineOption simSpeedOption(QStringLiteral("sim-speed"),
        QStringLiteral("The speed of --sim-autorun: 1, 10, 100 or 1000 (default 100)."), QStringLiteral("N"));
    parser.addOption(simScenarioOption);
    parser.addOption(simSpeedOption);
    // --help and --version first, without a display. Any other line is read again once the
    // application exists (Qt takes its own options such as -platform out of it then).
    if (parser.parse(arguments)) {
        if (parser.isSet(helpOption)) {
            // No application exists yet, so Qt cannot name the program in the usage line.
            QTextStream(stdout) << parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("paydesk"));
            return 0;
        }
        if (parser.isSet(versionOption))
            parser.showVersion();
    }

    QApplication app(argc, argv);
    parser.process(app);

    std::unique_ptr<pay::EngineHost> host; // outlives the window's use of it: declared first
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

        // The payment core on its own thread, with the status endpoint the Checkout page polls
        // on a free loopback port (an empty token: the core draws a random one).
        pay::PaymentCore::Options options;
        options.databasePath = path;
        options.endpoint.enabled = true;
        host = std::make_unique<pay::EngineHost>(options);
        host->start();
        window.setEngineHost(host.get());
    }
    window.checkoutPage()->setTrainingMode(parser.isSet(trainingOption));
    if (parser.isSet(demoBasketOption)) {
        window.checkoutPage()->loadDemoBasket();
        if (host)
            window.checkoutPage()->startDemoPayment();
    }

    if (parser.isSet(pageOption) && !window.showPage(parser.value(pageOption)))
        return failWith(
            QStringLiteral("paydesk: unknown page '%1' (known: %2)")
                .arg(parser.value(pageOption), pay::ui::MainWindow::pageNames().join(QStringLiteral(", "))),
            2);

    if (parser.isSet(selectOption) && !window.operationsPage()->selectOrder(parser.value(selectOption)))
        return failWith(
            QStringLiteral("paydesk: order '%1' is in no work queue").arg(parser.value(selectOption)), 2);

    if (parser.isSet(importOption)) {
        if (!host)
            return failWith(QStringLiteral("paydesk: --import-statement needs --db"), 2);
        pay::ui::ReconciliationPage *page = window.reconciliationPage();
        page->setChannel(parser.value(channelOption));
        if (page->channel() != parser.value(channelOption))
            return failWith(QStringLiteral("paydesk: --channel must be coupon, wallet, card, qr_a or qr_b"), 2);
        QObject::connect(page, &pay::ui::ReconciliationPage::importFinished, page, [page](bool ok, const QString &) {
            if (ok)
                page->openBreakRow(0);
        });
        page->importFile(parser.value(importOption));
    }

    if (parser.isSet(simScenarioOption) && !window.simulatorPage()->selectScenario(parser.value(simScenarioOption)))
        return failWith(QStringLiteral("paydesk: unknown scenario '%1'").arg(parser.value(simScenarioOption)), 2);
    if (parser.isSet(simAutorunOption)) {
        const int speed = parser.isSet(simSpeedOption) ? parser.value(simSpeedOption).toInt() : 100;
        if (speed != 1 && speed != 10 && speed != 100 && speed != 1000)
            return failWith(QStringLiteral("paydesk: --sim-speed must be 1, 10, 100 or 1000"), 2);
        window.simulatorPage()->setSpeed(speed);
        window.simulatorPage()->run();
    }

    window.show();
    return app.exec();
}
