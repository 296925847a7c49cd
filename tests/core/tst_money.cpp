#include "money/money.h"

#include <QTest>

#include <limits>

using namespace pay;

class TestMoney : public QObject
{
    Q_OBJECT
private slots:
    void currencyCodes_data();
    void currencyCodes();
    void add_data();
    void add();
    void subtractOverflow();
    void multiply_data();
    void multiply();
    void currencyMismatch();
    void allocate_data();
    void allocate();
    void allocateErrors();
    void allocateEqually_data();
    void allocateEqually();
    void decimalString_data();
    void decimalString();
    void parse_data();
    void parse();
};

void TestMoney::currencyCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("digits");
    QTest::addRow("CNY") << QStringLiteral("CNY") << true << 2;
    QTest::addRow("lower jpy") << QStringLiteral("jpy") << true << 0;
    QTest::addRow("KWD") << QStringLiteral("KWD") << true << 3;
    QTest::addRow("unknown") << QStringLiteral("XTS") << true << 2;
    QTest::addRow("too short") << QStringLiteral("CN") << false << 0;
    QTest::addRow("digit") << QStringLiteral("C1Y") << false << 0;
}

void TestMoney::currencyCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QFETCH(int, digits);
    const auto c = Currency::fromCode(code);
    QCOMPARE(c.has_value(), valid);
    if (valid) {
        QCOMPARE(c->code(), code.toUpper());
        QCOMPARE(c->minorDigits(), digits);
    } else {
        QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    }
}

void TestMoney::add_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("sum");
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    QTest::addRow("simple") << qint64(1230) << qint64(70) << true << qint64(1300);
    QTest::addRow("negative") << qint64(-5) << qint64(3) << true << qint64(-2);
    QTest::addRow("max edge") << max - 1 << qint64(1) << true << max;
    QTest::addRow("overflow") << max << qint64(1) << false << qint64(0);
    QTest::addRow("underflow") << min << qint64(-1) << false << qint64(0);
}

void TestMoney::add()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, sum);
    const auto r = Money(a, Currency::cny()).checkedAdd(Money(b, Currency::cny()));
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), sum);
    else
        QCOMPARE(r.error().code, ErrorCode::Overflow);
}

void TestMoney::subtractOverflow()
{
    const Money min(std::numeric_limits<qint64>::min(), Currency::cny());
    const auto r = min.checkedSubtract(Money(1, Currency::cny()));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Overflow);
    QVERIFY(!min.negated());
    QCOMPARE(Money(500, Currency::cny()).checkedSubtract(Money(800, Currency::cny()))->minor(), -300);
}

void TestMoney::multiply_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("product");
    QTest::addRow("qty 3") << qint64(1250) << qint64(3) << true << qint64(3750);
    QTest::addRow("zero") << qint64(1250) << qint64(0) << true << qint64(0);
    QTest::addRow("overflow") << std::numeric_limits<qint64>::max() / 2 + 1 << qint64(2) << false << qint64(0);
}

void TestMoney::multiply()
{
    QFETCH(qint64, a);
    QFETCH(qint64, factor);
    QFETCH(bool, ok);
    QFETCH(qint64, product);
    const auto r = Money(a, Currency::cny()).checkedMultiply(factor);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), product);
}

void TestMoney::currencyMismatch()
{
    const auto usd = *Currency::fromCode(u"USD");
    const auto r = Money(1, Currency::cny()).checkedAdd(Money(1, usd));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::CurrencyMismatch);
    QVERIFY(r.error().message.contains(QStringLiteral("USD")));
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addRow("even") << qint64(100) << QList<qint64>{1, 1} << QList<qint64>{50, 50};
    QTest::addRow("odd remainder to first") << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
    QTest::addRow("largest remainder wins") << qint64(10) << QList<qint64>{3, 7, 0} << QList<qint64>{3, 7, 0};
    QTest::addRow("remainders 1/6") << qint64(5) << QList<qint64>{1, 2, 3} << QList<qint64>{1, 2, 2};
    QTest::addRow("one cent three ways") << qint64(1) << QList<qint64>{1, 1, 1} << QList<qint64>{1, 0, 0};
    QTest::addRow("negative symmetric") << qint64(-100) << QList<qint64>{1, 1, 1} << QList<qint64>{-34, -33, -33};
    QTest::addRow("zero weight gets nothing") << qint64(7) << QList<qint64>{0, 1} << QList<qint64>{0, 7};
    QTest::addRow("huge amount, 128-bit product")
        << std::numeric_limits<qint64>::max() << QList<qint64>{1'000'000'000'000LL, 1'000'000'000'000LL}
        << QList<qint64>{std::numeric_limits<qint64>::max() / 2 + 1, std::numeric_limits<qint64>::max() / 2};
}

void TestMoney::allocate()
{
    QFETCH(qint64, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);
    const auto parts = Money(amount, Currency::cny()).allocate(weights);
    QVERIFY2(parts.has_value(), qPrintable(parts ? QString() : parts.error().message));
    QList<qint64> got;
    qint64 sum = 0;
    for (const Money &m : *parts) {
        got.append(m.minor());
        sum += m.minor();
    }
    QCOMPARE(got, expected);
    QCOMPARE(sum, amount);
}

void TestMoney::allocateErrors()
{
    const Money m(100, Currency::cny());
    QCOMPARE(m.allocate({}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m.allocate({0, 0}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m.allocate({1, -1}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m.allocateEqually(0).error().code, ErrorCode::InvalidArgument);
}

void TestMoney::allocateEqually_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addRow("7/3") << qint64(7) << 3 << QList<qint64>{3, 2, 2};
    QTest::addRow("8/3") << qint64(8) << 3 << QList<qint64>{3, 3, 2};
    QTest::addRow("2/5") << qint64(2) << 5 << QList<qint64>{1, 1, 0, 0, 0};
}

void TestMoney::allocateEqually()
{
    QFETCH(qint64, amount);
    QFETCH(int, parts);
    QFETCH(QList<qint64>, expected);
    const auto r = Money(amount, Currency::cny()).allocateEqually(parts);
    QVERIFY(r);
    QList<qint64> got;
    for (const Money &m : *r)
        got.append(m.minor());
    QCOMPARE(got, expected);
}

void TestMoney::decimalString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addRow("cny") << qint64(1230) << QStringLiteral("CNY") << QStringLiteral("12.30");
    QTest::addRow("cents") << qint64(5) << QStringLiteral("CNY") << QStringLiteral("0.05");
    QTest::addRow("negative") << qint64(-5) << QStringLiteral("CNY") << QStringLiteral("-0.05");
    QTest::addRow("jpy") << qint64(1230) << QStringLiteral("JPY") << QStringLiteral("1230");
    QTest::addRow("kwd") << qint64(1230) << QStringLiteral("KWD") << QStringLiteral("1.230");
    QTest::addRow("min") << std::numeric_limits<qint64>::min() << QStringLiteral("CNY")
                         << QStringLiteral("-92233720368547758.08");
}

void TestMoney::decimalString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(Money(minor, *Currency::fromCode(currency)).toDecimalString(), text);
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minor");
    QTest::addRow("12.30") << QStringLiteral("12.30") << true << qint64(1230);
    QTest::addRow("12.3") << QStringLiteral("12.3") << true << qint64(1230);
    QTest::addRow("12") << QStringLiteral("12") << true << qint64(1200);
    QTest::addRow(".5") << QStringLiteral(".5") << true << qint64(50);
    QTest::addRow("-0.05") << QStringLiteral("-0.05") << true << qint64(-5);
    QTest::addRow("spaces") << QStringLiteral(" 1.00 ") << true << qint64(100);
    QTest::addRow("three decimals") << QStringLiteral("1.234") << false << qint64(0);
    QTest::addRow("two dots") << QStringLiteral("1.2.3") << false << qint64(0);
    QTest::addRow("letters") << QStringLiteral("12a") << false << qint64(0);
    QTest::addRow("empty") << QString() << false << qint64(0);
    QTest::addRow("dot only") << QStringLiteral(".") << false << qint64(0);
    QTest::addRow("overflow") << QStringLiteral("99999999999999999999") << false << qint64(0);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, minor);
    const auto r = Money::fromDecimalString(text, Currency::cny());
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->minor(), minor);
    else
        QVERIFY(!r.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
