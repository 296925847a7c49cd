#pragma once

#include "engine/paymentengine.h"

#include <QCoreApplication>

class QTreeWidget;

namespace pay::ui {

// An order's timeline in a QTreeWidget: every event in time order with its source, who, entity,
// from → to and event; the raw payload behind the disclosure triangle. Shared by the
// Operations and Reconciliation pages.
class OrderTimeline
{
    Q_DECLARE_TR_FUNCTIONS(OrderTimeline)
public:
    enum Column { TimeColumn, SourceColumn, WhoColumn, EntityColumn, StatesColumn, EventColumn, ColumnCount };

    static void setUp(QTreeWidget *tree);
    static QStringList headerLabels();
    // One line above the tree: order no., state, amount, paid, refunded and a freeze, in HTML.
    static QString summaryHtml(const TradeOrder &trade);
    static void fill(QTreeWidget *tree, const OrderView &view);
    static QString sourceText(EventSource source);
};

} // namespace pay::ui
