#include "enginerig.h"

#include "store/invariants.h"

#include <QTest>

namespace pay::test {

QString invariantFailures(Database &db)
{
    InvariantChecker checker(db);
    QStringList bad;
    for (const auto &r : checker.checkAll(false)) {
        if (!r.ok)
            bad << r.name + QStringLiteral(": ") + r.examples.join(QStringLiteral("; "));
    }
    return bad.join(QLatin1Char('\n'));
}

EngineRig::EngineRig(const QString &dir) : clock(1'780'000'000'000)
{
    dbPath = (dir.isEmpty() ? m_tmp.path() : dir) + QStringLiteral("/core.sqlite");
    build();
}

EngineRig::~EngineRig()
{
    core.reset();
}

void EngineRig::build()
{
    PaymentCore::Options o;
    o.databasePath = dbPath;
    o.clock = &clock;
    o.engine = config;
    auto c = PaymentCore::open(o);
    if (!c)
        qFatal("EngineRig: %s", qPrintable(c.error().message));
    core = std::move(*c);
    db = &core->database();
    books = &core->books();
    coupon = core->channel(QStringLiteral("coupon"));
    wallet = core->channel(QStringLiteral("wallet"));
    card = core->channel(QStringLiteral("card"));
    qrA = core->qrChannel(QStringLiteral("qr_a"));
    qrB = core->qrChannel(QStringLiteral("qr_b"));
    ingress = &core->ingress();
    engine = &core->engine();
}

void EngineRig::restart()
{
    core.reset();
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
