namespace Amanat.Web.Telegram;

/// <summary>Every few minutes, sends the day's staff reminders that are due (<see cref="StaffReminders.SendDueAsync"/>).</summary>
internal sealed partial class StaffReminderSchedule(TelegramBot bot, IServiceScopeFactory scopes, ILogger<StaffReminderSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (bot.Client is null)
            {
                continue; // no bot (yet): a stored token comes with the unsealing
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StaffReminders>().SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff reminders could not be sent ({Error}).")]
    private static partial void LogFailed(ILogger logger, string error);
}
