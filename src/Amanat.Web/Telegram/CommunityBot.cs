using System.Text;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Vocabularies;
using Amanat.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Amanat.Web.Telegram;

/// <summary>
/// The community side of the bot: her language (chosen with buttons, changeable), a report
/// (<see cref="BotReport"/>, also while the server is sealed), the number check (her access code once per
/// session, its message deleted; then numbers or plates, the same answer as the web check), alerts for the
/// city she subscribed to (<see cref="AlertPushes"/>), friendly providers for her city from the public
/// directory, and /forget, which deletes everything kept about the chat and the
/// bot's own recent messages there where Telegram allows. Nothing she writes is logged or kept here.
/// </summary>
internal sealed class CommunityBot(AmanatDbContext db, TelegramBot bot, KeyVault vault, Features.Alerts.CommunityChannel channel, Features.Alerts.CheckNumber check, BotReport report, TimeProvider clock)
{
    /// <summary>How long her access code counts for in a chat before she is asked again.</summary>
    public static readonly TimeSpan CodeSession = TimeSpan.FromHours(12);

    /// <param name="data">The button she pressed, if any.</param>
    /// <param name="messageId">Her message's id (so that the bot can delete a message holding her code or
    /// an answer of her report), or the id of the message whose button she pressed.</param>
    public async Task HandleAsync(long chatId, string? text, string? data, string? languageCode, CancellationToken cancellationToken, int? messageId = null)
    {
        if (bot.Client is not { } client)
        {
            return;
        }

        var fallback = Languages.Find(languageCode?.Split('-')[0]) ?? Languages.Default;
        var command = data ?? text?.Trim() ?? string.Empty;
        var forReport = report.IsOpen(chatId) && (command.StartsWith(BotReport.Prefix, StringComparison.Ordinal) || (data is null && !command.StartsWith('/')));
        if (vault.IsSealed)
        {
            // Sealed: nothing about the chat can be read, but a report can still be given and sealed.
            await WhileSealedAsync(client, chatId, command, text, data, messageId, forReport, report.LanguageOf(chatId) ?? fallback, cancellationToken);
            return;
        }

        var index = BlindIndex.Compute(vault.Keys, new ChatIdNormaliser(), chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        var chat = await db.BotChats.SingleOrDefaultAsync(c => c.ChatIndex == index, cancellationToken);
        if (command is "/forget" or "forget")
        {
            await report.CancelAsync(client, chatId, cancellationToken);
            await ForgetAsync(client, chat, chatId, Languages.Find(chat?.Language) ?? fallback, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (chat is null)
        {
            chat = new BotChat(chatId, index, now);
            db.BotChats.Add(chat);
        }

        chat.Seen(now);
        var language = Languages.Find(chat.Language) ?? fallback;
        var turn = new Turn(client, chat, chatId, command, text, data, messageId, language, fallback, now, forReport, cancellationToken);
        await Commands.First(c => c.Fits(turn)).AnswerAsync(this, turn);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// What she can send — a typed command, a word, a button — in the order tried: the first that fits answers.
    /// Typed text that is no command goes to what the bot waits for (her report, her code, a number).
    /// </summary>
    private static readonly Command[] Commands =
    [
        new(t => t.Is("/cancel", "cancel"), static (self, t) => self.CancelAsync(t)),
        new(t => t.ForReport && (t.Chat.Awaiting == BotStep.None || t.Data is not null), static (self, t) => self.AnswerReportAsync(t)),
        new(t => t.Is("/report", "report"), static (self, t) => self.StartReportAsync(t)),
        new(t => t.Is("/check", "check"), static (self, t) => self.StartCheckAsync(t)),
        new(t => t.IsTyped && t.Chat.Awaiting == BotStep.Code, static (self, t) => self.CodeAsync(t.Client, t.Chat, t.ChatId, t.Text ?? string.Empty, t.MessageId, t.Language, t.Now, t.CancellationToken)),
        new(t => t.IsTyped && t.Chat.Awaiting == BotStep.Number && t.Chat.CardAt(t.Now) is not null, static (self, t) => self.NumberAsync(t.Client, t.Chat, t.ChatId, t.Chat.CardAt(t.Now)!.Value, t.Text ?? string.Empty, t.Language, t.CancellationToken)),
        new(t => t.After("lang:") is { } code && Languages.Find(code) is not null, static (self, t) => self.ChooseLanguageAsync(t, Languages.Find(t.After("lang:"))!)),
        new(t => t.Chat.Language is null || t.Is("/language", "language"), static (self, t) => self.AskLanguageAsync(t)),
        new(t => t.Is("/help", "help"), static (self, t) => self.CitiesAsync(t.Client, t.Chat, t.ChatId, t.Language, "help:", "Telegram.HelpCity", publicProvidersOnly: true, t.CancellationToken)),
        new(t => t.After("help:") is not null, static (self, t) => self.ProvidersAsync(t.Client, t.Chat, t.ChatId, t.After("help:")!, t.Language, t.CancellationToken)),
        new(t => t.Is("/alerts", "alerts"), static (self, t) => self.AlertsAsync(t.Client, t.Chat, t.ChatId, t.Language, t.CancellationToken)),
        new(t => t.After("sub:") is not null, static (self, t) => self.SubscribeAsync(t.Client, t.Chat, t.ChatId, t.After("sub:")!, t.Language, t.CancellationToken)),
        new(t => t.Is("/stop", "unsub"), static (self, t) => self.UnsubscribeAsync(t)),
        new(_ => true, static (self, t) => self.MenuAsync(t.Client, t.Chat, t.ChatId, t.Language, t.CancellationToken)),
    ];

    private async Task CancelAsync(Turn turn)
    {
        turn.Chat.Await(BotStep.None);
        var cancelled = await report.CancelAsync(turn.Client, turn.ChatId, turn.CancellationToken);
        await MenuAsync(turn.Client, turn.Chat, turn.ChatId, turn.Language, turn.CancellationToken, cancelled ? bot.Say(turn.Language, "Bot.Report.Cancelled") + "\n\n" : string.Empty);
    }

    private async Task AnswerReportAsync(Turn turn)
    {
        if (await report.AnswerAsync(turn.Client, turn.ChatId, turn.Text, turn.Data, turn.MessageId, turn.CancellationToken) is { } referenceMessage)
        {
            turn.Chat.Sent(referenceMessage);
        }
    }

    private Task StartReportAsync(Turn turn)
    {
        turn.Chat.Await(BotStep.None);
        return report.StartAsync(turn.Client, turn.ChatId, turn.Language, turn.CancellationToken);
    }

    private Task StartCheckAsync(Turn turn)
    {
        var hasCard = turn.Chat.CardAt(turn.Now) is not null;
        turn.Chat.Await(hasCard ? BotStep.Number : BotStep.Code);
        return SendAsync(turn.Client, turn.Chat, turn.ChatId, bot.Say(turn.Language, hasCard ? "Telegram.SendNumber" : "Telegram.AskCode"), CancelButton(turn.Language), turn.CancellationToken);
    }

    private Task ChooseLanguageAsync(Turn turn, Language chosen)
    {
        turn.Chat.Choose(chosen.Code);
        return MenuAsync(turn.Client, turn.Chat, turn.ChatId, chosen, turn.CancellationToken);
    }

    /// <summary>In her Telegram's language: the chat's may be the one she wants to change.</summary>
    private Task AskLanguageAsync(Turn turn) =>
        SendAsync(turn.Client, turn.Chat, turn.ChatId, bot.Say(turn.Fallback, "Telegram.ChooseLanguage"), LanguageButtons(), turn.CancellationToken);

    private Task UnsubscribeAsync(Turn turn)
    {
        turn.Chat.Unsubscribe();
        return SendAsync(turn.Client, turn.Chat, turn.ChatId, bot.Say(turn.Language, "Telegram.Unsubscribed"), MenuButton(turn.Language), turn.CancellationToken);
    }

    private async Task WhileSealedAsync(ITelegramBotClient client, long chatId, string command, string? text, string? data, int? messageId, bool forReport, Language fallback, CancellationToken cancellationToken)
    {
        if (command is "/forget" or "forget" or "/cancel" or "cancel")
        {
            // The report she was giving goes; what is stored about the chat cannot be found until unsealed.
            await report.CancelAsync(client, chatId, cancellationToken);
            await client.SendMessage(chatId, bot.Say(fallback, command.Contains("forget", StringComparison.Ordinal) ? "Telegram.ForgetLater" : "Bot.Report.Cancelled"), cancellationToken: cancellationToken);
        }
        else if (forReport)
        {
            await report.AnswerAsync(client, chatId, text, data, messageId, cancellationToken);
        }
        else if (command is "/report" or "report" || command.StartsWith("report:", StringComparison.Ordinal))
        {
            await report.StartAsync(client, chatId, Languages.Find(command.Split(':').ElementAtOrDefault(1)) ?? fallback, cancellationToken);
        }
        else
        {
            var language = command.StartsWith("lang:", StringComparison.Ordinal) ? Languages.Find(command[5..]) ?? fallback : fallback;
            var buttons = new[]
            {
                new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Report"), "report:" + language.Code) },
                new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Language"), "language") },
            };
            var markup = command is "/language" or "language" ? LanguageButtons() : new InlineKeyboardMarkup(buttons);
            await client.SendMessage(chatId, bot.Say(language, command is "/language" or "language" ? "Telegram.ChooseLanguage" : "Telegram.SealedMenu"), replyMarkup: markup, cancellationToken: cancellationToken);
        }
    }

    private static InlineKeyboardMarkup LanguageButtons() =>
        new(Languages.All.Select(l => new[] { InlineKeyboardButton.WithCallbackData(l.NativeName, "lang:" + l.Code) }));

    private InlineKeyboardMarkup MenuButton(Language language) =>
        new([[InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Menu"), "menu")]]);

    private async Task AlertsAsync(ITelegramBotClient client, BotChat chat, long chatId, Language language, CancellationToken cancellationToken)
    {
        if (chat.AlertCity is not { } city)
        {
            await CitiesAsync(client, chat, chatId, language, "sub:", "Telegram.AlertsCity", publicProvidersOnly: false, cancellationToken);
            return;
        }

        var buttons = new[]
        {
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Stop"), "unsub") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.OtherCity"), "sub:") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Menu"), "menu") },
        };
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.Subscription", await CityLabelAsync(city, language)), new InlineKeyboardMarkup(buttons), cancellationToken);
    }

    private async Task SubscribeAsync(ITelegramBotClient client, BotChat chat, long chatId, string city, Language language, CancellationToken cancellationToken)
    {
        if (!await db.VocabularyEntries.AnyAsync(v => v.Kind == VocabularyKind.City && v.Code == city && v.RetiredAtUtc == null, cancellationToken))
        {
            await CitiesAsync(client, chat, chatId, language, "sub:", "Telegram.AlertsCity", publicProvidersOnly: false, cancellationToken);
            return;
        }

        chat.Subscribe(city);
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.Subscribed", await CityLabelAsync(city, language)), MenuButton(language), cancellationToken);
    }

    private async Task<string> CityLabelAsync(string city, Language language) =>
        new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && v.Code == city).ToListAsync()).Label(VocabularyKind.City, city, language.Code);

    private async Task CodeAsync(ITelegramBotClient client, BotChat chat, long chatId, string text, int? messageId, Language language, DateTime now, CancellationToken cancellationToken)
    {
        // Her code does not stay in the chat history.
        if (messageId is { } id)
        {
            try
            {
                await client.DeleteMessage(chatId, id, cancellationToken);
            }
            catch (ApiRequestException)
            {
                // Not allowed any more: nothing else to do.
            }
        }

        var (refusal, card, wait) = await channel.VerifyAsync(text, Caller(chat));
        if (refusal != Features.Alerts.ChannelRefusal.None)
        {
            await SendAsync(client, chat, chatId, Refusal(language, refusal, wait), CancelButton(language), cancellationToken);
            return;
        }

        chat.UseCard(card!.Id, now, CodeSession);
        chat.Await(BotStep.Number);
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.CodeAccepted"), CancelButton(language), cancellationToken);
    }

    private async Task NumberAsync(ITelegramBotClient client, BotChat chat, long chatId, Guid card, string text, Language language, CancellationToken cancellationToken)
    {
        var result = await check.CheckAsync(new Features.Alerts.NumberCheck(text, Caller(chat), SessionCard: card));
        if (result.Refusal != Features.Alerts.ChannelRefusal.None)
        {
            if (result.Refusal is Features.Alerts.ChannelRefusal.InvalidCode or Features.Alerts.ChannelRefusal.UnknownCode)
            {
                chat.Await(BotStep.Code);
            }

            await SendAsync(client, chat, chatId, Refusal(language, result.Refusal, result.RetryAfter), CancelButton(language), cancellationToken);
            return;
        }

        var answer = result.Answer!;
        var reply = new StringBuilder();
        if (!answer.Found)
        {
            reply.AppendLine(bot.Say(language, "Check.NoRecord")).Append(bot.Say(language, "Check.NoRecordHint"));
        }
        else
        {
            reply.AppendLine(bot.Say(language, "Check.Found", answer.Reports));
            foreach (var (code, reports) in answer.Codes)
            {
                reply.Append(code).Append(' ').Append(bot.Say(language, "AlertCode." + code)).Append(" — ").AppendLine(bot.Say(language, "Check.Reports", reports));
            }

            if (answer.CityCode is { } city)
            {
                var cities = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && v.Code == city).ToListAsync(cancellationToken));
                var month = answer.Month is { } m ? $"{answer.Year:D4}-{m:D2}" : $"{answer.Year:D4}";
                reply.AppendLine(bot.Say(language, "Check.Latest", cities.Label(VocabularyKind.City, city, language.Code), month));
            }

            reply.Append(bot.Say(language, "Check.FoundHint"));
        }

        await SendAsync(client, chat, chatId, reply.ToString(), CancelButton(language), cancellationToken);
    }

    private string Refusal(Language language, Features.Alerts.ChannelRefusal refusal, TimeSpan? wait) =>
        bot.Say(language, "Channel." + refusal, Features.Community.PublicLimits.Minutes(wait));

    private InlineKeyboardMarkup CancelButton(Language language) =>
        new([[InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Cancel"), "cancel")]]);

    /// <summary>The limit's key for a chat: its record id, never the chat id.</summary>
    private static string Caller(BotChat chat) => "chat:" + chat.Id.ToString("N");

    private async Task MenuAsync(ITelegramBotClient client, BotChat chat, long chatId, Language language, CancellationToken cancellationToken, string prefix = "")
    {
        var buttons = new[]
        {
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Report"), "report") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Check"), "check") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Alerts"), "alerts") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Help"), "help") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Language"), "language") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Forget"), "forget") },
        };
        await SendAsync(client, chat, chatId, prefix + bot.Say(language, "Telegram.Menu"), new InlineKeyboardMarkup(buttons), cancellationToken);
    }

    /// <summary>Cities as buttons: those with public providers (help), or every active city (alerts).</summary>
    private async Task CitiesAsync(ITelegramBotClient client, BotChat chat, long chatId, Language language, string prefix, string question, bool publicProvidersOnly, CancellationToken cancellationToken)
    {
        var entries = db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && v.RetiredAtUtc == null);
        if (publicProvidersOnly)
        {
            var codes = db.Providers.Where(p => p.IsPublic && p.RetiredAtUtc == null).Select(p => p.CityCode);
            entries = entries.Where(v => codes.Contains(v.Code));
        }

        var cities = new VocabularyList(await entries.ToListAsync(cancellationToken));
        var active = cities.Active(VocabularyKind.City);
        if (active.Count == 0)
        {
            await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.NoProviders"), MenuButton(language), cancellationToken);
            return;
        }

        var buttons = active.Select(c => InlineKeyboardButton.WithCallbackData(c.Label(language.Code), prefix + c.Code)).Chunk(2);
        await SendAsync(client, chat, chatId, bot.Say(language, question), new InlineKeyboardMarkup(buttons), cancellationToken);
    }

    private async Task ProvidersAsync(ITelegramBotClient client, BotChat chat, long chatId, string city, Language language, CancellationToken cancellationToken)
    {
        var providers = await db.Providers.AsNoTracking().Where(p => p.IsPublic && p.RetiredAtUtc == null && p.CityCode == city)
            .OrderBy(p => p.Kind).ThenBy(p => p.Name).Take(20).ToListAsync(cancellationToken);
        if (providers.Count == 0)
        {
            await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.NoProviders"), null, cancellationToken);
            return;
        }

        var text = new StringBuilder();
        foreach (var p in providers)
        {
            text.Append(p.Name).Append(" — ").AppendLine(bot.Say(language, "Provider.Kind." + p.Kind));
            foreach (var line in new[] { p.Address, p.Contact, p.Hours, p.PublicNote }.OfType<string>())
            {
                text.AppendLine(line);
            }

            if (p.NoDocumentsNeeded)
            {
                text.AppendLine(bot.Say(language, "Telegram.NoDocumentsNeeded"));
            }

            text.AppendLine();
        }

        await SendAsync(client, chat, chatId, text.ToString().TrimEnd(), null, cancellationToken);
    }

    private async Task ForgetAsync(ITelegramBotClient client, BotChat? chat, long chatId, Language language, CancellationToken cancellationToken)
    {
        if (chat is not null)
        {
            await bot.DeleteAsync(client, chatId, chat.MessageIds, cancellationToken);
            db.BotChats.Remove(chat);
            await db.SaveChangesAsync(cancellationToken);
        }

        // This last message is not remembered: nothing about the chat is left.
        await client.SendMessage(chatId, bot.Say(language, "Telegram.Forgotten"), cancellationToken: cancellationToken);
    }

    private static async Task SendAsync(ITelegramBotClient client, BotChat chat, long chatId, string text, InlineKeyboardMarkup? markup, CancellationToken cancellationToken)
    {
        var message = await client.SendMessage(chatId, text, replyMarkup: markup, cancellationToken: cancellationToken);
        chat.Sent(message.MessageId);
    }

    /// <param name="Fits">Whether this command answers the turn.</param>
    /// <param name="AnswerAsync">The answer; the chat is saved after it.</param>
    private sealed record Command(Func<Turn, bool> Fits, Func<CommunityBot, Turn, Task> AnswerAsync);

    /// <summary>One message or button press of hers, and the chat it came in.</summary>
    /// <param name="Command">The button's data, or her text trimmed.</param>
    /// <param name="Language">The chat's language, or her Telegram's while she has not chosen.</param>
    /// <param name="Fallback">Her Telegram's language (or the default).</param>
    /// <param name="ForReport">A report is open in the chat and this could be an answer to it.</param>
    private sealed record Turn(ITelegramBotClient Client, BotChat Chat, long ChatId, string Command, string? Text, string? Data, int? MessageId, Language Language, Language Fallback, DateTime Now, bool ForReport, CancellationToken CancellationToken)
    {
        /// <summary>Typed text that is no command.</summary>
        public bool IsTyped => Data is null && !Command.StartsWith('/');

        public bool Is(string word, string other) => Command == word || Command == other;

        /// <summary>What follows the prefix of a button such as <c>help:TAL</c>; null for another command.</summary>
        public string? After(string prefix) => Command.StartsWith(prefix, StringComparison.Ordinal) ? Command[prefix.Length..] : null;
    }
}
