#include "channelbooks.h"

#include "../store/sqlstatement.h"

#include <QScopeGuard>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr int SchemaVersion = 1;


template<typename Q>
std::unexpected<Error> dbError(const Q &q)
{
    return fail(ErrorCode::Database, QCoreApplication::translate("pay::ChannelBooks", "Channel books: %1").arg(q.lastError().text()));
}

const QString OrderColumns
    = u"channel, flow_no, channel_order_no, channel_txn_no, amount_minor, currency, "
      "subject, account, status, fail_code, created_ms, paid_ms, closed_ms, expires_ms, "
      "refunded_minor, fee_minor"_s;
const QString RefundColumns
    = u"channel, refund_no, flow_no, channel_refund_no, channel_txn_no, amount_minor, "
      "currency, status, created_ms, done_ms, fee_returned_minor"_s;

// NULL for "not set" keeps the unique index on channel_txn_no usable for unpaid orders.
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// A null QString binds as SQL NULL; NOT NULL text columns get '' instead.
QString notNull(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

ChannelBooks::Order readOrder(const SqlStatement &q)
{
    ChannelBooks::Order o;
    o.channel = q.text(0);
    o.flowNo = q.text(1);
    o.channelOrderNo = q.text(2);
    o.channelTxnNo = q.text(3);
    o.amountMinor = q.int64(4);
    o.currency = q.text(5);
    o.subject = q.text(6);
    o.account = q.text(7);
    o.status = q.text(8);
    o.failCode = q.text(9);
    o.createdMs = q.int64(10);
    o.paidMs = q.int64(11);
    o.closedMs = q.int64(12);
    o.expiresMs = q.int64(13);
    o.refundedMinor = q.int64(14);
    o.feeMinor = q.int64(15);
    return o;
}

void bindOrder(SqlStatement &q, const ChannelBooks::Order &o)
{
    q.addBindValue(o.channel);
    q.addBindValue(o.flowNo);
    q.addBindValue(textOrNull(o.channelOrderNo));
    q.addBindValue(textOrNull(o.channelTxnNo));
    q.addBindValue(o.amountMinor);
    q.addBindValue(notNull(o.currency));
    q.addBindValue(
        o.subject.isNull() ? QString(u""_s) : o.subject); // NOT NULL columns: a null QString binds as NULL
    q.addBindValue(
        o.account.isNull() ? QString(u""_s) : o.account); // NOT NULL columns: a null QString binds as NULL
    q.addBindValue(notNull(o.status));
    q.addBindValue(
        o.failCode.isNull() ? QString(u""_s) : o.failCode); // NOT NULL columns: a null QString binds as NULL
    q.addBindValue(o.createdMs);
    q.addBindValue(o.paidMs);
    q.addBindValue(o.closedMs);
    q.addBindValue(o.expiresMs);
    q.addBindValue(o.refundedMinor);
    q.addBindValue(o.feeMinor);
}

ChannelBooks::Refund readRefund(const SqlStatement &q)
{
    ChannelBooks::Refund r;
    r.channel = q.text(0);
    r.refundNo = q.text(1);
    r.flowNo = q.text(2);
    r.channelRefundNo = q.text(3);
    r.channelTxnNo = q.text(4);
    r.amountMinor = q.int64(5);
    r.currency = q.text(6);
    r.status = q.text(7);
    r.createdMs = q.int64(8);
    r.doneMs = q.int64(9);
    r.feeReturnedMinor = q.int64(10);
    return r;
}

} // namespace

QString ChannelBooks::statusNotPay()
{
    return u"NOTPAY"_s;
}
QString ChannelBooks::statusPaid()
{
    return u"PAID"_s;
}
QString ChannelBooks::statusRefunded()
{
    return u"REFUNDED"_s;
}
QString ChannelBooks::statusClosed()
{
    return u"CLOSED"_s;
}
QString ChannelBooks::statusFailed()
{
    return u"FAILED"_s;
}

static std::atomic<quint64> s_bookCommits {0};

ChannelBooks::Transaction::Transaction(ChannelBooks &books)
    : m_books(books), m_savepoint(books.m_group)
{
    if (m_savepoint && !m_books.m_groupBegun) {
        if (!m_books.control(u"BEGIN IMMEDIATE"_s))
            return;
        m_books.m_groupBegun = true;
    }
    m_active = m_books.control(m_savepoint ? u"SAVEPOINT books"_s : u"BEGIN IMMEDIATE"_s).has_value();
}

ChannelBooks::Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_savepoint) {
        (void)m_books.control(u"ROLLBACK TO books"_s);
        (void)m_books.control(u"RELEASE books"_s);
    } else {
        (void)m_books.control(u"ROLLBACK"_s);
    }
}


quint64 ChannelBooks::Transaction::commitCount()
{
    return s_bookCommits.load(std::memory_order_relaxed);
}

Result<void> ChannelBooks::Transaction::commit()
{
    if (!m_active)
        return fail(ErrorCode::Database, QCoreApplication::translate("pay::ChannelBooks", "Channel books: no open transaction"));
    m_active = false;
    if (auto r = m_books.control(m_savepoint ? u"RELEASE books"_s : u"COMMIT"_s); !r) {
        (void)m_books.control(m_savepoint ? u"ROLLBACK TO books"_s : u"ROLLBACK"_s);
        if (m_savepoint)
            (void)m_books.control(u"RELEASE books"_s);
        return fail(ErrorCode::Database, QCoreApplication::translate("pay::ChannelBooks", "Channel books: commit failed: %1").arg(r.error().message));
    }
    if (!m_savepoint)
        s_bookCommits.fetch_add(1, std::memory_order_relaxed);
    return {};
}

ChannelBooks::ChannelBooks(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
{
}

ChannelBooks::~ChannelBooks()
{
    rollbackGroup();
    m_checkpointer.reset();
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ChannelBooks::pathForCoreDatabase(const QString &coreDatabasePath)
{
    return coreDatabasePath + u".channels.sqlite"_s;
}

Result<std::unique_ptr<ChannelBooks>> ChannelBooks::open(const QString &path, bool mustExist, bool exclusive,
                                                        bool backgroundCheckpoints)
{
    configureSqliteOnce();
    if (mustExist && !QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, QCoreApplication::translate("pay::ChannelBooks", "No channel books at %1").arg(path));
    static std::atomic<int> counter {0};
    const QString name = u"paydesk-channelbooks-%1"_s.arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            const QString text = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(ErrorCode::Io, QCoreApplication::translate("pay::ChannelBooks", "Cannot open channel books %1: %2").arg(path, text));
        }
    }
    std::unique_ptr<ChannelBooks> books(new ChannelBooks(path, name));
    if (exclusive) {
        if (auto r = books->exec(u"PRAGMA locking_mode=EXCLUSIVE"_s); !r)
            return std::unexpected(r.error());
    }
    if (auto migrated = books->migrate(); !migrated)
        return std::unexpected(migrated.error());
    if (exclusive) {
        // A headless run's scratch file (see SimulationRunner): checkpoint every 8,000 WAL pages,
        // never wait for the disk.
        for (const QString &pragma : {u"PRAGMA wal_autocheckpoint=8000"_s, u"PRAGMA synchronous=OFF"_s}) {
            if (auto r = books->exec(pragma); !r)
                return std::unexpected(r.error());
        }
    } else if (backgroundCheckpoints) {
        // As the core's database (Database::Options::backgroundCheckpoints).
        QString why;
        books->m_checkpointer = WalCheckpointer::attach(SqlStatement::handleOf(QSqlDatabase::database(name, false)), 1000,
                                                        8000, true, &why);
        if (!books->m_checkpointer)
            qWarning("%s: checkpoints stay inline: %s", qUtf8Printable(path), qUtf8Printable(why));
    }
    return books;
}

SqlStatement &ChannelBooks::stmt(const QString &sql) const
{
    if (!m_handle)
        m_handle = SqlStatement::handleOf(QSqlDatabase::database(m_connection, false));
    return m_statements.get(m_handle, sql);
}

Result<void> ChannelBooks::control(const QString &sql)
{
    SqlStatement &q = stmt(sql);
    const auto done = qScopeGuard([&q] { q.finish(); });
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<void> ChannelBooks::beginGroup()
{
    if (m_group)
        return fail(ErrorCode::Internal, QCoreApplication::translate("pay::ChannelBooks", "Channel books: a commit group is already open"));
    m_group = true; // BEGIN waits for the group's first Transaction
    m_groupBegun = false;
    return {};
}

Result<void> ChannelBooks::commitGroup()
{
    if (!m_group)
        return {};
    if (m_groupBegun) {
        if (auto r = control(u"COMMIT"_s); !r) {
            rollbackGroup();
            return r;
        }
        s_bookCommits.fetch_add(1, std::memory_order_relaxed);
    }
    m_group = false;
    m_groupBegun = false;
    return {};
}

void ChannelBooks::rollbackGroup()
{
    if (!m_group)
        return;
    if (m_groupBegun)
        (void)control(u"ROLLBACK"_s);
    m_group = false;
    m_groupBegun = false;
}

Result<void> ChannelBooks::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return dbError(q);
    return {};
}

Result<void> ChannelBooks::migrate()
{
    // Savepoint sub-journals stay in memory through configureSqliteOnce(), not temp_store.
    for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA cache_size=-16384"_s}) {
        if (auto r = exec(pragma); !r)
            return r;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return fail(ErrorCode::NotADatabase, QCoreApplication::translate("pay::ChannelBooks", "%1 is not a channel books file").arg(m_path));
    const int version = q.value(0).toInt();
    if (version > SchemaVersion)
        return fail(ErrorCode::NewerSchema,
            QCoreApplication::translate("pay::ChannelBooks", "Channel books %1 have schema %2; this build knows %3")
                .arg(m_path)
                .arg(version)
                .arg(SchemaVersion));
    if (version == SchemaVersion)
        return {};

    Transaction tx(*this);
    const QStringList schema {
        u"CREATE TABLE ch_orders ("
        " channel TEXT NOT NULL, flow_no TEXT NOT NULL, channel_order_no TEXT, channel_txn_no TEXT,"
        " amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '',"
        " account TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, fail_code TEXT NOT NULL DEFAULT '',"
        " created_ms INTEGER NOT NULL, paid_ms INTEGER NOT NULL DEFAULT 0,"
        " closed_ms INTEGER NOT NULL DEFAULT 0, expires_ms INTEGER NOT NULL DEFAULT 0,"
        " refunded_minor INTEGER NOT NULL DEFAULT 0, fee_minor INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (channel, flow_no))"_s,
        u"CREATE UNIQUE INDEX ch_orders_txn ON ch_orders (channel, channel_txn_no)"_s,
        u"CREATE INDEX ch_orders_paid ON ch_orders (channel, paid_ms)"_s,
        u"CREATE TABLE ch_refunds ("
        " channel TEXT NOT NULL, refund_no TEXT NOT NULL, flow_no TEXT NOT NULL,"
        " channel_refund_no TEXT NOT NULL, channel_txn_no TEXT NOT NULL, amount_minor INTEGER NOT NULL,"
        " currency TEXT NOT NULL, status TEXT NOT NULL, created_ms INTEGER NOT NULL,"
        " done_ms INTEGER NOT NULL DEFAULT 0, fee_returned_minor INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (channel, refund_no))"_s,
        u"CREATE UNIQUE INDEX ch_refunds_no ON ch_refunds (channel, channel_refund_no)"_s,
        u"CREATE INDEX ch_refunds_done ON ch_refunds (channel, done_ms)"_s,
        u"CREATE TABLE ch_sequences (channel TEXT PRIMARY KEY, next_value INTEGER NOT NULL)"_s,
        u"CREATE TABLE ch_wallet_members (member_id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
        " balance_minor INTEGER NOT NULL, currency TEXT NOT NULL)"_s,
        u"CREATE TABLE ch_vouchers (code TEXT PRIMARY KEY, value_minor INTEGER NOT NULL,"
        " currency TEXT NOT NULL, valid_from_ms INTEGER NOT NULL, valid_to_ms INTEGER NOT NULL,"
        " used_by_flow_no TEXT)"_s,
        u"PRAGMA user_version = %1"_s.arg(SchemaVersion),
    };
    for (const QString &sql : schema) {
        if (auto r = exec(sql); !r)
            return r;
    }
    return tx.commit();
}

Result<std::optional<ChannelBooks::Order>> ChannelBooks::order(
    const QString &channel, const QString &flowNo) const
{
    static const QString sql = u"SELECT %1 FROM ch_orders WHERE channel = ? AND flow_no = ?"_s.arg(OrderColumns);
    SqlStatement &q = stmt(sql);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(channel);
    q.addBindValue(flowNo);
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return std::optional<Order>();
    return std::optional<Order>(readOrder(q));
}

Result<void> ChannelBooks::insertOrder(const Order &order)
{
    static const QString sql
        = u"INSERT INTO ch_orders (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(OrderColumns);
    SqlStatement &q = stmt(sql);
    const auto done = qScopeGuard([&q] { q.finish(); });
    bindOrder(q, order);
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<void> ChannelBooks::updateOrder(const Order &order)
{
    SqlStatement &q = stmt(
        u"UPDATE ch_orders SET channel_order_no = ?, channel_txn_no = ?, amount_minor = ?, currency = ?,"
        " subject = ?, account = ?, status = ?, fail_code = ?, created_ms = ?, paid_ms = ?, closed_ms = ?,"
        " expires_ms = ?, refunded_minor = ?, fee_minor = ? WHERE channel = ? AND flow_no = ?"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(textOrNull(order.channelOrderNo));
    q.addBindValue(textOrNull(order.channelTxnNo));
    q.addBindValue(order.amountMinor);
    q.addBindValue(notNull(order.currency));
    q.addBindValue(order.subject.isNull() ? QString(u""_s) : order.subject);
    q.addBindValue(order.account.isNull() ? QString(u""_s) : order.account);
    q.addBindValue(notNull(order.status));
    q.addBindValue(order.failCode.isNull() ? QString(u""_s) : order.failCode);
    q.addBindValue(order.createdMs);
    q.addBindValue(order.paidMs);
    q.addBindValue(order.closedMs);
    q.addBindValue(order.expiresMs);
    q.addBindValue(order.refundedMinor);
    q.addBindValue(order.feeMinor);
    q.addBindValue(order.channel);
    q.addBindValue(order.flowNo);
    if (!q.exec())
        return dbError(q);
    if (q.numRowsAffected() != 1)
        return fail(ErrorCode::NotFound,
            QCoreApplication::translate("pay::ChannelBooks", "Channel books: no order %1 at %2").arg(order.flowNo, order.channel));
    return {};
}

Result<QList<ChannelBooks::Order>> ChannelBooks::orders(const QString &channel) const
{
    SqlStatement &q = stmt(u"SELECT %1 FROM ch_orders WHERE channel = ? ORDER BY created_ms, flow_no"_s.arg(OrderColumns));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(channel);
    if (!q.exec())
        return dbError(q);
    QList<Order> list;
    while (q.next())
        list << readOrder(q);
    return list;
}

Result<QList<ChannelBooks::Order>> ChannelBooks::paidBetween(
    const QString &channel, qint64 fromMs, qint64 toMs) const
{
    SqlStatement &q = stmt(u"SELECT %1 FROM ch_orders WHERE channel = ? AND channel_txn_no IS NOT NULL"
              " AND paid_ms >= ? AND paid_ms < ? ORDER BY paid_ms, flow_no"_s.arg(OrderColumns));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(channel);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return dbError(q);
    QList<Order> list;
    while (q.next())
        list << readOrder(q);
    return list;
}

Result<std::optional<ChannelBooks::Refund>> ChannelBooks::refund(
    const QString &channel, const QString &refundNo) const
{
    SqlStatement &q = stmt(u"SELECT %1 FROM ch_refunds WHERE channel = ? AND refund_no = ?"_s.arg(RefundColumns));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(channel);
    q.addBindValue(refundNo);
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return std::optional<Refund>();
    return std::optional<Refund>(readRefund(q));
}

Result<void> ChannelBooks::insertRefund(const Refund &r)
{
    SqlStatement &q = stmt(u"INSERT INTO ch_refunds (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(RefundColumns));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(r.channel);
    q.addBindValue(r.refundNo);
    q.addBindValue(notNull(r.flowNo));
    q.addBindValue(notNull(r.channelRefundNo));
    q.addBindValue(notNull(r.channelTxnNo));
    q.addBindValue(r.amountMinor);
    q.addBindValue(notNull(r.currency));
    q.addBindValue(notNull(r.status));
    q.addBindValue(r.createdMs);
    q.addBindValue(r.doneMs);
    q.addBindValue(r.feeReturnedMinor);
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<QList<ChannelBooks::Refund>> ChannelBooks::refundsBetween(
    const QString &channel, qint64 fromMs, qint64 toMs) const
{
    SqlStatement &q = stmt(u"SELECT %1 FROM ch_refunds WHERE channel = ? AND done_ms >= ? AND done_ms < ?"
              " ORDER BY done_ms, refund_no"_s.arg(RefundColumns));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(channel);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return dbError(q);
    QList<Refund> list;
    while (q.next())
        list << readRefund(q);
    return list;
}

Result<qint64> ChannelBooks::nextSequence(const QString &channel)
{
    // The value last handed out is remembered; the bump is conditional on it, so a value that
    // is stale (a rolled-back transaction, another connection) simply fails the condition and
    // the value is read again. An upsert with RETURNING cost SQLite an insert attempt and a
    // temporary table per call; a plain read after the bump cost a second statement.
    if (auto known = m_sequences.constFind(channel); known != m_sequences.constEnd()) {
        SqlStatement &bump = stmt(u"UPDATE ch_sequences SET next_value = next_value + 1 WHERE channel = ? AND next_value = ?"_s);
        bump.addBindValue(channel);
        bump.addBindValue(*known);
        if (!bump.exec())
            return dbError(bump);
        if (bump.numRowsAffected() == 1)
            return ++m_sequences[channel];
        m_sequences.remove(channel);
    }
    SqlStatement &bump = stmt(u"UPDATE ch_sequences SET next_value = next_value + 1 WHERE channel = ?"_s);
    bump.addBindValue(channel);
    if (!bump.exec())
        return dbError(bump);
    if (bump.numRowsAffected() == 0) {
        SqlStatement &first = stmt(u"INSERT INTO ch_sequences (channel, next_value) VALUES (?, 1)"_s);
        first.addBindValue(channel);
        if (!first.exec())
            return dbError(first);
    }
    SqlStatement &read = stmt(u"SELECT next_value FROM ch_sequences WHERE channel = ?"_s);
    const auto done = qScopeGuard([&read] { read.finish(); });
    read.addBindValue(channel);
    if (!read.exec() || !read.next())
        return dbError(read);
    const qint64 value = read.int64(0);
    m_sequences.insert(channel, value);
    return value;
}

Result<std::optional<ChannelBooks::Member>> ChannelBooks::member(const QString &memberId) const
{
    SqlStatement &q = stmt(
        u"SELECT member_id, name, balance_minor, currency FROM ch_wallet_members WHERE member_id = ?"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(memberId);
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return std::optional<Member>();
    return std::optional<Member>(Member {
        q.text(0), q.text(1), q.int64(2), q.text(3)});
}

Result<void> ChannelBooks::upsertMember(const Member &m)
{
    SqlStatement &q = stmt(u"INSERT INTO ch_wallet_members (member_id, name, balance_minor, currency) VALUES (?, ?, ?, ?)"
              " ON CONFLICT (member_id) DO UPDATE SET name = excluded.name,"
              " balance_minor = excluded.balance_minor, currency = excluded.currency"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(m.memberId);
    q.addBindValue(notNull(m.name));
    q.addBindValue(m.balanceMinor);
    q.addBindValue(notNull(m.currency));
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<void> ChannelBooks::setMemberBalance(const QString &memberId, qint64 balanceMinor)
{
    SqlStatement &q = stmt(u"UPDATE ch_wallet_members SET balance_minor = ? WHERE member_id = ?"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(balanceMinor);
    q.addBindValue(memberId);
    if (!q.exec())
        return dbError(q);
    if (q.numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, QCoreApplication::translate("pay::ChannelBooks", "No wallet member %1").arg(memberId));
    return {};
}

Result<std::optional<ChannelBooks::Voucher>> ChannelBooks::voucher(const QString &code) const
{
    SqlStatement &q = stmt(u"SELECT code, value_minor, currency, valid_from_ms, valid_to_ms, used_by_flow_no"
              " FROM ch_vouchers WHERE code = ?"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(code);
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return std::optional<Voucher>();
    return std::optional<Voucher>(Voucher {q.text(0), q.int64(1),
        q.text(2), q.int64(3), q.int64(4), q.text(5)});
}

Result<void> ChannelBooks::upsertVoucher(const Voucher &v)
{
    SqlStatement &q = stmt(
        u"INSERT INTO ch_vouchers (code, value_minor, currency, valid_from_ms, valid_to_ms, used_by_flow_no)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET value_minor = excluded.value_minor,"
        " currency = excluded.currency, valid_from_ms = excluded.valid_from_ms,"
        " valid_to_ms = excluded.valid_to_ms, used_by_flow_no = excluded.used_by_flow_no"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(v.code);
    q.addBindValue(v.valueMinor);
    q.addBindValue(notNull(v.currency));
    q.addBindValue(v.validFromMs);
    q.addBindValue(v.validToMs);
    q.addBindValue(textOrNull(v.usedByFlowNo));
    if (!q.exec())
        return dbError(q);
    return {};
}

Result<void> ChannelBooks::setVoucherUsedBy(const QString &code, const QString &flowNo)
{
    SqlStatement &q = stmt(u"UPDATE ch_vouchers SET used_by_flow_no = ? WHERE code = ?"_s);
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(textOrNull(flowNo));
    q.addBindValue(code);
    if (!q.exec())
        return dbError(q);
    if (q.numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, QCoreApplication::translate("pay::ChannelBooks", "No voucher %1").arg(code));
    return {};
}

Result<void> seedDemoBooks(ChannelBooks &books, qint64 nowMs)
{
    ChannelBooks::Transaction tx(books);
    const QString cny = u"CNY"_s;
    struct DemoMember
    {
        const char16_t *id;
        const char16_t *name;
        qint64 balance;
    };
    static const DemoMember members[] = {
        {u"M1001", u"Li Wei", 50'000},
        {u"M1002", u"Wang Fang", 12'000},
        {u"M1003", u"Zhang Min", 50},
        {u"M1004", u"Liu Yang", 300'000},
        {u"M1005", u"Chen Jing", 8'800},
        {u"M1006", u"Yang Lei", 0},
        {u"M1007", u"Zhao Na", 100'000},
        {u"M1008", u"Huang Tao", 2'500},
        {u"M1009", u"Zhou Hui", 66'600},
        {u"M1010", u"Wu Qiang", 1'000'000},
    };
    for (const DemoMember &m : members) {
        auto existing = books.member(QString::fromUtf16(m.id));
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->has_value())
            continue;
        auto r = books.upsertMember({QString::fromUtf16(m.id), QString::fromUtf16(m.name), m.balance, cny});
        if (!r)
            return r;
    }
    const qint64 day = 24LL * 3600 * 1000;
    const QList<ChannelBooks::Voucher> vouchers {
        {u"CP-5OFF"_s, 500, cny, nowMs - day, nowMs + 365 * day, {}},
        {u"CP-10OFF"_s, 1000, cny, nowMs - day, nowMs + 365 * day, {}},
        {u"CP-10OFF-B"_s, 1000, cny, nowMs - day, nowMs + 365 * day, {}},
        {u"CP-20OFF"_s, 2000, cny, nowMs - day, nowMs + 365 * day, {}},
        {u"CP-50OFF"_s, 5000, cny, nowMs - day, nowMs + 365 * day, {}},
        {u"CP-EXPIRED"_s, 1000, cny, nowMs - 60 * day, nowMs - day, {}},
        {u"CP-FUTURE"_s, 1000, cny, nowMs + 30 * day, nowMs + 365 * day, {}},
    };
    for (const ChannelBooks::Voucher &v : vouchers) {
        auto existing = books.voucher(v.code);
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->has_value())
            continue;
        if (auto r = books.upsertVoucher(v); !r)
            return r;
    }
    return tx.commit();
}

} // namespace pay
