#include "recon/statementreader.h"
#include "testsupport.h"

#include <QDateTime>
#include <QStringEncoder>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 5, 29);

qint64 at(int h, int m, int s, int ms = 0)
{
    return QDateTime(kDay, QTime(h, m, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

QList<StatementLine> sampleLines()
{
    StatementLine p1;
    p1.flowNo = u"F1"_s;
    p1.channelTxnNo = u"4200001"_s;
    p1.amountMinor = 1230;
    p1.currency = u"CNY"_s;
    p1.status = u"SUCCESS"_s;
    p1.timeMs = at(10, 11, 12, 345);
    p1.feeMinor = 5;
    p1.subject = u"Green tea, large"_s;
    StatementLine p2 = p1;
    p2.flowNo = u"F2"_s;
    p2.channelTxnNo = u"4200002"_s;
    p2.amountMinor = 100001; // 1000.01 yuan
    p2.timeMs = at(23, 59, 59);
    p2.feeMinor = 380;
    StatementLine r1;
    r1.type = StatementLine::Type::Refund;
    r1.flowNo = u"R1"_s;
    r1.channelTxnNo = u"5030001"_s;
    r1.originalFlowNo = u"F1"_s;
    r1.originalChannelTxnNo = u"4200001"_s;
    r1.amountMinor = 5; // 0.05 yuan
    r1.currency = u"CNY"_s;
    r1.status = u"REFUND"_s;
    r1.timeMs = at(11, 0, 0);
    r1.feeMinor = 0;
    return {p1, p2, r1};
}

QByteArray write(StatementWriter::Format f, const QList<StatementLine> &lines = sampleLines())
{
    StatementWriter::Context c;
    c.channel = f == StatementWriter::Format::AlipayDetail ? u"qr_b"_s : u"qr_a"_s;
    c.day = kDay;
    c.exportedAtMs = at(23, 59, 59) + 3600'000;
    auto bytes = StatementWriter::write(f, lines, c);
    return bytes ? *bytes : QByteArray();
}

// Line separator of a layout (canonical LF, vendors CRLF).
QByteArray eol(StatementWriter::Format f)
{
    return f == StatementWriter::Format::Canonical ? "\n" : "\r\n";
}

QList<QByteArray> splitLines(const QByteArray &b, StatementWriter::Format f)
{
    QList<QByteArray> l = b.split('\n');
    if (l.last().isEmpty())
        l.removeLast();
    if (f != StatementWriter::Format::Canonical) {
        for (QByteArray &x : l)
            x.chop(1);
    }
    return l;
}

QByteArray joinLines(const QList<QByteArray> &l, StatementWriter::Format f)
{
    return l.join(eol(f)) + eol(f);
}

// The physical line (1-based) of the first line containing needle.
int lineOf(const QList<QByteArray> &lines, const QByteArray &needle)
{
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i + 1;
    }
    return -1;
}

QByteArray gbk(const QString &s)
{
    QStringEncoder e("GBK");
    return e.encode(s);
}

} // namespace

Q_DECLARE_METATYPE(pay::StatementWriter::Format)

class TestStatementReader : public QObject
{
    Q_OBJECT
private slots:
    void amounts_data();
    void amounts();
    void times();
    void roundTrip_data();
    void roundTrip();
    void truncatedIsRejected_data();
    void truncatedIsRejected();
    void badHeaderIsRejected_data();
    void badHeaderIsRejected();
    void badLineIsQuarantined_data();
    void badLineIsQuarantined();
    void countMismatchIsRejected();
    void invalidGbkBytesQuarantined();
    void unknownLayoutRejected();
    void explicitFormatWins();
};

void TestStatementReader::amounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("12.30") << u"12.30"_s << true << qint64(1230);
    QTest::newRow("0.01") << u"0.01"_s << true << qint64(1);
    QTest::newRow("7") << u"7"_s << true << qint64(700);
    QTest::newRow("7.5") << u"7.5"_s << true << qint64(750);
    QTest::newRow("-0.05") << u"-0.05"_s << true << qint64(-5);
    QTest::newRow("big") << u"92233720368547.58"_s << true << qint64(9223372036854758);
    QTest::newRow("0.1+0.2 exact") << u"0.30"_s << true << qint64(30);
    QTest::newRow("three decimals") << u"1.234"_s << false << qint64(0);
    QTest::newRow("exponent") << u"1e3"_s << false << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("dot only") << u"12."_s << false << qint64(0);
    QTest::newRow("letters") << u"abc"_s << false << qint64(0);
    QTest::newRow("comma") << u"1,000.00"_s << false << qint64(0);
}

void TestStatementReader::amounts()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, minor);
    qint64 v = -1;
    QCOMPARE(StatementReader::parseMajorAmount(text, v), ok);
    if (ok)
        QCOMPARE(v, minor);
}

void TestStatementReader::times()
{
    qint64 ms = 0;
    QVERIFY(StatementReader::parseUtcTime("2026-05-29T10:11:12.345Z", ms));
    QCOMPARE(ms, at(10, 11, 12, 345));
    QVERIFY(StatementReader::parseUtcTime("2026-05-29 23:59:59", ms));
    QCOMPARE(ms, at(23, 59, 59));
    QVERIFY(StatementReader::parseUtcTime("2024-02-29 00:00:00", ms));
    QVERIFY(!StatementReader::parseUtcTime("2026-02-29 00:00:00", ms)); // not a leap year
    QVERIFY(!StatementReader::parseUtcTime("2026-05-29 24:00:00", ms));
    QVERIFY(!StatementReader::parseUtcTime("2026-05-29T10:11:12Z", ms));
    QVERIFY(!StatementReader::parseUtcTime("yesterday", ms));
}

void TestStatementReader::roundTrip_data()
{
    QTest::addColumn<StatementWriter::Format>("format");
    QTest::newRow("canonical") << StatementWriter::Format::Canonical;
    QTest::newRow("wechat") << StatementWriter::Format::WechatAll;
    QTest::newRow("alipay") << StatementWriter::Format::AlipayDetail;
}

void TestStatementReader::roundTrip()
{
    QFETCH(StatementWriter::Format, format);
    const QByteArray bytes = write(format);
    QVERIFY(!bytes.isEmpty());
    auto detected = StatementReader::detect(bytes);
    QVERIFY2(detected, qPrintable(detected ? QString() : detected.error().message));
    QCOMPARE(int(*detected), int(format));
    auto read = StatementReader::read(bytes);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->info.quarantined.size(), 0);
    const QList<StatementLine> expected = sampleLines();
    QCOMPARE(read->lines.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const StatementLine &a = read->lines[i];
        const StatementLine &e = expected[i];
        QCOMPARE(int(a.type), int(e.type));
        QCOMPARE(a.flowNo, e.flowNo);
        QCOMPARE(a.originalFlowNo, e.originalFlowNo);
        QCOMPARE(a.amountMinor, e.amountMinor);
        QCOMPARE(a.status, e.status);
        QCOMPARE(a.feeMinor, e.feeMinor);
        // Vendor layouts keep whole seconds.
        QCOMPARE(a.timeMs / 1000, e.timeMs / 1000);
        if (format != StatementWriter::Format::AlipayDetail || e.type == StatementLine::Type::Payment)
            QCOMPARE(a.channelTxnNo, e.channelTxnNo);
    }
    QVERIFY(read->lineNos.first() > 1);
    if (format != StatementWriter::Format::WechatAll)
        QCOMPARE(read->info.day, kDay);
    if (format == StatementWriter::Format::AlipayDetail)
        QCOMPARE(read->lines[0].subject, u"Green tea\uFF0C large"_s); // GBK decoded
}

void TestStatementReader::truncatedIsRejected_data()
{
    QTest::addColumn<StatementWriter::Format>("format");
    QTest::addColumn<int>("keepLines"); // negative: drop that many from the end
    QTest::newRow("canonical: no end line") << StatementWriter::Format::Canonical << -1;
    QTest::newRow("canonical: cut mid-rows") << StatementWriter::Format::Canonical << -2;
    QTest::newRow("wechat: no summary row") << StatementWriter::Format::WechatAll << -1;
    QTest::newRow("wechat: no summary at all") << StatementWriter::Format::WechatAll << -2;
    QTest::newRow("alipay: no totals") << StatementWriter::Format::AlipayDetail << -3;
    QTest::newRow("alipay: no end of list") << StatementWriter::Format::AlipayDetail << -4;
}

void TestStatementReader::truncatedIsRejected()
{
    QFETCH(StatementWriter::Format, format);
    QFETCH(int, keepLines);
    QList<QByteArray> lines = splitLines(write(format), format);
    lines = lines.mid(0, lines.size() + keepLines);
    auto read = StatementReader::read(joinLines(lines, format), format);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::Malformed);
    QVERIFY2(read.error().message.contains(u"truncated"_s), qPrintable(read.error().message));
    QVERIFY2(read.error().message.startsWith(u"Line "_s), qPrintable(read.error().message));
}

void TestStatementReader::badHeaderIsRejected_data()
{
    QTest::addColumn<StatementWriter::Format>("format");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<int>("line");
    QTest::newRow("canonical") << StatementWriter::Format::Canonical << QByteArray("amount_minor")
                               << QByteArray("amount") << 2;
    QTest::newRow("wechat") << StatementWriter::Format::WechatAll << QByteArray("商户订单号")
                            << QByteArray("订单号") << 1;
    QTest::newRow("alipay") << StatementWriter::Format::AlipayDetail << gbk(u"商户订单号"_s)
                            << gbk(u"订单号"_s) << 5;
}

void TestStatementReader::badHeaderIsRejected()
{
    QFETCH(StatementWriter::Format, format);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(int, line);
    QList<QByteArray> lines = splitLines(write(format), format);
    lines[line - 1].replace(from, to);
    auto read = StatementReader::read(joinLines(lines, format), format);
    QVERIFY(!read);
    QVERIFY2(read.error().message.startsWith(u"Line %1: "_s.arg(line)), qPrintable(read.error().message));
    QVERIFY(read.error().message.contains(u"header"_s));
}

void TestStatementReader::badLineIsQuarantined_data()
{
    QTest::addColumn<StatementWriter::Format>("format");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("reason");
    QTest::newRow("canonical amount") << StatementWriter::Format::Canonical << QByteArray(",1230,")
                                      << QByteArray(",12x0,") << u"bad amount_minor"_s;
    QTest::newRow("canonical fields") << StatementWriter::Format::Canonical << QByteArray(",1230,")
                                      << QByteArray(",1230,extra,") << u"expected 10 fields"_s;
    QTest::newRow("canonical time") << StatementWriter::Format::Canonical << QByteArray("T10:11:12.345Z")
                                    << QByteArray("T25:11:12.345Z") << u"bad time_utc"_s;
    QTest::newRow("wechat amount") << StatementWriter::Format::WechatAll << QByteArray("`12.30,`0.00,`0,")
                                   << QByteArray("`12.3x,`0.00,`0,") << u"bad"_s;
    QTest::newRow("wechat fields") << StatementWriter::Format::WechatAll << QByteArray("`NATIVE,")
                                   << QByteArray("`NATIVE,`EXTRA,") << u"expected 27 fields"_s;
    QTest::newRow("alipay fields") << StatementWriter::Format::AlipayDetail << QByteArray("4200001,F1,")
                                   << QByteArray("4200001,F1,x,") << u"expected 25 fields"_s;
    QTest::newRow("alipay amount") << StatementWriter::Format::AlipayDetail << QByteArray(",12.30,12.30,")
                                   << QByteArray(",12.305,12.30,") << u"bad order amount"_s;
}

void TestStatementReader::badLineIsQuarantined()
{
    QFETCH(StatementWriter::Format, format);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, reason);
    QList<QByteArray> lines = splitLines(write(format), format);
    const int bad = lineOf(lines, from);
    QVERIFY(bad > 0);
    lines[bad - 1].replace(from, to);
    auto read = StatementReader::read(joinLines(lines, format), format);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->info.quarantined.size(), 1);
    QCOMPARE(read->info.quarantined[0].lineNo, bad);
    QVERIFY2(read->info.quarantined[0].reason.contains(reason), qPrintable(read->info.quarantined[0].reason));
    QVERIFY(!read->info.quarantined[0].raw.isEmpty());
    QCOMPARE(read->lines.size(), sampleLines().size() - 1); // the rest is imported
}

void TestStatementReader::countMismatchIsRejected()
{
    QByteArray b = write(StatementWriter::Format::Canonical);
    b.replace("# end rows=3", "# end rows=4");
    auto read = StatementReader::read(b);
    QVERIFY(!read);
    QVERIFY2(
        read.error().message.contains(u"says 4 rows but the file has 3"_s), qPrintable(read.error().message));
}

void TestStatementReader::invalidGbkBytesQuarantined()
{
    const auto f = StatementWriter::Format::AlipayDetail;
    QList<QByteArray> lines = splitLines(write(f), f);
    const int bad = lineOf(lines, "4200002,F2,");
    QVERIFY(bad > 0);
    lines[bad - 1].replace(gbk(u"交易"_s), QByteArray("\xFF\xFE\xFF"));
    auto read = StatementReader::read(joinLines(lines, f));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->info.quarantined.size(), 1);
    QCOMPARE(read->info.quarantined[0].lineNo, bad);
    QVERIFY(read->info.quarantined[0].reason.contains(u"GBK"_s));
    QCOMPARE(read->lines.size(), 2);
}

void TestStatementReader::unknownLayoutRejected()
{
    auto read = StatementReader::read(QByteArray("hello,world\n1,2\n"));
    QVERIFY(!read);
    QVERIFY(read.error().message.startsWith(u"Line 1: unknown statement layout"_s));
    QVERIFY(!StatementReader::read(QByteArray()));
}

void TestStatementReader::explicitFormatWins()
{
    // A WeChat bill read as canonical is refused at its header, not guessed around.
    auto read = StatementReader::read(
        write(StatementWriter::Format::WechatAll), StatementWriter::Format::Canonical);
    QVERIFY(!read);
    QVERIFY(read.error().message.contains(u"header"_s));
}

QTEST_GUILESS_MAIN(TestStatementReader)
#include "tst_statementreader.moc"
