#include "pages/simulatorpage.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace pay;
using namespace pay::ui;

class TstSimulatorPage : public QObject
{
    Q_OBJECT

private slots:
    void duplicatePaymentRun();
};

void TstSimulatorPage::duplicatePaymentRun()
{
    SimulatorPage page;
    page.resize(1000, 700);
    page.show();
    QVERIFY(page.selectScenario(QStringLiteral("duplicate-qr-a-qr-b")));
    page.setSeed(3);
    page.setSpeed(0);

    // Step by step: the counters move.
    for (int i = 0; i < 40; ++i)
        page.step();
    QVERIFY(!page.isFinished());
    QCOMPARE(page.report().seed, quint64(3));
    QVERIFY(page.report().steps >= 40);
    QVERIFY(page.report().orders > 0);
    QVERIFY(page.narration()->count() > 0);
    const qint64 stepsBefore = page.report().steps;
    page.step();
    QVERIFY(page.report().steps > stepsBefore);

    // Then fast to the end.
    page.setSpeed(1000);
    page.run();
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), 240'000);
    QVERIFY(!page.isRunning());
    const SimulationReport &r = page.report();
    QCOMPARE(r.violations, 0);
    QVERIFY2(r.refundsByReason.value(QStringLiteral("DUPLICATE_PAYMENT")) > 0, qPrintable(r.toText()));
    QVERIFY(page.invariantsLabel()->text().contains(QStringLiteral(", 0 violated")));
    QVERIFY(page.refundsLabel()->text().contains(QStringLiteral("DUPLICATE_PAYMENT")));
    QVERIFY(!r.eventLogHash.isEmpty());
    const auto refundLines = page.narration()->findItems(QStringLiteral("(DUPLICATE_PAYMENT)"), Qt::MatchContains);
    QVERIFY(!refundLines.isEmpty());
    QVERIFY(refundLines.first()->text().contains(QStringLiteral("a refund of ¥")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QVERIFY(page.exportRun(path).has_value());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
    QCOMPARE(o.value(QStringLiteral("scenarioFile")).toString(), QStringLiteral("duplicate-qr-a-qr-b.json"));
    QCOMPARE(o.value(QStringLiteral("report")).toObject().value(QStringLiteral("invariants")).toObject()
                 .value(QStringLiteral("violated")).toInt(), 0);
    QVERIFY(o.value(QStringLiteral("scenario")).toObject().contains(QStringLiteral("arrivals")));
}

QTEST_MAIN(TstSimulatorPage)
#include "tst_simulatorpage.moc"
