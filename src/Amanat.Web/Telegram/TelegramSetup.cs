namespace Amanat.Web.Telegram;

internal static class TelegramSetup
{
    /// <summary>The bot and staff reminders. The hosted services do nothing when no token is configured.</summary>
    public static IServiceCollection AddAmanatTelegram(this IServiceCollection services)
    {
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<ReportDialogues>();
        services.AddSingleton<AlertPushSignal>();
        services.AddScoped<StaffReminders>();
        services.AddScoped<TelegramUpdates>();
        services.AddScoped<CommunityBot>();
        services.AddScoped<BotReport>();
        services.AddScoped<AlertPushes>();
        services.AddScoped<TelegramTokenStore>();
        services.AddHostedService<TelegramPolling>();
        services.AddHostedService<StaffReminderSchedule>();
        services.AddHostedService<AlertPushSchedule>();
        return services;
    }
}
