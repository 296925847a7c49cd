<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Audit</name>
    <message>
        <source>An audit entry needs who and what</source>
        <translation>An audit entry needs who and what</translation>
    </message>
    <message>
        <source>Every operations action needs a reason</source>
        <translation>Every operations action needs a reason</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Read the audit log</translation>
    </message>
    <message>
        <source>Append to the audit log</source>
        <translation>Append to the audit log</translation>
    </message>
    <message>
        <source>row %1 is missing (the next row is %2)</source>
        <translation>row %1 is missing (the next row is %2)</translation>
    </message>
    <message>
        <source>row %1 does not follow the previous row's hash</source>
        <translation>row %1 does not follow the previous row's hash</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written</source>
        <translation>row %1 was changed after it was written</translation>
    </message>
</context>
<context>
    <name>CacheWriter</name>
    <message>
        <source>Status snapshot</source>
        <translation>Status snapshot</translation>
    </message>
    <message>
        <source>Trade order #%1</source>
        <translation>Trade order #%1</translation>
    </message>
</context>
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
    <message>
        <source>A routing rule needs a method and a channel</source>
        <translation>A routing rule needs a method and a channel</translation>
    </message>
    <message>
        <source>Routing rule %1/%2 has negative or crossed limits</source>
        <translation>Routing rule %1/%2 has negative or crossed limits</translation>
    </message>
    <message>
        <source>Routing rule %1/%2: daily window out of range</source>
        <translation>Routing rule %1/%2: daily window out of range</translation>
    </message>
</context>
<context>
    <name>CustomerScan</name>
    <message>
        <source>%1 is not a QR channel</source>
        <translation>%1 is not a QR channel</translation>
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
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>QR A</source>
        <translation>QR A</translation>
    </message>
    <message>
        <source>QR B</source>
        <translation>QR B</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Customer request</translation>
    </message>
    <message>
        <source>Closed but paid</source>
        <translation>Closed but paid</translation>
    </message>
    <message>
        <source>Duplicate payment</source>
        <translation>Duplicate payment</translation>
    </message>
    <message>
        <source>Partial payment failure</source>
        <translation>Partial payment failure</translation>
    </message>
    <message>
        <source>Operator refund</source>
        <translation>Operator refund</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Missing at channel</source>
        <translation>Missing at channel</translation>
    </message>
    <message>
        <source>Missing locally</source>
        <translation>Missing locally</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>Amount mismatch</translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <translation>Status mismatch</translation>
    </message>
    <message>
        <source>Duplicate in statement</source>
        <translation>Duplicate in statement</translation>
    </message>
    <message>
        <source>Cut-off timing</source>
        <translation>Cut-off timing</translation>
    </message>
    <message>
        <source>Order and payments disagree</source>
        <translation>Order and payments disagree</translation>
    </message>
    <message>
        <source>Channel status differs</source>
        <translation>Channel status differs</translation>
    </message>
    <message>
        <source>Channel amount differs</source>
        <translation>Channel amount differs</translation>
    </message>
    <message>
        <source>Ledger out of balance</source>
        <translation>Ledger out of balance</translation>
    </message>
    <message>
        <source>Stuck payments</source>
        <translation>Stuck payments</translation>
    </message>
    <message>
        <source>Duplicate payments</source>
        <translation>Duplicate payments</translation>
    </message>
    <message>
        <source>Failed refunds</source>
        <translation>Failed refunds</translation>
    </message>
    <message>
        <source>Frozen orders</source>
        <translation>Frozen orders</translation>
    </message>
    <message>
        <source>Reconciliation breaks</source>
        <translation>Reconciliation breaks</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Held for the next statement</source>
        <translation>Held for the next statement</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Paid twice: being refunded</source>
        <translation>Paid twice: being refunded</translation>
    </message>
    <message>
        <source>Paid after it failed</source>
        <translation>Paid after it failed</translation>
    </message>
</context>
<context>
    <name>Invariants</name>
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
        <source>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</source>
        <translation>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</translation>
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
        <source>Money held in suspense is released once the flow's result is known</source>
        <translation>Money held in suspense is released once the flow's result is known</translation>
    </message>
    <message>
        <source>The audit log's hash chain is unbroken</source>
        <translation>The audit log's hash chain is unbroken</translation>
    </message>
    <message>
        <source>A frozen trade keeps what its order keeps (else it is an open case for review)</source>
        <translation>A frozen trade keeps what its order keeps (else it is an open case for review)</translation>
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
    <name>MoneyInput</name>
    <message>
        <source>Enter an amount.</source>
        <translation>Enter an amount.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>"%1" is not an amount.</source>
        <translation>"%1" is not an amount.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal place(s).</source>
        <translation>
            <numerusform>%1 has at most %n decimal place.</numerusform>
            <numerusform>%1 has at most %n decimal places.</numerusform>
        </translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Say why: every operations action needs a reason</source>
        <translation>Say why: every operations action needs a reason</translation>
    </message>
    <message>
        <source>%1 may not do operations actions</source>
        <translation>%1 may not do operations actions</translation>
    </message>
    <message>
        <source>a manager's approval is required</source>
        <translation>a manager's approval is required</translation>
    </message>
    <message>
        <source>the approver must be a second person</source>
        <translation>the approver must be a second person</translation>
    </message>
    <message>
        <source>the approver's PIN is wrong</source>
        <translation>the approver's PIN is wrong</translation>
    </message>
    <message>
        <source>%1 is not a manager</source>
        <translation>%1 is not a manager</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>Not approved: %1</translation>
    </message>
    <message>
        <source>Say how the break was resolved</source>
        <translation>Say how the break was resolved</translation>
    </message>
    <message>
        <source>Resolve break</source>
        <translation>Resolve break</translation>
    </message>
    <message>
        <source>Break %1 is not open</source>
        <translation>Break %1 is not open</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Sync reply</source>
        <translation>Sync reply</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · amount %3 · paid %4 · refunded %5%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · amount %3 · paid %4 · refunded %5%6</translation>
    </message>
    <message>
        <source> · &lt;span style='color:#c62828'&gt;frozen: %1&lt;/span&gt;</source>
        <translation> · &lt;span style='color:#c62828'&gt;frozen: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>engine</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(new)</translation>
    </message>
</context>
<context>
    <name>PaymentEngine</name>
    <message>
        <source>Schedule compensation</source>
        <translation>Schedule compensation</translation>
    </message>
    <message>
        <source>Drop compensation task</source>
        <translation>Drop compensation task</translation>
    </message>
    <message>
        <source>Restore expiry checks</source>
        <translation>Restore expiry checks</translation>
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
        <source>Closed: the customer switched to another method</source>
        <translation>Closed: the customer switched to another method</translation>
    </message>
    <message>
        <source>Not needed: order is %1</source>
        <translation>Not needed: order is %1</translation>
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
        <source>Refund %1 is %2; only a failed refund can be retried</source>
        <translation>Refund %1 is %2; only a failed refund can be retried</translation>
    </message>
    <message>
        <source>Retry of %1</source>
        <translation>Retry of %1</translation>
    </message>
    <message>
        <source>Look up posting set %1</source>
        <translation>Look up posting set %1</translation>
    </message>
    <message>
        <source>Restore first queries</source>
        <translation>Restore first queries</translation>
    </message>
    <message>
        <source>Order %1 is being closed; start a new sale to take payment</source>
        <translation>Order %1 is being closed; start a new sale to take payment</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile; look at it again</source>
        <translation>Order %1 changed meanwhile; look at it again</translation>
    </message>
    <message>
        <source>Closed at the channel: no result after the query schedule</source>
        <translation>Closed at the channel: no result after the query schedule</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 is still in flight; retry once it has finished</source>
        <translation>Refund %1 of order %2 is still in flight; retry once it has finished</translation>
    </message>
    <message>
        <source>Refund flow %1 has no paid flow to return</source>
        <translation>Refund flow %1 has no paid flow to return</translation>
    </message>
    <message>
        <source>Flow %1 can give back only %2 more; retrying %3 would exceed it</source>
        <translation>Flow %1 can give back only %2 more; retrying %3 would exceed it</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 failed and still holds %3: operations must retry or abandon it before another refund</source>
        <translation>Refund %1 of order %2 failed and still holds %3: operations must retry or abandon it before another refund</translation>
    </message>
    <message>
        <source>Only %1 of order %2 can be refunded now: %3 is held by failed refund %4 until it is retried or abandoned</source>
        <translation>Only %1 of order %2 can be refunded now: %3 is held by failed refund %4 until it is retried or abandoned</translation>
    </message>
    <message>
        <source>Order %1 is frozen: retrying its refund needs another person's approval</source>
        <translation>Order %1 is frozen: retrying its refund needs another person's approval</translation>
    </message>
    <message>
        <source>Refund %1 has nothing left to retry (%2)</source>
        <translation>Refund %1 has nothing left to retry (%2)</translation>
    </message>
    <message>
        <source>Refund %1 changed meanwhile</source>
        <translation>Refund %1 changed meanwhile</translation>
    </message>
    <message>
        <source>A reason is required to abandon a refund</source>
        <translation>A reason is required to abandon a refund</translation>
    </message>
    <message>
        <source>Refund %1 is %2; only a failed refund can be abandoned</source>
        <translation>Refund %1 is %2; only a failed refund can be abandoned</translation>
    </message>
    <message>
        <source>Refund %1 has nothing left to abandon</source>
        <translation>Refund %1 has nothing left to abandon</translation>
    </message>
    <message>
        <source>A reason is required to release a frozen order</source>
        <translation>A reason is required to release a frozen order</translation>
    </message>
    <message>
        <source>Releasing a frozen order needs another person's approval</source>
        <translation>Releasing a frozen order needs another person's approval</translation>
    </message>
    <message>
        <source>Order %1 is not frozen</source>
        <translation>Order %1 is not frozen</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile</source>
        <translation>Order %1 changed meanwhile</translation>
    </message>
    <message>
        <source>A reason is required to refund a frozen order</source>
        <translation>A reason is required to refund a frozen order</translation>
    </message>
    <message>
        <source>Refunding a frozen order needs another person's approval</source>
        <translation>Refunding a frozen order needs another person's approval</translation>
    </message>
    <message>
        <source>Re-derived: the channel reported payment %1 paid after it had ended</source>
        <translation>Re-derived: the channel reported payment %1 paid after it had ended</translation>
    </message>
    <message>
        <source>Re-derived after a restart or release: payment %1 keeps money order %2 should not</source>
        <translation>Re-derived after a restart or release: payment %1 keeps money order %2 should not</translation>
    </message>
    <message>
        <source>Refund %1 cannot be sent: %2 (it is tried again)</source>
        <translation>Refund %1 cannot be sent: %2 (it is tried again)</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>PayDesk Demo Shop</source>
        <translation>PayDesk Demo Shop</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>Cashier: %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Thank you for shopping with us.</source>
        <translation>Thank you for shopping with us.</translation>
    </message>
    <message>
        <source>Could not write the receipt to %1.</source>
        <translation>Could not write the receipt to %1.</translation>
    </message>
</context>
<context>
    <name>Recon</name>
    <message>
        <source>The database is not SQLite</source>
        <translation>The database is not SQLite</translation>
    </message>
    <message>
        <source>Read local flows: %1</source>
        <translation>Read local flows: %1</translation>
    </message>
    <message>
        <source>Also on line %1</source>
        <translation>Also on line %1</translation>
    </message>
    <message>
        <source>The statement shows a refund we have no record of</source>
        <translation>The statement shows a refund we have no record of</translation>
    </message>
    <message>
        <source>The statement shows a payment we have no record of</source>
        <translation>The statement shows a payment we have no record of</translation>
    </message>
    <message>
        <source>Amounts differ: local %1, statement %2</source>
        <translation>Amounts differ: local %1, statement %2</translation>
    </message>
    <message>
        <source>Matched across midnight</source>
        <translation>Matched across midnight</translation>
    </message>
    <message>
        <source>The channel refunded; the local refund is %1</source>
        <translation>The channel refunded; the local refund is %1</translation>
    </message>
    <message>
        <source>The channel took the money; the local flow is %1</source>
        <translation>The channel took the money; the local flow is %1</translation>
    </message>
    <message>
        <source>The local record succeeded; the statement says %1</source>
        <translation>The local record succeeded; the statement says %1</translation>
    </message>
    <message>
        <source>The local record is %1; the statement says %2</source>
        <translation>The local record is %1; the statement says %2</translation>
    </message>
    <message>
        <source>Close to midnight: held for the next day's statement</source>
        <translation>Close to midnight: held for the next day's statement</translation>
    </message>
    <message>
        <source>Not in this statement nor the previous day's</source>
        <translation>Not in this statement nor the previous day's</translation>
    </message>
    <message>
        <source>Close to midnight: held for the previous day's statement</source>
        <translation>Close to midnight: held for the previous day's statement</translation>
    </message>
    <message>
        <source>A local refund the statement lacks</source>
        <translation>A local refund the statement lacks</translation>
    </message>
    <message>
        <source>A local success the statement lacks</source>
        <translation>A local success the statement lacks</translation>
    </message>
    <message>
        <source>The order is %1 but no attempt of its amount succeeded</source>
        <translation>The order is %1 but no attempt of its amount succeeded</translation>
    </message>
    <message>
        <source>The order records %1 paid of %2</source>
        <translation>The order records %1 paid of %2</translation>
    </message>
    <message>
        <source>Payment %1 succeeded for %2 but its flows took %3</source>
        <translation>Payment %1 succeeded for %2 but its flows took %3</translation>
    </message>
    <message>
        <source>The order is closed but keeps %1 with no refund in flight</source>
        <translation>The order is closed but keeps %1 with no refund in flight</translation>
    </message>
    <message>
        <source>Flow %1 succeeded for %2 but the ledger shows %3 received</source>
        <translation>Flow %1 succeeded for %2 but the ledger shows %3 received</translation>
    </message>
    <message>
        <source>Flow %1 is %2 but the ledger shows %3 received</source>
        <translation>Flow %1 is %2 but the ledger shows %3 received</translation>
    </message>
    <message>
        <source>The postings of order %1 sum to %2 %3, not zero</source>
        <translation>The postings of order %1 sum to %2 %3, not zero</translation>
    </message>
    <message>
        <source>Succeeded here; the channel says %1</source>
        <translation>Succeeded here; the channel says %1</translation>
    </message>
    <message>
        <source>The channel took %1, the flow asked for %2</source>
        <translation>The channel took %1, the flow asked for %2</translation>
    </message>
    <message>
        <source>%1 here; the channel says it was paid</source>
        <translation>%1 here; the channel says it was paid</translation>
    </message>
    <message>
        <source>Sweep settled orders</source>
        <translation>Sweep settled orders</translation>
    </message>
    <message>
        <source>Record a break</source>
        <translation>Record a break</translation>
    </message>
    <message>
        <source>Resolve a break</source>
        <translation>Resolve a break</translation>
    </message>
    <message>
        <source>Reopen a break</source>
        <translation>Reopen a break</translation>
    </message>
    <message>
        <source>List breaks</source>
        <translation>List breaks</translation>
    </message>
    <message>
        <source>Look up breaks</source>
        <translation>Look up breaks</translation>
    </message>
    <message>
        <source>No channel given</source>
        <translation>No channel given</translation>
    </message>
    <message>
        <source>The statement does not say its day: give --date</source>
        <translation>The statement does not say its day: give --date</translation>
    </message>
    <message>
        <source>The statement is for %1, not %2</source>
        <translation>The statement is for %1, not %2</translation>
    </message>
    <message>
        <source>The statement is channel %1's, not %2's</source>
        <translation>The statement is channel %1's, not %2's</translation>
    </message>
    <message>
        <source>Look up earlier runs</source>
        <translation>Look up earlier runs</translation>
    </message>
    <message>
        <source>Supersede an earlier run</source>
        <translation>Supersede an earlier run</translation>
    </message>
    <message>
        <source>Record a reconciliation run</source>
        <translation>Record a reconciliation run</translation>
    </message>
    <message>
        <source>Quarantine a statement line</source>
        <translation>Quarantine a statement line</translation>
    </message>
    <message>
        <source>Held at midnight; not in %1's statement either</source>
        <translation>Held at midnight; not in %1's statement either</translation>
    </message>
    <message>
        <source>Unknown locally, paid at the channel: settled through the success path</source>
        <translation>Unknown locally, paid at the channel: settled through the success path</translation>
    </message>
    <message>
        <source>Settling from the statement failed: %1</source>
        <translation>Settling from the statement failed: %1</translation>
    </message>
    <message>
        <source>Unknown locally, paid at the channel: settle from the statement</source>
        <translation>Unknown locally, paid at the channel: settle from the statement</translation>
    </message>
    <message>
        <source>Finish a reconciliation run</source>
        <translation>Finish a reconciliation run</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>content after the end line</source>
        <translation>content after the end line</translation>
    </message>
    <message>
        <source>the end line has no valid row count</source>
        <translation>the end line has no valid row count</translation>
    </message>
    <message>
        <source>not a canonical statement header</source>
        <translation>not a canonical statement header</translation>
    </message>
    <message>
        <source>unterminated quoted field</source>
        <translation>unterminated quoted field</translation>
    </message>
    <message>
        <source>expected 10 fields, found %1</source>
        <translation>expected 10 fields, found %1</translation>
    </message>
    <message>
        <source>unknown type "%1"</source>
        <translation>unknown type "%1"</translation>
    </message>
    <message>
        <source>empty flow_no</source>
        <translation>empty flow_no</translation>
    </message>
    <message>
        <source>bad amount_minor "%1"</source>
        <translation>bad amount_minor "%1"</translation>
    </message>
    <message>
        <source>bad fee_minor "%1"</source>
        <translation>bad fee_minor "%1"</translation>
    </message>
    <message>
        <source>bad time_utc "%1"</source>
        <translation>bad time_utc "%1"</translation>
    </message>
    <message>
        <source>Not a canonical statement: no header row</source>
        <translation>Not a canonical statement: no header row</translation>
    </message>
    <message>
        <source>the statement is truncated: the end line "# end rows=…" is missing</source>
        <translation>the statement is truncated: the end line "# end rows=…" is missing</translation>
    </message>
    <message>
        <source>the end line says %1 rows but the file has %2</source>
        <translation>the end line says %1 rows but the file has %2</translation>
    </message>
    <message>
        <source>not a WeChat Pay trade bill header (27 columns expected)</source>
        <translation>not a WeChat Pay trade bill header (27 columns expected)</translation>
    </message>
    <message>
        <source>bytes that are not valid UTF-8</source>
        <translation>bytes that are not valid UTF-8</translation>
    </message>
    <message>
        <source>a data row must start with a backtick</source>
        <translation>a data row must start with a backtick</translation>
    </message>
    <message>
        <source>expected 27 fields, found %1</source>
        <translation>expected 27 fields, found %1</translation>
    </message>
    <message>
        <source>bad time "%1"</source>
        <translation>bad time "%1"</translation>
    </message>
    <message>
        <source>bad amount "%1" in column %2</source>
        <translation>bad amount "%1" in column %2</translation>
    </message>
    <message>
        <source>bad refund amount "%1"</source>
        <translation>bad refund amount "%1"</translation>
    </message>
    <message>
        <source>bad order amount "%1"</source>
        <translation>bad order amount "%1"</translation>
    </message>
    <message>
        <source>empty merchant order no.</source>
        <translation>empty merchant order no.</translation>
    </message>
    <message>
        <source>the bill is truncated: the summary rows are missing</source>
        <translation>the bill is truncated: the summary rows are missing</translation>
    </message>
    <message>
        <source>the bill is truncated: the summary row is missing</source>
        <translation>the bill is truncated: the summary row is missing</translation>
    </message>
    <message>
        <source>malformed summary row</source>
        <translation>malformed summary row</translation>
    </message>
    <message>
        <source>the summary says %1 rows but the bill has %2</source>
        <translation>the summary says %1 rows but the bill has %2</translation>
    </message>
    <message>
        <source>content after the summary row</source>
        <translation>content after the summary row</translation>
    </message>
    <message>
        <source>No GBK decoder is available in this Qt build</source>
        <translation>No GBK decoder is available in this Qt build</translation>
    </message>
    <message>
        <source>not an Alipay business-detail header (25 columns expected)</source>
        <translation>not an Alipay business-detail header (25 columns expected)</translation>
    </message>
    <message>
        <source>Not an Alipay business-detail bill: no header row</source>
        <translation>Not an Alipay business-detail bill: no header row</translation>
    </message>
    <message>
        <source>unexpected comment line inside the detail rows</source>
        <translation>unexpected comment line inside the detail rows</translation>
    </message>
    <message>
        <source>bytes that are not valid GBK</source>
        <translation>bytes that are not valid GBK</translation>
    </message>
    <message>
        <source>expected 25 fields, found %1</source>
        <translation>expected 25 fields, found %1</translation>
    </message>
    <message>
        <source>bad completion time "%1"</source>
        <translation>bad completion time "%1"</translation>
    </message>
    <message>
        <source>bad service fee "%1"</source>
        <translation>bad service fee "%1"</translation>
    </message>
    <message>
        <source>unknown business type "%1"</source>
        <translation>unknown business type "%1"</translation>
    </message>
    <message>
        <source>the bill is truncated: the end of the detail list is missing</source>
        <translation>the bill is truncated: the end of the detail list is missing</translation>
    </message>
    <message>
        <source>data after the end of the detail list</source>
        <translation>data after the end of the detail list</translation>
    </message>
    <message>
        <source>the bill is truncated: the totals lines are missing</source>
        <translation>the bill is truncated: the totals lines are missing</translation>
    </message>
    <message>
        <source>the totals say %1 rows but the bill has %2</source>
        <translation>the totals say %1 rows but the bill has %2</translation>
    </message>
    <message>
        <source>unknown statement layout (not canonical CSV, WeChat Pay ALL or Alipay business detail)</source>
        <translation>unknown statement layout (not canonical CSV, WeChat Pay ALL or Alipay business detail)</translation>
    </message>
    <message>
        <source>Unknown statement format</source>
        <translation>Unknown statement format</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>scenario: %1</source>
        <translation>scenario: %1</translation>
    </message>
    <message>
        <source>durationMs must be positive and drainMs not negative</source>
        <translation>durationMs must be positive and drainMs not negative</translation>
    </message>
    <message>
        <source>arrivals are missing</source>
        <translation>arrivals are missing</translation>
    </message>
    <message>
        <source>an arrival rate is negative</source>
        <translation>an arrival rate is negative</translation>
    </message>
    <message>
        <source>basket: need 100 &lt;= minMinor &lt;= maxMinor</source>
        <translation>basket: need 100 &lt;= minMinor &lt;= maxMinor</translation>
    </message>
    <message>
        <source>a method needs legs and a weight &gt;= 0</source>
        <translation>a method needs legs and a weight &gt;= 0</translation>
    </message>
    <message>
        <source>unknown channel %1</source>
        <translation>unknown channel %1</translation>
    </message>
    <message>
        <source>faults: unknown channel %1</source>
        <translation>faults: unknown channel %1</translation>
    </message>
    <message>
        <source>behaviours: probabilities in [0, 1] adding up to at most 1</source>
        <translation>behaviours: probabilities in [0, 1] adding up to at most 1</translation>
    </message>
    <message>
        <source>crashes.perHour is negative</source>
        <translation>crashes.perHour is negative</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: not a JSON object (%2)</translation>
    </message>
    <message>
        <source>faults: unknown profile key %1</source>
        <translation>faults: unknown profile key %1</translation>
    </message>
    <message>
        <source>order %1 was opened for %2</source>
        <translation>order %1 was opened for %2</translation>
    </message>
    <message>
        <source>order %1 is paid</source>
        <translation>order %1 is paid</translation>
    </message>
    <message>
        <source>a payment for order %1 failed; the order waits for another one</source>
        <translation>a payment for order %1 failed; the order waits for another one</translation>
    </message>
    <message>
        <source>order %1 closed: nobody paid in time</source>
        <translation>order %1 closed: nobody paid in time</translation>
    </message>
    <message>
        <source>order %1 was closed</source>
        <translation>order %1 was closed</translation>
    </message>
    <message>
        <source>order %1 was paid twice (a duplicate payment)</source>
        <translation>order %1 was paid twice (a duplicate payment)</translation>
    </message>
    <message>
        <source>a refund of %1 for order %2 was started (%3)</source>
        <translation>a refund of %1 for order %2 was started (%3)</translation>
    </message>
    <message>
        <source>the refund of %1 for order %2 succeeded</source>
        <translation>the refund of %1 for order %2 succeeded</translation>
    </message>
    <message>
        <source>the refund for order %1 failed</source>
        <translation>the refund for order %1 failed</translation>
    </message>
    <message>
        <source>the channel's callback confirmed a payment for order %1</source>
        <translation>the channel's callback confirmed a payment for order %1</translation>
    </message>
    <message>
        <source>a status query found order %1 paid</source>
        <translation>a status query found order %1 paid</translation>
    </message>
    <message>
        <source>the statement showed order %1 paid</source>
        <translation>the statement showed order %1 paid</translation>
    </message>
    <message>
        <source>the channel did not answer for order %1; compensation will ask again</source>
        <translation>the channel did not answer for order %1; compensation will ask again</translation>
    </message>
    <message>
        <source>compensation gave up asking about order %1; it waits for the statement</source>
        <translation>compensation gave up asking about order %1; it waits for the statement</translation>
    </message>
    <message>
        <source>order %1 could not be routed to a working channel</source>
        <translation>order %1 could not be routed to a working channel</translation>
    </message>
    <message>
        <source>the payment for order %1 arrived after the order closed</source>
        <translation>the payment for order %1 arrived after the order closed</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Scenario %1, seed %2: %3
</source>
        <translation>Scenario %1, seed %2: %3
</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>VIOLATIONS</source>
        <translation>VIOLATIONS</translation>
    </message>
    <message>
        <source>Orders: %1 accepted (%2 attempts, %3 refused at accept)
</source>
        <translation>Orders: %1 accepted (%2 attempts, %3 refused at accept)
</translation>
    </message>
    <message>
        <source>Orders by final state: %1
</source>
        <translation>Orders by final state: %1
</translation>
    </message>
    <message>
        <source>Money (minor units): charged %1, refunded %2, kept %3
</source>
        <translation>Money (minor units): charged %1, refunded %2, kept %3
</translation>
    </message>
    <message>
        <source>Refunds by reason: %1
</source>
        <translation>Refunds by reason: %1
</translation>
    </message>
    <message>
        <source>Breaks by category: %1 (auto-resolved %2)
</source>
        <translation>Breaks by category: %1 (auto-resolved %2)
</translation>
    </message>
    <message>
        <source>Invariants: %1 checked over %2 steps (%3 full checks), %4 violated
</source>
        <translation>Invariants: %1 checked over %2 steps (%3 full checks), %4 violated
</translation>
    </message>
    <message>
        <source>Crashes: %1, frozen trades: %2
</source>
        <translation>Crashes: %1, frozen trades: %2
</translation>
    </message>
    <message>
        <source>Counters: %1
</source>
        <translation>Counters: %1
</translation>
    </message>
    <message>
        <source>Event log: %1 events, SHA-256 %2
</source>
        <translation>Event log: %1 events, SHA-256 %2
</translation>
    </message>
    <message>
        <source>Virtual time %1 s in %2 s of machine time
</source>
        <translation>Virtual time %1 s in %2 s of machine time
</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>cannot create a temporary directory</translation>
    </message>
    <message>
        <source>at the customer's request</source>
        <translation>at the customer's request</translation>
    </message>
    <message>
        <source>paid after the order closed</source>
        <translation>paid after the order closed</translation>
    </message>
    <message>
        <source>a duplicate payment</source>
        <translation>a duplicate payment</translation>
    </message>
    <message>
        <source>another part of the payment failed</source>
        <translation>another part of the payment failed</translation>
    </message>
    <message>
        <source>an operator's decision</source>
        <translation>an operator's decision</translation>
    </message>
    <message>
        <source>paid after the payment had failed</source>
        <translation>paid after the payment had failed</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Wrong user or PIN.</source>
        <translation>Wrong user or PIN.</translation>
    </message>
    <message>
        <source>%1 may not approve refunds.</source>
        <translation>%1 may not approve refunds.</translation>
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
    <name>StatusEndpoint</name>
    <message>
        <source>The status endpoint needs a bearer token</source>
        <translation>The status endpoint needs a bearer token</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2</source>
        <translation>Cannot listen on %1 port %2</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use GET</source>
        <translation>%1 is not allowed here; use GET</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use POST</source>
        <translation>%1 is not allowed here; use POST</translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation>No such resource: %1</translation>
    </message>
    <message>
        <source>A valid bearer token is required</source>
        <translation>A valid bearer token is required</translation>
    </message>
    <message>
        <source>wait_ms must be a whole number of milliseconds</source>
        <translation>wait_ms must be a whole number of milliseconds</translation>
    </message>
    <message>
        <source>No order %1 is known</source>
        <translation>No order %1 is known</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes</source>
        <translation>The body is larger than %1 bytes</translation>
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
    <message>
        <source>%1 not found</source>
        <translation>%1 not found</translation>
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
    <message>
        <source>Search work queues</source>
        <translation>Search work queues</translation>
    </message>
    <message>
        <source>Read work queue %1</source>
        <translation>Read work queue %1</translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>Cannot write the export: %1</translation>
    </message>
    <message>
        <source>Read reconciliation runs</source>
        <translation>Read reconciliation runs</translation>
    </message>
    <message>
        <source>Read reconciliation breaks</source>
        <translation>Read reconciliation breaks</translation>
    </message>
    <message>
        <source>Read quarantined lines</source>
        <translation>Read quarantined lines</translation>
    </message>
    <message>
        <source>Find order of flow</source>
        <translation>Find order of flow</translation>
    </message>
    <message>
        <source>A commit group is already open</source>
        <translation>A commit group is already open</translation>
    </message>
    <message>
        <source>Flows next to flow #%1</source>
        <translation>Flows next to flow #%1</translation>
    </message>
    <message>
        <source>Number payment %1</source>
        <translation>Number payment %1</translation>
    </message>
    <message>
        <source>An earlier step of this commit group failed after writing; the group will be rolled back</source>
        <translation>An earlier step of this commit group failed after writing; the group will be rolled back</translation>
    </message>
    <message>
        <source>A step failed after writing part of its work; the commit group was rolled back</source>
        <translation>A step failed after writing part of its work; the commit group was rolled back</translation>
    </message>
    <message>
        <source>No SQLite connection to checkpoint for</source>
        <translation>No SQLite connection to checkpoint for</translation>
    </message>
    <message>
        <source>An in-memory database has no WAL to checkpoint</source>
        <translation>An in-memory database has no WAL to checkpoint</translation>
    </message>
    <message>
        <source>Cannot open a checkpoint connection: %1</source>
        <translation>Cannot open a checkpoint connection: %1</translation>
    </message>
    <message>
        <source>Cannot prepare the checkpoint connection: %1</source>
        <translation>Cannot prepare the checkpoint connection: %1</translation>
    </message>
    <message>
        <source>Record the channel transaction of flow %1</source>
        <translation>Record the channel transaction of flow %1</translation>
    </message>
    <message>
        <source>Record the paying attempt of trade #%1</source>
        <translation>Record the paying attempt of trade #%1</translation>
    </message>
    <message>
        <source>Release trade #%1</source>
        <translation>Release trade #%1</translation>
    </message>
    <message>
        <source>Lock trade #%1</source>
        <translation>Lock trade #%1</translation>
    </message>
    <message>
        <source>Refund flows of trade #%1</source>
        <translation>Refund flows of trade #%1</translation>
    </message>
    <message>
        <source>Resolve refund flow %1</source>
        <translation>Resolve refund flow %1</translation>
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
    <name>pay::ChannelBooks</name>
    <message>
        <source>Channel books: %1</source>
        <translation>Channel books: %1</translation>
    </message>
    <message>
        <source>Channel books: no open transaction</source>
        <translation>Channel books: no open transaction</translation>
    </message>
    <message>
        <source>Channel books: commit failed: %1</source>
        <translation>Channel books: commit failed: %1</translation>
    </message>
    <message>
        <source>No channel books at %1</source>
        <translation>No channel books at %1</translation>
    </message>
    <message>
        <source>Cannot open channel books %1: %2</source>
        <translation>Cannot open channel books %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a channel books file</source>
        <translation>%1 is not a channel books file</translation>
    </message>
    <message>
        <source>Channel books %1 have schema %2; this build knows %3</source>
        <translation>Channel books %1 have schema %2; this build knows %3</translation>
    </message>
    <message>
        <source>Channel books: no order %1 at %2</source>
        <translation>Channel books: no order %1 at %2</translation>
    </message>
    <message>
        <source>No wallet member %1</source>
        <translation>No wallet member %1</translation>
    </message>
    <message>
        <source>No voucher %1</source>
        <translation>No voucher %1</translation>
    </message>
    <message>
        <source>Channel books: a commit group is already open</source>
        <translation>Channel books: a commit group is already open</translation>
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
    <name>pay::FaultProfile</name>
    <message>
        <source>must be a number from 0 to 1</source>
        <translation>must be a number from 0 to 1</translation>
    </message>
    <message>
        <source>must be a whole number of at least %1</source>
        <translation>must be a whole number of at least %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>must be at most %1</translation>
    </message>
    <message>
        <source>must be a list of codes</source>
        <translation>must be a list of codes</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>Fault profile: %1 %2</source>
        <translation>Fault profile: %1 %2</translation>
    </message>
    <message>
        <source>must not be less than minMs</source>
        <translation>must not be less than minMs</translation>
    </message>
    <message>
        <source>Fault profile: latency shape "%1" is not fixed, uniform or lognormal</source>
        <translation>Fault profile: latency shape "%1" is not fixed, uniform or lognormal</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>plus failedRate must not exceed 1</source>
        <translation>plus failedRate must not exceed 1</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>must be fail or hang</source>
        <translation>must be fail or hang</translation>
    </message>
    <message>
        <source>must be after startMs</source>
        <translation>must be after startMs</translation>
    </message>
    <message>
        <source>must not be less than delayMinMs</source>
        <translation>must not be less than delayMinMs</translation>
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
    <message>
        <source>Malformed notification: %1</source>
        <translation>Malformed notification: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>refund ids or status</source>
        <translation>refund ids or status</translation>
    </message>
    <message>
        <source>refund amount</source>
        <translation>refund amount</translation>
    </message>
    <message>
        <source>notify_type %1</source>
        <translation>notify_type %1</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>a successful payment without a transaction id</source>
        <translation>a successful payment without a transaction id</translation>
    </message>
    <message>
        <source>payment time</source>
        <translation>payment time</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>status %1</translation>
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
    <name>pay::ui::BasketModel</name>
    <message>
        <source>Barcode %1</source>
        <translation>Barcode %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>pay::ui::CheckoutPage</name>
    <message>
        <source>Checkout</source>
        <translation>Checkout</translation>
    </message>
    <message>
        <source>The payment service did not start: %1</source>
        <translation>The payment service did not start: %1</translation>
    </message>
    <message>
        <source>The payment status service is switched off; payments cannot be followed.</source>
        <translation>The payment status service is switched off; payments cannot be followed.</translation>
    </message>
    <message>
        <source>The basket is being paid; start a new sale to change it.</source>
        <translation>The basket is being paid; start a new sale to change it.</translation>
    </message>
    <message>
        <source>No item "%1" in the catalogue.</source>
        <translation>No item "%1" in the catalogue.</translation>
    </message>
    <message>
        <source>The payment service is not running.</source>
        <translation>The payment service is not running.</translation>
    </message>
    <message numerus="yes">
        <source>PayDesk basket, %n item(s)</source>
        <translation>
            <numerusform>PayDesk basket, %n item</numerusform>
            <numerusform>PayDesk basket, %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the payment…</source>
        <translation>Sending the payment…</translation>
    </message>
    <message>
        <source>The payment was refused: %1</source>
        <translation>The payment was refused: %1</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Paying…</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Waiting for the payment service (%1); trying again in %2 s.</source>
        <translation>Waiting for the payment service (%1); trying again in %2 s.</translation>
    </message>
    <message>
        <source>Confirming with the channel… The result will show here by itself.</source>
        <translation>Confirming with the channel… The result will show here by itself.</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan the QR code…</source>
        <translation>Waiting for the customer to scan the QR code…</translation>
    </message>
    <message>
        <source>Paying by %1…</source>
        <translation>Paying by %1…</translation>
    </message>
    <message>
        <source>Paid %1. Thank you!</source>
        <translation>Paid %1. Thank you!</translation>
    </message>
    <message>
        <source>the payment was stopped</source>
        <translation>the payment was stopped</translation>
    </message>
    <message>
        <source>The payment failed: %1.</source>
        <translation>The payment failed: %1.</translation>
    </message>
    <message>
        <source>%1 failed: %2.</source>
        <translation>%1 failed: %2.</translation>
    </message>
    <message>
        <source>%1 Anything already taken is given back automatically. Choose another way to pay and press Pay (F12).</source>
        <translation>%1 Anything already taken is given back automatically. Choose another way to pay and press Pay (F12).</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed, operations will follow up</source>
        <translation>failed, operations will follow up</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>Given back %1: %2</source>
        <translation>Given back %1: %2</translation>
    </message>
    <message>
        <source>The customer could not pay: %1</source>
        <translation>The customer could not pay: %1</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Enter an amount above zero.</translation>
    </message>
    <message>
        <source>At most %1 can be refunded.</source>
        <translation>At most %1 can be refunded.</translation>
    </message>
    <message>
        <source>A refund of %1 is above the cashier's limit of %2. A manager must approve it.</source>
        <translation>A refund of %1 is above the cashier's limit of %2. A manager must approve it.</translation>
    </message>
    <message>
        <source>The refund was not approved.</source>
        <translation>The refund was not approved.</translation>
    </message>
    <message>
        <source>Refund at the till</source>
        <translation>Refund at the till</translation>
    </message>
    <message>
        <source>Sending the refund…</source>
        <translation>Sending the refund…</translation>
    </message>
    <message>
        <source>The refund was refused: %1</source>
        <translation>The refund was refused: %1</translation>
    </message>
    <message>
        <source>Refund %1 accepted.</source>
        <translation>Refund %1 accepted.</translation>
    </message>
    <message>
        <source>There is no receipt yet.</source>
        <translation>There is no receipt yet.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Save Receipt as PDF</source>
        <translation>Save Receipt as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved to %1.</source>
        <translation>Receipt saved to %1.</translation>
    </message>
    <message>
        <source>&amp;Item code or barcode</source>
        <translation>&amp;Item code or barcode</translation>
    </message>
    <message>
        <source>e.g. A01 or 6901234560015</source>
        <translation>e.g. A01 or 6901234560015</translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation>&amp;Qty</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove line [Del]</source>
        <translation>Remove line [Del]</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <source>Save receipt as PDF…</source>
        <translation>Save receipt as PDF…</translation>
    </message>
    <message>
        <source>New sale [F9]</source>
        <translation>New sale [F9]</translation>
    </message>
    <message>
        <source>Refund (cashier limit %1)</source>
        <translation>Refund (cashier limit %1)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Item entry</source>
        <translation>Item entry</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>QR A</source>
        <translation>QR A</translation>
    </message>
    <message>
        <source>QR B</source>
        <translation>QR B</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>New sale</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>Cashier: %1</translation>
    </message>
    <message>
        <source>Choose another way to pay and press Pay (F12). The QR code is closed at its channel.</source>
        <translation>Choose another way to pay and press Pay (F12). The QR code is closed at its channel.</translation>
    </message>
    <message>
        <source>Paid %1. Paid twice: the second payment is being refunded automatically.</source>
        <translation>Paid %1. Paid twice: the second payment is being refunded automatically.</translation>
    </message>
    <message>
        <source>Already paid %1 with the earlier code; nothing more to take.</source>
        <translation>Already paid %1 with the earlier code; nothing more to take.</translation>
    </message>
    <message>
        <source>Pay another way…</source>
        <translation>Pay another way…</translation>
    </message>
</context>
<context>
    <name>pay::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>No database open</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Could not read the dashboard: %1</source>
        <translation>Could not read the dashboard: %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Succeeded payments by channel</source>
        <translation>Succeeded payments by channel</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Success rate per channel (%)</source>
        <translation>Success rate per channel (%)</translation>
    </message>
    <message>
        <source>Settle time of succeeded payments</source>
        <translation>Settle time of succeeded payments</translation>
    </message>
    <message>
        <source>over 5 min</source>
        <translation>over 5 min</translation>
    </message>
    <message>
        <source>30 s – 5 min</source>
        <translation>30 s – 5 min</translation>
    </message>
    <message>
        <source>5 – 30 s</source>
        <translation>5 – 30 s</translation>
    </message>
    <message>
        <source>1 – 5 s</source>
        <translation>1 – 5 s</translation>
    </message>
    <message>
        <source>under 1 s</source>
        <translation>under 1 s</translation>
    </message>
    <message>
        <source>Stuck payments by hour started</source>
        <translation>Stuck payments by hour started</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Open reconciliation breaks by category</source>
        <translation>Open reconciliation breaks by category</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open reconciliation breaks by category: none</source>
        <translation>Open reconciliation breaks by category: none</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
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
    <name>pay::ui::ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>e.g. manager1</source>
        <translation>e.g. manager1</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>%1 Attempts left: %2.</source>
        <translation>%1 Attempts left: %2.</translation>
    </message>
</context>
<context>
    <name>pay::ui::OperationsPage</name>
    <message>
        <source>Stuck payments</source>
        <translation>Stuck payments</translation>
    </message>
    <message>
        <source>Closed but paid</source>
        <translation>Closed but paid</translation>
    </message>
    <message>
        <source>Duplicate payments</source>
        <translation>Duplicate payments</translation>
    </message>
    <message>
        <source>Failed refunds</source>
        <translation>Failed refunds</translation>
    </message>
    <message>
        <source>Frozen orders</source>
        <translation>Frozen orders</translation>
    </message>
    <message>
        <source>Reconciliation breaks</source>
        <translation>Reconciliation breaks</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a row to see its order's timeline.</source>
        <translation>Select a row to see its order's timeline.</translation>
    </message>
    <message>
        <source>Order %1: the payment core is not running, so its timeline cannot be read.</source>
        <translation>Order %1: the payment core is not running, so its timeline cannot be read.</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: done.</translation>
    </message>
    <message>
        <source>%1: done (%2).</source>
        <translation>%1: done (%2).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>Query channel now</source>
        <translation>Query channel now</translation>
    </message>
    <message>
        <source>Ask the channel now for the result of order %1.</source>
        <translation>Ask the channel now for the result of order %1.</translation>
    </message>
    <message>
        <source>Close at channel</source>
        <translation>Close at channel</translation>
    </message>
    <message>
        <source>Close order %1 and its open payments at the channel.</source>
        <translation>Close order %1 and its open payments at the channel.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Refund order %1: up to %2 (the full amount is filled in; type less for a partial refund).</source>
        <translation>Refund order %1: up to %2 (the full amount is filled in; type less for a partial refund).</translation>
    </message>
    <message>
        <source>Retry failed refund</source>
        <translation>Retry failed refund</translation>
    </message>
    <message>
        <source>Send refund %1 to the channel again.</source>
        <translation>Send refund %1 to the channel again.</translation>
    </message>
    <message>
        <source>Resolve break</source>
        <translation>Resolve break</translation>
    </message>
    <message>
        <source>Mark reconciliation break %1 as resolved.</source>
        <translation>Mark reconciliation break %1 as resolved.</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Export queue</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <source>Search by order, flow, channel transaction or refund no. (Enter)</source>
        <translation>Search by order, flow, channel transaction or refund no. (Enter)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>Not an amount: this bound is left out</source>
        <translation>Not an amount: this bound is left out</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Ol&amp;der than:</source>
        <translation>Ol&amp;der than:</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Any age</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>A&amp;mount:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Click Since, Age, Amount, Channel or State to sort; click again to reverse</source>
        <translation>Click Since, Age, Amount, Channel or State to sort; click again to reverse</translation>
    </message>
    <message>
        <source>Include &amp;settled</source>
        <translation>Include &amp;settled</translation>
    </message>
    <message>
        <source>Closed-but-paid and duplicate payments: also list the cases whose refund has gone through</source>
        <translation>Closed-but-paid and duplicate payments: also list the cases whose refund has gone through</translation>
    </message>
    <message>
        <source>Abandon failed refund</source>
        <translation>Abandon failed refund</translation>
    </message>
    <message>
        <source>Give up refund %1: what it still holds is no longer reserved, and it cannot be retried. Only when the customer was paid back another way.</source>
        <translation>Give up refund %1: what it still holds is no longer reserved, and it cannot be retried. Only when the customer was paid back another way.</translation>
    </message>
    <message>
        <source>Release frozen order</source>
        <translation>Release frozen order</translation>
    </message>
    <message>
        <source>Release order %1: payment, close and automatic refunds resume and take what they stopped for (%2).</source>
        <translation>Release order %1: payment, close and automatic refunds resume and take what they stopped for (%2).</translation>
    </message>
    <message>
        <source>Abandon refund…</source>
        <translation>Abandon refund…</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Release…</translation>
    </message>
    <message>
        <source>Give up a failed refund (the customer was paid back another way)</source>
        <translation>Give up a failed refund (the customer was paid back another way)</translation>
    </message>
    <message>
        <source>Release a frozen order: automation resumes</source>
        <translation>Release a frozen order: automation resumes</translation>
    </message>
</context>
<context>
    <name>pay::ui::OpsActionDialog</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>Why (recorded in the audit log)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>e.g. 12.50</source>
        <translation>e.g. 12.50</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>e.g. adjusted in the ledger, channel confirmed</source>
        <translation>e.g. adjusted in the ledger, channel confirmed</translation>
    </message>
    <message>
        <source>A second person must approve: a manager other than you.</source>
        <translation>A second person must approve: a manager other than you.</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>e.g. manager1</source>
        <translation>e.g. manager1</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>pay::ui::OpsQueueModel</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Held for the next statement</source>
        <translation>Held for the next statement</translation>
    </message>
    <message>
        <source>%1: unknown, left to reconciliation</source>
        <translation>%1: unknown, left to reconciliation</translation>
    </message>
    <message>
        <source>%1: no result yet</source>
        <translation>%1: no result yet</translation>
    </message>
    <message>
        <source>Refund of a payment made after the order closed</source>
        <translation>Refund of a payment made after the order closed</translation>
    </message>
    <message>
        <source>Refund of a duplicate payment</source>
        <translation>Refund of a duplicate payment</translation>
    </message>
    <message>
        <source>Refund failed (%1)</source>
        <translation>Refund failed (%1)</translation>
    </message>
    <message>
        <source>Break %1: %2</source>
        <translation>Break %1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>(no local order)</source>
        <translation>(no local order)</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Flow / refund no.</source>
        <translation>Flow / refund no.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Channel txn no.</source>
        <translation>Channel txn no.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
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
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Only orders with a payment on this channel</source>
        <translation>Only orders with a payment on this channel</translation>
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
    <name>pay::ui::QrPaymentPanel</name>
    <message>
        <source>The code has expired</source>
        <translation>The code has expired</translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation>Expires in %1:%2</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scan to pay</translation>
    </message>
    <message>
        <source>Ask the customer to scan with %1: %2</source>
        <translation>Ask the customer to scan with %1: %2</translation>
    </message>
    <message>
        <source>Simulate customer scan
(training)</source>
        <translation>Simulate customer scan
(training)</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconBreaksModel</name>
    <message>
        <source>Flow no.</source>
        <translation>Flow no.</translation>
    </message>
    <message>
        <source>Channel txn no.</source>
        <translation>Channel txn no.</translation>
    </message>
    <message>
        <source>Local amount</source>
        <translation>Local amount</translation>
    </message>
    <message>
        <source>Statement amount</source>
        <translation>Statement amount</translation>
    </message>
    <message>
        <source>Local status</source>
        <translation>Local status</translation>
    </message>
    <message>
        <source>Statement status</source>
        <translation>Statement status</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconCategoriesModel</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconRunsModel</name>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Breaks</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Auto-resolved</source>
        <translation>Auto-resolved</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>Imported at</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconciliationPage</name>
    <message>
        <source>Import statement</source>
        <translation>Import statement</translation>
    </message>
    <message>
        <source>Statements (*.csv *.txt);;All files (*)</source>
        <translation>Statements (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>The payment core is not running, so no statement can be imported.</source>
        <translation>The payment core is not running, so no statement can be imported.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Statement rejected, nothing recorded: %1</source>
        <translation>Statement rejected, nothing recorded: %1</translation>
    </message>
    <message>
        <source>Run %1: %2 %3 (%4), %5 lines read, %6 quarantined, %7 resolved automatically.</source>
        <translation>Run %1: %2 %3 (%4), %5 lines read, %6 quarantined, %7 resolved automatically.</translation>
    </message>
    <message>
        <source>Run %1 cannot be read.</source>
        <translation>Run %1 cannot be read.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Channel transaction %1 has no local flow, so there is no order to show.</source>
        <translation>Channel transaction %1 has no local flow, so there is no order to show.</translation>
    </message>
    <message>
        <source>Flow %1 belongs to no local order.</source>
        <translation>Flow %1 belongs to no local order.</translation>
    </message>
    <message>
        <source>Order %1: the payment core is not running, so its timeline cannot be read.</source>
        <translation>Order %1: the payment core is not running, so its timeline cannot be read.</translation>
    </message>
    <message>
        <source>Order %1: loading…</source>
        <translation>Order %1: loading…</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>Canonical CSV</source>
        <translation>Canonical CSV</translation>
    </message>
    <message>
        <source>WeChat Pay trade bill</source>
        <translation>WeChat Pay trade bill</translation>
    </message>
    <message>
        <source>Alipay business detail</source>
        <translation>Alipay business detail</translation>
    </message>
    <message>
        <source>Import statement…</source>
        <translation>Import statement…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Run %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;No statement imported yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;No statement imported yet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Resolved automatically: %1</source>
        <translation>Resolved automatically: %1</translation>
    </message>
    <message>
        <source>Quarantined lines: %1</source>
        <translation>Quarantined lines: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Past runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Past runs&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Breaks&lt;/b&gt;: click a category to list its rows</source>
        <translation>&lt;b&gt;Breaks&lt;/b&gt;: click a category to list its rows</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n row(s); double-click one to see its order's timeline</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n row; double-click one to see its order's timeline</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n rows; double-click one to see its order's timeline</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click a break row to see its order's timeline.</source>
        <translation>Double-click a break row to see its order's timeline.</translation>
    </message>
</context>
<context>
    <name>pay::ui::SimulatorPage</name>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>%1 accepted; %2</source>
        <translation>%1 accepted; %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>charged %1, refunded %2, kept %3</source>
        <translation>charged %1, refunded %2, kept %3</translation>
    </message>
    <message>
        <source>%1 checked over %2 steps, %3 violated</source>
        <translation>%1 checked over %2 steps, %3 violated</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Ready: pick a scenario, a seed and a speed, then Run or Step.</source>
        <translation>Ready: pick a scenario, a seed and a speed, then Run or Step.</translation>
    </message>
    <message>
        <source>Finished at virtual time %1 (%2 s of machine time).</source>
        <translation>Finished at virtual time %1 (%2 s of machine time).</translation>
    </message>
    <message>
        <source>Running at virtual time %1.</source>
        <translation>Running at virtual time %1.</translation>
    </message>
    <message>
        <source>Paused at virtual time %1.</source>
        <translation>Paused at virtual time %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Export simulation run</source>
        <translation>Export simulation run</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Seed </source>
        <translation>Seed </translation>
    </message>
    <message>
        <source>×1</source>
        <translation>×1</translation>
    </message>
    <message>
        <source>×10</source>
        <translation>×10</translation>
    </message>
    <message>
        <source>×100</source>
        <translation>×100</translation>
    </message>
    <message>
        <source>×1000</source>
        <translation>×1000</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>Step by step</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>Orders:</translation>
    </message>
    <message>
        <source>Money:</source>
        <translation>Money:</translation>
    </message>
    <message>
        <source>Refunds by reason:</source>
        <translation>Refunds by reason:</translation>
    </message>
    <message>
        <source>Invariants:</source>
        <translation>Invariants:</translation>
    </message>
    <message>
        <source>What happened, in plain words:</source>
        <translation>What happened, in plain words:</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a state, reason or category and its count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between counts</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1; %2 settled from the statement</source>
        <translation>%1; %2 settled from the statement</translation>
    </message>
    <message>
        <source>Breaks by category:</source>
        <translation>Breaks by category:</translation>
    </message>
    <message>
        <source>Operations queues in this run</source>
        <translation>Operations queues in this run</translation>
    </message>
    <message>
        <source>Orders by state</source>
        <translation>Orders by state</translation>
    </message>
    <message>
        <source>Refunds by reason, open breaks</source>
        <translation>Refunds by reason, open breaks</translation>
    </message>
    <message>
        <source>Virtual time (minutes)</source>
        <translation>Virtual time (minutes)</translation>
    </message>
    <message>
        <source>In progress or unknown</source>
        <translation>In progress or unknown</translation>
    </message>
    <message>
        <source>Refunded in full or part</source>
        <translation>Refunded in full or part</translation>
    </message>
</context>
<context>
    <name>pay::ui::StatusPoller</name>
    <message>
        <source>The status service is not running.</source>
        <translation>The status service is not running.</translation>
    </message>
    <message>
        <source>The status service answered %1.</source>
        <translation>The status service answered %1.</translation>
    </message>
    <message>
        <source>The status service sent an unreadable answer.</source>
        <translation>The status service sent an unreadable answer.</translation>
    </message>
</context>
<context>
    <name>pay::ui::TenderPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Nothing to pay yet</source>
        <translation>Nothing to pay yet</translation>
    </message>
    <message>
        <source>Too much by %1</source>
        <translation>Too much by %1</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>Still due</translation>
    </message>
    <message>
        <source>Coupon  [F2]</source>
        <translation>Coupon  [F2]</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>e.g. CP-5OFF</source>
        <translation>e.g. CP-5OFF</translation>
    </message>
    <message>
        <source>Wallet  [F3]</source>
        <translation>Wallet  [F3]</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>e.g. M1001</source>
        <translation>e.g. M1001</translation>
    </message>
    <message>
        <source>The rest by</source>
        <translation>The rest by</translation>
    </message>
    <message>
        <source>Card [F4]</source>
        <translation>Card [F4]</translation>
    </message>
    <message>
        <source>QR A [F5]</source>
        <translation>QR A [F5]</translation>
    </message>
    <message>
        <source>QR B [F6]</source>
        <translation>QR B [F6]</translation>
    </message>
    <message>
        <source>Pay  [F12]</source>
        <translation>Pay  [F12]</translation>
    </message>
</context>
</TS>
