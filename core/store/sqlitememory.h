#pragma once

// SQLite's memory allocator in PayDesk. Debian's SQLite is built without lookaside memory
// (SQLITE_OMIT_LOOKASIDE), so every small object SQLite makes while running a statement (cursors,
// unpacked keys, result cells: about 700 per payment) is a malloc and a free. This allocator
// keeps freed blocks of up to 1 KB in per-thread lists by 16-byte size class and hands them out
// again (a pointer pop instead of glibc's bins); bigger blocks go to malloc, and a few freed ones
// of up to 1 MB are kept for the next request of their size (the in-memory savepoint journal
// takes and returns a 512 KB block about a dozen times per payment). A block freed on
// another thread joins that thread's lists; a thread's lists go back to malloc when it ends.
namespace pay::sqlitememory {

// Installs it (SQLITE_CONFIG_MALLOC). Only possible before SQLite initializes (the first
// connection); returns false (and changes nothing) afterwards.
bool install();

} // namespace pay::sqlitememory
