#pragma once

#include <QBitArray>
#include <QWidget>

namespace pay::ui {

// Draws text as a QR code (libqrencode, error correction M) with a four-module quiet zone,
// black on white, scaled to whole pixels per module so a phone can scan it off the screen.
class QrCodeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit QrCodeWidget(QWidget *parent = nullptr);

    // Encodes text; false (and an empty widget) if it cannot be encoded.
    bool setText(const QString &text);
    QString text() const { return m_text; }
    // Modules per side (0 when empty) and one module's colour, for tests.
    int moduleCount() const { return m_size; }
    bool isDark(int x, int y) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    int m_size = 0;
    QBitArray m_modules;
};

} // namespace pay::ui
