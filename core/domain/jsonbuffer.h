#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace pay {

// The bytes of a JSON text being written, appended with a pointer compare and a memcpy.
// QByteArray's own append goes through insert() (a detach check, a reallocation check and a
// move of the tail) for every piece; the status snapshot appends about two hundred pieces and
// an event payload a few dozen, on every step of every payment. take() hands the bytes over
// as a QByteArray without copying them.
class JsonBuffer
{
public:
    explicit JsonBuffer(qsizetype capacity = 256) { grow(capacity); }

    void put(char c)
    {
        if (m_at == m_end)
            grow(1);
        *m_at++ = c;
    }
    void put(const char *bytes, qsizetype n)
    {
        if (m_end - m_at < n)
            grow(n);
        if (n > 0)
            std::memcpy(m_at, bytes, size_t(n));
        m_at += n;
    }
    void put(QByteArrayView bytes) { put(bytes.data(), bytes.size()); }
    // A string literal, its length known at compile time.
    template<qsizetype N>
    void lit(const char (&text)[N])
    {
        put(text, N - 1);
    }
    // Room for n bytes written through the pointer; commit(k) then keeps the first k of them.
    char *room(qsizetype n)
    {
        if (m_end - m_at < n)
            grow(n);
        return m_at;
    }
    void commit(qsizetype n) { m_at += n; }
    void number(qint64 v)
    {
        char buf[24];
        char *end = buf + sizeof buf;
        char *p = end;
        quint64 u = v < 0 ? 0 - quint64(v) : quint64(v);
        do {
            *--p = char('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0)
            *--p = '-';
        put(p, end - p);
    }
    qsizetype size() const { return m_at - m_buf.constData(); }
    QByteArray take()
    {
        m_buf.resize(size());
        m_at = m_end = nullptr;
        return std::move(m_buf);
    }

private:
    void grow(qsizetype need)
    {
        const qsizetype used = m_at ? size() : 0;
        const qsizetype capacity = m_end ? m_end - m_buf.constData() : 0;
        m_buf.resize(qMax(capacity * 2, used + need));
        m_at = m_buf.data() + used;
        m_end = m_buf.data() + m_buf.size();
    }

    QByteArray m_buf;
    char *m_at = nullptr;
    char *m_end = nullptr;
};

} // namespace pay
