#include "enginerig.h"

namespace pay::test {

EngineRig::EngineRig(const QString &dir) : clock(1'780'000'000'000)
{
    dbPath = (dir.isEmpty() ? m_tmp.path() : dir) + QStringLiteral("/core.sqlite");
    build();
    seedDemoBooks(*books, clock.nowMs());
}

EngineRig::~EngineRig()
{
    engine.reset();
    ingress.reset();
    qrA.reset();
    qrB.reset();
    card.reset();
    wallet.reset();
    coupon.reset();
    books.reset();
    db.reset();
}

void EngineRig::build()
{
    db = std::move(*Database::open(dbPath));
    books = std::move(*ChannelBooks::open(ChannelBooks::pathForCoreDatabase(dbPath)));
    coupon = std::make_unique<CouponChannel>(&clock, books.get());
    wallet = std::make_unique<WalletChannel>(&clock, books.get());
    card = std::make_unique<CardChannel>(&clock, books.get());
    qrA = std::make_unique<QrChannel>(QrChannel::Dialect::A, &clock, books.get());
    qrB = std::make_unique<QrChannel>(QrChannel::Dialect::B, &clock, books.get());
    access.channels = {{QStringLiteral("coupon"), coupon.get()},
                       {QStringLiteral("wallet"), wallet.get()},
                       {QStringLiteral("card"), card.get()},
                       {QStringLiteral("qr_a"), qrA.get()},
                       {QStringLiteral("qr_b"), qrB.get()}};
    ingress = std::make_unique<CallbackIngress>(&clock);
    connectToIngress(qrA.get(), ingress.get());
    connectToIngress(qrB.get(), ingress.get());
    engine = std::make_unique<PaymentEngine>(*db, clock, access, config);
    PaymentEngine *e = engine.get();
    ingress->setFlowValidator([e](const ChannelNotification &n) { return e->validateNotification(n); });
    ingress->setProcessor([e](const ChannelNotification &n) { return e->handleNotification(n); });
    (void)engine->start();
}

void EngineRig::restart()
{
    engine.reset();
    ingress.reset();
    qrA.reset();
    qrB.reset();
    card.reset();
    wallet.reset();
    coupon.reset();
    books.reset();
    db.reset();
    build();
}

Result<AcceptTicket> EngineRig::pay(const QString &no, qint64 amount, const QList<TenderLeg> &legs)
{
    AcceptRequest r;
    r.outTradeNo = no;
    r.subject = QStringLiteral("Basket %1").arg(no);
    r.amount = Money(amount, Currency::cny());
    r.legs = legs;
    r.idempotencyKey = QStringLiteral("key-") + no + QStringLiteral("-") + QString::number(clock.nowMs());
    r.actor = QStringLiteral("cashier1");
    return engine->accept(r);
}

OrderView EngineRig::view(const QString &no)
{
    auto v = engine->order(no);
    return v ? *v : OrderView{};
}

qint64 EngineRig::walletBalance(const QString &member)
{
    auto m = books->member(member);
    return (m && m->has_value()) ? (*m)->balanceMinor : -1;
}

} // namespace pay::test
