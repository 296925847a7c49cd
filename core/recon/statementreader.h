#pragma once

#include "../channel/channel.h"
#include "../channel/statementwriter.h"
#include "../error.h"

#include <QDate>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace pay {

// A statement line the reader could not use: kept with its line number, the reason and the raw
// text, stored by the reconciler in recon_quarantine and reported. Never silently skipped.
struct QuarantinedLine
{
    int lineNo = 0; // 1-based physical line in the file
    QString reason;
    QString raw;
};

// A statement line as views into the file (canonical) or into temporaries (vendor layouts),
// valid only during the sink call: the reconciler's hot path allocates nothing per line.
struct RawStatementLine
{
    StatementLine::Type type = StatementLine::Type::Payment;
    QByteArrayView flowNo; // UTF-8
    QByteArrayView channelTxnNo;
    QByteArrayView originalFlowNo;
    QByteArrayView originalChannelTxnNo;
    QByteArrayView currency;
    QByteArrayView status;
    QByteArrayView subject;
    qint64 amountMinor = 0;
    qint64 feeMinor = 0;
    qint64 timeMs = 0;

    StatementLine toLine() const;
};

// What the reader learned about the file besides its lines.
struct StatementInfo
{
    StatementWriter::Format format = StatementWriter::Format::Canonical;
    QString channel; // canonical header only
    QDate day; // canonical header, Alipay 起始日期; invalid when the layout does not say
    qint64 lines = 0; // good data lines handed to the sink
    QList<QuarantinedLine> quarantined;
};

// A whole statement in memory (tests, small files); the reconciler streams instead.
struct ImportedStatement
{
    StatementInfo info;
    QList<StatementLine> lines;
    QList<int> lineNos;
};

// Reads a channel statement in one of the three layouts of docs/statements.md.
//
// Import policy (docs/reconciliation.md):
//  - a file whose STRUCTURE is wrong is rejected whole, with an error naming the line: unknown
//    layout, a missing or wrong header row, a missing end/summary line (a truncated download),
//    a summary whose row count disagrees with the rows present, data after the end line;
//  - a single malformed LINE (wrong field count, bad amount, bad time, unknown type, bytes that
//    are not valid in the file's encoding, empty flow no.) is quarantined with its line number,
//    reason and raw text; the rest of the file is imported.
// Amounts are parsed from their text exactly (never through double): "12.30" yuan -> 1230 fen.
class StatementReader
{
public:
    using Format = StatementWriter::Format;
    // Called once per good data line, in file order, with its 1-based line number.
    using Sink = std::function<void(const StatementLine &line, int lineNo)>;
    using RawSink = std::function<void(const RawStatementLine &line, int lineNo)>;

    // Detects the layout from the content (canonical header, WeChat header, Alipay GBK header).
    static Result<Format> detect(const QByteArray &bytes);
    // Streams the good lines into sink; returns the file info with the quarantined lines, or the
    // reason the file was rejected whole.
    static Result<StatementInfo> read(
        const QByteArray &bytes, std::optional<Format> format, const Sink &sink);
    static Result<StatementInfo> readRaw(
        const QByteArray &bytes, std::optional<Format> format, const RawSink &sink);
    static Result<ImportedStatement> read(
        const QByteArray &bytes, std::optional<Format> format = std::nullopt);
    static Result<QByteArray> readFile(const QString &path);

    // "12.30", "-0.05", "7", "7.5" (at most two decimals) -> minor units; false when malformed.
    static bool parseMajorAmount(QStringView text, qint64 &minor);
    // Strict integer: optional '-', digits only.
    static bool parseInteger(QByteArrayView text, qint64 &value);
    // "yyyy-MM-ddTHH:mm:ss.zzzZ" (canonical) or "yyyy-MM-dd HH:mm:ss" (vendors), UTC -> ms.
    static bool parseUtcTime(QByteArrayView text, qint64 &ms);
};

} // namespace pay
