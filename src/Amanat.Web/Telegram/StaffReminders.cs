using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Features.Care;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Amanat.Web.Telegram;

/// <summary>
/// Staff reminders by Telegram, for those who opt in: linking a chat with a one-time code, unlinking, and
/// once a day "items due soon: N" — a count, never a name, a story or an identifier.
/// </summary>
internal sealed class StaffReminders(AmanatDbContext db, TelegramBot bot, UpcomingTasks upcoming, Sealing sealing, AuditLog audit, TimeProvider clock, IOptions<AmanatOptions> options)
{
    public bool IsAvailable => bot.Client is not null;

    public Task<StaffTelegramLink?> ForAsync(Guid userId) => db.StaffTelegramLinks.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == userId);

    /// <summary>Replaces any link she had with a pending one; returns the code to send to the bot.</summary>
    public async Task<string> StartAsync(Guid userId, Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        await db.StaffTelegramLinks.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        var (link, code) = StaffTelegramLink.Start(userId, language.Code, clock.GetUtcNow().UtcDateTime);
        db.StaffTelegramLinks.Add(link);
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>Completes the pending link whose code came from this chat; null when the code is unknown, used or expired.</summary>
    public async Task<StaffTelegramLink?> CompleteAsync(string code, long chatId)
    {
        var hash = SecretToken.Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.StaffTelegramLinks.SingleOrDefaultAsync(x => x.CodeHash == hash);
        if (link is null || !link.IsPendingAt(now))
        {
            return null;
        }

        link.Complete(chatId, now);
        await using var transaction = await audit.BeginAsync(new AuditSource(link.UserId, AuditOrigin.Bot, null));
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.TelegramLinked, link.Id);
        await transaction.CommitAsync();
        return link;
    }

    public async Task<bool> StopAsync(Guid userId)
    {
        var removed = await db.StaffTelegramLinks.Where(x => x.UserId == userId).ExecuteDeleteAsync();
        return removed > 0;
    }

    /// <summary>
    /// Sends today's reminder to every linked staff member who has not had one yet, once the reminder hour
    /// has come where the centre is. Nothing while sealed (the chat ids cannot be read). Returns how many went out.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (bot.Client is not { } client || sealing.IsSealed)
        {
            return 0;
        }

        var local = upcoming.Now;
        if (local.Hour < options.Value.Telegram.ReminderHour)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(local);
        await bot.Sending.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            var links = await db.StaffTelegramLinks.Where(x => x.LinkedAtUtc != null && (x.LastSentOn == null || x.LastSentOn != today)).ToListAsync(cancellationToken);
            foreach (var link in links)
            {
                var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == link.UserId, cancellationToken);
                if (user is null || user.IsDisabled || link.Chat is not { } chat)
                {
                    continue;
                }

                var due = (await upcoming.ForAsync(user.Id, user.Roles)).Count;
                if (due > 0 && !await TrySendAsync(client, link, chat, due, cancellationToken))
                {
                    continue;
                }

                link.MarkSent(today);
                await db.SaveChangesAsync(cancellationToken);
                sent += due > 0 ? 1 : 0;
            }

            return sent;
        }
        finally
        {
            bot.Sending.Release();
        }
    }

    private async Task<bool> TrySendAsync(ITelegramBotClient client, StaffTelegramLink link, long chat, int due, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendMessage(chat, bot.Say(Languages.Find(link.Language) ?? Languages.Default, "Tasks.YouHave", due), cancellationToken: cancellationToken);
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 403 or 400)
        {
            // She blocked the bot or deleted the chat: the link is dead; she can make a new one.
            db.StaffTelegramLinks.Remove(link);
            await using var transaction = await audit.BeginAsync(AuditSource.System, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            transaction.Add(AuditEventType.TelegramUnlinked, link.Id);
            await transaction.CommitAsync(cancellationToken);
            return false;
        }
    }
}
