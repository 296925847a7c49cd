#include "engine/catalogue.h"

#include <QSet>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsConsistent();
    void findsByCodeOrBarcode();
};

void TestCatalogue::catalogueIsConsistent()
{
    const auto &items = Catalogue::items();
    QVERIFY(items.size() >= 30);
    QSet<QString> codes, barcodes;
    for (const CatalogueItem &item : items) {
        QVERIFY2(Catalogue::isValidEan13(item.barcode), qPrintable(item.barcode));
        QVERIFY(item.priceMinor > 0);
        QVERIFY(!item.nameEn.isEmpty() && !item.nameZh.isEmpty());
        codes.insert(item.code);
        barcodes.insert(item.barcode);
    }
    QCOMPARE(codes.size(), items.size());
    QCOMPARE(barcodes.size(), items.size());
    QVERIFY(!Catalogue::isValidEan13(u"6901234560016"_s)); // wrong check digit
    QVERIFY(!Catalogue::isValidEan13(u"690123456001"_s));
}

void TestCatalogue::findsByCodeOrBarcode()
{
    QCOMPARE(Catalogue::find(u" a01 "_s)->code, u"A01"_s);
    QCOMPARE(Catalogue::find(u"6901234560015"_s)->code, u"A01"_s);
    QVERIFY(!Catalogue::find(u"Z99"_s));
    QVERIFY(!Catalogue::find(QString()));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
