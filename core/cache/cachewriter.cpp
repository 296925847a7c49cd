#include "cachewriter.h"

#include "../engine/paymentengine.h"
#include "../sim/clock.h"
#include "../store/repositories.h"
#include "statuscache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pay {

CacheWriter::CacheWriter(StatusCache &cache, PaymentEngine &engine, Clock &clock, QObject *parent)
    : QObject(parent), m_cache(cache), m_engine(engine), m_clock(clock)
{
    // Direct: the engine emits on this (the core) thread after the commit, so the cache is
    // current by the time the call that caused the transition returns.
    connect(&m_engine, &PaymentEngine::tradeChanged, this, &CacheWriter::onTradeChanged);
    connect(&m_engine, &PaymentEngine::tradeFrozen, this,
            [this](const QString &outTradeNo, const QString &) { (void)refresh(outTradeNo); });
}

void CacheWriter::onTradeChanged(const QString &outTradeNo, qint64 tradeId)
{
    Q_UNUSED(outTradeNo);
    (void)refresh(tradeId);
}

Result<QByteArray> CacheWriter::snapshot(Database &db, qint64 tradeId, QString *outTradeNo)
{
    TradeRepository trades(db);
    auto trade = trades.find(tradeId);
    if (!trade)
        return std::unexpected(trade.error());
    auto payments = PaymentRepository(db).forTrade(tradeId);
    if (!payments)
        return std::unexpected(payments.error());
    auto flows = FlowRepository(db).forTrade(tradeId);
    if (!flows)
        return std::unexpected(flows.error());
    auto refunds = RefundRepository(db).forTrade(tradeId);
    if (!refunds)
        return std::unexpected(refunds.error());

    qint64 updatedAt = trade->updatedAtMs;
    QHash<qint64, QString> paymentNos;
    QJsonArray paymentList;
    for (const PaymentOrder &p : *payments) {
        paymentNos.insert(p.id, p.paymentNo);
        updatedAt = qMax(updatedAt, p.updatedAtMs);
        paymentList.append(QJsonObject{{u"payment_no"_s, p.paymentNo},
                                       {u"status"_s, toString(p.status)},
                                       {u"fail_reason"_s, p.failReason}});
    }
    QJsonArray flowList;
    for (const PaymentFlow &f : *flows) {
        updatedAt = qMax(updatedAt, f.updatedAtMs);
        flowList.append(QJsonObject{{u"flow_no"_s, f.flowNo},
                                    {u"payment_no"_s, paymentNos.value(f.paymentId)},
                                    {u"seq"_s, f.seq},
                                    {u"channel"_s, f.channel},
                                    {u"method"_s, f.method},
                                    {u"amount"_s, f.amount.minor()},
                                    {u"status"_s, toString(f.status)},
                                    {u"channel_txn_no"_s, f.channelTxnNo},
                                    {u"qr_content"_s, f.qrContent},
                                    {u"qr_expires_at"_s, f.qrContent.isEmpty() ? qint64(0) : f.prepayExpiresAtMs},
                                    {u"fail_code"_s, f.failCode},
                                    {u"fail_reason"_s, f.failReason},
                                    {u"recon_pending"_s, f.reconPending}});
    }
    QJsonArray refundList;
    for (const RefundOrder &r : *refunds) {
        updatedAt = qMax(updatedAt, r.updatedAtMs);
        refundList.append(QJsonObject{{u"refund_no"_s, r.refundNo},
                                      {u"amount"_s, r.amount.minor()},
                                      {u"status"_s, toString(r.status)},
                                      {u"reason"_s, toString(r.reason)}});
    }
    const QJsonObject o{{u"out_trade_no"_s, trade->outTradeNo},
                        {u"status"_s, toString(trade->status)},
                        {u"amount"_s, trade->amount.minor()},
                        {u"currency"_s, trade->amount.currency().code()},
                        {u"paid"_s, trade->paidMinor},
                        {u"refunded"_s, trade->refundedMinor},
                        {u"frozen"_s, trade->frozen},
                        {u"freeze_reason"_s, trade->freezeReason},
                        {u"updated_at"_s, updatedAt},
                        {u"payments"_s, paymentList},
                        {u"flows"_s, flowList},
                        {u"refunds"_s, refundList}};
    if (outTradeNo)
        *outTradeNo = trade->outTradeNo;
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<void> CacheWriter::refresh(qint64 tradeId)
{
    QString no;
    auto body = snapshot(m_engine.database(), tradeId, &no);
    if (!body) {
        ++m_failures;
        return std::unexpected(body.error());
    }
    ++m_rebuilds;
    m_cache.put(no, *body);
    return {};
}

Result<void> CacheWriter::refresh(const QString &outTradeNo)
{
    auto trade = TradeRepository(m_engine.database()).findByOutTradeNo(m_engine.config().merchantId, outTradeNo);
    if (!trade) {
        ++m_failures;
        return std::unexpected(trade.error());
    }
    return refresh(trade->id);
}

Result<int> CacheWriter::warm(const WarmOptions &options)
{
    Database &db = m_engine.database();
    QList<qint64> ids;
    {
        QSqlQuery q(db.db());
        q.prepare(u"SELECT id FROM trade_orders WHERE status IN ('CREATED', 'PAYING') OR updated_at >= ?"
                  u" ORDER BY updated_at DESC LIMIT ?"_s);
        q.addBindValue(m_clock.nowMs() - options.recentMs);
        q.addBindValue(options.limit);
        if (!q.exec())
            return std::unexpected(Database::errorFrom(q, u"warm status cache"_s));
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    int put = 0;
    for (qint64 id : ids) {
        if (auto r = refresh(id); !r)
            return std::unexpected(r.error());
        ++put;
    }
    return put;
}

} // namespace pay
