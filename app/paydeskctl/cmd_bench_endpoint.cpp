// paydeskctl bench endpoint: the status endpoint in-process on its own (core) thread, polled
// over loopback by client threads with raw keep-alive POSIX sockets (one blocking connection
// per thread, closed loop: send a poll, read the whole answer, send the next). Two phases:
// plain polls (200 + the snapshot) and conditional polls (If-None-Match = current ETag, 304).
// Prints polls/s, latency percentiles and the endpoint's own counters, including the polls
// that touched the database or a channel.
#include "cliutil.h"
#include "commands.h"

#include "cache/statuscache.h"
#include "cache/statusendpoint.h"
#include "engine/paymentcore.h"
#include "sim/clock.h"

#include <QJsonArray>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pay::cli {

namespace {

using SteadyClock = std::chrono::steady_clock;

struct ClientResult
{
    std::vector<quint32> latencyUs;
    quint64 polls = 0;
    quint64 errors = 0;
};

// Reads one HTTP response (headers + Content-Length body) from a blocking socket; returns the
// status code, 0 on error. `buffer` keeps bytes of a following response (none in a closed loop).
int readResponse(int fd, std::string &buffer)
{
    for (;;) {
        const size_t end = buffer.find("\r\n\r\n");
        if (end != std::string::npos) {
            size_t length = 0;
            size_t cl = buffer.find("Content-Length:");
            if (cl == std::string::npos)
                cl = buffer.find("content-length:");
            if (cl != std::string::npos && cl < end)
                length = std::strtoul(buffer.c_str() + cl + 15, nullptr, 10);
            if (buffer.size() >= end + 4 + length) {
                const int status = std::atoi(buffer.c_str() + 9);
                buffer.erase(0, end + 4 + length);
                return status;
            }
        }
        char chunk[16384];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return 0;
        buffer.append(chunk, size_t(n));
    }
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

struct Phase
{
    QString name;
    double pollsPerSecond = 0;
    double p50Ms = 0, p90Ms = 0, p99Ms = 0, maxMs = 0;
    quint64 polls = 0, errors = 0;
};

Phase runPhase(const QString &name, quint16 port, const std::vector<std::string> &requests, int connections,
               double seconds, double warmupSeconds)
{
    std::atomic<bool> measuring{false};
    std::atomic<bool> stop{false};
    std::vector<ClientResult> results(static_cast<size_t>(connections));
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            ClientResult &r = results[size_t(c)];
            r.latencyUs.reserve(2'000'000);
            const int fd = connectTo(port);
            if (fd < 0) {
                ++r.errors;
                return;
            }
            std::string buffer;
            size_t i = size_t(c);
            while (!stop.load(std::memory_order_relaxed)) {
                const std::string &req = requests[i++ % requests.size()];
                const auto t0 = SteadyClock::now();
                if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != ssize_t(req.size())) {
                    ++r.errors;
                    break;
                }
                const int status = readResponse(fd, buffer);
                const auto t1 = SteadyClock::now();
                if (status != 200 && status != 304) {
                    ++r.errors;
                    if (status == 0)
                        break;
                }
                if (measuring.load(std::memory_order_relaxed)) {
                    ++r.polls;
                    r.latencyUs.push_back(
                        quint32(std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count()));
                }
            }
            ::close(fd);
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(warmupSeconds));
    measuring = true;
    const auto start = SteadyClock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    measuring = false;
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start).count();
    stop = true;
    for (auto &t : threads)
        t.join();

    Phase p;
    p.name = name;
    std::vector<quint32> all;
    for (const ClientResult &r : results) {
        p.polls += r.polls;
        p.errors += r.errors;
        all.insert(all.end(), r.latencyUs.begin(), r.latencyUs.end());
    }
    std::sort(all.begin(), all.end());
    const auto pct = [&all](double q) {
        return all.empty() ? 0.0 : all[std::min(all.size() - 1, size_t(q * double(all.size())))] / 1000.0;
    };
    p.pollsPerSecond = double(p.polls) / elapsed;
    p.p50Ms = pct(0.50);
    p.p90Ms = pct(0.90);
    p.p99Ms = pct(0.99);
    p.maxMs = all.empty() ? 0 : all.back() / 1000.0;
    return p;
}

QJsonObject toJson(const Phase &p)
{
    return QJsonObject{{QStringLiteral("phase"), p.name},
                       {QStringLiteral("polls"), qint64(p.polls)},
                       {QStringLiteral("polls_per_s"), qRound64(p.pollsPerSecond)},
                       {QStringLiteral("p50_ms"), qRound(p.p50Ms * 1000) / 1000.0},
                       {QStringLiteral("p90_ms"), qRound(p.p90Ms * 1000) / 1000.0},
                       {QStringLiteral("p99_ms"), qRound(p.p99Ms * 1000) / 1000.0},
                       {QStringLiteral("max_ms"), qRound(p.maxMs * 1000) / 1000.0},
                       {QStringLiteral("errors"), qint64(p.errors)}};
}

} // namespace

int benchEndpoint(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Poll the status endpoint over loopback: the payment core and its endpoint on their own thread, client "
        "threads with keep-alive sockets. Phase 1 plain polls (200), phase 2 conditional polls (304)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("connections"), QStringLiteral("Client connections, one thread each (default 4)."),
                 QStringLiteral("N"), QStringLiteral("4")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Measured seconds per phase (default 5)."), QStringLiteral("S"),
                 QStringLiteral("5")});
    p.addOption({QStringLiteral("trades"), QStringLiteral("Paid trades in the cache, polled round-robin (default 200)."),
                 QStringLiteral("N"), QStringLiteral("200")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parseOrExit(p, QStringLiteral("bench endpoint"), args))
        return p.isSet(QStringLiteral("help")) ? 0 : 2;
    const int connections = qBound(1, p.value(QStringLiteral("connections")).toInt(), 256);
    const double seconds = qMax(0.2, p.value(QStringLiteral("seconds")).toDouble());
    const int trades = qBound(1, p.value(QStringLiteral("trades")).toInt(), 100'000);

    // --- the core and its endpoint on the core thread -----------------------------------
    QTemporaryDir dir;
    QThread coreThread;
    coreThread.setObjectName(QStringLiteral("core"));
    coreThread.start();
    QObject anchor;
    anchor.moveToThread(&coreThread);
    std::unique_ptr<VirtualClock> clock;
    std::unique_ptr<PaymentCore> core;
    QString error;
    quint16 port = 0;
    QString token;
    QStringList nos;
    QMetaObject::invokeMethod(&anchor, [&] {
        clock = std::make_unique<VirtualClock>(QDateTime::currentMSecsSinceEpoch());
        PaymentCore::Options o;
        o.databasePath = dir.filePath(QStringLiteral("bench.sqlite"));
        o.clock = clock.get();
        o.endpoint.enabled = true;
        auto opened = PaymentCore::open(o);
        if (!opened) {
            error = opened.error().message;
            return;
        }
        core = std::move(*opened);
        for (int i = 0; i < trades; ++i) {
            AcceptRequest r;
            r.outTradeNo = QStringLiteral("B-%1").arg(i, 6, 10, QLatin1Char('0'));
            r.subject = QStringLiteral("bench");
            r.amount = Money(1000 + i, Currency::cny());
            r.legs = {{QStringLiteral("card"), {}, 1000 + i}};
            r.idempotencyKey = r.outTradeNo;
            r.actor = QStringLiteral("bench");
            if (auto t = core->engine().accept(r); !t) {
                error = t.error().message;
                return;
            }
            nos << r.outTradeNo;
        }
        clock->advance(60'000);
        port = core->endpointPort();
        token = core->endpointToken();
    }, Qt::BlockingQueuedConnection);
    const auto shutdown = [&] {
        QMetaObject::invokeMethod(&anchor, [&] { core.reset(); clock.reset(); }, Qt::BlockingQueuedConnection);
        coreThread.quit();
        coreThread.wait();
    };
    if (!error.isEmpty()) {
        shutdown();
        err() << "bench endpoint: " << error << '\n';
        return 1;
    }

    // Prebuilt requests, and the current ETags for the conditional phase.
    std::vector<std::string> plain, conditional;
    for (const QString &no : std::as_const(nos)) {
        const std::string base = "GET /api/v1/trades/" + no.toStdString() + "/status HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Authorization: Bearer " + token.toStdString() + "\r\n";
        plain.push_back(base + "\r\n");
        const qint64 v = core->cache().version(no); // thread-safe read
        conditional.push_back(base + "If-None-Match: " + core->endpoint()->etag(v).toStdString() + "\r\n\r\n");
    }
    qint64 bodyBytes = 0;
    if (auto e = core->cache().get(nos.first()))
        bodyBytes = e->body.size();

    const StatusEndpoint::Metrics before = core->endpoint()->metrics();
    const Phase full = runPhase(QStringLiteral("200"), port, plain, connections, seconds, 0.5);
    const Phase notModified = runPhase(QStringLiteral("304"), port, conditional, connections, seconds, 0.5);
    const StatusEndpoint::Metrics after = core->endpoint()->metrics();
    shutdown();

    const quint64 served = after.pollsServed - before.pollsServed;
    const quint64 touchingDb = after.pollsTouchingDatabase - before.pollsTouchingDatabase;
    const quint64 touchingChannel = after.pollsTouchingChannel - before.pollsTouchingChannel;
    const QJsonObject result{
        {QStringLiteral("bench"), QStringLiteral("endpoint")},
        {QStringLiteral("connections"), connections},
        {QStringLiteral("seconds_per_phase"), seconds},
        {QStringLiteral("trades"), trades},
        {QStringLiteral("body_bytes"), bodyBytes},
        {QStringLiteral("phases"), QJsonArray{toJson(full), toJson(notModified)}},
        {QStringLiteral("polls_per_s"), qRound64(full.pollsPerSecond)},
        {QStringLiteral("p50_ms"), qRound(full.p50Ms * 1000) / 1000.0},
        {QStringLiteral("p99_ms"), qRound(full.p99Ms * 1000) / 1000.0},
        {QStringLiteral("polls_served_by_endpoint"), qint64(served)},
        {QStringLiteral("polls_touching_database"), qint64(touchingDb)},
        {QStringLiteral("polls_touching_channel"), qint64(touchingChannel)},
        {QStringLiteral("machine"),
         QJsonObject{{QStringLiteral("cores"), int(std::thread::hardware_concurrency())},
                     {QStringLiteral("os"), QSysInfo::prettyProductName()},
                     {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                     {QStringLiteral("compiler"), QStringLiteral("g++ " __VERSION__)}}}};
    if (p.isSet(QStringLiteral("json"))) {
        printJson(result);
    } else {
        for (const Phase &ph : {full, notModified})
            out() << ph.name << ": " << qRound64(ph.pollsPerSecond) << " polls/s, p50 " << ph.p50Ms << " ms, p90 "
                  << ph.p90Ms << " ms, p99 " << ph.p99Ms << " ms, max " << ph.maxMs << " ms, errors " << ph.errors
                  << '\n';
        out() << "polls served by the endpoint: " << served << ", touching the database: " << touchingDb
              << ", touching a channel: " << touchingChannel << '\n';
        out().flush();
    }
    return (full.errors + notModified.errors) == 0 && touchingDb == 0 ? 0 : 1;
}

} // namespace pay::cli
