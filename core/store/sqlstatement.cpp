#include "sqlstatement.h"
#include "sqlitememory.h"

#include <QByteArray>
#include <QSqlDriver>

#include <sqlite3.h>

#include <mutex>

namespace pay {

namespace {
// A savepoint's sub-journal (TransactionGuard inside a commit group) stays in memory up to this
// size, in one block, and only a bigger one spills to a temporary file. With temp_store=MEMORY
// SQLite would keep it in 1 KB blocks instead: four allocations and frees per journaled page,
// a tenth of the engine's instructions.
constexpr int kSubJournalInMemoryBytes = 512 * 1024;
} // namespace

void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        (void)sqlitememory::install();
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        (void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kSubJournalInMemoryBytes);
    });
}

sqlite3 *SqlStatement::handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

void StatementCache::clear()
{
    m_front.fill(Slot{});
    qDeleteAll(m_all);
    m_all.clear();
}

SqlStatement &StatementCache::lookUp(sqlite3 *db, const QString &sql, Slot &slot)
{
    SqlStatement *statement = m_all.value(sql);
    if (!statement) {
        statement = new SqlStatement(db, sql);
        m_all.insert(sql, statement);
    }
    // Only the statement's own text may stand in the table: it lives as long as the statement.
    if (statement->lastQuery().constData() == sql.constData())
        slot = Slot{sql.constData(), sql.size(), statement};
    return *statement;
}

SqlStatement::SqlStatement(sqlite3 *db, const QString &sql) : m_db(db), m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = m_db ? sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
                        : SQLITE_MISUSE;
    if (rc != SQLITE_OK) {
        fail(rc);
        m_stmt = nullptr;
    }
    m_params = m_stmt ? sqlite3_bind_parameter_count(m_stmt) : 0;
}

SqlStatement::~SqlStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool SqlStatement::fail(int rc)
{
    const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
    const QString text = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no connection");
    m_error = QSqlError(QString(), text, QSqlError::StatementError, QString::number(extended ? extended : rc));
    m_failed = true;
    m_rowPending = false;
    m_done = true;
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return false;
}

bool SqlStatement::beginBind()
{
    if (!m_binding) {
        // A new set: the statement stops where it was (as exec() would). The old values are
        // not cleared here: every placeholder gets a new value or NULL before the next step
        // (exec() binds NULL to those left out), and SQLite reuses its buffers for copied text.
        if (m_stmt)
            sqlite3_reset(m_stmt);
        m_keep.clear();
        m_nextParam = 0;
        m_bindRc = SQLITE_OK;
        m_binding = true;
        m_rowPending = false;
        m_done = true;
    }
    ++m_nextParam;
    return m_stmt && m_nextParam <= m_params; // values past the last placeholder are ignored, as before
}

void SqlStatement::bindText(const QByteArray &utf8)
{
    // Bound as UTF-8 (the database encoding): SQLite would otherwise translate UTF-16 into a
    // buffer of its own on every use, one code unit at a time. The bytes stay in m_keep.
    m_keep.push_back(utf8);
    const QByteArray &u = m_keep.back();
    note(sqlite3_bind_text(m_stmt, m_nextParam, u.isEmpty() ? "" : u.constData(), int(u.size()), SQLITE_STATIC));
}

void SqlStatement::addBindValue(const QString &text)
{
    if (!beginBind())
        return;
    if (text.isNull()) {
        note(sqlite3_bind_null(m_stmt, m_nextParam));
        return;
    }
    // Most bound text is ASCII (numbers, states, codes): narrowed on the stack and copied by
    // SQLite into its own memory (small blocks are recycled, sqlitememory.h), without a
    // QByteArray allocated and freed per value. Other text goes through toUtf8().
    constexpr qsizetype kStack = 256;
    const qsizetype n = text.size();
    if (n <= kStack) {
        char buf[kStack];
        const auto *in = reinterpret_cast<const char16_t *>(text.constData());
        bool ascii = true;
        for (qsizetype i = 0; i < n; ++i) {
            if (in[i] >= 0x80) {
                ascii = false;
                break;
            }
            buf[i] = char(in[i]);
        }
        if (ascii) {
            note(sqlite3_bind_text(m_stmt, m_nextParam, buf, int(n), SQLITE_TRANSIENT));
            return;
        }
    }
    bindText(text.toUtf8());
}

void SqlStatement::addBindUtf8(const QByteArray &utf8)
{
    if (!beginBind())
        return;
    if (utf8.isNull()) {
        note(sqlite3_bind_null(m_stmt, m_nextParam));
        return;
    }
    bindText(utf8);
}

void SqlStatement::addBindNull()
{
    if (!beginBind())
        return;
    note(sqlite3_bind_null(m_stmt, m_nextParam));
}

void SqlStatement::addBindValue(qint64 value)
{
    if (!beginBind())
        return;
    note(sqlite3_bind_int64(m_stmt, m_nextParam, value));
}

void SqlStatement::addBindValue(const QVariant &v)
{
    // A null of any type binds NULL, as in Qt's driver: QVariant(QMetaType(QMetaType::LongLong))
    // is how the repositories write "no trade" or "no refund flow".
    if (v.isNull()) {
        if (!beginBind())
            return;
        note(sqlite3_bind_null(m_stmt, m_nextParam));
        return;
    }
    switch (v.typeId()) {
    case QMetaType::QString:
        addBindValue(*static_cast<const QString *>(v.constData())); // Qt binds a null QString as NULL, an empty one as ''
        return;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        addBindValue(v.toLongLong());
        return;
    default:
        break;
    }
    if (!beginBind())
        return;
    int rc = SQLITE_OK;
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        rc = sqlite3_bind_null(m_stmt, m_nextParam);
        break;
    case QMetaType::QByteArray: {
        const QByteArray &b = *static_cast<const QByteArray *>(v.constData());
        if (b.isNull()) {
            rc = sqlite3_bind_null(m_stmt, m_nextParam);
        } else {
            m_keep.push_back(b);
            const QByteArray &k = m_keep.back();
            rc = sqlite3_bind_blob(m_stmt, m_nextParam, k.isEmpty() ? "" : k.constData(), int(k.size()), SQLITE_STATIC);
        }
        break;
    }
    case QMetaType::Double:
    case QMetaType::Float:
        rc = sqlite3_bind_double(m_stmt, m_nextParam, v.toDouble());
        break;
    default:
        // Anything else as its text, as Qt's driver does.
        bindText(v.toString().toUtf8());
        return;
    }
    note(rc);
}

bool SqlStatement::exec()
{
    m_failed = false;
    m_rowPending = false;
    m_done = true;
    m_changes = 0;
    if (!m_stmt) {
        m_binding = false;
        m_keep.clear();
        m_error = QSqlError(QString(), QStringLiteral("statement not prepared: ") + m_sql.left(80),
                            QSqlError::StatementError, QString::number(SQLITE_ERROR));
        m_failed = true;
        return false;
    }
    if (!m_binding) { // no values bound since the last execution: run with none
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_keep.clear();
    } else {
        for (int i = m_nextParam + 1; i <= m_params; ++i) // placeholders left out are NULL
            sqlite3_bind_null(m_stmt, i);
    }
    m_binding = false;
    if (m_bindRc != SQLITE_OK) {
        const int rc = m_bindRc;
        m_bindRc = SQLITE_OK;
        return fail(rc);
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_rowPending = true;
        m_done = false;
        return true;
    }
    if (rc == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_db);
        sqlite3_reset(m_stmt); // a finished write releases everything at once
        return true;
    }
    return fail(rc);
}

bool SqlStatement::next()
{
    if (m_rowPending) {
        m_rowPending = false;
        return true;
    }
    if (m_done || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_done = true;
    if (rc == SQLITE_DONE)
        return false;
    return fail(rc);
}

QVariant SqlStatement::value(int column) const
{
    if (!m_stmt || m_done)
        return {};
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)));
    }
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return QVariant(QByteArray(data, sqlite3_column_bytes(m_stmt, column)));
    }
    default:
        return {};
    }
}

qint64 SqlStatement::int64(int column) const
{
    if (!m_stmt || m_done)
        return 0;
    if (sqlite3_column_type(m_stmt, column) == SQLITE_TEXT) // as QVariant(QString).toLongLong()
        return value(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

QString SqlStatement::text(int column) const
{
    if (!m_stmt || m_done)
        return {};
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return bytes == 0 ? QString(QStringLiteral("")) : QString::fromUtf8(text, bytes);
    }
    default:
        return value(column).toString();
    }
}

QByteArrayView SqlStatement::utf8(int column) const
{
    if (!m_stmt || m_done)
        return {};
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(text, text ? sqlite3_column_bytes(m_stmt, column) : 0);
}

int SqlStatement::columnType(int column) const
{
    return !m_stmt || m_done ? SQLITE_NULL : sqlite3_column_type(m_stmt, column);
}

bool SqlStatement::isNull(int column) const
{
    return !m_stmt || m_done || sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void SqlStatement::appendText(int column, QByteArray &out, QByteArrayView null) const
{
    if (!m_stmt || m_done)
        return;
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_NULL:
        out += null;
        return;
    case SQLITE_INTEGER:
        out += QByteArray::number(qlonglong(sqlite3_column_int64(m_stmt, column)));
        return;
    case SQLITE_FLOAT:
        out += value(column).toString().toUtf8();
        return;
    default: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        out += QByteArrayView(text, sqlite3_column_bytes(m_stmt, column));
        return;
    }
    }
}

QVariant SqlStatement::lastInsertId() const
{
    return m_db ? QVariant(qlonglong(sqlite3_last_insert_rowid(m_db))) : QVariant();
}

void SqlStatement::finish()
{
    m_rowPending = false;
    m_done = true;
    m_binding = false;
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_keep.clear();
}

} // namespace pay
