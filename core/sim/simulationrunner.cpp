#include "simulationrunner.h"

#include "../channel/channelbooks.h"
#include "../channel/qrchannel.h"
#include "../channel/statementwriter.h"
#include "../engine/paymentcore.h"
#include "../recon/reconciler.h"
#include "../store/invariants.h"
#include "../store/repositories.h"
#include "../store/sqlstatement.h"
#include "clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <functional>
#include <map>
#include <random>

namespace pay {

namespace {

const qint64 kStartMs = 1'780'000'000'000; // the virtual clock's epoch for every run
constexpr int kMembers = 50;
constexpr int kMaxExamples = 10;



QString channelOther(const QString &qr) { return qr == QStringLiteral("qr_a") ? QStringLiteral("qr_b") : QStringLiteral("qr_a"); }

bool isQr(const QString &c) { return c == QStringLiteral("qr_a") || c == QStringLiteral("qr_b"); }

// A refund reason in a trainer's words, for the narration (the page shows reason codes through
// DisplayText; the narration is built here, so it translates here).
QString reasonWords(const QString &code)
{
    RefundReason reason;
    if (!fromString(code, reason))
        return code;
    switch (reason) {
    case RefundReason::CustomerRequest: return QCoreApplication::translate("Simulation", "at the customer's request");
    case RefundReason::ClosedButPaid: return QCoreApplication::translate("Simulation", "paid after the order closed");
    case RefundReason::DuplicatePayment: return QCoreApplication::translate("Simulation", "a duplicate payment");
    case RefundReason::PartialFailure: return QCoreApplication::translate("Simulation", "another part of the payment failed");
    case RefundReason::Operator: return QCoreApplication::translate("Simulation", "an operator's decision");
    case RefundReason::LateSuccess: return QCoreApplication::translate("Simulation", "paid after the payment had failed");
    }
    return code;
}

class Run
{
public:
    Run(const Scenario &s, quint64 seed, QString dbPath) : m_s(s), m_seed(seed), m_rng(seed), m_dbPath(std::move(dbPath)), m_clock(kStartMs) {}
    // Headless runs own their files: nobody else opens them, so they are locked once.
    void setExclusive(bool exclusive) { m_exclusive = exclusive; }

    Result<SimulationReport> execute();

    // Step by step (the Simulator page): begin(), then stepOnce() until it returns false, then end().
    Result<void> begin();
    bool stepOnce();
    Result<void> end();
    bool hasNext() const { return !m_queue.empty() && m_queue.begin()->first.first <= m_endMs; }
    qint64 nextRelMs() const { return hasNext() ? m_queue.begin()->first.first - kStartMs : m_endMs - kStartMs; }
    qint64 nowRelMs() const { return m_clock.nowMs() - kStartMs; }
    SimulationReport snapshot();
    QStringList narrate();

private:
    using Action = std::function<void()>;
    double unit() { return double(m_rng() >> 11) * 0x1.0p-53; }
    qint64 between(qint64 lo, qint64 hi) { return hi <= lo ? lo : lo + qint64(m_rng() % quint64(hi - lo + 1)); }
    void at(qint64 relMs, Action a) { m_queue.emplace(std::make_pair(kStartMs + relMs, m_seq++), std::move(a)); }

    Result<void> openCore();
    void applyProfile(const QString &channel);
    Result<void> seedBooks();
    void scheduleArrivals();
    void arrive(qint64 n);
    void customerPays(const QString &no, const QString &channel, int tries);
    void secondAttempt(const QString &no, const QString &firstChannel, qint64 amount);
    void crash();
    void auditInSnapshot(bool full);
    void audit(bool full);
    void violation(const QString &name, const QString &example);
    void checkTouched();
    void commitCarried(); // commits work carried from the last instants (PaymentCore::Options::carryInstants)
    void checkNothingLost();
    Result<void> reconcile();
    void finish();

    const Scenario &m_s;
    quint64 m_seed;
    std::mt19937_64 m_rng;
    QString m_dbPath;
    VirtualClock m_clock;
    std::unique_ptr<PaymentCore> m_core;
    std::map<std::pair<qint64, quint64>, Action> m_queue;
    quint64 m_seq = 0;
    QHash<QString, FaultProfile> m_profiles; // current per channel, outages already absolute
    QSet<qint64> m_touched;
    QHash<QString, qint64> m_accepted; // out_trade_no -> amount
    QSet<QString> m_violationNames;
    SimulationReport m_r;
    qint64 m_endMs = 0;
    qint64 m_lastEventId = 0;
    QElapsedTimer m_timer;
    bool m_exclusive = false;
    void collect(QSqlQuery &q);
};

Result<void> Run::openCore()
{
    PaymentCore::Options o;
    o.databasePath = m_dbPath;
    o.clock = &m_clock;
    // Group commit: the work of one virtual instant commits once (see PaymentCore::Options).
    // A crash drops an open group, and nothing outside has seen its work.
    o.groupCommit = true;
    // Instants with nothing for the outside to wait for ride with the next commit; every step
    // (scenario action) still ends committed, so a step never hides work from the next one.
    o.carryInstants = 64;
    o.database.exclusive = m_exclusive;
    if (m_exclusive) {
        // A headless run's files are its own scratch files: checkpoint every 8,000 WAL pages (a
        // 32 MB WAL) and never wait for the disk. Every crash the simulation makes (and any
        // crash of this process) is survived as before; an OS crash would mean running again.
        o.database.walAutoCheckpointPages = 8000;
        o.database.synchronous = Database::Synchronous::Off;
    }
    auto c = PaymentCore::open(o);
    if (!c)
        return std::unexpected(c.error());
    m_core = std::move(*c);
    QObject::connect(&m_core->engine(), &PaymentEngine::tradeTouched, &m_core->engine(),
                     [this](qint64 id) { m_touched.insert(id); });
    QObject::connect(&m_core->gateway(), &ChannelGateway::breakerStateChanged, &m_core->gateway(),
                     [this](const QString &channel, const QString &, const QString &to) {
                         if (to == QStringLiteral("OPEN")) {
                             ++m_r.counters[QStringLiteral("breakerOpened")];
                             ++m_r.counters[QStringLiteral("breakerOpened.") + channel];
                         }
                     });
    for (const QString &name : m_core->channelNames()) {
        if (SimulatedChannel *ch = m_core->channel(name)) {
            QObject::connect(ch, &SimulatedChannel::faultInjected, ch,
                             [this](const QString &, const QString &, const QString &fault) {
                                 ++m_r.counters[QStringLiteral("fault.") + fault.section(QLatin1Char(':'), 0, 0)];
                             });
        }
        applyProfile(name);
    }
    return {};
}

void Run::applyProfile(const QString &channel)
{
    if (SimulatedChannel *ch = m_core ? m_core->channel(channel) : nullptr)
        ch->setFaultProfile(m_profiles.value(channel, FaultProfile{}));
}

Result<void> Run::seedBooks()
{
    ChannelBooks &books = m_core->books();
    for (int i = 1; i <= kMembers; ++i) {
        const QString id = QStringLiteral("SIM%1").arg(i, 4, 10, QLatin1Char('0'));
        auto existing = books.member(id);
        if (!existing)
            return std::unexpected(existing.error());
        if (!existing->has_value()) {
            if (auto r = books.upsertMember({id, QStringLiteral("Sim member %1").arg(i), 1'000'000'000'000, QStringLiteral("CNY")}); !r)
                return r;
        }
    }
    return {};
}

void Run::scheduleArrivals()
{
    qint64 t = 0;
    qint64 n = 0;
    while (true) {
        const double rate = m_s.rateAt(t);
        if (rate <= 0) {
            qint64 next = -1;
            for (const auto &r : m_s.arrivals) {
                if (r.fromMs > t && r.perMinute > 0) {
                    next = r.fromMs;
                    break;
                }
            }
            if (next < 0)
                break;
            t = next;
            continue;
        }
        const double u = std::max(unit(), 1e-12);
        t += std::max<qint64>(1, qint64(-std::log(u) * 60'000.0 / rate));
        if (t >= m_s.durationMs)
            break;
        if (m_s.maxOrders > 0 && n >= m_s.maxOrders)
            break;
        const qint64 k = ++n;
        at(t, [this, k] { arrive(k); });
    }
    for (qint64 c : m_s.crashesAtMs) {
        if (c < m_s.durationMs)
            at(c, [this] { crash(); });
    }
    if (m_s.crashesPerHour > 0) {
        qint64 c = 0;
        while (true) {
            c += std::max<qint64>(1, qint64(-std::log(std::max(unit(), 1e-12)) * 3'600'000.0 / m_s.crashesPerHour));
            if (c >= m_s.durationMs)
                break;
            at(c, [this] { crash(); });
        }
    }
    for (const auto &f : m_s.faults) {
        const Scenario::FaultStep step = f;
        at(f.fromMs, [this, step] {
            FaultProfile p = step.profile;
            for (OutageWindow &w : p.outages) {
                w.startMs += kStartMs;
                w.endMs += kStartMs;
            }
            m_profiles[step.channel] = p;
            applyProfile(step.channel);
        });
    }
    // The drain: faults stop (statement breaks stay: they are the statement's, not the calls').
    at(m_s.durationMs, [this] {
        for (const QString &name : m_core->channelNames()) {
            const FaultProfile old = m_profiles.value(name, FaultProfile{});
            FaultProfile clean;
            clean.seed = old.seed;
            clean.statementBreaks = old.statementBreaks;
            m_profiles[name] = clean;
            applyProfile(name);
        }
    });
}

void Run::arrive(qint64 n)
{
    // Every draw happens whatever the outcome, so one choice never shifts the others.
    const qint64 amount = between(m_s.amountMinMinor, m_s.amountMaxMinor);
    double total = 0;
    for (const auto &m : m_s.methods)
        total += m.weight;
    double pick = unit() * total;
    const Scenario::Method *method = &m_s.methods.last();
    for (const auto &m : m_s.methods) {
        if (pick < m.weight) {
            method = &m;
            break;
        }
        pick -= m.weight;
    }
    const double behaviour = unit();
    const qint64 payDelay = between(m_s.behaviours.payMinMs, m_s.behaviours.payMaxMs);
    const qint64 ttl = m_core->engine().config().tradeTtlMs;
    const qint64 lateDelay = between(ttl + 5'000, ttl + 5 * 60'000);
    const qint64 closeDelay = between(2'000, ttl - 1'000);
    const qint64 member = between(1, kMembers);

    const QString no = QStringLiteral("S%1-%2").arg(m_seed).arg(n, 6, 10, QLatin1Char('0'));
    AcceptRequest req;
    req.outTradeNo = no;
    req.subject = QStringLiteral("Sim basket %1").arg(n);
    req.amount = Money(amount, Currency::cny());
    req.idempotencyKey = QStringLiteral("sim-%1-1").arg(no);
    req.actor = QStringLiteral("sim-cashier");
    qint64 remaining = amount;
    for (int i = 0; i < method->legs.size(); ++i) {
        const QString ch = method->legs[i];
        const bool last = i == method->legs.size() - 1;
        qint64 part = remaining;
        if (!last)
            part = std::max<qint64>(1, ch == QStringLiteral("coupon") ? std::min<qint64>(remaining / 4, 3'000) : remaining / 2);
        TenderLeg leg{ch, {}, part};
        if (ch == QStringLiteral("wallet"))
            leg.account = QStringLiteral("SIM%1").arg(member, 4, 10, QLatin1Char('0'));
        if (ch == QStringLiteral("coupon")) {
            leg.account = QStringLiteral("SV%1-%2").arg(m_seed).arg(n);
            ChannelBooks::Voucher v{leg.account, part, QStringLiteral("CNY"), 0, kStartMs + 90LL * 24 * 3'600'000, {}};
            (void)m_core->books().upsertVoucher(v);
        }
        req.legs << leg;
        remaining -= part;
    }
    auto ticket = m_core->engine().accept(req);
    if (!ticket) {
        ++m_r.acceptRefused;
        return;
    }
    ++m_r.orders;
    ++m_r.attempts;
    m_accepted.insert(no, amount);
    const QString qr = isQr(method->legs.last()) ? method->legs.last() : QString();
    if (qr.isEmpty())
        return; // internal legs and cards finish on their own
    const auto &b = m_s.behaviours;
    double edge = b.payLate;
    const qint64 now = m_clock.nowMs() - kStartMs;
    if (behaviour < edge) {
        ++m_r.counters[QStringLiteral("behaviour.payLate")];
        at(now + lateDelay, [this, no, qr] { customerPays(no, qr, 0); });
        return;
    }
    if (behaviour < (edge += b.payNever)) {
        ++m_r.counters[QStringLiteral("behaviour.payNever")];
        return;
    }
    if (behaviour < (edge += b.payTwice) && method->legs.size() == 1) {
        ++m_r.counters[QStringLiteral("behaviour.payTwice")];
        at(now + std::min<qint64>(payDelay, ttl / 2), [this, no, qr, amount] { secondAttempt(no, qr, amount); });
        return;
    }
    if (behaviour < (edge += b.operatorClose)) {
        ++m_r.counters[QStringLiteral("behaviour.operatorClose")];
        at(now + closeDelay, [this, no] {
            if (m_core->engine().close(no, EventSource::Operator, QStringLiteral("sim-operator")))
                ++m_r.counters[QStringLiteral("operatorClosed")];
        });
        return;
    }
    at(now + payDelay, [this, no, qr] { customerPays(no, qr, 0); });
}

void Run::customerPays(const QString &no, const QString &channel, int tries)
{
    // What the cashier's screen shows: the order's state and its flows (the QR codes). Only
    // those two are read, not the whole order with its event history.
    auto trade = TradeRepository(m_core->database()).findByOutTradeNo(m_core->engine().config().merchantId, no);
    if (!trade)
        return;
    auto flows = FlowRepository(m_core->database()).forTrade(trade->id);
    if (!flows)
        return;
    const PaymentFlow *flow = nullptr;
    for (const PaymentFlow &f : *flows) {
        if (f.channel == channel && (!flow || f.id > flow->id))
            flow = &f;
    }
    auto atChannel = flow ? m_core->books().order(channel, flow->flowNo) : Result<std::optional<ChannelBooks::Order>>(std::nullopt);
    if (!flow || !atChannel || !atChannel->has_value()) {
        // No QR code to scan yet (the pre-pay is still on its way): the customer waits.
        if (tries < 5 && trade->status != TradeStatus::Closed && trade->status != TradeStatus::Paid) {
            const qint64 now = m_clock.nowMs() - kStartMs;
            at(now + 5'000, [this, no, channel, tries] { customerPays(no, channel, tries + 1); });
        } else {
            ++m_r.counters[QStringLiteral("customerNoCode")];
        }
        return;
    }
    QrChannel *qr = m_core->qrChannel(channel);
    auto r = qr->customerPays(flow->flowNo);
    if (r && r->succeeded())
        ++m_r.counters[QStringLiteral("customerPaid")];
    else
        ++m_r.counters[QStringLiteral("customerRefused")];
}

void Run::secondAttempt(const QString &no, const QString &firstChannel, qint64 amount)
{
    const QString other = channelOther(firstChannel);
    AcceptRequest req;
    req.outTradeNo = no;
    req.subject = QStringLiteral("Sim basket %1").arg(no);
    req.amount = Money(amount, Currency::cny());
    req.legs << TenderLeg{other, {}, amount};
    req.idempotencyKey = QStringLiteral("sim-%1-2").arg(no);
    req.actor = QStringLiteral("sim-cashier");
    if (!m_core->engine().accept(req)) {
        ++m_r.counters[QStringLiteral("secondAttemptRefused")];
        return;
    }
    ++m_r.attempts;
    ++m_r.counters[QStringLiteral("secondAttempts")];
    const qint64 now = m_clock.nowMs() - kStartMs;
    at(now + 3'000, [this, no, firstChannel] { customerPays(no, firstChannel, 5); });
    at(now + 5'000, [this, no, other] { customerPays(no, other, 0); });
}

void Run::crash()
{
    checkNothingLost(); // what was accepted before the crash
    m_core.reset();     // in-flight channel replies and timers die with the process
    m_touched.clear();
    if (auto r = openCore(); !r)
        qFatal("simulation: reopening after a crash failed: %s", qPrintable(r.error().message));
    ++m_r.crashes;
    checkNothingLost();
}

void Run::violation(const QString &name, const QString &example)
{
    ++m_r.violations;
    m_violationNames.insert(name);
    if (m_r.violationExamples.size() < kMaxExamples)
        m_r.violationExamples << QStringLiteral("%1 at +%2 ms (step %3): %4")
                                     .arg(name)
                                     .arg(m_clock.nowMs() - kStartMs)
                                     .arg(m_r.steps)
                                     .arg(example);
}

// The per-step checks, on the trades the step touched only.
void Run::checkTouched()
{
    if (m_touched.isEmpty())
        return;
    // One prepared statement for every step: the touched ids go in as a JSON array.
    QString ids(QLatin1Char('['));
    for (qint64 id : std::as_const(m_touched)) {
        if (ids.size() > 1)
            ids += QLatin1Char(',');
        ids += QString::number(id);
    }
    ids += QLatin1Char(']');
    m_touched.clear();
    SqlStatement &q = m_core->database().statement(QStringLiteral(
        "SELECT t.out_trade_no, t.amount, t.paid_amount, t.refunded_amount, t.status, t.frozen,"
        " (SELECT COALESCE(SUM(f.amount - f.refunded_amount), 0) FROM payment_flows f"
        "   WHERE f.trade_id = t.id AND f.status = 'SUCCEEDED'),"
        " EXISTS (SELECT 1 FROM refund_orders r WHERE r.trade_id = t.id AND r.status <> 'SUCCEEDED'),"
        " EXISTS (SELECT 1 FROM payment_flows f WHERE f.trade_id = t.id AND f.status IN ('INIT','PREPAID','PAYING'))"
        " FROM trade_orders t WHERE t.id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(ids);
    if (!q.exec()) {
        violation(QStringLiteral("audit_query"), q.lastError().text());
        return;
    }
    while (q.next()) {
        ++m_r.cheapChecks;
        const QString no = q.value(0).toString();
        const qint64 amount = q.value(1).toLongLong(), paid = q.value(2).toLongLong(), refunded = q.value(3).toLongLong();
        const QString status = q.value(4).toString();
        const bool frozen = q.value(5).toInt() != 0;
        const qint64 held = q.value(6).toLongLong();
        const bool refundsOpen = q.value(7).toBool(), flowsOpen = q.value(8).toBool();
        if (paid > amount || refunded > paid || paid - refunded > amount)
            violation(QStringLiteral("trade_keeps_at_most_amount"),
                      QStringLiteral("%1: amount %2 paid %3 refunded %4").arg(no).arg(amount).arg(paid).arg(refunded));
        if (!frozen && !refundsOpen && !flowsOpen && held > amount)
            violation(QStringLiteral("flows_keep_at_most_amount"), QStringLiteral("%1: flows keep %2 of %3").arg(no).arg(held).arg(amount));
        if (!frozen && !refundsOpen && !flowsOpen && status == QStringLiteral("CLOSED") && held != 0)
            violation(QStringLiteral("closed_keeps_nothing"), QStringLiteral("%1: closed, flows keep %2").arg(no).arg(held));
    }
    q.finish();
}

void Run::checkNothingLost()
{
    ++m_r.invariantsChecked;
    QSqlQuery q(m_core->database().db());
    q.setForwardOnly(true);
    QHash<QString, qint64> stored;
    if (q.exec(QStringLiteral("SELECT out_trade_no, amount FROM trade_orders"))) {
        while (q.next())
            stored.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    for (auto it = m_accepted.cbegin(); it != m_accepted.cend(); ++it) {
        if (stored.value(it.key(), -1) != it.value())
            violation(QStringLiteral("accepted_not_lost"), QStringLiteral("%1 accepted, not in the database").arg(it.key()));
    }
}

void Run::audit(bool full)
{
    // Every check of this step reads one snapshot, under one read lock.
    m_core->database().readBatch([this, full] { auditInSnapshot(full); });
}

void Run::auditInSnapshot(bool full)
{
    ++m_r.steps;
    checkTouched();
    ++m_r.invariantsChecked;
    if (!full && (m_s.fullCheckEvery <= 0 || m_r.steps % m_s.fullCheckEvery != 0))
        return;
    ++m_r.fullChecks;
    InvariantChecker checker(m_core->database());
    for (const InvariantResult &r : checker.checkAll(false)) {
        ++m_r.invariantsChecked;
        if (r.name == QStringLiteral("frozen_open_cases")) {
            // Frozen trades wait for people: open cases in the Frozen queue, counted, not hidden.
            m_r.counters[QStringLiteral("openCases")] = r.violations;
            continue;
        }
        if (!r.ok)
            violation(r.name, r.examples.join(QStringLiteral("; ")));
    }
}

Result<void> Run::reconcile()
{
    Reconciler recon(m_core->database(), &m_clock, &m_core->engine());
    const QDate first = QDateTime::fromMSecsSinceEpoch(kStartMs, Qt::UTC).date();
    const QDate last = m_clock.now().date();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        for (const QString &name : {QStringLiteral("qr_a"), QStringLiteral("qr_b"), QStringLiteral("card")}) {
            SimulatedChannel *ch = m_core->channel(name);
            auto lines = ch->statement(day);
            if (!lines)
                return std::unexpected(lines.error());
            StatementWriter::Context ctx;
            ctx.channel = name;
            ctx.day = day;
            ctx.exportedAtMs = m_clock.nowMs();
            ReconOptions o;
            o.channel = name;
            o.day = day;
            o.format = StatementWriter::Format::Canonical;
            o.fileName = QStringLiteral("sim-%1-%2.csv").arg(name, day.toString(Qt::ISODate));
            auto rep = recon.reconcile(StatementWriter::canonicalCsv(*lines, ctx), o);
            if (!rep)
                return std::unexpected(rep.error());
            ++m_r.counters[QStringLiteral("reconRuns")];
            for (auto it = rep->counts.cbegin(); it != rep->counts.cend(); ++it)
                m_r.breaksByCategory[it.key()] += it.value();
            m_r.reconAutoResolved += rep->autoResolved;
        }
    }
    return {};
}

void Run::collect(QSqlQuery &q)
{
    auto scalar = [&](const QString &sql) -> qint64 {
        if (!q.exec(sql) || !q.next())
            return 0;
        return q.value(0).toLongLong();
    };
    if (q.exec(QStringLiteral("SELECT status, COUNT(*) FROM trade_orders GROUP BY status"))) {
        while (q.next())
            m_r.ordersByState.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    m_r.charged = scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM payment_flows WHERE status = 'SUCCEEDED'"));
    m_r.refunded = scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM refund_flows WHERE status = 'SUCCEEDED'"));
    m_r.kept = m_r.charged - m_r.refunded;
    if (q.exec(QStringLiteral("SELECT reason, COUNT(*) FROM refund_orders WHERE status = 'SUCCEEDED' GROUP BY reason"))) {
        while (q.next())
            m_r.refundsByReason.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    m_r.frozen = scalar(QStringLiteral("SELECT COUNT(*) FROM trade_orders WHERE frozen <> 0"));
    m_r.counters[QStringLiteral("refundsFailed")] = scalar(QStringLiteral("SELECT COUNT(*) FROM refund_orders WHERE status = 'FAILED'"));
    // Results still unknown after compensation gave up: held for the statement and operations.
    m_r.counters[QStringLiteral("heldForRecon")] = scalar(QStringLiteral(
        "SELECT COUNT(*) FROM payment_flows WHERE status IN ('INIT','PREPAID','PAYING') AND recon_pending <> 0"));
    m_r.counters[QStringLiteral("settledByCallback")] = scalar(QStringLiteral(
        "SELECT COUNT(*) FROM events WHERE entity = 'FLOW' AND to_state = 'SUCCEEDED' AND source = 'callback'"));
    m_r.counters[QStringLiteral("settledByQuery")] = scalar(QStringLiteral(
        "SELECT COUNT(*) FROM events WHERE entity = 'FLOW' AND to_state IN ('SUCCEEDED','FAILED','CLOSED') AND source = 'query'"));
    m_r.counters[QStringLiteral("settledByRecon")] = scalar(QStringLiteral(
        "SELECT COUNT(*) FROM events WHERE entity = 'FLOW' AND to_state = 'SUCCEEDED' AND source = 'recon'"));
    m_r.counters[QStringLiteral("paidAfterClose")] = scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE event = 'PAID_AFTER_CLOSE'"));
    m_r.counters[QStringLiteral("closedByTimeout")] = scalar(QStringLiteral(
        "SELECT COUNT(*) FROM events WHERE entity = 'TRADE' AND to_state = 'CLOSED' AND source = 'timeout'"));
}

void Run::finish()
{
    QSqlQuery q(m_core->database().db());
    q.setForwardOnly(true);
    // Terminal once faults stopped and compensation drained (frozen trades wait for people).
    ++m_r.invariantsChecked;
    if (q.exec(QStringLiteral(
            "SELECT t.out_trade_no || ' ' || t.status || COALESCE(' flow ' || (SELECT f.flow_no || ' ' || f.status"
            "  FROM payment_flows f WHERE f.trade_id = t.id AND f.status IN ('INIT','PREPAID','PAYING') LIMIT 1), '')"
            " FROM trade_orders t WHERE t.frozen = 0 AND ("
            " (t.status IN ('CREATED','PAYING','CLOSING') AND NOT EXISTS (SELECT 1 FROM payment_flows f WHERE f.trade_id = t.id"
            "   AND f.status IN ('INIT','PREPAID','PAYING') AND f.recon_pending <> 0))"
            " OR EXISTS (SELECT 1 FROM payment_flows f WHERE f.trade_id = t.id AND f.status IN ('INIT','PREPAID','PAYING')"
            "   AND f.recon_pending = 0)"
            " OR EXISTS (SELECT 1 FROM refund_flows r WHERE r.trade_id = t.id AND r.status IN ('ACCEPTED','PROCESSING')))"))) {
        while (q.next())
            violation(QStringLiteral("terminal_after_drain"), q.value(0).toString());
    }
    checkNothingLost();
    ++m_r.invariantsChecked;
    if (q.exec(QStringLiteral("SELECT t.out_trade_no || ': keeps ' || (t.paid_amount - t.refunded_amount) || ' of ' || t.amount"
                              " FROM trade_orders t WHERE t.paid_amount - t.refunded_amount > t.amount"))) {
        while (q.next())
            violation(QStringLiteral("trade_keeps_at_most_amount"), q.value(0).toString());
    }

    collect(q);

    // The event log hash: every column of every row, in id order.
    // Each column as text (NULL as \\N) then 0x1f, each row then 0x1e: read as SQLite's own UTF-8
    // and hashed a row at a time (the log of a 10,000-order run has about 100,000 rows).
    QCryptographicHash h(QCryptographicHash::Sha256);
    SqlStatement &ev = m_core->database().statement(QStringLiteral(
        "SELECT id, at, trade_id, entity, entity_id, entity_no, from_state, to_state, event, source, actor, payload"
        " FROM events ORDER BY id"));
    if (ev.exec()) {
        QByteArray row;
        while (ev.next()) {
            ++m_r.events;
            row.clear();
            for (int i = 0; i < 12; ++i) {
                ev.appendText(i, row, QByteArrayLiteral("\\N"));
                row += '\x1f';
            }
            row += '\x1e';
            h.addData(row);
        }
    }
    ev.finish();
    m_r.eventLogHash = QString::fromLatin1(h.result().toHex());
}

Result<void> Run::begin()
{
    m_timer.start();
    m_r.scenario = m_s.name;
    m_r.seed = m_seed;
    if (auto r = openCore(); !r)
        return std::unexpected(r.error());
    if (auto r = seedBooks(); !r)
        return std::unexpected(r.error());
    scheduleArrivals();
    m_endMs = kStartMs + m_s.durationMs + m_s.drainMs;
    // Drain checkpoints: one step a minute so the clock's own work is audited too.
    for (qint64 t = m_s.durationMs + 60'000; t < m_s.durationMs + m_s.drainMs; t += 60'000)
        at(t, [] {});
    return {};
}

bool Run::stepOnce()
{
    if (!hasNext())
        return false;
    auto node = m_queue.extract(m_queue.begin());
    m_clock.advanceTo(node.key().first);
    // The scenario's own event (an arrival, a customer paying, an operator, a crash) is one
    // group too. After a crash m_core is a new core with no group open: committing is a no-op.
    (void)m_core->beginGroup();
    node.mapped()();
    // What the action set off at this same instant (an accepted payment's first step) joins
    // its group; channel requests still wait for the commit below.
    m_clock.advanceTo(m_clock.nowMs());
    if (auto r = m_core->commitGroup(); !r)
        violation(QStringLiteral("group_commit"), r.error().message);
    audit(false);
    return true;
}

void Run::commitCarried()
{
    (void)m_core->beginGroup();
    if (auto r = m_core->commitGroup(); !r)
        violation(QStringLiteral("group_commit"), r.error().message);
}

Result<void> Run::end()
{
    m_clock.advanceTo(m_endMs);
    commitCarried();
    audit(true);
    if (m_s.reconcileAtEnd) {
        if (auto r = reconcile(); !r)
            return std::unexpected(r.error());
        m_clock.advance(m_s.drainMs > 0 ? m_s.drainMs : 600'000); // refunds the statement started
        commitCarried();
        audit(true);
    }
    finish();
    m_r.virtualMs = m_clock.nowMs() - kStartMs;
    m_r.machineSeconds = double(m_timer.nsecsElapsed()) / 1e9;
    return {};
}

SimulationReport Run::snapshot()
{
    if (!m_core)
        return m_r;
    SimulationReport r = m_r;
    QSqlQuery q(m_core->database().db());
    q.setForwardOnly(true);
    std::swap(r, m_r);
    m_r.ordersByState.clear();
    m_r.refundsByReason.clear();
    collect(q);
    std::swap(r, m_r);
    r.virtualMs = m_clock.nowMs() - kStartMs;
    return r;
}

QStringList Run::narrate()
{
    QStringList lines;
    if (!m_core)
        return lines;
    QSqlQuery q(m_core->database().db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT e.id, e.at, e.entity, e.event, e.source, t.out_trade_no, t.amount, t.status,"
                             " r.amount, r.reason FROM events e LEFT JOIN trade_orders t ON t.id = e.trade_id"
                             " LEFT JOIN refund_orders r ON e.entity = 'REFUND' AND r.refund_no = e.entity_no"
                             " WHERE e.id > ? ORDER BY e.id LIMIT 2000"));
    q.addBindValue(m_lastEventId);
    if (!q.exec())
        return lines;
    auto yuan = [](qint64 minor) -> QString { return QStringLiteral("¥") + Money(minor, Currency::cny()).toDecimalString(); };
    while (q.next()) {
        m_lastEventId = q.value(0).toLongLong();
        const qint64 rel = q.value(1).toLongLong() - kStartMs;
        const QString time = QStringLiteral("%1:%2:%3")
                                 .arg(rel / 3'600'000, 2, 10, QLatin1Char('0'))
                                 .arg(rel / 60'000 % 60, 2, 10, QLatin1Char('0'))
                                 .arg(rel / 1000 % 60, 2, 10, QLatin1Char('0'));
        const QString entity = q.value(2).toString();
        const QString event = q.value(3).toString();
        const QString source = q.value(4).toString();
        const QString order = q.value(5).toString();
        QString text;
        if (entity == QStringLiteral("TRADE")) {
            if (event == QStringLiteral("CREATE"))
                text = QCoreApplication::translate("Simulation", "order %1 was opened for %2").arg(order, yuan(q.value(6).toLongLong()));
            else if (event == QStringLiteral("PAYMENT_SUCCEEDED"))
                text = QCoreApplication::translate("Simulation", "order %1 is paid").arg(order);
            else if (event == QStringLiteral("PAYMENT_FAILED"))
                text = QCoreApplication::translate("Simulation", "a payment for order %1 failed; the order waits for another one").arg(order);
            else if (event == QStringLiteral("CLOSE"))
                text = source == QStringLiteral("timeout") ? QCoreApplication::translate("Simulation", "order %1 closed: nobody paid in time").arg(order)
                                                          : QCoreApplication::translate("Simulation", "order %1 was closed").arg(order);
            else if (event == QStringLiteral("DUPLICATE_PAYMENT"))
                text = QCoreApplication::translate("Simulation", "order %1 was paid twice (a duplicate payment)").arg(order);
        } else if (entity == QStringLiteral("REFUND")) {
            if (event == QStringLiteral("AUTO_REFUND") || event == QStringLiteral("CREATE"))
                text = QCoreApplication::translate("Simulation", "a refund of %1 for order %2 was started (%3)")
                           .arg(yuan(q.value(8).toLongLong()), order, reasonWords(q.value(9).toString()));
            else if (event == QStringLiteral("SUCCEED"))
                text = QCoreApplication::translate("Simulation", "the refund of %1 for order %2 succeeded").arg(yuan(q.value(8).toLongLong()), order);
            else if (event == QStringLiteral("FAIL"))
                text = QCoreApplication::translate("Simulation", "the refund for order %1 failed").arg(order);
        } else if (entity == QStringLiteral("FLOW")) {
            if (event == QStringLiteral("SUCCEED") && source == QStringLiteral("callback"))
                text = QCoreApplication::translate("Simulation", "the channel's callback confirmed a payment for order %1").arg(order);
            else if (event == QStringLiteral("SUCCEED") && source == QStringLiteral("query"))
                text = QCoreApplication::translate("Simulation", "a status query found order %1 paid").arg(order);
            else if (event == QStringLiteral("SUCCEED") && source == QStringLiteral("recon"))
                text = QCoreApplication::translate("Simulation", "the statement showed order %1 paid").arg(order);
            else if (event == QStringLiteral("RESULT_UNKNOWN"))
                text = QCoreApplication::translate("Simulation", "the channel did not answer for order %1; compensation will ask again").arg(order);
            else if (event == QStringLiteral("COMPENSATION_EXHAUSTED"))
                text = QCoreApplication::translate("Simulation", "compensation gave up asking about order %1; it waits for the statement").arg(order);
        } else if (entity == QStringLiteral("ROUTE") && event == QStringLiteral("ROUTE_REFUSED")) {
            text = QCoreApplication::translate("Simulation", "order %1 could not be routed to a working channel").arg(order);
        }
        if (event == QStringLiteral("PAID_AFTER_CLOSE"))
            text = QCoreApplication::translate("Simulation", "the payment for order %1 arrived after the order closed").arg(order);
        if (!text.isEmpty())
            lines << QString(time + QStringLiteral("  ") + text);
    }
    return lines;
}

Result<SimulationReport> Run::execute()
{
    if (auto r = begin(); !r)
        return std::unexpected(r.error());
    while (stepOnce()) {
    }
    if (auto r = end(); !r)
        return std::unexpected(r.error());
    m_core.reset();
    return m_r;
}

QJsonObject mapJson(const QMap<QString, qint64> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString mapText(const QMap<QString, qint64> &m)
{
    if (m.isEmpty())
        return QCoreApplication::translate("Simulation", "none");
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

} // namespace

QJsonObject SimulationReport::toJson() const
{
    return QJsonObject{
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("orders"), orders},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("acceptRefused"), acceptRefused},
        {QStringLiteral("ordersByState"), mapJson(ordersByState)},
        {QStringLiteral("money"), QJsonObject{{QStringLiteral("chargedMinor"), charged},
                                              {QStringLiteral("refundedMinor"), refunded},
                                              {QStringLiteral("keptMinor"), kept}}},
        {QStringLiteral("refundsByReason"), mapJson(refundsByReason)},
        {QStringLiteral("breaksByCategory"), mapJson(breaksByCategory)},
        {QStringLiteral("reconAutoResolved"), reconAutoResolved},
        {QStringLiteral("invariants"), QJsonObject{{QStringLiteral("steps"), steps},
                                                   {QStringLiteral("perStepTradeChecks"), cheapChecks},
                                                   {QStringLiteral("fullChecks"), fullChecks},
                                                   {QStringLiteral("checked"), invariantsChecked},
                                                   {QStringLiteral("violated"), violations},
                                                   {QStringLiteral("examples"), QJsonArray::fromStringList(violationExamples)}}},
        {QStringLiteral("eventLogHash"), eventLogHash},
        {QStringLiteral("events"), events},
        {QStringLiteral("crashes"), crashes},
        {QStringLiteral("frozen"), frozen},
        {QStringLiteral("counters"), mapJson(counters)},
        {QStringLiteral("virtualMs"), virtualMs},
        {QStringLiteral("machineSeconds"), machineSeconds},
    };
}

QString SimulationReport::toText() const
{
    QString s;
    s += QCoreApplication::translate("Simulation", "Scenario %1, seed %2: %3\n").arg(scenario).arg(seed).arg(ok() ? QCoreApplication::translate("Simulation", "OK") : QCoreApplication::translate("Simulation", "VIOLATIONS"));
    s += QCoreApplication::translate("Simulation", "Orders: %1 accepted (%2 attempts, %3 refused at accept)\n").arg(orders).arg(attempts).arg(acceptRefused);
    s += QCoreApplication::translate("Simulation", "Orders by final state: %1\n").arg(mapText(ordersByState));
    s += QCoreApplication::translate("Simulation", "Money (minor units): charged %1, refunded %2, kept %3\n").arg(charged).arg(refunded).arg(kept);
    s += QCoreApplication::translate("Simulation", "Refunds by reason: %1\n").arg(mapText(refundsByReason));
    s += QCoreApplication::translate("Simulation", "Breaks by category: %1 (auto-resolved %2)\n").arg(mapText(breaksByCategory)).arg(reconAutoResolved);
    s += QCoreApplication::translate("Simulation", "Invariants: %1 checked over %2 steps (%3 full checks), %4 violated\n")
             .arg(invariantsChecked).arg(steps).arg(fullChecks).arg(violations);
    for (const QString &e : violationExamples)
        s += QStringLiteral("  ") + e + QLatin1Char('\n');
    s += QCoreApplication::translate("Simulation", "Crashes: %1, frozen trades: %2\n").arg(crashes).arg(frozen);
    s += QCoreApplication::translate("Simulation", "Counters: %1\n").arg(mapText(counters));
    s += QCoreApplication::translate("Simulation", "Event log: %1 events, SHA-256 %2\n").arg(events).arg(eventLogHash);
    s += QCoreApplication::translate("Simulation", "Virtual time %1 s in %2 s of machine time\n").arg(virtualMs / 1000).arg(machineSeconds, 0, 'f', 2);
    return s;
}

Result<SimulationReport> SimulationRunner::run(const Scenario &scenario, const SimulationOptions &options)
{
    Scenario s = scenario;
    if (options.maxOrders)
        s.maxOrders = *options.maxOrders;
    if (options.fullCheckEvery)
        s.fullCheckEvery = *options.fullCheckEvery;
    const quint64 seed = options.seed.value_or(s.seed);
    QTemporaryDir tmp;
    QString path = options.databasePath;
    if (path.isEmpty()) {
        if (!tmp.isValid())
            return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("Simulation", "cannot create a temporary directory")});
        path = tmp.path() + QStringLiteral("/simulation.sqlite");
    }
    Run run(s, seed, path);
    run.setExclusive(true);
    return run.execute();
}

struct SimulationSession::Impl
{
    Scenario scenario;
    quint64 seed = 0;
    QTemporaryDir tmp;
    std::unique_ptr<Run> run;
    bool finished = false;
    QString error;
    SimulationReport final;
};

SimulationSession::SimulationSession(const Scenario &scenario, quint64 seed)
    : d(std::make_unique<Impl>())
{
    d->scenario = scenario;
    d->seed = seed;
}

SimulationSession::~SimulationSession() = default;

Result<void> SimulationSession::start()
{
    if (!d->tmp.isValid())
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("Simulation", "cannot create a temporary directory")});
    d->run = std::make_unique<Run>(d->scenario, d->seed, d->tmp.path() + QStringLiteral("/simulation.sqlite"));
    return d->run->begin();
}

bool SimulationSession::step()
{
    if (!d->run || d->finished)
        return false;
    if (d->run->stepOnce())
        return true;
    if (auto r = d->run->end(); !r)
        d->error = r.error().message;
    d->final = d->run->snapshot();
    d->finished = true;
    return false;
}

bool SimulationSession::finished() const { return d->finished; }
QString SimulationSession::error() const { return d->error; }
qint64 SimulationSession::nowMs() const { return d->run ? d->run->nowRelMs() : 0; }
qint64 SimulationSession::nextActionMs() const { return d->run ? d->run->nextRelMs() : 0; }
qint64 SimulationSession::startEpochMs() const { return kStartMs; }
QString SimulationSession::databasePath() const { return d->run ? d->tmp.path() + QStringLiteral("/simulation.sqlite") : QString(); }

SimulationReport SimulationSession::report()
{
    if (d->finished)
        return d->final;
    return d->run ? d->run->snapshot() : SimulationReport{};
}

QStringList SimulationSession::takeNarration() { return d->run ? d->run->narrate() : QStringList(); }

} // namespace pay
