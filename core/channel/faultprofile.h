#pragma once

#include "../error.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>
#include <random>

namespace pay {

// The deterministic random source behind every injected fault. The draws are defined here, not
// by <random> distributions, so a seed replays the same faults with any standard library.
class FaultRng
{
public:
    explicit FaultRng(quint64 seed = 1)
        : m_engine(seed)
    {
    }
    void reseed(quint64 seed) { m_engine.seed(seed); }
    quint64 next() { return m_engine(); }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    bool chance(double rate) { return unit() < rate; }
    // Uniform integer in [lo, hi]; lo when hi <= lo.
    qint64 between(qint64 lo, qint64 hi);
    // 2·n lower-case hex digits.
    QByteArray hex(int bytes);

private:
    std::mt19937_64 m_engine;
};

// Simulated latency in whole milliseconds.
struct LatencyModel
{
    enum class Shape { Fixed, Uniform, LogNormal };
    Shape shape = Shape::Fixed;
    qint64 fixedMs = 0;
    qint64 minMs = 0; // Uniform
    qint64 maxMs = 0;
    qint64 medianMs = 0; // LogNormal: exp(ln(median) + sigma·z), z standard normal
    int sigmaPermille = 500; // sigma × 1000
    qint64 capMs = 120'000; // LogNormal: never longer than this

    // Always draws exactly two values, whatever the shape, so changing the shape does not
    // shift the other faults of a seeded run.
    qint64 sample(FaultRng &rng) const;
    QJsonObject toJson() const;
    static Result<LatencyModel> fromJson(const QJsonObject &json);
    static LatencyModel fixed(qint64 ms);
    static LatencyModel uniform(qint64 minMs, qint64 maxMs);
    static LatencyModel logNormal(qint64 medianMs, int sigmaPermille, qint64 capMs = 120'000);
};

// A period in which the channel is down. Fail: calls are refused at once (the request never
// reached the channel). Hang: calls get no answer until hangMs later (then TIMEOUT).
struct OutageWindow
{
    enum class Mode { Fail, Hang };
    qint64 startMs = 0;
    qint64 endMs = 0; // exclusive
    Mode mode = Mode::Fail;
    bool contains(qint64 ms) const { return ms >= startMs && ms < endMs; }
};

// Differences injected into exported statements, decided per line from the seed and the line's
// identity, so a line falls on the same side of midnight in every file that could hold it.
struct StatementBreaks
{
    double missingRate = 0; // a real line is left out
    double extraRate = 0; // a line with no counterpart in the core is added
    double amountDiffRate = 0; // amount off by one minor unit or more
    double statusDiffRate = 0; // status word differs
    double midnightShiftRate = 0; // a line within midnightWindowMs of midnight moves across it
    qint64 midnightWindowMs = 10 * 60 * 1000;
    bool any() const;
};

// Everything a trainer can make a channel do wrong. Rates are probabilities in [0, 1]. The
// profile can be replaced while the channel runs; a new seed restarts the random stream.
struct FaultProfile
{
    quint64 seed = 1;
    LatencyModel latency = LatencyModel::fixed(50);

    double declineRate = 0;
    QStringList declineCodes {QStringLiteral("DECLINED")};

    // The call gets no answer within timeoutMs and the caller sees TIMEOUT; the channel either
    // did the work anyway (succeeded) or not (failed).
    double timeoutSucceededRate = 0;
    double timeoutFailedRate = 0;
    qint64 timeoutMs = 30'000;

    // The channel answers with a code nobody documented; the work happened with
    // unknownCodeAppliedRate.
    double unknownCodeRate = 0;
    QStringList unknownCodes {QStringLiteral("SYSTEMERROR")};
    double unknownCodeAppliedRate = 0.5;

    QList<OutageWindow> outages;
    qint64 failFastMs = 1;
    qint64 hangMs = 3'600'000;

    // Callbacks (QR channels).
    LatencyModel callbackLatency = LatencyModel::fixed(200);
    double lostCallbackRate = 0;
    double duplicateCallbackRate = 0;
    int duplicateCopies = 1; // extra copies when duplicated
    qint64 duplicateSpacingMs = 1000; // between copies
    double delayedCallbackRate = 0;
    qint64 delayMinMs = 60'000;
    qint64 delayMaxMs = 3 * 3'600'000;
    double outOfOrderRate = 0; // an intermediate status notification arrives after the final one
    double badSignatureRate = 0;
    double tamperedAmountRate = 0; // validly signed, but the amount differs from the books
    qint64 tamperDeltaMinor = 1;

    StatementBreaks statementBreaks;

    QJsonObject toJson() const;
    // Missing keys keep their defaults; wrong types and out-of-range values are errors.
    static Result<FaultProfile> fromJson(const QJsonObject &json);
    std::optional<OutageWindow> outageAt(qint64 ms) const;
};

// The faults drawn for one channel call. Every roll draws the same number of values.
struct CallFaults
{
    qint64 latencyMs = 0;
    bool decline = false;
    QString declineCode;
    bool timeoutSucceeded = false;
    bool timeoutFailed = false;
    bool unknownCode = false;
    QString unknownCodeValue;
    bool unknownApplied = false;
};

struct CallbackFaults
{
    qint64 delayMs = 0;
    bool lost = false;
    int copies = 1;
    bool delayed = false;
    bool outOfOrder = false;
    bool badSignature = false;
    bool tampered = false;
};

// Rolls faults from a profile with three independent streams (calls, callbacks, nonces), so
// a trainer who adds callback faults does not change which calls time out.
class FaultInjector
{
public:
    explicit FaultInjector(const FaultProfile &profile = {});
    const FaultProfile &profile() const { return m_profile; }
    // Keeps the random streams when the seed is unchanged, restarts them otherwise.
    void setProfile(const FaultProfile &profile);
    CallFaults rollCall();
    CallbackFaults rollCallback();
    QByteArray nonce();

private:
    void reseed();
    FaultProfile m_profile;
    FaultRng m_calls;
    FaultRng m_callbacks;
    FaultRng m_nonces;
};

// Splits a seed into independent streams and hashes text for per-line decisions.
quint64 mixSeed(quint64 seed, quint64 salt);
quint64 stableHash(QStringView text, quint64 seed);

} // namespace pay
