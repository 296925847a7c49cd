#pragma once

#include "../channel/channel.h"
#include "reconbreak.h"
#include "statementreader.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QSet>
#include <vector>

namespace pay {

class Database;

// One local record of the channel near the statement day: a payment flow or a refund flow.
struct LocalRecord
{
    qint64 id = 0;
    QString no; // flow no. / refund flow no. (the statement's out_trade_no / refund no.)
    QString channelTxnNo; // channel txn / channel refund no.
    qint64 amountMinor = 0;
    qint64 createdAtMs = 0;
    QString status; // the local status word (SUCCEEDED, PAYING, FAILED, ...)
    bool refund = false;
    bool reconPending = false;
};

// A local flow still unknown that the statement shows paid with the same amount: the
// reconciler settles it through the engine's normal success path.
struct AutoCandidate
{
    QString flowNo;
    QString channelTxnNo;
    qint64 amountMinor = 0;
    int lineNo = 0;
    QString localStatus;
};

// One-pass hash join of a channel's statement for one UTC day against the local flows and
// refund flows of that channel: the local side is read with one query per table into hash
// tables keyed by flow no. (channel txn no. is the fallback key, indexed on first need), then
// the statement lines are streamed through feed(), then finish() looks at what the statement
// lacked. Keys live as UTF-8 in one arena and the tables are open-addressed arrays of indices,
// so a million local rows cost three allocations, not three million.
//
// Cut-off: a local success within cutoffMs before midnight that the statement lacks is HELD for
// the next day's statement (and one within cutoffMs after the day's start for the previous
// day's, unless that day was already reconciled); a statement row matched to a flow created on
// the other side of midnight is recorded as a resolved CUTOFF so the neighbouring day knows.
class Matcher
{
public:
    Matcher(const QString &channel, QDate day, qint64 cutoffMs = 15 * 60 * 1000);

    Result<void> loadLocal(Database &db);
    void addLocal(const LocalRecord &record);

    void feed(const RawStatementLine &line, int lineNo);
    void feed(const StatementLine &line, int lineNo);
    // previousDayDone: the previous day of this channel was reconciled already.
    // crossMidnight: flow nos. an earlier run matched across midnight (skip them here).
    void finish(bool previousDayDone, const QSet<QString> &crossMidnight);

    // Was this flow/refund no. present in the statement fed so far?
    bool statementHas(const QString &no) const;

    qint64 dayStartMs() const { return m_dayStart; }
    qint64 dayEndMs() const { return m_dayEnd; }
    qint64 matched() const { return m_matched; }
    qint64 localCount() const { return qint64(m_recs.size()); }
    const QList<ReconBreak> &breaks() const { return m_breaks; }
    const QList<AutoCandidate> &candidates() const { return m_candidates; }

private:
    struct Rec
    {
        qint64 id;
        qint64 amountMinor;
        qint64 createdAtMs;
        quint32 noOffset;
        quint32 txnOffset;
        quint16 noLength;
        quint16 txnLength;
        char status; // S succeeded, F failed, C closed, P in flight
        bool refund;
        bool reconPending;
        quint8 statusWord; // index into m_statusWords
        int seenLine; // statement line that matched it, 0: not (yet) seen
    };
    // Open addressing over record indices (+1; 0 is empty), linear probing, power-of-two size.
    struct Table
    {
        std::vector<quint32> cells;
        std::vector<quint32> hashes;
        qsizetype count = 0;
    };

    void append(QByteArrayView no, QByteArrayView txn, qint64 id, qint64 amount, qint64 createdAt,
        QByteArrayView statusWord, bool refund, bool reconPending);
    QByteArrayView noOf(const Rec &r) const
    {
        return QByteArrayView(m_arena.constData() + r.noOffset, r.noLength);
    }
    QByteArrayView txnOf(const Rec &r) const
    {
        return QByteArrayView(m_arena.constData() + r.txnOffset, r.txnLength);
    }
    static void reserve(Table &t, qsizetype n);
    void insert(Table &t, QByteArrayView key, quint32 index, bool txn);
    qint64 find(const Table &t, QByteArrayView key, bool txn) const;
    void buildTxnTables();
    QString statusText(const Rec &r) const;
    void addBreak(BreakCategory category, BreakState state, const Rec *local, const RawStatementLine *line,
        int lineNo, const QString &detail, QDate expected = {});

    QString m_channel;
    QDate m_day;
    qint64 m_cutoff;
    qint64 m_dayStart;
    qint64 m_dayEnd;
    QByteArray m_arena;
    std::vector<Rec> m_recs;
    QList<QByteArray> m_statusWords;
    Table m_byNo; // payments by flow no.
    Table m_refundByNo; // refunds by refund flow no.
    Table m_byTxn;
    Table m_refundByTxn;
    bool m_txnBuilt = false;
    qint64 m_matched = 0;
    QList<ReconBreak> m_breaks;
    QList<AutoCandidate> m_candidates;
    QHash<QByteArray, int> m_missingLocally; // statement no. -> first line, for duplicates of unknown rows
};

} // namespace pay
