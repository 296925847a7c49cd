#include "displaytext.h"
#include "domain/entities.h"
#include "recon/reconbreak.h"
#include "store/opsqueues.h"

#include <QTest>

using namespace pay;
using pay::ui::DisplayText;
using namespace Qt::StringLiterals;

class TestDisplayText : public QObject
{
    Q_OBJECT

private slots:
    void money_data();
    void money();
    void everyTradeStatusHasWords();
    void reasonsCategoriesAndQueuesHaveWords();
};

void TestDisplayText::money_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    const QString nbsp(QChar(QChar::Nbsp));
    QTest::addRow("cny") << qint64(1230) << u"CNY"_s << u"en_US"_s << u"¥12.30"_s;
    QTest::addRow("cny zero") << qint64(0) << u"CNY"_s << u"en_US"_s << u"¥0.00"_s;
    QTest::addRow("cny one fen") << qint64(1) << u"CNY"_s << u"en_US"_s << u"¥0.01"_s;
    QTest::addRow("cny grouped") << qint64(123456789) << u"CNY"_s << u"en_US"_s << u"¥1,234,567.89"_s;
    QTest::addRow("cny in chinese") << qint64(123456789) << u"CNY"_s << u"zh_CN"_s << u"¥1,234,567.89"_s;
    QTest::addRow("negative") << qint64(-5) << u"CNY"_s << u"en_US"_s << u"-¥0.05"_s;
    QTest::addRow("german separators") << qint64(123456) << u"EUR"_s << u"de_DE"_s << u"€1.234,56"_s;
    QTest::addRow("yen has no minor unit") << qint64(1200) << u"JPY"_s << u"en_US"_s << u"JP¥1,200"_s;
    QTest::addRow("three digits") << qint64(1250) << u"KWD"_s << u"en_US"_s
                                  << QString(u"KWD"_s + nbsp + u"1.250"_s);
    QTest::addRow("most negative") << std::numeric_limits<qint64>::min() << u"USD"_s << u"C"_s
                                   << u"-$92233720368547758.08"_s;
    QTest::addRow("largest") << std::numeric_limits<qint64>::max() << u"USD"_s << u"en_US"_s
                             << u"$92,233,720,368,547,758.07"_s;
}

void TestDisplayText::money()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    auto c = Currency::fromCode(currency);
    QVERIFY(c);
    QCOMPARE(DisplayText::money(Money(minor, *c), QLocale(locale)), expected);
}

void TestDisplayText::everyTradeStatusHasWords()
{
    QStringList seen;
    for (TradeStatus s : kAllTradeStatuses) {
        const QString text = DisplayText::tradeStatus(s);
        QVERIFY(!text.isEmpty());
        QVERIFY2(text != toString(s), "a status is shown in words, not as its database name");
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.append(text);
    }
}

void TestDisplayText::reasonsCategoriesAndQueuesHaveWords()
{
    QCOMPARE(DisplayText::refundReason(RefundReason::DuplicatePayment), u"Duplicate payment"_s);
    QCOMPARE(DisplayText::refundReason(RefundReason::ClosedButPaid), u"Closed but paid"_s);
    QCOMPARE(DisplayText::breakCategory(BreakCategory::MissingAtChannel), u"Missing at channel"_s);
    QCOMPARE(DisplayText::opsQueue(OpsQueue::Stuck), u"Stuck payments"_s);

    QStringList seen;
    for (RefundReason r : {RefundReason::CustomerRequest, RefundReason::ClosedButPaid, RefundReason::DuplicatePayment,
                           RefundReason::PartialFailure, RefundReason::Operator}) {
        const QString text = DisplayText::refundReason(r);
        QVERIFY2(!text.isEmpty() && text != toString(r) && !seen.contains(text), qPrintable(text));
        seen << text;
    }
    seen.clear();
    for (BreakCategory c : allBreakCategories()) {
        const QString text = DisplayText::breakCategory(c);
        QVERIFY2(!text.isEmpty() && text != toString(c) && !seen.contains(text), qPrintable(text));
        seen << text;
    }
    seen.clear();
    for (int i = 0; i < kOpsQueueCount; ++i) {
        const QString text = DisplayText::opsQueue(OpsQueue(i));
        QVERIFY2(!text.isEmpty() && text != toString(OpsQueue(i)) && !seen.contains(text), qPrintable(text));
        seen << text;
    }
}

QTEST_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
