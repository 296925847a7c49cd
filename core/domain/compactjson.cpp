#include "compactjson.h"
#include "jsonbuffer.h"

#include <QJsonDocument>
#include <QVarLengthArray>

#include <algorithm>

namespace pay {

namespace {

void appendEscapedUtf8(JsonBuffer &out, QByteArrayView utf8)
{
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (u) {
        case '"': out.lit("\\\""); break;
        case '\\': out.lit("\\\\"); break;
        case '\b': out.lit("\\b"); break;
        case '\f': out.lit("\\f"); break;
        case '\n': out.lit("\\n"); break;
        case '\r': out.lit("\\r"); break;
        case '\t': out.lit("\\t"); break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.lit("\\u00");
                out.put(hex[u >> 4]);
                out.put(hex[u & 0xf]);
            } else {
                out.put(c);
            }
        }
    }
}

void appendEscaped(JsonBuffer &out, const QString &s)
{
    // Event text is nearly always printable ASCII (numbers, codes, states): copied straight
    // from the UTF-16 without a UTF-8 copy; anything else goes through the escaper above.
    const auto *in = reinterpret_cast<const char16_t *>(s.constData());
    const qsizetype n = s.size();
    char *dst = out.room(n + 2);
    *dst++ = '"';
    qsizetype i = 0;
    for (; i < n; ++i) {
        const char16_t c = in[i];
        if (c < 0x20 || c >= 0x7f || c == u'"' || c == u'\\')
            break;
        dst[i] = char(c);
    }
    if (i == n) {
        dst[n] = '"';
        out.commit(n + 2);
        return;
    }
    out.commit(1);
    appendEscapedUtf8(out, s.toUtf8());
    out.put('"');
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
    JsonBuffer out(192);
    out.put('{');
    bool first = true;
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (i + 1 < order.size() && order[i + 1]->key == order[i]->key)
            continue; // replaced by a later field
        const JsonField &f = *order[i];
        if (!first)
            out.put(',');
        first = false;
        out.put('"');
        out.put(f.key.data(), f.key.size());
        out.lit("\":");
        switch (f.kind) {
        case JsonField::Kind::String: appendEscaped(out, f.text); break;
        case JsonField::Kind::Integer: out.number(f.number); break;
        case JsonField::Kind::Json: out.put(f.json); break;
        }
    }
    out.put('}');
    return out.take();
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
    JsonBuffer out(s.size() + 2);
    appendEscaped(out, s);
    return out.take();
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
