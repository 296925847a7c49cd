#include "displaytext.h"
#include "reconrunsmodel.h"
#include "store/database.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using pay::ui::DisplayText;
using pay::ui::ReconRunsModel;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartedMs = 1'780'000'000'000;

} // namespace

class TestReconRunsModel : public QObject
{
    Q_OBJECT

private slots:
    void fetchesEveryPageOnce();
};

void TestReconRunsModel::fetchesEveryPageOnce()
{
    test::TempDb tmp;
    auto db = Database::open(tmp.path());
    QVERIFY(db);
    QList<qint64> expected;
    for (int i = 0; i < 23; ++i) {
        QSqlQuery q((*db)->db());
        q.prepare(u"INSERT INTO recon_runs (kind, channel, statement_day, format, file_name, lines, matched,"
                  " breaks, quarantined, auto_resolved, started_at)"
                  " VALUES ('STATEMENT', ?, ?, 'wechat', ?, ?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(i % 2 ? u"wallet"_s : u"qr_a"_s);
        q.addBindValue(QDate(2026, 5, 1).addDays(i).toString(Qt::ISODate));
        q.addBindValue(u"bill-%1.csv"_s.arg(i));
        q.addBindValue(100 + i);
        q.addBindValue(90 + i);
        q.addBindValue(10);
        q.addBindValue(i % 3);
        q.addBindValue(1);
        q.addBindValue(kStartedMs + i * 1000);
        QVERIFY(q.exec());
        expected.prepend(q.lastInsertId().toLongLong());
    }
    auto reader = ReconReader::open(tmp.path());
    QVERIFY(reader);

    ReconRunsModel model;
    // As in tst_ordersmodel: the tester's own fetchMore() is off (Qt 6.4 fetches inside its
    // modelReset handler); the test fetches explicitly.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setPageSize(10);
    model.setReader(reader->get());
    QCOMPARE(model.rowCount(), 10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 23);
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.run(r).id);
    QCOMPARE(ids, expected); // newest first, each once
    QCOMPARE(model.rowOf(expected.at(17)), 17);
    QCOMPARE(model.rowOf(expected.first() + 100), -1);

    // Row 0 is the newest: i = 22.
    const int role = ReconRunsModel::UnderlyingDataRole;
    QCOMPARE(model.index(0, ReconRunsModel::RunId).data(role), QVariant(expected.first()));
    QCOMPARE(model.index(0, ReconRunsModel::RunId).data().toString(), QString::number(expected.first()));
    QCOMPARE(model.index(0, ReconRunsModel::Channel).data(role).toString(), u"qr_a"_s);
    QCOMPARE(model.index(0, ReconRunsModel::Channel).data().toString(), DisplayText::paymentMethod(u"qr_a"_s));
    QCOMPARE(model.index(0, ReconRunsModel::Day).data().toString(), u"2026-05-23"_s);
    QCOMPARE(model.index(0, ReconRunsModel::File).data().toString(), u"bill-22.csv"_s);
    QCOMPARE(model.index(0, ReconRunsModel::Lines).data(role), QVariant(qint64(122)));
    QCOMPARE(model.index(0, ReconRunsModel::Matched).data().toString(), u"112"_s);
    QCOMPARE(model.index(0, ReconRunsModel::Quarantined).data(role), QVariant(qint64(1)));
    const QDateTime startedAt = QDateTime::fromMSecsSinceEpoch(kStartedMs + 22'000);
    QCOMPARE(model.index(0, ReconRunsModel::ImportedAt).data(role).toDateTime(), startedAt);
    QCOMPARE(model.index(0, ReconRunsModel::ImportedAt).data().toString(), DisplayText::dateTime(startedAt));
    QCOMPARE(model.headerData(ReconRunsModel::AutoResolved, Qt::Horizontal).toString(), u"Auto-resolved"_s);

    // A reload reads the first page again, the new run on top.
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(u"INSERT INTO recon_runs (kind, channel, started_at) VALUES ('STATEMENT', 'card', 1)"_s));
    const qint64 newest = q.lastInsertId().toLongLong();
    model.reload();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.run(0).id, newest);
}

QTEST_MAIN(TestReconRunsModel)
#include "tst_reconrunsmodel.moc"
