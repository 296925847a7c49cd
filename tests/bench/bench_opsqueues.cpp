// bench_opsqueues: how fast each work queue counts, pages, searches and exports on a large
// database, plainly and filtered + sorted (channel card, older than a day, 1.00 to 500.00,
// largest amount first).
//
//   bench_opsqueues --db FILE [--search ID]
//
// FILE must already hold data: tests/bench/opsqueues_db.sql makes a million orders with their
// flows, refunds and breaks.
// Prints one JSON object; times are wall-clock milliseconds measured with QElapsedTimer.
#include "store/opsqueues.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace pay;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database FILE."), QStringLiteral("FILE"));
    const QCommandLineOption searchOption(QStringLiteral("search"), QStringLiteral("An id to search for."),
                                          QStringLiteral("ID"));
    const QCommandLineOption settledOption(QStringLiteral("include-settled"),
                                           QStringLiteral("Closed-but-paid and duplicate queues with their refunded cases too."));
    parser.addOption(dbOption);
    parser.addOption(searchOption);
    parser.addOption(settledOption);
    parser.process(app);
    auto reader = OpsQueueReader::open(parser.value(dbOption));
    if (!reader) {
        QTextStream(stderr) << reader.error().message << '\n';
        return 1;
    }
    QJsonObject out;
    for (int i = 0; i < kOpsQueueCount; ++i) {
        const auto queue = OpsQueue(i);
        OpsQueueFilter filter;
        filter.nowMs = QDateTime::currentMSecsSinceEpoch();
        filter.includeSettled = parser.isSet(settledOption);
        QJsonObject q;
        QElapsedTimer t;
        t.start();
        const qint64 count = (*reader)->count(queue, filter).value_or(-1);
        q[QStringLiteral("count")] = count;
        q[QStringLiteral("count_ms")] = double(t.nsecsElapsed()) / 1e6;
        t.restart();
        auto first = (*reader)->page(queue, filter, nullptr, OpsQueueReader::kDefaultPageSize);
        q[QStringLiteral("first_page_ms")] = double(t.nsecsElapsed()) / 1e6;
        if (first && !first->isEmpty()) {
            t.restart();
            (void)(*reader)->page(queue, filter, &first->back(), OpsQueueReader::kDefaultPageSize);
            q[QStringLiteral("second_page_ms")] = double(t.nsecsElapsed()) / 1e6;
        }
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        t.restart();
        q[QStringLiteral("export_rows")] = (*reader)->exportCsv(queue, filter, sink).value_or(-1);
        q[QStringLiteral("export_ms")] = double(t.nsecsElapsed()) / 1e6;
        {
            OpsQueueFilter sorted = filter;
            sorted.channel = QStringLiteral("card");
            sorted.olderThanMs = 24LL * 3600 * 1000;
            sorted.minAmountMinor = 100;
            sorted.maxAmountMinor = 50'000;
            sorted.sortBy = OpsQueueSort::Amount;
            sorted.descending = true;
            QJsonObject f;
            t.restart();
            f[QStringLiteral("count")] = (*reader)->count(queue, sorted).value_or(-1);
            f[QStringLiteral("count_ms")] = double(t.nsecsElapsed()) / 1e6;
            t.restart();
            auto page = (*reader)->page(queue, sorted, nullptr, OpsQueueReader::kDefaultPageSize);
            f[QStringLiteral("first_page_ms")] = double(t.nsecsElapsed()) / 1e6;
            // Deep in the list: the cursor of the 25th page.
            for (int n = 0; n < 24 && page && page->size() == OpsQueueReader::kDefaultPageSize; ++n) {
                const OpsQueueRow last = page->back();
                t.restart();
                page = (*reader)->page(queue, sorted, &last, OpsQueueReader::kDefaultPageSize);
                if (n == 0 || n == 23)
                    f[QStringLiteral("page_%1_ms").arg(n + 2)] = double(t.nsecsElapsed()) / 1e6;
            }
            QBuffer sortedSink;
            sortedSink.open(QIODevice::WriteOnly);
            t.restart();
            f[QStringLiteral("export_rows")] = (*reader)->exportCsv(queue, sorted, sortedSink).value_or(-1);
            f[QStringLiteral("export_ms")] = double(t.nsecsElapsed()) / 1e6;
            q[QStringLiteral("filtered_sorted")] = f;
        }
        if (parser.isSet(searchOption)) {
            filter.search = parser.value(searchOption);
            t.restart();
            q[QStringLiteral("search_rows")] = qint64((*reader)->page(queue, filter, nullptr, 200).value_or(QList<OpsQueueRow>()).size());
            q[QStringLiteral("search_ms")] = double(t.nsecsElapsed()) / 1e6;
        }
        out[toString(queue)] = q;
    }
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
