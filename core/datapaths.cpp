#include "datapaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifndef PAYDESK_INSTALL_DATADIR
#define PAYDESK_INSTALL_DATADIR "/usr/share/paydesk"
#endif

namespace pay {

QString dataDirectory(const QString &what)
{
    QStringList candidates;
    // An explicit data folder first (a relocated install, or the tests pointing at the build tree).
    if (const QString env = qEnvironmentVariable("PAYDESK_DATA_DIR"); !env.isEmpty())
        candidates << QDir(env).filePath(what);
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty())
        candidates << QDir(appDir).filePath(QStringLiteral("../share/paydesk/") + what);
    for (const QString &base : QStandardPaths::standardLocations(QStandardPaths::AppDataLocation))
        candidates << QDir(base).filePath(what);
    candidates << QStringLiteral(PAYDESK_INSTALL_DATADIR "/") + what;
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo(c).isDir())
            return QDir(c).canonicalPath();
    }
    return {};
}

QString scenarioPath(const QString &fileOrName)
{
    if (QFileInfo(fileOrName).isFile())
        return fileOrName;
    const QString dir = dataDirectory(QStringLiteral("scenarios"));
    if (dir.isEmpty())
        return fileOrName;
    const QString name = fileOrName.endsWith(QStringLiteral(".json")) ? fileOrName : fileOrName + QStringLiteral(".json");
    const QString candidate = QDir(dir).filePath(name);
    return QFileInfo(candidate).isFile() ? candidate : fileOrName;
}

} // namespace pay
