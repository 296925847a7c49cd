#include "safekeeping.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>
#include <sys/vfs.h>

namespace pay {

namespace {
const FileSystemProbe *s_probe = nullptr;
const FileSystemProbe s_real;
} // namespace

FileSystemProbe::~FileSystemProbe() = default;

std::optional<qint64> FileSystemProbe::typeOf(const QString &directory) const
{
    struct statfs st {};
    if (::statfs(QFile::encodeName(directory).constData(), &st) != 0)
        return std::nullopt;
    return qint64(static_cast<quint32>(st.f_type));
}

const FileSystemProbe &FileSystemProbe::current()
{
    return s_probe ? *s_probe : s_real;
}

void FileSystemProbe::setCurrent(const FileSystemProbe *probe)
{
    s_probe = probe;
}

bool isNetworkFileSystem(qint64 type)
{
    switch (quint32(type)) {
    case 0x6969u:     // NFS
    case 0x517Bu:     // SMB
    case 0xFF534D42u: // CIFS
    case 0xFE534D42u: // SMB2
    case 0x5346414Fu: // AFS
    case 0x00C36400u: // Ceph
    case 0x65735546u: // FUSE (sshfs, GlusterFS, ...)
    case 0x01021997u: // 9p
        return true;
    default:
        return false;
    }
}

Result<void> refuseNetworkFileSystem(const QString &databasePath)
{
    const QString dir = QFileInfo(databasePath).absolutePath();
    const auto type = FileSystemProbe::current().typeOf(dir);
    if (type && isNetworkFileSystem(*type))
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Store", "%1 is on a network file system (NFS, SMB or similar); SQLite's write-ahead log "
                                                         "does not work there. Keep the database on a local disk (several tills share "
                                                         "one store through a database server instead)")
                        .arg(databasePath));
    return {};
}

Result<void> backupDatabaseFile(const QString &from, const QString &to)
{
    if (!QFileInfo::exists(from))
        return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "Database %1 does not exist").arg(from));
    const QString tmp = to + QStringLiteral(".part");
    QFile::remove(tmp);
    sqlite3 *src = nullptr;
    sqlite3 *dst = nullptr;
    auto cleanup = [&] {
        if (src)
            sqlite3_close(src);
        if (dst)
            sqlite3_close(dst);
    };
    if (sqlite3_open_v2(QFile::encodeName(from).constData(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(src));
        cleanup();
        return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Cannot read %1: %2").arg(from, why));
    }
    sqlite3_busy_timeout(src, 5000);
    if (sqlite3_open_v2(QFile::encodeName(tmp).constData(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(dst));
        cleanup();
        return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Cannot write %1: %2").arg(tmp, why));
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(dst));
        cleanup();
        QFile::remove(tmp);
        return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Cannot back up %1: %2").arg(from, why));
    }
    // All pages in one step: one read transaction of the source, so the copy is one snapshot.
    int rc = SQLITE_OK;
    for (int tries = 0; tries < 50; ++tries) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100);
    }
    sqlite3_backup_finish(b);
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    // The copy as a plain file: no WAL beside it.
    if (rc == SQLITE_DONE)
        sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    cleanup();
    if (rc != SQLITE_DONE) {
        QFile::remove(tmp);
        return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Backing up %1 failed: %2").arg(from, why));
    }
    QFile::remove(to);
    if (!QFile::rename(tmp, to))
        return fail(ErrorCode::Io, QCoreApplication::translate("Store", "Cannot write %1").arg(to));
    return {};
}

} // namespace pay
