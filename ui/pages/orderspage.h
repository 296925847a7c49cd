#pragma once

#include "domain/states.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace pay {
class OrderListReader;
}

namespace pay::ui {

class OrdersModel;

// Every trade order, newest first: filter by state and payment channel, search by order number. The rows come from
// an OrdersModel on its own read-only connection.
class OrdersPage : public QWidget
{
    Q_OBJECT

public:
    explicit OrdersPage(QWidget *parent = nullptr);
    ~OrdersPage() override;

    // Shows the orders the reader reads (nullptr: no database open).
    void setReader(std::unique_ptr<OrderListReader> reader);
    OrdersModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // Reads the newest orders again.
    void reload();
    // Filters the list to one state (the search and channel stay).
    void showStatus(TradeStatus status);
    // Filters the list to the orders with a payment on channel, in every state (the search stays).
    void showChannel(const QString &channel);

signals:
    // The visible orders were read again; the counts may have changed.
    void ordersReloaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleStatusFilterChanged();
    void handleSearchEdited();
    void handleModelReloaded();
    void handleHeaderMenuRequested(const QPoint &pos);
    void applyFilter();
    void retranslateUi();
    void updateMessage();
    void updateCountLabel();
    void updateColumnWidths();

    OrdersModel *m_model = nullptr;
    QLabel *m_statusLabel = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLabel *m_channelLabel = nullptr;
    QComboBox *m_channelFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_exactMatch = nullptr;
    QLabel *m_countLabel = nullptr;
    QToolButton *m_reloadButton = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_view = nullptr;
    QTimer m_searchDelay; // typing pauses before the search runs
};

} // namespace pay::ui
