using System.Text;
using Amanat.Core.Alerts;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Amanat.Web.Telegram;

/// <summary>Wakes the pushing of alerts as soon as one is published (and every few minutes anyway).</summary>
internal sealed class AlertPushSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// Each newly published alert, once, to every chat subscribed to its city, in the language of that chat. A
/// chat that blocked the bot is forgotten. Nothing while sealed (the chats cannot be read); the alert waits.
/// </summary>
internal sealed partial class AlertPushes(AmanatDbContext db, TelegramBot bot, KeyVault vault, TimeProvider clock, DisplayTimeZone zone, ILogger<AlertPushes> logger)
{
    /// <summary>Telegram allows about 30 messages a second; the bot stays well under it.</summary>
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(40);

    /// <summary>Pushes what is due; returns how many messages went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (bot.Client is not { } client || vault.IsSealed)
        {
            return 0;
        }

        await bot.Sending.WaitAsync(cancellationToken);
        try
        {
            var today = DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);
            var due = (await db.Alerts.Where(a => a.Status == AlertStatus.Published && a.PushedAtUtc == null).ToListAsync(cancellationToken))
                .Where(a => a.IsDueForPush(today)).OrderBy(a => a.PublishedAtUtc).ToList();
            if (due.Count == 0)
            {
                return 0;
            }

            // The city is encrypted: only whether there is one can be asked of the database.
            var chats = await db.BotChats.Where(c => EF.Property<string?>(c, nameof(BotChat.AlertCity) + "Cipher") != null).ToListAsync(cancellationToken);
            var vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking()
                .Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync(cancellationToken));
            var sent = 0;
            foreach (var alert in due)
            {
                foreach (var chat in chats.Where(c => c.AlertCity == alert.CityCode && db.Entry(c).State != EntityState.Deleted))
                {
                    var language = Languages.Find(chat.Language) ?? Languages.Default;
                    try
                    {
                        var message = await client.SendMessage(long.Parse(chat.ChatId!, System.Globalization.CultureInfo.InvariantCulture), Text(CommunityChannel.View(alert, language.Code), language, vocabulary), cancellationToken: cancellationToken);
                        chat.Sent(message.MessageId);
                        sent++;
                    }
                    catch (ApiRequestException e) when (e.ErrorCode is 403 or 400)
                    {
                        // She blocked the bot or deleted her account: nothing about her chat is kept.
                        db.BotChats.Remove(chat);
                    }
                    catch (Exception e) when (e is ApiRequestException or HttpRequestException)
                    {
                        LogPushFailed(logger, e.GetType().Name);
                    }

                    await Task.Delay(Between, cancellationToken);
                }

                alert.Pushed(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
            }

            return sent;
        }
        finally
        {
            bot.Sending.Release();
        }
    }

    /// <summary>The alert as the bot says it, in her language; what the web feed shows, as text.</summary>
    public string Text(AlertView alert, Language language, VocabularyList vocabulary)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var text = new StringBuilder();
        text.AppendLine(bot.Say(language, "Telegram.AlertHeading", vocabulary.Label(VocabularyKind.Perpetrator, alert.CategoryCode, language.Code)));
        text.Append(vocabulary.Label(VocabularyKind.City, alert.CityCode, language.Code)).Append(" · ").AppendLine(alert.When);
        foreach (var code in alert.Codes)
        {
            text.Append(code).Append(' ').AppendLine(bot.Say(language, "AlertCode." + code));
        }

        if (alert.Description is { } description)
        {
            text.AppendLine().AppendLine(description);
        }

        if (alert.Phones.Count > 0)
        {
            text.AppendLine().Append(bot.Say(language, "Alerts.Phones")).Append(": ").AppendLine(string.Join(", ", alert.Phones));
        }

        if (alert.Plates.Count > 0)
        {
            text.Append(bot.Say(language, "Alerts.Plates")).Append(": ").AppendLine(string.Join(", ", alert.Plates));
        }

        text.AppendLine().Append(bot.Say(language, "Telegram.AlertStop"));
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An alert could not be pushed to one chat ({Error}).")]
    private static partial void LogPushFailed(ILogger logger, string error);
}

/// <summary>Runs <see cref="AlertPushes"/> when an alert is published, and every five minutes.</summary>
internal sealed partial class AlertPushSchedule(TelegramBot bot, AlertPushSignal signal, IServiceScopeFactory scopes, ILogger<AlertPushSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Every, stoppingToken);
                if (bot.Client is not null)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AlertPushes>().SendDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing alerts failed ({Error}); trying again later.")]
    private static partial void LogFailed(ILogger logger, string error);
}
