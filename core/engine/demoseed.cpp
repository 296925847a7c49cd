#include "demoseed.h"

#include "../channel/qrchannel.h"
#include "../sim/clock.h"
#include "paymentcore.h"

#include <QFileInfo>

namespace pay {

Result<int> seedDemoDatabase(const QString &path, qint64 endMs)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::AlreadyExists,
                    QCoreApplication::translate("DemoSeed", "%1 already exists; demo data goes only into a new file").arg(path));
    const int orders = 36;
    const qint64 spacing = 4 * 60 * 1000;
    VirtualClock clock(endMs - qint64(orders + 6) * spacing);
    PaymentCore::Options options;
    options.databasePath = path;
    options.clock = &clock;
    auto opened = PaymentCore::open(options);
    if (!opened)
        return std::unexpected(opened.error());
    PaymentCore &core = **opened;
    PaymentEngine &engine = core.engine();
    QrChannel &qrA = *core.qrChannel(QStringLiteral("qr_a"));
    QrChannel &qrB = *core.qrChannel(QStringLiteral("qr_b"));
    SimulatedChannel &card = *core.channel(QStringLiteral("card"));

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
        case 4: // the wallet leg fails (low balance) after the coupon was used: the coupon is restored
            req.legs = {{QStringLiteral("coupon"), vouchers[(i / 9 + 1) % 3], 300}, {QStringLiteral("wallet"), QStringLiteral("M1003"), 900},
                        {QStringLiteral("card"), {}, amount - 1200}};
            break;
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
        // QR B cannot be reached to close its order, so both codes stay payable.
        FaultProfile unreachable;
        unreachable.timeoutFailedRate = 1.0;
        unreachable.timeoutMs = 300;
        qrB.setFaultProfile(unreachable);
        AcceptRequest a = b;
        a.legs = {{QStringLiteral("qr_a"), {}, 12800}};
        a.idempotencyKey = QStringLiteral("demo-dup-a");
        (void)engine.accept(a);
        clock.advance(2000);
        qrB.setFaultProfile(FaultProfile{});
        if (auto v = engine.order(no)) {
            for (const PaymentFlow &f : v->flows)
                (void)(f.channel == QStringLiteral("qr_a") ? qrA : qrB).customerPays(f.flowNo);
        }
        clock.advance(120'000);
    }
    // A card payment whose result stays unknown: compensation gives up and hands it to statement
    // reconciliation (it shows as stuck).
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
    // A callback whose amount disagrees with the books: the order is frozen for review.
    {
        AcceptRequest req{QStringLiteral("D20261127903"), QStringLiteral("Imported wine"), Money(26800, Currency::cny()),
                          {{QStringLiteral("qr_b"), {}, 26800}}, QStringLiteral("demo-frozen"), QStringLiteral("cashier1")};
        if (engine.accept(req))
            ++created;
        clock.advance(200);
        FaultProfile tampered;
        tampered.tamperedAmountRate = 1.0;
        tampered.tamperDeltaMinor = -2000;
        qrB.setFaultProfile(tampered);
        if (auto v = engine.order(req.outTradeNo); v && !v->flows.isEmpty())
            (void)qrB.customerPays(v->flows.first().flowNo);
        clock.advance(500);
        qrB.setFaultProfile(FaultProfile{});
    }
    clock.advanceTo(qMax(clock.nowMs(), endMs - 10 * 60 * 1000));
    // The last minutes: a failed attempt the cashier has not retried yet, and a QR code the
    // customer has not scanned yet (both expire 15 minutes after they were created).
    {
        AcceptRequest failed{QStringLiteral("D20261127904"), QStringLiteral("Rice cooker"), Money(29900, Currency::cny()),
                             {{QStringLiteral("wallet"), QStringLiteral("M1006"), 29900}}, QStringLiteral("demo-open-1"),
                             QStringLiteral("cashier1")};
        if (engine.accept(failed))
            ++created;
        clock.advance(60'000);
        AcceptRequest waiting{QStringLiteral("D20261127905"), QStringLiteral("Tea set"), Money(8800, Currency::cny()),
                              {{QStringLiteral("qr_a"), {}, 8800}}, QStringLiteral("demo-open-2"), QStringLiteral("cashier1")};
        if (engine.accept(waiting))
            ++created;
    }
    clock.advanceTo(qMax(clock.nowMs(), endMs - 1));
    return created;
}

} // namespace pay
