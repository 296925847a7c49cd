#pragma once

#include "../error.h"

#include <QStringList>

namespace pay {

class Database;

// Schema versioning through PRAGMA user_version. createSchema() builds the newest schema on
// an empty file; migrate(from) applies every step from `from` to the newest, cumulatively.
// Both run inside one transaction opened by the caller, and the version is bumped last.
namespace schema {

// Statements that build schema version 1 (kept so tests can build an old fixture).
QStringList version1();
Result<void> createSchema(Database &db);
Result<void> migrate(Database &db, int fromVersion);

} // namespace schema
} // namespace pay
