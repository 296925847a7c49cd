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

// QCOMPARE for the domain enums, printing their names on failure. (QTest's own toString is
// shadowed by pay::toString, which returns QString, through argument-dependent lookup.)
#define QCOMPARE_NAME(actual, expected) QCOMPARE(pay::toString(actual), pay::toString(expected))
