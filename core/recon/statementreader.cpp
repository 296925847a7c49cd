#include "statementreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QVarLengthArray>
#include <cstring>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

constexpr QByteArrayView kCanonicalHeader = "type,flow_no,channel_txn_no,original_flow_no,original_channel_"
                                            "txn_no,amount_minor,currency,status,time_utc,fee_minor";

const QString &wechatHeader()
{
    static const QString h
        = u"交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
          "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
          "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"_s;
    return h;
}

const QString &wechatSummaryHeader()
{
    static const QString h
        = u"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"_s;
    return h;
}

const QString &alipayHeader()
{
    static const QString h
        = u"支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
          u"对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,"
          u"商家优惠（元）,"
          u"券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,"
          u"分润（元）,备注"_s;
    return h;
}

std::unexpected<Error> reject(int lineNo, const QString &why)
{
    return fail(
        ErrorCode::Malformed, QCoreApplication::translate("Recon", "Line %1: %2").arg(lineNo).arg(why));
}

std::unexpected<Error> rejectFile(const QString &why)
{
    return fail(ErrorCode::Malformed, why);
}

bool digitsOnly(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int twoDigits(const char *p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

constexpr qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + qint64(doe) - 719468;
}

// Splits one CSV row (RFC 4180 quoting) into views; quoted fields are unescaped into store.
bool splitCsv(QByteArrayView row, QVarLengthArray<QByteArrayView, 16> &fields, QList<QByteArray> &store)
{
    fields.clear();
    if (!row.contains('"')) {
        qsizetype start = 0;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (row[i] == ',') {
                fields.append(row.sliced(start, i - start));
                start = i + 1;
            }
        }
        fields.append(row.sliced(start));
        return true;
    }
    store.clear();
    store.reserve(16);
    QByteArray current;
    bool quoted = false;
    bool wasQuoted = false;
    auto push = [&] {
        store.append(current);
        current.clear();
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < row.size(); ++i) {
        const char c = row[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < row.size() && row[i + 1] == '"') {
                    current += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == '"' && current.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            push();
        } else {
            current += c;
        }
    }
    if (quoted)
        return false;
    push();
    for (const QByteArray &f : store)
        fields.append(QByteArrayView(f));
    return true;
}

// Vendor layouts are decoded to text first; hand their lines on as UTF-8 views.
void emitLine(const StatementReader::RawSink &sink, const StatementLine &l, int lineNo)
{
    const QByteArray flowNo = l.flowNo.toUtf8();
    const QByteArray txn = l.channelTxnNo.toUtf8();
    const QByteArray originalFlowNo = l.originalFlowNo.toUtf8();
    const QByteArray originalTxn = l.originalChannelTxnNo.toUtf8();
    const QByteArray currency = l.currency.toUtf8();
    const QByteArray status = l.status.toUtf8();
    const QByteArray subject = l.subject.toUtf8();
    RawStatementLine raw;
    raw.type = l.type;
    raw.flowNo = flowNo;
    raw.channelTxnNo = txn;
    raw.originalFlowNo = originalFlowNo;
    raw.originalChannelTxnNo = originalTxn;
    raw.currency = currency;
    raw.status = status;
    raw.subject = subject;
    raw.amountMinor = l.amountMinor;
    raw.feeMinor = l.feeMinor;
    raw.timeMs = l.timeMs;
    sink(raw, lineNo);
}

// ---- canonical ----------------------------------------------------------------------------

Result<StatementInfo> readCanonical(const QByteArray &bytes, const StatementReader::RawSink &sink)
{
    StatementInfo info;
    info.format = StatementWriter::Format::Canonical;
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    int lineNo = 0;
    int endLineNo = 0;
    bool headerSeen = false;
    bool endSeen = false;
    qint64 expectedRows = -1;
    qint64 dataRows = 0;
    QVarLengthArray<QByteArrayView, 16> f;
    QList<QByteArray> store;
    RawStatementLine line;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *e = nl ? nl : end;
        ++lineNo;
        QByteArrayView row(p, e - p);
        p = nl ? nl + 1 : end;
        if (row.endsWith('\r'))
            row.chop(1);
        if (row.isEmpty())
            continue;
        if (endSeen)
            return reject(lineNo, QCoreApplication::translate("Recon", "content after the end line"));
        if (row.front() == '#') {
            if (row.startsWith("# end ")) {
                endSeen = true;
                endLineNo = lineNo;
                for (QByteArrayView part : QByteArray(row.sliced(6).data(), row.size() - 6).split(' ')) {
                    if (part.startsWith("rows=")
                        && !StatementReader::parseInteger(part.sliced(5), expectedRows))
                        return reject(lineNo,
                            QCoreApplication::translate("Recon", "the end line has no valid row count"));
                }
            } else if (row.startsWith("# paydesk-statement")) {
                for (const QByteArray &part : QByteArray(row.data(), row.size()).split(' ')) {
                    if (part.startsWith("channel="))
                        info.channel = QString::fromUtf8(part.mid(8));
                    else if (part.startsWith("day="))
                        info.day = QDate::fromString(QString::fromUtf8(part.mid(4)), Qt::ISODate);
                }
            }
            continue;
        }
        if (!headerSeen) {
            if (row != kCanonicalHeader)
                return reject(
                    lineNo, QCoreApplication::translate("Recon", "not a canonical statement header"));
            headerSeen = true;
            continue;
        }
        ++dataRows;
        auto quarantine = [&](const QString &reason) {
            info.quarantined.append({lineNo, reason, QString::fromUtf8(row)});
        };
        if (!splitCsv(row, f, store)) {
            quarantine(QCoreApplication::translate("Recon", "unterminated quoted field"));
            continue;
        }
        if (f.size() != 10) {
            quarantine(QCoreApplication::translate("Recon", "expected 10 fields, found %1").arg(f.size()));
            continue;
        }
        if (f[0] == "PAYMENT")
            line.type = StatementLine::Type::Payment;
        else if (f[0] == "REFUND")
            line.type = StatementLine::Type::Refund;
        else {
            quarantine(
                QCoreApplication::translate("Recon", "unknown type \"%1\"").arg(QString::fromUtf8(f[0])));
            continue;
        }
        if (f[1].isEmpty()) {
            quarantine(QCoreApplication::translate("Recon", "empty flow_no"));
            continue;
        }
        if (!StatementReader::parseInteger(f[5], line.amountMinor) || line.amountMinor <= 0) {
            quarantine(
                QCoreApplication::translate("Recon", "bad amount_minor \"%1\"").arg(QString::fromUtf8(f[5])));
            continue;
        }
        if (!StatementReader::parseInteger(f[9], line.feeMinor) || line.feeMinor < 0) {
            quarantine(
                QCoreApplication::translate("Recon", "bad fee_minor \"%1\"").arg(QString::fromUtf8(f[9])));
            continue;
        }
        if (f[8].size() != 24 || !StatementReader::parseUtcTime(f[8], line.timeMs)) {
            quarantine(
                QCoreApplication::translate("Recon", "bad time_utc \"%1\"").arg(QString::fromUtf8(f[8])));
            continue;
        }
        line.flowNo = f[1];
        line.channelTxnNo = f[2];
        line.originalFlowNo = f[3];
        line.originalChannelTxnNo = f[4];
        line.currency = f[6];
        line.status = f[7];
        ++info.lines;
        sink(line, lineNo);
    }
    if (!headerSeen)
        return rejectFile(QCoreApplication::translate("Recon", "Not a canonical statement: no header row"));
    if (!endSeen)
        return reject(lineNo + 1,
            QCoreApplication::translate(
                "Recon", "the statement is truncated: the end line \"# end rows=…\" is missing"));
    if (expectedRows != dataRows)
        return reject(endLineNo,
            QCoreApplication::translate("Recon", "the end line says %1 rows but the file has %2")
                .arg(expectedRows)
                .arg(dataRows));
    return info;
}

// ---- WeChat Pay v2 trade bill (ALL) ------------------------------------------------------

// Splits the text into lines, keeping 1-based numbers; CR LF and LF both end a line.
QList<QByteArrayView> physicalLines(const QByteArray &bytes)
{
    QList<QByteArrayView> lines;
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *e = nl ? nl : end;
        QByteArrayView row(p, e - p);
        if (row.endsWith('\r'))
            row.chop(1);
        lines.append(row);
        p = nl ? nl + 1 : end;
    }
    return lines;
}

QStringList backtickFields(const QString &row)
{
    QStringList f = row.split(u',');
    for (QString &s : f) {
        if (s.startsWith(u'`'))
            s.remove(0, 1);
        s = s.trimmed();
    }
    return f;
}

Result<StatementInfo> readWechat(const QByteArray &bytes, const StatementReader::RawSink &sink)
{
    StatementInfo info;
    info.format = StatementWriter::Format::WechatAll;
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    const QList<QByteArrayView> rows = physicalLines(body);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    int i = 0;
    while (i < rows.size() && rows[i].isEmpty())
        ++i;
    if (i >= rows.size() || QString::fromUtf8(rows[i]) != wechatHeader())
        return reject(i + 1,
            QCoreApplication::translate("Recon", "not a WeChat Pay trade bill header (27 columns expected)"));
    ++i;
    qint64 dataRows = 0;
    int summaryLine = 0;
    StatementLine line;
    for (; i < rows.size(); ++i) {
        const int lineNo = i + 1;
        if (rows[i].isEmpty())
            continue;
        QString row = utf8.decode(rows[i]);
        const bool badBytes = utf8.hasError();
        if (badBytes) // resetState() keeps the error flag in Qt 6.4: start afresh
            utf8 = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        else
            utf8.resetState();
        if (!badBytes && row == wechatSummaryHeader()) {
            summaryLine = lineNo;
            break;
        }
        ++dataRows;
        auto quarantine = [&](const QString &reason) { info.quarantined.append({lineNo, reason, row}); };
        if (badBytes) {
            quarantine(QCoreApplication::translate("Recon", "bytes that are not valid UTF-8"));
            continue;
        }
        if (!row.startsWith(u'`')) {
            quarantine(QCoreApplication::translate("Recon", "a data row must start with a backtick"));
            continue;
        }
        const QStringList f = backtickFields(row);
        if (f.size() != 27) {
            quarantine(QCoreApplication::translate("Recon", "expected 27 fields, found %1").arg(f.size()));
            continue;
        }
        qint64 t = 0;
        if (!StatementReader::parseUtcTime(f[0].toUtf8(), t)) {
            quarantine(QCoreApplication::translate("Recon", "bad time \"%1\"").arg(f[0]));
            continue;
        }
        // Every money column must be a plain amount, even the ones this row does not use.
        int badColumn = -1;
        qint64 scratch = 0;
        for (int c : {12, 13, 16, 17, 22, 24, 25}) {
            if (!StatementReader::parseMajorAmount(f[c], scratch)) {
                badColumn = c;
                break;
            }
        }
        if (badColumn >= 0) {
            quarantine(QCoreApplication::translate("Recon", "bad amount \"%1\" in column %2")
                           .arg(f[badColumn])
                           .arg(badColumn + 1));
            continue;
        }
        qint64 fee = 0;
        StatementReader::parseMajorAmount(f[22], fee);
        line = StatementLine {};
        line.timeMs = t;
        line.currency = f[11];
        line.subject = f[20];
        if (f[9] == u"REFUND"_s) {
            line.type = StatementLine::Type::Refund;
            line.originalChannelTxnNo = f[5];
            line.originalFlowNo = f[6];
            line.channelTxnNo = f[14];
            line.flowNo = f[15];
            line.status = f[19] == u"SUCCESS"_s ? u"REFUND"_s : f[19];
            line.feeMinor = -fee;
            if (!StatementReader::parseMajorAmount(f[16], line.amountMinor) || line.amountMinor <= 0) {
                quarantine(QCoreApplication::translate("Recon", "bad refund amount \"%1\"").arg(f[16]));
                continue;
            }
        } else {
            line.type = StatementLine::Type::Payment;
            line.channelTxnNo = f[5];
            line.flowNo = f[6];
            line.status = f[9];
            line.feeMinor = fee;
            if (!StatementReader::parseMajorAmount(f[24], line.amountMinor) || line.amountMinor <= 0) {
                quarantine(QCoreApplication::translate("Recon", "bad order amount \"%1\"").arg(f[24]));
                continue;
            }
        }
        if (line.flowNo.isEmpty()) {
            quarantine(QCoreApplication::translate("Recon", "empty merchant order no."));
            continue;
        }
        ++info.lines;
        emitLine(sink, line, lineNo);
    }
    if (summaryLine == 0)
        return reject(int(rows.size()) + 1,
            QCoreApplication::translate("Recon", "the bill is truncated: the summary rows are missing"));
    int j = summaryLine; // index of the line after the summary header
    while (j < rows.size() && rows[j].isEmpty())
        ++j;
    if (j >= rows.size())
        return reject(
            j + 1, QCoreApplication::translate("Recon", "the bill is truncated: the summary row is missing"));
    const QStringList s = backtickFields(QString::fromUtf8(rows[j]));
    qint64 count = -1;
    if (s.size() != 7 || !StatementReader::parseInteger(s[0].toUtf8(), count))
        return reject(j + 1, QCoreApplication::translate("Recon", "malformed summary row"));
    if (count != dataRows)
        return reject(j + 1,
            QCoreApplication::translate("Recon", "the summary says %1 rows but the bill has %2")
                .arg(count)
                .arg(dataRows));
    for (int k = j + 1; k < rows.size(); ++k) {
        if (!rows[k].isEmpty())
            return reject(k + 1, QCoreApplication::translate("Recon", "content after the summary row"));
    }
    return info;
}

// ---- Alipay business detail (GBK) ------------------------------------------------------

Result<StatementInfo> readAlipay(const QByteArray &bytes, const StatementReader::RawSink &sink)
{
    StatementInfo info;
    info.format = StatementWriter::Format::AlipayDetail;
    QStringDecoder gbk("GBK", QStringDecoder::Flag::Stateless);
    if (!gbk.isValid())
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("Recon", "No GBK decoder is available in this Qt build"));
    // 0x0A never occurs inside a GBK character (trail bytes are 0x40-0xFE), so lines can be
    // split before decoding, and a bad byte sequence spoils only its own line.
    const QList<QByteArrayView> rows = physicalLines(bytes);
    int i = 0;
    bool headerSeen = false;
    static const QRegularExpression dayRe(u"起始日期：\\[(\\d{4})年(\\d{2})月(\\d{2})日"_s);
    for (; i < rows.size(); ++i) {
        if (rows[i].isEmpty())
            continue;
        const QString row = QString(gbk.decode(rows[i])).trimmed();
        gbk.resetState();
        if (row.startsWith(u'#')) {
            const auto m = dayRe.match(row);
            if (m.hasMatch())
                info.day = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            continue;
        }
        QStringList cols = row.split(u',');
        for (QString &c : cols)
            c = c.trimmed();
        if (cols.join(u',') != alipayHeader())
            return reject(i + 1,
                QCoreApplication::translate(
                    "Recon", "not an Alipay business-detail header (25 columns expected)"));
        headerSeen = true;
        ++i;
        break;
    }
    if (!headerSeen)
        return rejectFile(
            QCoreApplication::translate("Recon", "Not an Alipay business-detail bill: no header row"));
    qint64 dataRows = 0;
    int endLine = 0;
    StatementLine line;
    for (; i < rows.size(); ++i) {
        const int lineNo = i + 1;
        if (rows[i].isEmpty())
            continue;
        QString row = gbk.decode(rows[i]);
        const bool badBytes = gbk.hasError();
        if (badBytes) // resetState() keeps the error flag in Qt 6.4: start afresh
            gbk = QStringDecoder("GBK", QStringDecoder::Flag::Stateless);
        else
            gbk.resetState();
        if (!badBytes && row.startsWith(u'#')) {
            if (row.contains(u"业务明细列表结束"_s)) {
                endLine = lineNo;
                ++i;
                break;
            }
            return reject(lineNo,
                QCoreApplication::translate("Recon", "unexpected comment line inside the detail rows"));
        }
        ++dataRows;
        auto quarantine = [&](const QString &reason) { info.quarantined.append({lineNo, reason, row}); };
        if (badBytes) {
            quarantine(QCoreApplication::translate("Recon", "bytes that are not valid GBK"));
            continue;
        }
        QStringList f = row.split(u',');
        if (f.size() != 25) {
            quarantine(QCoreApplication::translate("Recon", "expected 25 fields, found %1").arg(f.size()));
            continue;
        }
        for (QString &c : f)
            c = c.trimmed();
        qint64 t = 0;
        if (!StatementReader::parseUtcTime(f[5].toUtf8(), t)) {
            quarantine(QCoreApplication::translate("Recon", "bad completion time \"%1\"").arg(f[5]));
            continue;
        }
        qint64 amount = 0;
        if (!StatementReader::parseMajorAmount(f[11], amount) || amount <= 0) {
            quarantine(QCoreApplication::translate("Recon", "bad order amount \"%1\"").arg(f[11]));
            continue;
        }
        qint64 fee = 0;
        if (!StatementReader::parseMajorAmount(f[22], fee)) {
            quarantine(QCoreApplication::translate("Recon", "bad service fee \"%1\"").arg(f[22]));
            continue;
        }
        line = StatementLine {};
        line.timeMs = t;
        line.amountMinor = amount;
        line.currency = u"CNY"_s;
        line.subject = f[3];
        if (f[2] == u"交易"_s) {
            line.type = StatementLine::Type::Payment;
            line.channelTxnNo = f[0];
            line.flowNo = f[1];
            line.feeMinor = -fee;
            line.status = f[24].isEmpty() ? u"SUCCESS"_s : f[24];
        } else if (f[2] == u"退款"_s) {
            line.type = StatementLine::Type::Refund;
            line.originalChannelTxnNo = f[0];
            line.originalFlowNo = f[1];
            line.flowNo = f[21];
            line.feeMinor = fee;
            line.status = f[24].isEmpty() ? u"REFUND"_s : f[24];
        } else {
            quarantine(QCoreApplication::translate("Recon", "unknown business type \"%1\"").arg(f[2]));
            continue;
        }
        if (line.flowNo.isEmpty()) {
            quarantine(QCoreApplication::translate("Recon", "empty merchant order no."));
            continue;
        }
        ++info.lines;
        emitLine(sink, line, lineNo);
    }
    if (endLine == 0)
        return reject(int(rows.size()) + 1,
            QCoreApplication::translate(
                "Recon", "the bill is truncated: the end of the detail list is missing"));
    static const QRegularExpression countRe(u"^#(交易|退款)合计：(\\d+)笔"_s);
    qint64 payments = -1;
    qint64 refunds = -1;
    int lastTotals = endLine;
    for (; i < rows.size(); ++i) {
        if (rows[i].isEmpty())
            continue;
        const QString row = QString(gbk.decode(rows[i])).trimmed();
        gbk.resetState();
        if (!row.startsWith(u'#'))
            return reject(
                i + 1, QCoreApplication::translate("Recon", "data after the end of the detail list"));
        const auto m = countRe.match(row);
        if (m.hasMatch()) {
            (m.captured(1) == u"交易"_s ? payments : refunds) = m.captured(2).toLongLong();
            lastTotals = i + 1;
        }
    }
    if (payments < 0 || refunds < 0)
        return reject(lastTotals + 1,
            QCoreApplication::translate("Recon", "the bill is truncated: the totals lines are missing"));
    if (payments + refunds != dataRows)
        return reject(lastTotals,
            QCoreApplication::translate("Recon", "the totals say %1 rows but the bill has %2")
                .arg(payments + refunds)
                .arg(dataRows));
    return info;
}

} // namespace

bool StatementReader::parseInteger(QByteArrayView text, qint64 &value)
{
    bool negative = false;
    if (!text.isEmpty() && text.front() == '-') {
        negative = true;
        text = text.sliced(1);
    }
    if (!digitsOnly(text) || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text)
        v = v * 10 + (c - '0');
    value = negative ? -v : v;
    return true;
}

bool StatementReader::parseMajorAmount(QStringView text, qint64 &minor)
{
    text = text.trimmed();
    bool negative = false;
    if (!text.isEmpty() && (text.front() == u'-' || text.front() == u'+')) {
        negative = text.front() == u'-';
        text = text.sliced(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.first(dot);
    const QStringView frac = dot < 0 ? QStringView() : text.sliced(dot + 1);
    if (whole.isEmpty() || whole.size() > 15 || (dot >= 0 && (frac.isEmpty() || frac.size() > 2)))
        return false;
    qint64 v = 0;
    for (QChar c : whole) {
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    qint64 cents = 0;
    for (qsizetype k = 0; k < 2; ++k) {
        const QChar c = k < frac.size() ? frac[k] : u'0';
        if (c < u'0' || c > u'9')
            return false;
        cents = cents * 10 + (c.unicode() - u'0');
    }
    v = v * 100 + cents;
    minor = negative ? -v : v;
    return true;
}

bool StatementReader::parseUtcTime(QByteArrayView t, qint64 &ms)
{
    // yyyy-MM-ddTHH:mm:ss.zzzZ (24) or yyyy-MM-dd HH:mm:ss (19)
    if (t.size() != 24 && t.size() != 19)
        return false;
    const char *p = t.data();
    auto digitAt = [&](std::initializer_list<int> at) {
        for (int k : at) {
            if (p[k] < '0' || p[k] > '9')
                return false;
        }
        return true;
    };
    if (!digitAt({0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) || p[4] != '-' || p[7] != '-'
        || p[13] != ':' || p[16] != ':')
        return false;
    int millis = 0;
    if (t.size() == 24) {
        if (p[10] != 'T' || p[19] != '.' || p[23] != 'Z' || !digitAt({20, 21, 22}))
            return false;
        millis = (p[20] - '0') * 100 + (p[21] - '0') * 10 + (p[22] - '0');
    } else if (p[10] != ' ') {
        return false;
    }
    const int year = twoDigits(p) * 100 + twoDigits(p + 2);
    const int month = twoDigits(p + 5);
    const int day = twoDigits(p + 8);
    const int hour = twoDigits(p + 11);
    const int minute = twoDigits(p + 14);
    const int second = twoDigits(p + 17);
    if (!QDate::isValid(year, month, day) || hour > 23 || minute > 59 || second > 59)
        return false;
    ms = ((daysFromCivil(year, unsigned(month), unsigned(day)) * 24 + hour) * 60 + minute) * 60'000LL
        + second * 1000LL + millis;
    return true;
}

Result<StatementWriter::Format> StatementReader::detect(const QByteArray &bytes)
{
    QByteArrayView head(bytes.constData(), qMin<qsizetype>(bytes.size(), 4096));
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    qsizetype k = 0;
    while (k < head.size() && (head[k] == '\n' || head[k] == '\r'))
        ++k;
    head = head.sliced(k);
    if (head.startsWith("# paydesk-statement") || head.startsWith(kCanonicalHeader))
        return Format::Canonical;
    if (head.startsWith(QByteArrayView("交易时间,公众账号ID")))
        return Format::WechatAll;
    QStringDecoder gbk("GBK");
    if (gbk.isValid()) {
        const QString text = gbk.decode(head);
        if (text.startsWith(u"#支付宝"_s) || text.startsWith(u"支付宝交易号,商户订单号"_s))
            return Format::AlipayDetail;
    }
    return reject(1,
        QCoreApplication::translate("Recon",
            "unknown statement layout (not canonical CSV, WeChat Pay ALL or Alipay business detail)"));
}

StatementLine RawStatementLine::toLine() const
{
    StatementLine l;
    l.type = type;
    l.flowNo = QString::fromUtf8(flowNo);
    l.channelTxnNo = QString::fromUtf8(channelTxnNo);
    l.originalFlowNo = QString::fromUtf8(originalFlowNo);
    l.originalChannelTxnNo = QString::fromUtf8(originalChannelTxnNo);
    l.currency = QString::fromUtf8(currency);
    l.status = QString::fromUtf8(status);
    l.subject = QString::fromUtf8(subject);
    l.amountMinor = amountMinor;
    l.feeMinor = feeMinor;
    l.timeMs = timeMs;
    return l;
}

Result<StatementInfo> StatementReader::readRaw(
    const QByteArray &bytes, std::optional<Format> format, const RawSink &sink)
{
    Format f;
    if (format) {
        f = *format;
    } else {
        auto d = detect(bytes);
        if (!d)
            return std::unexpected(d.error());
        f = *d;
    }
    switch (f) {
    case Format::Canonical:
        return readCanonical(bytes, sink);
    case Format::WechatAll:
        return readWechat(bytes, sink);
    case Format::AlipayDetail:
        return readAlipay(bytes, sink);
    }
    return rejectFile(QCoreApplication::translate("Recon", "Unknown statement format"));
}

Result<StatementInfo> StatementReader::read(
    const QByteArray &bytes, std::optional<Format> format, const Sink &sink)
{
    return readRaw(
        bytes, format, [&sink](const RawStatementLine &raw, int lineNo) { sink(raw.toLine(), lineNo); });
}

Result<ImportedStatement> StatementReader::read(const QByteArray &bytes, std::optional<Format> format)
{
    ImportedStatement out;
    auto info = read(bytes, format, [&out](const StatementLine &l, int lineNo) {
        out.lines.append(l);
        out.lineNos.append(lineNo);
    });
    if (!info)
        return std::unexpected(info.error());
    out.info = *info;
    return out;
}

Result<QByteArray> StatementReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
            QCoreApplication::translate("Recon", "Cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace pay
