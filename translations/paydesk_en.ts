<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChannelRouter</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No channel is configured for method %1</source>
        <translation>No channel is configured for method %1</translation>
    </message>
    <message>
        <source>No channel can take %1 %2 now; excluded: %3</source>
        <translation>No channel can take %1 %2 now; excluded: %3</translation>
    </message>
    <message>
        <source>%1: the only eligible channel (fee %2); excluded: %3</source>
        <translation>%1: the only eligible channel (fee %2); excluded: %3</translation>
    </message>
    <message>
        <source>%1: lowest fee %2 shared, chosen by priority among %3 eligible; excluded: %4</source>
        <translation>%1: lowest fee %2 shared, chosen by priority among %3 eligible; excluded: %4</translation>
    </message>
    <message>
        <source>%1: cheapest fee %2 among %3 eligible; excluded: %4</source>
        <translation>%1: cheapest fee %2 among %3 eligible; excluded: %4</translation>
    </message>
</context>
<context>
    <name>DemoSeed</name>
    <message>
        <source>%1 already exists; demo data goes only into a new file</source>
        <translation>%1 already exists; demo data goes only into a new file</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>Paying</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Partially refunded</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Awaiting scan</source>
        <translation>Awaiting scan</translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation>Refund failed</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Currency code '%1' is not three letters</source>
        <translation>Currency code '%1' is not three letters</translation>
    </message>
    <message>
        <source>Cannot combine %1 with %2</source>
        <translation>Cannot combine %1 with %2</translation>
    </message>
    <message>
        <source>Amount overflow</source>
        <translation>Amount overflow</translation>
    </message>
    <message>
        <source>Allocation needs at least one part</source>
        <translation>Allocation needs at least one part</translation>
    </message>
    <message>
        <source>Allocation weights must not be negative</source>
        <translation>Allocation weights must not be negative</translation>
    </message>
    <message>
        <source>Allocation weights sum to zero</source>
        <translation>Allocation weights sum to zero</translation>
    </message>
    <message>
        <source>'%1' is not an amount</source>
        <translation>'%1' is not an amount</translation>
    </message>
    <message>
        <source>'%1' has more than %2 decimal places</source>
        <translation>'%1' has more than %2 decimal places</translation>
    </message>
</context>
<context>
    <name>StatementWriter</name>
    <message>
        <source>No GBK encoder available</source>
        <translation>No GBK encoder available</translation>
    </message>
    <message>
        <source>Text is not representable in GBK</source>
        <translation>Text is not representable in GBK</translation>
    </message>
    <message>
        <source>Unknown statement format "%1" (canonical, wechat or alipay)</source>
        <translation>Unknown statement format "%1" (canonical, wechat or alipay)</translation>
    </message>
    <message>
        <source>Unknown statement format</source>
        <translation>Unknown statement format</translation>
    </message>
    <message>
        <source>Line %1: not a canonical statement header</source>
        <translation>Line %1: not a canonical statement header</translation>
    </message>
    <message>
        <source>Line %1: expected 10 fields</source>
        <translation>Line %1: expected 10 fields</translation>
    </message>
    <message>
        <source>Line %1: unknown type %2</source>
        <translation>Line %1: unknown type %2</translation>
    </message>
    <message>
        <source>Line %1: bad amount, fee or time</source>
        <translation>Line %1: bad amount, fee or time</translation>
    </message>
    <message>
        <source>No canonical statement header</source>
        <translation>No canonical statement header</translation>
    </message>
    <message>
        <source>The statement is truncated: the end line is missing or does not match</source>
        <translation>The statement is truncated: the end line is missing or does not match</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>%1 is terminal and cannot take %2</source>
        <translation>%1 is terminal and cannot take %2</translation>
    </message>
    <message>
        <source>%1 cannot take %2</source>
        <translation>%1 cannot take %2</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Invalid bulk seed options</source>
        <translation>Invalid bulk seed options</translation>
    </message>
    <message>
        <source>Read trade orders</source>
        <translation>Read trade orders</translation>
    </message>
    <message>
        <source>Insert trade order</source>
        <translation>Insert trade order</translation>
    </message>
    <message>
        <source>Corrupt row in %1: %2</source>
        <translation>Corrupt row in %1: %2</translation>
    </message>
    <message>
        <source>Search trade orders</source>
        <translation>Search trade orders</translation>
    </message>
    <message>
        <source>Count trade orders</source>
        <translation>Count trade orders</translation>
    </message>
    <message>
        <source>Cannot migrate from schema version %1</source>
        <translation>Cannot migrate from schema version %1</translation>
    </message>
    <message>
        <source>No open transaction to commit</source>
        <translation>No open transaction to commit</translation>
    </message>
</context>
<context>
    <name>pay</name>
    <message>
        <source>%1: the database is locked by another program (%2)</source>
        <translation>%1: the database is locked by another program (%2)</translation>
    </message>
    <message>
        <source>%1: the database is read-only (%2)</source>
        <translation>%1: the database is read-only (%2)</translation>
    </message>
    <message>
        <source>%1: the file is not a database or is corrupt (%2)</source>
        <translation>%1: the file is not a database or is corrupt (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Corrupt row in %1: %2</source>
        <translation>Corrupt row in %1: %2</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>%1 not found</translation>
    </message>
</context>
<context>
    <name>pay::CallbackIngress</name>
    <message>
        <source>Callback for unknown channel %1</source>
        <translation>Callback for unknown channel %1</translation>
    </message>
    <message>
        <source>Callback from %1 lacks a valid timestamp, nonce or signature header</source>
        <translation>Callback from %1 lacks a valid timestamp, nonce or signature header</translation>
    </message>
    <message>
        <source>Callback from %1 has a bad signature</source>
        <translation>Callback from %1 has a bad signature</translation>
    </message>
    <message>
        <source>Callback from %1 is %2 s off the clock; the window is %3 s</source>
        <translation>Callback from %1 is %2 s off the clock; the window is %3 s</translation>
    </message>
    <message>
        <source>Callback from %1 replays nonce %2</source>
        <translation>Callback from %1 replays nonce %2</translation>
    </message>
</context>
<context>
    <name>pay::ChannelGateway</name>
    <message>
        <source>No channel given</source>
        <translation>No channel given</translation>
    </message>
    <message>
        <source>Channel %1 is already registered</source>
        <translation>Channel %1 is already registered</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is open</source>
        <translation>Circuit breaker of %1 is open</translation>
    </message>
    <message>
        <source>No channel %1</source>
        <translation>No channel %1</translation>
    </message>
    <message>
        <source>Channel %1 is switched off</source>
        <translation>Channel %1 is switched off</translation>
    </message>
    <message>
        <source>Channel %1 is busy: %2 calls in flight, %3 waiting</source>
        <translation>Channel %1 is busy: %2 calls in flight, %3 waiting</translation>
    </message>
    <message>
        <source>Channel %1 had no free slot in time</source>
        <translation>Channel %1 had no free slot in time</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 ms</source>
        <translation>No answer from %1 within %2 ms</translation>
    </message>
</context>
<context>
    <name>pay::CouponChannel</name>
    <message>
        <source>No voucher %1</source>
        <translation>No voucher %1</translation>
    </message>
    <message>
        <source>Voucher %1 was already used</source>
        <translation>Voucher %1 was already used</translation>
    </message>
    <message>
        <source>Voucher %1 is not valid yet</source>
        <translation>Voucher %1 is not valid yet</translation>
    </message>
    <message>
        <source>Voucher %1 has expired</source>
        <translation>Voucher %1 has expired</translation>
    </message>
    <message>
        <source>Voucher %1 is in %2</source>
        <translation>Voucher %1 is in %2</translation>
    </message>
    <message>
        <source>Voucher %1 covers at most %2 minor units</source>
        <translation>Voucher %1 covers at most %2 minor units</translation>
    </message>
    <message>
        <source>A voucher payment can only be refunded whole</source>
        <translation>A voucher payment can only be refunded whole</translation>
    </message>
</context>
<context>
    <name>pay::Database</name>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 is not a regular file</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (its header does not match); it was left untouched</source>
        <translation>%1 is not a SQLite database (its header does not match); it was left untouched</translation>
    </message>
    <message>
        <source>%1 is read-only; PayDesk needs to write to it (open it with a read-only command, or make it writable)</source>
        <translation>%1 is read-only; PayDesk needs to write to it (open it with a read-only command, or make it writable)</translation>
    </message>
    <message>
        <source>Database %1 does not exist</source>
        <translation>Database %1 does not exist</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>Cannot read %1</translation>
    </message>
    <message>
        <source>Cannot read the schema version of %1</source>
        <translation>Cannot read the schema version of %1</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this PayDesk understands (%3); it was left untouched. Use a newer PayDesk.</source>
        <translation>%1 has schema version %2, newer than this PayDesk understands (%3); it was left untouched. Use a newer PayDesk.</translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not a PayDesk database; it was left untouched</source>
        <translation>%1 is a SQLite database but not a PayDesk database; it was left untouched</translation>
    </message>
    <message>
        <source>%1 has schema version %2 and must be upgraded, which a read-only open cannot do</source>
        <translation>%1 has schema version %2 and must be upgraded, which a read-only open cannot do</translation>
    </message>
    <message>
        <source>Cannot switch %1 to WAL</source>
        <translation>Cannot switch %1 to WAL</translation>
    </message>
</context>
<context>
    <name>pay::EventRepository</name>
    <message>
        <source>Append event</source>
        <translation>Append event</translation>
    </message>
    <message>
        <source>Events of trade #%1</source>
        <translation>Events of trade #%1</translation>
    </message>
    <message>
        <source>Count events</source>
        <translation>Count events</translation>
    </message>
</context>
<context>
    <name>pay::FlowRepository</name>
    <message>
        <source>Insert flow %1</source>
        <translation>Insert flow %1</translation>
    </message>
    <message>
        <source>Flow #%1</source>
        <translation>Flow #%1</translation>
    </message>
    <message>
        <source>Flow %1</source>
        <translation>Flow %1</translation>
    </message>
    <message>
        <source>Flow with %1 transaction %2</source>
        <translation>Flow with %1 transaction %2</translation>
    </message>
    <message>
        <source>Flows of payment #%1</source>
        <translation>Flows of payment #%1</translation>
    </message>
    <message>
        <source>Flows of trade #%1</source>
        <translation>Flows of trade #%1</translation>
    </message>
    <message>
        <source>Update flow %1</source>
        <translation>Update flow %1</translation>
    </message>
    <message>
        <source>Update refunded amount of flow %1</source>
        <translation>Update refunded amount of flow %1</translation>
    </message>
    <message>
        <source>Mark flow %1 for reconciliation</source>
        <translation>Mark flow %1 for reconciliation</translation>
    </message>
</context>
<context>
    <name>pay::IdempotencyStore</name>
    <message>
        <source>An idempotency key is required</source>
        <translation>An idempotency key is required</translation>
    </message>
    <message>
        <source>Read idempotency key</source>
        <translation>Read idempotency key</translation>
    </message>
    <message>
        <source>Idempotency key %1 was already used for a different request</source>
        <translation>Idempotency key %1 was already used for a different request</translation>
    </message>
    <message>
        <source>Expire idempotency key</source>
        <translation>Expire idempotency key</translation>
    </message>
    <message>
        <source>Store idempotency key</source>
        <translation>Store idempotency key</translation>
    </message>
    <message>
        <source>Store idempotent response</source>
        <translation>Store idempotent response</translation>
    </message>
    <message>
        <source>Purge idempotency keys</source>
        <translation>Purge idempotency keys</translation>
    </message>
</context>
<context>
    <name>pay::InvariantChecker</name>
    <message>
        <source>SQLite integrity_check reports ok</source>
        <translation>SQLite integrity_check reports ok</translation>
    </message>
    <message>
        <source>integrity_check</source>
        <translation>integrity_check</translation>
    </message>
    <message>
        <source>No entity leaves a terminal state in the event log</source>
        <translation>No entity leaves a terminal state in the event log</translation>
    </message>
    <message>
        <source>Every ledger posting set sums to zero</source>
        <translation>Every ledger posting set sums to zero</translation>
    </message>
    <message>
        <source>The flows of each payment add up to its amount</source>
        <translation>The flows of each payment add up to its amount</translation>
    </message>
    <message>
        <source>Flows carry their payment's currency</source>
        <translation>Flows carry their payment's currency</translation>
    </message>
    <message>
        <source>No flow is refunded more than it took</source>
        <translation>No flow is refunded more than it took</translation>
    </message>
    <message>
        <source>Only successful flows are refunded</source>
        <translation>Only successful flows are refunded</translation>
    </message>
    <message>
        <source>Per settled trade, the money kept is 0 or the order amount</source>
        <translation>Per settled trade, the money kept is 0 or the order amount</translation>
    </message>
    <message>
        <source>A closed trade holds no money once its refunds finish</source>
        <translation>A closed trade holds no money once its refunds finish</translation>
    </message>
    <message>
        <source>Every successful flow has ledger postings</source>
        <translation>Every successful flow has ledger postings</translation>
    </message>
    <message>
        <source>Every successful refund flow has ledger postings</source>
        <translation>Every successful refund flow has ledger postings</translation>
    </message>
    <message>
        <source>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</source>
        <translation>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</translation>
    </message>
</context>
<context>
    <name>pay::LedgerRepository</name>
    <message>
        <source>Posting set %1 needs at least two postings</source>
        <translation>Posting set %1 needs at least two postings</translation>
    </message>
    <message>
        <source>Posting set %1 overflows</source>
        <translation>Posting set %1 overflows</translation>
    </message>
    <message>
        <source>Posting set %1 does not balance: %2 %3 left over</source>
        <translation>Posting set %1 does not balance: %2 %3 left over</translation>
    </message>
    <message>
        <source>Post to ledger</source>
        <translation>Post to ledger</translation>
    </message>
    <message>
        <source>Ledger of trade #%1</source>
        <translation>Ledger of trade #%1</translation>
    </message>
    <message>
        <source>Ledger balance check</source>
        <translation>Ledger balance check</translation>
    </message>
</context>
<context>
    <name>pay::PaymentEngine</name>
    <message>
        <source>Schedule compensation</source>
        <translation>Schedule compensation</translation>
    </message>
    <message>
        <source>Drop compensation task</source>
        <translation>Drop compensation task</translation>
    </message>
    <message>
        <source>Load compensation tasks</source>
        <translation>Load compensation tasks</translation>
    </message>
    <message>
        <source>An order number is required</source>
        <translation>An order number is required</translation>
    </message>
    <message>
        <source>The order amount must be positive</source>
        <translation>The order amount must be positive</translation>
    </message>
    <message>
        <source>At least one payment method is required</source>
        <translation>At least one payment method is required</translation>
    </message>
    <message>
        <source>Unknown payment method '%1'</source>
        <translation>Unknown payment method '%1'</translation>
    </message>
    <message>
        <source>The %1 amount must be positive</source>
        <translation>The %1 amount must be positive</translation>
    </message>
    <message>
        <source>%1 appears twice in one payment</source>
        <translation>%1 appears twice in one payment</translation>
    </message>
    <message>
        <source>%1 needs a voucher code or member id</source>
        <translation>%1 needs a voucher code or member id</translation>
    </message>
    <message>
        <source>%1 takes at most %2 per payment</source>
        <translation>%1 takes at most %2 per payment</translation>
    </message>
    <message>
        <source>The payment amounts overflow</source>
        <translation>The payment amounts overflow</translation>
    </message>
    <message>
        <source>At most one card or QR channel per payment</source>
        <translation>At most one card or QR channel per payment</translation>
    </message>
    <message>
        <source>The methods add up to %1 but the order is %2</source>
        <translation>The methods add up to %1 but the order is %2</translation>
    </message>
    <message>
        <source>Order %1 is frozen for review: %2</source>
        <translation>Order %1 is frozen for review: %2</translation>
    </message>
    <message>
        <source>Order %1 is for %2, not %3</source>
        <translation>Order %1 is for %2, not %3</translation>
    </message>
    <message>
        <source>Order %1 is %2 and cannot be paid</source>
        <translation>Order %1 is %2 and cannot be paid</translation>
    </message>
    <message>
        <source>Order %1 changed while paying; look at it again</source>
        <translation>Order %1 changed while paying; look at it again</translation>
    </message>
    <message>
        <source>Number payment</source>
        <translation>Number payment</translation>
    </message>
    <message>
        <source>Channel %1 reported %2 for flow %3, which asked for %4</source>
        <translation>Channel %1 reported %2 for flow %3, which asked for %4</translation>
    </message>
    <message>
        <source>Amount mismatch on flow %1</source>
        <translation>Amount mismatch on flow %1</translation>
    </message>
    <message>
        <source>Flow %1 was %2 but the channel reports it paid</source>
        <translation>Flow %1 was %2 but the channel reports it paid</translation>
    </message>
    <message>
        <source>Flow %1 is already %2</source>
        <translation>Flow %1 is already %2</translation>
    </message>
    <message>
        <source>Flow %1 changed meanwhile</source>
        <translation>Flow %1 changed meanwhile</translation>
    </message>
    <message>
        <source>Not attempted: an earlier leg failed</source>
        <translation>Not attempted: an earlier leg failed</translation>
    </message>
    <message>
        <source>Payment %1 failed: %2</source>
        <translation>Payment %1 failed: %2</translation>
    </message>
    <message>
        <source>Order %1 was closed before payment %2 succeeded</source>
        <translation>Order %1 was closed before payment %2 succeeded</translation>
    </message>
    <message>
        <source>Order %1 was already paid; payment %2 is a duplicate</source>
        <translation>Order %1 was already paid; payment %2 is a duplicate</translation>
    </message>
    <message>
        <source>Closed: another attempt paid the order</source>
        <translation>Closed: another attempt paid the order</translation>
    </message>
    <message>
        <source>Order %1 is %2; it cannot be closed</source>
        <translation>Order %1 is %2; it cannot be closed</translation>
    </message>
    <message>
        <source>Closed at the channel</source>
        <translation>Closed at the channel</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>Order closed</translation>
    </message>
    <message>
        <source>Order %1 closed before its payment completed</source>
        <translation>Order %1 closed before its payment completed</translation>
    </message>
    <message>
        <source>Refund %1 does not belong to %2</source>
        <translation>Refund %1 does not belong to %2</translation>
    </message>
    <message>
        <source>Flow %1 does not belong to %2</source>
        <translation>Flow %1 does not belong to %2</translation>
    </message>
    <message>
        <source>Refund callback for %1 reports %2, expected %3</source>
        <translation>Refund callback for %1 reports %2, expected %3</translation>
    </message>
    <message>
        <source>Refund amount mismatch</source>
        <translation>Refund amount mismatch</translation>
    </message>
    <message>
        <source>Callback for %1 is in %2, the flow is in %3</source>
        <translation>Callback for %1 is in %2, the flow is in %3</translation>
    </message>
    <message>
        <source>Currency mismatch on flow %1</source>
        <translation>Currency mismatch on flow %1</translation>
    </message>
    <message>
        <source>The channel reported the payment failed</source>
        <translation>The channel reported the payment failed</translation>
    </message>
    <message>
        <source>A refund number is required</source>
        <translation>A refund number is required</translation>
    </message>
    <message>
        <source>The refund amount must be positive</source>
        <translation>The refund amount must be positive</translation>
    </message>
    <message>
        <source>Refund %1 already exists with a different order or amount</source>
        <translation>Refund %1 already exists with a different order or amount</translation>
    </message>
    <message>
        <source>Order %1 is frozen for review</source>
        <translation>Order %1 is frozen for review</translation>
    </message>
    <message>
        <source>Order %1 is %2; only paid orders can be refunded</source>
        <translation>Order %1 is %2; only paid orders can be refunded</translation>
    </message>
    <message>
        <source>Only %1 of order %2 can still be refunded</source>
        <translation>Only %1 of order %2 can still be refunded</translation>
    </message>
    <message>
        <source>The flows of order %1 cannot cover the refund</source>
        <translation>The flows of order %1 cannot cover the refund</translation>
    </message>
    <message>
        <source>Refund %1 would exceed what flow %2 took</source>
        <translation>Refund %1 would exceed what flow %2 took</translation>
    </message>
    <message>
        <source>Refund %1 exceeds what flow %2 took</source>
        <translation>Refund %1 exceeds what flow %2 took</translation>
    </message>
    <message>
        <source>Refund %1 failed at the channel after retries</source>
        <translation>Refund %1 failed at the channel after retries</translation>
    </message>
    <message>
        <source>Order keeps %1 but should keep %2 (amount %3)</source>
        <translation>Order keeps %1 but should keep %2 (amount %3)</translation>
    </message>
    <message>
        <source>Closed: the customer switched to another method</source>
        <translation>Closed: the customer switched to another method</translation>
    </message>
    <message>
        <source>Not needed: order is %1</source>
        <translation>Not needed: order is %1</translation>
    </message>
</context>
<context>
    <name>pay::PaymentRepository</name>
    <message>
        <source>Insert payment order %1</source>
        <translation>Insert payment order %1</translation>
    </message>
    <message>
        <source>Payment order #%1</source>
        <translation>Payment order #%1</translation>
    </message>
    <message>
        <source>Payment order %1</source>
        <translation>Payment order %1</translation>
    </message>
    <message>
        <source>Payment orders of trade #%1</source>
        <translation>Payment orders of trade #%1</translation>
    </message>
    <message>
        <source>Update payment order</source>
        <translation>Update payment order</translation>
    </message>
</context>
<context>
    <name>pay::QrChannel</name>
    <message>
        <source>%1 takes payments by QR code: use prepay</source>
        <translation>%1 takes payments by QR code: use prepay</translation>
    </message>
    <message>
        <source>A payment needs a flow no. and a positive amount</source>
        <translation>A payment needs a flow no. and a positive amount</translation>
    </message>
    <message>
        <source>The channel failed to process it</source>
        <translation>The channel failed to process it</translation>
    </message>
    <message>
        <source>The order is closed</source>
        <translation>The order is closed</translation>
    </message>
    <message>
        <source>Flow %1 was used with a different amount</source>
        <translation>Flow %1 was used with a different amount</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Already paid</translation>
    </message>
    <message>
        <source>The payment failed</source>
        <translation>The payment failed</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Waiting for the customer</translation>
    </message>
    <message>
        <source>%1 has no order %2</source>
        <translation>%1 has no order %2</translation>
    </message>
    <message>
        <source>Order %1 is %2, not waiting for payment</source>
        <translation>Order %1 is %2, not waiting for payment</translation>
    </message>
    <message>
        <source>The QR code for %1 has expired</source>
        <translation>The QR code for %1 has expired</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Declined: %1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
</context>
<context>
    <name>pay::RefundRepository</name>
    <message>
        <source>Insert refund %1</source>
        <translation>Insert refund %1</translation>
    </message>
    <message>
        <source>Insert refund flow %1</source>
        <translation>Insert refund flow %1</translation>
    </message>
    <message>
        <source>Refund #%1</source>
        <translation>Refund #%1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Refund %1</translation>
    </message>
    <message>
        <source>Refunds of trade #%1</source>
        <translation>Refunds of trade #%1</translation>
    </message>
    <message>
        <source>Refund flows of refund #%1</source>
        <translation>Refund flows of refund #%1</translation>
    </message>
    <message>
        <source>Refund flow #%1</source>
        <translation>Refund flow #%1</translation>
    </message>
    <message>
        <source>Refund flow %1</source>
        <translation>Refund flow %1</translation>
    </message>
    <message>
        <source>Update refund %1</source>
        <translation>Update refund %1</translation>
    </message>
    <message>
        <source>Update refund flow %1</source>
        <translation>Update refund flow %1</translation>
    </message>
</context>
<context>
    <name>pay::SimulatedChannel</name>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 refused the connection</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 did not answer</translation>
    </message>
    <message>
        <source>No answer from %1 in time</source>
        <translation>No answer from %1 in time</translation>
    </message>
    <message>
        <source>%1 answered with an undocumented code</source>
        <translation>%1 answered with an undocumented code</translation>
    </message>
    <message>
        <source>%1 does not create pre-pay orders</source>
        <translation>%1 does not create pre-pay orders</translation>
    </message>
    <message>
        <source>A payment needs a flow no. and a positive amount</source>
        <translation>A payment needs a flow no. and a positive amount</translation>
    </message>
    <message>
        <source>The order is closed</source>
        <translation>The order is closed</translation>
    </message>
    <message>
        <source>Flow %1 was used with a different amount</source>
        <translation>Flow %1 was used with a different amount</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Already paid</translation>
    </message>
    <message>
        <source>The payment failed: %1</source>
        <translation>The payment failed: %1</translation>
    </message>
    <message>
        <source>Flow %1 waits for the customer</source>
        <translation>Flow %1 waits for the customer</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Declined: %1</translation>
    </message>
    <message>
        <source>The channel failed to process it</source>
        <translation>The channel failed to process it</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>No such order (yet)</source>
        <translation>No such order (yet)</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Waiting for the customer</translation>
    </message>
    <message>
        <source>The customer has already paid</source>
        <translation>The customer has already paid</translation>
    </message>
    <message>
        <source>A refund needs a refund no. and a positive amount</source>
        <translation>A refund needs a refund no. and a positive amount</translation>
    </message>
    <message>
        <source>Refund %1 was used for another refund</source>
        <translation>Refund %1 was used for another refund</translation>
    </message>
    <message>
        <source>Already refunded</source>
        <translation>Already refunded</translation>
    </message>
    <message>
        <source>No such payment</source>
        <translation>No such payment</translation>
    </message>
    <message>
        <source>The payment is %1</source>
        <translation>The payment is %1</translation>
    </message>
    <message>
        <source>Currency differs from the payment</source>
        <translation>Currency differs from the payment</translation>
    </message>
    <message>
        <source>Only %1 left to refund</source>
        <translation>Only %1 left to refund</translation>
    </message>
    <message>
        <source>Refund declined: %1</source>
        <translation>Refund declined: %1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>No such refund</source>
        <translation>No such refund</translation>
    </message>
    <message>
        <source>Statement day is not a valid date</source>
        <translation>Statement day is not a valid date</translation>
    </message>
</context>
<context>
    <name>pay::TradeRepository</name>
    <message>
        <source>Insert trade order</source>
        <translation>Insert trade order</translation>
    </message>
    <message>
        <source>Trade order %1 already exists for merchant %2</source>
        <translation>Trade order %1 already exists for merchant %2</translation>
    </message>
    <message>
        <source>Trade order #%1</source>
        <translation>Trade order #%1</translation>
    </message>
    <message>
        <source>Trade order %1</source>
        <translation>Trade order %1</translation>
    </message>
    <message>
        <source>Update trade order</source>
        <translation>Update trade order</translation>
    </message>
    <message>
        <source>Update trade amounts</source>
        <translation>Update trade amounts</translation>
    </message>
    <message>
        <source>Freeze trade order</source>
        <translation>Freeze trade order</translation>
    </message>
    <message>
        <source>Count trade orders</source>
        <translation>Count trade orders</translation>
    </message>
</context>
<context>
    <name>pay::WalletChannel</name>
    <message>
        <source>No member %1</source>
        <translation>No member %1</translation>
    </message>
    <message>
        <source>Member %1 holds %2</source>
        <translation>Member %1 holds %2</translation>
    </message>
    <message>
        <source>Member %1 has not enough balance</source>
        <translation>Member %1 has not enough balance</translation>
    </message>
    <message>
        <source>The balance would overflow</source>
        <translation>The balance would overflow</translation>
    </message>
</context>
<context>
    <name>pay::ui::CheckoutPage</name>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>Take a payment for a basket: combine a coupon, wallet balance, points, a bank card or a QR code, watch each part succeed or fail, print a receipt, and refund within your limits.</source>
        <translation>Take a payment for a basket: combine a coupon, wallet balance, points, a bank card or a QR code, watch each part succeed or fail, print a receipt, and refund within your limits.</translation>
    </message>
</context>
<context>
    <name>pay::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Charts of takings, payment success rate, refunds and channel health over time, with the reconciliation breaks still open.</source>
        <translation>Charts of takings, payment success rate, refunds and channel health over time, with the reconciliation breaks still open.</translation>
    </message>
</context>
<context>
    <name>pay::ui::MainWindow</name>
    <message>
        <source>Open Database</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <source>PayDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>PayDesk databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Cannot Open Database</translation>
    </message>
    <message>
        <source>About PayDesk</source>
        <translation>About PayDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PayDesk %1&lt;/h3&gt;&lt;p&gt;A cashier and operations console with an embedded payment core. Everything runs on this computer against one SQLite file.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PayDesk %1&lt;/h3&gt;&lt;p&gt;A cashier and operations console with an embedded payment core. Everything runs on this computer against one SQLite file.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>No database open</translation>
    </message>
    <message>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>Orders: %1</translation>
    </message>
    <message>
        <source>%1 — PayDesk</source>
        <translation>%1 — PayDesk</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Reload Orders</source>
        <translation>&amp;Reload Orders</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About PayDesk</source>
        <translation>&amp;About PayDesk</translation>
    </message>
</context>
<context>
    <name>pay::ui::OperationsPage</name>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Review orders that need a person: payments stuck in progress, orders paid after they were closed, duplicate payments, failed refunds and orders frozen by loss prevention. Every action is recorded in the order's timeline.</source>
        <translation>Review orders that need a person: payments stuck in progress, orders paid after they were closed, duplicate payments, failed refunds and orders frozen by loss prevention. Every action is recorded in the order's timeline.</translation>
    </message>
</context>
<context>
    <name>pay::ui::OrdersModel</name>
    <message>
        <source>Frozen for review: %1</source>
        <translation>Frozen for review: %1</translation>
    </message>
    <message>
        <source>%1 (frozen)</source>
        <translation>%1 (frozen)</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>pay::ui::OrdersPage</name>
    <message>
        <source>No database is open. Choose File → Open Database… to open one.</source>
        <translation>No database is open. Choose File → Open Database… to open one.</translation>
    </message>
    <message>
        <source>The orders could not be read: %1</source>
        <translation>The orders could not be read: %1</translation>
    </message>
    <message>
        <source>More than %1 orders</source>
        <translation>More than %1 orders</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 orders</translation>
    </message>
    <message>
        <source>%1 of %2 orders</source>
        <translation>%1 of %2 orders</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Search by order number (start of the number)</source>
        <translation>Search by order number (start of the number)</translation>
    </message>
    <message>
        <source>E&amp;xact number</source>
        <translation>E&amp;xact number</translation>
    </message>
    <message>
        <source>Match the whole order number instead of its beginning</source>
        <translation>Match the whole order number instead of its beginning</translation>
    </message>
    <message>
        <source>Read the newest orders again (F5)</source>
        <translation>Read the newest orders again (F5)</translation>
    </message>
</context>
<context>
    <name>pay::ui::PlaceholderPage</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>Coming in a later release.</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconciliationPage</name>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Compare trade, payment, channel and ledger records as they happen, import channel statement files, and work through the breaks found, each with its category and resolution.</source>
        <translation>Compare trade, payment, channel and ledger records as they happen, import channel statement files, and work through the breaks found, each with its category and resolution.</translation>
    </message>
</context>
<context>
    <name>pay::ui::SimulatorPage</name>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>Run seeded, replayable scenarios of channel behaviour (slow or lost callbacks, duplicates, timeouts, outages) at a chosen speed, and watch what the payment core does while the invariant auditor checks every step.</source>
        <translation>Run seeded, replayable scenarios of channel behaviour (slow or lost callbacks, duplicates, timeouts, outages) at a chosen speed, and watch what the payment core does while the invariant auditor checks every step.</translation>
    </message>
</context>
</TS>
