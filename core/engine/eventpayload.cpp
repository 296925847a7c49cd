#include "eventpayload.h"

#include <QJsonDocument>
#include <QVarLengthArray>

namespace pay {

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
        if (const QByteArray raw = r.rawCompact(); !raw.isEmpty())
            fields.append(JsonField::raw(QLatin1StringView("raw"), raw));
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
    QVarLengthArray<const JsonField *, 16> p;
    for (const JsonField &f : fields)
        p.append(&f);
    for (const JsonField &f : extra)
        p.append(&f);
    return compactJsonObject(p.data(), p.size());
}

} // namespace pay
