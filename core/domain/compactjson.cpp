#include "compactjson.h"

#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>

namespace pay {

namespace {

void appendEscapedUtf8(QByteArray &out, QByteArrayView utf8)
{
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (u) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
}

void appendEscaped(QByteArray &out, const QString &s)
{
    out += '"';
    // Event text is nearly always printable ASCII (numbers, codes, states): copied a run at a
    // time from the UTF-16 without a UTF-8 copy; anything else goes through the escaper above.
    const auto *in = reinterpret_cast<const char16_t *>(s.constData());
    const qsizetype n = s.size();
    qsizetype i = 0;
    for (; i < n; ++i) {
        const char16_t c = in[i];
        if (c < 0x20 || c >= 0x7f || c == u'"' || c == u'\\')
            break;
    }
    if (i == n) {
        const qsizetype at = out.size();
        out.resize(at + n);
        char *dst = out.data() + at;
        for (qsizetype k = 0; k < n; ++k)
            dst[k] = char(in[k]);
    } else {
        appendEscapedUtf8(out, s.toUtf8());
    }
    out += '"';
}

void appendNumber(QByteArray &out, qint64 v)
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
    out.append(p, end - p);
}

// Sorted by key, stable, so that of two fields with one key the later one is kept. There are
// a dozen fields at most: an insertion sort of pointers, no copies of the fields.
QByteArray writeFields(const JsonField *const *fields, qsizetype count)
{
    QVarLengthArray<const JsonField *, 16> order(fields, fields + count);
    for (qsizetype i = 1; i < order.size(); ++i) {
        const JsonField *f = order[i];
        qsizetype j = i;
        for (; j > 0 && f->key < order[j - 1]->key; --j)
            order[j] = order[j - 1];
        order[j] = f;
    }
    QByteArray out;
    out.reserve(192);
    out += '{';
    bool first = true;
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (i + 1 < order.size() && order[i + 1]->key == order[i]->key)
            continue; // replaced by a later field
        const JsonField &f = *order[i];
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out.append(f.key.data(), f.key.size());
        out += "\":";
        switch (f.kind) {
        case JsonField::Kind::String: appendEscaped(out, f.text); break;
        case JsonField::Kind::Integer: appendNumber(out, f.number); break;
        case JsonField::Kind::Json: out += f.json; break;
        }
    }
    out += '}';
    return out;
}

QByteArray write(const QList<JsonField> &fields)
{
    QVarLengthArray<const JsonField *, 16> p;
    for (const JsonField &f : fields)
        p.append(&f);
    return writeFields(p.data(), p.size());
}

} // namespace

QByteArray jsonString(const QString &s)
{
    QByteArray out;
    appendEscaped(out, s);
    return out;
}

QByteArray compactJsonObject(std::initializer_list<JsonField> fields)
{
    QVarLengthArray<const JsonField *, 16> p;
    for (const JsonField &f : fields)
        p.append(&f);
    return writeFields(p.data(), p.size());
}

QByteArray compactJsonObject(QList<JsonField> fields)
{
    return write(fields);
}

QByteArray compactJsonObject(const QJsonObject &object)
{
    QList<JsonField> fields;
    fields.reserve(object.size());
    QList<QByteArray> keys; // the QLatin1StringViews below point into these
    keys.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        bool latin1 = true;
        for (const QChar ch : key)
            latin1 = latin1 && ch.unicode() >= 0x20 && ch.unicode() < 0x7f && ch != u'"' && ch != u'\\';
        const QJsonValue v = it.value();
        if (!latin1 || !(v.isString() || (v.isDouble() && v.toDouble() == double(v.toInteger()))))
            return QJsonDocument(object).toJson(QJsonDocument::Compact); // anything unusual: Qt's own writer
        keys.append(key.toLatin1());
        const QLatin1StringView k(keys.last());
        fields.append(v.isString() ? JsonField::string(k, v.toString()) : JsonField::integer(k, v.toInteger()));
    }
    return write(fields);
}

QByteArray compactJsonObject(const JsonField *const *fields, qsizetype count)
{
    return writeFields(fields, count);
}

} // namespace pay
