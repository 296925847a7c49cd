#include "reconciler.h"

#include "../engine/paymentengine.h"
#include "../sim/clock.h"
#include "../store/database.h"
#include "../store/transaction.h"
#include "matcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

const QString kCrossMidnight = u"MATCHED_ACROSS_MIDNIGHT"_s;

std::unexpected<Error> dbError(const QSqlQuery &q, const QString &what)
{
    return std::unexpected(Database::errorFrom(q, what));
}

} // namespace

QJsonObject ReconReport::toJson() const
{
    QJsonObject c;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        c.insert(it.key(), it.value());
    QJsonArray q;
    for (const QuarantinedLine &l : quarantined)
        q.append(QJsonObject {{u"line"_s, l.lineNo}, {u"reason"_s, l.reason}, {u"raw"_s, l.raw}});
    return QJsonObject {
        {u"run_id"_s, runId},
        {u"channel"_s, channel},
        {u"format"_s, StatementWriter::formatName(format)},
        {u"day"_s, day.toString(Qt::ISODate)},
        {u"lines"_s, lines},
        {u"local_records"_s, localRecords},
        {u"counts"_s, c},
        {u"quarantined"_s, q},
        {u"quarantined_count"_s, quarantined.size()},
        {u"auto_resolved"_s, autoResolved},
        {u"open"_s, open},
        {u"held"_s, held},
        {u"held_resolved"_s, heldResolved},
        {u"held_reopened"_s, heldReopened},
    };
}

Reconciler::Reconciler(Database &db, Clock *clock, PaymentEngine *engine)
    : m_db(db)
    , m_clock(clock)
    , m_engine(engine)
{
}

qint64 Reconciler::now() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

QDate Reconciler::peekDay(const QByteArray &bytes, StatementWriter::Format format)
{
    const QByteArray head = bytes.left(4096);
    switch (format) {
    case StatementWriter::Format::Canonical: {
        static const QRegularExpression re(u"^# paydesk-statement [^\\n]*day=(\\d{4}-\\d{2}-\\d{2})"_s);
        const auto m = re.match(QString::fromUtf8(head));
        return m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    }
    case StatementWriter::Format::WechatAll: {
        static const QRegularExpression re(u"\\n`(\\d{4}-\\d{2}-\\d{2}) "_s);
        const auto m = re.match(QString::fromUtf8(head));
        return m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    }
    case StatementWriter::Format::AlipayDetail: {
        QStringDecoder gbk("GBK");
        if (!gbk.isValid())
            return {};
        static const QRegularExpression re(u"起始日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日"_s);
        const auto m = re.match(gbk.decode(head));
        return m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt())
                            : QDate();
    }
    }
    return {};
}

Result<ReconReport> Reconciler::reconcileFile(const QString &path, ReconOptions options)
{
    auto bytes = StatementReader::readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (options.fileName.isEmpty())
        options.fileName = QFileInfo(path).fileName();
    return reconcile(*bytes, options);
}

Result<ReconReport> Reconciler::reconcile(const QByteArray &bytes, const ReconOptions &options)
{
    QElapsedTimer total;
    total.start();
    if (options.channel.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Recon", "No channel given"));
    StatementWriter::Format format;
    if (options.format) {
        format = *options.format;
    } else {
        auto detected = StatementReader::detect(bytes);
        if (!detected)
            return std::unexpected(detected.error());
        format = *detected;
    }
    const QDate fileDay = peekDay(bytes, format);
    QDate day = options.day.isValid() ? options.day : fileDay;
    if (!day.isValid())
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Recon", "The statement does not say its day: give --date"));
    if (options.day.isValid() && fileDay.isValid() && fileDay != options.day)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Recon", "The statement is for %1, not %2")
                .arg(fileDay.toString(Qt::ISODate), options.day.toString(Qt::ISODate)));

    ReconReport report;
    report.channel = options.channel;
    report.format = format;
    report.day = day;

    // ---- read + match: the hot path ----
    QElapsedTimer hot;
    hot.start();
    Matcher matcher(options.channel, day, options.cutoffMs);
    if (auto r = matcher.loadLocal(m_db); !r)
        return std::unexpected(r.error());
    report.loadSeconds = double(hot.nsecsElapsed()) / 1e9;
    report.localRecords = matcher.localCount();
    auto info = StatementReader::readRaw(
        bytes, format, [&matcher](const RawStatementLine &l, int lineNo) { matcher.feed(l, lineNo); });
    if (!info)
        return std::unexpected(info.error()); // rejected whole: nothing recorded
    if (format == StatementWriter::Format::Canonical && !info->channel.isEmpty()
        && info->channel != options.channel)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Recon", "The statement is channel %1's, not %2's")
                .arg(info->channel, options.channel));

    const QString dayText = day.toString(Qt::ISODate);
    bool previousDayDone = false;
    QSet<QString> crossMidnight;
    {
        QSqlQuery &q
            = m_db.prepared(u"SELECT count(*) FROM recon_runs WHERE channel = ? AND statement_day = ?"
                            " AND kind = 'STATEMENT'"_s);
        q.addBindValue(options.channel);
        q.addBindValue(day.addDays(-1).toString(Qt::ISODate));
        if (!q.exec() || !q.next())
            return dbError(q, QCoreApplication::translate("Recon", "Look up earlier runs"));
        previousDayDone = q.value(0).toInt() > 0;
        q.finish();
        QSqlQuery &c = m_db.prepared(
            u"SELECT flow_no FROM recon_breaks WHERE channel = ? AND category = 'CUTOFF' AND resolution = ?"_s);
        c.addBindValue(options.channel);
        c.addBindValue(kCrossMidnight);
        if (!c.exec())
            return dbError(c, QCoreApplication::translate("Recon", "Look up earlier runs"));
        while (c.next())
            crossMidnight.insert(c.value(0).toString());
        c.finish();
    }
    matcher.finish(previousDayDone, crossMidnight);
    report.readMatchSeconds = double(hot.nsecsElapsed()) / 1e9;
    report.lines = info->lines;
    report.quarantined = info->quarantined;
    report.counts.insert(toString(BreakCategory::Matched), matcher.matched());

    // ---- record the run, its breaks and quarantine; re-check earlier holds ----
    const qint64 started = now();
    BreakStore store(m_db);
    {
        TransactionGuard tx(m_db);
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        QSqlQuery &sup = m_db.prepared(
            u"UPDATE recon_breaks SET state = 'RESOLVED', resolution = 'SUPERSEDED', resolved_by = ?, "
            u"resolved_at = ?"
            " WHERE state <> 'RESOLVED' AND run_id IN (SELECT id FROM recon_runs WHERE channel = ?"
            " AND statement_day = ? AND kind = 'STATEMENT')"_s);
        sup.addBindValue(options.actor);
        sup.addBindValue(started);
        sup.addBindValue(options.channel);
        sup.addBindValue(dayText);
        if (!sup.exec())
            return dbError(sup, QCoreApplication::translate("Recon", "Supersede an earlier run"));
        sup.finish();

        QSqlQuery &run = m_db.prepared(u"INSERT INTO recon_runs (kind, channel, statement_day, format, "
                                       u"file_name, lines, quarantined, started_at)"
                                       " VALUES ('STATEMENT', ?, ?, ?, ?, ?, ?, ?)"_s);
        run.addBindValue(options.channel);
        run.addBindValue(dayText);
        run.addBindValue(StatementWriter::formatName(format));
        run.addBindValue(options.fileName);
        run.addBindValue(info->lines + info->quarantined.size());
        run.addBindValue(qint64(info->quarantined.size()));
        run.addBindValue(started);
        if (!run.exec())
            return dbError(run, QCoreApplication::translate("Recon", "Record a reconciliation run"));
        report.runId = run.lastInsertId().toLongLong();
        run.finish();

        QSqlQuery &quarantine = m_db.prepared(
            u"INSERT INTO recon_quarantine (run_id, line_no, reason, raw) VALUES (?, ?, ?, ?)"_s);
        for (const QuarantinedLine &l : info->quarantined) {
            quarantine.addBindValue(report.runId);
            quarantine.addBindValue(l.lineNo);
            quarantine.addBindValue(l.reason);
            quarantine.addBindValue(l.raw);
            if (!quarantine.exec())
                return dbError(
                    quarantine, QCoreApplication::translate("Recon", "Quarantine a statement line"));
        }
        quarantine.finish();

        // Earlier holds: cleared when this statement shows the flow; reopened when this was the
        // day they waited for and it does not.
        auto held = store.held(options.channel);
        if (!held)
            return std::unexpected(held.error());
        for (const ReconBreak &h : *held) {
            if (matcher.statementHas(h.flowNo)) {
                if (auto r = store.resolve(h.id, u"FOUND_IN_NEIGHBOUR_DAY"_s, options.actor, started); !r)
                    return std::unexpected(r.error());
                ++report.heldResolved;
            } else if (h.expectedDay == day) {
                if (auto r = store.reopenAs(h.id, BreakCategory::MissingAtChannel,
                        QCoreApplication::translate("Recon", "Held at midnight; not in %1's statement either")
                            .arg(dayText));
                    !r)
                    return std::unexpected(r.error());
                ++report.heldReopened;
            }
        }

        for (ReconBreak b : matcher.breaks()) {
            b.runId = report.runId;
            b.createdAtMs = started;
            if (b.category == BreakCategory::Cutoff && b.state == BreakState::Resolved) {
                b.resolution = kCrossMidnight;
                b.resolvedBy = options.actor;
                b.resolvedAtMs = started;
            }
            if (auto r = store.insert(b); !r)
                return std::unexpected(r.error());
            report.counts[toString(b.category)] += 1;
            if (b.state == BreakState::Open)
                ++report.open;
            else if (b.state == BreakState::Held)
                ++report.held;
        }
        if (auto r = tx.commit(); !r)
            return std::unexpected(r.error());
    }

    // ---- automatic resolution (each through the engine's own transactions) ----
    for (const AutoCandidate &c : matcher.candidates()) {
        ReconBreak b;
        b.runId = report.runId;
        b.channel = options.channel;
        b.category = BreakCategory::StatusMismatch;
        b.flowNo = c.flowNo;
        b.channelTxnNo = c.channelTxnNo;
        b.localAmount = c.amountMinor;
        b.statementAmount = c.amountMinor;
        b.localStatus = c.localStatus;
        b.statementStatus = u"SUCCESS"_s;
        b.lineNo = c.lineNo;
        b.createdAtMs = now();
        if (m_engine && options.autoResolve) {
            auto r = m_engine->settleFromStatement(c.flowNo, c.channelTxnNo, c.amountMinor);
            if (r) {
                b.state = BreakState::Resolved;
                b.resolution = u"SETTLED_FROM_STATEMENT"_s;
                b.resolvedBy = options.actor;
                b.resolvedAtMs = now();
                b.detail = QCoreApplication::translate(
                    "Recon", "Unknown locally, paid at the channel: settled through the success path");
                ++report.autoResolved;
            } else {
                b.detail = QCoreApplication::translate("Recon", "Settling from the statement failed: %1")
                               .arg(r.error().message);
                ++report.open;
            }
        } else {
            b.detail = QCoreApplication::translate(
                "Recon", "Unknown locally, paid at the channel: settle from the statement");
            ++report.open;
        }
        if (auto r = store.insert(b); !r)
            return std::unexpected(r.error());
        report.counts[toString(b.category)] += 1;
    }

    {
        qint64 breaks = 0;
        for (auto it = report.counts.cbegin(); it != report.counts.cend(); ++it) {
            if (it.key() != toString(BreakCategory::Matched))
                breaks += it.value();
        }
        QSqlQuery &fin = m_db.prepared(u"UPDATE recon_runs SET finished_at = ?, matched = ?, breaks = ?,"
                                       " auto_resolved = ? WHERE id = ?"_s);
        fin.addBindValue(now());
        fin.addBindValue(matcher.matched());
        fin.addBindValue(breaks);
        fin.addBindValue(report.autoResolved);
        fin.addBindValue(report.runId);
        if (!fin.exec())
            return dbError(fin, QCoreApplication::translate("Recon", "Finish a reconciliation run"));
        fin.finish();
    }
    report.totalSeconds = double(total.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace pay
