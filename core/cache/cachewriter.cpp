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
    Database &db = m_engine.database();
    if (!db.runningAfterCommit()) {
        (void)refresh(tradeId);
        return;
    }
    // A commit group just became durable and is announcing its trades: rebuild them together,
    // once the announcements are done, in one read transaction.
    if (m_pending.isEmpty() && !m_deferred)
        db.afterCommitActions([this] { flushPending(); });
    if (!m_pending.contains(tradeId))
        m_pending.append(tradeId);
}

void CacheWriter::flushPending()
{
    if (m_pending.isEmpty())
        return;
    const QList<qint64> ids = std::exchange(m_pending, {});
    m_engine.database().readBatch([&] {
        for (qint64 id : ids)
            (void)refresh(id);
    });
}

// One statement builds the whole snapshot (SQLite's JSON functions): the trade, its payments,
// flows and refunds, keys in alphabetical order as QJsonDocument writes them. Reading four
// result sets through Qt and re-encoding them cost more than the transitions that caused them.
Result<QByteArray> CacheWriter::snapshot(Database &db, qint64 tradeId, QString *outTradeNo)
{
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT t.out_trade_no, json_object("
        " 'amount', t.amount, 'currency', t.currency,"
        // Rows come in id order: each list is read through its (trade_id, rowid) index.
        " 'flows', (SELECT json_group_array(json_object("
        "    'amount', f.amount, 'channel', f.channel, 'channel_txn_no', COALESCE(f.channel_txn_no, ''),"
        "    'fail_code', COALESCE(f.fail_code, ''), 'fail_reason', COALESCE(f.fail_reason, ''),"
        "    'flow_no', f.flow_no, 'method', f.method, 'payment_no', COALESCE(p.payment_no, ''),"
        "    'qr_content', COALESCE(f.qr_content, ''),"
        "    'qr_expires_at', CASE WHEN COALESCE(f.qr_content, '') = '' THEN 0 ELSE COALESCE(f.prepay_expires_at, 0) END,"
        "    'recon_pending', json(CASE WHEN f.recon_pending THEN 'true' ELSE 'false' END),"
        "    'seq', f.seq, 'status', f.status))"
        "    FROM payment_flows f INDEXED BY ix_flow_trade LEFT JOIN payment_orders p ON p.id = f.payment_id"
        "    WHERE f.trade_id = t.id),"
        " 'freeze_reason', COALESCE(t.freeze_reason, ''),"
        " 'frozen', json(CASE WHEN t.frozen THEN 'true' ELSE 'false' END),"
        " 'out_trade_no', t.out_trade_no, 'paid', t.paid_amount,"
        " 'payments', (SELECT json_group_array(json_object("
        "    'fail_reason', COALESCE(p.fail_reason, ''), 'payment_no', p.payment_no, 'status', p.status))"
        "    FROM payment_orders p INDEXED BY ix_payment_trade WHERE p.trade_id = t.id),"
        " 'refunded', t.refunded_amount,"
        " 'refunds', (SELECT json_group_array(json_object("
        "    'amount', r.amount, 'reason', r.reason, 'refund_no', r.refund_no, 'status', r.status))"
        "    FROM refund_orders r INDEXED BY ix_refund_trade WHERE r.trade_id = t.id),"
        " 'status', t.status,"
        " 'updated_at', max(t.updated_at,"
        "    COALESCE((SELECT max(updated_at) FROM payment_orders WHERE trade_id = t.id), 0),"
        "    COALESCE((SELECT max(updated_at) FROM payment_flows WHERE trade_id = t.id), 0),"
        "    COALESCE((SELECT max(updated_at) FROM refund_orders WHERE trade_id = t.id), 0)))"
        " FROM trade_orders t WHERE t.id = ?"));
    q.addBindValue(tradeId);
    if (!q.exec())
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("CacheWriter", "Status snapshot")));
    if (!q.next()) {
        q.finish();
        return fail(ErrorCode::NotFound, QCoreApplication::translate("CacheWriter", "Trade order #%1").arg(tradeId));
    }
    if (outTradeNo)
        *outTradeNo = q.text(0);
    QByteArray body;
    q.appendText(1, body, {}); // SQLite's UTF-8 as it is
    q.finish();
    return body;
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
