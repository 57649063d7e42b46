using Amanat.Web.Features.Community;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// The number check and the alerts feed for apps: the community access code in the <c>X-Access-Code</c>
/// header (never in the URL), the same answers and limits as <c>/check</c> and <c>/alerts</c>.
/// </summary>
internal static class PublicCommunityApi
{
    public const string CodeHeader = "X-Access-Code";

    public static IEndpointRouteBuilder MapPublicCommunityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/public").WithTags("Community: check and alerts").AllowAnonymous().DisableAntiforgery();
        api.MapPost("/check", CheckAsync)
            .WithSummary("Checks a phone number or plate in any common format: no record, or the alert codes with how many reports stand behind each; the latest city and month only when two or more reports stand behind them.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/alerts", AlertsAsync)
            .WithSummary("Published alerts, newest first, for a city (city=code) or all, with the description in the caller's language when there is one.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<CheckView>, ProblemHttpResult>> CheckAsync(
        CheckRequest request, [FromHeader(Name = CodeHeader)] string? code, HttpContext http, CheckNumber check, IStringLocalizer<SharedResource> localizer)
    {
        var result = await check.CheckAsync(new NumberCheck(request.Q, PublicLimits.AddressKey(http.Connection.RemoteIpAddress), code));
        if (result.Refusal != ChannelRefusal.None)
        {
            return Refused(http, result.Refusal, result.RetryAfter, localizer);
        }

        var answer = result.Answer!;
        return TypedResults.Ok(new CheckView(
            answer.Found,
            answer.Reports,
            [.. answer.Codes.Select(c => new CodeCount(c.Code, localizer["AlertCode." + c.Code], c.Reports))],
            answer.CityCode,
            answer.Year is { } year ? (answer.Month is { } m ? $"{year:D4}-{m:D2}" : $"{year:D4}") : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult>> AlertsAsync(
        [FromHeader(Name = CodeHeader)] string? code, string? city, HttpContext http, CommunityChannel channel, IStringLocalizer<SharedResource> localizer)
    {
        var feed = await channel.FeedAsync(code, city, Languages.Current.Code, PublicLimits.AddressKey(http.Connection.RemoteIpAddress));
        return feed.Refusal == ChannelRefusal.None ? TypedResults.Ok(feed.Alerts) : Refused(http, feed.Refusal, feed.RetryAfter, localizer);
    }

    private static ProblemHttpResult Refused(HttpContext http, ChannelRefusal refusal, TimeSpan? wait, IStringLocalizer localizer)
    {
        var minutes = PublicLimits.Minutes(wait);
        if (wait is { } retry)
        {
            http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Infrastructure.ErrorHandling.Problem(http, localizer["Channel." + refusal, minutes], SavedCode.Status(refusal));
    }
}

internal sealed record CheckRequest(string? Q);

internal sealed record CodeCount(string Code, string Label, int Reports);

/// <summary>The check's answer: found or not, how many reports, per code; city and month only when two or more reports stand behind them.</summary>
internal sealed record CheckView(bool Found, int Reports, IReadOnlyList<CodeCount> Codes, string? CityCode, string? Month);
