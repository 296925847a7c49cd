#pragma once

#include "../error.h"

#include <QString>

#include <optional>

namespace pay {

// Keeping a shop's data safe: SQLite's online backup, the file-system check that refuses network
// shares (SQLite's WAL needs shared memory on one machine), and the numbering epoch a restore
// moves to.

// What file system a directory is on (statfs's f_type). An interface so tests can pretend to
// be on a network share without mounting one.
class FileSystemProbe
{
public:
    virtual ~FileSystemProbe();
    virtual std::optional<qint64> typeOf(const QString &directory) const;
    // The probe Database::open asks; nullptr restores the real one.
    static const FileSystemProbe &current();
    static void setCurrent(const FileSystemProbe *probe);
};

// NFS, SMB/CIFS (and SMB2), AFS, Ceph, GlusterFS/FUSE network mounts, 9p.
bool isNetworkFileSystem(qint64 type);
// Refuses a database on a network file system with a message that says why.
Result<void> refuseNetworkFileSystem(const QString &databasePath);

// Copies a SQLite file with the online backup API from its own read connection: a consistent
// snapshot, safe while another process writes. `to` is replaced.
Result<void> backupDatabaseFile(const QString &from, const QString &to);

} // namespace pay
