#pragma once

#include "engine/paymentengine.h"
#include "store/opsqueues.h"

#include <QWidget>

class QCheckBox;

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;
class QTreeWidget;

namespace pay {
class EngineHost;
class OperationsService;
struct OperatorContext;
}

namespace pay::ui {

class OpsQueueModel;

// The operations console: the work queues with their counts, a queue's rows (search by any id,
// filtered by channel, age and amount, sorted by a header click, exported whole to CSV), the selected order's timeline, and the actions an
// operator takes on it (each with a reason; money-moving ones approved by a manager's PIN).
// Lists come from a read-only OpsQueueReader; orders and actions go through the EngineHost.
class OperationsPage : public QWidget
{
    Q_OBJECT

public:
    explicit OperationsPage(QWidget *parent = nullptr);
    ~OperationsPage() override;

    // Opens path read-only for the queues; on failure the previous reader stays.
    Result<void> setDatabasePath(const QString &path);
    // The core that loads timelines and runs actions (owned by the caller; nullptr: none).
    void setEngineHost(EngineHost *host);

    void showQueue(OpsQueue queue);
    // Shows queue searched for search (an id of any kind; empty: the whole queue).
    void showQueue(OpsQueue queue, const QString &search);
    OpsQueue currentQueue() const;
    // Finds orderNo in the first queue that holds it and selects it (its timeline loads).
    bool selectOrder(const QString &orderNo);
    // Counts and rows read again.
    void refresh();

    OpsQueueModel *model() const { return m_model; }
    qint64 queueCount(OpsQueue queue) const { return m_counts[int(queue)]; }
    QString operatorId() const;
    QString selectedOrderNo() const { return m_orderNo; }
    // Writes the current queue with its filter to fileName, off the GUI thread, with a progress
    // dialog; exportFinished reports the outcome.
    void exportCsv(const QString &fileName);

signals:
    void actionFinished(bool ok, const QString &message);
    void timelineLoaded(const QString &orderNo);
    void exportFinished(bool ok, qint64 rows, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    using Work = std::function<Result<QString>(OperationsService &, const OperatorContext &)>;

    void handleQueueRowChanged(int row);
    void handleSearchEdited();
    void handleCurrentRowChanged();
    void handleTradeChanged(const QString &outTradeNo);
    void handleExportRequested();
    void handleQueryRequested();
    void handleCloseRequested();
    void handleRefundRequested();
    void handleRetryRequested();
    void handleAbandonRequested();
    static qint64 refundableOf(const OrderView &view);
    void handleReleaseRequested();
    void handleResolveRequested();
    void runAction(const QString &name, const OperatorContext &who, Work work);
    void showMessage(bool ok, const QString &text);
    void loadTimeline();
    void showTimeline(const OrderView &view);
    void updateCounts();
    void selectModelRow(int row);
    void updateActions();
    OpsQueueFilter currentFilter() const;
    const OpsQueueRow *currentRow() const;
    void retranslateUi();

    EngineHost *m_host = nullptr;
    std::unique_ptr<OpsQueueReader> m_reader;
    OpsQueueModel *m_model = nullptr;
    qint64 m_counts[kOpsQueueCount] = {};
    QString m_orderNo; // the order whose timeline is shown
    std::optional<OrderView> m_view;

    QLabel *m_operatorLabel = nullptr;
    QComboBox *m_operator = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_channelLabel = nullptr;
    QComboBox *m_channelFilter = nullptr;
    QLabel *m_ageLabel = nullptr;
    QComboBox *m_ageFilter = nullptr;
    QLabel *m_amountLabel = nullptr;
    QLineEdit *m_minAmount = nullptr;
    QLabel *m_amountToLabel = nullptr;
    QLineEdit *m_maxAmount = nullptr;
    QCheckBox *m_includeSettled = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QListWidget *m_queues = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_orderLabel = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_queryButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPushButton *m_refundButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_abandonButton = nullptr;
    QPushButton *m_releaseButton = nullptr;
    QPushButton *m_resolveButton = nullptr;
    QTimer *m_refreshTimer = nullptr;
    int m_sortColumn = 0; // the last sortable column clicked, and its order
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace pay::ui
