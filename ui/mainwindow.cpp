#include "mainwindow.h"

namespace pay::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("PayDesk"));
}

} // namespace pay::ui
