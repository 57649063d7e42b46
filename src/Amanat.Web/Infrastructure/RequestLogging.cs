using System.Diagnostics;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// One line per request: method, path, status and time. Never the query string, never a body, never a
/// header: what a person typed must not end up in a log. The framework's own request log, which prints
/// the full URL, is switched off in <see cref="LoggingSetup"/>.
/// </summary>
internal static class RequestLogging
{
    public static IApplicationBuilder UseAmanatRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Amanat.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation(
                        "{Method} {Path} {Status} {ElapsedMs:0} ms",
                        context.Request.Method,
                        context.Request.Path.Value,
                        context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }
}

internal static class LoggingSetup
{
    /// <summary>Categories that would log URLs with query strings or request details.</summary>
    public static ILoggingBuilder AddAmanatLogFilters(this ILoggingBuilder logging) =>
        logging
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None)
            .AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Mvc", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
}
