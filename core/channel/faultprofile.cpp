#include "faultprofile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace pay {

namespace {


// Reads optional members of one JSON object; the first problem sticks and is reported once.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {
    }

    void rate(QLatin1StringView key, double &out)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return;
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1)
            return setError(key, QCoreApplication::translate("pay::FaultProfile", "must be a number from 0 to 1"));
        out = v.toDouble();
    }
    void integer(QLatin1StringView key, qint64 &out, qint64 min = 0)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > 9.0e15)
            return setError(key, QCoreApplication::translate("pay::FaultProfile", "must be a whole number of at least %1").arg(min));
        out = v.toInteger();
    }
    void integer(QLatin1StringView key, int &out, int min, int max)
    {
        qint64 wide = out;
        integer(key, wide, min);
        if (!m_error && wide > max)
            return setError(key, QCoreApplication::translate("pay::FaultProfile", "must be at most %1").arg(max));
        out = int(wide);
    }
    void strings(QLatin1StringView key, QStringList &out)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return;
        if (!v.isArray())
            return setError(key, QCoreApplication::translate("pay::FaultProfile", "must be a list of codes"));
        QStringList list;
        for (const QJsonValue item : v.toArray()) {
            if (!item.isString() || item.toString().isEmpty())
                return setError(key, QCoreApplication::translate("pay::FaultProfile", "must be a list of codes"));
            list << item.toString();
        }
        if (list.isEmpty())
            return setError(key, QCoreApplication::translate("pay::FaultProfile", "must not be empty"));
        out = list;
    }
    QJsonObject object(QLatin1StringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isUndefined() && !v.isObject())
            setError(key, QCoreApplication::translate("pay::FaultProfile", "must be an object"));
        return v.toObject();
    }
    void setError(QLatin1StringView key, const QString &what)
    {
        if (!m_error)
            m_error = Error {
                ErrorCode::InvalidArgument, QCoreApplication::translate("pay::FaultProfile", "Fault profile: %1 %2").arg(m_path + QString(key), what)};
    }
    void adopt(const Error &e)
    {
        if (!m_error)
            m_error = e;
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    const QJsonObject &m_object;
    QString m_path;
    std::optional<Error> m_error;
};

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

} // namespace

qint64 FaultRng::between(qint64 lo, qint64 hi)
{
    const quint64 draw = next();
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(hi - lo) + 1;
    return lo + qint64(draw % span);
}

QByteArray FaultRng::hex(int bytes)
{
    QByteArray raw;
    raw.reserve(bytes);
    while (raw.size() < bytes) {
        quint64 v = next();
        for (int i = 0; i < 8 && raw.size() < bytes; ++i, v >>= 8)
            raw.append(char(v & 0xff));
    }
    return raw.toHex();
}

qint64 LatencyModel::sample(FaultRng &rng) const
{
    const double u1 = rng.unit();
    const double u2 = rng.unit();
    switch (shape) {
    case Shape::Fixed:
        return qMax<qint64>(0, fixedMs);
    case Shape::Uniform: {
        if (maxMs <= minMs)
            return qMax<qint64>(0, minMs);
        const quint64 span = quint64(maxMs - minMs) + 1;
        return minMs + qint64(std::floor(u1 * double(span)));
    }
    case Shape::LogNormal: {
        // Box-Muller; 1 - u1 keeps the logarithm finite.
        const double z = std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
        const double ms = double(qMax<qint64>(1, medianMs)) * std::exp(double(sigmaPermille) / 1000.0 * z);
        return qBound<qint64>(0, qint64(std::llround(ms)), capMs);
    }
    }
    return 0;
}

QJsonObject LatencyModel::toJson() const
{
    switch (shape) {
    case Shape::Fixed:
        return {{u"shape"_s, u"fixed"_s}, {u"ms"_s, fixedMs}};
    case Shape::Uniform:
        return {{u"shape"_s, u"uniform"_s}, {u"minMs"_s, minMs}, {u"maxMs"_s, maxMs}};
    case Shape::LogNormal:
        return {{u"shape"_s, u"lognormal"_s}, {u"medianMs"_s, medianMs}, {u"sigmaPermille"_s, sigmaPermille},
            {u"capMs"_s, capMs}};
    }
    return {};
}

Result<LatencyModel> LatencyModel::fromJson(const QJsonObject &json)
{
    LatencyModel m;
    const QString shape = json.value(u"shape"_s).toString(u"fixed"_s);
    Reader r(json, u"latency."_s);
    if (shape == u"fixed"_s) {
        m.shape = Shape::Fixed;
        r.integer("ms"_L1, m.fixedMs);
    } else if (shape == u"uniform"_s) {
        m.shape = Shape::Uniform;
        r.integer("minMs"_L1, m.minMs);
        r.integer("maxMs"_L1, m.maxMs);
        if (!r.error() && m.maxMs < m.minMs)
            r.setError("maxMs"_L1, QCoreApplication::translate("pay::FaultProfile", "must not be less than minMs"));
    } else if (shape == u"lognormal"_s) {
        m.shape = Shape::LogNormal;
        r.integer("medianMs"_L1, m.medianMs);
        r.integer("sigmaPermille"_L1, m.sigmaPermille, 0, 5000);
        r.integer("capMs"_L1, m.capMs);
    } else {
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("pay::FaultProfile", "Fault profile: latency shape \"%1\" is not fixed, uniform or lognormal").arg(shape));
    }
    if (r.error())
        return std::unexpected(*r.error());
    return m;
}

LatencyModel LatencyModel::fixed(qint64 ms)
{
    LatencyModel m;
    m.fixedMs = ms;
    return m;
}

LatencyModel LatencyModel::uniform(qint64 minMs, qint64 maxMs)
{
    LatencyModel m;
    m.shape = Shape::Uniform;
    m.minMs = minMs;
    m.maxMs = maxMs;
    return m;
}

LatencyModel LatencyModel::logNormal(qint64 medianMs, int sigmaPermille, qint64 capMs)
{
    LatencyModel m;
    m.shape = Shape::LogNormal;
    m.medianMs = medianMs;
    m.sigmaPermille = sigmaPermille;
    m.capMs = capMs;
    return m;
}

bool StatementBreaks::any() const
{
    return missingRate > 0 || extraRate > 0 || amountDiffRate > 0 || statusDiffRate > 0
        || midnightShiftRate > 0;
}

std::optional<OutageWindow> FaultProfile::outageAt(qint64 ms) const
{
    for (const OutageWindow &w : outages) {
        if (w.contains(ms))
            return w;
    }
    return std::nullopt;
}

QJsonObject FaultProfile::toJson() const
{
    QJsonArray outageList;
    for (const OutageWindow &w : outages) {
        outageList.append(QJsonObject {{u"startMs"_s, w.startMs}, {u"endMs"_s, w.endMs},
            {u"mode"_s, w.mode == OutageWindow::Mode::Hang ? u"hang"_s : u"fail"_s}});
    }
    return {
        // A 64-bit seed does not survive a JSON double; it travels as a decimal string.
        {u"seed"_s, QString::number(seed)},
        {u"latency"_s, latency.toJson()},
        {u"decline"_s, QJsonObject {{u"rate"_s, declineRate}, {u"codes"_s, toArray(declineCodes)}}},
        {u"timeout"_s,
            QJsonObject {{u"succeededRate"_s, timeoutSucceededRate}, {u"failedRate"_s, timeoutFailedRate},
                {u"ms"_s, timeoutMs}}},
        {u"unknownCode"_s,
            QJsonObject {{u"rate"_s, unknownCodeRate}, {u"codes"_s, toArray(unknownCodes)},
                {u"appliedRate"_s, unknownCodeAppliedRate}}},
        {u"outages"_s, outageList},
        {u"failFastMs"_s, failFastMs},
        {u"hangMs"_s, hangMs},
        {u"callbacks"_s,
            QJsonObject {{u"latency"_s, callbackLatency.toJson()}, {u"lostRate"_s, lostCallbackRate},
                {u"duplicateRate"_s, duplicateCallbackRate}, {u"duplicateCopies"_s, duplicateCopies},
                {u"duplicateSpacingMs"_s, duplicateSpacingMs}, {u"delayedRate"_s, delayedCallbackRate},
                {u"delayMinMs"_s, delayMinMs}, {u"delayMaxMs"_s, delayMaxMs},
                {u"outOfOrderRate"_s, outOfOrderRate}, {u"badSignatureRate"_s, badSignatureRate},
                {u"tamperedAmountRate"_s, tamperedAmountRate}, {u"tamperDeltaMinor"_s, tamperDeltaMinor}}},
        {u"statementBreaks"_s,
            QJsonObject {{u"missingRate"_s, statementBreaks.missingRate},
                {u"extraRate"_s, statementBreaks.extraRate},
                {u"amountDiffRate"_s, statementBreaks.amountDiffRate},
                {u"statusDiffRate"_s, statementBreaks.statusDiffRate},
                {u"midnightShiftRate"_s, statementBreaks.midnightShiftRate},
                {u"midnightWindowMs"_s, statementBreaks.midnightWindowMs}}},
    };
}

Result<FaultProfile> FaultProfile::fromJson(const QJsonObject &json)
{
    FaultProfile p;
    Reader top(json, QString());
    const QJsonValue seedValue = json.value(u"seed"_s);
    if (seedValue.isString()) {
        bool ok = false;
        p.seed = seedValue.toString().toULongLong(&ok);
        if (!ok)
            top.setError("seed"_L1, QCoreApplication::translate("pay::FaultProfile", "must be a whole number"));
    } else if (!seedValue.isUndefined()) {
        qint64 s = 0;
        top.integer("seed"_L1, s);
        p.seed = quint64(s);
    }
    if (json.contains(u"latency"_s)) {
        auto latency = LatencyModel::fromJson(top.object("latency"_L1));
        if (!latency)
            top.adopt(latency.error());
        else
            p.latency = *latency;
    }
    {
        const QJsonObject o = top.object("decline"_L1);
        Reader r(o, u"decline."_s);
        r.rate("rate"_L1, p.declineRate);
        r.strings("codes"_L1, p.declineCodes);
        if (r.error())
            top.adopt(*r.error());
    }
    {
        const QJsonObject o = top.object("timeout"_L1);
        Reader r(o, u"timeout."_s);
        r.rate("succeededRate"_L1, p.timeoutSucceededRate);
        r.rate("failedRate"_L1, p.timeoutFailedRate);
        r.integer("ms"_L1, p.timeoutMs);
        if (!r.error() && p.timeoutSucceededRate + p.timeoutFailedRate > 1)
            r.setError("succeededRate"_L1, QCoreApplication::translate("pay::FaultProfile", "plus failedRate must not exceed 1"));
        if (r.error())
            top.adopt(*r.error());
    }
    {
        const QJsonObject o = top.object("unknownCode"_L1);
        Reader r(o, u"unknownCode."_s);
        r.rate("rate"_L1, p.unknownCodeRate);
        r.strings("codes"_L1, p.unknownCodes);
        r.rate("appliedRate"_L1, p.unknownCodeAppliedRate);
        if (r.error())
            top.adopt(*r.error());
    }
    const QJsonValue outages = json.value(u"outages"_s);
    if (!outages.isUndefined() && !outages.isArray())
        top.setError("outages"_L1, QCoreApplication::translate("pay::FaultProfile", "must be a list"));
    for (const QJsonValue item : outages.toArray()) {
        const QJsonObject o = item.toObject();
        Reader r(o, u"outages[]."_s);
        OutageWindow w;
        r.integer("startMs"_L1, w.startMs);
        r.integer("endMs"_L1, w.endMs);
        const QString mode = o.value(u"mode"_s).toString(u"fail"_s);
        if (mode == u"hang"_s)
            w.mode = OutageWindow::Mode::Hang;
        else if (mode != u"fail"_s)
            r.setError("mode"_L1, QCoreApplication::translate("pay::FaultProfile", "must be fail or hang"));
        if (!r.error() && w.endMs <= w.startMs)
            r.setError("endMs"_L1, QCoreApplication::translate("pay::FaultProfile", "must be after startMs"));
        if (r.error())
            top.adopt(*r.error());
        p.outages << w;
    }
    top.integer("failFastMs"_L1, p.failFastMs);
    top.integer("hangMs"_L1, p.hangMs);
    {
        const QJsonObject o = top.object("callbacks"_L1);
        Reader r(o, u"callbacks."_s);
        if (o.contains(u"latency"_s)) {
            auto latency = LatencyModel::fromJson(r.object("latency"_L1));
            if (!latency)
                r.adopt(latency.error());
            else
                p.callbackLatency = *latency;
        }
        r.rate("lostRate"_L1, p.lostCallbackRate);
        r.rate("duplicateRate"_L1, p.duplicateCallbackRate);
        r.integer("duplicateCopies"_L1, p.duplicateCopies, 1, 100);
        r.integer("duplicateSpacingMs"_L1, p.duplicateSpacingMs);
        r.rate("delayedRate"_L1, p.delayedCallbackRate);
        r.integer("delayMinMs"_L1, p.delayMinMs);
        r.integer("delayMaxMs"_L1, p.delayMaxMs);
        r.rate("outOfOrderRate"_L1, p.outOfOrderRate);
        r.rate("badSignatureRate"_L1, p.badSignatureRate);
        r.rate("tamperedAmountRate"_L1, p.tamperedAmountRate);
        r.integer("tamperDeltaMinor"_L1, p.tamperDeltaMinor, 1);
        if (!r.error() && p.delayMaxMs < p.delayMinMs)
            r.setError("delayMaxMs"_L1, QCoreApplication::translate("pay::FaultProfile", "must not be less than delayMinMs"));
        if (r.error())
            top.adopt(*r.error());
    }
    {
        const QJsonObject o = top.object("statementBreaks"_L1);
        Reader r(o, u"statementBreaks."_s);
        StatementBreaks &b = p.statementBreaks;
        r.rate("missingRate"_L1, b.missingRate);
        r.rate("extraRate"_L1, b.extraRate);
        r.rate("amountDiffRate"_L1, b.amountDiffRate);
        r.rate("statusDiffRate"_L1, b.statusDiffRate);
        r.rate("midnightShiftRate"_L1, b.midnightShiftRate);
        r.integer("midnightWindowMs"_L1, b.midnightWindowMs);
        if (r.error())
            top.adopt(*r.error());
    }
    if (top.error())
        return std::unexpected(*top.error());
    return p;
}

quint64 mixSeed(quint64 seed, quint64 salt)
{
    // splitmix64 finaliser: decorrelates nearby seeds.
    quint64 z = seed + 0x9e3779b97f4a7c15ULL * (salt + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 stableHash(QStringView text, quint64 seed)
{
    // FNV-1a over UTF-16 code units: stable across runs and machines, unlike qHash.
    quint64 h = 0xcbf29ce484222325ULL ^ seed;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return mixSeed(h, seed);
}

FaultInjector::FaultInjector(const FaultProfile &profile)
    : m_profile(profile)
{
    reseed();
}

void FaultInjector::setProfile(const FaultProfile &profile)
{
    const bool newSeed = profile.seed != m_profile.seed;
    m_profile = profile;
    if (newSeed)
        reseed();
}

void FaultInjector::reseed()
{
    m_calls.reseed(mixSeed(m_profile.seed, 1));
    m_callbacks.reseed(mixSeed(m_profile.seed, 2));
    m_nonces.reseed(mixSeed(m_profile.seed, 3));
}

CallFaults FaultInjector::rollCall()
{
    const FaultProfile &p = m_profile;
    CallFaults f;
    f.latencyMs = p.latency.sample(m_calls);
    const double timeoutDraw = m_calls.unit();
    f.timeoutSucceeded = timeoutDraw < p.timeoutSucceededRate;
    f.timeoutFailed = !f.timeoutSucceeded && timeoutDraw < p.timeoutSucceededRate + p.timeoutFailedRate;
    f.unknownCode = m_calls.chance(p.unknownCodeRate);
    const quint64 unknownPick = m_calls.next();
    f.unknownApplied = m_calls.chance(p.unknownCodeAppliedRate);
    f.decline = m_calls.chance(p.declineRate);
    const quint64 declinePick = m_calls.next();
    if (f.unknownCode && !p.unknownCodes.isEmpty())
        f.unknownCodeValue = p.unknownCodes.at(int(unknownPick % quint64(p.unknownCodes.size())));
    if (f.decline && !p.declineCodes.isEmpty())
        f.declineCode = p.declineCodes.at(int(declinePick % quint64(p.declineCodes.size())));
    return f;
}

CallbackFaults FaultInjector::rollCallback()
{
    const FaultProfile &p = m_profile;
    CallbackFaults f;
    f.delayMs = p.callbackLatency.sample(m_callbacks);
    f.lost = m_callbacks.chance(p.lostCallbackRate);
    const bool duplicated = m_callbacks.chance(p.duplicateCallbackRate);
    f.copies = duplicated ? 1 + p.duplicateCopies : 1;
    f.delayed = m_callbacks.chance(p.delayedCallbackRate);
    const qint64 extra = m_callbacks.between(p.delayMinMs, p.delayMaxMs);
    if (f.delayed)
        f.delayMs += extra;
    f.outOfOrder = m_callbacks.chance(p.outOfOrderRate);
    f.badSignature = m_callbacks.chance(p.badSignatureRate);
    f.tampered = m_callbacks.chance(p.tamperedAmountRate);
    return f;
}

QByteArray FaultInjector::nonce()
{
    return m_nonces.hex(12);
}

} // namespace pay
