#include "enginehost.h"

#include "../sim/clock.h"

namespace pay {

EngineHost::EngineHost(PaymentCore::Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("paydesk-core"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

EngineHost::~EngineHost()
{
    if (m_thread.isRunning()) {
        // The core is torn down on its own thread (its connection and timers belong there).
        QMetaObject::invokeMethod(m_worker, [this] { m_core.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void EngineHost::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this] {
        // The clock must live on the core thread, so the core creates its own RealClock here
        // unless the caller gave one (a virtual clock driven by that same thread).
        auto opened = PaymentCore::open(m_options);
        if (!opened) {
            const QString message = opened.error().message;
            QMetaObject::invokeMethod(this, [this, message] { emit coreStarted(false, message); }, Qt::QueuedConnection);
            return;
        }
        m_core = std::move(*opened);
        connect(&m_core->engine(), &PaymentEngine::tradeChanged, this,
                [this](const QString &no, qint64) { emit tradeChanged(no); }, Qt::QueuedConnection);
        connect(&m_core->engine(), &PaymentEngine::tradeFrozen, this, &EngineHost::tradeFrozen, Qt::QueuedConnection);
        QMetaObject::invokeMethod(this, [this] { emit coreStarted(true, QString()); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void EngineHost::accept(const AcceptRequest &request, QObject *context, std::function<void(Result<AcceptTicket>)> done)
{
    run<Result<AcceptTicket>>([request](PaymentCore &core) { return core.engine().accept(request); }, context,
                              std::move(done));
}

void EngineHost::close(const QString &outTradeNo, const QString &actor, QObject *context,
                       std::function<void(Result<void>)> done)
{
    run<Result<void>>([outTradeNo, actor](PaymentCore &core) {
        return core.engine().close(outTradeNo, EventSource::Operator, actor);
    }, context, std::move(done));
}

void EngineHost::refund(const RefundCommand &command, QObject *context, std::function<void(Result<QString>)> done)
{
    run<Result<QString>>([command](PaymentCore &core) { return core.engine().refund(command); }, context,
                         std::move(done));
}

void EngineHost::order(const QString &outTradeNo, QObject *context, std::function<void(Result<OrderView>)> done)
{
    run<Result<OrderView>>([outTradeNo](PaymentCore &core) { return core.engine().order(outTradeNo); }, context,
                           std::move(done));
}

} // namespace pay
