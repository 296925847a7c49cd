#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace pay {

// One article the demo shop sells. Prices are minor units (fen) in CNY.
struct CatalogueItem
{
    QString code; // short shelf code a cashier types: "A01"
    QString barcode; // EAN-13, check digit included
    QString nameEn;
    QString nameZh;
    qint64 priceMinor = 0;
};

// The demo shop's catalogue: data only, shared by the checkout screen, the CLI and the tests.
class Catalogue
{
public:
    static const QList<CatalogueItem> &items();
    // Finds an item by its shelf code (case-insensitive) or its EAN-13 barcode.
    static std::optional<CatalogueItem> find(const QString &codeOrBarcode);
    // True when text is 13 digits with a correct EAN-13 check digit.
    static bool isValidEan13(const QString &text);
};

} // namespace pay
