#pragma once

#include "../error.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace pay {

class Database;

// What kind of disagreement a break records. Statement categories come from file
// reconciliation; the last four from the real-time pairwise checks.
enum class BreakCategory {
    Matched, // counted, never stored
    MissingAtChannel,
    MissingLocally,
    AmountMismatch,
    StatusMismatch,
    DuplicateInStatement,
    Cutoff,
    TradePaymentMismatch,
    ChannelStatusMismatch,
    ChannelAmountMismatch,
    LedgerMismatch,
};
QString toString(BreakCategory c);
bool fromString(QStringView text, BreakCategory &out);
QList<BreakCategory> allBreakCategories();

// OPEN: for operations. HELD: a cut-off case waiting for the neighbouring day's statement.
// RESOLVED: settled automatically or by a person (resolution says how).
enum class BreakState { Open, Held, Resolved };
QString toString(BreakState s);
bool fromString(QStringView text, BreakState &out);

struct ReconBreak
{
    qint64 id = 0;
    qint64 runId = 0; // 0: a pairwise check, not a statement run
    QString channel;
    BreakCategory category = BreakCategory::MissingAtChannel;
    QString flowNo; // our flow no. (or refund flow no.)
    QString channelTxnNo;
    std::optional<qint64> localAmount;
    std::optional<qint64> statementAmount; // statement or channel side
    QString localStatus;
    QString statementStatus;
    int lineNo = 0; // statement line, 0 when none
    QString detail;
    BreakState state = BreakState::Open;
    QString resolution;
    QDate expectedDay; // HELD cut-off: the day whose statement should show it
    qint64 createdAtMs = 0;
    qint64 resolvedAtMs = 0;
    QString resolvedBy;
};

// recon_breaks rows.
class BreakStore
{
public:
    explicit BreakStore(Database &db)
        : m_db(db)
    {
    }
    Result<qint64> insert(ReconBreak &b);
    Result<void> resolve(qint64 id, const QString &resolution, const QString &by, qint64 nowMs);
    Result<void> reopenAs(qint64 id, BreakCategory category, const QString &detail);
    Result<QList<ReconBreak>> list(const QString &where, const QVariantList &binds = {});
    Result<QList<ReconBreak>> forRun(qint64 runId);
    Result<QList<ReconBreak>> held(const QString &channel);
    // True when an OPEN or HELD break of this category exists for the flow (pairwise checks
    // do not write the same disagreement twice).
    Result<bool> hasUnresolved(BreakCategory category, const QString &flowNo);

private:
    Database &m_db;
};

} // namespace pay
