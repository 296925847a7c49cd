#include "qrcodewidget.h"

#include <QPainter>
#include <qrencode.h>

namespace pay::ui {

namespace {
constexpr int kQuietZone = 4;
}

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("qrCode"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

bool QrCodeWidget::setText(const QString &text)
{
    m_text = text;
    m_size = 0;
    m_modules.clear();
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        if (QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)) {
            m_size = code->width;
            m_modules.resize(m_size * m_size);
            for (int i = 0; i < m_size * m_size; ++i)
                m_modules.setBit(i, code->data[i] & 1);
            QRcode_free(code);
        }
    }
    updateGeometry();
    update();
    return m_size > 0 || text.isEmpty();
}

bool QrCodeWidget::isDark(int x, int y) const
{
    return x >= 0 && y >= 0 && x < m_size && y < m_size && m_modules.testBit(y * m_size + x);
}

QSize QrCodeWidget::sizeHint() const
{
    return QSize(196, 196);
}

QSize QrCodeWidget::minimumSizeHint() const
{
    return QSize(184, 184);
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_size == 0)
        return;
    const int side = qMin(width(), height());
    const int total = m_size + 2 * kQuietZone;
    const int module = qMax(1, side / total); // whole pixels: blurred edges scan badly
    const int drawn = module * total;
    const QPoint origin((width() - drawn) / 2, (height() - drawn) / 2);
    painter.fillRect(QRect(origin, QSize(drawn, drawn)), Qt::white);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (m_modules.testBit(y * m_size + x))
                painter.fillRect(origin.x() + (x + kQuietZone) * module,
                    origin.y() + (y + kQuietZone) * module, module, module, Qt::black);
        }
    }
}

} // namespace pay::ui
