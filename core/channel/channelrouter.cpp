#include "channelrouter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pay {

namespace {


constexpr qint64 DayMs = 24LL * 3600 * 1000;

QString amountText(qint64 minor, const Currency &currency)
{
    return Money(minor, currency).toPlainString();
}

} // namespace

qint64 FeeRule::feeFor(qint64 amountMinor) const
{
    if (amountMinor <= 0)
        return fixedMinor;
    const qint64 q = amountMinor / 10'000;
    const qint64 r = amountMinor % 10'000;
    return fixedMinor + q * bps + (r * bps + 5'000) / 10'000;
}

bool DailyWindow::contains(qint64 ms) const
{
    const qint64 minute = ((ms % DayMs + DayMs) % DayMs) / 60'000;
    if (startMinute <= endMinute)
        return minute >= startMinute && minute < endMinute;
    return minute >= startMinute || minute < endMinute;
}

QJsonObject RouteRule::toJson() const
{
    QJsonArray daily;
    for (const DailyWindow &w : dailyMaintenance)
        daily.append(QJsonObject {{u"startMinute"_s, w.startMinute}, {u"endMinute"_s, w.endMinute}});
    QJsonArray windows;
    for (const TimeWindow &w : maintenance)
        windows.append(QJsonObject {{u"startMs"_s, w.startMs}, {u"endMs"_s, w.endMs}});
    return {{u"method"_s, method}, {u"channel"_s, channel}, {u"currency"_s, currency},
        {u"minAmountMinor"_s, minAmountMinor}, {u"maxAmountMinor"_s, maxAmountMinor},
        {u"feeFixedMinor"_s, fee.fixedMinor}, {u"feeBps"_s, fee.bps}, {u"priority"_s, priority},
        {u"dailyMaintenance"_s, daily}, {u"maintenance"_s, windows}, {u"enabled"_s, enabled}};
}

Result<RouteRule> RouteRule::fromJson(const QJsonObject &json)
{
    RouteRule r;
    r.method = json.value(u"method"_s).toString();
    r.channel = json.value(u"channel"_s).toString();
    if (r.method.isEmpty() || r.channel.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("ChannelRouter", "A routing rule needs a method and a channel"));
    r.currency = json.value(u"currency"_s).toString();
    r.minAmountMinor = json.value(u"minAmountMinor"_s).toInteger();
    r.maxAmountMinor = json.value(u"maxAmountMinor"_s).toInteger();
    r.fee.fixedMinor = json.value(u"feeFixedMinor"_s).toInteger();
    r.fee.bps = json.value(u"feeBps"_s).toInt();
    r.priority = json.value(u"priority"_s).toInt();
    r.enabled = json.value(u"enabled"_s).toBool(true);
    if (r.minAmountMinor < 0 || r.maxAmountMinor < 0 || r.fee.fixedMinor < 0 || r.fee.bps < 0
        || (r.maxAmountMinor > 0 && r.maxAmountMinor < r.minAmountMinor))
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("ChannelRouter", "Routing rule %1/%2 has negative or crossed limits").arg(r.method, r.channel));
    for (const QJsonValue v : json.value(u"dailyMaintenance"_s).toArray()) {
        const DailyWindow w {v[u"startMinute"_s].toInt(), v[u"endMinute"_s].toInt()};
        if (w.startMinute < 0 || w.startMinute >= 1440 || w.endMinute < 0 || w.endMinute > 1440)
            return fail(ErrorCode::InvalidArgument,
                QCoreApplication::translate("ChannelRouter", "Routing rule %1/%2: daily window out of range").arg(r.method, r.channel));
        r.dailyMaintenance << w;
    }
    for (const QJsonValue v : json.value(u"maintenance"_s).toArray())
        r.maintenance << TimeWindow {v[u"startMs"_s].toInteger(), v[u"endMs"_s].toInteger()};
    return r;
}

QString ChannelRouter::ruleExclusion(const RouteRule &rule, const Money &amount, qint64 nowMs)
{
    const bool inMaintenance = std::any_of(rule.dailyMaintenance.begin(), rule.dailyMaintenance.end(),
                                   [nowMs](const DailyWindow &w) { return w.contains(nowMs); })
        || std::any_of(rule.maintenance.begin(), rule.maintenance.end(),
            [nowMs](const TimeWindow &w) { return w.contains(nowMs); });
    if (!rule.enabled)
        return u"DISABLED"_s;
    if (!rule.currency.isEmpty() && rule.currency != amount.currency().code())
        return u"CURRENCY"_s;
    if (amount.minor() < rule.minAmountMinor)
        return u"BELOW_MIN"_s;
    if (rule.maxAmountMinor > 0 && amount.minor() > rule.maxAmountMinor)
        return u"ABOVE_MAX"_s;
    if (inMaintenance)
        return u"MAINTENANCE"_s;
    return {};
}

std::optional<QString> ChannelRouter::refusal(const QString &channel, const Money &amount, qint64 nowMs) const
{
    std::optional<QString> first;
    for (const RouteRule &rule : m_rules) {
        if (rule.channel != channel)
            continue;
        const QString why = ruleExclusion(rule, amount, nowMs);
        if (why.isEmpty())
            return std::nullopt;
        if (!first)
            first = why;
    }
    return first;
}

QJsonObject RouteDecision::toJson() const
{
    QJsonArray list;
    for (const RouteCandidate &c : candidates) {
        list.append(QJsonObject {{u"channel"_s, c.channel}, {u"eligible"_s, c.eligible},
            {u"exclusion"_s, c.exclusion}, {u"feeMinor"_s, c.feeMinor}});
    }
    return {{u"channel"_s, channel}, {u"reasonCode"_s, reasonCode}, {u"reason"_s, reason},
        {u"feeMinor"_s, feeMinor}, {u"candidates"_s, list}};
}

RouteDecision ChannelRouter::route(const QString &method, const Money &amount, qint64 nowMs,
    const HealthFn &health, const QStringList &exclude) const
{
    RouteDecision d;
    int best = -1;
    int eligibleCount = 0;
    bool tieOnFee = false;
    QList<int> ruleIndex; // candidate -> rule
    for (int i = 0; i < m_rules.size(); ++i) {
        const RouteRule &rule = m_rules.at(i);
        if (rule.method != method)
            continue;
        RouteCandidate c;
        c.channel = rule.channel;
        c.feeMinor = rule.fee.feeFor(amount.minor());
        c.exclusion = ruleExclusion(rule, amount, nowMs);
        if (c.exclusion.isEmpty() && exclude.contains(rule.channel))
            c.exclusion = u"EXCLUDED"_s;
        if (c.exclusion.isEmpty() && health) {
            if (const auto verdict = health(rule.channel))
                c.exclusion = *verdict;
        }
        c.eligible = c.exclusion.isEmpty();
        d.candidates << c;
        ruleIndex << i;
        if (!c.eligible)
            continue;
        ++eligibleCount;
        const int k = int(d.candidates.size()) - 1;
        if (best < 0) {
            best = k;
            continue;
        }
        const RouteCandidate &b = d.candidates.at(best);
        const int bestPriority = m_rules.at(ruleIndex.at(best)).priority;
        if (c.feeMinor < b.feeMinor || (c.feeMinor == b.feeMinor && rule.priority < bestPriority)) {
            tieOnFee = c.feeMinor == b.feeMinor;
            best = k;
        } else if (c.feeMinor == b.feeMinor) {
            tieOnFee = true;
        }
    }

    QStringList excluded;
    for (const RouteCandidate &c : std::as_const(d.candidates)) {
        if (!c.eligible)
            excluded << u"%1 (%2)"_s.arg(c.channel, c.exclusion);
    }
    const QString excludedText = excluded.isEmpty() ? tr("none") : excluded.join(u", "_s);
    if (d.candidates.isEmpty()) {
        d.reasonCode = u"NO_RULE"_s;
        d.reason = tr("No channel is configured for method %1").arg(method);
        return d;
    }
    if (best < 0) {
        d.reasonCode = u"NO_ELIGIBLE_CHANNEL"_s;
        d.reason = tr("No channel can take %1 %2 now; excluded: %3")
                       .arg(method, amount.toPlainString(), excludedText);
        return d;
    }
    const RouteCandidate &chosen = d.candidates.at(best);
    d.channel = chosen.channel;
    d.feeMinor = chosen.feeMinor;
    const QString fee = amountText(chosen.feeMinor, amount.currency());
    if (eligibleCount == 1) {
        d.reasonCode = u"ONLY_ELIGIBLE"_s;
        d.reason
            = tr("%1: the only eligible channel (fee %2); excluded: %3").arg(d.channel, fee, excludedText);
    } else if (tieOnFee) {
        d.reasonCode = u"PRIORITY"_s;
        d.reason = tr("%1: lowest fee %2 shared, chosen by priority among %3 eligible; excluded: %4")
                       .arg(d.channel, fee)
                       .arg(eligibleCount)
                       .arg(excludedText);
    } else {
        d.reasonCode = u"CHEAPEST"_s;
        d.reason = tr("%1: cheapest fee %2 among %3 eligible; excluded: %4")
                       .arg(d.channel, fee)
                       .arg(eligibleCount)
                       .arg(excludedText);
    }
    return d;
}

QList<RouteRule> ChannelRouter::defaultRules()
{
    RouteRule coupon {u"coupon"_s, u"coupon"_s, {}, 1, 0, {}, 0, {}, {}, true};
    RouteRule wallet {u"wallet"_s, u"wallet"_s, {}, 1, 0, {}, 0, {}, {}, true};
    RouteRule card {u"card"_s, u"card"_s, {}, 1, 0, FeeRule {0, 55}, 0, {DailyWindow {1435, 5}}, {}, true};
    RouteRule qrA {u"qr"_s, u"qr_a"_s, u"CNY"_s, 1, 0, FeeRule {0, 38}, 0, {}, {}, true};
    RouteRule qrB {u"qr"_s, u"qr_b"_s, u"CNY"_s, 1, 5'000'000, FeeRule {0, 60}, 1, {}, {}, true};
    return {coupon, wallet, card, qrA, qrB};
}

QJsonArray ChannelRouter::rulesToJson(const QList<RouteRule> &rules)
{
    QJsonArray a;
    for (const RouteRule &r : rules)
        a.append(r.toJson());
    return a;
}

Result<QList<RouteRule>> ChannelRouter::rulesFromJson(const QJsonArray &json)
{
    QList<RouteRule> rules;
    for (const QJsonValue v : json) {
        auto r = RouteRule::fromJson(v.toObject());
        if (!r)
            return std::unexpected(r.error());
        rules << *r;
    }
    return rules;
}

} // namespace pay
