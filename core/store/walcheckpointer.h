#pragma once

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace pay {

// Checkpoints a WAL-mode database file on a thread of its own, so that a commit on the writer's
// connection never copies pages into the database file or waits for the disk's sync itself.
//
// It replaces SQLite's automatic checkpoint on the writer's connection (both are the WAL hook,
// which SQLite calls after every commit with the number of frames in the WAL):
// - a commit that leaves `threshold` frames or more in the WAL wakes the thread, which runs a
//   PASSIVE checkpoint on its own connection: it copies what it can and never waits for the
//   writer or for readers, so the writer goes on committing meanwhile;
// - should the WAL reach `hardLimit` frames anyway (the thread is behind, or paused), the
//   writer checkpoints right after its commit, exactly as SQLite's automatic checkpoint would
//   have, so the WAL stays bounded.
// What a checkpoint does is unchanged (the same syncs, in the same order: the WAL before any
// page is copied, the database file after), only where it runs: durability is as before.
class WalCheckpointer
{
public:
    struct Stats
    {
        quint64 background = 0;       // checkpoints the thread completed
        quint64 inlined = 0;          // checkpoints the writer ran itself (hard limit)
        int lastWalLength = -1;       // the thread's last checkpoint: frames in the WAL
        int lastCopied = -1;          // ... and how many of them are now in the file
        int walFrames = 0;            // frames in the WAL after the writer's last commit
        int maxWalFrames = 0;         // the most frames the WAL held after a commit
        QString lastError;            // the last failed checkpoint's SQLite message, if any
    };

    // Installs the hook on `writer` (a connection in WAL mode, used from one thread) and starts
    // the thread with its own connection to the same file. syncCheckpoints: whether the thread's
    // checkpoints sync the WAL and the file (false only for synchronous=OFF scratch files).
    // Returns null with *error set when the second connection cannot be opened; the writer then
    // keeps SQLite's automatic checkpoint.
    static std::unique_ptr<WalCheckpointer> attach(sqlite3 *writer, int threshold, int hardLimit, bool syncCheckpoints,
                                                   QString *error);
    // On the writer's thread: removes the hook, lets a running checkpoint finish, joins.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    int threshold() const { return m_threshold; }
    int hardLimit() const { return m_hardLimit; }
    Stats stats() const;

    // For tests: a paused thread takes no work (the writer's hard limit still applies).
    void setPaused(bool paused);
    // For tests: waits until no checkpoint is wanted or running; false after timeoutMs.
    bool waitUntilIdle(int timeoutMs) const;

private:
    WalCheckpointer() = default;
    static int onCommit(void *self, sqlite3 *db, const char *schema, int frames);
    void run();

    sqlite3 *m_writer = nullptr;
    sqlite3 *m_own = nullptr;
    int m_threshold = 1000;
    int m_hardLimit = 8000;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    mutable std::condition_variable m_idle;
    int m_copiedMark = 0; // frames of the current WAL known to be in the file
    bool m_wanted = false;
    bool m_running = false;
    bool m_paused = false;
    bool m_stop = false;
    Stats m_stats;
};

} // namespace pay
