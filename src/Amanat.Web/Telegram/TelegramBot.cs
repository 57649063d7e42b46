using System.Globalization;
using Amanat.Web.Infrastructure;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Amanat.Web.Telegram;

/// <summary>
/// The bot's connection to the Bot API when a token is configured (<see cref="TelegramOptions"/>), its
/// username once known, and its words in a chosen language. Without a token <see cref="Client"/> is null
/// and nothing Telegram runs.
/// </summary>
public sealed class TelegramBot
{
    private readonly IStringLocalizer<SharedResource> text;

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

    /// <summary>Token format of @BotFather: the bot's number, a colon, and a secret.</summary>
    public static bool IsValidToken(string? token) =>
        string.IsNullOrWhiteSpace(token)
        || (token.Trim().Split(':') is [var id, var secret] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && secret.Length > 0 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
