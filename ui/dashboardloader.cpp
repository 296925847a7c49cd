#include "dashboardloader.h"

namespace pay::ui {

DashboardLoader::DashboardLoader(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("dashboard-reader"));
    auto *worker = new DashboardWorker; // deleted on its own thread when the thread finishes
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &DashboardLoader::readRequested, worker, &DashboardWorker::read, Qt::QueuedConnection);
    connect(worker, &DashboardWorker::readFinished, this, &DashboardLoader::handleRead, Qt::QueuedConnection);
    connect(worker, &DashboardWorker::readFailed, this, &DashboardLoader::handleReadFailed,
        Qt::QueuedConnection);
    m_thread.start();
}

DashboardLoader::~DashboardLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void DashboardLoader::load(const QString &path)
{
    m_pending = ++m_lastRequest;
    emit readRequested(m_pending, path);
}

void DashboardLoader::handleRead(quint64 request, const DashboardData &data)
{
    if (request != m_pending)
        return; // overtaken by a newer request
    m_pending = 0;
    emit loaded(data);
}

void DashboardLoader::handleReadFailed(quint64 request, const QString &message)
{
    if (request != m_pending)
        return;
    m_pending = 0;
    emit failed(message);
}

DashboardWorker::~DashboardWorker() = default;

void DashboardWorker::read(quint64 request, const QString &path)
{
    if (path.isEmpty()) {
        m_reader.reset();
        emit readFinished(request, DashboardData());
        return;
    }
    if (!m_reader || m_reader->path() != path) {
        m_reader.reset();
        auto reader = DashboardReader::open(path);
        if (!reader) {
            emit readFailed(request, reader.error().message);
            return;
        }
        m_reader = std::move(*reader);
    }
    auto data = m_reader->read();
    if (!data) {
        emit readFailed(request, data.error().message);
        return;
    }
    emit readFinished(request, *data);
}

} // namespace pay::ui
