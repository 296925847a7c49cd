// paydeskctl statement: a simulated channel's daily statement, straight from the channel books.
#include "channel/channelbooks.h"
#include "channel/qrchannel.h"
#include "channel/simulatedchannel.h"
#include "channel/statementwriter.h"
#include "cliutil.h"
#include "commands.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace pay::cli {

int statementCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Export a simulated channel's statement for one UTC day from its own books. The books live beside "
        "the core database in FILE.channels.sqlite; the core database itself is not read."_s);
    p.addHelpOption();
    p.addOption({u"db"_s, u"Core database file; the channel books are FILE.channels.sqlite."_s, u"FILE"_s});
    p.addOption({u"channel"_s, u"coupon, wallet, card, qr_a or qr_b."_s, u"NAME"_s});
    p.addOption({u"date"_s, u"The statement day (UTC), YYYY-MM-DD."_s, u"DATE"_s});
    p.addOption({u"format"_s, u"canonical (every channel), wechat (qr_a) or alipay (qr_b)."_s, u"FORMAT"_s,
        u"canonical"_s});
    p.addOption({u"out"_s, u"Output file, or - for standard output."_s, u"FILE"_s});
    p.addOption({u"faults"_s, u"Fault profile JSON whose seed and statementBreaks inject statement breaks."_s,
        u"FILE"_s});
    if (!parseOrExit(p, u"statement"_s, args))
        return p.isSet(u"help"_s) ? 0 : 2;
    const QString dbPath = requireOption(p, u"db"_s);
    const QString channel = requireOption(p, u"channel"_s);
    const QString dateText = requireOption(p, u"date"_s);
    const QString outPath = requireOption(p, u"out"_s);
    if (dbPath.isEmpty() || channel.isEmpty() || dateText.isEmpty() || outPath.isEmpty())
        return 2;

    static const QStringList channels {u"coupon"_s, u"wallet"_s, u"card"_s, u"qr_a"_s, u"qr_b"_s};
    if (!channels.contains(channel))
        return reportError({ErrorCode::InvalidArgument,
            u"unknown channel \"%1\" (%2)"_s.arg(channel, channels.join(u", "_s))});
    const QDate day = QDate::fromString(dateText, Qt::ISODate);
    if (!day.isValid())
        return reportError({ErrorCode::InvalidArgument, u"--date \"%1\" is not YYYY-MM-DD"_s.arg(dateText)});
    auto format = StatementWriter::formatFromName(p.value(u"format"_s));
    if (!format)
        return reportError(format.error());
    if (!StatementWriter::supports(channel, *format))
        return reportError({ErrorCode::InvalidArgument,
            u"channel %1 does not export the %2 layout"_s.arg(
                channel, StatementWriter::formatName(*format))});

    FaultProfile profile;
    if (p.isSet(u"faults"_s)) {
        QFile f(p.value(u"faults"_s));
        if (!f.open(QIODevice::ReadOnly))
            return reportError({ErrorCode::Io, u"cannot read %1: %2"_s.arg(f.fileName(), f.errorString())});
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (!doc.isObject())
            return reportError(
                {ErrorCode::Malformed, u"%1: %2"_s.arg(f.fileName(), parseError.errorString())});
        auto parsed = FaultProfile::fromJson(doc.object());
        if (!parsed)
            return reportError(parsed.error());
        profile = *parsed;
    }

    auto books = ChannelBooks::open(ChannelBooks::pathForCoreDatabase(dbPath), true);
    if (!books)
        return reportError(books.error());
    auto lines = SimulatedChannel::statementFromBooks(**books, channel, day, profile);
    if (!lines)
        return reportError(lines.error());
    StatementWriter::Context context;
    context.channel = channel;
    context.day = day;
    context.exportedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (channel == u"qr_a"_s)
        context.feeRateBps = QrChannel::defaultFeeBps(QrChannel::Dialect::A);
    auto bytes = StatementWriter::write(*format, *lines, context);
    if (!bytes)
        return reportError(bytes.error());

    if (outPath == u"-"_s) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(*bytes) != bytes->size())
            return reportError({ErrorCode::Io, u"cannot write to standard output"_s});
        return 0;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return reportError({ErrorCode::Io, u"cannot write %1: %2"_s.arg(outPath, file.errorString())});
    err() << "Wrote " << lines->size() << " lines of " << channel << ' ' << day.toString(Qt::ISODate) << " ("
          << StatementWriter::formatName(*format) << ") to " << outPath << '\n';
    return 0;
}

} // namespace pay::cli
