#pragma once

#include "store/dashboardreader.h"

#include <QObject>
#include <QString>
#include <QThread>

namespace pay::ui {

class DashboardWorker;

// Reads the dashboard's aggregates on a thread of its own, so a large database never freezes the
// window. The worker opens its own read-only DashboardReader there (a connection belongs to the
// thread that opened it) and answers by queued signal. Only the newest request is answered: a
// read that a newer one overtook is dropped.
class DashboardLoader : public QObject
{
    Q_OBJECT

public:
    explicit DashboardLoader(QObject *parent = nullptr);
    ~DashboardLoader() override; // stops the thread after the read in progress

    // Reads path (empty: no database) on the worker thread; loaded or failed follows.
    void load(const QString &path);
    bool isLoading() const { return m_pending != 0; }
    QThread *workerThread() { return &m_thread; }

signals:
    void loaded(const pay::DashboardData &data);
    void failed(const QString &message);
    // Internal: queued to the worker.
    void readRequested(quint64 request, const QString &path);

private:
    void handleRead(quint64 request, const pay::DashboardData &data);
    void handleReadFailed(quint64 request, const QString &message);

    QThread m_thread;
    quint64 m_lastRequest = 0;
    quint64 m_pending = 0; // the request still awaited (0: none)
};

// Lives on DashboardLoader's thread.
class DashboardWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DashboardWorker() override;

    void read(quint64 request, const QString &path);

signals:
    void readFinished(quint64 request, const pay::DashboardData &data);
    void readFailed(quint64 request, const QString &message);

private:
    std::unique_ptr<DashboardReader> m_reader;
};

} // namespace pay::ui
