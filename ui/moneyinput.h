#pragma once

#include "error.h"
#include "money/money.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace pay::ui {

// Reads an amount a person typed into minor units, exactly (no double ever touches it).
// Accepts "12.30", "12,30", "¥12.30", "￥ 12.3", "CNY 12", "1,234.50", "1.234,50", "1 234,50"
// and full-width digits. The separator rules: when both '.' and ',' appear, the last one is
// the decimal separator; a lone separator followed by exactly three digits is a thousands
// separator when it is the locale's group separator ("1,234" in English), otherwise it is the
// decimal separator. More fraction digits than the currency has, a negative sign, letters or
// an empty text are errors with a message a cashier can read.
class MoneyInput
{
    Q_DECLARE_TR_FUNCTIONS(MoneyInput)

public:
    static Result<qint64> parseMinor(
        const QString &text, Currency currency, const QLocale &locale = QLocale());
    // The amount as a cashier would type it back in this locale: "12.30" ("12,30" in German);
    // no symbol and no group separators.
    static QString editText(qint64 minor, Currency currency, const QLocale &locale = QLocale());
};

} // namespace pay::ui
