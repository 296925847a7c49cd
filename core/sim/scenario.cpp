#include "scenario.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace pay {

namespace {

Error bad(const QString &what)
{
    return {ErrorCode::InvalidArgument, QCoreApplication::translate("Simulation", "scenario: %1").arg(what)};
}

bool validRate(double r) { return r >= 0 && r <= 1; }

// FaultProfile::fromJson ignores keys it does not know; in a scenario a misspelt fault would
// silently do nothing, so every key must be one FaultProfile::toJson writes.
QString unknownKey(const QJsonObject &given, const QJsonObject &known, const QString &prefix)
{
    for (auto it = given.begin(); it != given.end(); ++it) {
        if (!known.contains(it.key()))
            return prefix + it.key();
        const QJsonValue k = known.value(it.key());
        if (k.isObject() && it.value().isObject() && it.key() != QStringLiteral("latency")) {
            const QString inner = unknownKey(it.value().toObject(), k.toObject(), prefix + it.key() + QLatin1Char('.'));
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

} // namespace

double Scenario::rateAt(qint64 ms) const
{
    double rate = 0;
    for (const Rate &r : arrivals) {
        if (r.fromMs <= ms)
            rate = r.perMinute;
    }
    return rate;
}

namespace {

QString pick(const QLocale &locale, const QString &english, const QString &chinese)
{
    return locale.language() == QLocale::Chinese && !chinese.isEmpty() ? chinese : english;
}

} // namespace

QString Scenario::localizedName(const QLocale &locale) const { return pick(locale, name, nameZh); }
QString Scenario::localizedDescription(const QLocale &locale) const { return pick(locale, description, descriptionZh); }
QString Scenario::localizedPractice(const QLocale &locale) const { return pick(locale, practice, practiceZh); }

Result<Scenario> Scenario::fromJson(const QJsonObject &json)
{
    Scenario s;
    s.name = json.value(QStringLiteral("name")).toString();
    s.description = json.value(QStringLiteral("description")).toString();
    s.practice = json.value(QStringLiteral("practice")).toString();
    s.nameZh = json.value(QStringLiteral("name_zh")).toString();
    s.descriptionZh = json.value(QStringLiteral("description_zh")).toString();
    s.practiceZh = json.value(QStringLiteral("practice_zh")).toString();
    // A 64-bit seed does not survive a JSON double: it may be given as a decimal string.
    const QJsonValue seed = json.value(QStringLiteral("seed"));
    s.seed = seed.isString() ? seed.toString().toULongLong() : quint64(seed.toInteger(1));
    s.durationMs = json.value(QStringLiteral("durationMs")).toInteger(s.durationMs);
    s.maxOrders = json.value(QStringLiteral("maxOrders")).toInteger(0);
    s.drainMs = json.value(QStringLiteral("drainMs")).toInteger(s.drainMs);
    s.reconcileAtEnd = json.value(QStringLiteral("reconcileAtEnd")).toBool(false);
    s.fullCheckEvery = int(json.value(QStringLiteral("fullCheckEvery")).toInteger(s.fullCheckEvery));
    if (s.durationMs <= 0 || s.drainMs < 0)
        return std::unexpected(bad(QCoreApplication::translate("Simulation", "durationMs must be positive and drainMs not negative")));

    const QJsonValue arrivals = json.value(QStringLiteral("arrivals"));
    if (arrivals.isDouble()) {
        s.arrivals.append({0, arrivals.toDouble()});
    } else {
        for (const QJsonValue v : arrivals.toArray()) {
            const QJsonObject o = v.toObject();
            s.arrivals.append({o.value(QStringLiteral("fromMs")).toInteger(0), o.value(QStringLiteral("perMinute")).toDouble()});
        }
    }
    std::sort(s.arrivals.begin(), s.arrivals.end(), [](const Rate &a, const Rate &b) { return a.fromMs < b.fromMs; });
    if (s.arrivals.isEmpty())
        return std::unexpected(bad(QCoreApplication::translate("Simulation", "arrivals are missing")));
    for (const Rate &r : s.arrivals) {
        if (r.perMinute < 0)
            return std::unexpected(bad(QCoreApplication::translate("Simulation", "an arrival rate is negative")));
    }

    const QJsonObject basket = json.value(QStringLiteral("basket")).toObject();
    s.amountMinMinor = basket.value(QStringLiteral("minMinor")).toInteger(s.amountMinMinor);
    s.amountMaxMinor = basket.value(QStringLiteral("maxMinor")).toInteger(s.amountMaxMinor);
    if (s.amountMinMinor < 100 || s.amountMaxMinor < s.amountMinMinor)
        return std::unexpected(bad(QCoreApplication::translate("Simulation", "basket: need 100 <= minMinor <= maxMinor")));

    static const QStringList known{QStringLiteral("coupon"), QStringLiteral("wallet"), QStringLiteral("card"),
                                   QStringLiteral("qr_a"), QStringLiteral("qr_b")};
    for (const QJsonValue v : json.value(QStringLiteral("methods")).toArray()) {
        const QJsonObject o = v.toObject();
        Method m;
        m.weight = o.value(QStringLiteral("weight")).toDouble(1);
        for (const QJsonValue leg : o.value(QStringLiteral("legs")).toArray())
            m.legs << leg.toString();
        if (m.legs.isEmpty() || m.weight < 0)
            return std::unexpected(bad(QCoreApplication::translate("Simulation", "a method needs legs and a weight >= 0")));
        for (const QString &leg : m.legs) {
            if (!known.contains(leg))
                return std::unexpected(bad(QCoreApplication::translate("Simulation", "unknown channel %1").arg(leg)));
        }
        s.methods << m;
    }
    if (s.methods.isEmpty())
        s.methods << Method{{QStringLiteral("qr_a")}, 1};

    for (const QJsonValue v : json.value(QStringLiteral("faults")).toArray()) {
        const QJsonObject o = v.toObject();
        FaultStep f;
        f.fromMs = o.value(QStringLiteral("fromMs")).toInteger(0);
        f.channel = o.value(QStringLiteral("channel")).toString();
        if (!known.contains(f.channel))
            return std::unexpected(bad(QCoreApplication::translate("Simulation", "faults: unknown channel %1").arg(f.channel)));
        const QJsonObject pj = o.value(QStringLiteral("profile")).toObject();
        if (const QString k = unknownKey(pj, FaultProfile{}.toJson(), QString()); !k.isEmpty())
            return std::unexpected(bad(QCoreApplication::translate("Simulation", "faults: unknown profile key %1").arg(k)));
        auto p = FaultProfile::fromJson(pj);
        if (!p)
            return std::unexpected(bad(p.error().message));
        f.profile = *p;
        s.faults << f;
    }
    std::stable_sort(s.faults.begin(), s.faults.end(), [](const FaultStep &a, const FaultStep &b) { return a.fromMs < b.fromMs; });

    const QJsonObject b = json.value(QStringLiteral("behaviours")).toObject();
    s.behaviours.payLate = b.value(QStringLiteral("payLate")).toDouble(0);
    s.behaviours.payNever = b.value(QStringLiteral("payNever")).toDouble(0);
    s.behaviours.payTwice = b.value(QStringLiteral("payTwice")).toDouble(0);
    s.behaviours.operatorClose = b.value(QStringLiteral("operatorClose")).toDouble(0);
    s.behaviours.payMinMs = b.value(QStringLiteral("payMinMs")).toInteger(s.behaviours.payMinMs);
    s.behaviours.payMaxMs = b.value(QStringLiteral("payMaxMs")).toInteger(s.behaviours.payMaxMs);
    const Behaviours &bh = s.behaviours;
    if (!validRate(bh.payLate) || !validRate(bh.payNever) || !validRate(bh.payTwice) || !validRate(bh.operatorClose)
        || bh.payLate + bh.payNever + bh.payTwice + bh.operatorClose > 1 || bh.payMinMs < 0 || bh.payMaxMs < bh.payMinMs)
        return std::unexpected(bad(QCoreApplication::translate("Simulation", "behaviours: probabilities in [0, 1] adding up to at most 1")));

    const QJsonObject crashes = json.value(QStringLiteral("crashes")).toObject();
    for (const QJsonValue v : crashes.value(QStringLiteral("atMs")).toArray())
        s.crashesAtMs << v.toInteger();
    std::sort(s.crashesAtMs.begin(), s.crashesAtMs.end());
    s.crashesPerHour = crashes.value(QStringLiteral("perHour")).toDouble(0);
    if (s.crashesPerHour < 0)
        return std::unexpected(bad(QCoreApplication::translate("Simulation", "crashes.perHour is negative")));
    return s;
}

Result<Scenario> Scenario::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("Simulation", "cannot read %1: %2").arg(path, f.errorString())});
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return std::unexpected(Error{ErrorCode::Malformed, QCoreApplication::translate("Simulation", "%1: not a JSON object (%2)").arg(path, pe.errorString())});
    return fromJson(doc.object());
}

} // namespace pay
