// StatementWriter: the canonical CSV (exact bytes and round trip), the WeChat ALL bill and the
// GBK Alipay business-detail bill.
#include "channel/statementwriter.h"

#include <QStringDecoder>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

const qint64 T = QDateTime(QDate(2026, 5, 29), QTime(10, 11, 12, 345), Qt::UTC).toMSecsSinceEpoch();

QList<StatementLine> sample()
{
    StatementLine pay;
    pay.flowNo = u"F1"_s;
    pay.channelTxnNo = u"4200001234202605290000000001"_s;
    pay.amountMinor = 1230;
    pay.currency = u"CNY"_s;
    pay.status = u"SUCCESS"_s;
    pay.timeMs = T;
    pay.feeMinor = 5;
    pay.subject = u"Tea, green"_s;
    StatementLine refund;
    refund.type = StatementLine::Type::Refund;
    refund.flowNo = u"R1"_s;
    refund.channelTxnNo = u"5030001234202605290000000001"_s;
    refund.originalFlowNo = u"F1"_s;
    refund.originalChannelTxnNo = pay.channelTxnNo;
    refund.amountMinor = 500;
    refund.currency = u"CNY"_s;
    refund.status = u"REFUND"_s;
    refund.timeMs = T + 3600'000;
    refund.feeMinor = 2;
    return {pay, refund};
}

StatementWriter::Context context(const QString &channel)
{
    StatementWriter::Context c;
    c.channel = channel;
    c.day = QDate(2026, 5, 29);
    c.exportedAtMs = QDateTime(QDate(2026, 5, 30), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    return c;
}

} // namespace

class TestStatementWriter : public QObject
{
    Q_OBJECT
private slots:
    void canonicalExactBytes();
    void canonicalRoundTrip();
    void canonicalDetectsTruncation_data();
    void canonicalDetectsTruncation();
    void wechatAllLayout();
    void alipayDetailIsGbk();
    void formats_data();
    void formats();
};

void TestStatementWriter::canonicalExactBytes()
{
    const QByteArray csv = StatementWriter::canonicalCsv(sample(), context(u"qr_a"_s));
    const QByteArray expected
        = "# paydesk-statement v1 channel=qr_a day=2026-05-29 tz=UTC\n"
          "type,flow_no,channel_txn_no,original_flow_no,original_channel_txn_no,amount_minor,currency,status,"
          "time_utc,fee_minor\n"
          "PAYMENT,F1,4200001234202605290000000001,,,1230,CNY,SUCCESS,2026-05-29T10:11:12.345Z,5\n"
          "REFUND,R1,5030001234202605290000000001,F1,4200001234202605290000000001,500,CNY,REFUND,2026-05-"
          "29T11:11:12.345Z,2\n"
          "# end rows=2 payment_total_minor=1230 refund_total_minor=500 fee_total_minor=3\n";
    QCOMPARE(csv, expected);
}

void TestStatementWriter::canonicalRoundTrip()
{
    QList<StatementLine> lines = sample();
    lines[0].flowNo = u"F,\"quoted\""_s; // needs RFC 4180 quoting
    auto back = StatementWriter::parseCanonicalCsv(StatementWriter::canonicalCsv(lines, context(u"card"_s)));
    QVERIFY(back);
    QCOMPARE(back->size(), 2);
    QCOMPARE(back->at(0).flowNo, lines[0].flowNo);
    QCOMPARE(back->at(0).timeMs, T);
    QCOMPARE(back->at(1).type, StatementLine::Type::Refund);
    QCOMPARE(back->at(1).originalChannelTxnNo, lines[1].originalChannelTxnNo);
    QCOMPARE(back->at(1).feeMinor, 2);
}

void TestStatementWriter::canonicalDetectsTruncation_data()
{
    QTest::addColumn<int>("dropLastLines");
    QTest::addRow("end line missing") << 1;
    QTest::addRow("a row and the end missing") << 2;
}

void TestStatementWriter::canonicalDetectsTruncation()
{
    QFETCH(int, dropLastLines);
    QByteArrayList rows = StatementWriter::canonicalCsv(sample(), context(u"card"_s)).split('\n');
    rows.removeLast(); // the empty piece after the final \n
    for (int i = 0; i < dropLastLines; ++i)
        rows.removeLast();
    const auto back = StatementWriter::parseCanonicalCsv(rows.join('\n'));
    QVERIFY(!back);
    QCOMPARE(back.error().code, ErrorCode::Malformed);
}

void TestStatementWriter::wechatAllLayout()
{
    const QByteArray bill = StatementWriter::wechatAll(sample(), context(u"qr_a"_s));
    const QStringList rows = QString::fromUtf8(bill).split(u"\r\n"_s);
    QCOMPARE(rows.size(), 6); // header, 2 rows, summary header, summary, trailing empty
    QVERIFY(rows[0].startsWith(u"交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号"_s));
    QCOMPARE(rows[0].split(u',').size(), 27);
    QVERIFY(!rows[0].contains(u'`'));
    const QStringList pay = rows[1].split(u',');
    QCOMPARE(pay.size(), 27);
    for (const QString &f : pay)
        QVERIFY2(f.startsWith(u'`'), qPrintable(f)); // every field, even empty ones
    QCOMPARE(pay[0], u"`2026-05-29 10:11:12"_s);
    QCOMPARE(pay[5], u"`4200001234202605290000000001"_s);
    QCOMPARE(pay[6], u"`F1"_s);
    QCOMPARE(pay[9], u"`SUCCESS"_s);
    QCOMPARE(pay[12], u"`12.30"_s); // yuan, two decimals
    QCOMPARE(pay[20], u"`Tea， green"_s); // no bare comma inside a field
    QCOMPARE(pay[22], u"`0.05"_s);
    QCOMPARE(pay[23], u"`0.41%"_s);
    const QStringList refund = rows[2].split(u',');
    QCOMPARE(refund[5], u"`4200001234202605290000000001"_s); // the original transaction
    QCOMPARE(refund[9], u"`REFUND"_s);
    QCOMPARE(refund[12], u"`0.00"_s);
    QCOMPARE(refund[14], u"`5030001234202605290000000001"_s);
    QCOMPARE(refund[15], u"`R1"_s);
    QCOMPARE(refund[16], u"`5.00"_s);
    QCOMPARE(refund[18], u"`ORIGINAL"_s);
    QCOMPARE(refund[19], u"`SUCCESS"_s);
    QCOMPARE(refund[22], u"`-0.02"_s);
    QCOMPARE(rows[3],
        u"总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"_s);
    QCOMPARE(rows[4], u"`2,`12.30,`5.00,`0.00,`0.03,`12.30,`5.00"_s);
    QCOMPARE(rows[5], QString());
    // With the contract rate known, the rate column shows it instead of fee / amount.
    StatementWriter::Context withRate = context(u"qr_a"_s);
    withRate.feeRateBps = 38;
    const QString rated = QString::fromUtf8(StatementWriter::wechatAll(sample(), withRate));
    QCOMPARE(rated.split(u"\r\n"_s).at(1).split(u',').at(23), u"`0.38%"_s);
}

void TestStatementWriter::alipayDetailIsGbk()
{
    auto bill = StatementWriter::alipayDetail(sample(), context(u"qr_b"_s));
    QVERIFY(bill);
    // GBK bytes, not UTF-8: "#支付宝业务明细查询" and 交易 / 退款 as GBK.
    QVERIFY(bill->startsWith(QByteArray::fromHex("23d6a7b8b6b1a6d2b5cef1c3f7cfb8b2e9d1af0d0a")));
    QVERIFY(bill->contains(QByteArray::fromHex("2cbdbbd2d72c"))); // ,交易,
    QVERIFY(bill->contains(QByteArray::fromHex("2ccdcbbfee2c"))); // ,退款,
    QVERIFY(!bill->contains(QByteArray("\xe6\x94\xaf", 3))); // no UTF-8 支
    QStringDecoder gbk("GBK");
    QVERIFY(gbk.isValid());
    const QString text = gbk.decode(*bill);
    QVERIFY(!gbk.hasError());
    const QStringList rows = text.split(u"\r\n"_s);
    QCOMPARE(rows[1], u"#账号：[20881234567890120156]"_s);
    QCOMPARE(rows[2], u"#起始日期：[2026年05月29日 00:00:00]   终止日期：[2026年05月30日 00:00:00]"_s);
    QVERIFY(rows[3].startsWith(u"#---"_s));
    QVERIFY(rows[4].startsWith(u"支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间"_s));
    QCOMPARE(rows[4].split(u',').size(), 25);
    const QStringList pay = rows[5].split(u',');
    QCOMPARE(pay.size(), 25);
    QCOMPARE(pay[0], u"4200001234202605290000000001"_s);
    QCOMPARE(pay[1], u"F1"_s);
    QCOMPARE(pay[2], u"交易"_s);
    QCOMPARE(pay[11], u"12.30"_s);
    QCOMPARE(pay[12], u"12.30"_s);
    QCOMPARE(pay[22], u"-0.05"_s);
    const QStringList refund = rows[6].split(u',');
    QCOMPARE(refund[1], u"F1"_s);
    QCOMPARE(refund[2], u"退款"_s);
    QCOMPARE(refund[12], u"-5.00"_s);
    QCOMPARE(refund[21], u"R1"_s);
    QVERIFY(rows[7].startsWith(u"#---"_s) && rows[7].contains(u"业务明细列表结束"_s));
    QCOMPARE(rows[8], u"#交易合计：1笔，商家实收共：12.30元，服务费共：-0.05元"_s);
    QCOMPARE(rows[9], u"#退款合计：1笔，商家实退共：-5.00元，退还服务费共：0.02元"_s);
    QCOMPARE(rows[10], u"#导出时间：[2026年05月30日 09:00:00]"_s);
}

void TestStatementWriter::formats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<bool>("supported");
    QTest::addRow("canonical card") << u"canonical"_s << u"card"_s << true;
    QTest::addRow("wechat qr_a") << u"wechat"_s << u"qr_a"_s << true;
    QTest::addRow("wechat qr_b") << u"wechat"_s << u"qr_b"_s << false;
    QTest::addRow("alipay qr_b") << u"alipay"_s << u"qr_b"_s << true;
    QTest::addRow("alipay wallet") << u"alipay"_s << u"wallet"_s << false;
}

void TestStatementWriter::formats()
{
    QFETCH(QString, name);
    QFETCH(QString, channel);
    QFETCH(bool, supported);
    auto f = StatementWriter::formatFromName(name);
    QVERIFY(f);
    QCOMPARE(StatementWriter::formatName(*f), name);
    QCOMPARE(StatementWriter::supports(channel, *f), supported);
    QVERIFY(!StatementWriter::formatFromName(u"csv"_s));
}

QTEST_GUILESS_MAIN(TestStatementWriter)
#include "tst_statementwriter.moc"
