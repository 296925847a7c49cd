#include "walcheckpointer.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <chrono>

namespace pay {

std::unique_ptr<WalCheckpointer> WalCheckpointer::attach(sqlite3 *writer, int threshold, int hardLimit,
                                                         bool syncCheckpoints, QString *error)
{
    auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return std::unique_ptr<WalCheckpointer>();
    };
    if (!writer)
        return failed(QCoreApplication::translate("Store", "No SQLite connection to checkpoint for"));
    const char *file = sqlite3_db_filename(writer, "main");
    if (!file || !*file)
        return failed(QCoreApplication::translate("Store", "An in-memory database has no WAL to checkpoint"));
    std::unique_ptr<WalCheckpointer> c(new WalCheckpointer);
    c->m_writer = writer;
    c->m_threshold = qMax(1, threshold);
    c->m_hardLimit = qMax(c->m_threshold + 1, hardLimit);
    if (sqlite3_open_v2(file, &c->m_own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(c->m_own ? sqlite3_errmsg(c->m_own) : "out of memory");
        sqlite3_close(c->m_own);
        c->m_own = nullptr;
        return failed(QCoreApplication::translate("Store", "Cannot open a checkpoint connection: %1").arg(why));
    }
    // A connection checkpoints only once it has read the file and so knows it is in WAL mode.
    const char *setup = syncCheckpoints ? "PRAGMA synchronous=NORMAL; PRAGMA cache_size=16; SELECT count(*) FROM sqlite_schema"
                                        : "PRAGMA synchronous=OFF; PRAGMA cache_size=16; SELECT count(*) FROM sqlite_schema";
    char *message = nullptr;
    if (sqlite3_busy_timeout(c->m_own, 5000) != SQLITE_OK || sqlite3_exec(c->m_own, setup, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString why = QString::fromUtf8(message ? message : sqlite3_errmsg(c->m_own));
        sqlite3_free(message);
        sqlite3_close(c->m_own);
        c->m_own = nullptr;
        return failed(QCoreApplication::translate("Store", "Cannot prepare the checkpoint connection: %1").arg(why));
    }
    // The hook replaces SQLite's automatic checkpoint on the writer (it is the WAL hook too).
    sqlite3_wal_hook(writer, &WalCheckpointer::onCommit, c.get());
    c->m_thread = std::thread([raw = c.get()] { raw->run(); });
    return c;
}

WalCheckpointer::~WalCheckpointer()
{
    if (m_writer)
        sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_own)
        sqlite3_close(m_own);
}

// The writer's thread, right after a commit: `frames` is the WAL's length, including frames
// already copied into the file (the WAL starts over at the first write after it was copied whole).
int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int frames)
{
    auto *c = static_cast<WalCheckpointer *>(self);
    bool inlineNow = false;
    {
        std::lock_guard lock(c->m_mutex);
        if (frames < c->m_stats.walFrames)
            c->m_copiedMark = 0; // the WAL started over
        c->m_stats.walFrames = frames;
        c->m_stats.maxWalFrames = qMax(c->m_stats.maxWalFrames, frames);
        if (frames >= c->m_hardLimit) {
            inlineNow = true;
        } else if (frames - c->m_copiedMark >= c->m_threshold && !c->m_wanted) {
            // `threshold` frames not yet in the file (the WAL only starts over at a write that
            // finds it copied whole, which a busy writer rarely does between two commits)
            c->m_wanted = true;
            c->m_wake.notify_one();
        }
    }
    if (inlineNow) {
        // What SQLite's automatic checkpoint does at this point. BUSY (the thread is copying)
        // is fine: the next commit tries again.
        const int rc = sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        std::lock_guard lock(c->m_mutex);
        if (rc == SQLITE_OK) {
            ++c->m_stats.inlined;
            c->m_copiedMark = 0; // the next write starts the WAL over
        }
    }
    return SQLITE_OK; // a failed checkpoint never fails the commit that triggered it
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (m_wanted && !m_paused); });
        if (m_stop)
            break;
        m_wanted = false;
        m_running = true;
        lock.unlock();
        int walFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        const QString error = rc == SQLITE_OK || rc == SQLITE_BUSY ? QString() : QString::fromUtf8(sqlite3_errmsg(m_own));
        lock.lock();
        m_running = false;
        if (rc == SQLITE_OK) {
            ++m_stats.background;
            m_stats.lastWalLength = walFrames;
            m_stats.lastCopied = copied;
            if (m_stats.walFrames >= walFrames) // else the WAL started over meanwhile
                m_copiedMark = copied;
        } else if (!error.isEmpty()) {
            // The commits go on (the WAL grows, and the writer tries itself at the hard limit);
            // operations should hear of a disk that refuses the copy, once per new message.
            if (error != m_stats.lastError)
                qWarning("%s: checkpoint failed: %s", sqlite3_db_filename(m_own, "main"), qUtf8Printable(error));
            m_stats.lastError = error;
        }
        m_idle.notify_all();
    }
    m_running = false;
    m_idle.notify_all();
}

WalCheckpointer::Stats WalCheckpointer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void WalCheckpointer::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = paused;
    }
    m_wake.notify_all();
}

bool WalCheckpointer::waitUntilIdle(int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                           [this] { return !m_running && (!m_wanted || m_paused); });
}

} // namespace pay
