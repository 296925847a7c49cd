#pragma once

#include "../error.h"
#include "../money/money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace pay {

// What the merchant pays a channel per payment: fixed + amount·bps/10000, rounded half up.
struct FeeRule
{
    qint64 fixedMinor = 0;
    int bps = 0;
    qint64 feeFor(qint64 amountMinor) const;
};

// A daily window in UTC minutes after midnight; end < start wraps past midnight
// (23:50-00:10 is {1430, 10}).
struct DailyWindow
{
    int startMinute = 0;
    int endMinute = 0;
    bool contains(qint64 ms) const;
};

struct TimeWindow
{
    qint64 startMs = 0;
    qint64 endMs = 0; // exclusive
    bool contains(qint64 ms) const { return ms >= startMs && ms < endMs; }
};

// One channel eligible for one payment method, with its conditions.
struct RouteRule
{
    QString method; // coupon, wallet, card, qr
    QString channel; // coupon, wallet, card, qr_a, qr_b
    QString currency; // empty: any
    qint64 minAmountMinor = 0;
    qint64 maxAmountMinor = 0; // 0: no limit
    FeeRule fee;
    int priority = 0; // breaks fee ties: lower first
    QList<DailyWindow> dailyMaintenance;
    QList<TimeWindow> maintenance;
    bool enabled = true;

    QJsonObject toJson() const;
    static Result<RouteRule> fromJson(const QJsonObject &json);
};

struct RouteCandidate
{
    QString channel;
    bool eligible = false;
    QString exclusion; // why not: DISABLED, CURRENCY, BELOW_MIN, ABOVE_MAX, MAINTENANCE, EXCLUDED,
                       // or the health verdict (KILLED, BREAKER_OPEN, BREAKER_HALF_OPEN_BUSY)
    qint64 feeMinor = 0;
};

// The routing decision and why, for the engine to record as an event.
struct RouteDecision
{
    QString channel; // empty: no route
    QString reasonCode; // ONLY_ELIGIBLE, CHEAPEST, PRIORITY, NO_RULE, NO_ELIGIBLE_CHANNEL
    QString reason; // the same for people, naming every candidate
    qint64 feeMinor = 0;
    QList<RouteCandidate> candidates; // in rule order
    bool ok() const { return !channel.isEmpty(); }
    QJsonObject toJson() const;
};

// Routes a payment method and amount to a channel: rules give the eligible channels; amount
// limits, currency, maintenance windows and channel health exclude some; the cheapest fee
// wins, ties go to the lower priority number, then to rule order. Failover is this same step
// run again with the failed channel excluded, and is only allowed while nothing was sent (see
// ChannelGateway::safeToFailover).
class ChannelRouter
{
    Q_DECLARE_TR_FUNCTIONS(ChannelRouter)
public:
    // nullopt: the channel can take a call now; otherwise the reason it cannot.
    using HealthFn = std::function<std::optional<QString>(const QString &channel)>;

    void setRules(const QList<RouteRule> &rules) { m_rules = rules; }
    void addRule(const RouteRule &rule) { m_rules << rule; }
    const QList<RouteRule> &rules() const { return m_rules; }

    RouteDecision route(const QString &method, const Money &amount, qint64 nowMs, const HealthFn &health = {},
        const QStringList &exclude = {}) const;

    // Why the rules would not send amount to this channel now (DISABLED, CURRENCY, BELOW_MIN,
    // ABOVE_MAX, MAINTENANCE), looking at every rule that names it; nullopt if one admits it or
    // none names it.
    std::optional<QString> refusal(const QString &channel, const Money &amount, qint64 nowMs) const;
    // The rule's own conditions, without health: empty when it admits amount at nowMs.
    static QString ruleExclusion(const RouteRule &rule, const Money &amount, qint64 nowMs);

    // The demo shop: coupon, wallet, card; qr_a (0.38 %) and qr_b (0.60 %, up to 50 000.00).
    static QList<RouteRule> defaultRules();
    static QJsonArray rulesToJson(const QList<RouteRule> &rules);
    static Result<QList<RouteRule>> rulesFromJson(const QJsonArray &json);

private:
    QList<RouteRule> m_rules;
};

} // namespace pay
