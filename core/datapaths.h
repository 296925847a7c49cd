#pragma once

#include <QString>

namespace pay {

// Where PayDesk's shipped data (scenarios, translations) is: $PAYDESK_DATA_DIR when set, then next
// to the program
// (<bindir>/../share/paydesk/<what>: the build tree mirrors this layout, and so does an install),
// then the standard application data folders, then the install prefix. Never a path of the
// source tree. Returns "" when none exists.
QString dataDirectory(const QString &what);

// A scenario given by file or by name ("peak-hour" -> <scenarios>/peak-hour.json).
QString scenarioPath(const QString &fileOrName);

} // namespace pay
