#pragma once

#include "basketmodel.h"
#include "error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <memory>

class QPrinter;
class QTextDocument;

namespace pay::ui {

// What a receipt says: the basket, the total and the amount each method paid.
struct Receipt
{
    QString outTradeNo;
    QDateTime paidAt;
    QString cashier;
    QList<BasketModel::Line> lines;
    qint64 totalMinor = 0;
    struct Payment
    {
        QString channel;
        QString account; // voucher code or member id; empty for card and QR
        qint64 amountMinor = 0;
    };
    QList<Payment> payments;
};

// Lays a Receipt out as a narrow text document for the preview, the printer and PDF.
class ReceiptDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptDocument)

public:
    static QString html(const Receipt &receipt);
    static std::unique_ptr<QTextDocument> build(const Receipt &receipt);
    // An 80 mm till roll with 3 mm margins.
    static void setUpPrinter(QPrinter *printer);
    // Lays the receipt out on the printer's page (not QTextDocument's default 2 cm margins).
    static void print(const Receipt &receipt, QPrinter *printer);
    // Writes the receipt as a PDF file (QPrinter in PdfFormat).
    static Result<void> savePdf(const Receipt &receipt, const QString &path);
};

} // namespace pay::ui
