#include "customerscan.h"

#include "../channel/qrchannel.h"
#include "paymentcore.h"

namespace pay {

Result<ChannelResult> simulateCustomerScan(PaymentCore &core, const QString &channel, const QString &flowNo)
{
    QrChannel *qr = core.qrChannel(channel);
    if (!qr)
        return fail(ErrorCode::NotFound,
            QCoreApplication::translate("CustomerScan", "%1 is not a QR channel").arg(channel));
    return qr->customerPays(flowNo);
}

} // namespace pay
