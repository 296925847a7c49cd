#pragma once

#include <QString>
#include <QTemporaryDir>

namespace pay::test {

// A fresh temporary directory per test; the database path inside it.
class TempDb
{
public:
    TempDb();
    QString path() const { return m_dir.filePath(QStringLiteral("paydesk.sqlite")); }
    QString dirPath() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace pay::test
