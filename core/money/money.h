#pragma once

#include "../error.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace pay {

// An ISO-4217 currency: its three-letter code and the number of minor-unit digits.
class Currency
{
public:
    constexpr Currency() = default;
    // Known codes get their ISO exponent; an unknown three-letter code gets 2.
    static Result<Currency> fromCode(QStringView code);
    static Currency cny();

    QString code() const;
    int minorDigits() const { return m_digits; }
    bool isValid() const { return m_packed != 0; }

    friend constexpr bool operator==(Currency a, Currency b) { return a.m_packed == b.m_packed; }

private:
    constexpr Currency(quint32 packed, int digits) : m_packed(packed), m_digits(digits) {}
    quint32 m_packed = 0; // three upper-case ASCII letters, one per byte
    int m_digits = 2;
};

// An amount of money: a count of minor units (fen, cents) with its currency. There is no
// floating-point constructor or accessor on purpose; arithmetic is checked and reports
// overflow instead of wrapping.
class Money
{
public:
    constexpr Money() = default;
    constexpr Money(qint64 minor, Currency currency) : m_minor(minor), m_currency(currency) {}
    static Money zero(Currency currency) { return Money(0, currency); }

    qint64 minor() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }

    Result<Money> checkedAdd(const Money &other) const;
    Result<Money> checkedSubtract(const Money &other) const;
    Result<Money> checkedMultiply(qint64 factor) const;
    Result<Money> negated() const;

    // Splits this amount into parts proportional to the weights (all >= 0, sum > 0). Uses the
    // largest-remainder method: every part first gets floor(amount * w / sum); the leftover
    // minor units go one each to the parts with the largest remainders, ties to the lower
    // index. The parts always sum exactly to this amount. Negative amounts are split as their
    // absolute value and negated, so the rounding is symmetric.
    Result<QList<Money>> allocate(const QList<qint64> &weights) const;
    // Splits into n parts as equal as possible; the first (amount mod n) parts get one more unit.
    Result<QList<Money>> allocateEqually(int parts) const;

    // Plain, locale-independent text for logs, CSV and JSON: "-12.30 CNY".
    QString toPlainString() const;
    // Minor units as a decimal string with the currency's digits, no code: "12.30".
    QString toDecimalString() const;
    // Parses the plain decimal form ("12.30", "-0.05", "12") exactly, with no rounding: more
    // fraction digits than the currency has is an error. Locale-aware user input lives in ui/.
    static Result<Money> fromDecimalString(QStringView text, Currency currency);

    friend bool operator==(const Money &a, const Money &b) = default;

private:
    qint64 m_minor = 0;
    Currency m_currency;
};

} // namespace pay
