using Amanat.Core.Auditing;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Amanat.Web.Telegram;

internal enum TokenOutcome
{
    Saved,

    /// <summary>Not in the form @BotFather gives.</summary>
    Malformed,

    /// <summary>Telegram says the token is wrong or revoked.</summary>
    Rejected,

    /// <summary>Telegram could not be reached to try it.</summary>
    Unreachable,
}

/// <summary>
/// The bot's token as an administrator sets it: tried against the Bot API first, then stored encrypted
/// (<see cref="BotToken"/>) and used at once; loaded again whenever the server is unsealed. Audited.
/// </summary>
internal sealed class TelegramTokenStore(AmanatDbContext db, TelegramBot bot, KeyVault vault, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Starts the bot with the stored token when the server is unsealed and no token is in use.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (vault.IsSealed || bot.Source != BotTokenSource.None)
        {
            return;
        }

        if (await db.BotTokens.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { Token: { } token })
        {
            bot.Use(token, BotTokenSource.Stored);
        }
    }

    public Task<BotToken?> CurrentAsync() => db.BotTokens.AsNoTracking().SingleOrDefaultAsync();

    public async Task<(TokenOutcome Outcome, string? UserName)> SetAsync(string? typed, Guid userId)
    {
        var token = typed?.Trim();
        if (string.IsNullOrEmpty(token) || !TelegramBot.IsValidToken(token))
        {
            return (TokenOutcome.Malformed, null);
        }

        string? userName;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            userName = (await bot.ClientFor(token).GetMe(timeout.Token)).Username;
        }
        catch (ApiRequestException)
        {
            return (TokenOutcome.Rejected, null);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException)
        {
            return (TokenOutcome.Unreachable, null);
        }

        await using (var transaction = await audit.BeginAsync())
        {
            await db.BotTokens.ExecuteDeleteAsync();
            db.BotTokens.Add(new BotToken(token, userId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.BotTokenSet);
            await transaction.CommitAsync();
        }

        if (bot.Source != BotTokenSource.Configuration)
        {
            bot.Use(token, BotTokenSource.Stored);
        }

        return (TokenOutcome.Saved, userName);
    }

    public async Task RemoveAsync()
    {
        await using (var transaction = await audit.BeginAsync())
        {
            await db.BotTokens.ExecuteDeleteAsync();
            transaction.Add(AuditEventType.BotTokenRemoved);
            await transaction.CommitAsync();
        }

        if (bot.Source == BotTokenSource.Stored)
        {
            bot.Use(null, BotTokenSource.None);
        }
    }
}
