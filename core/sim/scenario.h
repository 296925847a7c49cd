#pragma once

#include "../channel/faultprofile.h"
#include "../error.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace pay {

// A simulation scenario (docs/scenarios.md): what arrives, how customers and operators behave,
// what the channels do wrong and when, and where the process crashes. All times are virtual
// milliseconds from the start of the run.
struct Scenario
{
    struct Rate
    {
        qint64 fromMs = 0;
        double perMinute = 0;
    };
    struct Method
    {
        QStringList legs; // e.g. {"coupon","wallet","qr_a"}; the last leg takes the rest
        double weight = 1;
    };
    struct FaultStep
    {
        qint64 fromMs = 0;
        QString channel;
        FaultProfile profile; // outage windows relative to the run start
    };
    struct Behaviours
    {
        double payLate = 0;       // pays the QR code after the order timed out
        double payNever = 0;      // walks away
        double payTwice = 0;      // starts a 2nd attempt with the other QR code and pays both
        double operatorClose = 0; // an operator closes the order by hand
        qint64 payMinMs = 2'000;  // the normal customer pays this long after the order
        qint64 payMaxMs = 90'000;
    };

    QString name;
    QString description;
    QString practice; // the seed practice it shows
    // Chinese variants ("name_zh", "description_zh", "practice_zh"); empty: the English text.
    QString nameZh;
    QString descriptionZh;
    QString practiceZh;
    quint64 seed = 1;
    qint64 durationMs = 3'600'000;
    qint64 maxOrders = 0; // 0: no limit
    QList<Rate> arrivals;
    qint64 amountMinMinor = 100;
    qint64 amountMaxMinor = 20'000;
    QList<Method> methods;
    QList<FaultStep> faults;
    Behaviours behaviours;
    QList<qint64> crashesAtMs;
    double crashesPerHour = 0;
    qint64 drainMs = 30 * 60 * 1000;
    bool reconcileAtEnd = false;
    int fullCheckEvery = 100; // full InvariantChecker::checkAll every N steps (and at the end)

    // The name, description and practice in locale's language (Chinese when the locale is
    // Chinese and the scenario has a Chinese text, else English).
    QString localizedName(const QLocale &locale) const;
    QString localizedDescription(const QLocale &locale) const;
    QString localizedPractice(const QLocale &locale) const;

    static Result<Scenario> fromJson(const QJsonObject &json);
    static Result<Scenario> fromFile(const QString &path);
    double rateAt(qint64 ms) const;
};

} // namespace pay
