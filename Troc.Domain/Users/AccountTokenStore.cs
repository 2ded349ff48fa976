using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;

namespace Troc.Domain.Users;

/// <summary>Issues and redeems the single-use secrets mailed to account owners.</summary>
public sealed class AccountTokenStore(TimeProvider clock, AccountLifetimes lifetimes)
{
    /// <summary>Adds a new token to <paramref name="db"/> (saved by the caller, with whatever else changed) and returns it in clear, for the email.</summary>
    public string Issue(TrocDbContext db, Guid userId, AccountTokenPurpose purpose, string? newEmail = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecureToken.Create();
        db.AccountTokens.Add(new AccountToken(Guid.NewGuid(), userId, purpose, SecureToken.Hash(token), now, now + lifetimes.Of(purpose), newEmail));
        return token;
    }

    /// <summary>What redeeming the token would give, without consuming it (to check a new password before spending a reset link).</summary>
    public async Task<AccountTokenRedemption> InspectAsync(TrocDbContext db, string presentedToken, AccountTokenPurpose[] purposes, CancellationToken cancellationToken)
    {
        var (outcome, _) = await FindAsync(db, presentedToken, purposes, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Consumes the token if it is one of <paramref name="purposes"/>, unused and unexpired. Redeeming one also
    /// retires the user's other outstanding tokens of that purpose: an older link must not work after a newer one did.
    /// </summary>
    public async Task<AccountTokenRedemption> RedeemAsync(TrocDbContext db, string presentedToken, AccountTokenPurpose[] purposes, CancellationToken cancellationToken)
    {
        var (outcome, token) = await FindAsync(db, presentedToken, purposes, cancellationToken);
        if (token is null) return outcome;
        var now = clock.GetUtcNow().UtcDateTime;
        var consumed = await db.AccountTokens
            .Where(t => t.Id == token.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        if (consumed == 0) return new AccountTokenRedemption.Invalid();
        await db.AccountTokens
            .Where(t => t.UserId == token.UserId && t.Purpose == token.Purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        return outcome;
    }

    private async Task<(AccountTokenRedemption Outcome, AccountToken? Usable)> FindAsync(
        TrocDbContext db, string presentedToken, AccountTokenPurpose[] purposes, CancellationToken cancellationToken)
    {
        if (!SecureToken.HasValidShape(presentedToken)) return (new AccountTokenRedemption.Invalid(), null);
        var hash = SecureToken.Hash(presentedToken);
        var token = await db.AccountTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || !purposes.Contains(token.Purpose) || token.ConsumedAt is not null) return (new AccountTokenRedemption.Invalid(), null);
        if (token.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return (new AccountTokenRedemption.Expired(), null);
        return (new AccountTokenRedemption.Redeemed(token.UserId, token.Purpose, token.NewEmail), token);
    }
}

public abstract record AccountTokenRedemption
{
    public sealed record Redeemed(Guid UserId, AccountTokenPurpose Purpose, string? NewEmail) : AccountTokenRedemption;

    /// <summary>Unknown, already used, or meant for something else: all look the same to the caller.</summary>
    public sealed record Invalid : AccountTokenRedemption;

    public sealed record Expired : AccountTokenRedemption;
}
