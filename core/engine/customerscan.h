#pragma once

#include "../channel/channel.h"
#include "../error.h"

namespace pay {

class PaymentCore;

// Training and tests: the customer scans the QR code of flowNo on channel ("qr_a", "qr_b") and
// pays. Runs on the core thread (through EngineHost::run); the result reaches the engine the
// way a real one would, as the channel's signed callback.
Result<ChannelResult> simulateCustomerScan(PaymentCore &core, const QString &channel, const QString &flowNo);

} // namespace pay
