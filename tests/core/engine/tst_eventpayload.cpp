// Event payloads written straight to text must be byte for byte what QJsonDocument writes:
// the event log hash, the timeline and every reader of payloads rely on one format.
#include "engine/eventpayload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pay;

namespace {

QByteArray qtCompact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The payload the engine built before: the result as a QJsonObject, plus extra fields.
QJsonObject resultObject(const ChannelResult &r)
{
    QJsonObject o{{QStringLiteral("outcome"), channelOutcomeName(r.outcome)},
                  {QStringLiteral("code"), r.code},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("channel_txn_no"), r.channelTxnNo},
                  {QStringLiteral("amount"), r.amountMinor},
                  {QStringLiteral("channel_status"), r.channelStatus}};
    if (!r.raw.isEmpty())
        o.insert(QStringLiteral("raw"), r.raw);
    return o;
}

} // namespace

class TestEventPayload : public QObject
{
    Q_OBJECT
private slots:
    void stringsAreEscapedLikeQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("SUCCESS");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ bye");
        QTest::newRow("controls") << QStringLiteral("a\nb\tc\rd\be\ff") + QChar(0x01) + QChar(0x1f);
        QTest::newRow("chinese") << QStringLiteral("余额不足，请换一种方式");
        QTest::newRow("slash and del") << QStringLiteral("a/b") + QChar(0x7f);
    }
    void stringsAreEscapedLikeQt()
    {
        QFETCH(QString, text);
        QCOMPARE(compactJsonObject({JsonField::string(QLatin1StringView("m"), text)}),
                 qtCompact(QJsonObject{{QStringLiteral("m"), text}}));
        QCOMPARE(jsonString(text), qtCompact(QJsonObject{{QStringLiteral("m"), text}}).mid(5).chopped(1));
    }

    void keysAreSortedAndLaterFieldsWin()
    {
        const QByteArray mine = compactJsonObject({JsonField::string(QLatin1StringView("outcome"), QStringLiteral("SUCCEEDED")),
                                                   JsonField::integer(QLatin1StringView("amount"), -9'007'199'254'740'993LL),
                                                   JsonField::string(QLatin1StringView("code"), QStringLiteral("A")),
                                                   JsonField::string(QLatin1StringView("code"), QStringLiteral("B"))});
        QCOMPARE(mine, QByteArray(R"({"amount":-9007199254740993,"code":"B","outcome":"SUCCEEDED"})"));
        QCOMPARE(mine, qtCompact(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("SUCCEEDED")},
                                             {QStringLiteral("amount"), -9'007'199'254'740'993LL},
                                             {QStringLiteral("code"), QStringLiteral("B")}}));
    }

    void channelResultsMatchTheQJsonObjectPayload()
    {
        ChannelResult r;
        r.outcome = ChannelOutcome::Succeeded;
        r.code = QStringLiteral("SUCCESS");
        r.message = QStringLiteral("付款成功 \"ok\"");
        r.channelTxnNo = QStringLiteral("CARD-000123");
        r.amountMinor = 1500;
        r.channelStatus = QStringLiteral("PAID");
        r.raw = QJsonObject{{QStringLiteral("channel"), QStringLiteral("card")}, {QStringLiteral("txn"), r.channelTxnNo},
                            {QStringLiteral("code"), r.code}};
        QJsonObject expected = resultObject(r);
        expected.insert(QStringLiteral("channel_txn_no"), QStringLiteral("CARD-OTHER"));
        QCOMPARE(EventPayload(r).json({JsonField::string(QLatin1StringView("channel_txn_no"), QStringLiteral("CARD-OTHER"))}),
                 qtCompact(expected));
        // A raw body Qt must write itself (a nested value) still comes out as Qt writes it.
        r.raw.insert(QStringLiteral("nested"), QJsonObject{{QStringLiteral("ok"), true}});
        QCOMPARE(EventPayload(r).json(), qtCompact(resultObject(r)));
    }

    // A reply the channel wrote as JSON text (rawJson) gives the same payload as the same reply
    // given as an object, and reads back as that object.
    void rawTextRepliesMatchRawObjects()
    {
        ChannelResult asObject;
        asObject.outcome = ChannelOutcome::Failed;
        asObject.code = QStringLiteral("INSUFFICIENT_FUNDS");
        asObject.message = QStringLiteral("余额不足");
        asObject.amountMinor = 1000;
        asObject.raw = QJsonObject{{QStringLiteral("channel"), QStringLiteral("wallet")},
                                   {QStringLiteral("code"), asObject.code},
                                   {QStringLiteral("status"), QStringLiteral("FAILED \"x\"")}};
        ChannelResult asText = asObject;
        asText.raw = QJsonObject();
        asText.rawJson = qtCompact(asObject.raw);
        QCOMPARE(asText.rawObject(), asObject.raw);
        QCOMPARE(asObject.rawCompact(), asText.rawJson);
        QCOMPARE(EventPayload(asText).json(), EventPayload(asObject).json());
        QCOMPARE(EventPayload(asText).json(), qtCompact(resultObject(asObject)));
        ChannelResult none;
        QVERIFY(none.rawObject().isEmpty());
        QVERIFY(none.rawCompact().isEmpty());
    }

    void objectPayloadsTakeExtraFields()
    {
        const QJsonObject callback{{QStringLiteral("trade_state"), QStringLiteral("SUCCESS")}, {QStringLiteral("total"), 300}};
        QJsonObject expected = callback;
        expected.insert(QStringLiteral("code"), QStringLiteral("CLOSED"));
        QCOMPARE(EventPayload(callback).json({JsonField::string(QLatin1StringView("code"), QStringLiteral("CLOSED"))}),
                 qtCompact(expected));
        QCOMPARE(EventPayload(callback).json(), qtCompact(callback));
        QVERIFY(EventPayload().json().isEmpty()); // no payload at all: the column stays NULL
    }
};

QTEST_GUILESS_MAIN(TestEventPayload)
#include "tst_eventpayload.moc"
