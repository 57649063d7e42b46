using System.Globalization;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Amanat.Web.Telegram;

/// <summary>Where the bot's token came from.</summary>
internal enum BotTokenSource
{
    None,

    /// <summary><c>Amanat__Telegram__Token</c>: plain in the service's environment.</summary>
    Configuration,

    /// <summary>Set by an administrator and stored encrypted: usable only while the server is unsealed.</summary>
    Stored,
}

/// <summary>
/// The bot's connection to the Bot API when it has a token — from configuration, or stored encrypted by an
/// administrator (<see cref="TelegramTokenStore"/>) and then dropped the moment the server is sealed — its
/// username once known, and its words in a chosen language. Without a token <see cref="Client"/> is null
/// and nothing Telegram runs.
/// </summary>
internal sealed class TelegramBot : IDisposable
{
    private readonly IStringLocalizer<SharedResource> text;
    private readonly KeyVault vault;
    private readonly string? apiBaseUrl;
    private readonly byte[] chatKeySecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private readonly SemaphoreSlim changed = new(0, 1);
    private volatile TelegramBotClient? client;

    public TelegramBot(IOptions<AmanatOptions> options, IStringLocalizer<SharedResource> text, KeyVault vault)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.text = text;
        this.vault = vault;
        var telegram = options.Value.Telegram;
        apiBaseUrl = string.IsNullOrWhiteSpace(telegram.ApiBaseUrl) ? null : telegram.ApiBaseUrl;
        WebhookUrl = string.IsNullOrWhiteSpace(telegram.WebhookUrl) ? null : telegram.WebhookUrl;
        if (telegram.IsConfigured)
        {
            Use(telegram.Token!, BotTokenSource.Configuration);
        }
    }

    /// <summary>The client, or null: no token, or a stored token while the server is sealed.</summary>
    public ITelegramBotClient? Client
    {
        get
        {
            if (Source == BotTokenSource.Stored && vault.IsSealed)
            {
                Use(null, BotTokenSource.None);
            }

            return client;
        }
    }

    public BotTokenSource Source { get; private set; }

    /// <summary>Where Telegram delivers updates when set (webhook mode); null: long polling.</summary>
    public string? WebhookUrl { get; }

    /// <summary>The secret Telegram sends with every webhook call: new for each process, never stored.</summary>
    public string WebhookSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A client for a token, pointed at the configured Bot API server.</summary>
    public TelegramBotClient ClientFor(string token) => new(new TelegramBotClientOptions(token.Trim(), apiBaseUrl));

    /// <summary>Starts (or stops, with null) the bot with a token; the polling or webhook follows.</summary>
    public void Use(string? token, BotTokenSource source)
    {
        if (Source == BotTokenSource.Configuration && source != BotTokenSource.Configuration)
        {
            return; // the environment's token wins while it is there
        }

        client = string.IsNullOrWhiteSpace(token) ? null : ClientFor(token);
        Source = client is null ? BotTokenSource.None : source;
        UserName = null;
        if (changed.CurrentCount == 0)
        {
            try
            {
                changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public void Dispose()
    {
        changed.Dispose();
        Sending.Dispose();
    }

    /// <summary>Waits until the token changes, or the time is up.</summary>
    public Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) => changed.WaitAsync(timeout, cancellationToken);

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
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called through the injected service, like its other members.")]
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
