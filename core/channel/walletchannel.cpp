#include "walletchannel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace pay {

WalletChannel::WalletChannel(Clock *clock, ChannelBooks *books, QObject *parent)
    : SimulatedChannel(u"wallet"_s, Kind::Wallet, clock, books, parent)
{
}

Result<ChannelBooks::Member> WalletChannel::member(const QString &memberId) const
{
    auto m = books()->member(memberId);
    if (!m)
        return std::unexpected(m.error());
    if (!m->has_value())
        return fail(ErrorCode::NotFound, tr("No member %1").arg(memberId));
    return **m;
}

ChannelResult WalletChannel::debit(const PayRequest &request)
{
    auto found = books()->member(request.account);
    if (!found)
        return booksError(found.error());
    if (!found->has_value())
        return makeResult(
            ChannelOutcome::Failed, u"MEMBER_NOT_FOUND"_s, tr("No member %1").arg(request.account));
    const ChannelBooks::Member &m = **found;
    if (m.currency != request.amount.currency().code())
        return makeResult(ChannelOutcome::Failed, u"CURRENCY_MISMATCH"_s,
            tr("Member %1 holds %2").arg(m.memberId, m.currency));
    if (m.balanceMinor < request.amount.minor())
        return makeResult(ChannelOutcome::Failed, u"INSUFFICIENT_FUNDS"_s,
            tr("Member %1 has not enough balance").arg(m.memberId));
    if (auto r = books()->setMemberBalance(m.memberId, m.balanceMinor - request.amount.minor()); !r)
        return booksError(r.error());
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

ChannelResult WalletChannel::credit(const ChannelBooks::Order &order, qint64 amountMinor)
{
    auto found = books()->member(order.account);
    if (!found)
        return booksError(found.error());
    if (!found->has_value())
        return makeResult(
            ChannelOutcome::Failed, u"MEMBER_NOT_FOUND"_s, tr("No member %1").arg(order.account));
    qint64 balance = 0;
    if (qAddOverflow((*found)->balanceMinor, amountMinor, &balance))
        return makeResult(ChannelOutcome::Failed, u"BALANCE_OVERFLOW"_s, tr("The balance would overflow"));
    if (auto r = books()->setMemberBalance(order.account, balance); !r)
        return booksError(r.error());
    return makeResult(ChannelOutcome::Succeeded, u"SUCCESS"_s, {});
}

QString WalletChannel::makeTxnNo(qint64 sequence, qint64 now) const
{
    return u"WLT"_s + QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(u"yyyyMMdd"_s)
        + u"%1"_s.arg(sequence, 8, 10, QLatin1Char('0'));
}

} // namespace pay
