#include "displaytext.h"
#include "reconbreaksmodel.h"
#include "recon/reconbreak.h"
#include "store/database.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using pay::ui::DisplayText;
using pay::ui::ReconBreaksModel;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStartedMs = 1'780'000'000'000;

// A fresh database per test, with a writer the test keeps open beside the model's reader.
struct Fixture
{
    test::TempDb tmp;
    std::unique_ptr<Database> writer;
    std::unique_ptr<ReconReader> reader;

    bool open()
    {
        auto db = Database::open(tmp.path());
        if (!db)
            return false;
        writer = std::move(*db);
        return true;
    }
    bool openReader()
    {
        auto r = ReconReader::open(tmp.path());
        if (!r)
            return false;
        reader = std::move(*r);
        return true;
    }
    qint64 insertRun()
    {
        QSqlQuery q(writer->db());
        q.prepare(u"INSERT INTO recon_runs (kind, channel, statement_day, format, file_name, started_at)"
                  " VALUES ('STATEMENT', 'wallet', '2026-05-29', 'canonical', 'wallet.csv', ?)"_s);
        q.addBindValue(kStartedMs);
        return q.exec() ? q.lastInsertId().toLongLong() : 0;
    }
    // count breaks of runId, in category for the even ones and MISSING_LOCALLY for the odd ones
    // when alternate; their ids in category, in insertion order.
    QList<qint64> insertBreaks(qint64 runId, int count, BreakCategory category, bool alternate)
    {
        TransactionGuard tx(*writer);
        if (!tx.begun())
            return {};
        BreakStore store(*writer);
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            ReconBreak b;
            b.runId = runId;
            b.channel = u"wallet"_s;
            b.category = alternate && i % 2 ? BreakCategory::MissingLocally : category;
            b.flowNo = u"F%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            b.channelTxnNo = u"T%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            b.localAmount = 1000 + i;
            if (i % 3 == 0)
                b.statementAmount = 1100 + i;
            b.localStatus = u"SUCCEEDED"_s;
            b.statementStatus = u"SUCCESS"_s;
            b.lineNo = i % 5 == 0 ? 0 : i + 2;
            b.state = i % 4 == 0 ? BreakState::Held : BreakState::Open;
            b.detail = u"detail %1"_s.arg(i);
            b.createdAtMs = kStartedMs;
            auto id = store.insert(b);
            if (!id)
                return {};
            if (b.category == category)
                ids.append(*id);
        }
        return tx.commit() ? ids : QList<qint64>();
    }
};

// The tester's own fetchMore() is off, as in tst_ordersmodel: in Qt 6.4 it fetches from inside
// its modelReset handler and then reports the (legal) rowsInserted as a change during a reset.
// The tests fetch explicitly.
std::unique_ptr<QAbstractItemModelTester> makeTester(ReconBreaksModel *model)
{
    auto tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester->setUseFetchMore(false);
    return tester;
}

QList<qint64> idsOf(const ReconBreaksModel &model)
{
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.breakRow(r).id);
    return ids;
}

} // namespace

class TestReconBreaksModel : public QObject
{
    Q_OBJECT

private slots:
    void fetchesEveryPageOnce();
    void displayAndUnderlyingData();
    void fiftyThousandBreaksBrowsable();
    void emptyWithoutRunOrReader();
};

void TestReconBreaksModel::fetchesEveryPageOnce()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 run = f.insertRun();
    const qint64 other = f.insertRun();
    QVERIFY(run > 0 && other > 0);
    QList<qint64> expected = f.insertBreaks(run, 50, BreakCategory::AmountMismatch, true);
    QCOMPARE(expected.size(), 25);
    QVERIFY(!f.insertBreaks(other, 10, BreakCategory::AmountMismatch, false).isEmpty());
    std::reverse(expected.begin(), expected.end()); // highest id first
    QVERIFY(f.openReader());

    ReconBreaksModel model;
    auto tester = makeTester(&model);
    model.setPageSize(10);
    model.setReader(f.reader.get());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRun(run, u"AMOUNT_MISMATCH"_s);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.columnCount(), int(ReconBreaksModel::ColumnCount));
    QVERIFY(model.canFetchMore({}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int fetches = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(++fetches <= 3);
    }
    QCOMPARE(fetches, 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 10);
    QCOMPARE(inserted.at(0).at(2).toInt(), 19);
    QCOMPARE(inserted.at(1).at(1).toInt(), 20);
    QCOMPARE(inserted.at(1).at(2).toInt(), 24);
    // Every row of the category exactly once, in order, none of the other run or category.
    QCOMPARE(idsOf(model), expected);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.breakRow(r).category, u"AMOUNT_MISMATCH"_s);

    // Another category of the same run starts over from its first page.
    model.setRun(run, u"MISSING_LOCALLY"_s);
    QCOMPARE(model.rowCount(), 10);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(model.breakRow(0).category, u"MISSING_LOCALLY"_s);
}

void TestReconBreaksModel::displayAndUnderlyingData()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 run = f.insertRun();
    // Break 0: a statement amount, no line, HELD. Break 1 (the first row): no statement amount.
    QCOMPARE(f.insertBreaks(run, 2, BreakCategory::AmountMismatch, false).size(), 2);
    QVERIFY(f.openReader());
    ReconBreaksModel model;
    auto tester = makeTester(&model);
    model.setReader(f.reader.get());
    model.setRun(run, u"AMOUNT_MISMATCH"_s);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.canFetchMore({}));
    const int role = ReconBreaksModel::UnderlyingDataRole;
    const auto at = [&model](int row, ReconBreaksModel::Column c) { return model.index(row, c); };

    // Row 0 is break 1 (highest id first).
    QCOMPARE(at(0, ReconBreaksModel::FlowNo).data().toString(), u"F000001"_s);
    QCOMPARE(at(0, ReconBreaksModel::ChannelTxnNo).data().toString(), u"T000001"_s);
    QCOMPARE(at(0, ReconBreaksModel::LocalAmount).data(role), QVariant(qint64(1001)));
    QCOMPARE(at(0, ReconBreaksModel::LocalAmount).data().toString(),
        DisplayText::money(Money(1001, Currency::cny())));
    QVERIFY(!at(0, ReconBreaksModel::StatementAmount).data(role).isValid());
    QCOMPARE(at(0, ReconBreaksModel::StatementAmount).data().toString(), QString());
    QCOMPARE(at(0, ReconBreaksModel::Line).data(role), QVariant(3));
    QCOMPARE(at(0, ReconBreaksModel::Line).data().toString(), u"3"_s);
    QCOMPARE(at(0, ReconBreaksModel::State).data(role).toString(), u"OPEN"_s);
    QCOMPARE(at(0, ReconBreaksModel::State).data().toString(), DisplayText::breakState(BreakState::Open));
    QCOMPARE(at(0, ReconBreaksModel::LocalStatus).data(role).toString(), u"SUCCEEDED"_s);
    QCOMPARE(at(0, ReconBreaksModel::LocalStatus).data().toString(),
        DisplayText::flowStatus(FlowStatus::Succeeded));
    QCOMPARE(at(0, ReconBreaksModel::StatementStatus).data().toString(), u"SUCCESS"_s);
    QCOMPARE(at(0, ReconBreaksModel::Detail).data().toString(), u"detail 1"_s);
    QCOMPARE(at(0, ReconBreaksModel::LocalAmount).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
        Qt::AlignRight | Qt::AlignVCenter);

    // Row 1 is break 0: both amounts, no statement line, held.
    QCOMPARE(at(1, ReconBreaksModel::StatementAmount).data(role), QVariant(qint64(1100)));
    QCOMPARE(at(1, ReconBreaksModel::StatementAmount).data().toString(),
        DisplayText::money(Money(1100, Currency::cny())));
    QVERIFY(!at(1, ReconBreaksModel::Line).data(role).isValid());
    QCOMPARE(at(1, ReconBreaksModel::Line).data().toString(), QString());
    QCOMPARE(at(1, ReconBreaksModel::State).data().toString(), DisplayText::breakState(BreakState::Held));

    QCOMPARE(model.headerData(ReconBreaksModel::FlowNo, Qt::Horizontal).toString(), u"Flow no."_s);
    QCOMPARE(model.headerData(ReconBreaksModel::StatementAmount, Qt::Horizontal).toString(),
        u"Statement amount"_s);
}

void TestReconBreaksModel::fiftyThousandBreaksBrowsable()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 run = f.insertRun();
    QList<qint64> expected = f.insertBreaks(run, 50'000, BreakCategory::MissingAtChannel, false);
    QCOMPARE(expected.size(), 50'000);
    std::reverse(expected.begin(), expected.end());
    QVERIFY(f.openReader());

    // The page's own page size: the first page is small, the rest comes by scrolling. No tester
    // here: it walks the whole model after every insert, which on 50,000 rows measures the tester
    // (fetchesEveryPageOnce runs the same calls under it).
    ReconBreaksModel model;
    model.setReader(f.reader.get());
    model.setRun(run, u"MISSING_AT_CHANNEL"_s);
    QCOMPARE(model.rowCount(), ReconReader::kDefaultPageSize);
    int fetches = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(++fetches < 50'000);
    }
    QCOMPARE(fetches, 50'000 / ReconReader::kDefaultPageSize - 1);
    QCOMPARE(model.rowCount(), 50'000);
    QCOMPARE(idsOf(model), expected);
    QCOMPARE(model.index(49'999, ReconBreaksModel::FlowNo).data().toString(), u"F000000"_s);
}

void TestReconBreaksModel::emptyWithoutRunOrReader()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 run = f.insertRun();
    QVERIFY(!f.insertBreaks(run, 3, BreakCategory::AmountMismatch, false).isEmpty());
    QVERIFY(f.openReader());
    ReconBreaksModel model;
    auto tester = makeTester(&model);
    model.setRun(run, u"AMOUNT_MISMATCH"_s);
    QCOMPARE(model.rowCount(), 0); // no reader yet
    QVERIFY(!model.canFetchMore({}));
    model.setReader(f.reader.get());
    QCOMPARE(model.rowCount(), 3);
    model.setRun(0, QString());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.setRun(run, QString()); // every category
    QCOMPARE(model.rowCount(), 3);
    model.setReader(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestReconBreaksModel)
#include "tst_reconbreaksmodel.moc"
