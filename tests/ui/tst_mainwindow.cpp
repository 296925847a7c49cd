#include "mainwindow.h"
#include "ordersmodel.h"
#include "pages/orderspage.h"
#include "store/repositories.h"
#include "testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace pay;
using pay::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace {

bool seedTrades(const QString &path, int n)
{
    auto db = Database::open(path);
    if (!db)
        return false;
    TradeRepository trades(**db);
    for (int i = 0; i < n; ++i) {
        TradeOrder t;
        t.merchantId = u"M1"_s;
        t.outTradeNo = u"T-%1"_s.arg(i);
        t.subject = u"Item"_s;
        t.amount = Money(100 + i, Currency::cny());
        t.expiresAtMs = 2'000'000'000'000;
        t.createdAtMs = t.updatedAtMs = 1'700'000'000'000 + i;
        if (!trades.insert(t))
            return false;
    }
    return true;
}

QAction *findAction(QWidget *window, const QString &name)
{
    return window->findChild<QAction *>(name);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void clickingNavigationSwitchesPages_data();
    void clickingNavigationSwitchesPages();
    void viewMenuSwitchesPages();
    void languageSwitchesAtRunTime();
    void statusBarShowsDatabaseAndCount();
    void refusesAFileThatIsNotADatabase();
};

void TestMainWindow::clickingNavigationSwitchesPages_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("page");
    QTest::addRow("checkout") << 1 << u"checkoutpage"_s;
    QTest::addRow("operations") << 2 << u"operationspage"_s;
    QTest::addRow("reconciliation") << 3 << u"reconciliationpage"_s;
    QTest::addRow("dashboard") << 4 << u"dashboardpage"_s;
    QTest::addRow("simulator") << 5 << u"simulatorpage"_s;
    QTest::addRow("orders") << 0 << u"orderspage"_s;
}

void TestMainWindow::clickingNavigationSwitchesPages()
{
    QFETCH(int, row);
    QFETCH(QString, page);

    MainWindow window;
    window.setLanguage(u"en"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(navigation);
    QVERIFY(pages);
    QCOMPARE(navigation->count(), MainWindow::kPageCount);
    QCOMPARE(pages->count(), MainWindow::kPageCount);
    if (row == 0) // start elsewhere, so that clicking Orders changes something
        window.showPage(MainWindow::Page::Simulator);

    const QRect rect = navigation->visualItemRect(navigation->item(row));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(pages->currentIndex(), row);
    QCOMPARE(pages->currentWidget()->objectName(), page);
    QCOMPARE(int(window.currentPage()), row);
    QVERIFY(pages->currentWidget()->isVisible());
}

void TestMainWindow::viewMenuSwitchesPages()
{
    MainWindow window;
    window.show();
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QAction *dashboard = findAction(&window, u"actionShowPage4"_s);
    QVERIFY(dashboard);
    dashboard->trigger();
    QCOMPARE(pages->currentWidget()->objectName(), u"dashboardpage"_s);
    QCOMPARE(window.findChild<QListWidget *>(u"navigation"_s)->currentRow(), 4);
}

void TestMainWindow::languageSwitchesAtRunTime()
{
    MainWindow window;
    QVERIFY(window.setLanguage(u"en"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    auto *statusFilter = window.findChild<QComboBox *>(u"statusFilter"_s);
    QVERIFY(navigation && statusFilter);
    QTRY_COMPARE(navigation->item(0)->text(), u"Orders"_s);

    QAction *chinese = findAction(&window, u"actionLanguage_zh_CN"_s);
    QAction *english = findAction(&window, u"actionLanguage_en"_s);
    QVERIFY(chinese && english);
    QVERIFY(english->isChecked());
    // The action lives in the Language menu of the real menu bar.
    QMenu *languageMenu = nullptr;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->actions().contains(chinese))
            languageMenu = menuAction->menu();
    }
    QVERIFY(languageMenu);
    QCOMPARE(languageMenu->title(), u"&Language"_s);

    chinese->trigger();
    QCOMPARE(window.language(), u"zh_CN"_s);
    QVERIFY(chinese->isChecked());
    QTRY_COMPARE(navigation->item(0)->text(), u"订单"_s);
    QCOMPARE(navigation->item(1)->text(), u"收银"_s);
    QCOMPARE(navigation->item(5)->text(), u"模拟器"_s);
    QCOMPARE(statusFilter->itemText(0), u"全部状态"_s);
    QCOMPARE(window.ordersPage()->model()->headerData(ui::OrdersModel::Amount, Qt::Horizontal).toString(),
        u"金额"_s);
    QVERIFY(languageMenu->title().contains(u"语言"_s));

    english->trigger();
    QTRY_COMPARE(navigation->item(0)->text(), u"Orders"_s);
    QCOMPARE(statusFilter->itemText(0), u"All states"_s);
    QVERIFY(!window.setLanguage(u"xx"_s));
    QCOMPARE(window.language(), u"en"_s);
}

void TestMainWindow::statusBarShowsDatabaseAndCount()
{
    test::TempDb tmp;
    QVERIFY(seedTrades(tmp.path(), 3));
    MainWindow window;
    window.setLanguage(u"en"_s);
    auto opened = window.openDatabase(tmp.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    window.show();
    auto *databaseLabel = window.findChild<QLabel *>(u"databaseLabel"_s);
    auto *countLabel = window.findChild<QLabel *>(u"countLabel"_s);
    QVERIFY(databaseLabel->text().contains(QDir::toNativeSeparators(tmp.path())));
    QCOMPARE(countLabel->text(), u"Orders: 3"_s);
    QCOMPARE(window.databasePath(), tmp.path());
    auto *view = window.findChild<QTableView *>(u"ordersView"_s);
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(window.windowTitle().contains(u"paydesk.sqlite"_s));
}

void TestMainWindow::refusesAFileThatIsNotADatabase()
{
    test::TempDb tmp;
    QVERIFY(seedTrades(tmp.path(), 2));
    const QString text = tmp.filePath(u"notes.txt"_s);
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just some notes, not a database\n");
    }
    MainWindow window;
    QVERIFY(window.openDatabase(tmp.path()));
    auto failed = window.openDatabase(text);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::NotADatabase);
    QCOMPARE(window.databasePath(), tmp.path()); // the previous database stays open
    QFile f(text);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("just some notes, not a database\n"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
