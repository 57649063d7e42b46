using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Amanat.Web.Telegram;

/// <summary>
/// Long polling of the Bot API while the web host runs. Each update is handled in its own scope by
/// <see cref="TelegramUpdates"/>; a failure is logged by its type only — nothing from a chat reaches a log.
/// </summary>
public sealed partial class TelegramPolling(TelegramBot bot, IServiceScopeFactory scopes, IOptions<AmanatOptions> options, ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (bot.Client is not { } client)
        {
            return;
        }

        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bot.UserName ??= (await client.GetMe(stoppingToken)).Username;
                var updates = await client.GetUpdates(offset, 100, options.Value.Telegram.PollSeconds, [UpdateType.Message, UpdateType.CallbackQuery], stoppingToken);
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
                await Task.Delay(Pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram update could not be handled ({Error}).")]
    private static partial void LogUpdateFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed ({Error}); trying again shortly.")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
