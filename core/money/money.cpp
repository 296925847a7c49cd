#include "money.h"

#include <limits>

namespace pay {

namespace {

constexpr quint32 pack(char a, char b, char c)
{
    return (quint32(quint8(a)) << 16) | (quint32(quint8(b)) << 8) | quint32(quint8(c));
}

struct KnownCurrency
{
    quint32 packed;
    int digits;
};

// ISO-4217 exponents for the codes a till is likely to meet; others default to 2.
constexpr KnownCurrency kKnown[] = {
    {pack('C', 'N', 'Y'), 2}, {pack('U', 'S', 'D'), 2}, {pack('E', 'U', 'R'), 2},
    {pack('H', 'K', 'D'), 2}, {pack('G', 'B', 'P'), 2}, {pack('J', 'P', 'Y'), 0},
    {pack('K', 'R', 'W'), 0}, {pack('K', 'W', 'D'), 3}, {pack('B', 'H', 'D'), 3},
    {pack('T', 'W', 'D'), 2}, {pack('S', 'G', 'D'), 2},
};

qint64 pow10(int digits)
{
    qint64 p = 1;
    for (int i = 0; i < digits; ++i)
        p *= 10;
    return p;
}

} // namespace

Result<Currency> Currency::fromCode(QStringView code)
{
    if (code.size() != 3)
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Money", "Currency code '%1' is not three letters")
                        .arg(code.toString()));
    quint32 packed = 0;
    for (QChar ch : code) {
        const char16_t u = ch.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            return fail(ErrorCode::InvalidArgument,
                        QCoreApplication::translate("Money", "Currency code '%1' is not three letters")
                            .arg(code.toString()));
        packed = (packed << 8) | quint32(u);
    }
    for (const auto &known : kKnown) {
        if (known.packed == packed)
            return Currency(packed, known.digits);
    }
    return Currency(packed, 2);
}

Currency Currency::cny()
{
    return Currency(pack('C', 'N', 'Y'), 2);
}

QString Currency::code() const
{
    if (!isValid())
        return QString();
    QString s(3, Qt::Uninitialized);
    s[0] = QChar(char16_t((m_packed >> 16) & 0xff));
    s[1] = QChar(char16_t((m_packed >> 8) & 0xff));
    s[2] = QChar(char16_t(m_packed & 0xff));
    return s;
}

static Result<void> sameCurrency(const Money &a, const Money &b)
{
    if (a.currency() == b.currency())
        return {};
    return fail(ErrorCode::CurrencyMismatch,
                QCoreApplication::translate("Money", "Cannot combine %1 with %2")
                    .arg(a.currency().code(), b.currency().code()));
}

static std::unexpected<Error> overflow()
{
    return fail(ErrorCode::Overflow, QCoreApplication::translate("Money", "Amount overflow"));
}

Result<Money> Money::checkedAdd(const Money &other) const
{
    if (auto ok = sameCurrency(*this, other); !ok)
        return std::unexpected(ok.error());
    qint64 r = 0;
    if (qAddOverflow(m_minor, other.m_minor, &r))
        return overflow();
    return Money(r, m_currency);
}

Result<Money> Money::checkedSubtract(const Money &other) const
{
    if (auto ok = sameCurrency(*this, other); !ok)
        return std::unexpected(ok.error());
    qint64 r = 0;
    if (qSubOverflow(m_minor, other.m_minor, &r))
        return overflow();
    return Money(r, m_currency);
}

Result<Money> Money::checkedMultiply(qint64 factor) const
{
    qint64 r = 0;
    if (qMulOverflow(m_minor, factor, &r))
        return overflow();
    return Money(r, m_currency);
}

Result<Money> Money::negated() const
{
    if (m_minor == std::numeric_limits<qint64>::min())
        return overflow();
    return Money(-m_minor, m_currency);
}

Result<QList<Money>> Money::allocate(const QList<qint64> &weights) const
{
    if (weights.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Money", "Allocation needs at least one part"));
    qint64 sum = 0;
    for (qint64 w : weights) {
        if (w < 0)
            return fail(ErrorCode::InvalidArgument,
                        QCoreApplication::translate("Money", "Allocation weights must not be negative"));
        if (qAddOverflow(sum, w, &sum))
            return overflow();
    }
    if (sum == 0)
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Money", "Allocation weights sum to zero"));
    if (m_minor == std::numeric_limits<qint64>::min())
        return overflow();
    const bool negative = m_minor < 0;
    const quint64 amount = quint64(negative ? -m_minor : m_minor);

    QList<Money> parts;
    parts.reserve(weights.size());
    __extension__ typedef unsigned __int128 u128;
    QList<u128> remainders;
    remainders.reserve(weights.size());
    quint64 given = 0;
    for (qint64 w : weights) {
        // 128-bit intermediate: amount * weight may exceed 64 bits; the quotient never does.
        const u128 product = static_cast<u128>(amount) * quint64(w);
        const quint64 share = quint64(product / quint64(sum));
        remainders.append(product % quint64(sum));
        parts.append(Money(qint64(share), m_currency));
        given += share;
    }
    quint64 left = amount - given; // < number of parts
    while (left > 0) {
        qsizetype best = -1;
        for (qsizetype i = 0; i < remainders.size(); ++i) {
            if (best < 0 || remainders[i] > remainders[best])
                best = i;
        }
        parts[best].m_minor += 1;
        remainders[best] = 0;
        --left;
    }
    if (negative) {
        for (Money &p : parts)
            p.m_minor = -p.m_minor;
    }
    return parts;
}

Result<QList<Money>> Money::allocateEqually(int parts) const
{
    if (parts <= 0)
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate("Money", "Allocation needs at least one part"));
    return allocate(QList<qint64>(parts, 1));
}

QString Money::toDecimalString() const
{
    const int digits = m_currency.minorDigits();
    const bool negative = m_minor < 0;
    // Work in unsigned so that INT64_MIN prints correctly.
    const quint64 abs = negative ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    if (digits == 0)
        return (negative ? QStringLiteral("-") : QString()) + QString::number(abs);
    const quint64 p = quint64(pow10(digits));
    QString frac = QString::number(abs % p).rightJustified(digits, QLatin1Char('0'));
    return (negative ? QStringLiteral("-") : QString()) + QString::number(abs / p) + QLatin1Char('.') + frac;
}

QString Money::toPlainString() const
{
    return toDecimalString() + QLatin1Char(' ') + m_currency.code();
}

Result<Money> Money::fromDecimalString(QStringView text, Currency currency)
{
    const QStringView t = text.trimmed();
    auto malformed = [&] {
        return fail(ErrorCode::Malformed,
                    QCoreApplication::translate("Money", "'%1' is not an amount").arg(text.toString()));
    };
    if (t.isEmpty())
        return malformed();
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == u'-' || t[0] == u'+') {
        negative = t[0] == u'-';
        ++i;
    }
    qint64 units = 0;
    int fracDigits = -1;
    bool anyDigit = false;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c == u'.') {
            if (fracDigits >= 0)
                return malformed();
            fracDigits = 0;
            continue;
        }
        if (!c.isDigit() || c.unicode() > 127)
            return malformed();
        anyDigit = true;
        if (fracDigits >= 0 && ++fracDigits > currency.minorDigits())
            return fail(ErrorCode::Malformed,
                        QCoreApplication::translate("Money", "'%1' has more than %2 decimal places")
                            .arg(text.toString())
                            .arg(currency.minorDigits()));
        if (qMulOverflow(units, qint64(10), &units) || qAddOverflow(units, qint64(c.unicode() - u'0'), &units))
            return overflow();
    }
    if (!anyDigit)
        return malformed();
    const int missing = currency.minorDigits() - (fracDigits < 0 ? 0 : fracDigits);
    if (qMulOverflow(units, pow10(missing), &units))
        return overflow();
    return Money(negative ? -units : units, currency);
}

} // namespace pay
