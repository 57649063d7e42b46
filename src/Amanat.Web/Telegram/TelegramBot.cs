using System.Globalization;
using Amanat.Web.Infrastructure;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Amanat.Web.Telegram;

/// <summary>
/// The bot's connection to the Bot API when a token is configured (<see cref="TelegramOptions"/>), its
/// username once known, and its words in a chosen language. Without a token <see cref="Client"/> is null
/// and nothing Telegram runs.
/// </summary>
public sealed class TelegramBot
{
    private readonly IStringLocalizer<SharedResource> text;
    private readonly byte[] chatKeySecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public TelegramBot(IOptions<AmanatOptions> options, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.text = text;
        var telegram = options.Value.Telegram;
        if (telegram.IsConfigured)
        {
            var baseUrl = string.IsNullOrWhiteSpace(telegram.ApiBaseUrl) ? null : telegram.ApiBaseUrl;
            Client = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token!.Trim(), baseUrl));
        }
    }

    public ITelegramBotClient? Client { get; }

    /// <summary>The bot's @username, learned from the Bot API when polling starts; null until then.</summary>
    public string? UserName { get; set; }

    /// <summary>One sender of reminders at a time, so that a reminder never goes out twice.</summary>
    public SemaphoreSlim Sending { get; } = new(1, 1);

    /// <summary>A message in the given language, whatever the language of the request (if any) that led here.</summary>
    public string Say(Language language, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            return text[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// A chat's key for the limits while it has no record (a report while sealed): a keyed hash under a
    /// random key that lives only as long as this process, so the chat id is not in the limiter's memory.
    /// </summary>
    public string ChatKey(long chatId) =>
        Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(chatKeySecret, BitConverter.GetBytes(chatId)), 0, 16);

    /// <summary>Deletes the bot's (and, in a private chat, her) messages; what Telegram no longer allows (after 48 hours) is skipped.</summary>
    public async Task DeleteAsync(ITelegramBotClient client, long chatId, IReadOnlyCollection<int> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var batch in messageIds.Distinct().Chunk(100))
        {
            try
            {
                await client.DeleteMessages(chatId, batch, cancellationToken);
            }
            catch (ApiRequestException)
            {
                // Too old, or already gone: nothing else to do.
            }
        }
    }

    /// <summary>Token format of @BotFather: the bot's number, a colon, and a secret.</summary>
    public static bool IsValidToken(string? token) =>
        string.IsNullOrWhiteSpace(token)
        || (token.Trim().Split(':') is [var id, var secret] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && secret.Length > 0 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
