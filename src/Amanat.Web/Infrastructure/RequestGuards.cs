using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// Requests no reader of Amanat can take, refused at the door with a clear 4xx instead of failing deeper with a 500:
/// <list type="bullet">
/// <item>a body in a character set .NET cannot decode (UTF-7, which .NET disables, or a name it does not know):
/// 415. The form reader throws on UTF-7 and the JSON reader on any unknown name, and the error page could not
/// even be shown for such a request;</item>
/// <item>a query string holding a NUL character: 400. No input of Amanat contains one, and PostgreSQL cannot
/// compare text that does (a filter such as <c>?city=%00</c> failed the query).</item>
/// </list>
/// </summary>
internal static class RequestGuards
{
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return next(context);
            }

            if (!IsSupported(context.Request.ContentType))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }

            if (HasNul(context.Request.Query))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>True without a content type or charset, or when the charset names an encoding this runtime provides.</summary>
    public static bool IsSupported(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Length == 0)
        {
            return true;
        }

        try
        {
            _ = Encoding.GetEncoding(media.Charset.ToString().Trim('"'));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static bool HasNul(IQueryCollection query) =>
        query.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
}
