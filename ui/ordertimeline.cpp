#include "ordertimeline.h"

#include "displaytext.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QTreeWidget>

namespace pay::ui {

void OrderTimeline::setUp(QTreeWidget *tree)
{
    tree->setColumnCount(ColumnCount);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(false);
    tree->setHeaderLabels(headerLabels());
}

QStringList OrderTimeline::headerLabels()
{
    return {tr("Time"), tr("Source"), tr("Who"), tr("Entity"), tr("From → to"), tr("Event")};
}

QString OrderTimeline::sourceText(EventSource source)
{
    switch (source) {
    case EventSource::Sync: return tr("Sync reply");
    case EventSource::Callback: return tr("Callback");
    case EventSource::Query: return tr("Query");
    case EventSource::Timeout: return tr("Timeout");
    case EventSource::Recon: return tr("Reconciliation");
    case EventSource::Operator: return tr("Operator");
    case EventSource::System: return tr("System");
    }
    return {};
}

QString OrderTimeline::summaryHtml(const TradeOrder &t)
{
    const Currency currency = t.amount.currency();
    return tr("<b>%1</b> · %2 · amount %3 · paid %4 · refunded %5%6")
        .arg(t.outTradeNo.toHtmlEscaped(), DisplayText::tradeStatus(t.status), DisplayText::money(t.amount),
             DisplayText::money(Money(t.paidMinor, currency)), DisplayText::money(Money(t.refundedMinor, currency)),
             t.frozen ? tr(" · <span style='color:#c62828'>frozen: %1</span>").arg(t.freezeReason.toHtmlEscaped())
                      : QString());
}

void OrderTimeline::fill(QTreeWidget *tree, const OrderView &view)
{
    QList<Event> events = view.events;
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.id < b.id;
    });
    tree->clear();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const Event &e : std::as_const(events)) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(TimeColumn, DisplayText::dateTime(QDateTime::fromMSecsSinceEpoch(e.atMs)));
        item->setText(SourceColumn, sourceText(e.source));
        item->setText(WhoColumn, e.actor.isEmpty() ? tr("engine") : e.actor);
        item->setText(EntityColumn, QStringLiteral("%1 %2").arg(e.entity, e.entityNo).trimmed());
        if (!e.fromState.isEmpty() || !e.toState.isEmpty())
            item->setText(StatesColumn, tr("%1 → %2").arg(e.fromState.isEmpty() ? tr("(new)") : e.fromState, e.toState));
        item->setText(EventColumn, e.event);
        item->setData(TimeColumn, Qt::UserRole, e.atMs);
        if (!e.payload.isEmpty()) {
            // The raw payload behind the disclosure triangle.
            auto *raw = new QTreeWidgetItem(item);
            raw->setText(TimeColumn, QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Indented)).trimmed());
            raw->setFont(TimeColumn, mono);
            raw->setFirstColumnSpanned(true);
        }
    }
    for (int c = 0; c < EventColumn; ++c)
        tree->resizeColumnToContents(c);
}

} // namespace pay::ui
