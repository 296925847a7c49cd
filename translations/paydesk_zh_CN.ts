<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
</context>
<context>
    <name>pay</name>
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
        <source>Corrupt row in %1: %2</source>
        <translation>%1 中有损坏的记录：%2</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>未找到%1</translation>
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
    <name>pay::Database</name>
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
</context>
<context>
    <name>pay::EventRepository</name>
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
</context>
<context>
    <name>pay::FlowRepository</name>
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
</context>
<context>
    <name>pay::IdempotencyStore</name>
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
</context>
<context>
    <name>pay::InvariantChecker</name>
    <message>
        <source>SQLite integrity_check reports ok</source>
        <translation>SQLite integrity_check 结果正常</translation>
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
        <translation>每笔支付的支付流水之和等于其金额</translation>
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
        <source>Per settled trade, successful flows minus refunds equal what the order keeps (0 or the amount, less customer refunds)</source>
        <translation>每笔已结束的交易，成功流水减去退款等于订单留存金额（0 或订单金额，扣除顾客退款）</translation>
    </message>
</context>
<context>
    <name>pay::LedgerRepository</name>
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
</context>
<context>
    <name>pay::PaymentEngine</name>
    <message>
        <source>Schedule compensation</source>
        <translation>安排补偿查询</translation>
    </message>
    <message>
        <source>Drop compensation task</source>
        <translation>删除补偿任务</translation>
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
        <source>Number payment</source>
        <translation>生成支付单号</translation>
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
        <translation>支付流水 %1 已是 %2</translation>
    </message>
    <message>
        <source>Flow %1 changed meanwhile</source>
        <translation>支付流水 %1 在此期间已发生变化</translation>
    </message>
    <message>
        <source>Not attempted: an earlier leg failed</source>
        <translation>未尝试：前一个支付环节失败</translation>
    </message>
    <message>
        <source>Payment %1 failed: %2</source>
        <translation>支付 %1 失败：%2</translation>
    </message>
    <message>
        <source>Order %1 was closed before payment %2 succeeded</source>
        <translation>订单 %1 在支付 %2 成功之前已关闭</translation>
    </message>
    <message>
        <source>Order %1 was already paid; payment %2 is a duplicate</source>
        <translation>订单 %1 已支付；支付 %2 为重复支付</translation>
    </message>
    <message>
        <source>Closed: another attempt paid the order</source>
        <translation>已关闭：另一次支付已完成该订单</translation>
    </message>
    <message>
        <source>Order %1 is %2; it cannot be closed</source>
        <translation>订单 %1 状态为 %2，无法关闭</translation>
    </message>
    <message>
        <source>Closed at the channel</source>
        <translation>已在渠道侧关闭</translation>
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
        <source>The flows of order %1 cannot cover the refund</source>
        <translation>订单 %1 的支付流水不足以覆盖该退款</translation>
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
        <translation>订单留存 %1，但应留存 %2（金额 %3）</translation>
    </message>
    <message>
        <source>Closed: the customer switched to another method</source>
        <translation>已关闭：顾客改用了其他支付方式</translation>
    </message>
    <message>
        <source>Not needed: order is %1</source>
        <translation>无需处理：订单状态为 %1</translation>
    </message>
</context>
<context>
    <name>pay::PaymentRepository</name>
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
</context>
<context>
    <name>pay::RefundRepository</name>
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
    <name>pay::TradeRepository</name>
    <message>
        <source>Insert trade order</source>
        <translation>写入交易订单</translation>
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
        <source>Count trade orders</source>
        <translation>统计交易订单</translation>
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
    <name>pay::ui::CheckoutPage</name>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Take a payment for a basket: combine a coupon, wallet balance, points, a bank card or a QR code, watch each part succeed or fail, print a receipt, and refund within your limits.</source>
        <translation>为一篮商品收款：可组合使用优惠券、钱包余额、积分、银行卡或二维码，查看每一部分的成功或失败，打印小票，并在权限范围内退款。</translation>
    </message>
</context>
<context>
    <name>pay::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Charts of takings, payment success rate, refunds and channel health over time, with the reconciliation breaks still open.</source>
        <translation>按时间展示营业额、支付成功率、退款和渠道健康状况的图表，以及尚未处理的对账差异。</translation>
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
    <name>pay::ui::OperationsPage</name>
    <message>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>Review orders that need a person: payments stuck in progress, orders paid after they were closed, duplicate payments, failed refunds and orders frozen by loss prevention. Every action is recorded in the order's timeline.</source>
        <translation>处理需要人工介入的订单：卡在处理中的支付、关单后才支付成功的订单、重复支付、失败的退款以及被资损防控冻结的订单。每一项操作都会记录在订单的时间线中。</translation>
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
</context>
<context>
    <name>pay::ui::PlaceholderPage</name>
    <message>
        <source>Coming in a later release.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>pay::ui::ReconciliationPage</name>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Compare trade, payment, channel and ledger records as they happen, import channel statement files, and work through the breaks found, each with its category and resolution.</source>
        <translation>实时比对交易、支付、渠道和账务记录，导入渠道对账单文件，并逐一处理发现的差异，每条差异都有类别和处理结果。</translation>
    </message>
</context>
<context>
    <name>pay::ui::SimulatorPage</name>
    <message>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>Run seeded, replayable scenarios of channel behaviour (slow or lost callbacks, duplicates, timeouts, outages) at a chosen speed, and watch what the payment core does while the invariant auditor checks every step.</source>
        <translation>以选定的速度运行可复现（带随机种子）的渠道行为场景（回调缓慢或丢失、重复、超时、渠道故障），观察支付核心的处理过程，同时由不变量审计器检查每一步。</translation>
    </message>
</context>
</TS>
