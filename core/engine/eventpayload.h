#pragma once

#include "../channel/channel.h"
#include "../domain/compactjson.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <utility>

namespace pay {

// The payload of a flow's settling event: a JSON object (a callback's raw body), or a channel's
// result written as one, plus the fields the engine adds.
class EventPayload
{
public:
    EventPayload() = default;
    EventPayload(const QJsonObject &object) : m_object(object) {} // NOLINT: implicit on purpose
    explicit EventPayload(const ChannelResult &result) : m_result(&result) {}

    // The payload with `extra` added (replacing fields of the same name).
    QByteArray json(std::initializer_list<JsonField> extra = {}) const;

private:
    QJsonObject m_object;
    const ChannelResult *m_result = nullptr;
};

} // namespace pay
