#pragma once

#include "channel.h"

#include <QCoreApplication>

namespace pay {

// Writes a channel's daily statement in the layouts recon imports. All times are UTC.
//
// Canonical CSV (every channel), UTF-8, LF line ends, RFC 4180 quoting:
//   # paydesk-statement v1 channel=<name> day=<yyyy-MM-dd> tz=UTC
//   type,flow_no,channel_txn_no,original_flow_no,original_channel_txn_no,amount_minor,currency,status,time_utc,fee_minor
//   PAYMENT|REFUND, our flow no. (refunds: refund no.), channel txn (refunds: channel refund id),
//   refunds: refunded flow no. and its channel txn, integer minor units, ISO code,
//   SUCCESS|REFUND (or what the channel says), yyyy-MM-ddTHH:mm:ss.zzzZ, fee charged / given back
//   # end rows=<n> payment_total_minor=<sum> refund_total_minor=<sum> fee_total_minor=<charged - returned>
// WeChat Pay v2 trade bill, type ALL (qr_a): header row, data rows with every field prefixed by
//   a backtick, amounts in yuan with two decimals, then the summary header row and the summary
//   row (also backtick-prefixed). UTF-8, CRLF, as downloaded.
// Alipay business-detail bill (qr_b): GBK, CRLF; `#` comment lines before the header row and
//   after the detail rows (totals and export time).
class StatementWriter
{
    Q_DECLARE_TR_FUNCTIONS(StatementWriter)
public:
    enum class Format { Canonical, WechatAll, AlipayDetail };

    struct Context
    {
        QString channel;
        QDate day;
        qint64 exportedAtMs = 0;
        QString merchantId = QStringLiteral("1900000109"); // WeChat mch_id / Alipay account
        QString appId = QStringLiteral("wxpaydesk0000001"); // WeChat appid
        int feeRateBps = -1; // the contract rate for the WeChat 费率 column; -1: fee / amount per row
    };

    static Result<Format> formatFromName(QStringView name); // canonical, wechat, alipay
    static QString formatName(Format format);
    // Which formats a channel exports: canonical always; wechat for qr_a; alipay for qr_b.
    static bool supports(const QString &channel, Format format);

    static Result<QByteArray> write(Format format, const QList<StatementLine> &lines, const Context &context);
    static QByteArray canonicalCsv(const QList<StatementLine> &lines, const Context &context);
    static QByteArray wechatAll(const QList<StatementLine> &lines, const Context &context);
    static Result<QByteArray> alipayDetail(const QList<StatementLine> &lines, const Context &context);

    // Reads the canonical CSV back (recon and round-trip tests).
    static Result<QList<StatementLine>> parseCanonicalCsv(const QByteArray &csv);
};

} // namespace pay
