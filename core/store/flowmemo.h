#pragma once

#include "../domain/entities.h"

#include <QHash>
#include <QList>

#include <optional>

namespace pay {

// The flows of the payments in flight, as FlowRepository last read or wrote them, so that each
// step of a payment does not read its flows again. A memo is only worth having if it can never
// disagree with the file, so every way a row can change is covered:
//  - Any row of payment_flows this connection inserts, updates or deletes, by any statement or
//    trigger, reaches rowChanged() through SQLite's update hook and drops its payment's entry.
//    FlowRepository's own insert and transition put the entry back afterwards with exactly the
//    change the statement made, and only when the entry was whole before (takeForWrite()).
//  - A rollback drops everything: a transaction's through SQLite's rollback hook, a savepoint's
//    through TransactionGuard (SQLite has no hook for ROLLBACK TO).
//  - Another connection's commit changes PRAGMA data_version. Each entry keeps the version it
//    was read at, and a lookup with another version drops every entry.
// With PAYDESK_VERIFY_MEMO=1 in the environment every hit is also read from the file and
// compared field by field (the tests run that way); a difference stops the process.
class FlowMemo
{
public:
    struct Entry
    {
        QList<PaymentFlow> flows; // every flow of the payment, ordered by seq, id
        qint64 dataVersion = 0;
    };

    std::optional<QList<PaymentFlow>> byPayment(qint64 paymentId, qint64 dataVersion);
    std::optional<QList<PaymentFlow>> byFlow(qint64 flowId, qint64 dataVersion);
    void put(qint64 paymentId, QList<PaymentFlow> flows, qint64 dataVersion);
    // Removes the payment's entry for a write the caller will describe afterwards; the write's
    // hook call then finds nothing left to drop.
    std::optional<Entry> takeForWrite(qint64 paymentId);
    // Announces the next INSERT into payment_flows as one for this payment (the hook gives
    // only the new row's id): only that payment's entry is dropped, not every entry.
    void expectInsert(qint64 paymentId) { m_expectedInsert = paymentId; }

    void rowChanged(int sqliteOperation, qint64 rowid);
    void clear();

    qsizetype size() const { return m_byPayment.size(); }
    quint64 hits() const { return m_hits; }
    static bool verifying();

private:
    void drop(qint64 paymentId);

    QHash<qint64, Entry> m_byPayment;
    QHash<qint64, qint64> m_paymentOfFlow;
    qint64 m_expectedInsert = 0;
    quint64 m_hits = 0;
};

// The same for payment orders: the payment a step works on, as PaymentRepository last read or
// wrote it. The rules are the flow memo's: the update hook drops a changed row, rollbacks drop
// everything, another connection's commit (data_version) drops everything, and the
// repository's own transition puts the row back with exactly what it wrote.
class PaymentMemo
{
public:
    std::optional<PaymentOrder> find(qint64 id, qint64 dataVersion);
    void put(const PaymentOrder &payment, qint64 dataVersion);
    struct Entry
    {
        PaymentOrder payment;
        qint64 dataVersion = 0;
    };
    std::optional<Entry> takeForWrite(qint64 id);
    void rowChanged(qint64 rowid) { m_rows.remove(rowid); }
    void clear() { m_rows.clear(); }
    qsizetype size() const { return m_rows.size(); }
    quint64 hits() const { return m_hits; }

private:
    QHash<qint64, Entry> m_rows;
    quint64 m_hits = 0;
};

bool samePayment(const PaymentOrder &a, const PaymentOrder &b, QString *difference = nullptr);

// Whether two flows hold the same values, field by field (NULL and empty text are the same).
bool sameFlow(const PaymentFlow &a, const PaymentFlow &b, QString *difference = nullptr);

} // namespace pay
