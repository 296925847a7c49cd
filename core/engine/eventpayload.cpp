#include "eventpayload.h"

#include <QJsonDocument>

#include <algorithm>

namespace pay {

namespace {

void appendEscaped(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    out += '"';
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
    out += '"';
}

QByteArray write(QList<JsonField> &fields)
{
    // Sorted by key, stable, so that of two fields with one key the later one is kept.
    std::stable_sort(fields.begin(), fields.end(), [](const JsonField &a, const JsonField &b) { return a.key < b.key; });
    QByteArray out;
    out.reserve(128);
    out += '{';
    bool first = true;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i + 1 < fields.size() && fields[i + 1].key == fields[i].key)
            continue; // replaced by a later field
        const JsonField &f = fields[i];
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out += QByteArrayView(f.key.data(), f.key.size());
        out += "\":";
        switch (f.kind) {
        case JsonField::Kind::String: appendEscaped(out, f.text); break;
        case JsonField::Kind::Integer: out += QByteArray::number(f.number); break;
        case JsonField::Kind::Json: out += f.json; break;
        }
    }
    out += '}';
    return out;
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
    QList<JsonField> list(fields);
    return write(list);
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

QByteArray EventPayload::json(std::initializer_list<JsonField> extra) const
{
    QList<JsonField> fields;
    if (m_result) {
        const ChannelResult &r = *m_result;
        fields = {JsonField::string(QLatin1StringView("outcome"), channelOutcomeName(r.outcome)),
                  JsonField::string(QLatin1StringView("code"), r.code),
                  JsonField::string(QLatin1StringView("message"), r.message),
                  JsonField::string(QLatin1StringView("channel_txn_no"), r.channelTxnNo),
                  JsonField::integer(QLatin1StringView("amount"), r.amountMinor),
                  JsonField::string(QLatin1StringView("channel_status"), r.channelStatus)};
        if (!r.raw.isEmpty())
            fields.append(JsonField::raw(QLatin1StringView("raw"), compactJsonObject(r.raw)));
    } else {
        if (extra.size() == 0)
            return m_object.isEmpty() ? QByteArray() : compactJsonObject(m_object);
        QJsonObject o = m_object;
        for (const JsonField &f : extra) {
            const QString key = QString(f.key);
            if (f.kind == JsonField::Kind::String)
                o.insert(key, f.text);
            else if (f.kind == JsonField::Kind::Integer)
                o.insert(key, f.number);
            else
                o.insert(key, QJsonDocument::fromJson(f.json).object());
        }
        return compactJsonObject(o);
    }
    for (const JsonField &f : extra)
        fields.append(f);
    return write(fields);
}

} // namespace pay
