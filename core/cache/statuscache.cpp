#include "statuscache.h"

namespace pay {

StatusCache::StatusCache(QObject *parent) : QObject(parent) {}

std::optional<StatusCache::Entry> StatusCache::get(const QString &outTradeNo) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_entries.constFind(outTradeNo);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->entry;
}

qint64 StatusCache::version(const QString &outTradeNo) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_entries.constFind(outTradeNo);
    return it == m_entries.constEnd() ? 0 : it->entry.version;
}

bool StatusCache::contains(const QString &outTradeNo) const
{
    QReadLocker locker(&m_lock);
    return m_entries.contains(outTradeNo);
}

qsizetype StatusCache::size() const
{
    QReadLocker locker(&m_lock);
    return m_entries.size();
}

quint64 StatusCache::changedPuts() const
{
    QReadLocker locker(&m_lock);
    return m_changed;
}

quint64 StatusCache::unchangedPuts() const
{
    QReadLocker locker(&m_lock);
    return m_unchanged;
}

QByteArray StatusCache::stamp(const QByteArray &raw, qint64 version)
{
    if (!raw.startsWith('{'))
        return raw;
    QByteArray out;
    out.reserve(raw.size() + 24);
    out.append("{\"version\":");
    out.append(QByteArray::number(version));
    const QByteArray rest = raw.mid(1).trimmed();
    if (!rest.startsWith('}'))
        out.append(',');
    out.append(raw.constData() + 1, raw.size() - 1);
    return out;
}

void StatusCache::put(const QString &outTradeNo, const QByteArray &body)
{
    qint64 version = 0;
    {
        QWriteLocker locker(&m_lock);
        Slot &slot = m_entries[outTradeNo];
        if (slot.entry.version > 0 && slot.raw == body) {
            ++m_unchanged;
            return;
        }
        version = slot.entry.version + 1;
        slot.raw = body;
        slot.entry = Entry{stamp(body, version), version};
        ++m_changed;
    }
    emit versionChanged(outTradeNo, version);
}

} // namespace pay
