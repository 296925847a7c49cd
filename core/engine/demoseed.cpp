#include "demoseed.h"

#include "../channel/callbackingress.h"
#include "../channel/cardchannel.h"
#include "../channel/channelbooks.h"
#include "../channel/couponchannel.h"
#include "../channel/qrchannel.h"
#include "../channel/walletchannel.h"
#include "../sim/clock.h"
#include "../store/database.h"
#include "paymentengine.h"

#include <QFileInfo>

namespace pay {

namespace {

class SeedChannels : public ChannelAccess
{
public:
    QHash<QString, SimulatedChannel *> channels;
    bool knows(const QString &c) const override { return channels.contains(c); }
    bool isExternal(const QString &c) const override { return channels.value(c)->isExternal(); }
    bool isQr(const QString &c) const override { return channels.value(c)->kind() == Channel::Kind::Qr; }
    bool admits(const QString &, const Money &, QString *) const override { return true; }
    void prepay(const QString &c, const PayRequest &r, Channel::PrepayHandler h) override { channels[c]->prepay(r, std::move(h)); }
    void pay(const QString &c, const PayRequest &r, Channel::ResultHandler h) override { channels[c]->pay(r, std::move(h)); }
    void query(const QString &c, const QString &no, Channel::ResultHandler h) override { channels[c]->query(no, std::move(h)); }
    void close(const QString &c, const QString &no, Channel::ResultHandler h) override { channels[c]->close(no, std::move(h)); }
    void refund(const QString &c, const RefundRequest &r, Channel::ResultHandler h) override { channels[c]->refund(r, std::move(h)); }
    void queryRefund(const QString &c, const QString &no, Channel::ResultHandler h) override { channels[c]->queryRefund(no, std::move(h)); }
};

} // namespace

Result<int> seedDemoDatabase(const QString &path, qint64 endMs)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::AlreadyExists,
                    QCoreApplication::translate("DemoSeed", "%1 already exists; demo data goes only into a new file").arg(path));
    auto db = Database::open(path);
    if (!db)
        return std::unexpected(db.error());
    auto books = ChannelBooks::open(ChannelBooks::pathForCoreDatabase(path));
    if (!books)
        return std::unexpected(books.error());
    const int orders = 36;
    const qint64 spacing = 4 * 60 * 1000;
    VirtualClock clock(endMs - qint64(orders + 6) * spacing);
    if (auto r = seedDemoBooks(**books, clock.nowMs()); !r)
        return std::unexpected(r.error());
    CouponChannel coupon(&clock, books->get());
    WalletChannel wallet(&clock, books->get());
    CardChannel card(&clock, books->get());
    QrChannel qrA(QrChannel::Dialect::A, &clock, books->get());
    QrChannel qrB(QrChannel::Dialect::B, &clock, books->get());
    SeedChannels access;
    access.channels = {{QStringLiteral("coupon"), &coupon}, {QStringLiteral("wallet"), &wallet},
                       {QStringLiteral("card"), &card},     {QStringLiteral("qr_a"), &qrA},
                       {QStringLiteral("qr_b"), &qrB}};
    CallbackIngress ingress(&clock);
    connectToIngress(&qrA, &ingress);
    connectToIngress(&qrB, &ingress);
    EngineConfig config;
    PaymentEngine engine(**db, clock, access, config);
    ingress.setFlowValidator([&engine](const ChannelNotification &n) { return engine.validateNotification(n); });
    ingress.setProcessor([&engine](const ChannelNotification &n) { return engine.handleNotification(n); });

    static const char *const subjects[] = {"Jasmine tea x2", "Beef noodles", "Rice and vegetables", "Coffee beans 500g",
                                           "Dumplings (frozen)", "Fruit basket", "Soy milk x6", "Notebook set"};
    const QString members[] = {QStringLiteral("M1001"), QStringLiteral("M1004"), QStringLiteral("M1007"),
                               QStringLiteral("M1010")};
    const QString vouchers[] = {QStringLiteral("CP-5OFF"), QStringLiteral("CP-10OFF"), QStringLiteral("CP-20OFF")};
    int created = 0;
    for (int i = 0; i < orders; ++i) {
        const QString no = QStringLiteral("D%1").arg(20261127000 + i);
        const qint64 amount = 1200 + (i * 737) % 9000;
        AcceptRequest req;
        req.outTradeNo = no;
        req.subject = QString::fromLatin1(subjects[i % 8]);
        req.amount = Money(amount, Currency::cny());
        req.idempotencyKey = QStringLiteral("demo-") + no;
        req.actor = QStringLiteral("cashier1");
        const int kind = i % 9;
        QString qrFlowChannel;
        switch (kind) {
        case 0: req.legs = {{QStringLiteral("card"), {}, amount}}; break;
        case 1: req.legs = {{QStringLiteral("wallet"), members[i % 4], 1000}, {QStringLiteral("card"), {}, amount - 1000}}; break;
        case 2: req.legs = {{QStringLiteral("coupon"), vouchers[(i / 9) % 3], 500}, {QStringLiteral("wallet"), members[(i + 1) % 4], 700},
                            {QStringLiteral("qr_a"), {}, amount - 1200}};
                qrFlowChannel = QStringLiteral("qr_a"); break;
        case 3: req.legs = {{QStringLiteral("qr_b"), {}, amount}}; qrFlowChannel = QStringLiteral("qr_b"); break;
        case 4: req.legs = {{QStringLiteral("wallet"), QStringLiteral("M1003"), 900}, {QStringLiteral("card"), {}, amount - 900}}; break; // fails: low balance
        case 5: req.legs = {{QStringLiteral("qr_a"), {}, amount}}; break; // left waiting, then closed or open
        case 6: req.legs = {{QStringLiteral("card"), {}, amount}}; break; // refunded later
        case 7: req.legs = {{QStringLiteral("wallet"), members[i % 4], amount}}; break;
        default: req.legs = {{QStringLiteral("qr_a"), {}, amount}}; qrFlowChannel = QStringLiteral("qr_a"); break;
        }
        if (engine.accept(req))
            ++created;
        clock.advance(3000);
        if (!qrFlowChannel.isEmpty()) {
            auto v = engine.order(no);
            if (v) {
                for (const PaymentFlow &f : v->flows) {
                    if (f.channel == qrFlowChannel && f.status == FlowStatus::Prepaid)
                        (void)(qrFlowChannel == QStringLiteral("qr_a") ? qrA : qrB).customerPays(f.flowNo);
                }
            }
        }
        clock.advance(5000);
        if (kind == 6) {
            RefundCommand c{no, QStringLiteral("RF-") + no, i % 2 ? amount : amount / 2, QStringLiteral("cashier1"), {}, {}};
            (void)engine.refund(c);
        }
        if (kind == 5 && i < orders - 9)
            (void)engine.close(no, EventSource::Operator, QStringLiteral("ops1"));
        clock.advance(spacing - 8000);
    }
    // A closed-but-paid order: the channel cannot confirm the close, the customer pays anyway.
    {
        const QString no = QStringLiteral("D20261127900");
        AcceptRequest req{no, QStringLiteral("Late QR payment"), Money(4580, Currency::cny()),
                          {{QStringLiteral("qr_a"), {}, 4580}}, QStringLiteral("demo-cbp"), QStringLiteral("cashier1")};
        if (engine.accept(req))
            ++created;
        clock.advance(2000);
        FaultProfile broken;
        broken.timeoutFailedRate = 1.0;
        broken.timeoutMs = 200;
        qrA.setFaultProfile(broken);
        (void)engine.close(no, EventSource::Timeout, QStringLiteral("timeout"));
        clock.advance(1000);
        qrA.setFaultProfile(FaultProfile{});
        if (auto v = engine.order(no); v && !v->flows.isEmpty())
            (void)qrA.customerPays(v->flows.first().flowNo);
        clock.advance(60'000);
    }
    // A duplicate payment: QR B seemed stuck, the cashier started QR A, the customer paid both.
    {
        const QString no = QStringLiteral("D20261127901");
        AcceptRequest b{no, QStringLiteral("Birthday cake"), Money(12800, Currency::cny()),
                        {{QStringLiteral("qr_b"), {}, 12800}}, QStringLiteral("demo-dup-b"), QStringLiteral("cashier1")};
        if (engine.accept(b))
            ++created;
        clock.advance(2000);
        AcceptRequest a = b;
        a.legs = {{QStringLiteral("qr_a"), {}, 12800}};
        a.idempotencyKey = QStringLiteral("demo-dup-a");
        (void)engine.accept(a);
        clock.advance(2000);
        if (auto v = engine.order(no)) {
            for (const PaymentFlow &f : v->flows)
                (void)(f.channel == QStringLiteral("qr_a") ? qrA : qrB).customerPays(f.flowNo);
        }
        clock.advance(120'000);
    }
    // A card payment whose result stays unknown: compensation is still querying it.
    {
        FaultProfile hang;
        hang.timeoutFailedRate = 1.0;
        hang.timeoutMs = 500;
        card.setFaultProfile(hang);
        AcceptRequest req{QStringLiteral("D20261127902"), QStringLiteral("Electric kettle"), Money(15900, Currency::cny()),
                          {{QStringLiteral("card"), {}, 15900}}, QStringLiteral("demo-stuck"), QStringLiteral("cashier1")};
        if (engine.accept(req))
            ++created;
        clock.advance(2000);
    }
    clock.advanceTo(qMax(clock.nowMs(), endMs - 1));
    return created;
}

} // namespace pay
