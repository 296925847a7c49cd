#pragma once

#include "paymentcore.h"

#include <QPointer>
#include <QThread>

#include <functional>

namespace pay {

// Runs a PaymentCore on its own thread with its own event loop and database connection (the
// core thread). Callers on any thread hand it work and get the result back on their own
// thread through a context object: nothing blocks waiting for the core, and a result for a
// context that was destroyed meanwhile is dropped.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(PaymentCore::Options options, QObject *parent = nullptr);
    ~EngineHost() override;

    // Opens the core on the core thread; coreStarted() reports the outcome.
    void start();
    bool isRunning() const { return m_thread.isRunning(); }

    // Runs work(core) on the core thread, then done(result) on context's thread.
    template<typename R>
    void run(std::function<R(PaymentCore &)> work, QObject *context, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(m_worker, [this, work = std::move(work), guard, done = std::move(done)] {
            if (!m_core)
                return;
            R result = work(*m_core);
            if (guard)
                QMetaObject::invokeMethod(guard.data(), [done, result] { done(result); }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }

    void accept(const AcceptRequest &request, QObject *context, std::function<void(Result<AcceptTicket>)> done);
    void close(const QString &outTradeNo, const QString &actor, QObject *context, std::function<void(Result<void>)> done);
    void refund(const RefundCommand &command, QObject *context, std::function<void(Result<QString>)> done);
    void order(const QString &outTradeNo, QObject *context, std::function<void(Result<OrderView>)> done);

signals:
    void coreStarted(bool ok, const QString &error);
    // Forwarded from the engine after each committed transition of a trade.
    void tradeChanged(const QString &outTradeNo);
    void tradeFrozen(const QString &outTradeNo, const QString &reason);

private:
    PaymentCore::Options m_options;
    QThread m_thread;
    QObject *m_worker = nullptr;          // lives on the core thread
    std::unique_ptr<PaymentCore> m_core;  // created, used and destroyed on the core thread
};

} // namespace pay
