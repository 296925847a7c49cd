#include "displaytext.h"
#include "ordersmodel.h"
#include "store/bulkseed.h"
#include "store/repositories.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace pay;
using pay::ui::OrdersModel;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kCreatedMs = 1'710'511'509'000; // 2024-03-15T14:05:09Z

TradeOrder makeTrade(const QString &no, qint64 amount, TradeStatus status)
{
    TradeOrder t;
    t.merchantId = u"M300"_s;
    t.outTradeNo = no;
    t.subject = u"Oolong tea"_s;
    t.amount = Money(amount, Currency::cny());
    t.status = status;
    t.expiresAtMs = kCreatedMs + 900'000;
    t.createdAtMs = kCreatedMs;
    t.updatedAtMs = kCreatedMs + 5000;
    return t;
}

// A fresh database per test, with a writer the test keeps open beside the model's reader.
struct Fixture
{
    test::TempDb tmp;
    std::unique_ptr<Database> writer;

    bool open()
    {
        auto db = Database::open(tmp.path());
        if (!db)
            return false;
        writer = std::move(*db);
        return true;
    }
    bool seed(qint64 rows)
    {
        BulkSeedOptions options;
        options.count = rows;
        options.spanMs = 3LL * 24 * 3600 * 1000;
        return bulkSeedTradeOrders(*writer, options).has_value();
    }
    std::unique_ptr<OrderListReader> reader()
    {
        auto r = OrderListReader::open(tmp.path());
        return r ? std::move(*r) : nullptr;
    }
    qint64 countWhere(const QString &condition, const QVariantList &values)
    {
        QSqlQuery q(writer->db());
        q.prepare(u"SELECT count(*) FROM trade_orders WHERE "_s + condition);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
};

// Every test wraps the model in the tester. The tester's own fetchMore() is off: in Qt 6.4 it
// fetches from inside its modelReset handler, before it has marked the reset finished, and then
// reports the (legal) rowsInserted as a change during a reset. The tests fetch explicitly.
std::unique_ptr<QAbstractItemModelTester> makeTester(OrdersModel *model)
{
    auto tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester->setUseFetchMore(false);
    return tester;
}

void fetchAll(OrdersModel &model)
{
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
}

} // namespace

class TestOrdersModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyWithoutReader();
    void fetchesLazilyPageByPage();
    void filtersByStatus_data();
    void filtersByStatus();
    void searchesByOrderNumber_data();
    void searchesByOrderNumber();
    void rawRoleCarriesValues();
    void displayRoleFormats();
    void reloadPicksUpNewOrders();
};

void TestOrdersModel::emptyWithoutReader()
{
    OrdersModel model;
    const auto tester = makeTester(&model);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(OrdersModel::ColumnCount));
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QVERIFY(!model.hasReader());
    QCOMPARE(model.totalCount(), 0);
}

void TestOrdersModel::fetchesLazilyPageByPage()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.seed(450));

    OrdersModel model;
    const auto tester = makeTester(&model);
    model.setPageSize(200);
    QSignalSpy reloaded(&model, &OrdersModel::reloaded);
    QSignalSpy inserted(&model, &OrdersModel::rowsInserted);
    model.setReader(f.reader());
    QCOMPARE(reloaded.count(), 1);

    // One page after opening, whatever the size of the table.
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.totalCount(), 450);
    QCOMPARE(model.matchingCount().value, 450);
    QVERIFY(model.canFetchMore(QModelIndex()));

    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 400);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 450);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex()); // nothing left: no change, no signal
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 200); // first new row
    QCOMPARE(inserted.at(0).at(2).toInt(), 399); // last new row

    // Newest first, no row twice.
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.index(row, 0).data(OrdersModel::TradeIdRole).toLongLong();
        QVERIFY(id < previous);
        previous = id;
    }
}

void TestOrdersModel::filtersByStatus_data()
{
    QTest::addColumn<TradeStatus>("status");
    for (TradeStatus s : kAllTradeStatuses) {
        if (s == TradeStatus::Closing)
            continue; // the bulk seed writes no CLOSING order: a close lasts as long as a channel reply
        QTest::addRow("%s", qPrintable(toString(s))) << s;
    }
}

void TestOrdersModel::filtersByStatus()
{
    QFETCH(TradeStatus, status);
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.seed(1200));
    const qint64 expected = f.countWhere(u"status = ?"_s, {toString(status)});
    QVERIFY(expected > 0);

    OrdersModel model;
    model.setPageSize(40);
    const auto tester = makeTester(&model);
    model.setReader(f.reader());
    QSignalSpy resets(&model, &OrdersModel::modelReset);
    model.setFilter(OrderListFilter {{status}, {}, false, {}});
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), std::min<qint64>(40, expected)); // a page, not everything
    QCOMPARE(model.matchingCount().value, expected);
    QVERIFY(model.matchingCount().exact);
    QCOMPARE(model.totalCount(), 1200);

    fetchAll(model);
    QCOMPARE(model.rowCount(), expected);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(toString(model.index(row, OrdersModel::Status)
                              .data(OrdersModel::UnderlyingDataRole)
                              .value<TradeStatus>()),
            toString(status));

    // The same filter again changes nothing.
    model.setFilter(OrderListFilter {{status}, {}, false, {}});
    QCOMPARE(resets.count(), 1);
    // Back to every state.
    model.setFilter(OrderListFilter {});
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.matchingCount().value, 1200);
}

void TestOrdersModel::searchesByOrderNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<QList<TradeStatus>>("statuses");
    QTest::addColumn<QStringList>("expected"); // newest first

    QTest::addRow("prefix") << u"A-10"_s << false << QList<TradeStatus> {}
                            << QStringList {u"A-1002"_s, u"A-1001"_s};
    QTest::addRow("prefix, one letter") << u"A"_s << false << QList<TradeStatus> {}
                                        << QStringList {u"A-2000"_s, u"A-1100"_s, u"A-1002"_s, u"A-1001"_s};
    QTest::addRow("exact") << u"A-1001"_s << true << QList<TradeStatus> {} << QStringList {u"A-1001"_s};
    QTest::addRow("exact needs the whole number")
        << u"A-10"_s << true << QList<TradeStatus> {} << QStringList {};
    QTest::addRow("case matters") << u"a-10"_s << false << QList<TradeStatus> {} << QStringList {};
    QTest::addRow("prefix and state")
        << u"A"_s << false << QList<TradeStatus> {TradeStatus::Closed} << QStringList {u"A-1100"_s};
    QTest::addRow("chinese") << u"订单"_s << false << QList<TradeStatus> {} << QStringList {u"订单-7"_s};
    QTest::addRow("nothing") << u"ZZZ"_s << false << QList<TradeStatus> {} << QStringList {};
}

void TestOrdersModel::searchesByOrderNumber()
{
    QFETCH(QString, text);
    QFETCH(bool, exact);
    QFETCH(QList<TradeStatus>, statuses);
    QFETCH(QStringList, expected);

    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.seed(300)); // PD... numbers around them
    TradeRepository trades(*f.writer);
    const std::pair<const char16_t *, TradeStatus> orders[] = {
        {u"A-1001", TradeStatus::Paid},
        {u"A-1002", TradeStatus::Created},
        {u"B-1001", TradeStatus::Paid},
        {u"A-1100", TradeStatus::Closed},
        {u"订单-7", TradeStatus::Paid},
        {u"A-2000", TradeStatus::Refunded},
    };
    for (const auto &[no, status] : orders) {
        TradeOrder t = makeTrade(QString::fromUtf16(no), 1000, status);
        QVERIFY(trades.insert(t));
    }

    OrdersModel model;
    const auto tester = makeTester(&model);
    model.setReader(f.reader());
    model.setFilter(OrderListFilter {statuses, text, exact, {}});
    fetchAll(model);
    QStringList got;
    for (int row = 0; row < model.rowCount(); ++row)
        got << model.index(row, OrdersModel::OutTradeNo).data().toString();
    QCOMPARE(got, expected);
    QCOMPARE(model.matchingCount().value, expected.size());
    QVERIFY(model.lastError().isEmpty());
}

void TestOrdersModel::rawRoleCarriesValues()
{
    Fixture f;
    QVERIFY(f.open());
    TradeRepository trades(*f.writer);
    TradeOrder t = makeTrade(u"RAW-1"_s, 1230, TradeStatus::PartiallyRefunded);
    t.paidMinor = 1230;
    t.refundedMinor = 230;
    QVERIFY(trades.insert(t));

    OrdersModel model;
    const auto tester = makeTester(&model);
    model.setReader(f.reader());
    QCOMPARE(model.rowCount(), 1);
    auto raw = [&](int column) { return model.index(0, column).data(OrdersModel::UnderlyingDataRole); };

    QCOMPARE(raw(OrdersModel::OutTradeNo).toString(), u"RAW-1"_s);
    QCOMPARE(raw(OrdersModel::Amount).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(raw(OrdersModel::Amount).toLongLong(), 1230);
    QCOMPARE(raw(OrdersModel::Paid).toLongLong(), 1230);
    QCOMPARE(raw(OrdersModel::Refunded).toLongLong(), 230);
    QCOMPARE(
        toString(raw(OrdersModel::Status).value<TradeStatus>()), toString(TradeStatus::PartiallyRefunded));
    QCOMPARE(raw(OrdersModel::CreatedAt).metaType(), QMetaType::fromType<QDateTime>());
    QCOMPARE(raw(OrdersModel::CreatedAt).toDateTime(), QDateTime::fromMSecsSinceEpoch(kCreatedMs));
    QCOMPARE(raw(OrdersModel::UpdatedAt).toDateTime(), QDateTime::fromMSecsSinceEpoch(kCreatedMs + 5000));
    QCOMPARE(raw(OrdersModel::Merchant).toString(), u"M300"_s);
    QCOMPARE(model.index(0, 0).data(OrdersModel::TradeIdRole).toLongLong(), t.id);
    QCOMPARE(model.index(0, 0).data(OrdersModel::FrozenRole).toBool(), false);
}

void TestOrdersModel::displayRoleFormats()
{
    Fixture f;
    QVERIFY(f.open());
    TradeRepository trades(*f.writer);
    TradeOrder paid = makeTrade(u"FMT-1"_s, 123456, TradeStatus::Paid);
    paid.paidMinor = 123456;
    QVERIFY(trades.insert(paid));
    TradeOrder frozen = makeTrade(u"FMT-2"_s, 1230, TradeStatus::Paid);
    frozen.paidMinor = 1230;
    QVERIFY(trades.insert(frozen));
    QVERIFY(trades.freeze(frozen, u"Callback amount differs"_s, kCreatedMs + 10'000));

    OrdersModel model;
    const auto tester = makeTester(&model);
    model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    model.setReader(f.reader());
    QCOMPARE(model.rowCount(), 2);
    auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };

    // Newest first: the frozen order is row 0.
    QCOMPARE(text(0, OrdersModel::OutTradeNo), u"FMT-2"_s);
    QCOMPARE(text(0, OrdersModel::Amount), u"¥12.30"_s);
    QCOMPARE(text(0, OrdersModel::Status), u"Paid (frozen)"_s);
    QVERIFY(model.index(0, OrdersModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Callback amount differs"_s));
    QCOMPARE(model.index(0, 0).data(OrdersModel::FrozenRole).toBool(), true);
    QVERIFY(!model.index(0, OrdersModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.index(1, OrdersModel::Status).data(Qt::DecorationRole).isValid());
    QCOMPARE(text(1, OrdersModel::Amount), u"¥1,234.56"_s);
    QCOMPARE(text(1, OrdersModel::Paid), u"¥1,234.56"_s);
    QCOMPARE(text(1, OrdersModel::Refunded), QString()); // nothing refunded: an empty cell
    QCOMPARE(model.index(1, OrdersModel::Refunded).data(OrdersModel::UnderlyingDataRole).toLongLong(), 0);
    QCOMPARE(text(1, OrdersModel::Status), u"Paid"_s);
    QCOMPARE(text(1, OrdersModel::CreatedAt),
        QDateTime::fromMSecsSinceEpoch(kCreatedMs).toString(u"yyyy-MM-dd HH:mm:ss"_s));

    const auto alignment = [&](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt())
            & Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(alignment(OrdersModel::Amount), Qt::AlignRight);
    QCOMPARE(alignment(OrdersModel::Paid), Qt::AlignRight);
    QCOMPARE(alignment(OrdersModel::Refunded), Qt::AlignRight);
    QCOMPARE(alignment(OrdersModel::Subject), Qt::AlignLeft);

    QCOMPARE(model.headerData(OrdersModel::Amount, Qt::Horizontal).toString(), u"Amount"_s);
    QCOMPARE(model.headerData(OrdersModel::OutTradeNo, Qt::Horizontal).toString(), u"Order no."_s);

    // Another locale formats the same minor units with its own separators.
    QSignalSpy changed(&model, &OrdersModel::dataChanged);
    model.setLocale(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(text(1, OrdersModel::Amount), u"¥1.234,56"_s);
}

void TestOrdersModel::reloadPicksUpNewOrders()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.seed(10));
    OrdersModel model;
    const auto tester = makeTester(&model);
    model.setReader(f.reader());
    QCOMPARE(model.rowCount(), 10);

    TradeRepository trades(*f.writer);
    TradeOrder t = makeTrade(u"NEW-1"_s, 500, TradeStatus::Created);
    QVERIFY(trades.insert(t));
    QCOMPARE(model.rowCount(), 10); // rows stay until asked
    QSignalSpy reloaded(&model, &OrdersModel::reloaded);
    model.reload();
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.totalCount(), 11);
    QCOMPARE(model.index(0, OrdersModel::OutTradeNo).data().toString(), u"NEW-1"_s);
}

QTEST_MAIN(TestOrdersModel)
#include "tst_ordersmodel.moc"
