// paydeskctl db init|check
#include "commands.h"
#include "cliutil.h"

#include "store/database.h"
#include "engine/demoseed.h"
#include "store/invariants.h"
#include "engine/paymentcore.h"

#include <QDateTime>

#include <QJsonArray>
#include <QJsonObject>

namespace pay::cli {

namespace {

int dbInit(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Create a PayDesk database (or upgrade an older one)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    if (!parseOrExit(p, QStringLiteral("db init"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString path = requireOption(p, QStringLiteral("db"));
    if (path.isEmpty())
        return 2;
    auto db = Database::open(path);
    if (!db)
        return reportError(db.error());
    out() << "Created " << path << " (schema version " << (*db)->schemaVersion() << ")\n";
    return 0;
}

int dbCheck(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Check a PayDesk database: SQLite integrity_check and every invariant the core knows. Exit 0 only "
        "when all hold. The file is opened read-only and never modified."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    if (!parseOrExit(p, QStringLiteral("db check"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString path = requireOption(p, QStringLiteral("db"));
    if (path.isEmpty())
        return 2;
    Database::Options ro;
    ro.mode = Database::Mode::ReadOnly;
    ro.create = false;
    auto db = Database::open(path, ro);
    if (!db)
        return reportError(db.error());
    InvariantChecker checker(**db);
    const auto results = checker.checkAll();
    const bool ok = InvariantChecker::allHold(results);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray checks;
        for (const auto &r : results) {
            checks.append(QJsonObject{{QStringLiteral("name"), r.name},
                                      {QStringLiteral("description"), r.description},
                                      {QStringLiteral("ok"), r.ok},
                                      {QStringLiteral("violations"), r.violations},
                                      {QStringLiteral("examples"), QJsonArray::fromStringList(r.examples)}});
        }
        printJson(QJsonObject{{QStringLiteral("db"), path}, {QStringLiteral("ok"), ok}, {QStringLiteral("checks"), checks}});
    } else {
        for (const auto &r : results) {
            out() << (r.ok ? "ok    " : "FAIL  ") << r.name << " - " << r.description;
            if (!r.ok)
                out() << " (" << r.violations << " violation(s))";
            out() << '\n';
            for (const auto &e : r.examples)
                out() << "        " << e << '\n';
        }
        out() << (ok ? "All invariants hold.\n" : "Some invariants FAILED.\n");
    }
    return ok ? 0 : 1;
}

int dbSeedDemo(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Create a demo database with a few dozen orders in every state, made by real payments through the "
        "engine and the simulated channels. Refuses an existing file."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file (must not exist)."), QStringLiteral("FILE")});
    if (!parseOrExit(p, QStringLiteral("db seed-demo"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString path = requireOption(p, QStringLiteral("db"));
    if (path.isEmpty())
        return 2;
    auto n = seedDemoDatabase(path, QDateTime::currentMSecsSinceEpoch());
    if (!n)
        return reportError(n.error());
    out() << "Seeded " << path << " with " << *n << " orders\n";
    return 0;
}

int dbBackup(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Back up a PayDesk database and its channel books (FILE.channels.sqlite) as one set with SQLite's online "
        "backup: safe while PayDesk runs. Writes OUT and OUT.channels.sqlite."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Backup file to write."), QStringLiteral("OUT")});
    if (!parseOrExit(p, QStringLiteral("db backup"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString path = requireOption(p, QStringLiteral("db"));
    const QString outPath = requireOption(p, QStringLiteral("out"));
    if (path.isEmpty() || outPath.isEmpty())
        return 2;
    if (auto r = PaymentCore::backup(path, outPath); !r)
        return reportError(r.error());
    out() << "Backed up " << path << " to " << outPath << "\n";
    return 0;
}

int dbRestore(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Put a backup set in place of a database. Refused while a PayDesk has the database open. Payment numbers "
        "move to a new epoch, so numbers the channels have seen since the backup are never handed out again."));
    p.addHelpOption();
    p.addOption({QStringLiteral("from"), QStringLiteral("Backup file (made by db backup)."), QStringLiteral("BACKUP")});
    p.addOption({QStringLiteral("db"), QStringLiteral("Database file to replace."), QStringLiteral("FILE")});
    if (!parseOrExit(p, QStringLiteral("db restore"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString from = requireOption(p, QStringLiteral("from"));
    const QString path = requireOption(p, QStringLiteral("db"));
    if (from.isEmpty() || path.isEmpty())
        return 2;
    auto epoch = PaymentCore::restore(from, path);
    if (!epoch)
        return reportError(epoch.error());
    out() << "Restored " << path << " from " << from << "; payment numbers now start with E" << *epoch << "\n";
    return 0;
}

} // namespace

int dbCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("init"))
        return dbInit(args.mid(1));
    if (sub == QStringLiteral("check"))
        return dbCheck(args.mid(1));
    if (sub == QStringLiteral("seed-demo"))
        return dbSeedDemo(args.mid(1));
    if (sub == QStringLiteral("backup"))
        return dbBackup(args.mid(1));
    if (sub == QStringLiteral("restore"))
        return dbRestore(args.mid(1));
    QTextStream s(sub == QStringLiteral("--help") ? stdout : stderr);
    s << "Usage: paydeskctl db init --db FILE\n"
         "       paydeskctl db check --db FILE [--json]\n"
         "       paydeskctl db seed-demo --db FILE\n"
         "       paydeskctl db backup --db FILE --out OUT\n"
         "       paydeskctl db restore --from BACKUP --db FILE\n";
    return sub == QStringLiteral("--help") ? 0 : 2;
}

} // namespace pay::cli
