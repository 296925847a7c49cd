#pragma once

#include "engine/paymentengine.h"
#include "recon/reconciler.h"
#include "recon/reconreader.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace pay {
class EngineHost;
}

namespace pay::ui {

class ReconBreaksModel;
class ReconCategoriesModel;
class ReconRunsModel;

// Statement reconciliation: import a channel's statement (run on the core thread through the
// EngineHost), the run's summary per category with its quarantined lines, the past runs, a
// category's break rows, and from a row the timeline of its order. Runs and breaks are models paged
// from a read-only ReconReader as the views scroll, so no list is capped; nothing here issues SQL
// or calls a channel.
class ReconciliationPage : public QWidget
{
    Q_OBJECT

public:
    explicit ReconciliationPage(QWidget *parent = nullptr);
    ~ReconciliationPage() override;

    // Opens path read-only for the runs and breaks; on failure the previous reader stays.
    Result<void> setDatabasePath(const QString &path);
    // The core that imports statements and loads timelines (owned by the caller; nullptr: none).
    void setEngineHost(EngineHost *host);

    void setChannel(const QString &channel);
    QString channel() const;
    // Imports fileName for the selected channel and format on the core thread; importFinished
    // reports the outcome. What the "Import statement…" button runs after its file dialog.
    void importFile(const QString &fileName);
    // Shows a recorded run's summary (and selects it in the past runs).
    void showRun(qint64 runId);
    // Lists the current run's breaks of category (a name such as "AMOUNT_MISMATCH").
    void showCategory(const QString &category);
    // Loads the timeline of the order a break row's flow belongs to (a row of breaksModel()).
    void openBreakRow(int row);
    void refresh();

    qint64 currentRunId() const { return m_runId; }
    // The summary's count for category in the shown run (0 when none).
    qint64 categoryCount(const QString &category) const { return m_counts.value(category); }
    QString timelineOrderNo() const { return m_orderNo; }
    QString currentCategory() const { return m_category; }

    ReconRunsModel *runsModel() const { return m_runsModel; }
    ReconBreaksModel *breaksModel() const { return m_breaksModel; }
    ReconCategoriesModel *categoriesModel() const { return m_categoryModel; }

    static QStringList categoryNames();

signals:
    void importFinished(bool ok, const QString &message);
    void timelineLoaded(const QString &orderNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleImportRequested();
    void handleImported(const Result<ReconReport> &report);
    void handleRunSelected();
    void handleCategorySelected();
    void showSummary(qint64 runId, const QMap<QString, qint64> &counts,
        const QList<ReconQuarantineRow> &quarantined, qint64 autoResolved);
    void loadRuns();
    // Selects runId in the past runs, reading further pages until it is listed.
    void selectRunRow(qint64 runId);
    void selectCategoryRow(const QString &category);
    void loadTimeline(const QString &orderNo);
    void showTimeline(const OrderView &view);
    void showMessage(bool ok, const QString &text);
    void retranslateUi();

    EngineHost *m_host = nullptr;
    std::unique_ptr<ReconReader> m_reader;
    qint64 m_runId = 0;
    QString m_runChannel; // of the shown run
    QString m_runDay;
    QMap<QString, qint64> m_counts;
    qint64 m_autoResolved = 0;
    QString m_category;
    QString m_orderNo;
    bool m_importing = false;
    // Set while the page itself selects a row, so the selection handlers do not run again.
    bool m_selecting = false;

    ReconCategoriesModel *m_categoryModel = nullptr;
    ReconRunsModel *m_runsModel = nullptr;
    ReconBreaksModel *m_breaksModel = nullptr;

    QLabel *m_channelLabel = nullptr;
    QComboBox *m_channel = nullptr;
    QLabel *m_formatLabel = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_importButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_summaryTitle = nullptr;
    QTableView *m_categories = nullptr;
    QLabel *m_autoResolvedLabel = nullptr;
    QLabel *m_quarantineTitle = nullptr;
    QListWidget *m_quarantine = nullptr;
    QLabel *m_runsTitle = nullptr;
    QTableView *m_runs = nullptr;
    QLabel *m_breaksTitle = nullptr;
    QTableView *m_breaks = nullptr;
    QLabel *m_orderLabel = nullptr;
    QTreeWidget *m_timeline = nullptr;
};

} // namespace pay::ui
