using System.Globalization;
using Amanat.Core.Members;
using Amanat.Core.SelfReports;
using Amanat.Web.Features.Community;
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
        SelfReportRequest request, HttpContext http, ReceiveSelfReport receive, IStringLocalizer<SharedResource> localizer) =>
        await receive.ReceiveAsync(request.ToContent(Languages.Current.Code), SelfReportChannel.Api, PublicLimits.AddressKey(http.Connection.RemoteIpAddress), http.RequestAborted) switch
        {
            SelfReportReceipt.Problems problems => TypedResults.ValidationProblem(problems.List.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => localizer[p.MessageKey].Value).Distinct().ToArray())),
            SelfReportReceipt.TooMany(var wait) => TooMany(http, wait, localizer),
            SelfReportReceipt.Received(var reference) => TypedResults.Created((string?)null, new ReportReceipt(reference)),
            _ => throw new InvalidOperationException(),
        };

    private static async Task<Results<Ok<WithdrawReceipt>, ProblemHttpResult>> WithdrawAsync(
        WithdrawRequest request, HttpContext http, WithdrawSelfReport withdraw, IStringLocalizer<SharedResource> localizer) =>
        await withdraw.WithdrawAsync(request.Reference, PublicLimits.AddressKey(http.Connection.RemoteIpAddress)) switch
        {
            { Outcome: WithdrawOutcome.TooMany, RetryAfter: var wait } => TooMany(http, wait, localizer),
            { Outcome: WithdrawOutcome.NotFound } => Infrastructure.ErrorHandling.Problem(http, localizer["Withdraw.NotFound"], StatusCodes.Status404NotFound),
            { Outcome: var outcome } => TypedResults.Ok(new WithdrawReceipt(outcome == WithdrawOutcome.Deleted ? "deleted" : "withdrawn")),
        };

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
