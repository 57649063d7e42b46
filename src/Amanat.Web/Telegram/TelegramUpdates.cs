using Amanat.Core.Staff;
using Amanat.Web.Keys;
using Amanat.Web.Localization;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Amanat.Web.Telegram;

/// <summary>
/// What the bot does with one message or button: a staff member's <c>/start s_…</c> code links her chat for
/// reminders; everything else goes to <see cref="CommunityBot"/>.
/// </summary>
internal sealed class TelegramUpdates(TelegramBot bot, StaffReminders reminders, CommunityBot community, Sealing sealing)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (bot.Client is not { } client)
        {
            return;
        }

        if (update.CallbackQuery is { Data: { } data, Message.Chat: { Type: ChatType.Private } pressedIn } callback)
        {
            await client.AnswerCallbackQuery(callback.Id, cancellationToken: cancellationToken);
            await community.HandleAsync(pressedIn.Id, null, data, callback.From.LanguageCode, cancellationToken, callback.Message.MessageId);
            return;
        }

        if (update.Message is not { Text: { } text, Chat: { Type: ChatType.Private } chat } message)
        {
            return;
        }

        var language = Languages.Find(message.From?.LanguageCode?.Split('-')[0]) ?? Languages.Default;
        var words = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words is ["/start", var code] && StaffTelegramLink.LooksLikeCode(code))
        {
            if (sealing.IsSealed)
            {
                await client.SendMessage(chat.Id, bot.Say(language, "Telegram.Unavailable"), cancellationToken: cancellationToken);
                return;
            }

            var link = await reminders.CompleteAsync(code, chat.Id);
            var reply = link is null
                ? bot.Say(language, "Telegram.CodeExpired")
                : bot.Say(Languages.Find(link.Language) ?? language, "Telegram.Linked");
            await client.SendMessage(chat.Id, reply, cancellationToken: cancellationToken);
            return;
        }

        await community.HandleAsync(chat.Id, text, null, message.From?.LanguageCode, cancellationToken, message.MessageId);
    }
}
