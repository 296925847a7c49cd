#include "basketmodel.h"
#include "channel/qrchannel.h"
#include "channel/simulatedchannel.h"
#include "displaytext.h"
#include "engine/enginehost.h"
#include "managerpindialog.h"
#include "pages/checkoutpage.h"
#include "qrcodewidget.h"
#include "qrpaymentpanel.h"
#include "tenderpanel.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace pay;
using pay::ui::CheckoutPage;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPaymentTimeoutMs = 20000;

// A real core on its own thread with the status endpoint on a free loopback port, and the
// Checkout page following it, shown and active so its function keys work.
struct Till
{
    test::TempDb db;
    std::unique_ptr<EngineHost> host;
    CheckoutPage page;
    QObject context;

    bool start()
    {
        PaymentCore::Options options;
        options.databasePath = db.path();
        options.endpoint.enabled = true;
        options.endpoint.token = u"till-test-token"_s;
        host = std::make_unique<EngineHost>(options);
        QSignalSpy started(host.get(), &EngineHost::coreStarted);
        host->start();
        if (!started.wait(10000) || !started.at(0).at(0).toBool()) {
            qWarning() << "core did not start:" << (started.isEmpty() ? QVariant() : started.at(0).at(1));
            return false;
        }
        quint16 port = 0;
        host->run<quint16>([](PaymentCore &core) { return core.endpointPort(); }, &context,
            [&port](quint16 p) { port = p; });
        if (!QTest::qWaitFor([&] { return port != 0; }, 5000))
            return false;
        page.setEngineHost(host.get());
        page.setStatusEndpoint(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "till-test-token");
        page.setTrainingMode(true);
        page.setReceiptPreviewAutomatic(false);
        page.resize(1100, 760);
        page.show();
        page.activateWindow();
        return QTest::qWaitForWindowActive(&page);
    }

    template<typename T>
    T *find(const QString &name) const
    {
        T *w = page.findChild<T *>(name);
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }

    void scan(const QString &code)
    {
        auto *entry = find<QLineEdit>(u"itemEntry"_s);
        QTest::keyClicks(entry, code);
        QTest::keyClick(entry, Qt::Key_Return);
    }

    void type(const QString &field, const QString &text)
    {
        auto *edit = find<QLineEdit>(field);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    QString text(const QString &label) const { return find<QLabel>(label)->text(); }

    // The order as the core sees it now.
    std::optional<OrderView> order(const QString &orderNo)
    {
        std::optional<OrderView> result;
        bool done = false;
        host->order(orderNo, &context, [&](Result<OrderView> v) {
            if (v)
                result = *v;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, kPaymentTimeoutMs);
        return result;
    }

    // Runs fn on the core's thread and waits for it.
    bool onCore(std::function<bool(PaymentCore &)> fn)
    {
        bool done = false;
        bool ok = false;
        host->run<bool>(std::move(fn), &context, [&](bool r) {
            ok = r;
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, kPaymentTimeoutMs) && ok;
    }

    // Pays the basket by QR B, waits for its code, then presses "Pay another way" and pays by
    // QR A, and waits for QR A's code.
    bool qrBThenSwitchToQrA()
    {
        QTest::keyClick(&page, Qt::Key_F6);
        QTest::keyClick(&page, Qt::Key_F12);
        auto *panel = find<ui::QrPaymentPanel>(u"qrPanel"_s);
        if (!QTest::qWaitFor([&] { return panel->isVisible() && panel->code()->text().startsWith(u"paydesk://qr_b/"_s); },
                             kPaymentTimeoutMs))
            return false;
        auto *switchButton = find<QPushButton>(u"switchMethodButton"_s);
        if (!switchButton->isVisible())
            return false;
        QTest::mouseClick(switchButton, Qt::LeftButton);
        if (page.stage() != CheckoutPage::Stage::Switching || panel->isVisible())
            return false;
        QTest::keyClick(&page, Qt::Key_F5);
        QTest::keyClick(&page, Qt::Key_F12);
        return QTest::qWaitFor([&] { return panel->isVisible() && panel->code()->text().startsWith(u"paydesk://qr_a/"_s); },
                               kPaymentTimeoutMs);
    }
};

QString money(qint64 minor)
{
    return ui::DisplayText::money(Money(minor, Currency::cny()));
}

} // namespace

class TestCheckoutPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void basketEntryAndLineEditing();
    void couponWalletAndQrReachPaidWithAReceipt();
    void definiteFailureReversesAndAnotherMethodPays();
    void refundAboveTheLimitNeedsTheManagersPin();
    void slowChannelShowsConfirmingThenResolves();
    void switchingMethodWhileAQrCodeIsPendingPaysWithTheOtherCode();
    void paidTwiceIsShownAsSuch();
};

void TestCheckoutPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCheckoutPage::basketEntryAndLineEditing()
{
    CheckoutPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *entry = page.findChild<QLineEdit *>(u"itemEntry"_s);
    auto *quantity = page.findChild<QSpinBox *>(u"quantity"_s);
    QVERIFY(entry && quantity);

    QTest::keyClicks(entry, u"a05"_s); // codes are case-insensitive
    QTest::keyClick(entry, Qt::Key_Return);
    quantity->setValue(3);
    QTest::keyClicks(entry, u"6901234560060"_s); // yogurt by barcode
    QTest::keyClick(entry, Qt::Key_Return);
    QTest::keyClicks(entry, u"A05"_s); // again: the line's quantity goes up
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(page.basket()->rowCount(), 2);
    QCOMPARE(page.basket()->lines().at(0).quantity, 2);
    QCOMPARE(page.basket()->lines().at(1).quantity, 3);
    QCOMPARE(page.basket()->totalMinor(), 2 * 1580 + 3 * 1190);
    QCOMPARE(page.findChild<QLabel *>(u"totalLabel"_s)->text(), money(2 * 1580 + 3 * 1190));

    QTest::keyClicks(entry, u"ZZ9"_s);
    QTest::keyClick(entry, Qt::Key_Return);
    QVERIFY(page.findChild<QLabel *>(u"entryHint"_s)->text().contains(u"ZZ9"_s));
    QCOMPARE(page.basket()->rowCount(), 2);

    // Remove the first line with the button.
    auto *view = page.findChild<QAbstractItemView *>(u"basketView"_s);
    view->setCurrentIndex(page.basket()->index(0, 0));
    QTest::mouseClick(page.findChild<QPushButton *>(u"removeLineButton"_s), Qt::LeftButton);
    QCOMPARE(page.basket()->rowCount(), 1);
    QCOMPARE(page.basket()->totalMinor(), 3 * 1190);
    // Nothing covers the total yet: Pay is off and the amount due is the total.
    QVERIFY(!page.findChild<QPushButton *>(u"payButton"_s)->isEnabled());
    QCOMPARE(page.findChild<QLabel *>(u"dueLabel"_s)->text(), money(3 * 1190));
}

void TestCheckoutPage::couponWalletAndQrReachPaidWithAReceipt()
{
    Till till;
    QVERIFY(till.start());
    CheckoutPage &page = till.page;
    till.scan(u"A05"_s);
    till.scan(u"A05"_s);
    till.scan(u"6901234560121"_s); // B06 eggs, by barcode
    const qint64 total = 2 * 1580 + 1380;
    QCOMPARE(page.basket()->totalMinor(), total);

    auto *pay = till.find<QPushButton>(u"payButton"_s);
    auto *due = till.find<QLabel>(u"dueLabel"_s);
    QVERIFY(!pay->isEnabled());

    // F2: coupon. Its amount starts at the amount due; the cashier types the voucher's value.
    QTest::keyClick(&page, Qt::Key_F2);
    QTRY_VERIFY(till.find<QLineEdit>(u"couponCode"_s)->hasFocus());
    QCOMPARE(till.find<QLineEdit>(u"couponAmount"_s)->text(), u"45.40"_s);
    QTest::keyClicks(till.find<QLineEdit>(u"couponCode"_s), u"CP-5OFF"_s);
    till.type(u"couponAmount"_s, u"¥5.00"_s);
    QCOMPARE(due->text(), money(total - 500));

    // F3: wallet, starting at what is still due.
    QTest::keyClick(&page, Qt::Key_F3);
    QTRY_VERIFY(till.find<QLineEdit>(u"walletMember"_s)->hasFocus());
    QCOMPARE(till.find<QLineEdit>(u"walletAmount"_s)->text(), u"40.40"_s);
    QTest::keyClicks(till.find<QLineEdit>(u"walletMember"_s), u"M1001"_s);
    till.type(u"walletAmount"_s, u"10,00"_s);
    QCOMPARE(due->text(), money(total - 1500));
    QVERIFY(due->styleSheet().contains(u"#c62828"_s)); // red: not covered
    QVERIFY(!pay->isEnabled());

    // F5: the rest by QR A. Covered: green, Pay enabled.
    QTest::keyClick(&page, Qt::Key_F5);
    QVERIFY(till.find<QRadioButton>(u"methodQrA"_s)->isChecked());
    QCOMPARE(due->text(), money(0));
    QVERIFY(due->styleSheet().contains(u"#1b7f2a"_s));
    QVERIFY(pay->isEnabled());
    const QList<TenderLeg> legs = page.tender()->legs();
    QCOMPARE(legs.size(), 3);
    QCOMPARE(legs.at(2).channel, u"qr_a"_s);
    QCOMPARE(legs.at(2).amountMinor, total - 1500);

    QSignalSpy succeeded(&page, &CheckoutPage::paymentSucceeded);
    QSignalSpy receipts(&page, &CheckoutPage::receiptReady);
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(!pay->isEnabled()); // no double submit
    QTest::keyClick(&page, Qt::Key_F12);
    QVERIFY(!pay->isEnabled());

    // The QR code of the flow shows up, scannable, with its countdown.
    auto *panel = till.find<ui::QrPaymentPanel>(u"qrPanel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->code()->moduleCount() > 0, kPaymentTimeoutMs);
    QVERIFY(panel->code()->text().startsWith(u"paydesk://qr_a/"_s));
    QVERIFY(till.text(u"qrCountdown"_s).contains(u':'));
    QCOMPARE(page.stage(), CheckoutPage::Stage::InFlight);

    // The customer pays (the simulated channel, through EngineHost::run).
    QTest::mouseClick(till.find<QPushButton>(u"simulateScanButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, kPaymentTimeoutMs);
    QCOMPARE(succeeded.count(), 1);
    QCOMPARE(receipts.count(), 1);
    QVERIFY(!panel->isVisible());
    QVERIFY(till.text(u"paymentStatus"_s).contains(money(total)));

    // The receipt lists each method's amount and renders to a PDF.
    QVERIFY(page.receipt().has_value());
    const auto &payments = page.receipt()->payments;
    QCOMPARE(payments.size(), 3);
    qint64 sum = 0;
    for (const auto &p : payments)
        sum += p.amountMinor;
    QCOMPARE(sum, total);
    const QString pdf = till.db.filePath(u"receipt.pdf"_s);
    const auto saved = page.saveReceiptPdf(pdf);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    QVERIFY(QFileInfo(pdf).size() > 0);
}

void TestCheckoutPage::definiteFailureReversesAndAnotherMethodPays()
{
    Till till;
    QVERIFY(till.start());
    CheckoutPage &page = till.page;
    till.scan(u"B04"_s); // rice ¥49.90
    const qint64 total = 4990;

    QTest::keyClick(&page, Qt::Key_F2);
    QTest::keyClicks(till.find<QLineEdit>(u"couponCode"_s), u"CP-10OFF"_s);
    till.type(u"couponAmount"_s, u"10"_s);
    QTest::keyClick(&page, Qt::Key_F3);
    QTest::keyClicks(till.find<QLineEdit>(u"walletMember"_s), u"M1003"_s); // only ¥0.50 on it
    till.type(u"walletAmount"_s, u"5.00"_s);
    QTest::keyClick(&page, Qt::Key_F4);
    auto *pay = till.find<QPushButton>(u"payButton"_s);
    QVERIFY(pay->isEnabled());

    QSignalSpy failed(&page, &CheckoutPage::paymentFailed);
    QTest::mouseClick(pay, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Failed, kPaymentTimeoutMs);
    QCOMPARE(failed.count(), 1);
    const QString status = till.text(u"paymentStatus"_s);
    QVERIFY2(status.contains(u"Wallet"_s), qPrintable(status));
    // The failed wallet leg is dropped, the coupon given back, then the rest can be paid.
    QVERIFY(till.find<QLineEdit>(u"walletMember"_s)->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(till.text(u"paymentStatus"_s).contains(u"done"_s), kPaymentTimeoutMs);
    QTRY_VERIFY(pay->isEnabled()); // coupon ¥10 + card ¥39.90 covers it again
    QCOMPARE(page.tender()->legs().size(), 2);
    QCOMPARE(page.tender()->legs().at(1).channel, u"card"_s);
    QCOMPARE(page.tender()->legs().at(1).amountMinor, total - 1000);

    QTest::keyClick(&page, Qt::Key_F12);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, kPaymentTimeoutMs);
    QCOMPARE(page.receipt()->payments.size(), 2);
}

void TestCheckoutPage::refundAboveTheLimitNeedsTheManagersPin()
{
    Till till;
    QVERIFY(till.start());
    CheckoutPage &page = till.page;
    till.find<QSpinBox>(u"quantity"_s)->setValue(5);
    till.scan(u"B04"_s); // 5 × ¥49.90 = ¥249.50
    QTest::keyClick(&page, Qt::Key_F4);
    QTest::keyClick(&page, Qt::Key_F12);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, kPaymentTimeoutMs);

    QSignalSpy refunds(&page, &CheckoutPage::refundAccepted);
    till.type(u"refundAmount"_s, u"210.00"_s);
    QTest::mouseClick(till.find<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    ui::ManagerPinDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<ui::ManagerPinDialog *>()) && dialog->isVisible());

    // A wrong PIN refuses: the dialog stays, says so, and nothing is refunded.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"managerUser"_s), u"manager1"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"1234"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"managerPin"_s), Qt::Key_Return);
    auto *error = dialog->findChild<QLabel *>(u"pinError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->failedAttempts(), 1);
    // A cashier's own PIN is no approval either.
    auto *user = dialog->findChild<QLineEdit *>(u"managerUser"_s);
    user->clear();
    QTest::keyClicks(user, u"cashier1"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"1111"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"managerPin"_s), Qt::Key_Return);
    QCOMPARE(dialog->failedAttempts(), 2);
    QTest::qWait(200);
    QCOMPARE(refunds.count(), 0);

    // The manager's PIN approves it.
    user->clear();
    QTest::keyClicks(user, u"manager1"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"managerPin"_s), u"9999"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"managerPin"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(refunds.count(), 1, kPaymentTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(till.text(u"refundStatus"_s).contains(money(21000)), kPaymentTimeoutMs);

    // Within the cashier's limit no PIN is asked.
    till.type(u"refundAmount"_s, u"20"_s);
    QTest::mouseClick(till.find<QPushButton>(u"refundButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(refunds.count(), 2, kPaymentTimeoutMs);

    // F9: the next customer. Everything is cleared and the basket is open again. (The PIN
    // dialog took the activation; function keys work in the active window.)
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QTest::keyClick(&page, Qt::Key_F9);
    QCOMPARE(page.stage(), CheckoutPage::Stage::Basket);
    QCOMPARE(page.basket()->rowCount(), 0);
    QVERIFY(page.outTradeNo().isEmpty());
    QVERIFY(!page.receipt().has_value());
    QVERIFY(till.find<QLineEdit>(u"itemEntry"_s)->isEnabled());
}

void TestCheckoutPage::slowChannelShowsConfirmingThenResolves()
{
    Till till;
    QVERIFY(till.start());
    // The card channel answers only after 5 s: the screen says it is confirming, then paid.
    bool slowed = false;
    till.host->run<bool>(
        [](PaymentCore &core) {
            FaultProfile profile = core.channel(u"card"_s)->faultProfile();
            profile.latency = LatencyModel::fixed(5000);
            core.channel(u"card"_s)->setFaultProfile(profile);
            return true;
        },
        &till.context, [&slowed](bool ok) { slowed = ok; });
    QTRY_VERIFY(slowed);

    CheckoutPage &page = till.page;
    till.scan(u"A01"_s);
    QTest::keyClick(&page, Qt::Key_F4);
    QTest::keyClick(&page, Qt::Key_F12);
    QTRY_VERIFY_WITH_TIMEOUT(till.text(u"paymentStatus"_s).contains(u"Confirming with the channel"_s), 10000);
    QCOMPARE(page.stage(), CheckoutPage::Stage::InFlight);
    QVERIFY(!till.find<QPushButton>(u"payButton"_s)->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, 60000);
}

// The QR B code seems stuck: the cashier presses "Pay another way", picks QR A and pays again.
// QR B's code is closed at its channel, the customer scans QR A's, and the sale is paid once.
void TestCheckoutPage::switchingMethodWhileAQrCodeIsPendingPaysWithTheOtherCode()
{
    Till till;
    QVERIFY(till.start());
    CheckoutPage &page = till.page;
    till.scan(u"A05"_s);
    QVERIFY(till.qrBThenSwitchToQrA());
    QTest::mouseClick(till.find<QPushButton>(u"simulateScanButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, kPaymentTimeoutMs);
    QVERIFY2(till.text(u"paymentStatus"_s).contains(u"Thank you"_s), qPrintable(till.text(u"paymentStatus"_s)));
    QVERIFY(!till.find<QPushButton>(u"switchMethodButton"_s)->isVisible());
    const auto v = till.order(page.outTradeNo());
    QVERIFY(v);
    QCOMPARE(v->payments.size(), 2);
    QCOMPARE_NAME(v->trade.status, TradeStatus::Paid);
    for (const PaymentFlow &f : v->flows) {
        if (f.channel == u"qr_b"_s)
            QCOMPARE_NAME(f.status, FlowStatus::Closed);
    }
}

// QR B cannot be reached when the cashier switches, so its code stays payable; the customer
// pays QR A, then QR B as well. The till says so: paid twice, the second payment refunded.
void TestCheckoutPage::paidTwiceIsShownAsSuch()
{
    Till till;
    QVERIFY(till.start());
    CheckoutPage &page = till.page;
    till.scan(u"A05"_s);
    QTest::keyClick(&page, Qt::Key_F6);
    QTest::keyClick(&page, Qt::Key_F12);
    auto *panel = till.find<ui::QrPaymentPanel>(u"qrPanel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->code()->text().startsWith(u"paydesk://qr_b/"_s), kPaymentTimeoutMs);
    const QString qrBFlow = panel->code()->text().section(u"flow="_s, 1).section(u'&', 0, 0);
    QVERIFY(!qrBFlow.isEmpty());
    QVERIFY(till.onCore([](PaymentCore &core) {
        FaultProfile unreachable;
        unreachable.timeoutFailedRate = 1.0;
        unreachable.timeoutMs = 200;
        core.channel(u"qr_b"_s)->setFaultProfile(unreachable);
        return true;
    }));
    QTest::mouseClick(till.find<QPushButton>(u"switchMethodButton"_s), Qt::LeftButton);
    QTest::keyClick(&page, Qt::Key_F5);
    QTest::keyClick(&page, Qt::Key_F12);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->code()->text().startsWith(u"paydesk://qr_a/"_s), kPaymentTimeoutMs);
    QTest::mouseClick(till.find<QPushButton>(u"simulateScanButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.stage(), CheckoutPage::Stage::Paid, kPaymentTimeoutMs);
    QVERIFY(till.onCore([qrBFlow](PaymentCore &core) {
        core.channel(u"qr_b"_s)->setFaultProfile(FaultProfile{});
        auto paid = core.qrChannel(u"qr_b"_s)->customerPays(qrBFlow);
        return paid && paid->succeeded();
    }));
    QTRY_VERIFY_WITH_TIMEOUT(till.text(u"paymentStatus"_s).contains(u"Paid twice"_s), kPaymentTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto v = till.order(page.outTradeNo());
            if (!v)
                return false;
            int duplicates = 0;
            for (const PaymentOrder &p : v->payments)
                duplicates += p.status == PaymentStatus::Duplicate ? 1 : 0;
            return duplicates == 1 && !v->refunds.isEmpty() && v->refunds.first().status == RefundStatus::Succeeded;
        }(),
        kPaymentTimeoutMs);
}

QTEST_MAIN(TestCheckoutPage)
#include "tst_checkoutpage.moc"
