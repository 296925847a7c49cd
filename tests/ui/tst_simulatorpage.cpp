#include "displaytext.h"
#include "languageswitcher.h"
#include "pages/simulatorpage.h"

#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace pay;
using namespace pay::ui;
using namespace Qt::StringLiterals;

namespace {

QPushButton *button(const SimulatorPage &page, const QString &text)
{
    for (QPushButton *b : page.findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

// A code as the database writes it: CLOSED_BUT_PAID, DUPLICATE_PAYMENT, PAID.
const QRegularExpression kRawCode(u"\\b[A-Z]{2,}(_[A-Z]+)*\\b"_s);

QStringList rawCodes(const QString &text)
{
    QStringList codes;
    for (auto it = kRawCode.globalMatch(text); it.hasNext();) {
        const QString code = it.next().captured();
        if (code != u"QR"_s && code != u"JSON"_s) // "QR A" is a channel's name in words
            codes << code;
    }
    return codes;
}

} // namespace

class TstSimulatorPage : public QObject
{
    Q_OBJECT

private slots:
    void duplicatePaymentRun();
    void chartsFollowTheCounters();
    void queuesFillAsItRuns();
    void redrawsAreThrottled();
    void scenarioPickerSpeaksChinese();
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
    // Reasons in words, never as their database codes.
    QVERIFY(page.refundsLabel()->text().contains(u"Duplicate payment"_s));
    QVERIFY2(rawCodes(page.refundsLabel()->text()).isEmpty(), qPrintable(page.refundsLabel()->text()));
    QVERIFY(!r.eventLogHash.isEmpty());
    const auto refundLines = page.narration()->findItems(u"was started (a duplicate payment)"_s, Qt::MatchContains);
    QVERIFY(!refundLines.isEmpty());
    QVERIFY(refundLines.first()->text().contains(QStringLiteral("a refund of ¥")));
    for (int i = 0; i < page.narration()->count(); ++i) {
        const QString line = page.narration()->item(i)->text();
        QVERIFY2(rawCodes(line).isEmpty(), qPrintable(line));
    }

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

void TstSimulatorPage::chartsFollowTheCounters()
{
    SimulatorPage page;
    page.resize(1200, 900);
    page.show();
    QVERIFY(page.selectScenario(u"timeout-close-vs-late-callback"_s));
    page.setSeed(11);
    page.setSpeed(0);
    QPushButton *step = button(page, u"Step"_s);
    QVERIFY(step);
    for (int i = 0; i < SimulatorPage::kOrderLineCount; ++i)
        QCOMPARE(page.orderSeries(SimulatorPage::OrderLine(i))->count(), 0);

    // Stepping with the real button: after every step the last point of each line is the
    // runner's count at the run's virtual time.
    for (int i = 0; i < 120; ++i) {
        QTest::mouseClick(step, Qt::LeftButton);
        const SimulationReport &r = page.report();
        const double minutes = double(r.virtualMs) / 60'000.0;
        qint64 sum = 0;
        for (int l = 0; l < SimulatorPage::kOrderLineCount; ++l) {
            const auto line = SimulatorPage::OrderLine(l);
            QLineSeries *series = page.orderSeries(line);
            QVERIFY(series->count() >= 1);
            const QPointF last = series->at(series->count() - 1);
            QCOMPARE(last.x(), minutes);
            QCOMPARE(qint64(last.y()), SimulatorPage::ordersIn(line, r.ordersByState));
            sum += qint64(last.y());
        }
        QCOMPARE(sum, r.orders); // every accepted order is on exactly one line
    }
    QVERIFY(page.report().orders > 5);
    QVERIFY(page.orderSeries(SimulatorPage::OrderLine::Paid)->count() > 10);
    QCOMPARE(page.orderSeries(SimulatorPage::OrderLine::Paid)->name(), u"Paid"_s);
    QVERIFY(page.orderSeries(SimulatorPage::OrderLine::Paid)->at(0).x()
            < page.orderSeries(SimulatorPage::OrderLine::Paid)->at(5).x());

    // Until the first closed-but-paid refund: its line appears, rising from zero.
    const QString reason = u"CLOSED_BUT_PAID"_s;
    for (int i = 0; i < 3000 && page.report().refundsByReason.value(reason) == 0; ++i)
        page.step();
    const qint64 refunds = page.report().refundsByReason.value(reason);
    QVERIFY2(refunds > 0, qPrintable(page.report().toText()));
    QLineSeries *series = page.refundSeries(reason);
    QVERIFY(series);
    QCOMPARE(series->name(), u"Closed but paid"_s);
    QCOMPARE(series->at(0).y(), 0.0);
    QCOMPARE(qint64(series->at(series->count() - 1).y()), refunds);
    QCOMPARE(series->at(series->count() - 1).x(), double(page.report().virtualMs) / 60'000.0);
    QVERIFY(!page.refundSeries(u"OPERATOR"_s)); // no line for a reason the run has not had

    // Reset empties the charts.
    QTest::mouseClick(button(page, u"Reset"_s), Qt::LeftButton);
    QCOMPARE(page.orderSeries(SimulatorPage::OrderLine::Paid)->count(), 0);
    QVERIFY(!page.refundSeries(reason));
}

void TstSimulatorPage::queuesFillAsItRuns()
{
    SimulatorPage page;
    page.resize(1200, 900);
    page.show();
    QVERIFY(page.selectScenario(u"duplicate-qr-a-qr-b"_s));
    page.setSeed(3);
    page.setSpeed(0);
    QCOMPARE(page.queueCount(OpsQueue::Duplicate), -1); // no run yet
    QCOMPARE(page.queueLabel(OpsQueue::Duplicate)->text(), u"–"_s);

    QPushButton *step = button(page, u"Step"_s);
    QTest::mouseClick(step, Qt::LeftButton);
    for (int i = 0; i < kOpsQueueCount; ++i)
        QCOMPARE(page.queueCount(OpsQueue(i)), 0);

    for (int i = 0; i < 3000 && page.queueCount(OpsQueue::Duplicate) <= 0; ++i)
        QTest::mouseClick(step, Qt::LeftButton);
    const qint64 duplicates = page.queueCount(OpsQueue::Duplicate);
    QVERIFY2(duplicates > 0, qPrintable(page.report().toText()));
    QVERIFY(!page.isFinished());
    QCOMPARE(page.queueLabel(OpsQueue::Duplicate)->text(), QLocale().toString(duplicates));
    // The queue lists every refund the engine opened for a duplicate; the report counts the
    // ones that already succeeded.
    QVERIFY(duplicates >= page.report().refundsByReason.value(u"DUPLICATE_PAYMENT"_s));
    QCOMPARE(page.queueCount(OpsQueue::Frozen), 0);

    // Reset lets go of the run's database.
    QTest::mouseClick(button(page, u"Reset"_s), Qt::LeftButton);
    QCOMPARE(page.queueCount(OpsQueue::Duplicate), -1);
}

void TstSimulatorPage::redrawsAreThrottled()
{
    SimulatorPage page;
    page.resize(1200, 900);
    page.show();
    QVERIFY(page.selectScenario(u"peak-hour"_s));
    page.setSpeed(1000);
    const int before = page.redrawCount();
    QElapsedTimer wall;
    wall.start();
    QTest::mouseClick(button(page, u"Run"_s), Qt::LeftButton);
    QVERIFY(page.isRunning());
    QTest::qWait(1500);
    QTest::mouseClick(button(page, u"Pause"_s), Qt::LeftButton);
    const qint64 elapsed = wall.elapsed();
    QVERIFY(!page.isRunning());
    const int redraws = page.redrawCount() - before;
    // Run and Pause redraw once each; in between at most one redraw per interval.
    const int allowed = int(elapsed / SimulatorPage::kRedrawIntervalMs) + 3;
    QVERIFY2(redraws <= allowed, qPrintable(u"%1 redraws in %2 ms"_s.arg(redraws).arg(elapsed)));
    QVERIFY(redraws >= 3); // the run is still shown live
    QVERIFY(page.report().orders > 0);
    QLineSeries *paid = page.orderSeries(SimulatorPage::OrderLine::Paid);
    QVERIFY(paid->count() >= 2);
    QCOMPARE(qint64(paid->at(paid->count() - 1).y()),
             SimulatorPage::ordersIn(SimulatorPage::OrderLine::Paid, page.report().ordersByState));
}

void TstSimulatorPage::scenarioPickerSpeaksChinese()
{
    LanguageSwitcher language;
    QVERIFY(language.setLanguage(u"en"_s));
    SimulatorPage page;
    page.resize(1200, 900);
    page.show();
    QVERIFY(page.selectScenario(u"duplicate-qr-a-qr-b"_s));
    QComboBox *picker = page.scenarioBox();
    QCOMPARE(picker->currentText(), u"duplicate-qr-a-qr-b"_s);
    auto *practice = page.findChild<QLabel *>(u"scenarioPractice"_s);
    auto *description = page.findChild<QLabel *>(u"scenarioDescription"_s);
    QVERIFY(practice->text().startsWith(u"A customer whose first QR code"_s));

    QVERIFY(language.setLanguage(u"zh_CN"_s));
    QTRY_COMPARE(picker->currentText(), u"扫码 A 与扫码 B 重复支付"_s);
    QVERIFY(practice->text().startsWith(u"顾客的第一个二维码"_s));
    QVERIFY(description->text().contains(u"40% 的顾客"_s));
    QCOMPARE(picker->itemData(picker->currentIndex(), Qt::ToolTipRole).toString(), description->text());
    // Every shipped scenario has its Chinese name.
    for (int i = 0; i < picker->count(); ++i)
        QVERIFY2(!picker->itemText(i).contains(u'-'), qPrintable(picker->itemText(i)));
    QCOMPARE(page.queueLabel(OpsQueue::Duplicate)->parentWidget()->property("title").toString(), u"本次运行的运营队列"_s);
    QCOMPARE(page.orderSeries(SimulatorPage::OrderLine::Paid)->name(), u"已支付"_s);
    // The Chinese name selects too, and the run works in Chinese.
    QVERIFY(page.selectScenario(u"超时关单与延迟回调"_s));
    page.setSpeed(0);
    button(page, u"单步"_s)->click();
    QVERIFY(page.report().steps > 0);

    QVERIFY(language.setLanguage(u"en"_s));
    QTRY_COMPARE(picker->currentText(), u"timeout-close-vs-late-callback"_s);
    QVERIFY(practice->text().startsWith(u"The order times out"_s));
}

QTEST_MAIN(TstSimulatorPage)
#include "tst_simulatorpage.moc"
