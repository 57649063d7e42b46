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
/// The community side of the bot: her language (chosen with buttons, changeable), the number check (her
/// access code once per session, its message deleted; then numbers or plates, the same answer as the web
/// check), friendly providers for her city from the public directory, and /forget, which deletes everything kept about the chat and the
/// bot's own recent messages there where Telegram allows. Nothing she writes is logged or kept here.
/// </summary>
public sealed class CommunityBot(AmanatDbContext db, TelegramBot bot, KeyVault vault, Community.CommunityChannel channel, TimeProvider clock)
{
    /// <summary>How long her access code counts for in a chat before she is asked again.</summary>
    public static readonly TimeSpan CodeSession = TimeSpan.FromHours(12);

    /// <param name="data">The button she pressed, if any.</param>
    /// <param name="messageId">Her message's id (so that the bot can delete a message holding her code).</param>
    public async Task HandleAsync(long chatId, string? text, string? data, string? languageCode, CancellationToken cancellationToken, int? messageId = null)
    {
        if (bot.Client is not { } client)
        {
            return;
        }

        var fallback = Languages.Find(languageCode?.Split('-')[0]) ?? Languages.Default;
        if (vault.IsSealed)
        {
            await client.SendMessage(chatId, bot.Say(fallback, "Telegram.Unavailable"), cancellationToken: cancellationToken);
            return;
        }

        var index = BlindIndex.Compute(vault.Keys, new ChatIdNormaliser(), chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        var chat = await db.BotChats.SingleOrDefaultAsync(c => c.ChatIndex == index, cancellationToken);
        var command = data ?? text?.Trim() ?? string.Empty;
        if (command is "/forget" or "forget")
        {
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
        if (command is "/cancel" or "cancel")
        {
            chat.Await(null);
            await MenuAsync(client, chat, chatId, language, cancellationToken);
        }
        else if (command is "/check" or "check")
        {
            var hasCard = chat.CardAt(now) is not null;
            chat.Await(hasCard ? "number" : "code");
            await SendAsync(client, chat, chatId, bot.Say(language, hasCard ? "Telegram.SendNumber" : "Telegram.AskCode"), CancelButton(language), cancellationToken);
        }
        else if (data is null && !command.StartsWith('/') && chat.Awaiting == "code")
        {
            await CodeAsync(client, chat, chatId, text ?? string.Empty, messageId, language, now, cancellationToken);
        }
        else if (data is null && !command.StartsWith('/') && chat.Awaiting == "number" && chat.CardAt(now) is { } card)
        {
            await NumberAsync(client, chat, chatId, card, text ?? string.Empty, language, cancellationToken);
        }
        else if (command.StartsWith("lang:", StringComparison.Ordinal) && Languages.Find(command[5..]) is { } chosen)
        {
            chat.Choose(chosen.Code);
            await MenuAsync(client, chat, chatId, chosen, cancellationToken);
        }
        else if (chat.Language is null || command is "/language" or "language")
        {
            var buttons = Languages.All.Select(l => new[] { InlineKeyboardButton.WithCallbackData(l.NativeName, "lang:" + l.Code) });
            await SendAsync(client, chat, chatId, bot.Say(fallback, "Telegram.ChooseLanguage"), new InlineKeyboardMarkup(buttons), cancellationToken);
        }
        else if (command is "/help" or "help")
        {
            await CitiesAsync(client, chat, chatId, Languages.Find(chat.Language)!, cancellationToken);
        }
        else if (command.StartsWith("help:", StringComparison.Ordinal))
        {
            await ProvidersAsync(client, chat, chatId, command[5..], Languages.Find(chat.Language)!, cancellationToken);
        }
        else
        {
            await MenuAsync(client, chat, chatId, Languages.Find(chat.Language)!, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

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
        if (refusal != Community.ChannelRefusal.None)
        {
            await SendAsync(client, chat, chatId, Refusal(language, refusal, wait), CancelButton(language), cancellationToken);
            return;
        }

        chat.UseCard(card!.Id, now, CodeSession);
        chat.Await("number");
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.CodeAccepted"), CancelButton(language), cancellationToken);
    }

    private async Task NumberAsync(ITelegramBotClient client, BotChat chat, long chatId, Guid card, string text, Language language, CancellationToken cancellationToken)
    {
        var result = await channel.CheckWithCardAsync(card, text, Caller(chat));
        if (result.Refusal != Community.ChannelRefusal.None)
        {
            if (result.Refusal is Community.ChannelRefusal.InvalidCode or Community.ChannelRefusal.UnknownCode)
            {
                chat.Await("code");
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

    private string Refusal(Language language, Community.ChannelRefusal refusal, TimeSpan? wait) =>
        bot.Say(language, "Channel." + refusal, Community.PublicLimits.Minutes(wait));

    private InlineKeyboardMarkup CancelButton(Language language) =>
        new([[InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Cancel"), "cancel")]]);

    /// <summary>The limit's key for a chat: its record id, never the chat id.</summary>
    private static string Caller(BotChat chat) => "chat:" + chat.Id.ToString("N");

    private async Task MenuAsync(ITelegramBotClient client, BotChat chat, long chatId, Language language, CancellationToken cancellationToken)
    {
        var buttons = new[]
        {
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Check"), "check") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Help"), "help") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Language"), "language") },
            new[] { InlineKeyboardButton.WithCallbackData(bot.Say(language, "Telegram.Button.Forget"), "forget") },
        };
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.Menu"), new InlineKeyboardMarkup(buttons), cancellationToken);
    }

    private async Task CitiesAsync(ITelegramBotClient client, BotChat chat, long chatId, Language language, CancellationToken cancellationToken)
    {
        var codes = await db.Providers.AsNoTracking().Where(p => p.IsPublic && p.RetiredAtUtc == null).Select(p => p.CityCode).Distinct().ToListAsync(cancellationToken);
        if (codes.Count == 0)
        {
            await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.NoProviders"), null, cancellationToken);
            return;
        }

        var cities = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && codes.Contains(v.Code)).ToListAsync(cancellationToken));
        var buttons = codes.OrderBy(c => cities.Label(VocabularyKind.City, c, language.Code), StringComparer.CurrentCulture)
            .Select(c => new[] { InlineKeyboardButton.WithCallbackData(cities.Label(VocabularyKind.City, c, language.Code), "help:" + c) });
        await SendAsync(client, chat, chatId, bot.Say(language, "Telegram.HelpCity"), new InlineKeyboardMarkup(buttons), cancellationToken);
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
            foreach (var messageId in chat.MessageIds)
            {
                try
                {
                    await client.DeleteMessage(chatId, messageId, cancellationToken);
                }
                catch (ApiRequestException)
                {
                    // Older than 48 hours, or already gone: Telegram does not allow it; nothing else to do.
                }
            }

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
}
