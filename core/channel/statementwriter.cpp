#include "statementwriter.h"

#include "../money/money.h"

#include <QDateTime>
#include <QStringEncoder>
#include <iconv.h>

using namespace Qt::StringLiterals;

namespace pay {

namespace {

const QString CanonicalHeader = u"type,flow_no,channel_txn_no,original_flow_no,original_channel_txn_no,"
                                "amount_minor,currency,status,time_utc,fee_minor"_s;

Currency currencyOf(const QString &code)
{
    auto c = Currency::fromCode(code);
    return c ? *c : Currency::cny();
}

// Yuan (or the currency's major unit) with its minor digits: 1230 -> "12.30".
QString major(qint64 minor, const QString &currency)
{
    return Money(minor, currencyOf(currency)).toDecimalString();
}

QString utc(qint64 ms, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(format);
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString quoted = s;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

// The vendor layouts do not quote: keep separators and line breaks out of free text.
QString plainText(QString s)
{
    s.replace(u',', u'\uFF0C');
    s.remove(u'`');
    s.replace(u'\r', u' ');
    s.replace(u'\n', u' ');
    return s;
}

// fee / amount as a percentage with two decimals, rounded half up: "0.38%".
QString rateText(qint64 fee, qint64 amount)
{
    if (amount <= 0 || fee <= 0)
        return u"0.00%"_s;
    __extension__ using Wide = __int128;
    const qint64 hundredths = qint64((Wide(fee) * 10'000 * 2 + Wide(amount)) / (Wide(amount) * 2));
    return u"%1.%2%"_s.arg(hundredths / 100).arg(hundredths % 100, 2, 10, QLatin1Char('0'));
}

bool isRefund(const StatementLine &l)
{
    return l.type == StatementLine::Type::Refund;
}

Result<QByteArray> toGbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    if (encoder.isValid())
        return QByteArray(encoder.encode(text));
    // Qt without ICU has no GBK codec; glibc's iconv does.
    iconv_t cd = iconv_open("GBK//TRANSLIT", "UTF-8");
    if (cd == iconv_t(-1))
        return fail(
            ErrorCode::Internal, QCoreApplication::translate("StatementWriter", "No GBK encoder available"));
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 2 + 16, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == size_t(-1))
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("StatementWriter", "Text is not representable in GBK"));
    out.truncate(out.size() - qsizetype(outLeft));
    return out;
}

QStringList splitCsvLine(const QString &line, bool *ok)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    current += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == u'"' && current.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (quoted)
        *ok = false;
    fields << current;
    return fields;
}

} // namespace

Result<StatementWriter::Format> StatementWriter::formatFromName(QStringView name)
{
    if (name == u"canonical")
        return Format::Canonical;
    if (name == u"wechat")
        return Format::WechatAll;
    if (name == u"alipay")
        return Format::AlipayDetail;
    return fail(ErrorCode::InvalidArgument,
        tr("Unknown statement format \"%1\" (canonical, wechat or alipay)").arg(name.toString()));
}

QString StatementWriter::formatName(Format format)
{
    switch (format) {
    case Format::Canonical:
        return u"canonical"_s;
    case Format::WechatAll:
        return u"wechat"_s;
    case Format::AlipayDetail:
        return u"alipay"_s;
    }
    return {};
}

bool StatementWriter::supports(const QString &channel, Format format)
{
    switch (format) {
    case Format::Canonical:
        return true;
    case Format::WechatAll:
        return channel == u"qr_a"_s;
    case Format::AlipayDetail:
        return channel == u"qr_b"_s;
    }
    return false;
}

Result<QByteArray> StatementWriter::write(
    Format format, const QList<StatementLine> &lines, const Context &context)
{
    switch (format) {
    case Format::Canonical:
        return canonicalCsv(lines, context);
    case Format::WechatAll:
        return wechatAll(lines, context);
    case Format::AlipayDetail:
        return alipayDetail(lines, context);
    }
    return fail(ErrorCode::InvalidArgument, tr("Unknown statement format"));
}

QByteArray StatementWriter::canonicalCsv(const QList<StatementLine> &lines, const Context &context)
{
    QString out;
    out += u"# paydesk-statement v1 channel=%1 day=%2 tz=UTC\n"_s.arg(
        context.channel, context.day.toString(Qt::ISODate));
    out += CanonicalHeader + u'\n';
    qint64 payments = 0;
    qint64 refunds = 0;
    qint64 fees = 0;
    for (const StatementLine &l : lines) {
        const bool refund = isRefund(l);
        (refund ? refunds : payments) += l.amountMinor;
        fees += refund ? -l.feeMinor : l.feeMinor;
        const QStringList fields {refund ? u"REFUND"_s : u"PAYMENT"_s, csvField(l.flowNo),
            csvField(l.channelTxnNo), csvField(l.originalFlowNo), csvField(l.originalChannelTxnNo),
            QString::number(l.amountMinor), csvField(l.currency), csvField(l.status),
            utc(l.timeMs, u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s), QString::number(l.feeMinor)};
        out += fields.join(u',') + u'\n';
    }
    out += u"# end rows=%1 payment_total_minor=%2 refund_total_minor=%3 fee_total_minor=%4\n"_s
               .arg(lines.size())
               .arg(payments)
               .arg(refunds)
               .arg(fees);
    return out.toUtf8();
}

QByteArray StatementWriter::wechatAll(const QList<StatementLine> &lines, const Context &context)
{
    QString out;
    out += u"交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
           "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
           "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"_s;
    qint64 settled = 0;
    qint64 refunded = 0;
    qint64 fees = 0;
    qint64 ordered = 0;
    QString currency = u"CNY"_s;
    for (const StatementLine &l : lines) {
        const bool refund = isRefund(l);
        currency = l.currency;
        const qint64 settle = refund ? 0 : l.amountMinor;
        const qint64 refundAmount = refund ? l.amountMinor : 0;
        const qint64 fee = refund ? -l.feeMinor : l.feeMinor;
        settled += settle;
        refunded += refundAmount;
        fees += fee;
        ordered += settle;
        const QStringList fields {
            utc(l.timeMs, u"yyyy-MM-dd HH:mm:ss"_s),
            context.appId,
            context.merchantId,
            u"0"_s,
            QString(),
            refund ? l.originalChannelTxnNo : l.channelTxnNo,
            refund ? l.originalFlowNo : l.flowNo,
            u"oPAYDESK0000000000000000"_s,
            u"NATIVE"_s,
            refund ? u"REFUND"_s : l.status,
            u"OTHERS"_s,
            l.currency,
            major(settle, l.currency),
            u"0.00"_s,
            refund ? l.channelTxnNo : u"0"_s,
            refund ? l.flowNo : u"0"_s,
            major(refundAmount, l.currency),
            u"0.00"_s,
            refund ? u"ORIGINAL"_s : QString(),
            refund ? (l.status == u"REFUND"_s ? u"SUCCESS"_s : l.status) : QString(),
            plainText(l.subject),
            QString(),
            major(fee, l.currency),
            context.feeRateBps >= 0 ? u"%1.%2%"_s.arg(context.feeRateBps / 100)
                                          .arg(context.feeRateBps % 100, 2, 10, QLatin1Char('0'))
                                    : rateText(l.feeMinor, l.amountMinor),
            major(settle, l.currency),
            major(refundAmount, l.currency),
            QString(),
        };
        QString row;
        for (const QString &f : fields)
            row += (row.isEmpty() ? u"`"_s : u",`"_s) + f;
        out += row + u"\r\n"_s;
    }
    out += u"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"_s;
    out += u"`%1,`%2,`%3,`0.00,`%4,`%5,`%6\r\n"_s.arg(lines.size())
               .arg(major(settled, currency), major(refunded, currency), major(fees, currency),
                   major(ordered, currency), major(refunded, currency));
    return out.toUtf8();
}

Result<QByteArray> StatementWriter::alipayDetail(const QList<StatementLine> &lines, const Context &context)
{
    const QString account
        = context.merchantId.startsWith(u"2088"_s) ? context.merchantId : u"20881234567890120156"_s;
    const QString from = context.day.toString(u"yyyy年MM月dd日"_s);
    const QString to = context.day.addDays(1).toString(u"yyyy年MM月dd日"_s);
    QString out;
    out += u"#支付宝业务明细查询\r\n"_s;
    out += u"#账号：[%1]\r\n"_s.arg(account);
    out += u"#起始日期：[%1 00:00:00]   终止日期：[%2 00:00:00]\r\n"_s.arg(from, to);
    out += u"#-----------------------------------------业务明细列表----------------------------------------\r\n"_s;
    out += u"支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
           u"对方账户,"
           "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,"
           "券核销金额（元）,"
           "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注\r\n"_s;
    int payCount = 0;
    int refundCount = 0;
    qint64 received = 0;
    qint64 paidBack = 0;
    qint64 fees = 0;
    qint64 feesBack = 0;
    QString currency = u"CNY"_s;
    for (const StatementLine &l : lines) {
        const bool refund = isRefund(l);
        currency = l.currency;
        const QString time = utc(l.timeMs, u"yyyy-MM-dd HH:mm:ss"_s);
        const bool usualStatus = l.status == (refund ? u"REFUND"_s : u"SUCCESS"_s);
        if (refund) {
            ++refundCount;
            paidBack += l.amountMinor;
            feesBack += l.feeMinor;
        } else {
            ++payCount;
            received += l.amountMinor;
            fees += l.feeMinor;
        }
        const QStringList fields {
            refund ? l.originalChannelTxnNo : l.channelTxnNo,
            refund ? l.originalFlowNo : l.flowNo,
            refund ? u"退款"_s : u"交易"_s,
            plainText(l.subject),
            time,
            time,
            QString(),
            QString(),
            QString(),
            QString(),
            QString(),
            major(l.amountMinor, l.currency),
            major(refund ? -l.amountMinor : l.amountMinor, l.currency),
            u"0.00"_s,
            u"0.00"_s,
            u"0.00"_s,
            u"0.00"_s,
            u"0.00"_s,
            QString(),
            u"0.00"_s,
            u"0.00"_s,
            refund ? l.flowNo : QString(),
            major(refund ? l.feeMinor : -l.feeMinor, l.currency),
            u"0.00"_s,
            usualStatus ? QString() : plainText(l.status),
        };
        out += fields.join(u',') + u"\r\n"_s;
    }
    out += u"#-----------------------------------------业务明细列表结束------------------------------------\r\n"_s;
    out += u"#交易合计：%1笔，商家实收共：%2元，服务费共：%3元\r\n"_s.arg(payCount).arg(
        major(received, currency), major(-fees, currency));
    out += u"#退款合计：%1笔，商家实退共：%2元，退还服务费共：%3元\r\n"_s.arg(refundCount)
               .arg(major(-paidBack, currency), major(feesBack, currency));
    out += u"#导出时间：[%1]\r\n"_s.arg(utc(context.exportedAtMs, u"yyyy年MM月dd日 HH:mm:ss"_s));
    return toGbk(out);
}

Result<QList<StatementLine>> StatementWriter::parseCanonicalCsv(const QByteArray &csv)
{
    const QStringList rows = QString::fromUtf8(csv).split(u'\n');
    QList<StatementLine> lines;
    bool headerSeen = false;
    bool endSeen = false;
    qint64 expectedRows = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QString row = rows.at(i);
        if (row.endsWith(u'\r'))
            row.chop(1);
        if (row.isEmpty())
            continue;
        if (row.startsWith(u'#')) {
            if (row.startsWith(u"# end "_s)) {
                endSeen = true;
                for (const QString &part : row.mid(6).split(u' ')) {
                    if (part.startsWith(u"rows="_s))
                        expectedRows = part.mid(5).toLongLong();
                }
            }
            continue;
        }
        if (!headerSeen) {
            if (row != CanonicalHeader)
                return fail(ErrorCode::Malformed, tr("Line %1: not a canonical statement header").arg(i + 1));
            headerSeen = true;
            continue;
        }
        bool ok = false;
        const QStringList f = splitCsvLine(row, &ok);
        if (!ok || f.size() != 10)
            return fail(ErrorCode::Malformed, tr("Line %1: expected 10 fields").arg(i + 1));
        StatementLine l;
        if (f.at(0) == u"PAYMENT"_s)
            l.type = StatementLine::Type::Payment;
        else if (f.at(0) == u"REFUND"_s)
            l.type = StatementLine::Type::Refund;
        else
            return fail(ErrorCode::Malformed, tr("Line %1: unknown type %2").arg(i + 1).arg(f.at(0)));
        l.flowNo = f.at(1);
        l.channelTxnNo = f.at(2);
        l.originalFlowNo = f.at(3);
        l.originalChannelTxnNo = f.at(4);
        bool amountOk = false;
        bool feeOk = false;
        l.amountMinor = f.at(5).toLongLong(&amountOk);
        l.currency = f.at(6);
        l.status = f.at(7);
        const QDateTime t = QDateTime::fromString(f.at(8), Qt::ISODateWithMs);
        l.feeMinor = f.at(9).toLongLong(&feeOk);
        if (!amountOk || !feeOk || !t.isValid())
            return fail(ErrorCode::Malformed, tr("Line %1: bad amount, fee or time").arg(i + 1));
        l.timeMs = t.toMSecsSinceEpoch();
        lines << l;
    }
    if (!headerSeen)
        return fail(ErrorCode::Malformed, tr("No canonical statement header"));
    if (!endSeen || expectedRows != lines.size())
        return fail(ErrorCode::Malformed,
            tr("The statement is truncated: the end line is missing or does not match"));
    return lines;
}

} // namespace pay
