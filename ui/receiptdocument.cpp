#include "receiptdocument.h"

#include "displaytext.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace pay::ui {

namespace {

QString money(qint64 minor)
{
    return DisplayText::money(Money(minor, Currency::cny())).toHtmlEscaped();
}

} // namespace

QString ReceiptDocument::html(const Receipt &r)
{
    QString out;
    out += u"<html><body>"_s;
    out += u"<h2 align='center'>%1</h2>"_s.arg(tr("PayDesk Demo Shop").toHtmlEscaped());
    out += u"<p align='center'>%1<br/>%2<br/>%3</p>"_s.arg(tr("Receipt %1").arg(r.outTradeNo).toHtmlEscaped(),
        DisplayText::dateTime(r.paidAt).toHtmlEscaped(), tr("Cashier: %1").arg(r.cashier).toHtmlEscaped());
    out += u"<table width='100%' cellspacing='0' cellpadding='2'>"_s;
    out += u"<tr><th align='left'>%1</th><th align='right'>%2</th><th align='right'>%3</th></tr>"_s.arg(
        tr("Item").toHtmlEscaped(), tr("Qty").toHtmlEscaped(), tr("Amount").toHtmlEscaped());
    for (const BasketModel::Line &line : r.lines) {
        out += u"<tr><td>%1<br/><small>%2 × %3</small></td><td align='right'>%4</td><td align='right'>%5</td></tr>"_s
                   .arg(BasketModel::displayName(line.item).toHtmlEscaped(), QString::number(line.quantity),
                       money(line.item.priceMinor), QString::number(line.quantity),
                       money(line.amountMinor()));
    }
    out += u"</table><hr/>"_s;
    out += u"<table width='100%' cellspacing='0' cellpadding='2'>"_s;
    out += u"<tr><td><b>%1</b></td><td align='right'><b>%2</b></td></tr>"_s.arg(
        tr("Total").toHtmlEscaped(), money(r.totalMinor));
    for (const Receipt::Payment &p : r.payments) {
        const QString method = p.account.isEmpty()
            ? DisplayText::paymentMethod(p.channel)
            : tr("%1 (%2)").arg(DisplayText::paymentMethod(p.channel), p.account);
        out += u"<tr><td>%1</td><td align='right'>%2</td></tr>"_s.arg(
            method.toHtmlEscaped(), money(p.amountMinor));
    }
    out += u"</table><hr/>"_s;
    out += u"<p align='center'>%1</p>"_s.arg(tr("Thank you for shopping with us.").toHtmlEscaped());
    out += u"</body></html>"_s;
    return out;
}

std::unique_ptr<QTextDocument> ReceiptDocument::build(const Receipt &receipt)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(8);
    doc->setHtml(html(receipt));
    return doc;
}

void ReceiptDocument::setUpPrinter(QPrinter *printer)
{
    printer->setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, u"Receipt"_s));
    printer->setPageMargins(QMarginsF(3, 3, 3, 3), QPageLayout::Millimeter);
}

void ReceiptDocument::print(const Receipt &receipt, QPrinter *printer)
{
    auto doc = build(receipt);
    QFont font = doc->defaultFont();
    font.setPointSizeF(9);
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setPageSize(printer->pageRect(QPrinter::Point).size());
    doc->print(printer);
}

Result<void> ReceiptDocument::savePdf(const Receipt &receipt, const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    setUpPrinter(&printer);
    printer.setDocName(tr("Receipt %1").arg(receipt.outTradeNo));
    print(receipt, &printer);
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return fail(ErrorCode::Io, tr("Could not write the receipt to %1.").arg(path));
    return {};
}

} // namespace pay::ui
