#pragma once

#include "error.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace pay {
class EngineHost;
}

namespace pay::ui {

class CheckoutPage;
class DashboardPage;
class OperationsPage;
class ReconciliationPage;
class SimulatorPage;
class LanguageSwitcher;
class OrdersPage;

// The PayDesk window: a navigation list on the left, one page per job on the right, the open
// database and its order count in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The pages, in navigation order.
    enum class Page { Orders, Checkout, Operations, Reconciliation, Dashboard, Simulator };
    static constexpr int kPageCount = 6;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path read-only for the lists. On failure the previous database stays open.
    Result<void> openDatabase(const QString &path);
    QString databasePath() const;

    // Switches the user interface language ("en", "zh_CN"); false for an unknown code.
    bool setLanguage(const QString &code);
    QString language() const;

    void showPage(Page page);
    // The page called name ("orders", "checkout", ... as in pageNames()); false if there is none.
    bool showPage(const QString &name);
    static QStringList pageNames();
    Page currentPage() const;
    OrdersPage *ordersPage() const { return m_ordersPage; }
    CheckoutPage *checkoutPage() const { return m_checkoutPage; }
    OperationsPage *operationsPage() const { return m_operationsPage; }
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    ReconciliationPage *reconciliationPage() const { return m_reconciliationPage; }
    SimulatorPage *simulatorPage() const { return m_simulatorPage; }
    // The payment core the Checkout page pays through (owned by the caller).
    void setEngineHost(EngineHost *host);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void handleNavigationRowChanged(int row);
    void handleOpenDatabaseRequested();
    void handleDatabaseFileSelected(const QString &path);
    void handleLanguageActionTriggered(QAction *action);
    void handleLanguageChanged(const QString &code);
    void handleAboutRequested();
    void handleOrdersReloaded();
    void showError(const QString &title, const QString &message);
    void retranslateUi();
    void updateStatusBar();

    LanguageSwitcher *m_languages = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    OrdersPage *m_ordersPage = nullptr;
    CheckoutPage *m_checkoutPage = nullptr;
    OperationsPage *m_operationsPage = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    ReconciliationPage *m_reconciliationPage = nullptr;
    SimulatorPage *m_simulatorPage = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_countLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QList<QAction *> m_pageActions;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace pay::ui
