#include "qrcodewidget.h"

#include <QImage>
#include <QTest>

using pay::ui::QrCodeWidget;
using namespace Qt::StringLiterals;

// The QR code is a real one (libqrencode): a valid version size, the three finder patterns,
// and drawn black on white with whole pixels per module and a quiet zone. (The screenshots in
// docs/screenshots decode with zbarimg.)
class TestQrCodeWidget : public QObject
{
    Q_OBJECT

private slots:
    void encodesWithFinderPatterns();
    void paintsWholeModulesOnWhite();
    void emptyTextDrawsNothing();
};

void TestQrCodeWidget::encodesWithFinderPatterns()
{
    QrCodeWidget w;
    QVERIFY(w.setText(u"paydesk://qr_a/pay?flow=P00000001-3&amt=5790&cur=CNY&order=wx1"_s));
    const int n = w.moduleCount();
    QVERIFY(n >= 21);
    QCOMPARE((n - 21) % 4, 0); // version v has 17 + 4v modules
    // Finder patterns: dark 7x7 ring corners at top-left, top-right, bottom-left; light separator.
    for (const QPoint origin : {QPoint(0, 0), QPoint(n - 7, 0), QPoint(0, n - 7)}) {
        QVERIFY(w.isDark(origin.x(), origin.y()));
        QVERIFY(w.isDark(origin.x() + 6, origin.y() + 6));
        QVERIFY(!w.isDark(origin.x() + 1, origin.y() + 1));
        QVERIFY(w.isDark(origin.x() + 3, origin.y() + 3)); // centre
    }
    QVERIFY(!w.isDark(7, 7)); // separator
}

void TestQrCodeWidget::paintsWholeModulesOnWhite()
{
    QrCodeWidget w;
    w.setText(u"hello"_s);
    w.resize(250, 250);
    QImage image(w.size(), QImage::Format_RGB32);
    image.fill(Qt::red);
    w.render(&image);
    const int total = w.moduleCount() + 8;
    const int module = 250 / total;
    const int origin = (250 - module * total) / 2;
    QCOMPARE(image.pixelColor(origin + 1, origin + 1), QColor(Qt::white)); // quiet zone
    const int x = origin + 4 * module; // first module of the top-left finder
    QCOMPARE(image.pixelColor(x, x), QColor(Qt::black));
    QCOMPARE(image.pixelColor(x + module - 1, x + module - 1), QColor(Qt::black));
}

void TestQrCodeWidget::emptyTextDrawsNothing()
{
    QrCodeWidget w;
    QVERIFY(w.setText(QString()));
    QCOMPARE(w.moduleCount(), 0);
}

QTEST_MAIN(TestQrCodeWidget)
#include "tst_qrcodewidget.moc"
