using System.Globalization;
using Amanat.Core.Members;
using Amanat.Core.SelfReports;
using Amanat.Web.Features.Community;
using Amanat.Web.Features.SelfReports;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SelfReports;

/// <summary>
/// The anonymous self-report through the API (for partner apps and the bot's web twin): no login, no code,
/// the same rules, limits and sealing on arrival as <c>/report</c>. Errors are problem details in the
/// language of <c>?lang=</c> or <c>Accept-Language</c>; the reference comes back once, in the body.
/// </summary>
internal static class PublicReportsApi
{
    public static IEndpointRouteBuilder MapPublicReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/public/reports").WithTags("Community: self-reports").AllowAnonymous().DisableAntiforgery();
        api.MapPost("/", ReportAsync)
            .WithSummary("Sends a self-report; it is sealed to the self-report key on arrival (accepted while the server is sealed). Answers with the reference she can quote or withdraw it with.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/withdraw", WithdrawAsync)
            .WithSummary("Withdraws a self-report by its reference: deleted if not yet reviewed, else its content is deleted and the fact kept.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<Results<Created<ReportReceipt>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        SelfReportRequest request, HttpContext http, SelfReportInbox inbox, PublicLimits limits, IStringLocalizer<SharedResource> localizer)
    {
        var content = request.ToContent(Languages.Current.Code);
        var problems = SelfReportRules.Check(content, await inbox.CitiesAsync(), inbox.Today);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => localizer[p.MessageKey].Value).Distinct().ToArray()));
        }

        if (limits.TryReport(http) is { } wait)
        {
            return TooMany(http, wait, localizer);
        }

        var (reference, _) = await inbox.ReceiveAsync(content, SelfReportChannel.Api, http.RequestAborted);
        return TypedResults.Created((string?)null, new ReportReceipt(reference!));
    }

    private static async Task<Results<Ok<WithdrawReceipt>, ProblemHttpResult>> WithdrawAsync(
        WithdrawRequest request, HttpContext http, SelfReportInbox inbox, PublicLimits limits, IStringLocalizer<SharedResource> localizer)
    {
        if (limits.TryLookup(http) is { } wait)
        {
            return TooMany(http, wait, localizer);
        }

        var outcome = await inbox.WithdrawAsync(request.Reference);
        return outcome == WithdrawOutcome.NotFound
            ? Infrastructure.ErrorHandling.Problem(http, localizer["Withdraw.NotFound"], StatusCodes.Status404NotFound)
            : TypedResults.Ok(new WithdrawReceipt(outcome == WithdrawOutcome.Deleted ? "deleted" : "withdrawn"));
    }

    private static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait, IStringLocalizer localizer)
    {
        http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Infrastructure.ErrorHandling.Problem(http, localizer["Report.TryLater", PublicLimits.Minutes(wait)], StatusCodes.Status429TooManyRequests);
    }

    private static string JsonName(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}

/// <summary>A self-report as JSON. Everything is optional except something about what happened (<c>what</c> or <c>story</c>).</summary>
internal sealed record SelfReportRequest(
    IReadOnlyList<string>? What = null,
    DateOnly? When = null,
    string? CityCode = null,
    string? Who = null,
    string? Phone = null,
    string? Plate = null,
    string? Name = null,
    string? Unit = null,
    string? Description = null,
    string? Story = null,
    IReadOnlyList<string>? Needs = null,
    ContactChannel? ContactChannel = null,
    string? Contact = null,
    IReadOnlyList<string>? Consents = null)
{
    public SelfReportContent ToContent(string language) => new ReportInput
    {
        What = [.. What ?? []],
        When = When,
        CityCode = CityCode,
        Who = Who,
        Phone = Phone,
        Plate = Plate,
        Name = Name,
        Unit = Unit,
        Description = Description,
        Story = Story,
        Needs = [.. Needs ?? []],
        ContactChannel = ContactChannel,
        Contact = Contact,
        Consents = [.. Consents ?? []],
    }.ToContent(language);
}

internal sealed record ReportReceipt(string Reference);

internal sealed record WithdrawRequest(string? Reference);

internal sealed record WithdrawReceipt(string Outcome);
