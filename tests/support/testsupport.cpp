#include "testsupport.h"

namespace pay::test {

TempDb::TempDb() = default;

} // namespace pay::test
