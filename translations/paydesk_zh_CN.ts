<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Audit</name>
    <message>
        <source>An audit entry needs who and what</source>
        <translation>审计记录必须包含操作人和操作内容</translation>
    </message>
    <message>
        <source>Every operations action needs a reason</source>
        <translation>每项运营操作都必须填写原因</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>Append to the audit log</source>
        <translation>写入审计日志</translation>
    </message>
    <message>
        <source>row %1 is missing (the next row is %2)</source>
        <translation>第 %1 行缺失（下一行为第 %2 行）</translation>
    </message>
    <message>
        <source>row %1 does not follow the previous row's hash</source>
        <translation>第 %1 行与上一行的哈希不衔接</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written</source>
        <translation>第 %1 行在写入后被修改过</translation>
    </message>
</context>
<context>
    <name>CacheWriter</name>
    <message>
        <source>Status snapshot</source>
        <translation>状态快照</translation>
    </message>
    <message>
        <source>Trade order #%1</source>
        <translation>交易订单 #%1</translation>
    </message>
</context>
<context>
    <name>ChannelRouter</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No channel is configured for method %1</source>
        <translation>支付方式 %1 未配置任何渠道</translation>
    </message>
    <message>
        <source>No channel can take %1 %2 now; excluded: %3</source>
        <translation>当前没有渠道能受理 %1 %2；已排除：%3</translation>
    </message>
    <message>
        <source>%1: the only eligible channel (fee %2); excluded: %3</source>
        <translation>%1：唯一可用的渠道（费率 %2）；已排除：%3</translation>
    </message>
    <message>
        <source>%1: lowest fee %2 shared, chosen by priority among %3 eligible; excluded: %4</source>
        <translation>%1：最低费率 %2 并列，按优先级从 %3 个可用渠道中选出；已排除：%4</translation>
    </message>
    <message>
        <source>%1: cheapest fee %2 among %3 eligible; excluded: %4</source>
        <translation>%1：%3 个可用渠道中费率最低（%2）；已排除：%4</translation>
    </message>
    <message>
        <source>A routing rule needs a method and a channel</source>
        <translation>路由规则需要指定支付方式和渠道</translation>
    </message>
    <message>
        <source>Routing rule %1/%2 has negative or crossed limits</source>
        <translation>路由规则 %1/%2 的限额为负数或上下限颠倒</translation>
    </message>
    <message>
        <source>Routing rule %1/%2: daily window out of range</source>
        <translation>路由规则 %1/%2：每日时间窗超出范围</translation>
    </message>
</context>
<context>
    <name>CustomerScan</name>
    <message>
        <source>%1 is not a QR channel</source>
        <translation>%1 不是扫码支付渠道</translation>
    </message>
</context>
<context>
    <name>DemoSeed</name>
    <message>
        <source>%1 already exists; demo data goes only into a new file</source>
        <translation>%1 已存在；演示数据只写入新文件</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>支付中</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Awaiting scan</source>
        <translation>待扫码</translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>QR A</source>
        <translation>扫码 A</translation>
    </message>
    <message>
        <source>QR B</source>
        <translation>扫码 B</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>顾客申请</translation>
    </message>
    <message>
        <source>Closed but paid</source>
        <translation>关单后支付成功</translation>
    </message>
    <message>
        <source>Duplicate payment</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>Partial payment failure</source>
        <translation>部分支付失败</translation>
    </message>
    <message>
        <source>Operator refund</source>
        <translation>操作员退款</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>Missing at channel</source>
        <translation>渠道缺失</translation>
    </message>
    <message>
        <source>Missing locally</source>
        <translation>本地缺失</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Status mismatch</source>
        <translation>状态不符</translation>
    </message>
    <message>
        <source>Duplicate in statement</source>
        <translation>对账单重复</translation>
    </message>
    <message>
        <source>Cut-off timing</source>
        <translation>日切时差</translation>
    </message>
    <message>
        <source>Order and payments disagree</source>
        <translation>订单与支付不符</translation>
    </message>
    <message>
        <source>Channel status differs</source>
        <translation>渠道状态不一致</translation>
    </message>
    <message>
        <source>Channel amount differs</source>
        <translation>渠道金额不一致</translation>
    </message>
    <message>
        <source>Ledger out of balance</source>
        <translation>账务不平</translation>
    </message>
    <message>
        <source>Stuck payments</source>
        <translation>滞留支付</translation>
    </message>
    <message>
        <source>Duplicate payments</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>Failed refunds</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <source>Frozen orders</source>
        <translation>冻结订单</translation>
    </message>
    <message>
        <source>Reconciliation breaks</source>
        <translation>对账差异</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Held for the next statement</source>
        <translation>暂挂，待下一期对账单</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>关单中</translation>
    </message>
    <message>
        <source>Paid twice: being refunded</source>
        <translation>重复支付：正在退款</translation>
    </message>
    <message>
        <source>Paid after it failed</source>
        <translation>失败后又付款成功</translation>
    </message>
</context>
<context>
    <name>Invariants</name>
    <message>
        <source>SQLite integrity_check reports ok</source>
        <translation>SQLite integrity_check 检查结果正常</translation>
    </message>
    <message>
        <source>integrity_check</source>
        <translation>integrity_check</translation>
    </message>
    <message>
        <source>No entity leaves a terminal state in the event log</source>
        <translation>事件日志中没有任何实体离开终态</translation>
    </message>
    <message>
        <source>Every ledger posting set sums to zero</source>
        <translation>每个账务分录集的合计都为零</translation>
    </message>
    <message>
        <source>The flows of each payment add up to its amount</source>
        <translation>每笔支付单的支付流水之和等于其金额</translation>
    </message>
    <message>
        <source>Flows carry their payment's currency</source>
        <translation>支付流水的币种与所属支付单一致</translation>
    </message>
    <message>
        <source>No flow is refunded more than it took</source>
        <translation>没有任何支付流水的退款超过其收款</translation>
    </message>
    <message>
        <source>Only successful flows are refunded</source>
        <translation>只有成功的支付流水才会退款</translation>
    </message>
    <message>
        <source>Per settled trade, the money kept is 0 or the order amount</source>
        <translation>每笔已结束的交易，留存金额为 0 或订单金额</translation>
    </message>
    <message>
        <source>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</source>
        <translation>每笔已结束的交易，成功流水减去退款等于订单留存金额（0 或订单金额，扣除顾客退款）</translation>
    </message>
    <message>
        <source>A closed trade holds no money once its refunds finish</source>
        <translation>已关闭的交易在退款完成后不留存任何金额</translation>
    </message>
    <message>
        <source>Every successful flow has ledger postings</source>
        <translation>每笔成功的支付流水都有账务分录</translation>
    </message>
    <message>
        <source>Every successful refund flow has ledger postings</source>
        <translation>每笔成功的退款流水都有账务分录</translation>
    </message>
    <message>
        <source>Money held in suspense is released once the flow's result is known</source>
        <translation>支付流水结果明确后，挂账资金随即释放</translation>
    </message>
    <message>
        <source>The audit log's hash chain is unbroken</source>
        <translation>审计日志的哈希链完整无断裂</translation>
    </message>
    <message>
        <source>A frozen trade keeps what its order keeps (else it is an open case for review)</source>
        <translation>冻结订单的资金与订单应留金额一致（否则为待复核的未结案件）</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Currency code '%1' is not three letters</source>
        <translation>币种代码“%1”不是三个字母</translation>
    </message>
    <message>
        <source>Cannot combine %1 with %2</source>
        <translation>%1 不能与 %2 合并计算</translation>
    </message>
    <message>
        <source>Amount overflow</source>
        <translation>金额溢出</translation>
    </message>
    <message>
        <source>Allocation needs at least one part</source>
        <translation>分摊至少需要一份</translation>
    </message>
    <message>
        <source>Allocation weights must not be negative</source>
        <translation>分摊权重不能为负数</translation>
    </message>
    <message>
        <source>Allocation weights sum to zero</source>
        <translation>分摊权重之和为零</translation>
    </message>
    <message>
        <source>'%1' is not an amount</source>
        <translation>“%1”不是有效金额</translation>
    </message>
    <message>
        <source>'%1' has more than %2 decimal places</source>
        <translation>“%1”的小数位超过 %2 位</translation>
    </message>
</context>
<context>
    <name>MoneyInput</name>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>"%1" is not an amount.</source>
        <translation>“%1”不是有效金额。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal place(s).</source>
        <translation>
            <numerusform>%1 最多只有 %n 位小数。</numerusform>
        </translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Say why: every operations action needs a reason</source>
        <translation>请填写原因：每项运营操作都必须说明原因</translation>
    </message>
    <message>
        <source>%1 may not do operations actions</source>
        <translation>%1 无权执行运营操作</translation>
    </message>
    <message>
        <source>a manager's approval is required</source>
        <translation>需要经理审批</translation>
    </message>
    <message>
        <source>the approver must be a second person</source>
        <translation>审批人必须是另一位员工</translation>
    </message>
    <message>
        <source>the approver's PIN is wrong</source>
        <translation>审批人的 PIN 码错误</translation>
    </message>
    <message>
        <source>%1 is not a manager</source>
        <translation>%1 不是经理</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>未获批准：%1</translation>
    </message>
    <message>
        <source>Say how the break was resolved</source>
        <translation>请说明该对账差异的处理方式</translation>
    </message>
    <message>
        <source>Resolve break</source>
        <translation>解决对账差异</translation>
    </message>
    <message>
        <source>Break %1 is not open</source>
        <translation>对账差异 %1 不是待处理状态</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Sync reply</source>
        <translation>同步应答</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回调通知</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>主动查询</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>人工操作</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · amount %3 · paid %4 · refunded %5%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · 金额 %3 · 已付 %4 · 已退 %5%6</translation>
    </message>
    <message>
        <source> · &lt;span style='color:#c62828'&gt;frozen: %1&lt;/span&gt;</source>
        <translation> · &lt;span style='color:#c62828'&gt;已冻结：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>支付引擎</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
</context>
<context>
    <name>PaymentEngine</name>
    <message>
        <source>Schedule compensation</source>
        <translation>安排补偿查询</translation>
    </message>
    <message>
        <source>Drop compensation task</source>
        <translation>删除补偿任务</translation>
    </message>
    <message>
        <source>Restore expiry checks</source>
        <translation>恢复订单超时检查</translation>
    </message>
    <message>
        <source>Load compensation tasks</source>
        <translation>加载补偿任务</translation>
    </message>
    <message>
        <source>An order number is required</source>
        <translation>需要订单号</translation>
    </message>
    <message>
        <source>The order amount must be positive</source>
        <translation>订单金额必须大于零</translation>
    </message>
    <message>
        <source>At least one payment method is required</source>
        <translation>至少需要一种支付方式</translation>
    </message>
    <message>
        <source>Unknown payment method '%1'</source>
        <translation>未知的支付方式“%1”</translation>
    </message>
    <message>
        <source>The %1 amount must be positive</source>
        <translation>%1 的金额必须大于零</translation>
    </message>
    <message>
        <source>%1 appears twice in one payment</source>
        <translation>%1 在同一笔支付中出现了两次</translation>
    </message>
    <message>
        <source>%1 needs a voucher code or member id</source>
        <translation>%1 需要券码或会员号</translation>
    </message>
    <message>
        <source>%1 takes at most %2 per payment</source>
        <translation>%1 每笔最多支付 %2</translation>
    </message>
    <message>
        <source>The payment amounts overflow</source>
        <translation>支付金额溢出</translation>
    </message>
    <message>
        <source>At most one card or QR channel per payment</source>
        <translation>每笔支付最多使用一个银行卡或扫码渠道</translation>
    </message>
    <message>
        <source>The methods add up to %1 but the order is %2</source>
        <translation>各支付方式合计 %1，但订单金额为 %2</translation>
    </message>
    <message>
        <source>Order %1 is frozen for review: %2</source>
        <translation>订单 %1 已冻结待审核：%2</translation>
    </message>
    <message>
        <source>Order %1 is for %2, not %3</source>
        <translation>订单 %1 的币种为 %2，而不是 %3</translation>
    </message>
    <message>
        <source>Order %1 is %2 and cannot be paid</source>
        <translation>订单 %1 状态为 %2，无法支付</translation>
    </message>
    <message>
        <source>Order %1 changed while paying; look at it again</source>
        <translation>订单 %1 在支付过程中发生了变化；请重新查看</translation>
    </message>
    <message>
        <source>Closed: the customer switched to another method</source>
        <translation>已关闭：顾客改用了其他支付方式</translation>
    </message>
    <message>
        <source>Not needed: order is %1</source>
        <translation>无需处理：订单状态为 %1</translation>
    </message>
    <message>
        <source>Channel %1 reported %2 for flow %3, which asked for %4</source>
        <translation>渠道 %1 报告支付流水 %3 的金额为 %2，而请求金额为 %4</translation>
    </message>
    <message>
        <source>Amount mismatch on flow %1</source>
        <translation>支付流水 %1 金额不符</translation>
    </message>
    <message>
        <source>Flow %1 was %2 but the channel reports it paid</source>
        <translation>支付流水 %1 状态为 %2，但渠道报告已支付</translation>
    </message>
    <message>
        <source>Flow %1 is already %2</source>
        <translation>支付流水 %1 已处于 %2 状态</translation>
    </message>
    <message>
        <source>Flow %1 changed meanwhile</source>
        <translation>支付流水 %1 在此期间已发生变化</translation>
    </message>
    <message>
        <source>Not attempted: an earlier leg failed</source>
        <translation>未发起：组合支付中前一项已失败</translation>
    </message>
    <message>
        <source>Payment %1 failed: %2</source>
        <translation>支付单 %1 失败：%2</translation>
    </message>
    <message>
        <source>Order %1 was closed before payment %2 succeeded</source>
        <translation>订单 %1 在支付单 %2 成功之前已关闭</translation>
    </message>
    <message>
        <source>Order %1 was already paid; payment %2 is a duplicate</source>
        <translation>订单 %1 已支付；支付单 %2 为重复支付</translation>
    </message>
    <message>
        <source>Closed: another attempt paid the order</source>
        <translation>已关闭：订单已由另一次支付完成</translation>
    </message>
    <message>
        <source>Order %1 is %2; it cannot be closed</source>
        <translation>订单 %1 状态为 %2，无法关单</translation>
    </message>
    <message>
        <source>Closed at the channel</source>
        <translation>已在渠道侧关单</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <source>Order %1 closed before its payment completed</source>
        <translation>订单 %1 在支付完成前已关闭</translation>
    </message>
    <message>
        <source>Refund %1 does not belong to %2</source>
        <translation>退款 %1 不属于 %2</translation>
    </message>
    <message>
        <source>Flow %1 does not belong to %2</source>
        <translation>支付流水 %1 不属于 %2</translation>
    </message>
    <message>
        <source>Refund callback for %1 reports %2, expected %3</source>
        <translation>%1 的退款回调报告金额 %2，应为 %3</translation>
    </message>
    <message>
        <source>Refund amount mismatch</source>
        <translation>退款金额不符</translation>
    </message>
    <message>
        <source>Callback for %1 is in %2, the flow is in %3</source>
        <translation>%1 的回调币种为 %2，支付流水币种为 %3</translation>
    </message>
    <message>
        <source>Currency mismatch on flow %1</source>
        <translation>支付流水 %1 币种不符</translation>
    </message>
    <message>
        <source>The channel reported the payment failed</source>
        <translation>渠道报告支付失败</translation>
    </message>
    <message>
        <source>A refund number is required</source>
        <translation>需要退款单号</translation>
    </message>
    <message>
        <source>The refund amount must be positive</source>
        <translation>退款金额必须大于零</translation>
    </message>
    <message>
        <source>Refund %1 already exists with a different order or amount</source>
        <translation>退款 %1 已存在，但订单或金额不同</translation>
    </message>
    <message>
        <source>Order %1 is frozen for review</source>
        <translation>订单 %1 已冻结待审核</translation>
    </message>
    <message>
        <source>Order %1 is %2; only paid orders can be refunded</source>
        <translation>订单 %1 状态为 %2；只有已支付的订单才能退款</translation>
    </message>
    <message>
        <source>Only %1 of order %2 can still be refunded</source>
        <translation>订单 %2 只剩 %1 可以退款</translation>
    </message>
    <message>
        <source>Refund %1 would exceed what flow %2 took</source>
        <translation>退款 %1 将超过支付流水 %2 的收款</translation>
    </message>
    <message>
        <source>Refund %1 exceeds what flow %2 took</source>
        <translation>退款 %1 超过了支付流水 %2 的收款</translation>
    </message>
    <message>
        <source>Refund %1 failed at the channel after retries</source>
        <translation>退款 %1 在渠道多次重试后仍失败</translation>
    </message>
    <message>
        <source>Order keeps %1 but should keep %2 (amount %3)</source>
        <translation>订单留存 %1，但应留存 %2（订单金额 %3）</translation>
    </message>
    <message>
        <source>Refund %1 is %2; only a failed refund can be retried</source>
        <translation>退款 %1 状态为 %2；只有失败的退款才能重试</translation>
    </message>
    <message>
        <source>Retry of %1</source>
        <translation>重试退款 %1</translation>
    </message>
    <message>
        <source>Look up posting set %1</source>
        <translation>查询记账分录组 %1</translation>
    </message>
    <message>
        <source>Restore first queries</source>
        <translation>恢复首次查询</translation>
    </message>
    <message>
        <source>Order %1 is being closed; start a new sale to take payment</source>
        <translation>订单 %1 正在关单；请开始新的销售再收款</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile; look at it again</source>
        <translation>订单 %1 已被更改；请重新查看</translation>
    </message>
    <message>
        <source>Closed at the channel: no result after the query schedule</source>
        <translation>已在渠道关单：查询计划用尽仍无结果</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 is still in flight; retry once it has finished</source>
        <translation>订单 %2 的退款 %1 仍在处理中；请在其结束后再重试</translation>
    </message>
    <message>
        <source>Refund flow %1 has no paid flow to return</source>
        <translation>退款流水 %1 没有可退回的已支付流水</translation>
    </message>
    <message>
        <source>Flow %1 can give back only %2 more; retrying %3 would exceed it</source>
        <translation>流水 %1 最多还能退 %2；重试 %3 将超出</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 failed and still holds %3: operations must retry or abandon it before another refund</source>
        <translation>订单 %2 的退款 %1 失败，仍占用 %3：须由运营重试或放弃后才能再退款</translation>
    </message>
    <message>
        <source>Only %1 of order %2 can be refunded now: %3 is held by failed refund %4 until it is retried or abandoned</source>
        <translation>订单 %2 现在只能退 %1：%3 被失败的退款 %4 占用，直到其被重试或放弃</translation>
    </message>
    <message>
        <source>Order %1 is frozen: retrying its refund needs another person's approval</source>
        <translation>订单 %1 已冻结：重试其退款需要另一人批准</translation>
    </message>
    <message>
        <source>Refund %1 has nothing left to retry (%2)</source>
        <translation>退款 %1 已无可重试的部分（%2）</translation>
    </message>
    <message>
        <source>Refund %1 changed meanwhile</source>
        <translation>退款 %1 已被更改</translation>
    </message>
    <message>
        <source>A reason is required to abandon a refund</source>
        <translation>放弃退款需要填写原因</translation>
    </message>
    <message>
        <source>Refund %1 is %2; only a failed refund can be abandoned</source>
        <translation>退款 %1 为 %2；只有失败的退款可以放弃</translation>
    </message>
    <message>
        <source>Refund %1 has nothing left to abandon</source>
        <translation>退款 %1 已无可放弃的部分</translation>
    </message>
    <message>
        <source>A reason is required to release a frozen order</source>
        <translation>解冻订单需要填写原因</translation>
    </message>
    <message>
        <source>Releasing a frozen order needs another person's approval</source>
        <translation>解冻订单需要另一人批准</translation>
    </message>
    <message>
        <source>Order %1 is not frozen</source>
        <translation>订单 %1 未冻结</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile</source>
        <translation>订单 %1 已被更改</translation>
    </message>
    <message>
        <source>A reason is required to refund a frozen order</source>
        <translation>冻结订单退款需要填写原因</translation>
    </message>
    <message>
        <source>Refunding a frozen order needs another person's approval</source>
        <translation>冻结订单退款需要另一人批准</translation>
    </message>
    <message>
        <source>Re-derived: the channel reported payment %1 paid after it had ended</source>
        <translation>重新推导：渠道报告支付 %1 在结束后已付款</translation>
    </message>
    <message>
        <source>Re-derived after a restart or release: payment %1 keeps money order %2 should not</source>
        <translation>重启或解冻后重新推导：支付 %1 留有订单 %2 不应留的资金</translation>
    </message>
    <message>
        <source>Refund %1 cannot be sent: %2 (it is tried again)</source>
        <translation>退款 %1 无法发出：%2（将再次尝试）</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>PayDesk Demo Shop</source>
        <translation>PayDesk 演示商店</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>小票 %1</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>收银员：%1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Thank you for shopping with us.</source>
        <translation>谢谢惠顾，欢迎再次光临！</translation>
    </message>
    <message>
        <source>Could not write the receipt to %1.</source>
        <translation>无法将小票写入 %1。</translation>
    </message>
</context>
<context>
    <name>Recon</name>
    <message>
        <source>The database is not SQLite</source>
        <translation>数据库不是 SQLite</translation>
    </message>
    <message>
        <source>Read local flows: %1</source>
        <translation>读取本地支付流水：%1</translation>
    </message>
    <message>
        <source>Also on line %1</source>
        <translation>第 %1 行也有该记录</translation>
    </message>
    <message>
        <source>The statement shows a refund we have no record of</source>
        <translation>对账单中有一笔本地没有记录的退款</translation>
    </message>
    <message>
        <source>The statement shows a payment we have no record of</source>
        <translation>对账单中有一笔本地没有记录的支付</translation>
    </message>
    <message>
        <source>Amounts differ: local %1, statement %2</source>
        <translation>金额不一致：本地 %1，对账单 %2</translation>
    </message>
    <message>
        <source>Matched across midnight</source>
        <translation>跨零点匹配成功</translation>
    </message>
    <message>
        <source>The channel refunded; the local refund is %1</source>
        <translation>渠道已退款；本地退款状态为 %1</translation>
    </message>
    <message>
        <source>The channel took the money; the local flow is %1</source>
        <translation>渠道已收款；本地支付流水状态为 %1</translation>
    </message>
    <message>
        <source>The local record succeeded; the statement says %1</source>
        <translation>本地记录为成功；对账单状态为 %1</translation>
    </message>
    <message>
        <source>The local record is %1; the statement says %2</source>
        <translation>本地记录状态为 %1；对账单状态为 %2</translation>
    </message>
    <message>
        <source>Close to midnight: held for the next day's statement</source>
        <translation>临近零点：留待与次日对账单核对</translation>
    </message>
    <message>
        <source>Not in this statement nor the previous day's</source>
        <translation>本期及前一日的对账单中均无此记录</translation>
    </message>
    <message>
        <source>Close to midnight: held for the previous day's statement</source>
        <translation>临近零点：留待与前一日对账单核对</translation>
    </message>
    <message>
        <source>A local refund the statement lacks</source>
        <translation>本地有此退款，对账单中缺失</translation>
    </message>
    <message>
        <source>A local success the statement lacks</source>
        <translation>本地支付成功，对账单中缺失</translation>
    </message>
    <message>
        <source>The order is %1 but no attempt of its amount succeeded</source>
        <translation>订单状态为 %1，但没有一笔与订单金额相符的支付成功</translation>
    </message>
    <message>
        <source>The order records %1 paid of %2</source>
        <translation>订单记录已付 %1（订单金额 %2）</translation>
    </message>
    <message>
        <source>Payment %1 succeeded for %2 but its flows took %3</source>
        <translation>支付单 %1 成功金额为 %2，但其支付流水实收 %3</translation>
    </message>
    <message>
        <source>The order is closed but keeps %1 with no refund in flight</source>
        <translation>订单已关闭，但仍留存 %1，且没有进行中的退款</translation>
    </message>
    <message>
        <source>Flow %1 succeeded for %2 but the ledger shows %3 received</source>
        <translation>支付流水 %1 成功金额为 %2，但账务显示实收 %3</translation>
    </message>
    <message>
        <source>Flow %1 is %2 but the ledger shows %3 received</source>
        <translation>支付流水 %1 状态为 %2，但账务显示实收 %3</translation>
    </message>
    <message>
        <source>The postings of order %1 sum to %2 %3, not zero</source>
        <translation>订单 %1 的分录合计为 %2 %3，不为零</translation>
    </message>
    <message>
        <source>Succeeded here; the channel says %1</source>
        <translation>本地为成功；渠道返回 %1</translation>
    </message>
    <message>
        <source>The channel took %1, the flow asked for %2</source>
        <translation>渠道实收 %1，支付流水请求金额为 %2</translation>
    </message>
    <message>
        <source>%1 here; the channel says it was paid</source>
        <translation>本地为 %1；渠道称已支付</translation>
    </message>
    <message>
        <source>Sweep settled orders</source>
        <translation>扫描已结束的订单</translation>
    </message>
    <message>
        <source>Record a break</source>
        <translation>记录对账差异</translation>
    </message>
    <message>
        <source>Resolve a break</source>
        <translation>解决对账差异</translation>
    </message>
    <message>
        <source>Reopen a break</source>
        <translation>重新打开对账差异</translation>
    </message>
    <message>
        <source>List breaks</source>
        <translation>列出对账差异</translation>
    </message>
    <message>
        <source>Look up breaks</source>
        <translation>查询对账差异</translation>
    </message>
    <message>
        <source>No channel given</source>
        <translation>未指定渠道</translation>
    </message>
    <message>
        <source>The statement does not say its day: give --date</source>
        <translation>对账单未注明日期：请用 --date 指定</translation>
    </message>
    <message>
        <source>The statement is for %1, not %2</source>
        <translation>该对账单的日期为 %1，而不是 %2</translation>
    </message>
    <message>
        <source>The statement is channel %1's, not %2's</source>
        <translation>该对账单属于渠道 %1，而不是 %2</translation>
    </message>
    <message>
        <source>Look up earlier runs</source>
        <translation>查询以往的对账批次</translation>
    </message>
    <message>
        <source>Supersede an earlier run</source>
        <translation>替换以往的对账批次</translation>
    </message>
    <message>
        <source>Record a reconciliation run</source>
        <translation>记录对账批次</translation>
    </message>
    <message>
        <source>Quarantine a statement line</source>
        <translation>隔离对账单行</translation>
    </message>
    <message>
        <source>Held at midnight; not in %1's statement either</source>
        <translation>跨零点暂挂；%1 的对账单中也没有此记录</translation>
    </message>
    <message>
        <source>Unknown locally, paid at the channel: settled through the success path</source>
        <translation>本地状态未知、渠道已支付：已按支付成功流程补单</translation>
    </message>
    <message>
        <source>Settling from the statement failed: %1</source>
        <translation>根据对账单补单失败：%1</translation>
    </message>
    <message>
        <source>Unknown locally, paid at the channel: settle from the statement</source>
        <translation>本地状态未知、渠道已支付：需根据对账单补单</translation>
    </message>
    <message>
        <source>Finish a reconciliation run</source>
        <translation>完成对账批次</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>content after the end line</source>
        <translation>结尾行之后还有内容</translation>
    </message>
    <message>
        <source>the end line has no valid row count</source>
        <translation>结尾行没有有效的行数</translation>
    </message>
    <message>
        <source>not a canonical statement header</source>
        <translation>不是标准对账单的表头</translation>
    </message>
    <message>
        <source>unterminated quoted field</source>
        <translation>引号字段未闭合</translation>
    </message>
    <message>
        <source>expected 10 fields, found %1</source>
        <translation>应有 10 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>unknown type "%1"</source>
        <translation>未知类型“%1”</translation>
    </message>
    <message>
        <source>empty flow_no</source>
        <translation>flow_no 为空</translation>
    </message>
    <message>
        <source>bad amount_minor "%1"</source>
        <translation>amount_minor 无效：“%1”</translation>
    </message>
    <message>
        <source>bad fee_minor "%1"</source>
        <translation>fee_minor 无效：“%1”</translation>
    </message>
    <message>
        <source>bad time_utc "%1"</source>
        <translation>time_utc 无效：“%1”</translation>
    </message>
    <message>
        <source>Not a canonical statement: no header row</source>
        <translation>不是标准对账单：没有表头行</translation>
    </message>
    <message>
        <source>the statement is truncated: the end line "# end rows=…" is missing</source>
        <translation>对账单不完整：缺少结尾行“# end rows=…”</translation>
    </message>
    <message>
        <source>the end line says %1 rows but the file has %2</source>
        <translation>结尾行标明 %1 行，但文件实际有 %2 行</translation>
    </message>
    <message>
        <source>not a WeChat Pay trade bill header (27 columns expected)</source>
        <translation>不是微信支付交易账单的表头（应为 27 列）</translation>
    </message>
    <message>
        <source>bytes that are not valid UTF-8</source>
        <translation>含有无效的 UTF-8 字节</translation>
    </message>
    <message>
        <source>a data row must start with a backtick</source>
        <translation>数据行必须以反引号（`）开头</translation>
    </message>
    <message>
        <source>expected 27 fields, found %1</source>
        <translation>应有 27 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>bad time "%1"</source>
        <translation>时间无效：“%1”</translation>
    </message>
    <message>
        <source>bad amount "%1" in column %2</source>
        <translation>第 %2 列金额无效：“%1”</translation>
    </message>
    <message>
        <source>bad refund amount "%1"</source>
        <translation>退款金额无效：“%1”</translation>
    </message>
    <message>
        <source>bad order amount "%1"</source>
        <translation>订单金额无效：“%1”</translation>
    </message>
    <message>
        <source>empty merchant order no.</source>
        <translation>商户订单号为空</translation>
    </message>
    <message>
        <source>the bill is truncated: the summary rows are missing</source>
        <translation>账单不完整：缺少汇总部分</translation>
    </message>
    <message>
        <source>the bill is truncated: the summary row is missing</source>
        <translation>账单不完整：缺少汇总数据行</translation>
    </message>
    <message>
        <source>malformed summary row</source>
        <translation>汇总行格式有误</translation>
    </message>
    <message>
        <source>the summary says %1 rows but the bill has %2</source>
        <translation>汇总标明 %1 笔，但账单实际有 %2 笔</translation>
    </message>
    <message>
        <source>content after the summary row</source>
        <translation>汇总行之后还有内容</translation>
    </message>
    <message>
        <source>No GBK decoder is available in this Qt build</source>
        <translation>当前 Qt 构建中没有可用的 GBK 解码器</translation>
    </message>
    <message>
        <source>not an Alipay business-detail header (25 columns expected)</source>
        <translation>不是支付宝业务明细的表头（应为 25 列）</translation>
    </message>
    <message>
        <source>Not an Alipay business-detail bill: no header row</source>
        <translation>不是支付宝业务明细账单：没有表头行</translation>
    </message>
    <message>
        <source>unexpected comment line inside the detail rows</source>
        <translation>明细行中出现了意外的注释行</translation>
    </message>
    <message>
        <source>bytes that are not valid GBK</source>
        <translation>含有无效的 GBK 字节</translation>
    </message>
    <message>
        <source>expected 25 fields, found %1</source>
        <translation>应有 25 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>bad completion time "%1"</source>
        <translation>完成时间无效：“%1”</translation>
    </message>
    <message>
        <source>bad service fee "%1"</source>
        <translation>服务费无效：“%1”</translation>
    </message>
    <message>
        <source>unknown business type "%1"</source>
        <translation>未知业务类型“%1”</translation>
    </message>
    <message>
        <source>the bill is truncated: the end of the detail list is missing</source>
        <translation>账单不完整：缺少明细列表的结束行</translation>
    </message>
    <message>
        <source>data after the end of the detail list</source>
        <translation>明细列表结束后还有数据</translation>
    </message>
    <message>
        <source>the bill is truncated: the totals lines are missing</source>
        <translation>账单不完整：缺少合计行</translation>
    </message>
    <message>
        <source>the totals say %1 rows but the bill has %2</source>
        <translation>合计行标明 %1 笔，但账单实际有 %2 笔</translation>
    </message>
    <message>
        <source>unknown statement layout (not canonical CSV, WeChat Pay ALL or Alipay business detail)</source>
        <translation>无法识别的对账单格式（不是标准 CSV、微信支付全部交易账单或支付宝业务明细）</translation>
    </message>
    <message>
        <source>Unknown statement format</source>
        <translation>未知的对账单格式</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>durationMs must be positive and drainMs not negative</source>
        <translation>durationMs 必须大于零，drainMs 不能为负数</translation>
    </message>
    <message>
        <source>arrivals are missing</source>
        <translation>缺少 arrivals（到达率）</translation>
    </message>
    <message>
        <source>an arrival rate is negative</source>
        <translation>有到达率为负数</translation>
    </message>
    <message>
        <source>basket: need 100 &lt;= minMinor &lt;= maxMinor</source>
        <translation>basket：须满足 100 &lt;= minMinor &lt;= maxMinor</translation>
    </message>
    <message>
        <source>a method needs legs and a weight &gt;= 0</source>
        <translation>每种支付方式都需要 legs，且权重 &gt;= 0</translation>
    </message>
    <message>
        <source>unknown channel %1</source>
        <translation>未知渠道 %1</translation>
    </message>
    <message>
        <source>faults: unknown channel %1</source>
        <translation>faults：未知渠道 %1</translation>
    </message>
    <message>
        <source>behaviours: probabilities in [0, 1] adding up to at most 1</source>
        <translation>behaviours：各概率须在 [0, 1] 之间，且总和不超过 1</translation>
    </message>
    <message>
        <source>crashes.perHour is negative</source>
        <translation>crashes.perHour 为负数</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1：不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <source>faults: unknown profile key %1</source>
        <translation>faults：未知的故障配置项 %1</translation>
    </message>
    <message>
        <source>order %1 was opened for %2</source>
        <translation>订单 %1 已创建，金额 %2</translation>
    </message>
    <message>
        <source>order %1 is paid</source>
        <translation>订单 %1 已支付</translation>
    </message>
    <message>
        <source>a payment for order %1 failed; the order waits for another one</source>
        <translation>订单 %1 的一次支付失败；订单等待再次支付</translation>
    </message>
    <message>
        <source>order %1 closed: nobody paid in time</source>
        <translation>订单 %1 已关闭：超时未支付</translation>
    </message>
    <message>
        <source>order %1 was closed</source>
        <translation>订单 %1 已关闭</translation>
    </message>
    <message>
        <source>order %1 was paid twice (a duplicate payment)</source>
        <translation>订单 %1 被支付了两次（重复支付）</translation>
    </message>
    <message>
        <source>a refund of %1 for order %2 was started (%3)</source>
        <translation>已为订单 %2 发起 %1 的退款（%3）</translation>
    </message>
    <message>
        <source>the refund of %1 for order %2 succeeded</source>
        <translation>订单 %2 的 %1 退款成功</translation>
    </message>
    <message>
        <source>the refund for order %1 failed</source>
        <translation>订单 %1 的退款失败</translation>
    </message>
    <message>
        <source>the channel's callback confirmed a payment for order %1</source>
        <translation>渠道回调确认了订单 %1 的一笔支付</translation>
    </message>
    <message>
        <source>a status query found order %1 paid</source>
        <translation>状态查询发现订单 %1 已支付</translation>
    </message>
    <message>
        <source>the statement showed order %1 paid</source>
        <translation>对账单显示订单 %1 已支付</translation>
    </message>
    <message>
        <source>the channel did not answer for order %1; compensation will ask again</source>
        <translation>渠道未就订单 %1 应答；补偿任务将再次查询</translation>
    </message>
    <message>
        <source>compensation gave up asking about order %1; it waits for the statement</source>
        <translation>补偿任务已停止查询订单 %1；等待对账单核对</translation>
    </message>
    <message>
        <source>order %1 could not be routed to a working channel</source>
        <translation>订单 %1 无法路由到可用的渠道</translation>
    </message>
    <message>
        <source>the payment for order %1 arrived after the order closed</source>
        <translation>订单 %1 关单后才收到支付</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Scenario %1, seed %2: %3
</source>
        <translation>场景 %1，随机种子 %2：%3
</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>VIOLATIONS</source>
        <translation>存在违规</translation>
    </message>
    <message>
        <source>Orders: %1 accepted (%2 attempts, %3 refused at accept)
</source>
        <translation>订单：受理 %1 笔（尝试 %2 次，受理时拒绝 %3 次）
</translation>
    </message>
    <message>
        <source>Orders by final state: %1
</source>
        <translation>按最终状态统计订单：%1
</translation>
    </message>
    <message>
        <source>Money (minor units): charged %1, refunded %2, kept %3
</source>
        <translation>金额（最小货币单位）：扣款 %1，退款 %2，留存 %3
</translation>
    </message>
    <message>
        <source>Refunds by reason: %1
</source>
        <translation>按原因统计退款：%1
</translation>
    </message>
    <message>
        <source>Breaks by category: %1 (auto-resolved %2)
</source>
        <translation>按类别统计对账差异：%1（自动解决 %2）
</translation>
    </message>
    <message>
        <source>Invariants: %1 checked over %2 steps (%3 full checks), %4 violated
</source>
        <translation>不变量：在 %2 个步骤中检查了 %1 项（完整检查 %3 次），违反 %4 项
</translation>
    </message>
    <message>
        <source>Crashes: %1, frozen trades: %2
</source>
        <translation>崩溃：%1 次，冻结交易：%2 笔
</translation>
    </message>
    <message>
        <source>Counters: %1
</source>
        <translation>计数器：%1
</translation>
    </message>
    <message>
        <source>Event log: %1 events, SHA-256 %2
</source>
        <translation>事件日志：%1 条事件，SHA-256 %2
</translation>
    </message>
    <message>
        <source>Virtual time %1 s in %2 s of machine time
</source>
        <translation>虚拟时间 %1 秒，耗用机器时间 %2 秒
</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>无法创建临时目录</translation>
    </message>
    <message>
        <source>at the customer's request</source>
        <translation>应顾客要求</translation>
    </message>
    <message>
        <source>paid after the order closed</source>
        <translation>关单后才支付</translation>
    </message>
    <message>
        <source>a duplicate payment</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>another part of the payment failed</source>
        <translation>组合支付的其他部分失败</translation>
    </message>
    <message>
        <source>an operator's decision</source>
        <translation>操作员决定</translation>
    </message>
    <message>
        <source>paid after the payment had failed</source>
        <translation>支付失败后又付款成功</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Wrong user or PIN.</source>
        <translation>用户名或 PIN 码错误。</translation>
    </message>
    <message>
        <source>%1 may not approve refunds.</source>
        <translation>%1 无权审批退款。</translation>
    </message>
</context>
<context>
    <name>StatementWriter</name>
    <message>
        <source>No GBK encoder available</source>
        <translation>没有可用的 GBK 编码器</translation>
    </message>
    <message>
        <source>Text is not representable in GBK</source>
        <translation>文本无法用 GBK 编码表示</translation>
    </message>
    <message>
        <source>Unknown statement format "%1" (canonical, wechat or alipay)</source>
        <translation>未知的对账单格式“%1”（可选 canonical、wechat 或 alipay）</translation>
    </message>
    <message>
        <source>Unknown statement format</source>
        <translation>未知的对账单格式</translation>
    </message>
    <message>
        <source>Line %1: not a canonical statement header</source>
        <translation>第 %1 行：不是标准对账单的表头</translation>
    </message>
    <message>
        <source>Line %1: expected 10 fields</source>
        <translation>第 %1 行：应有 10 个字段</translation>
    </message>
    <message>
        <source>Line %1: unknown type %2</source>
        <translation>第 %1 行：未知类型 %2</translation>
    </message>
    <message>
        <source>Line %1: bad amount, fee or time</source>
        <translation>第 %1 行：金额、手续费或时间有误</translation>
    </message>
    <message>
        <source>No canonical statement header</source>
        <translation>缺少标准对账单表头</translation>
    </message>
    <message>
        <source>The statement is truncated: the end line is missing or does not match</source>
        <translation>对账单不完整：缺少结尾行或结尾行不匹配</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>%1 is terminal and cannot take %2</source>
        <translation>%1 是终态，不能再接受 %2</translation>
    </message>
    <message>
        <source>%1 cannot take %2</source>
        <translation>%1 不能接受 %2</translation>
    </message>
</context>
<context>
    <name>StatusEndpoint</name>
    <message>
        <source>The status endpoint needs a bearer token</source>
        <translation>状态接口需要 Bearer 令牌</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2</source>
        <translation>无法在 %1 的端口 %2 上监听</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use GET</source>
        <translation>此处不允许 %1；请使用 GET</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use POST</source>
        <translation>此处不允许 %1；请使用 POST</translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation>没有该资源：%1</translation>
    </message>
    <message>
        <source>A valid bearer token is required</source>
        <translation>需要有效的 Bearer 令牌</translation>
    </message>
    <message>
        <source>wait_ms must be a whole number of milliseconds</source>
        <translation>wait_ms 必须是整数毫秒数</translation>
    </message>
    <message>
        <source>No order %1 is known</source>
        <translation>未知订单 %1</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes</source>
        <translation>请求体超过 %1 字节</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Invalid bulk seed options</source>
        <translation>批量生成参数无效</translation>
    </message>
    <message>
        <source>Read trade orders</source>
        <translation>读取交易订单</translation>
    </message>
    <message>
        <source>Insert trade order</source>
        <translation>写入交易订单</translation>
    </message>
    <message>
        <source>Corrupt row in %1: %2</source>
        <translation>%1 中有损坏的记录：%2</translation>
    </message>
    <message>
        <source>Search trade orders</source>
        <translation>搜索交易订单</translation>
    </message>
    <message>
        <source>Count trade orders</source>
        <translation>统计交易订单</translation>
    </message>
    <message>
        <source>Cannot migrate from schema version %1</source>
        <translation>无法从数据库结构版本 %1 升级</translation>
    </message>
    <message>
        <source>No open transaction to commit</source>
        <translation>没有可提交的事务</translation>
    </message>
    <message>
        <source>%1: the database is locked by another program (%2)</source>
        <translation>%1：数据库被其他程序锁定（%2）</translation>
    </message>
    <message>
        <source>%1: the database is read-only (%2)</source>
        <translation>%1：数据库为只读（%2）</translation>
    </message>
    <message>
        <source>%1: the file is not a database or is corrupt (%2)</source>
        <translation>%1：该文件不是数据库或已损坏（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (its header does not match); it was left untouched</source>
        <translation>%1 不是 SQLite 数据库（文件头不匹配）；文件未做任何改动</translation>
    </message>
    <message>
        <source>%1 is read-only; PayDesk needs to write to it (open it with a read-only command, or make it writable)</source>
        <translation>%1 为只读；PayDesk 需要写入该文件（请用只读命令打开，或将其设为可写）</translation>
    </message>
    <message>
        <source>Database %1 does not exist</source>
        <translation>数据库 %1 不存在</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Cannot read the schema version of %1</source>
        <translation>无法读取 %1 的数据库结构版本</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this PayDesk understands (%3); it was left untouched. Use a newer PayDesk.</source>
        <translation>%1 的数据库结构版本为 %2，高于本版 PayDesk 支持的版本（%3）；文件未做任何改动。请使用更新的 PayDesk。</translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not a PayDesk database; it was left untouched</source>
        <translation>%1 是 SQLite 数据库，但不是 PayDesk 数据库；文件未做任何改动</translation>
    </message>
    <message>
        <source>%1 has schema version %2 and must be upgraded, which a read-only open cannot do</source>
        <translation>%1 的数据库结构版本为 %2，需要升级，而只读打开无法升级</translation>
    </message>
    <message>
        <source>Cannot switch %1 to WAL</source>
        <translation>无法将 %1 切换到 WAL 模式</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>未找到 %1</translation>
    </message>
    <message>
        <source>Trade order %1 already exists for merchant %2</source>
        <translation>商户 %2 的交易订单 %1 已存在</translation>
    </message>
    <message>
        <source>Trade order #%1</source>
        <translation>交易订单 #%1</translation>
    </message>
    <message>
        <source>Trade order %1</source>
        <translation>交易订单 %1</translation>
    </message>
    <message>
        <source>Update trade order</source>
        <translation>更新交易订单</translation>
    </message>
    <message>
        <source>Update trade amounts</source>
        <translation>更新交易金额</translation>
    </message>
    <message>
        <source>Freeze trade order</source>
        <translation>冻结交易订单</translation>
    </message>
    <message>
        <source>Insert payment order %1</source>
        <translation>写入支付单 %1</translation>
    </message>
    <message>
        <source>Payment order #%1</source>
        <translation>支付单 #%1</translation>
    </message>
    <message>
        <source>Payment order %1</source>
        <translation>支付单 %1</translation>
    </message>
    <message>
        <source>Payment orders of trade #%1</source>
        <translation>交易 #%1 的支付单</translation>
    </message>
    <message>
        <source>Update payment order</source>
        <translation>更新支付单</translation>
    </message>
    <message>
        <source>Insert flow %1</source>
        <translation>写入支付流水 %1</translation>
    </message>
    <message>
        <source>Flow #%1</source>
        <translation>支付流水 #%1</translation>
    </message>
    <message>
        <source>Flow %1</source>
        <translation>支付流水 %1</translation>
    </message>
    <message>
        <source>Flow with %1 transaction %2</source>
        <translation>%1 交易号为 %2 的支付流水</translation>
    </message>
    <message>
        <source>Flows of payment #%1</source>
        <translation>支付单 #%1 的支付流水</translation>
    </message>
    <message>
        <source>Flows of trade #%1</source>
        <translation>交易 #%1 的支付流水</translation>
    </message>
    <message>
        <source>Update flow %1</source>
        <translation>更新支付流水 %1</translation>
    </message>
    <message>
        <source>Update refunded amount of flow %1</source>
        <translation>更新支付流水 %1 的已退款金额</translation>
    </message>
    <message>
        <source>Mark flow %1 for reconciliation</source>
        <translation>将支付流水 %1 标记为待对账</translation>
    </message>
    <message>
        <source>Insert refund %1</source>
        <translation>写入退款 %1</translation>
    </message>
    <message>
        <source>Insert refund flow %1</source>
        <translation>写入退款流水 %1</translation>
    </message>
    <message>
        <source>Refund #%1</source>
        <translation>退款 #%1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <source>Refunds of trade #%1</source>
        <translation>交易 #%1 的退款</translation>
    </message>
    <message>
        <source>Refund flows of refund #%1</source>
        <translation>退款 #%1 的退款流水</translation>
    </message>
    <message>
        <source>Refund flow #%1</source>
        <translation>退款流水 #%1</translation>
    </message>
    <message>
        <source>Refund flow %1</source>
        <translation>退款流水 %1</translation>
    </message>
    <message>
        <source>Update refund %1</source>
        <translation>更新退款 %1</translation>
    </message>
    <message>
        <source>Update refund flow %1</source>
        <translation>更新退款流水 %1</translation>
    </message>
    <message>
        <source>Posting set %1 needs at least two postings</source>
        <translation>分录集 %1 至少需要两条分录</translation>
    </message>
    <message>
        <source>Posting set %1 overflows</source>
        <translation>分录集 %1 金额溢出</translation>
    </message>
    <message>
        <source>Posting set %1 does not balance: %2 %3 left over</source>
        <translation>分录集 %1 不平衡：多出 %2 %3</translation>
    </message>
    <message>
        <source>Post to ledger</source>
        <translation>记账</translation>
    </message>
    <message>
        <source>Ledger of trade #%1</source>
        <translation>交易 #%1 的账务分录</translation>
    </message>
    <message>
        <source>Ledger balance check</source>
        <translation>账务平衡检查</translation>
    </message>
    <message>
        <source>Append event</source>
        <translation>追加事件</translation>
    </message>
    <message>
        <source>Events of trade #%1</source>
        <translation>交易 #%1 的事件</translation>
    </message>
    <message>
        <source>Count events</source>
        <translation>统计事件</translation>
    </message>
    <message>
        <source>An idempotency key is required</source>
        <translation>需要幂等键</translation>
    </message>
    <message>
        <source>Read idempotency key</source>
        <translation>读取幂等键</translation>
    </message>
    <message>
        <source>Idempotency key %1 was already used for a different request</source>
        <translation>幂等键 %1 已用于另一个不同的请求</translation>
    </message>
    <message>
        <source>Expire idempotency key</source>
        <translation>使幂等键过期</translation>
    </message>
    <message>
        <source>Store idempotency key</source>
        <translation>保存幂等键</translation>
    </message>
    <message>
        <source>Store idempotent response</source>
        <translation>保存幂等响应</translation>
    </message>
    <message>
        <source>Purge idempotency keys</source>
        <translation>清理幂等键</translation>
    </message>
    <message>
        <source>Search work queues</source>
        <translation>搜索待处理队列</translation>
    </message>
    <message>
        <source>Read work queue %1</source>
        <translation>读取待处理队列 %1</translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>Read reconciliation runs</source>
        <translation>读取对账批次</translation>
    </message>
    <message>
        <source>Read reconciliation breaks</source>
        <translation>读取对账差异</translation>
    </message>
    <message>
        <source>Read quarantined lines</source>
        <translation>读取已隔离的对账单行</translation>
    </message>
    <message>
        <source>Find order of flow</source>
        <translation>查找支付流水所属订单</translation>
    </message>
    <message>
        <source>A commit group is already open</source>
        <translation>已有一个提交组处于打开状态</translation>
    </message>
    <message>
        <source>Flows next to flow #%1</source>
        <translation>与流水 #%1 同一支付单的各笔流水</translation>
    </message>
    <message>
        <source>Number payment %1</source>
        <translation>为支付单编号 %1</translation>
    </message>
    <message>
        <source>An earlier step of this commit group failed after writing; the group will be rolled back</source>
        <translation>本提交组中前面的一步在写入后失败；整个组将被回滚</translation>
    </message>
    <message>
        <source>A step failed after writing part of its work; the commit group was rolled back</source>
        <translation>一步操作在写入部分内容后失败；提交组已回滚</translation>
    </message>
    <message>
        <source>No SQLite connection to checkpoint for</source>
        <translation>没有可执行检查点的 SQLite 连接</translation>
    </message>
    <message>
        <source>An in-memory database has no WAL to checkpoint</source>
        <translation>内存数据库没有可执行检查点的 WAL</translation>
    </message>
    <message>
        <source>Cannot open a checkpoint connection: %1</source>
        <translation>无法打开检查点连接：%1</translation>
    </message>
    <message>
        <source>Cannot prepare the checkpoint connection: %1</source>
        <translation>无法准备检查点连接：%1</translation>
    </message>
    <message>
        <source>Record the channel transaction of flow %1</source>
        <translation>记录流水 %1 的渠道交易号</translation>
    </message>
    <message>
        <source>Record the paying attempt of trade #%1</source>
        <translation>记录订单 #%1 的支付尝试</translation>
    </message>
    <message>
        <source>Release trade #%1</source>
        <translation>解冻订单 #%1</translation>
    </message>
    <message>
        <source>Lock trade #%1</source>
        <translation>锁定订单 #%1</translation>
    </message>
    <message>
        <source>Refund flows of trade #%1</source>
        <translation>订单 #%1 的退款流水</translation>
    </message>
    <message>
        <source>Resolve refund flow %1</source>
        <translation>处理退款流水 %1</translation>
    </message>
</context>
<context>
    <name>pay::CallbackIngress</name>
    <message>
        <source>Callback for unknown channel %1</source>
        <translation>收到未知渠道 %1 的回调</translation>
    </message>
    <message>
        <source>Callback from %1 lacks a valid timestamp, nonce or signature header</source>
        <translation>来自 %1 的回调缺少有效的时间戳、随机数或签名头</translation>
    </message>
    <message>
        <source>Callback from %1 has a bad signature</source>
        <translation>来自 %1 的回调签名无效</translation>
    </message>
    <message>
        <source>Callback from %1 is %2 s off the clock; the window is %3 s</source>
        <translation>来自 %1 的回调与本机时钟相差 %2 秒；允许范围为 %3 秒</translation>
    </message>
    <message>
        <source>Callback from %1 replays nonce %2</source>
        <translation>来自 %1 的回调重放了随机数 %2</translation>
    </message>
</context>
<context>
    <name>pay::ChannelBooks</name>
    <message>
        <source>Channel books: %1</source>
        <translation>渠道账本：%1</translation>
    </message>
    <message>
        <source>Channel books: no open transaction</source>
        <translation>渠道账本：没有已打开的事务</translation>
    </message>
    <message>
        <source>Channel books: commit failed: %1</source>
        <translation>渠道账本：提交失败：%1</translation>
    </message>
    <message>
        <source>No channel books at %1</source>
        <translation>%1 处没有渠道账本</translation>
    </message>
    <message>
        <source>Cannot open channel books %1: %2</source>
        <translation>无法打开渠道账本 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a channel books file</source>
        <translation>%1 不是渠道账本文件</translation>
    </message>
    <message>
        <source>Channel books %1 have schema %2; this build knows %3</source>
        <translation>渠道账本 %1 的结构版本为 %2；当前版本只支持 %3</translation>
    </message>
    <message>
        <source>Channel books: no order %1 at %2</source>
        <translation>渠道账本：%2 没有订单 %1</translation>
    </message>
    <message>
        <source>No wallet member %1</source>
        <translation>没有钱包会员 %1</translation>
    </message>
    <message>
        <source>No voucher %1</source>
        <translation>没有券 %1</translation>
    </message>
    <message>
        <source>Channel books: a commit group is already open</source>
        <translation>渠道账本：已有一个提交组处于打开状态</translation>
    </message>
</context>
<context>
    <name>pay::ChannelGateway</name>
    <message>
        <source>No channel given</source>
        <translation>未指定渠道</translation>
    </message>
    <message>
        <source>Channel %1 is already registered</source>
        <translation>渠道 %1 已注册</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is open</source>
        <translation>%1 的熔断器已打开</translation>
    </message>
    <message>
        <source>No channel %1</source>
        <translation>没有渠道 %1</translation>
    </message>
    <message>
        <source>Channel %1 is switched off</source>
        <translation>渠道 %1 已关闭</translation>
    </message>
    <message>
        <source>Channel %1 is busy: %2 calls in flight, %3 waiting</source>
        <translation>渠道 %1 繁忙：%2 个调用进行中，%3 个在等待</translation>
    </message>
    <message>
        <source>Channel %1 had no free slot in time</source>
        <translation>渠道 %1 未能及时腾出空闲名额</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 ms</source>
        <translation>%1 在 %2 毫秒内没有应答</translation>
    </message>
</context>
<context>
    <name>pay::CouponChannel</name>
    <message>
        <source>No voucher %1</source>
        <translation>没有券 %1</translation>
    </message>
    <message>
        <source>Voucher %1 was already used</source>
        <translation>券 %1 已被使用</translation>
    </message>
    <message>
        <source>Voucher %1 is not valid yet</source>
        <translation>券 %1 尚未生效</translation>
    </message>
    <message>
        <source>Voucher %1 has expired</source>
        <translation>券 %1 已过期</translation>
    </message>
    <message>
        <source>Voucher %1 is in %2</source>
        <translation>券 %1 的币种为 %2</translation>
    </message>
    <message>
        <source>Voucher %1 covers at most %2 minor units</source>
        <translation>券 %1 最多可抵 %2 个最小货币单位</translation>
    </message>
    <message>
        <source>A voucher payment can only be refunded whole</source>
        <translation>用券支付只能全额退款</translation>
    </message>
</context>
<context>
    <name>pay::FaultProfile</name>
    <message>
        <source>must be a number from 0 to 1</source>
        <translation>必须是 0 到 1 之间的数</translation>
    </message>
    <message>
        <source>must be a whole number of at least %1</source>
        <translation>必须是不小于 %1 的整数</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>must be a list of codes</source>
        <translation>必须是代码列表</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>Fault profile: %1 %2</source>
        <translation>故障配置：%1 %2</translation>
    </message>
    <message>
        <source>must not be less than minMs</source>
        <translation>不能小于 minMs</translation>
    </message>
    <message>
        <source>Fault profile: latency shape "%1" is not fixed, uniform or lognormal</source>
        <translation>故障配置：延迟分布“%1”不是 fixed、uniform 或 lognormal</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>plus failedRate must not exceed 1</source>
        <translation>与 failedRate 之和不能超过 1</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be fail or hang</source>
        <translation>必须是 fail 或 hang</translation>
    </message>
    <message>
        <source>must be after startMs</source>
        <translation>必须晚于 startMs</translation>
    </message>
    <message>
        <source>must not be less than delayMinMs</source>
        <translation>不能小于 delayMinMs</translation>
    </message>
</context>
<context>
    <name>pay::QrChannel</name>
    <message>
        <source>%1 takes payments by QR code: use prepay</source>
        <translation>%1 通过二维码收款：请使用预支付</translation>
    </message>
    <message>
        <source>A payment needs a flow no. and a positive amount</source>
        <translation>支付需要流水号和大于零的金额</translation>
    </message>
    <message>
        <source>The channel failed to process it</source>
        <translation>渠道处理失败</translation>
    </message>
    <message>
        <source>The order is closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <source>Flow %1 was used with a different amount</source>
        <translation>流水 %1 已以不同金额使用过</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>The payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>等待顾客付款</translation>
    </message>
    <message>
        <source>%1 has no order %2</source>
        <translation>%1 没有订单 %2</translation>
    </message>
    <message>
        <source>Order %1 is %2, not waiting for payment</source>
        <translation>订单 %1 状态为 %2，不在等待支付</translation>
    </message>
    <message>
        <source>The QR code for %1 has expired</source>
        <translation>%1 的二维码已过期</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>Malformed notification: %1</source>
        <translation>通知格式有误：%1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>refund ids or status</source>
        <translation>退款单号或状态</translation>
    </message>
    <message>
        <source>refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>notify_type %1</source>
        <translation>notify_type %1</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>a successful payment without a transaction id</source>
        <translation>支付成功但缺少交易号</translation>
    </message>
    <message>
        <source>payment time</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
</context>
<context>
    <name>pay::SimulatedChannel</name>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 没有应答</translation>
    </message>
    <message>
        <source>No answer from %1 in time</source>
        <translation>%1 未能及时应答</translation>
    </message>
    <message>
        <source>%1 answered with an undocumented code</source>
        <translation>%1 返回了未记录在文档中的代码</translation>
    </message>
    <message>
        <source>%1 does not create pre-pay orders</source>
        <translation>%1 不支持创建预支付订单</translation>
    </message>
    <message>
        <source>A payment needs a flow no. and a positive amount</source>
        <translation>支付需要流水号和大于零的金额</translation>
    </message>
    <message>
        <source>The order is closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <source>Flow %1 was used with a different amount</source>
        <translation>流水 %1 已以不同金额使用过</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>The payment failed: %1</source>
        <translation>支付失败：%1</translation>
    </message>
    <message>
        <source>Flow %1 waits for the customer</source>
        <translation>流水 %1 正在等待顾客付款</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>The channel failed to process it</source>
        <translation>渠道处理失败</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>No such order (yet)</source>
        <translation>（暂时）没有该订单</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>等待顾客付款</translation>
    </message>
    <message>
        <source>The customer has already paid</source>
        <translation>顾客已付款</translation>
    </message>
    <message>
        <source>A refund needs a refund no. and a positive amount</source>
        <translation>退款需要退款单号和大于零的金额</translation>
    </message>
    <message>
        <source>Refund %1 was used for another refund</source>
        <translation>退款单号 %1 已用于另一笔退款</translation>
    </message>
    <message>
        <source>Already refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>No such payment</source>
        <translation>没有该笔支付</translation>
    </message>
    <message>
        <source>The payment is %1</source>
        <translation>该笔支付状态为 %1</translation>
    </message>
    <message>
        <source>Currency differs from the payment</source>
        <translation>币种与原支付不一致</translation>
    </message>
    <message>
        <source>Only %1 left to refund</source>
        <translation>只剩 %1 可退</translation>
    </message>
    <message>
        <source>Refund declined: %1</source>
        <translation>退款被拒绝：%1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <source>No such refund</source>
        <translation>没有该笔退款</translation>
    </message>
    <message>
        <source>Statement day is not a valid date</source>
        <translation>对账日期不是有效日期</translation>
    </message>
</context>
<context>
    <name>pay::WalletChannel</name>
    <message>
        <source>No member %1</source>
        <translation>没有会员 %1</translation>
    </message>
    <message>
        <source>Member %1 holds %2</source>
        <translation>会员 %1 的余额币种为 %2</translation>
    </message>
    <message>
        <source>Member %1 has not enough balance</source>
        <translation>会员 %1 余额不足</translation>
    </message>
    <message>
        <source>The balance would overflow</source>
        <translation>余额将会溢出</translation>
    </message>
</context>
<context>
    <name>pay::ui::BasketModel</name>
    <message>
        <source>Barcode %1</source>
        <translation>条码 %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>pay::ui::CheckoutPage</name>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>The payment service did not start: %1</source>
        <translation>支付服务未能启动：%1</translation>
    </message>
    <message>
        <source>The payment status service is switched off; payments cannot be followed.</source>
        <translation>支付状态服务已关闭，无法跟踪支付结果。</translation>
    </message>
    <message>
        <source>The basket is being paid; start a new sale to change it.</source>
        <translation>本单正在支付中；如需修改，请开始新交易。</translation>
    </message>
    <message>
        <source>No item "%1" in the catalogue.</source>
        <translation>商品目录中没有“%1”。</translation>
    </message>
    <message>
        <source>The payment service is not running.</source>
        <translation>支付服务未运行。</translation>
    </message>
    <message numerus="yes">
        <source>PayDesk basket, %n item(s)</source>
        <translation>
            <numerusform>PayDesk 购物篮，共 %n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the payment…</source>
        <translation>正在提交支付…</translation>
    </message>
    <message>
        <source>The payment was refused: %1</source>
        <translation>支付被拒绝：%1</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>支付中…</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Waiting for the payment service (%1); trying again in %2 s.</source>
        <translation>正在等待支付服务（%1）；%2 秒后重试。</translation>
    </message>
    <message>
        <source>Confirming with the channel… The result will show here by itself.</source>
        <translation>正在向渠道确认支付结果…结果会自动显示在这里。</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan the QR code…</source>
        <translation>等待顾客扫码…</translation>
    </message>
    <message>
        <source>Paying by %1…</source>
        <translation>正在通过 %1 支付…</translation>
    </message>
    <message>
        <source>Paid %1. Thank you!</source>
        <translation>已收款 %1。谢谢惠顾！</translation>
    </message>
    <message>
        <source>the payment was stopped</source>
        <translation>支付已中止</translation>
    </message>
    <message>
        <source>The payment failed: %1.</source>
        <translation>支付失败：%1。</translation>
    </message>
    <message>
        <source>%1 failed: %2.</source>
        <translation>%1 支付失败：%2。</translation>
    </message>
    <message>
        <source>%1 Anything already taken is given back automatically. Choose another way to pay and press Pay (F12).</source>
        <translation>%1已扣的款项会自动退回。请选择其他支付方式，再按“支付”(F12)。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed, operations will follow up</source>
        <translation>失败，运营人员将跟进处理</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Given back %1: %2</source>
        <translation>退回 %1：%2</translation>
    </message>
    <message>
        <source>The customer could not pay: %1</source>
        <translation>顾客未能完成支付：%1</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>At most %1 can be refunded.</source>
        <translation>最多可退 %1。</translation>
    </message>
    <message>
        <source>A refund of %1 is above the cashier's limit of %2. A manager must approve it.</source>
        <translation>退款金额 %1 超出收银员限额 %2，需经理审批。</translation>
    </message>
    <message>
        <source>The refund was not approved.</source>
        <translation>退款未获审批。</translation>
    </message>
    <message>
        <source>Refund at the till</source>
        <translation>收银台退款</translation>
    </message>
    <message>
        <source>Sending the refund…</source>
        <translation>正在提交退款…</translation>
    </message>
    <message>
        <source>The refund was refused: %1</source>
        <translation>退款被拒绝：%1</translation>
    </message>
    <message>
        <source>Refund %1 accepted.</source>
        <translation>退款 %1 已受理。</translation>
    </message>
    <message>
        <source>There is no receipt yet.</source>
        <translation>暂无小票。</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>小票 %1</translation>
    </message>
    <message>
        <source>Save Receipt as PDF</source>
        <translation>将小票保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved to %1.</source>
        <translation>小票已保存到 %1。</translation>
    </message>
    <message>
        <source>&amp;Item code or barcode</source>
        <translation>商品编码或条码(&amp;I)</translation>
    </message>
    <message>
        <source>e.g. A01 or 6901234560015</source>
        <translation>例如 A01 或 6901234560015</translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove line [Del]</source>
        <translation>删除行 [Del]</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>打印小票…</translation>
    </message>
    <message>
        <source>Save receipt as PDF…</source>
        <translation>小票存为 PDF…</translation>
    </message>
    <message>
        <source>New sale [F9]</source>
        <translation>新交易 [F9]</translation>
    </message>
    <message>
        <source>Refund (cashier limit %1)</source>
        <translation>退款（收银员限额 %1）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Item entry</source>
        <translation>录入商品</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>QR A</source>
        <translation>扫码 A</translation>
    </message>
    <message>
        <source>QR B</source>
        <translation>扫码 B</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>新交易</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Cashier: %1</source>
        <translation>收银员：%1</translation>
    </message>
    <message>
        <source>Choose another way to pay and press Pay (F12). The QR code is closed at its channel.</source>
        <translation>请选择其他支付方式并按支付（F12）。原二维码将在其渠道关单。</translation>
    </message>
    <message>
        <source>Paid %1. Paid twice: the second payment is being refunded automatically.</source>
        <translation>已支付 %1。重复支付：第二笔付款正在自动退款。</translation>
    </message>
    <message>
        <source>Already paid %1 with the earlier code; nothing more to take.</source>
        <translation>已用之前的二维码支付 %1；无需再收款。</translation>
    </message>
    <message>
        <source>Pay another way…</source>
        <translation>换一种方式支付…</translation>
    </message>
</context>
<context>
    <name>pay::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Could not read the dashboard: %1</source>
        <translation>无法读取仪表盘数据：%1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Succeeded payments by channel</source>
        <translation>各渠道成功支付</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>支付笔数</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Success rate per channel (%)</source>
        <translation>各渠道支付成功率（%）</translation>
    </message>
    <message>
        <source>Settle time of succeeded payments</source>
        <translation>成功支付的完成耗时</translation>
    </message>
    <message>
        <source>over 5 min</source>
        <translation>5 分钟以上</translation>
    </message>
    <message>
        <source>30 s – 5 min</source>
        <translation>30 秒 – 5 分钟</translation>
    </message>
    <message>
        <source>5 – 30 s</source>
        <translation>5 – 30 秒</translation>
    </message>
    <message>
        <source>1 – 5 s</source>
        <translation>1 – 5 秒</translation>
    </message>
    <message>
        <source>under 1 s</source>
        <translation>1 秒以内</translation>
    </message>
    <message>
        <source>Stuck payments by hour started</source>
        <translation>滞留支付（按发起时段）</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>支付流水</translation>
    </message>
    <message>
        <source>Open reconciliation breaks by category</source>
        <translation>未解决的对账差异（按类别）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Open reconciliation breaks by category: none</source>
        <translation>未解决的对账差异（按类别）：无</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>pay::ui::MainWindow</name>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>PayDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>PayDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>About PayDesk</source>
        <translation>关于 PayDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PayDesk %1&lt;/h3&gt;&lt;p&gt;A cashier and operations console with an embedded payment core. Everything runs on this computer against one SQLite file.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PayDesk %1&lt;/h3&gt;&lt;p&gt;内置支付核心的收银与运营控制台。所有功能都在本机运行，数据保存在一个 SQLite 文件中。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>订单数：%1</translation>
    </message>
    <message>
        <source>%1 — PayDesk</source>
        <translation>%1 — PayDesk</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reload Orders</source>
        <translation>刷新订单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PayDesk</source>
        <translation>关于 PayDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>pay::ui::ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>经理审批</translation>
    </message>
    <message>
        <source>e.g. manager1</source>
        <translation>例如 manager1</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>%1 Attempts left: %2.</source>
        <translation>%1还可尝试 %2 次。</translation>
    </message>
</context>
<context>
    <name>pay::ui::OperationsPage</name>
    <message>
        <source>Stuck payments</source>
        <translation>滞留支付</translation>
    </message>
    <message>
        <source>Closed but paid</source>
        <translation>关单后支付成功</translation>
    </message>
    <message>
        <source>Duplicate payments</source>
        <translation>重复支付</translation>
    </message>
    <message>
        <source>Failed refunds</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <source>Frozen orders</source>
        <translation>冻结订单</translation>
    </message>
    <message>
        <source>Reconciliation breaks</source>
        <translation>对账差异</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Select a row to see its order's timeline.</source>
        <translation>选择一行即可查看该订单的时间线。</translation>
    </message>
    <message>
        <source>Order %1: the payment core is not running, so its timeline cannot be read.</source>
        <translation>订单 %1：支付核心未运行，无法读取其时间线。</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：已完成。</translation>
    </message>
    <message>
        <source>%1: done (%2).</source>
        <translation>%1：已完成（%2）。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Query channel now</source>
        <translation>立即向渠道查询</translation>
    </message>
    <message>
        <source>Ask the channel now for the result of order %1.</source>
        <translation>立即向渠道查询订单 %1 的支付结果。</translation>
    </message>
    <message>
        <source>Close at channel</source>
        <translation>渠道关单</translation>
    </message>
    <message>
        <source>Close order %1 and its open payments at the channel.</source>
        <translation>在渠道侧关闭订单 %1 及其未完成的支付。</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refund order %1: up to %2 (the full amount is filled in; type less for a partial refund).</source>
        <translation>为订单 %1 退款：最多 %2（已填入全额；部分退款请改填较小金额）。</translation>
    </message>
    <message>
        <source>Retry failed refund</source>
        <translation>重试失败的退款</translation>
    </message>
    <message>
        <source>Send refund %1 to the channel again.</source>
        <translation>将退款 %1 重新提交给渠道。</translation>
    </message>
    <message>
        <source>Resolve break</source>
        <translation>解决对账差异</translation>
    </message>
    <message>
        <source>Mark reconciliation break %1 as resolved.</source>
        <translation>将对账差异 %1 标记为已解决。</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>导出队列</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出“%1”…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <source>Search by order, flow, channel transaction or refund no. (Enter)</source>
        <translation>按订单号、支付流水号、渠道交易号或退款单号搜索（回车）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Not an amount: this bound is left out</source>
        <translation>不是有效金额：此条件不生效</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Ol&amp;der than:</source>
        <translation>已持续超过(&amp;D)：</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>金额(&amp;M)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>from</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Click Since, Age, Amount, Channel or State to sort; click again to reverse</source>
        <translation>点击“开始时间”“已持续”“金额”“渠道”或“状态”排序；再次点击则反向排序</translation>
    </message>
    <message>
        <source>Include &amp;settled</source>
        <translation>显示已了结(&amp;S)</translation>
    </message>
    <message>
        <source>Closed-but-paid and duplicate payments: also list the cases whose refund has gone through</source>
        <translation>关单后支付成功与重复支付：同时列出退款已完成的案例</translation>
    </message>
    <message>
        <source>Abandon failed refund</source>
        <translation>放弃失败的退款</translation>
    </message>
    <message>
        <source>Give up refund %1: what it still holds is no longer reserved, and it cannot be retried. Only when the customer was paid back another way.</source>
        <translation>放弃退款 %1：其占用的金额不再保留，且不能再重试。仅在已用其他方式退还顾客时使用。</translation>
    </message>
    <message>
        <source>Release frozen order</source>
        <translation>解冻订单</translation>
    </message>
    <message>
        <source>Release order %1: payment, close and automatic refunds resume and take what they stopped for (%2).</source>
        <translation>解冻订单 %1：支付、关单和自动退款恢复，并补做暂停的处理（%2）。</translation>
    </message>
    <message>
        <source>Abandon refund…</source>
        <translation>放弃退款…</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>解冻…</translation>
    </message>
    <message>
        <source>Give up a failed refund (the customer was paid back another way)</source>
        <translation>放弃失败的退款（已用其他方式退还顾客）</translation>
    </message>
    <message>
        <source>Release a frozen order: automation resumes</source>
        <translation>解冻订单：自动处理恢复</translation>
    </message>
</context>
<context>
    <name>pay::ui::OpsActionDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>操作原因（将记入审计日志）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>e.g. 12.50</source>
        <translation>例如 12.50</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>e.g. adjusted in the ledger, channel confirmed</source>
        <translation>例如：已在账务中调整，渠道已确认</translation>
    </message>
    <message>
        <source>A second person must approve: a manager other than you.</source>
        <translation>需要第二人审批：须由您以外的一位经理批准。</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>e.g. manager1</source>
        <translation>例如 manager1</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
</context>
<context>
    <name>pay::ui::OpsQueueModel</name>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Held for the next statement</source>
        <translation>暂挂，待下一期对账单</translation>
    </message>
    <message>
        <source>%1: unknown, left to reconciliation</source>
        <translation>%1：结果未知，留待对账</translation>
    </message>
    <message>
        <source>%1: no result yet</source>
        <translation>%1：尚无结果</translation>
    </message>
    <message>
        <source>Refund of a payment made after the order closed</source>
        <translation>退还关单后支付成功的款项</translation>
    </message>
    <message>
        <source>Refund of a duplicate payment</source>
        <translation>退还重复支付的款项</translation>
    </message>
    <message>
        <source>Refund failed (%1)</source>
        <translation>退款失败（%1）</translation>
    </message>
    <message>
        <source>Break %1: %2</source>
        <translation>差异 %1：%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>(no local order)</source>
        <translation>（无本地订单）</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已持续</translation>
    </message>
    <message>
        <source>Flow / refund no.</source>
        <translation>流水号 / 退款单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Channel txn no.</source>
        <translation>渠道交易号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
</context>
<context>
    <name>pay::ui::OrdersModel</name>
    <message>
        <source>Frozen for review: %1</source>
        <translation>已冻结待审核：%1</translation>
    </message>
    <message>
        <source>%1 (frozen)</source>
        <translation>%1（已冻结）</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退金额</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>pay::ui::OrdersPage</name>
    <message>
        <source>No database is open. Choose File → Open Database… to open one.</source>
        <translation>尚未打开数据库。请选择“文件 → 打开数据库…”打开一个。</translation>
    </message>
    <message>
        <source>The orders could not be read: %1</source>
        <translation>无法读取订单：%1</translation>
    </message>
    <message>
        <source>More than %1 orders</source>
        <translation>超过 %1 笔订单</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>共 %1 笔订单</translation>
    </message>
    <message>
        <source>%1 of %2 orders</source>
        <translation>%1 笔（共 %2 笔订单）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search by order number (start of the number)</source>
        <translation>按订单号搜索（输入订单号开头）</translation>
    </message>
    <message>
        <source>E&amp;xact number</source>
        <translation>精确匹配(&amp;X)</translation>
    </message>
    <message>
        <source>Match the whole order number instead of its beginning</source>
        <translation>匹配完整订单号，而不是订单号开头</translation>
    </message>
    <message>
        <source>Read the newest orders again (F5)</source>
        <translation>重新读取最新订单 (F5)</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>渠道(&amp;C)：</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Only orders with a payment on this channel</source>
        <translation>只显示在此渠道有支付的订单</translation>
    </message>
</context>
<context>
    <name>pay::ui::PlaceholderPage</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>pay::ui::QrPaymentPanel</name>
    <message>
        <source>The code has expired</source>
        <translation>二维码已过期</translation>
    </message>
    <message>
        <source>Expires in %1:%2</source>
        <translation>%1:%2 后过期</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Ask the customer to scan with %1: %2</source>
        <translation>请顾客扫码支付（%1）：%2</translation>
    </message>
    <message>
        <source>Simulate customer scan
(training)</source>
        <translation>模拟顾客扫码
（培训模式）</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconBreaksModel</name>
    <message>
        <source>Flow no.</source>
        <translation>支付流水号</translation>
    </message>
    <message>
        <source>Channel txn no.</source>
        <translation>渠道交易号</translation>
    </message>
    <message>
        <source>Local amount</source>
        <translation>本地金额</translation>
    </message>
    <message>
        <source>Statement amount</source>
        <translation>对账单金额</translation>
    </message>
    <message>
        <source>Local status</source>
        <translation>本地状态</translation>
    </message>
    <message>
        <source>Statement status</source>
        <translation>对账单状态</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconCategoriesModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconRunsModel</name>
    <message>
        <source>Run</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>对账日</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Auto-resolved</source>
        <translation>自动解决</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconciliationPage</name>
    <message>
        <source>Import statement</source>
        <translation>导入对账单</translation>
    </message>
    <message>
        <source>Statements (*.csv *.txt);;All files (*)</source>
        <translation>对账单 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The payment core is not running, so no statement can be imported.</source>
        <translation>支付核心未运行，无法导入对账单。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Statement rejected, nothing recorded: %1</source>
        <translation>对账单被拒收，未记录任何内容：%1</translation>
    </message>
    <message>
        <source>Run %1: %2 %3 (%4), %5 lines read, %6 quarantined, %7 resolved automatically.</source>
        <translation>对账批次 %1：%2 %3（%4），读取 %5 行，隔离 %6 行，自动解决 %7 条。</translation>
    </message>
    <message>
        <source>Run %1 cannot be read.</source>
        <translation>无法读取对账批次 %1。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Channel transaction %1 has no local flow, so there is no order to show.</source>
        <translation>渠道交易 %1 没有对应的本地支付流水，因此无订单可显示。</translation>
    </message>
    <message>
        <source>Flow %1 belongs to no local order.</source>
        <translation>支付流水 %1 不属于任何本地订单。</translation>
    </message>
    <message>
        <source>Order %1: the payment core is not running, so its timeline cannot be read.</source>
        <translation>订单 %1：支付核心未运行，无法读取其时间线。</translation>
    </message>
    <message>
        <source>Order %1: loading…</source>
        <translation>订单 %1：正在加载…</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Canonical CSV</source>
        <translation>标准 CSV</translation>
    </message>
    <message>
        <source>WeChat Pay trade bill</source>
        <translation>微信支付交易账单</translation>
    </message>
    <message>
        <source>Alipay business detail</source>
        <translation>支付宝业务明细</translation>
    </message>
    <message>
        <source>Import statement…</source>
        <translation>导入对账单…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;对账批次 %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;No statement imported yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚未导入对账单&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Resolved automatically: %1</source>
        <translation>自动解决：%1</translation>
    </message>
    <message>
        <source>Quarantined lines: %1</source>
        <translation>已隔离的行：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Past runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;历史对账批次&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Breaks&lt;/b&gt;: click a category to list its rows</source>
        <translation>&lt;b&gt;对账差异&lt;/b&gt;：点击类别可列出其明细</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n row(s); double-click one to see its order's timeline</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 条；双击一条即可查看其订单的时间线</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click a break row to see its order's timeline.</source>
        <translation>双击差异行即可查看其订单的时间线。</translation>
    </message>
</context>
<context>
    <name>pay::ui::SimulatorPage</name>
    <message>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>%1 accepted; %2</source>
        <translation>受理 %1 笔；%2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>charged %1, refunded %2, kept %3</source>
        <translation>扣款 %1，退款 %2，留存 %3</translation>
    </message>
    <message>
        <source>%1 checked over %2 steps, %3 violated</source>
        <translation>在 %2 个步骤中检查了 %1 项，违反 %3 项</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Ready: pick a scenario, a seed and a speed, then Run or Step.</source>
        <translation>就绪：请选择场景、随机种子和速度，然后点击“运行”或“单步”。</translation>
    </message>
    <message>
        <source>Finished at virtual time %1 (%2 s of machine time).</source>
        <translation>已在虚拟时间 %1 完成（耗用机器时间 %2 秒）。</translation>
    </message>
    <message>
        <source>Running at virtual time %1.</source>
        <translation>运行中，虚拟时间 %1。</translation>
    </message>
    <message>
        <source>Paused at virtual time %1.</source>
        <translation>已暂停，虚拟时间 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export simulation run</source>
        <translation>导出模拟运行</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Seed </source>
        <translation>随机种子 </translation>
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
        <translation>单步执行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>Money:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Refunds by reason:</source>
        <translation>按原因统计退款：</translation>
    </message>
    <message>
        <source>Invariants:</source>
        <translation>不变量：</translation>
    </message>
    <message>
        <source>What happened, in plain words:</source>
        <translation>过程说明（通俗描述）：</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a state, reason or category and its count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between counts</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1; %2 settled from the statement</source>
        <translation>%1；%2 笔已按对账单结清</translation>
    </message>
    <message>
        <source>Breaks by category:</source>
        <translation>按类别统计对账差异：</translation>
    </message>
    <message>
        <source>Operations queues in this run</source>
        <translation>本次运行的运营队列</translation>
    </message>
    <message>
        <source>Orders by state</source>
        <translation>按状态统计订单</translation>
    </message>
    <message>
        <source>Refunds by reason, open breaks</source>
        <translation>按原因统计退款及未结对账差异</translation>
    </message>
    <message>
        <source>Virtual time (minutes)</source>
        <translation>虚拟时间（分钟）</translation>
    </message>
    <message>
        <source>In progress or unknown</source>
        <translation>处理中或结果未知</translation>
    </message>
    <message>
        <source>Refunded in full or part</source>
        <translation>全额或部分退款</translation>
    </message>
</context>
<context>
    <name>pay::ui::StatusPoller</name>
    <message>
        <source>The status service is not running.</source>
        <translation>状态服务未运行</translation>
    </message>
    <message>
        <source>The status service answered %1.</source>
        <translation>状态服务返回状态码 %1</translation>
    </message>
    <message>
        <source>The status service sent an unreadable answer.</source>
        <translation>状态服务返回的应答无法解析</translation>
    </message>
</context>
<context>
    <name>pay::ui::TenderPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>Nothing to pay yet</source>
        <translation>暂无应付金额</translation>
    </message>
    <message>
        <source>Too much by %1</source>
        <translation>多出 %1</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已足额</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>还需支付</translation>
    </message>
    <message>
        <source>Coupon  [F2]</source>
        <translation>优惠券  [F2]</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>e.g. CP-5OFF</source>
        <translation>例如 CP-5OFF</translation>
    </message>
    <message>
        <source>Wallet  [F3]</source>
        <translation>钱包  [F3]</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>e.g. M1001</source>
        <translation>例如 M1001</translation>
    </message>
    <message>
        <source>The rest by</source>
        <translation>其余金额支付方式</translation>
    </message>
    <message>
        <source>Card [F4]</source>
        <translation>银行卡 [F4]</translation>
    </message>
    <message>
        <source>QR A [F5]</source>
        <translation>扫码 A [F5]</translation>
    </message>
    <message>
        <source>QR B [F6]</source>
        <translation>扫码 B [F6]</translation>
    </message>
    <message>
        <source>Pay  [F12]</source>
        <translation>支付  [F12]</translation>
    </message>
</context>
</TS>
