#include "moneyinput.h"

#include "displaytext.h"

using namespace Qt::StringLiterals;

namespace pay::ui {

namespace {

constexpr int kMaxIntegerDigits = 13; // far below qint64 even with four fraction digits

bool isSeparator(QChar c)
{
    return c == u'.' || c == u',' || c == u'\'' || c == u'\u00A0' || c == u'\u202F' || c == u' ';
}

QString stripCurrency(QString text, Currency currency, const QLocale &locale)
{
    const QStringList symbols {DisplayText::currencySymbol(currency),
        locale.currencySymbol(QLocale::CurrencySymbol), locale.currencySymbol(QLocale::CurrencyIsoCode),
        currency.code(), u"RMB"_s, u"¥"_s, u"￥"_s, u"元"_s};
    for (const QString &symbol : symbols) {
        if (!symbol.isEmpty())
            text.replace(symbol, QString(), Qt::CaseInsensitive);
    }
    return text.trimmed();
}

} // namespace

Result<qint64> MoneyInput::parseMinor(const QString &input, Currency currency, const QLocale &locale)
{
    // Full-width forms (an IME's "１２．３０") become their ASCII twins first.
    QString text;
    text.reserve(input.size());
    for (QChar c : input) {
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E && c != u'￥')
            c = QChar(c.unicode() - 0xFEE0);
        else if (c == u'\u3000')
            c = u' ';
        text.append(c);
    }
    text = stripCurrency(text.trimmed(), currency, locale);
    if (text.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Enter an amount."));
    if (text.startsWith(u'-') || text.startsWith(u'−'))
        return fail(ErrorCode::InvalidArgument, tr("The amount cannot be negative."));
    if (text.startsWith(u'+'))
        text.remove(0, 1);

    const QChar decimal = locale.decimalPoint().size() == 1 ? locale.decimalPoint().at(0) : u'.';
    const QChar group = locale.groupSeparator().size() == 1 ? locale.groupSeparator().at(0) : u',';
    qsizetype lastDot = -1, lastComma = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit())
            continue;
        if (!isSeparator(c))
            return fail(ErrorCode::InvalidArgument, tr("\"%1\" is not an amount.").arg(input));
        if (c == u'.')
            lastDot = i;
        else if (c == u',')
            lastComma = i;
    }

    // Where does the fraction start? -1: no decimal separator.
    qsizetype decimalAt = -1;
    if (lastDot >= 0 && lastComma >= 0) {
        decimalAt = qMax(lastDot, lastComma);
    } else if (lastDot >= 0 || lastComma >= 0) {
        const qsizetype at = qMax(lastDot, lastComma);
        const QChar sep = text.at(at);
        const bool repeated = text.count(sep) > 1;
        const qsizetype digitsAfter = text.size() - at - 1;
        const bool looksLikeGroup = digitsAfter == 3 && (sep == group && sep != decimal);
        if (!repeated && !looksLikeGroup)
            decimalAt = at;
    }

    // The decimal separator appears once: "1.234,5.6" is not an amount.
    if (decimalAt >= 0 && text.count(text.at(decimalAt)) > 1)
        return fail(ErrorCode::InvalidArgument, tr("\"%1\" is not an amount.").arg(input));

    QString integerPart, fractionPart;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i == decimalAt)
            continue;
        if (!c.isDigit())
            continue;
        (decimalAt >= 0 && i > decimalAt ? fractionPart : integerPart).append(QChar(u'0' + c.digitValue()));
    }
    // A grouping character after the decimal separator ("1.234,5.6") is not an amount.
    if (decimalAt >= 0) {
        for (qsizetype i = decimalAt + 1; i < text.size(); ++i) {
            if (!text.at(i).isDigit())
                return fail(ErrorCode::InvalidArgument, tr("\"%1\" is not an amount.").arg(input));
        }
    }
    if (integerPart.isEmpty() && fractionPart.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("\"%1\" is not an amount.").arg(input));
    if (fractionPart.size() > currency.minorDigits())
        return fail(ErrorCode::InvalidArgument,
            tr("%1 has at most %n decimal place(s).", nullptr, currency.minorDigits()).arg(currency.code()));
    while (integerPart.size() > 1 && integerPart.startsWith(u'0'))
        integerPart.remove(0, 1);
    if (integerPart.size() > kMaxIntegerDigits)
        return fail(ErrorCode::Overflow, tr("The amount is too large."));

    qint64 minor = 0;
    for (QChar c : integerPart)
        minor = minor * 10 + c.digitValue();
    for (int i = 0; i < currency.minorDigits(); ++i)
        minor = minor * 10 + (i < fractionPart.size() ? fractionPart.at(i).digitValue() : 0);
    return minor;
}

QString MoneyInput::editText(qint64 minor, Currency currency, const QLocale &locale)
{
    const QString plain = Money(minor, currency).toDecimalString();
    const QString decimal = locale.decimalPoint();
    QString out = plain;
    out.replace(u'.', decimal.isEmpty() ? u"."_s : decimal);
    return out;
}

} // namespace pay::ui
