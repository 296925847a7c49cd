#include "engine/staff.h"

#include <QSet>
#include <QTest>

using namespace pay;
using namespace Qt::StringLiterals;

// The till's staff list: hashed PINs, refund approval.
class TestStaff : public QObject
{
    Q_OBJECT

private slots:
    void verifiesPins_data();
    void verifiesPins();
    void onlyAManagerApprovesRefunds();
    void cashierLimit();
    void pinsAreNotStoredInClear();
};

void TestStaff::verifiesPins_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("ok");
    QTest::addRow("cashier right") << u"cashier1"_s << u"1111"_s << true;
    QTest::addRow("manager right") << u"manager1"_s << u"9999"_s << true;
    QTest::addRow("manager wrong") << u"manager1"_s << u"1111"_s << false;
    QTest::addRow("empty pin") << u"manager1"_s << QString() << false;
    QTest::addRow("unknown user") << u"nobody"_s << u"9999"_s << false;
}

void TestStaff::verifiesPins()
{
    QFETCH(QString, user);
    QFETCH(QString, pin);
    QFETCH(bool, ok);
    const auto member = Staff::verify(user, pin);
    QCOMPARE(member.has_value(), ok);
    if (!ok)
        QCOMPARE(member.error().code, ErrorCode::PermissionDenied);
}

void TestStaff::onlyAManagerApprovesRefunds()
{
    QVERIFY(Staff::approveRefund(u"manager1"_s, u"9999"_s));
    const auto cashier = Staff::approveRefund(u"cashier1"_s, u"1111"_s);
    QVERIFY(!cashier);
    QCOMPARE(cashier.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!Staff::approveRefund(u"manager1"_s, u"0000"_s));
}

void TestStaff::cashierLimit()
{
    QVERIFY(!Staff::needsApproval(StaffRole::Cashier, Staff::kCashierRefundLimitMinor));
    QVERIFY(Staff::needsApproval(StaffRole::Cashier, Staff::kCashierRefundLimitMinor + 1));
    QVERIFY(!Staff::needsApproval(StaffRole::Manager, 10'000'000));
}

void TestStaff::pinsAreNotStoredInClear()
{
    QSet<QByteArray> salts;
    for (const StaffMember &m : Staff::members()) {
        QCOMPARE(m.pinHashHex.size(), 64);
        QVERIFY(!m.salt.isEmpty());
        salts.insert(m.salt);
    }
    QCOMPARE(salts.size(), Staff::members().size()); // one salt per user
}

QTEST_GUILESS_MAIN(TestStaff)
#include "tst_staff.moc"
