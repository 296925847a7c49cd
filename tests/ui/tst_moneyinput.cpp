#include "moneyinput.h"

#include <QTest>

using namespace pay;
using pay::ui::MoneyInput;
using namespace Qt::StringLiterals;

class TestMoneyInput : public QObject
{
    Q_OBJECT

private slots:
    void parsesWhatCashiersType_data();
    void parsesWhatCashiersType();
    void refusesWhatIsNotAnAmount_data();
    void refusesWhatIsNotAnAmount();
    void editTextRoundTrips_data();
    void editTextRoundTrips();
};

void TestMoneyInput::parsesWhatCashiersType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");

    QTest::addRow("plain") << u"12.30"_s << u"en_US"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("comma decimal in English") << u"12,30"_s << u"en_US"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("yen sign") << u"¥12.30"_s << u"zh_CN"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("full-width yen and digits") << u"￥１２．３０"_s << u"zh_CN"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("code and space") << u"CNY 12"_s << u"en_US"_s << u"CNY"_s << qint64(1200);
    QTest::addRow("yuan suffix") << u"12.3元"_s << u"zh_CN"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("whole") << u"12"_s << u"en_US"_s << u"CNY"_s << qint64(1200);
    QTest::addRow("one decimal") << u"0.5"_s << u"en_US"_s << u"CNY"_s << qint64(50);
    QTest::addRow("leading point") << u".05"_s << u"en_US"_s << u"CNY"_s << qint64(5);
    QTest::addRow("trailing point") << u"7."_s << u"en_US"_s << u"CNY"_s << qint64(700);
    QTest::addRow("zero") << u"0"_s << u"en_US"_s << u"CNY"_s << qint64(0);
    QTest::addRow("grouped English") << u"1,234.50"_s << u"en_US"_s << u"CNY"_s << qint64(123450);
    QTest::addRow("group only English") << u"1,234"_s << u"en_US"_s << u"CNY"_s << qint64(123400);
    QTest::addRow("grouped German") << u"1.234,50"_s << u"de_DE"_s << u"CNY"_s << qint64(123450);
    QTest::addRow("group only German") << u"1.234"_s << u"de_DE"_s << u"CNY"_s << qint64(123400);
    QTest::addRow("comma decimal in German") << u"12,30"_s << u"de_DE"_s << u"CNY"_s << qint64(1230);
    QTest::addRow("spaces as groups") << u"1 234 567,89"_s << u"fr_FR"_s << u"CNY"_s << qint64(123456789);
    QTest::addRow("many groups") << u"1,234,567.89"_s << u"en_US"_s << u"CNY"_s << qint64(123456789);
    QTest::addRow("surrounding spaces") << u"  ¥ 3.00 "_s << u"en_US"_s << u"CNY"_s << qint64(300);
    QTest::addRow("leading zeros") << u"007.10"_s << u"en_US"_s << u"CNY"_s << qint64(710);
    QTest::addRow("yen has no minor unit") << u"1,200"_s << u"ja_JP"_s << u"JPY"_s << qint64(1200);
    QTest::addRow("three-digit dinar") << u"1.250"_s << u"en_US"_s << u"KWD"_s << qint64(1250);
}

void TestMoneyInput::parsesWhatCashiersType()
{
    QFETCH(QString, text);
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    const auto c = Currency::fromCode(currency);
    QVERIFY(c);
    const auto parsed = MoneyInput::parseMinor(text, *c, QLocale(locale));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(*parsed, minor);
}

void TestMoneyInput::refusesWhatIsNotAnAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("locale");

    QTest::addRow("empty") << QString() << u"en_US"_s;
    QTest::addRow("only a symbol") << u"¥"_s << u"en_US"_s;
    QTest::addRow("negative") << u"-1.00"_s << u"en_US"_s;
    QTest::addRow("letters") << u"12a"_s << u"en_US"_s;
    QTest::addRow("too many decimals") << u"1.234"_s << u"en_US"_s;
    QTest::addRow("three decimals after a comma") << u"12,345"_s << u"de_DE"_s;
    QTest::addRow("separator after the decimal") << u"1.234,5.6"_s << u"en_US"_s;
    QTest::addRow("only separators") << u".,"_s << u"en_US"_s;
    QTest::addRow("too large") << u"99999999999999999"_s << u"en_US"_s;
    QTest::addRow("exponent") << u"1e3"_s << u"en_US"_s;
}

void TestMoneyInput::refusesWhatIsNotAnAmount()
{
    QFETCH(QString, text);
    QFETCH(QString, locale);
    const auto parsed = MoneyInput::parseMinor(text, Currency::cny(), QLocale(locale));
    QVERIFY2(!parsed, qPrintable(u"parsed as %1"_s.arg(parsed.value_or(-1))));
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestMoneyInput::editTextRoundTrips_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    QTest::addRow("english") << qint64(123450) << u"en_US"_s << u"1234.50"_s;
    QTest::addRow("chinese") << qint64(5) << u"zh_CN"_s << u"0.05"_s;
    QTest::addRow("german") << qint64(1230) << u"de_DE"_s << u"12,30"_s;
}

void TestMoneyInput::editTextRoundTrips()
{
    QFETCH(qint64, minor);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const QString text = MoneyInput::editText(minor, Currency::cny(), QLocale(locale));
    QCOMPARE(text, expected);
    QCOMPARE(MoneyInput::parseMinor(text, Currency::cny(), QLocale(locale)).value_or(-1), minor);
}

QTEST_GUILESS_MAIN(TestMoneyInput)
#include "tst_moneyinput.moc"
