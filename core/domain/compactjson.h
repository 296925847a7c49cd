#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <initializer_list>

namespace pay {

// One field of a compact JSON object written straight to text.
struct JsonField
{
    enum class Kind { String, Integer, Json };
    QLatin1StringView key;
    Kind kind = Kind::String;
    QString text;      // String
    qint64 number = 0; // Integer
    QByteArray json;   // Json: an already serialized value

    static JsonField string(QLatin1StringView k, const QString &v) { return {k, Kind::String, v, 0, {}}; }
    static JsonField integer(QLatin1StringView k, qint64 v) { return {k, Kind::Integer, {}, v, {}}; }
    static JsonField raw(QLatin1StringView k, const QByteArray &v) { return {k, Kind::Json, {}, 0, v}; }
};

// A compact JSON object, byte for byte what QJsonDocument(object).toJson(Compact) writes for
// the same fields: keys sorted, a later field replacing an earlier one with the same key,
// strings escaped the way Qt escapes them. The engine writes an event payload or two on every
// step; building a QJsonObject for each (a CBOR container, sorted on every insert) and
// serializing it cost more than the row it went into.
QByteArray compactJsonObject(std::initializer_list<JsonField> fields);
// A string as a JSON value, quoted and escaped like Qt does.
QByteArray jsonString(const QString &s);
QByteArray compactJsonObject(QList<JsonField> fields);
// A flat QJsonObject as compact JSON (nested values go through QJsonDocument).
QByteArray compactJsonObject(const QJsonObject &object);
// The same from `count` fields given by pointer (the fields are not copied).
QByteArray compactJsonObject(const JsonField *const *fields, qsizetype count);

} // namespace pay
