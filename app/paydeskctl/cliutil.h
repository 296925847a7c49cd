#pragma once

#include "error.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

// Small helpers shared by the paydeskctl subcommands.
namespace pay::cli {

inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

inline QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Parses args (without the program and subcommand names). Prints help or the parse error.
inline bool parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    QStringList full = args;
    full.prepend(QStringLiteral("paydeskctl ") + command);
    if (!parser.parse(full)) {
        err() << "paydeskctl " << command << ": " << parser.errorText() << '\n';
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // helpText() names the binary by its path; name the command as the user typed it.
        QString help = parser.helpText();
        const qsizetype lineEnd = help.indexOf(QLatin1Char('\n'));
        const QString first = help.left(lineEnd);
        const qsizetype optionsAt = first.indexOf(QStringLiteral(" [options]"));
        help.replace(0, optionsAt < 0 ? lineEnd : optionsAt, QStringLiteral("Usage: paydeskctl ") + command);
        out() << help;
        out().flush();
        return false;
    }
    return true;
}

inline QString requireOption(const QCommandLineParser &parser, const QString &name)
{
    const QString v = parser.value(name);
    if (v.isEmpty())
        err() << "paydeskctl: --" << name << " is required\n";
    return v;
}

// Prints "error [code]: message" on stderr; returns the exit code for the error.
inline int reportError(const Error &e)
{
    err() << "error [" << errorCodeName(e.code) << "]: " << e.message << '\n';
    err().flush();
    return 1;
}

inline void printJson(const QJsonObject &o)
{
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    out().flush();
}

} // namespace pay::cli
