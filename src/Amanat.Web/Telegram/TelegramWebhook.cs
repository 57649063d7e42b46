using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Amanat.Web.Telegram;

/// <summary>
/// Webhook mode (<c>Amanat__Telegram__WebhookUrl</c>): Telegram posts each update to <c>/telegram/webhook</c>
/// with the secret the bot registered. Anything else — no webhook mode, no bot, a wrong secret, not an
/// update — is a plain 404, so the address tells a prober nothing.
/// </summary>
internal static partial class TelegramWebhook
{
    public const string Path = "/telegram/webhook";
    private const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TelegramBot bot, IServiceScopeFactory scopes, ILogger<TelegramBot> logger)
    {
        if (bot.WebhookUrl is null || bot.Client is null
            || !http.Request.Headers.TryGetValue("X-Telegram-Bot-Api-Secret-Token", out var secret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(secret.ToString()), Encoding.ASCII.GetBytes(bot.WebhookSecret)))
        {
            return Results.NotFound();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBody;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or NotSupportedException)
        {
            return Results.NotFound();
        }

        if (update is null)
        {
            return Results.NotFound();
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TelegramUpdates>().HandleAsync(update, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Telegram would only send it again: it is answered, and the failure logged by its type.
            LogFailed(logger, e.GetType().Name);
        }

        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram webhook update could not be handled ({Error}).")]
    private static partial void LogFailed(ILogger logger, string error);
}
