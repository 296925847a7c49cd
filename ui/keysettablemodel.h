#pragma once

#include "error.h"

#include <QAbstractTableModel>
#include <QList>

#include <algorithm>

namespace pay::ui {

// A table whose rows are read a page at a time, by keyset: each page holds the rows after the
// last one read (canFetchMore/fetchMore), never an OFFSET, so a long list is only read as far as
// it is scrolled. One row more than a page tells whether another page follows.
// A subclass says how a page is read (readPage) and reports read errors with its own signal
// (handleReadFailed); it declares Q_OBJECT itself, this template cannot.
template<typename Row>
class KeysetTableModel : public QAbstractTableModel
{
public:
    void setPageSize(int rows) { m_pageSize = std::max(rows, 1); }
    // The last read error, empty when the last read succeeded.
    QString lastError() const { return m_lastError; }

    // Reads the first page again.
    void reload()
    {
        beginResetModel();
        m_rows.clear();
        m_hasMore = false;
        m_lastError.clear();
        if (auto rows = readPage(nullptr, m_pageSize + 1))
            m_rows = takePage(std::move(*rows));
        else
            m_lastError = rows.error().message;
        endResetModel();
        if (!m_lastError.isEmpty())
            handleReadFailed(m_lastError);
    }

    // Headers and texts were translated again: repaint them, keeping rows and selection.
    void retranslate()
    {
        emit headerDataChanged(Qt::Horizontal, 0, m_columnCount - 1);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, m_columnCount - 1));
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : m_columnCount;
    }
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && m_hasMore; }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent) || m_rows.isEmpty())
            return;
        auto rows = readPage(&m_rows.back(), m_pageSize + 1);
        if (!rows) {
            m_hasMore = false;
            m_lastError = rows.error().message;
            handleReadFailed(m_lastError);
            return;
        }
        QList<Row> page = takePage(std::move(*rows));
        if (page.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(page.size()) - 1);
        m_rows.append(std::move(page));
        endInsertRows();
    }

protected:
    KeysetTableModel(int columnCount, int pageSize, QObject *parent)
        : QAbstractTableModel(parent)
        , m_columnCount(columnCount)
        , m_pageSize(pageSize)
    {
    }

    // At most limit rows following after in the list's order (nullptr: from the first row).
    // With nothing to read from (no reader), an empty page: the model stays empty.
    virtual Result<QList<Row>> readPage(const Row *after, int limit) = 0;
    // A read failed (lastError() holds message): emit the subclass's signal.
    virtual void handleReadFailed(const QString &message) = 0;

    const QList<Row> &rows() const { return m_rows; }

private:
    // Keeps a page's rows, dropping the one read past it to learn whether more follow.
    QList<Row> takePage(QList<Row> &&rows)
    {
        m_hasMore = rows.size() > m_pageSize;
        if (m_hasMore)
            rows.resize(m_pageSize);
        return std::move(rows);
    }

    const int m_columnCount;
    int m_pageSize;
    QList<Row> m_rows;
    bool m_hasMore = false;
    QString m_lastError;
};

} // namespace pay::ui
