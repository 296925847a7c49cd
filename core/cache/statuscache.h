#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QReadWriteLock>
#include <QString>

#include <optional>

namespace pay {

// The status cache (seed practice 2): one prebuilt JSON snapshot per trade order, written by
// the payment domain after each committed transition (CacheWriter) and read by the status
// endpoint on every poll. A poll reads only this: a hash look-up under a read lock and a copy
// of an implicitly shared QByteArray.
//
// Versions: put() bumps an entry's version (previous + 1, starting at 1) only when the body it
// is given differs from the one it holds, so a rebuild that changed nothing is not a change a
// poller sees. The body given to put() is the snapshot WITHOUT "version"; the cache stamps
// "version" into the served body (as the first key of a JSON object), so the body get()
// returns always carries the entry's version. A body that is not a JSON object is stored as is.
//
// Thread-safe: any thread may get() and put(). versionChanged is emitted by the thread that
// put, after the lock is released.
class StatusCache : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QByteArray body; // what a poll serves, "version" included
        qint64 version = 0;
    };

    explicit StatusCache(QObject *parent = nullptr);

    std::optional<Entry> get(const QString &outTradeNo) const;
    void put(const QString &outTradeNo, const QByteArray &body);
    // Current version, 0 when the trade is not cached.
    qint64 version(const QString &outTradeNo) const;
    bool contains(const QString &outTradeNo) const;
    qsizetype size() const;
    // put() calls that bumped a version / that found the body unchanged.
    quint64 changedPuts() const;
    quint64 unchangedPuts() const;

    // The served body: raw (a compact JSON object without "version") with "version" first.
    static QByteArray stamp(const QByteArray &raw, qint64 version);

signals:
    void versionChanged(const QString &outTradeNo, qint64 version);

private:
    struct Slot
    {
        QByteArray raw; // as given to put(), for the change check
        Entry entry;
    };
    mutable QReadWriteLock m_lock;
    QHash<QString, Slot> m_entries;
    quint64 m_changed = 0;
    quint64 m_unchanged = 0;
};

} // namespace pay
