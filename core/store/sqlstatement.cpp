#include "sqlstatement.h"

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

SqlStatement::SqlStatement(sqlite3 *db, const QString &sql) : m_db(db), m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = m_db ? sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
                        : SQLITE_MISUSE;
    if (rc != SQLITE_OK) {
        fail(rc);
        m_stmt = nullptr;
    }
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
    m_rowPending = false;
    m_done = true;
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return false;
}

bool SqlStatement::exec()
{
    m_error = QSqlError();
    m_rowPending = false;
    m_done = true;
    m_changes = 0;
    if (!m_stmt) {
        m_pending.clear();
        m_error = QSqlError(QString(), QStringLiteral("statement not prepared: ") + m_sql.left(80),
                            QSqlError::StatementError, QString::number(SQLITE_ERROR));
        return false;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bound.swap(m_pending);
    m_pending.clear();
    m_utf8.clear();
    m_utf8.reserve(m_bound.size()); // no reallocation while bound: SQLite keeps the pointers
    const int params = sqlite3_bind_parameter_count(m_stmt);
    for (int i = 0; i < int(m_bound.size()) && i < params; ++i) {
        const QVariant &v = m_bound[size_t(i)];
        int rc = SQLITE_OK;
        switch (v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            rc = sqlite3_bind_null(m_stmt, i + 1);
            break;
        case QMetaType::QString: {
            // Qt binds a null QString as NULL, an empty one as ''. Bound as UTF-8 (the database
            // encoding): SQLite would otherwise translate UTF-16 into a buffer of its own on
            // every use, one code unit at a time.
            const QString &s = *static_cast<const QString *>(v.constData());
            if (s.isNull()) {
                rc = sqlite3_bind_null(m_stmt, i + 1);
            } else {
                m_utf8.push_back(s.toUtf8());
                const QByteArray &u = m_utf8.back();
                rc = sqlite3_bind_text(m_stmt, i + 1, u.isEmpty() ? "" : u.constData(), int(u.size()), SQLITE_STATIC);
            }
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray &b = *static_cast<const QByteArray *>(v.constData());
            rc = b.isNull() ? sqlite3_bind_null(m_stmt, i + 1)
                            : sqlite3_bind_blob(m_stmt, i + 1, b.isEmpty() ? "" : b.constData(), int(b.size()), SQLITE_STATIC);
            break;
        }
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
            rc = sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, i + 1, v.toDouble());
            break;
        default: {
            // Anything else as its text, as Qt's driver does.
            m_utf8.push_back(v.toString().toUtf8());
            const QByteArray &u = m_utf8.back();
            rc = sqlite3_bind_text(m_stmt, i + 1, u.isEmpty() ? "" : u.constData(), int(u.size()), SQLITE_STATIC);
            break;
        }
        }
        if (rc != SQLITE_OK)
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
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_bound.clear();
    m_utf8.clear();
}

} // namespace pay
