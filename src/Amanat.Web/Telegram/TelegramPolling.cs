using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Amanat.Web.Telegram;

/// <summary>
/// Keeps the bot connected while the web host runs: loads a stored token whenever the server is unsealed,
/// then either long-polls the Bot API (the default) or registers the webhook (<see cref="TelegramWebhook"/>)
/// with a fresh secret. Each update is handled in its own scope by <see cref="TelegramUpdates"/>; a failure is
/// logged by its type only — nothing from a chat reaches a log.
/// </summary>
internal sealed partial class TelegramPolling(TelegramBot bot, KeyVault vault, IServiceScopeFactory scopes, IOptions<AmanatOptions> options, ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ITelegramBotClient? connected = null;
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (bot.Client is null && !vault.IsSealed)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TelegramTokenStore>().LoadAsync(stoppingToken);
                }

                if (bot.Client is not { } client)
                {
                    connected = null;
                    await bot.WaitForChangeAsync(Pause, stoppingToken);
                    continue;
                }

                if (!ReferenceEquals(client, connected))
                {
                    bot.UserName = (await client.GetMe(stoppingToken)).Username;
                    if (bot.WebhookUrl is { } url)
                    {
                        await client.SetWebhook(url, allowedUpdates: Wanted, secretToken: bot.WebhookSecret, cancellationToken: stoppingToken);
                    }
                    else
                    {
                        // A webhook left from an earlier run would make long polling fail.
                        await client.DeleteWebhook(cancellationToken: stoppingToken);
                    }

                    connected = client;
                    offset = null;
                }

                if (bot.WebhookUrl is not null)
                {
                    await bot.WaitForChangeAsync(Pause, stoppingToken);
                    continue;
                }

                var updates = await client.GetUpdates(offset, 100, options.Value.Telegram.PollSeconds, Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    offset = update.Id + 1;
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<TelegramUpdates>().HandleAsync(update, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogUpdateFailed(logger, e.GetType().Name);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(logger, e.GetType().Name);
                connected = null;
                await Task.Delay(Pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram update could not be handled ({Error}).")]
    private static partial void LogUpdateFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed ({Error}); trying again shortly.")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
