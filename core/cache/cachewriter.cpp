#include "cachewriter.h"

#include "../engine/paymentengine.h"
#include "../sim/clock.h"
#include "../store/repositories.h"
#include "statuscache.h"
#include "../domain/jsonbuffer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <cstring>

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

namespace {

// Text as a JSON string the way SQLite's json_object() writes it (the snapshot's format since
// it was built by SQL): '"' and '\\' escaped, \b \t \n \f \r, other control characters as
// \u00xx, everything else (UTF-8) as it is.
void appendJsonString(JsonBuffer &out, QByteArrayView utf8)
{
    out.put('"');
    qsizetype run = 0; // start of the bytes not yet copied
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c != '"' && c != '\\' && c > 0x1f)
            continue;
        out.put(utf8.sliced(run, i - run));
        run = i + 1;
        out.put('\\');
        switch (c) {
        case '"':
        case '\\':
            out.put(char(c));
            break;
        case '\b':
            out.put('b');
            break;
        case '\t':
            out.put('t');
            break;
        case '\n':
            out.put('n');
            break;
        case '\f':
            out.put('f');
            break;
        case '\r':
            out.put('r');
            break;
        default:
            out.lit("u00");
            out.put(char('0' + (c >> 4)));
            out.put("0123456789abcdef"[c & 0xf]);
            break;
        }
    }
    out.put(utf8.sliced(run));
    out.put('"');
}

// ,"key": (the key a literal: no escaping needed)
template<qsizetype N>
void appendKey(JsonBuffer &out, const char (&key)[N], bool first)
{
    char *p = out.room(N + 3);
    qsizetype at = 0;
    if (!first)
        p[at++] = ',';
    p[at++] = '"';
    std::memcpy(p + at, key, N - 1);
    at += N - 1;
    p[at++] = '"';
    p[at++] = ':';
    out.commit(at);
}

// A column as json_object() writes it: a number, a string, or null.
void appendValue(JsonBuffer &out, const SqlStatement &q, int column)
{
    switch (q.columnType(column)) {
    case SQLITE_NULL:
        out.lit("null");
        return;
    case SQLITE_INTEGER:
        out.number(q.int64(column));
        return;
    case SQLITE_TEXT:
        appendJsonString(out, q.utf8(column));
        return;
    default: {
        QByteArray text;
        q.appendText(column, text, "null");
        out.put(text);
        return;
    }
    }
}

// COALESCE(column, ''): text, "" for NULL.
void appendText(JsonBuffer &out, const SqlStatement &q, int column)
{
    appendJsonString(out, q.columnType(column) == SQLITE_NULL ? QByteArrayView() : q.utf8(column));
}

void appendBool(JsonBuffer &out, bool b)
{
    if (b)
        out.lit("true");
    else
        out.lit("false");
}

} // namespace

// The trade, its payments, flows and refunds, keys in alphabetical order (as QJsonDocument
// writes them), read with four indexed statements and written straight to UTF-8 JSON.
// tst_statuscache checks it byte for byte against the single SQL statement (SQLite's JSON
// functions) that built it before, which cost twice as much.
Result<QByteArray> CacheWriter::snapshot(Database &db, qint64 tradeId, QString *outTradeNo)
{
    auto error = [&](const SqlStatement &q) {
        return std::unexpected(Database::errorFrom(q, QCoreApplication::translate("CacheWriter", "Status snapshot")));
    };
    SqlStatement &t = db.statement(QStringLiteral(
        "SELECT out_trade_no, amount, currency, COALESCE(freeze_reason, ''), frozen, paid_amount, refunded_amount,"
        " status, updated_at FROM trade_orders WHERE id = ?"));
    t.addBindValue(tradeId);
    if (!t.exec())
        return error(t);
    if (!t.next()) {
        t.finish();
        return fail(ErrorCode::NotFound, QCoreApplication::translate("CacheWriter", "Trade order #%1").arg(tradeId));
    }
    if (outTradeNo)
        *outTradeNo = t.text(0);
    qint64 updatedAt = t.int64(8);
    JsonBuffer body(1024);
    body.lit("{\"amount\":");
    appendValue(body, t, 1);
    body.lit(",\"currency\":");
    appendValue(body, t, 2);

    // The payments first (their numbers label the flows), written after the flows.
    SqlStatement &p = db.statement(QStringLiteral(
        "SELECT COALESCE(fail_reason, ''), payment_no, status, updated_at, id FROM payment_orders INDEXED BY ix_payment_trade"
        " WHERE trade_id = ? ORDER BY id"));
    p.addBindValue(tradeId);
    if (!p.exec())
        return t.finish(), error(p);
    JsonBuffer payments(256);
    QVarLengthArray<std::pair<qint64, QByteArray>, 4> numbers; // payment id -> its number as JSON
    for (bool first = true; p.next(); first = false) {
        if (!first)
            payments.put(',');
        payments.put('{');
        appendKey(payments, "fail_reason", true);
        appendValue(payments, p, 0);
        appendKey(payments, "payment_no", false);
        appendValue(payments, p, 1);
        appendKey(payments, "status", false);
        appendValue(payments, p, 2);
        payments.put('}');
        updatedAt = qMax(updatedAt, p.int64(3));
        JsonBuffer number(32);
        appendText(number, p, 1);
        numbers.append({p.int64(4), number.take()});
    }
    p.finish();

    SqlStatement &f = db.statement(QStringLiteral(
        "SELECT amount, channel, channel_txn_no, fail_code, fail_reason, flow_no, method, payment_id,"
        " qr_content, prepay_expires_at, recon_pending, seq, status, updated_at"
        " FROM payment_flows INDEXED BY ix_flow_trade WHERE trade_id = ? ORDER BY id"));
    f.addBindValue(tradeId);
    if (!f.exec())
        return t.finish(), error(f);
    body.lit(",\"flows\":[");
    for (bool first = true; f.next(); first = false) {
        if (!first)
            body.put(',');
        body.put('{');
        appendKey(body, "amount", true);
        appendValue(body, f, 0);
        appendKey(body, "channel", false);
        appendValue(body, f, 1);
        appendKey(body, "channel_txn_no", false);
        appendText(body, f, 2);
        appendKey(body, "fail_code", false);
        appendText(body, f, 3);
        appendKey(body, "fail_reason", false);
        appendText(body, f, 4);
        appendKey(body, "flow_no", false);
        appendValue(body, f, 5);
        appendKey(body, "method", false);
        appendValue(body, f, 6);
        appendKey(body, "payment_no", false);
        const qint64 paymentId = f.int64(7);
        QByteArrayView number("\"\"");
        for (const auto &[id, json] : numbers) {
            if (id == paymentId)
                number = json;
        }
        body.put(number);
        appendKey(body, "qr_content", false);
        appendText(body, f, 8);
        appendKey(body, "qr_expires_at", false);
        const bool hasQr = f.columnType(8) != SQLITE_NULL && !f.utf8(8).isEmpty();
        body.number(hasQr ? f.int64(9) : 0);
        appendKey(body, "recon_pending", false);
        appendBool(body, f.int64(10));
        appendKey(body, "seq", false);
        appendValue(body, f, 11);
        appendKey(body, "status", false);
        appendValue(body, f, 12);
        body.put('}');
        updatedAt = qMax(updatedAt, f.int64(13));
    }
    f.finish();
    body.put(']');
    body.lit(",\"freeze_reason\":");
    appendText(body, t, 3);
    body.lit(",\"frozen\":");
    appendBool(body, t.int64(4));
    body.lit(",\"out_trade_no\":");
    appendValue(body, t, 0);
    body.lit(",\"paid\":");
    appendValue(body, t, 5);
    body.lit(",\"payments\":[");
    body.put(payments.take());
    body.lit("],\"refunded\":");
    appendValue(body, t, 6);

    SqlStatement &r = db.statement(QStringLiteral(
        "SELECT amount, reason, refund_no, status, updated_at FROM refund_orders INDEXED BY ix_refund_trade"
        " WHERE trade_id = ? ORDER BY id"));
    r.addBindValue(tradeId);
    if (!r.exec())
        return t.finish(), error(r);
    body.lit(",\"refunds\":[");
    for (bool first = true; r.next(); first = false) {
        if (!first)
            body.put(',');
        body.put('{');
        appendKey(body, "amount", true);
        appendValue(body, r, 0);
        appendKey(body, "reason", false);
        appendValue(body, r, 1);
        appendKey(body, "refund_no", false);
        appendValue(body, r, 2);
        appendKey(body, "status", false);
        appendValue(body, r, 3);
        body.put('}');
        updatedAt = qMax(updatedAt, r.int64(4));
    }
    r.finish();
    body.lit("],\"status\":");
    appendValue(body, t, 7);
    body.lit(",\"updated_at\":");
    body.number(updatedAt);
    body.put('}');
    t.finish();
    return body.take();
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
        q.prepare(u"SELECT id FROM trade_orders WHERE status IN ('CREATED', 'PAYING', 'CLOSING') OR updated_at >= ?"
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
