#include "store/bulkseed.h"
#include "store/orderlistreader.h"
#include "store/repositories.h"
#include "store/transaction.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

using namespace pay;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr int kPage = 50;

struct Reference
{
    qint64 id;
    QString outTradeNo;
    TradeStatus status;
    QStringList channels; // of the order's flows
};

bool matches(const Reference &r, const OrderListFilter &f)
{
    if (!f.statuses.isEmpty() && !f.statuses.contains(r.status))
        return false;
    if (!f.channel.isEmpty() && !r.channels.contains(f.channel))
        return false;
    if (f.orderNo.isEmpty())
        return true;
    return f.exactOrderNo ? r.outTradeNo == f.orderNo : r.outTradeNo.startsWith(f.orderNo);
}

TradeOrder makeTrade(const QString &no, TradeStatus status = TradeStatus::Paid)
{
    TradeOrder t;
    t.merchantId = QStringLiteral("M200");
    t.outTradeNo = no;
    t.subject = QStringLiteral("Test item");
    t.amount = Money(1230, Currency::cny());
    t.status = status;
    t.expiresAtMs = 2'000'000'000'000;
    t.createdAtMs = t.updatedAtMs = 1'800'000'000'000;
    return t;
}

} // namespace

class TestOrderListReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesMatchAReferenceScan_data();
    void pagesMatchAReferenceScan();
    void countsAreExactUpToTheCap();
    void readsBesideAnOpenWriteTransaction();
    void refusesAMissingFile();

private:
    QList<Reference> reference();
    std::unique_ptr<OrderListReader> openReader();

    test::TempDb m_tmp;
    std::unique_ptr<Database> m_writer;
    QString m_newestDay;
    QString m_oldestDay;
    QString m_month;
    QString m_someNumber;
};

void TestOrderListReader::initTestCase()
{
    auto db = Database::open(m_tmp.path());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_writer = std::move(*db);

    BulkSeedOptions options;
    options.count = 3000;
    options.startMs = 1'718'409'600'000; // 2024-06-15
    options.spanMs = 10 * kDayMs;
    options.rowsPerTransaction = 700;
    auto written = bulkSeedTradeOrders(*m_writer, options);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QCOMPARE(*written, 3000);

    // Order numbers that test the prefix bounds: non-ASCII, the code points around the surrogate
    // range, and a character beyond the BMP.
    TradeRepository trades(*m_writer);
    for (const QString &no : {QStringLiteral("订单-001"), QStringLiteral("订单-002"),
             QStringLiteral("订单甲-1"), QStringLiteral("X\uD7FF1"), QStringLiteral("X\uE000"),
             QString(QStringLiteral("X") + QString::fromUcs4(U"\U00010000") + QStringLiteral("1")),
             QString(QStringLiteral("X") + QString::fromUcs4(U"\U00010001")), QStringLiteral("Y")}) {
        TradeOrder t = makeTrade(no);
        QVERIFY(trades.insert(t));
    }

    // Flows on a few channels, independent of the order number and state: a card flow on every
    // third order, a wallet flow on every fifth (so some orders have both), and QR B on orders
    // 2,000 to 2,003 only (rare: the walk must go deep to fill a page).
    for (const QString &sql : {
             QStringLiteral("INSERT INTO payment_orders (id, payment_no, trade_id, amount, currency, status,"
                            " created_at, updated_at) SELECT id, 'P' || id, id, amount, currency, 'SUCCEEDED',"
                            " created_at, updated_at FROM trade_orders"),
             QStringLiteral("INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
                            " currency, status, created_at, updated_at) SELECT 'FC' || id, id, id, 1, 'card', 'card',"
                            " amount, currency, 'SUCCEEDED', created_at, updated_at FROM trade_orders WHERE id % 3 = 0"),
             QStringLiteral("INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
                            " currency, status, created_at, updated_at) SELECT 'FW' || id, id, id, 2, 'wallet', 'wallet',"
                            " amount, currency, 'FAILED', created_at, updated_at FROM trade_orders WHERE id % 5 = 0"),
             QStringLiteral("INSERT INTO payment_flows (flow_no, payment_id, trade_id, seq, method, channel, amount,"
                            " currency, status, created_at, updated_at) SELECT 'FQ' || id, id, id, 3, 'qr', 'qr_b',"
                            " amount, currency, 'SUCCEEDED', created_at, updated_at FROM trade_orders"
                            " WHERE id BETWEEN 2000 AND 2003")}) {
        auto done = m_writer->exec(sql);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    }

    const QList<Reference> all = reference();
    QCOMPARE(all.size(), 3008);
    m_newestDay = QStringLiteral("PD20240624");
    m_oldestDay = QStringLiteral("PD20240615");
    m_month = QStringLiteral("PD202406");
    m_someNumber = all.at(1500).outTradeNo;
    QVERIFY(std::any_of(
        all.begin(), all.end(), [&](const Reference &r) { return r.outTradeNo.startsWith(m_oldestDay); }));
    QVERIFY(std::any_of(
        all.begin(), all.end(), [&](const Reference &r) { return r.outTradeNo.startsWith(m_newestDay); }));
}

QList<Reference> TestOrderListReader::reference()
{
    QList<Reference> out;
    QSqlQuery q(m_writer->db());
    if (!q.exec(QStringLiteral("SELECT id, out_trade_no, status, (SELECT group_concat(channel) FROM payment_flows f"
                               " WHERE f.trade_id = t.id) FROM trade_orders t ORDER BY id DESC")))
        return out;
    while (q.next()) {
        Reference r {q.value(0).toLongLong(), q.value(1).toString(), TradeStatus::Created,
            q.value(3).toString().split(u',', Qt::SkipEmptyParts)};
        fromString(q.value(2).toString(), r.status);
        out.append(r);
    }
    return out;
}

std::unique_ptr<OrderListReader> TestOrderListReader::openReader()
{
    auto reader = OrderListReader::open(m_tmp.path());
    if (!reader)
        return nullptr;
    // Small thresholds so that a few thousand rows reach every plan: the window, the id sort
    // and the scan.
    (*reader)->setTuning(OrderListReader::Tuning {500, 400});
    return std::move(*reader);
}

void TestOrderListReader::pagesMatchAReferenceScan_data()
{
    QTest::addColumn<OrderListFilter>("filter");
    auto add = [](const char *name, QList<TradeStatus> statuses, const QString &no, bool exact) {
        QTest::addRow("%s", name) << OrderListFilter {statuses, no, exact, {}};
    };
    add("everything", {}, {}, false);
    for (TradeStatus s : kAllTradeStatuses)
        QTest::addRow("status %s", qPrintable(toString(s))) << OrderListFilter {{s}, {}, false, {}};
    add("paid or closed", {TradeStatus::Paid, TradeStatus::Closed}, {}, false);
    add("newest day (window)", {}, QStringLiteral("PD20240624"), false);
    add("oldest day (id sort)", {}, QStringLiteral("PD20240615"), false);
    add("oldest day, paid (id sort)", {TradeStatus::Paid}, QStringLiteral("PD20240615"), false);
    add("month (scan)", {}, QStringLiteral("PD202406"), false);
    add("month, refunded (scan)", {TradeStatus::Refunded}, QStringLiteral("PD202406"), false);
    add("month, two statuses (scan)", {TradeStatus::Created, TradeStatus::Paying}, QStringLiteral("PD202406"),
        false);
    add("no match", {}, QStringLiteral("NOPE"), false);
    add("exact", {}, QStringLiteral("订单-001"), true);
    add("exact, other status", {TradeStatus::Closed}, QStringLiteral("订单-001"), true);
    add("exact is not a prefix", {}, QStringLiteral("订单-00"), true);
    add("chinese prefix", {}, QStringLiteral("订单-"), false);
    add("chinese prefix, longer", {}, QStringLiteral("订单"), false);
    add("prefix ending before the surrogates", {}, QStringLiteral("X\uD7FF"), false);
    add("prefix ending beyond the BMP", {}, QString(QStringLiteral("X") + QString::fromUcs4(U"\U00010000")),
        false);
    add("prefix X", {}, QStringLiteral("X"), false);
    auto addChannel = [](const char *name, QList<TradeStatus> statuses, const QString &no, bool exact,
                          const QString &channel) {
        QTest::addRow("%s", name) << OrderListFilter {statuses, no, exact, channel};
    };
    addChannel("channel card", {}, {}, false, QStringLiteral("card"));
    addChannel("channel wallet, paid", {TradeStatus::Paid}, {}, false, QStringLiteral("wallet"));
    addChannel("channel card, two statuses", {TradeStatus::Paid, TradeStatus::Closed}, {}, false,
        QStringLiteral("card"));
    addChannel("channel qr_b (rare)", {}, {}, false, QStringLiteral("qr_b"));
    addChannel("channel nobody used", {}, {}, false, QStringLiteral("qr_a"));
    addChannel("channel card, newest day (window)", {}, QStringLiteral("PD20240624"), false,
        QStringLiteral("card"));
    addChannel("channel wallet, oldest day (id sort)", {}, QStringLiteral("PD20240615"), false,
        QStringLiteral("wallet"));
    addChannel("channel card, month (scan)", {TradeStatus::Refunded}, QStringLiteral("PD202406"), false,
        QStringLiteral("card"));
}

void TestOrderListReader::pagesMatchAReferenceScan()
{
    QFETCH(OrderListFilter, filter);
    auto reader = openReader();
    QVERIFY(reader);

    QList<qint64> expected;
    for (const Reference &r : reference()) {
        if (matches(r, filter))
            expected.append(r.id);
    }
    if (filter.channel == QStringLiteral("qr_b"))
        QCOMPARE(expected.size(), 4);
    else if (!filter.channel.isEmpty() && filter.channel != QStringLiteral("qr_a") && filter.orderNo.isEmpty())
        QVERIFY(expected.size() > kPage); // the filter pages

    QList<qint64> got;
    qint64 before = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = reader->page(filter, before, kPage);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        for (const OrderListRow &row : *page)
            got.append(row.id);
        if (page->size() < kPage)
            break;
        before = page->back().id;
    }
    QCOMPARE(got, expected);

    auto n = reader->count(filter, 1'000'000);
    QVERIFY(n);
    QCOMPARE(n->value, expected.size());
    QVERIFY(n->exact);
}

void TestOrderListReader::countsAreExactUpToTheCap()
{
    auto reader = openReader();
    QVERIFY(reader);
    auto total = reader->totalCount();
    QVERIFY(total);
    QCOMPARE(*total, 3008);

    const OrderListFilter paid {{TradeStatus::Paid}, {}, false, {}};
    auto exact = reader->count(paid, 1'000'000);
    QVERIFY(exact);
    QVERIFY(exact->exact);
    QVERIFY(exact->value > 10);
    auto capped = reader->count(paid, 10);
    QVERIFY(capped);
    QCOMPARE(capped->value, 10);
    QVERIFY(!capped->exact);
    auto atCap = reader->count(paid, exact->value);
    QVERIFY(atCap);
    QCOMPARE(atCap->value, exact->value);
    QVERIFY(atCap->exact);

    OrderListFilter card;
    card.channel = QStringLiteral("card");
    auto cards = reader->count(card, 1'000'000);
    QVERIFY(cards);
    QCOMPARE(cards->value, 3008 / 3); // every third id has a card flow
    QVERIFY(cards->exact);
    auto cappedCards = reader->count(card, 10);
    QVERIFY(cappedCards);
    QCOMPARE(cappedCards->value, 10);
    QVERIFY(!cappedCards->exact);
}

void TestOrderListReader::readsBesideAnOpenWriteTransaction()
{
    auto reader = openReader();
    QVERIFY(reader);
    auto before = reader->totalCount();
    QVERIFY(before);

    TradeRepository trades(*m_writer);
    {
        TransactionGuard tx(*m_writer);
        QVERIFY(tx.begun());
        TradeOrder t = makeTrade(QStringLiteral("UNCOMMITTED-1"));
        QVERIFY(trades.insert(t));

        // WAL: the reader neither waits for the writer's lock nor sees its uncommitted row.
        QElapsedTimer timer;
        timer.start();
        auto page = reader->page(OrderListFilter {}, 0, kPage);
        QVERIFY(page);
        QVERIFY2(timer.elapsed() < 1000, "the reader waited for the writer");
        QVERIFY(page->front().outTradeNo != QStringLiteral("UNCOMMITTED-1"));
        QCOMPARE(*reader->totalCount(), *before);
        QVERIFY(tx.commit());
    }
    auto page = reader->page(OrderListFilter {}, 0, kPage);
    QVERIFY(page);
    QCOMPARE(page->front().outTradeNo, QStringLiteral("UNCOMMITTED-1"));
    QCOMPARE(*reader->totalCount(), *before + 1);
}

void TestOrderListReader::refusesAMissingFile()
{
    auto reader = OrderListReader::open(m_tmp.filePath(QStringLiteral("missing.sqlite")));
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("missing.sqlite"))));
}

QTEST_GUILESS_MAIN(TestOrderListReader)
#include "tst_orderlistreader.moc"
