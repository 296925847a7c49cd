#include "mainwindow.h"

#include "languageswitcher.h"
#include "ordersmodel.h"
#include "pages/checkoutpage.h"
#include "pages/dashboardpage.h"
#include "pages/operationspage.h"
#include "pages/orderspage.h"
#include "pages/reconciliationpage.h"
#include "pages/simulatorpage.h"
#include "store/orderlistreader.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace pay::ui {

namespace {

constexpr QStyle::StandardPixmap kPageIcons[MainWindow::kPageCount] = {
    QStyle::SP_FileDialogDetailedView, // Orders
    QStyle::SP_DialogApplyButton, // Checkout
    QStyle::SP_MessageBoxWarning, // Operations
    QStyle::SP_BrowserReload, // Reconciliation
    QStyle::SP_FileDialogListView, // Dashboard
    QStyle::SP_MediaPlay, // Simulator
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_languages(new LanguageSwitcher(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_ordersPage(new OrdersPage(this))
    , m_databaseLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The platform default (9 pt on a bare X11) is small for a till's screen.
    if (QFont f = font(); f.pointSizeF() > 0 && f.pointSizeF() < 10.5) {
        f.setPointSizeF(10.5);
        setFont(f);
    }
    // Created after the font is set: its large amounts are sized relative to it.
    m_checkoutPage = new CheckoutPage(this);
    m_operationsPage = new OperationsPage(this);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setFixedWidth(180);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget#navigation::item { padding: 8px 6px; }"));
    for (QStyle::StandardPixmap icon : kPageIcons)
        new QListWidgetItem(style()->standardIcon(icon), QString(), m_navigation);

    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_ordersPage);
    m_pages->addWidget(m_checkoutPage);
    m_pages->addWidget(m_operationsPage);
    m_reconciliationPage = new ReconciliationPage(this);
    m_pages->addWidget(m_reconciliationPage);
    m_dashboardPage = new DashboardPage(this);
    m_pages->addWidget(m_dashboardPage);
    m_simulatorPage = new SimulatorPage(this);
    m_pages->addWidget(m_simulatorPage);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    createMenus();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::handleNavigationRowChanged);
    connect(m_ordersPage, &OrdersPage::ordersReloaded, this, &MainWindow::handleOrdersReloaded);
    connect(m_languages, &LanguageSwitcher::languageChanged, this, &MainWindow::handleLanguageChanged);
    connect(m_dashboardPage, &DashboardPage::operationsQueueRequested, this,
        [this](OpsQueue queue, const QString &search) {
            m_operationsPage->showQueue(queue, search);
            showPage(Page::Operations);
        });
    connect(m_dashboardPage, &DashboardPage::channelOrdersRequested, this, [this](const QString &channel) {
        m_ordersPage->showChannel(channel);
        showPage(Page::Orders);
    });

    m_navigation->setCurrentRow(0);
    retranslateUi();
    resize(1200, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), QString());
    m_openAction->setObjectName(QStringLiteral("actionOpenDatabase"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::handleOpenDatabaseRequested);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < kPageCount; ++i) {
        QAction *action = m_viewMenu->addAction(QString());
        action->setObjectName(QStringLiteral("actionShowPage%1").arg(i));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        m_pageActions.append(action);
    }
    m_viewMenu->addSeparator();
    m_reloadAction = m_viewMenu->addAction(style()->standardIcon(QStyle::SP_BrowserReload), QString());
    m_reloadAction->setObjectName(QStringLiteral("actionReload"));
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, m_ordersPage, &OrdersPage::reload);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString &code : LanguageSwitcher::languages()) {
        QAction *action = m_languageMenu->addAction(LanguageSwitcher::nativeName(code));
        action->setObjectName(QStringLiteral("actionLanguage_") + code);
        action->setData(code);
        action->setCheckable(true);
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, &MainWindow::handleLanguageActionTriggered);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString());
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::handleAboutRequested);
}

Result<void> MainWindow::openDatabase(const QString &path)
{
    auto reader = OrderListReader::open(path);
    if (!reader)
        return std::unexpected(reader.error());
    // The queues are a second read-only view of the same file; a failure there leaves the
    // Operations page on its previous database but does not refuse the file.
    (void)m_operationsPage->setDatabasePath(path);
    (void)m_dashboardPage->setDatabasePath(path);
    (void)m_reconciliationPage->setDatabasePath(path);
    m_ordersPage->setReader(std::move(*reader));
    retranslateUi();
    return {};
}

void MainWindow::setEngineHost(EngineHost *host)
{
    m_checkoutPage->setEngineHost(host);
    m_operationsPage->setEngineHost(host);
    m_reconciliationPage->setEngineHost(host);
}

QString MainWindow::databasePath() const
{
    return m_ordersPage->model()->databasePath();
}

bool MainWindow::setLanguage(const QString &code)
{
    return m_languages->setLanguage(code);
}

QString MainWindow::language() const
{
    return m_languages->language();
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("orders"), QStringLiteral("checkout"), QStringLiteral("operations"),
        QStringLiteral("reconciliation"), QStringLiteral("dashboard"), QStringLiteral("simulator")};
}

bool MainWindow::showPage(const QString &name)
{
    const qsizetype index = pageNames().indexOf(name);
    if (index < 0)
        return false;
    showPage(Page(index));
    return true;
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::handleNavigationRowChanged(int row)
{
    if (row >= 0 && row < m_pages->count())
        m_pages->setCurrentIndex(row);
}

void MainWindow::handleOpenDatabaseRequested()
{
    const QString current = databasePath();
    auto *dialog = new QFileDialog(this, tr("Open Database"),
        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
        tr("PayDesk databases (*.sqlite *.db);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::handleDatabaseFileSelected);
    dialog->open();
}

void MainWindow::handleDatabaseFileSelected(const QString &path)
{
    if (auto r = openDatabase(path); !r)
        showError(tr("Cannot Open Database"), r.error().message);
}

void MainWindow::handleLanguageActionTriggered(QAction *action)
{
    setLanguage(action->data().toString());
}

void MainWindow::handleLanguageChanged(const QString &code)
{
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == code);
}

void MainWindow::handleAboutRequested()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About PayDesk"),
        tr("<h3>PayDesk %1</h3>"
           "<p>A cashier and operations console with an embedded payment core. "
           "Everything runs on this computer against one SQLite file.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(PAYDESK_VERSION), QString::fromLatin1(qVersion())),
        QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::handleOrdersReloaded()
{
    updateStatusBar();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateStatusBar()
{
    const QString path = databasePath();
    if (path.isEmpty()) {
        m_databaseLabel->setText(tr("No database open"));
        m_countLabel->clear();
        setWindowTitle(tr("PayDesk"));
        return;
    }
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(path)));
    m_countLabel->setText(tr("Orders: %1").arg(QLocale().toString(m_ordersPage->model()->totalCount())));
    setWindowTitle(tr("%1 — PayDesk").arg(QFileInfo(path).fileName()));
}

void MainWindow::retranslateUi()
{
    const QString pageNames[kPageCount] = {tr("Orders"), tr("Checkout"), tr("Operations"),
        tr("Reconciliation"), tr("Dashboard"), tr("Simulator")};
    for (int i = 0; i < kPageCount; ++i) {
        m_navigation->item(i)->setText(pageNames[i]);
        m_pageActions.at(i)->setText(pageNames[i]);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open Database…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_reloadAction->setText(tr("&Reload Orders"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About PayDesk"));
    updateStatusBar();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

} // namespace pay::ui
