// SQLite's memory allocator for PayDesk (SQLITE_CONFIG_MALLOC), see sqlitememory.h.
#include "sqlitememory.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace pay::sqlitememory {

namespace {

// Blocks up to kMaxSmall bytes come in classes of kGranule bytes and are recycled per thread;
// bigger ones go to malloc. Every block carries its usable size in an 8-byte header in front
// (SQLite asks for it: xSize), which also keeps the 8-byte alignment SQLite needs.
constexpr int kGranule = 16;
constexpr int kMaxSmall = 1024;
constexpr int kClasses = kMaxSmall / kGranule;
constexpr int kMaxCachedPerClass = 512; // a thread keeps at most this many free blocks per class
constexpr size_t kHeader = 8;
// A few freed big blocks (up to 1 MB) are kept per thread for the next request of the same
// size: SQLite's in-memory savepoint journal takes one 512 KB block per savepoint and gives it
// back at the release, a dozen times per payment, and glibc would return it to the system and
// fault it in again every time.
constexpr int kBigSlots = 4;
constexpr int kMaxCachedBig = 1 << 20;

struct FreeBlock
{
    FreeBlock *next;
};

// Trivially destructible, so it stays usable while the thread's other thread_locals are torn
// down; `Cleaner` hands the cached blocks back to malloc when the thread ends.
struct ThreadCache
{
    FreeBlock *head[kClasses];
    int count[kClasses];
    void *big[kBigSlots]; // user pointers of cached big blocks (their size is in the header)
    bool registered;      // the thread's Cleaner is registered
    bool closed;          // the thread is ending: free straight to malloc
};
thread_local ThreadCache t_cache; // zero-initialized

struct Cleaner
{
    ~Cleaner()
    {
        t_cache.closed = true;
        for (int c = 0; c < kClasses; ++c) {
            while (FreeBlock *b = t_cache.head[c]) {
                t_cache.head[c] = b->next;
                std::free(reinterpret_cast<char *>(b) - kHeader);
            }
            t_cache.count[c] = 0;
        }
        for (void *&b : t_cache.big) {
            if (b)
                std::free(static_cast<char *>(b) - kHeader);
            b = nullptr;
        }
    }
};
thread_local Cleaner t_cleaner;

// The first block a thread keeps registers its Cleaner (one guarded access per thread, not per free).
inline void registerThread()
{
    if (!t_cache.registered) {
        t_cache.registered = true;
        (void)&t_cleaner;
    }
}

inline int classOf(int bytes)
{
    return (bytes + kGranule - 1) / kGranule - 1; // 1..16 -> 0, 17..32 -> 1, ...
}

inline int roundUp(int bytes)
{
    if (bytes <= kMaxSmall)
        return (classOf(bytes) + 1) * kGranule;
    return (bytes + 7) & ~7;
}

inline sqlite3_int64 &sizeOf(void *p)
{
    return *reinterpret_cast<sqlite3_int64 *>(static_cast<char *>(p) - kHeader);
}

void *xMalloc(int bytes)
{
    if (bytes <= 0)
        bytes = 1;
    const int size = roundUp(bytes);
    if (size <= kMaxSmall) {
        const int c = classOf(size);
        if (FreeBlock *b = t_cache.head[c]) {
            t_cache.head[c] = b->next;
            --t_cache.count[c];
            return b;
        }
    } else if (size <= kMaxCachedBig) {
        for (void *&b : t_cache.big) {
            if (b && sizeOf(b) == size)
                return std::exchange(b, nullptr);
        }
    }
    char *raw = static_cast<char *>(std::malloc(kHeader + size_t(size)));
    if (!raw)
        return nullptr;
    *reinterpret_cast<sqlite3_int64 *>(raw) = size;
    return raw + kHeader;
}

void xFree(void *p)
{
    if (!p)
        return;
    const sqlite3_int64 size = sizeOf(p);
    if (size <= kMaxSmall && !t_cache.closed) {
        const int c = classOf(int(size));
        if (t_cache.count[c] < kMaxCachedPerClass) {
            registerThread(); // the thread hands its cache back when it ends
            auto *b = static_cast<FreeBlock *>(p);
            b->next = t_cache.head[c];
            t_cache.head[c] = b;
            ++t_cache.count[c];
            return;
        }
    }
    if (size > kMaxSmall && size <= kMaxCachedBig && !t_cache.closed) {
        for (void *&b : t_cache.big) {
            if (!b) {
                registerThread();
                b = p;
                return;
            }
        }
    }
    std::free(static_cast<char *>(p) - kHeader);
}

int xSize(void *p)
{
    return p ? int(sizeOf(p)) : 0;
}

void *xRealloc(void *p, int bytes)
{
    if (!p)
        return xMalloc(bytes);
    const int old = xSize(p);
    if (roundUp(bytes) == old)
        return p;
    void *n = xMalloc(bytes);
    if (!n)
        return nullptr; // SQLite keeps the old block
    std::memcpy(n, p, size_t(old < bytes ? old : bytes));
    xFree(p);
    return n;
}

int xRoundup(int bytes)
{
    return roundUp(bytes);
}

int xInit(void *)
{
    return SQLITE_OK;
}

void xShutdown(void *) {}

const sqlite3_mem_methods kMethods = {xMalloc, xFree, xRealloc, xSize, xRoundup, xInit, xShutdown, nullptr};

} // namespace

bool install()
{
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &kMethods) == SQLITE_OK;
}

} // namespace pay::sqlitememory
