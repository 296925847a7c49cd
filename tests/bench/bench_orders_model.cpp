// bench_orders_model: how fast the Orders list opens and reacts on a large database.
//
//   bench_orders_model [--db FILE] [--rows N] [--repeat K] [--seed-only]
//
// Without --db it seeds N orders (default 1,000,000) into a temporary database and deletes it
// afterwards; with --db it reuses FILE, seeding it first only when it holds no orders. Prints
// one JSON object. Times are wall-clock milliseconds measured with QElapsedTimer; "first paint"
// is the moment QWidget::grab() has rendered the page, rows included.
#include "ordersmodel.h"
#include "pages/orderspage.h"
#include "store/bulkseed.h"
#include "store/database.h"
#include "store/orderlistreader.h"
#include "store/repositories.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>

using namespace pay;

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double round2(double v)
{
    return double(qRound64(v * 100)) / 100;
}

struct Stats
{
    QList<double> samples;
    QJsonObject json() const
    {
        QList<double> s = samples;
        std::sort(s.begin(), s.end());
        QJsonObject o;
        o[QStringLiteral("median_ms")] = round2(s.isEmpty() ? 0 : s.at(s.size() / 2));
        o[QStringLiteral("max_ms")] = round2(s.isEmpty() ? 0 : s.back());
        o[QStringLiteral("min_ms")] = round2(s.isEmpty() ? 0 : s.front());
        o[QStringLiteral("runs")] = int(s.size());
        return o;
    }
};

int die(const QString &message)
{
    QTextStream(stderr) << "bench_orders_model: " << message << '\n';
    return 1;
}

QString sqliteVersion(Database &db)
{
    QSqlQuery q(db.db());
    return q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next() ? q.value(0).toString() : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the Orders list on a large database."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Reuse (or create) this database."), QStringLiteral("FILE"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
        QStringLiteral("Orders to seed (default 1000000)."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
        QStringLiteral("Runs of each measurement (default 5)."), QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption seedOnlyOption(
        QStringLiteral("seed-only"), QStringLiteral("Create and seed the database, measure nothing."));
    parser.addOptions({dbOption, rowsOption, repeatOption, seedOnlyOption});
    parser.process(app);

    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    QTemporaryDir tmp;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                                                : tmp.filePath(QStringLiteral("bench-orders.sqlite"));

    QJsonObject out;
    QString sqlite;
    {
        // Seeding (or reusing) on a read-write connection that is closed before measuring.
        auto db = Database::open(path);
        if (!db)
            return die(db.error().message);
        sqlite = sqliteVersion(**db);
        TradeRepository trades(**db);
        auto existing = trades.count();
        if (!existing)
            return die(existing.error().message);
        QJsonObject seed;
        if (*existing == 0) {
            BulkSeedOptions options;
            options.count = rows;
            QElapsedTimer t;
            t.start();
            auto written = bulkSeedTradeOrders(**db, options);
            if (!written)
                return die(written.error().message);
            const double ms = msSince(t);
            seed[QStringLiteral("rows_written")] = *written;
            seed[QStringLiteral("seconds")] = round2(ms / 1000);
            seed[QStringLiteral("rows_per_second")] = qRound64(double(*written) / (ms / 1000));
            // Fold the WAL into the main file, as a database that has been in use would be.
            (void)(*db)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        } else {
            seed[QStringLiteral("reused_rows")] = *existing;
        }
        out[QStringLiteral("seed")] = seed;
    }
    out[QStringLiteral("database")] = QFileInfo(path).absoluteFilePath();
    out[QStringLiteral("database_mb")] = round2(double(QFileInfo(path).size()) / (1024 * 1024));
    if (parser.isSet(seedOnlyOption)) {
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return 0;
    }

    // 1. Open: reader + model (first page and counts) + the Orders page with its table, shown
    //    and rendered. Each run builds everything anew.
    Stats open, firstPaint;
    qint64 total = 0;
    int rowsAfterOpen = 0;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        auto reader = OrderListReader::open(path);
        if (!reader)
            return die(reader.error().message);
        ui::OrdersPage page;
        page.resize(1200, 700);
        page.setReader(std::move(*reader));
        page.show();
        open.samples.append(msSince(t));
        const QPixmap shot = page.grab();
        firstPaint.samples.append(msSince(t));
        total = page.model()->totalCount();
        rowsAfterOpen = page.model()->rowCount();
        if (shot.isNull() || rowsAfterOpen == 0)
            return die(QStringLiteral("the first page showed no rows: %1").arg(page.model()->lastError()));
    }

    auto reader = OrderListReader::open(path);
    if (!reader)
        return die(reader.error().message);
    ui::OrdersPage page;
    page.resize(1200, 700);
    page.setReader(std::move(*reader));
    page.show();
    (void)page.grab();
    ui::OrdersModel *model = page.model();
    auto *statusCombo = page.findChild<QComboBox *>(QStringLiteral("statusFilter"));

    // 2. A status filter change through the combo box, until the new rows are rendered.
    QJsonObject statusJson;
    for (int index = 1; index < statusCombo->count(); ++index) {
        Stats s;
        for (int i = 0; i < repeat; ++i) {
            statusCombo->setCurrentIndex(0);
            QElapsedTimer t;
            t.start();
            statusCombo->setCurrentIndex(index);
            (void)page.grab();
            s.samples.append(msSince(t));
        }
        QJsonObject o = s.json();
        o[QStringLiteral("matching")] = model->matchingCount().value;
        o[QStringLiteral("matching_exact")] = model->matchingCount().exact;
        statusJson[toString(TradeStatus(statusCombo->itemData(index).toInt()))] = o;
    }
    statusCombo->setCurrentIndex(0);
    out[QStringLiteral("status_filter")] = statusJson;

    // 3. Searches by order number: a day's orders (selective prefix), a month's (broad prefix),
    //    the oldest month's (far from the newest rows), a year's (nearly all), one exact number,
    //    a prefix that matches nothing, and prefixes combined with a status.
    const QString newest = model->data(model->index(0, ui::OrdersModel::OutTradeNo)).toString();
    const QString day = newest.left(10); // PD20241231
    const QString month = newest.left(8); // PD202412
    QString oldest;
    {
        auto helper = OrderListReader::open(path);
        if (!helper)
            return die(helper.error().message);
        auto first = (*helper)->page(OrderListFilter {}, 2, 1);
        if (!first || first->isEmpty())
            return die(QStringLiteral("cannot read the oldest order"));
        oldest = first->front().outTradeNo;
    }
    const QString oldMonth = oldest.left(8); // PD202401: matches far from the newest rows
    const QString year = newest.left(6); // PD2024: nearly every row
    struct Search
    {
        const char *name;
        OrderListFilter filter;
    };
    const Search searches[] = {
        {"prefix_day", OrderListFilter {{}, day, false, {}}},
        {"prefix_month", OrderListFilter {{}, month, false, {}}},
        {"prefix_oldest_month", OrderListFilter {{}, oldMonth, false, {}}},
        {"prefix_year", OrderListFilter {{}, year, false, {}}},
        {"exact", OrderListFilter {{}, newest, true, {}}},
        {"no_match", OrderListFilter {{}, QStringLiteral("NOPE"), false, {}}},
        {"prefix_day_and_refunded", OrderListFilter {{TradeStatus::Refunded}, day, false, {}}},
        {"prefix_month_and_refunded", OrderListFilter {{TradeStatus::Refunded}, month, false, {}}},
        {"prefix_oldest_month_and_refunded", OrderListFilter {{TradeStatus::Refunded}, oldMonth, false, {}}},
    };
    QJsonObject searchJson;
    for (const Search &search : searches) {
        Stats s;
        for (int i = 0; i < repeat; ++i) {
            model->setFilter(OrderListFilter {});
            QElapsedTimer t;
            t.start();
            model->setFilter(search.filter);
            (void)page.grab();
            s.samples.append(msSince(t));
        }
        QJsonObject o = s.json();
        o[QStringLiteral("text")] = search.filter.orderNo;
        o[QStringLiteral("matching")] = model->matchingCount().value;
        o[QStringLiteral("matching_exact")] = model->matchingCount().exact;
        o[QStringLiteral("rows_shown")] = model->rowCount();
        searchJson[QString::fromLatin1(search.name)] = o;
    }
    model->setFilter(OrderListFilter {});
    out[QStringLiteral("search")] = searchJson;

    // 4. Scrolling: fetchMore of the next page, 50 pages deep (10,000 rows).
    Stats fetch;
    for (int i = 0; i < 50 && model->canFetchMore(QModelIndex()); ++i) {
        QElapsedTimer t;
        t.start();
        model->fetchMore(QModelIndex());
        fetch.samples.append(msSince(t));
    }
    QJsonObject fetchJson = fetch.json();
    fetchJson[QStringLiteral("rows_loaded")] = model->rowCount();
    out[QStringLiteral("fetch_more_page")] = fetchJson;

    // 5. The oldest page, read directly: keyset paging costs the same at any depth.
    {
        auto deepReader = OrderListReader::open(path);
        if (!deepReader)
            return die(deepReader.error().message);
        Stats deep;
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer t;
            t.start();
            auto oldestPage = (*deepReader)
                                  ->page(OrderListFilter {}, OrderListReader::kDefaultPageSize + 1,
                                      OrderListReader::kDefaultPageSize);
            deep.samples.append(msSince(t));
            if (!oldestPage)
                return die(oldestPage.error().message);
        }
        out[QStringLiteral("oldest_page_read")] = deep.json();
    }

    out[QStringLiteral("orders")] = total;
    out[QStringLiteral("rows_after_open")] = rowsAfterOpen;
    out[QStringLiteral("open")] = open.json();
    out[QStringLiteral("open_to_first_paint")] = firstPaint.json();
    QJsonObject machine;
    machine[QStringLiteral("os")] = QSysInfo::prettyProductName();
    machine[QStringLiteral("cpu_cores")] = QThread::idealThreadCount();
    machine[QStringLiteral("qt")] = QString::fromLatin1(qVersion());
    machine[QStringLiteral("compiler")] = QStringLiteral("g++ " __VERSION__);
    machine[QStringLiteral("sqlite")] = sqlite;
    machine[QStringLiteral("platform")] = QGuiApplication::platformName();
    out[QStringLiteral("machine")] = machine;
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
