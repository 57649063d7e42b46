using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Web.Api;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Care;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Referrals and the shelter through the API: the same recorders, rules, consent check, scopes and audit as
/// the member and shelter pages. Members outside the caller's scope are counted, never named.
/// </summary>
internal static class CareApi
{
    public static IEndpointRouteBuilder MapCareApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Referrals and shelter")
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.FindMember));
        var write = RequirePermissionAttribute.PolicyName(Permission.CreateRecords);
        api.MapGet("/referrals", OpenReferralsAsync).WithSummary("Open referrals of the members the caller may open, overdue first.");
        api.MapPut("/referrals/{id:guid}", FollowUpAsync).RequireAuthorization(write).WithSummary("A referral's new status and, optionally, a new follow-up date.");
        api.MapGet("/members/{id:guid}/referrals", MemberReferralsAsync).WithSummary("Her referrals, newest first.");
        api.MapPost("/members/{id:guid}/referrals", ReferAsync).RequireAuthorization(write)
            .WithSummary("Refers her to a provider; needs her SERVICES consent. Follow-up a week later unless dueOn is given.");
        api.MapGet("/shelter", ShelterAsync).WithSummary("Beds, and who is in the shelter tonight (member ids only for those the caller may open).");
        api.MapPost("/members/{id:guid}/shelter/check-in", CheckInAsync).RequireAuthorization(write)
            .WithSummary("Checks her in (arrivedOn: today when empty). A full shelter answers 400 unless despiteFull is true.");
        api.MapPost("/members/{id:guid}/shelter/check-out", CheckOutAsync).RequireAuthorization(write)
            .WithSummary("Checks her out (leftOn: today when empty); the stay gets its nights.");
        return endpoints;
    }

    private static async Task<Ok<List<ReferralView>>> OpenReferralsAsync(HttpContext http, ReferralRecorder referrals)
    {
        var (open, _) = await referrals.OpenInScopeAsync(http.User.RequiredUserId(), http.User.Roles());
        return TypedResults.Ok(open.Select(r => ReferralView.From(r, referrals.Today)).ToList());
    }

    private static async Task<Results<Ok<ReferralView>, NotFound, ValidationProblem>> FollowUpAsync(
        Guid id, FollowUp body, HttpContext http, AmanatDbContext db, ReferralRecorder referrals, IStringLocalizer<SharedResource> localizer)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id);
        if (referral?.MemberId is not { } memberId || await MemberAsync(db, http, memberId) is null)
        {
            return TypedResults.NotFound();
        }

        return await referrals.UpdateAsync(referral, body.Status, body.DueOn, http.User.RequiredUserId()) is { } error
            ? RuleProblems.From([new RuleError(nameof(FollowUp.Status), error)], localizer)
            : TypedResults.Ok(ReferralView.From(referral, referrals.Today));
    }

    private static async Task<Results<Ok<List<ReferralView>>, NotFound>> MemberReferralsAsync(Guid id, HttpContext http, AmanatDbContext db, ReferralRecorder referrals) =>
        await MemberAsync(db, http, id) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await referrals.ForMemberAsync(id)).Select(r => ReferralView.From(r, referrals.Today)).ToList());

    private static async Task<Results<Created<ReferralView>, NotFound, ValidationProblem>> ReferAsync(
        Guid id, ReferralDraft draft, HttpContext http, AmanatDbContext db, ReferralRecorder referrals, IStringLocalizer<SharedResource> localizer)
    {
        if (await MemberAsync(db, http, id) is not { } member)
        {
            return TypedResults.NotFound();
        }

        if (draft.IncidentId is { } incident && !await db.Incidents.VisibleTo(http.User.RequiredUserId(), http.User.Roles()).AnyAsync(x => x.Id == incident))
        {
            return RuleProblems.From([new RuleError(nameof(ReferralDraft.IncidentId), "Rule.UnknownCode")], localizer);
        }

        var (referral, errors) = await referrals.AddAsync(member, draft, http.User.RequiredUserId());
        return referral is null ? RuleProblems.From(errors, localizer) : TypedResults.Created($"/api/v1/members/{id}/referrals", ReferralView.From(referral, referrals.Today));
    }

    private static async Task<Ok<ShelterView>> ShelterAsync(HttpContext http, AmanatDbContext db, ShelterDesk desk)
    {
        var stays = await desk.OpenStaysAsync();
        var ids = stays.Select(s => s.MemberId).OfType<Guid>().Distinct().ToList();
        var visible = await db.Members.AsNoTracking().VisibleTo(http.User.RequiredUserId(), http.User.Roles()).Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        return TypedResults.Ok(new ShelterView(desk.Settings.Beds, stays.Count, [.. stays.Select(s => new StayView(
            s.Id, s.MemberId is { } m && visible.Contains(m) ? m : null, s.GivenOn, Shelter.NightsSoFar(s, desk.Today), Shelter.IsOverLong(s, desk.Today, desk.Settings.MaxStayNights)))]));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> CheckInAsync(
        Guid id, CheckIn body, HttpContext http, AmanatDbContext db, ShelterDesk desk, IStringLocalizer<SharedResource> localizer)
    {
        if (await MemberAsync(db, http, id) is null)
        {
            return TypedResults.NotFound();
        }

        if (body.IncidentId is { } incident && !await db.Incidents.VisibleTo(http.User.RequiredUserId(), http.User.Roles()).AnyAsync(x => x.Id == incident))
        {
            return RuleProblems.From([new RuleError(nameof(CheckIn.IncidentId), "Rule.UnknownCode")], localizer);
        }

        var errors = await desk.CheckInAsync(id, body.ArrivedOn, body.IncidentId, body.DespiteFull, http.User.RequiredUserId());
        return errors.Count > 0 ? RuleProblems.From(errors, localizer) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> CheckOutAsync(
        Guid id, CheckOut body, HttpContext http, AmanatDbContext db, ShelterDesk desk, IStringLocalizer<SharedResource> localizer)
    {
        if (await MemberAsync(db, http, id) is null || await desk.StayOfAsync(id) is not { } stay)
        {
            return TypedResults.NotFound();
        }

        return await desk.CheckOutAsync(stay.Id, body.LeftOn, http.User.RequiredUserId()) is { } error
            ? RuleProblems.From([new RuleError(nameof(CheckOut.LeftOn), error)], localizer)
            : TypedResults.NoContent();
    }

    private static Task<Member?> MemberAsync(AmanatDbContext db, HttpContext http, Guid id) =>
        db.Members.AsNoTracking().VisibleTo(http.User.RequiredUserId(), http.User.Roles()).SingleOrDefaultAsync(m => m.Id == id);
}

internal sealed record ReferralView(Guid Id, Guid? MemberId, Guid ProviderId, string ServiceCode, ReferralStatus Status, DateOnly SentOn, DateOnly DueOn, bool Overdue, string? Note, Guid? IncidentId)
{
    public static ReferralView From(Referral referral, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(referral.Id, referral.MemberId, referral.ProviderId, referral.ServiceCode, referral.Status, referral.SentOn, referral.DueOn, referral.IsOverdue(today), referral.Note, referral.IncidentId);
    }
}

internal sealed record FollowUp(ReferralStatus Status, DateOnly? DueOn);

internal sealed record CheckIn(DateOnly? ArrivedOn, Guid? IncidentId, bool DespiteFull);

internal sealed record CheckOut(DateOnly? LeftOn);

internal sealed record StayView(Guid Id, Guid? MemberId, DateOnly ArrivedOn, int Nights, bool NeedsFollowUp);

internal sealed record ShelterView(int Beds, int Taken, IReadOnlyList<StayView> Stays);
