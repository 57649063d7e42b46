using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Api;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Care;
using Amanat.Web.Features.Members;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Members;

/// <summary>
/// <c>/api/v1/members</c>: the same records, rules, duplicate warning, scopes and audit as the pages. Finding a
/// member is a POST, so that names and UIC letters never travel in a URL.
/// </summary>
internal static class MembersApi
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/members").WithTags("Members")
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.ReadRecords));
        api.MapGet("/", ListAsync)
            .WithSummary("Members the caller may open, most recently changed first; 50 per page.");
        api.MapPost("/find", FindAsync)
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.FindMember))
            .WithSummary("Members whose working name or UIC (all four parts) is exactly this: ids and working names only.");
        api.MapGet("/{id:guid}", ReadAsync).WithSummary("One member; the read is audited.");
        api.MapPost("/", CreateAsync)
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.CreateRecords))
            .WithSummary("Registers a member. 409 with the possible duplicates' working names when her UIC or contact is known; repeat with ?despiteDuplicates=true.");
        api.MapPut("/{id:guid}", UpdateAsync)
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.CreateRecords))
            .WithSummary("Replaces a member's record; the UIC is kept unless its parts are given again.");
        api.MapGet("/{id:guid}/services", ServicesAsync).WithSummary("The help she received, newest first.");
        api.MapPost("/{id:guid}/services", AddServiceAsync)
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.CreateRecords))
            .WithSummary("Records help given to her, optionally in answer to one of her incidents the caller may see.");
        return endpoints;
    }

    private static async Task<Ok<MemberPage>> ListAsync(HttpContext http, AmanatDbContext db, int page = 1)
    {
        var (userId, roles) = (http.User.RequiredUserId(), http.User.Roles());
        var query = db.Members.AsNoTracking().VisibleTo(userId, roles, await MemberScope.AssignedMemberIdsAsync(db, userId, roles));
        var total = await query.CountAsync();
        page = Math.Max(1, page);
        var rows = await query.OrderByDescending(m => m.UpdatedAtUtc).ThenBy(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return TypedResults.Ok(new MemberPage(total, page, [.. rows.Select(MemberView.From)]));
    }

    private static async Task<Ok<List<FoundMember>>> FindAsync(MemberQuery query, MemberRecorder recorder)
    {
        var found = await recorder.FindAsync(query.WorkingName, new UicParts(query.Sex, query.BirthYear, query.MotherName, query.FatherName));
        return TypedResults.Ok(found.Select(m => new FoundMember(m.Id, m.WorkingName)).ToList());
    }

    private static async Task<Results<Ok<MemberView>, NotFound>> ReadAsync(Guid id, HttpContext http, AmanatDbContext db, AuditTrail audit)
    {
        if (await FindVisibleAsync(db, http, id, tracked: false) is not { } member)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditEventType.MemberRead, id);
        return TypedResults.Ok(MemberView.From(member));
    }

    private static async Task<Results<Created<MemberView>, ValidationProblem, Conflict<DuplicateProblem>>> CreateAsync(
        MemberDraft draft, HttpContext http, MemberRecorder recorder, IStringLocalizer<SharedResource> localizer, bool despiteDuplicates = false)
    {
        var result = await recorder.SaveAsync(null, draft, http.User.RequiredUserId(), http.User.Roles(), despiteDuplicates);
        return result switch
        {
            { Member: { } member } => TypedResults.Created($"/api/v1/members/{member.Id}", MemberView.From(member)),
            { Errors.Count: > 0 } => RuleProblems.From(result.Errors, localizer),
            _ => TypedResults.Conflict(Duplicates(result, localizer)),
        };
    }

    private static async Task<Results<Ok<MemberView>, NotFound, ValidationProblem, Conflict<DuplicateProblem>>> UpdateAsync(
        Guid id, MemberDraft draft, HttpContext http, AmanatDbContext db, MemberRecorder recorder, IStringLocalizer<SharedResource> localizer, bool despiteDuplicates = false)
    {
        if (await FindVisibleAsync(db, http, id, tracked: true) is not { } existing)
        {
            return TypedResults.NotFound();
        }

        var result = await recorder.SaveAsync(existing, draft, http.User.RequiredUserId(), http.User.Roles(), despiteDuplicates);
        return result switch
        {
            { Member: { } member } => TypedResults.Ok(MemberView.From(member)),
            { Errors.Count: > 0 } => RuleProblems.From(result.Errors, localizer),
            _ => TypedResults.Conflict(Duplicates(result, localizer)),
        };
    }

    private static async Task<Results<Ok<List<MemberServiceView>>, NotFound>> ServicesAsync(Guid id, HttpContext http, AmanatDbContext db, KeyVault vault)
    {
        if (await FindVisibleAsync(db, http, id, tracked: false) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.ServiceRecords.AsNoTracking().ForMember(vault.Keys, id).OrderByDescending(s => s.GivenOn).ThenBy(s => s.Id).ToListAsync();
        return TypedResults.Ok(rows.Select(MemberServiceView.From).ToList());
    }

    private static async Task<Results<Created<MemberServiceView>, NotFound, ValidationProblem>> AddServiceAsync(
        Guid id, ServiceDraft draft, HttpContext http, AmanatDbContext db, ServiceRecorder services, IStringLocalizer<SharedResource> localizer)
    {
        if (await FindVisibleAsync(db, http, id, tracked: false) is null)
        {
            return TypedResults.NotFound();
        }

        if (draft.IncidentId is { } incident && !await db.Incidents.VisibleTo(http.User.RequiredUserId(), http.User.Roles()).AnyAsync(x => x.Id == incident))
        {
            return RuleProblems.From([new RuleError(nameof(ServiceDraft.IncidentId), "Rule.UnknownCode")], localizer);
        }

        var (record, errors) = await services.AddAsync(draft, id, http.User.RequiredUserId());
        return record is null
            ? RuleProblems.From(errors, localizer)
            : TypedResults.Created($"/api/v1/members/{id}/services", MemberServiceView.From(record));
    }

    private static DuplicateProblem Duplicates(MemberSaveResult result, IStringLocalizer localizer) =>
        new(StatusCodes.Status409Conflict, localizer["Member.Duplicate.Confirm"], [.. result.Duplicates.Select(d => d.WorkingName ?? string.Empty)], result.OtherDuplicates,
            result.OtherDuplicates > 0 ? localizer["Member.Duplicate.Elsewhere"].Value : null);

    private static async Task<Member?> FindVisibleAsync(AmanatDbContext db, HttpContext http, Guid id, bool tracked)
    {
        var (userId, roles) = (http.User.RequiredUserId(), http.User.Roles());
        var query = db.Members.VisibleTo(userId, roles, await MemberScope.AssignedMemberIdsAsync(db, userId, roles));
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(x => x.Id == id);
    }
}

/// <summary>A member as the API shows her: never the UIC, only whether one is recorded.</summary>
internal sealed record MemberView(
    Guid Id, string? WorkingName, bool HasUic, int? BirthYear, string? NationalityCode, IReadOnlyList<string> Languages, string? CityCode,
    ContactChannel? ContactChannel, string? Contact, string? Notes, ConsentValue ServicesConsent, DateTime CreatedAtUtc, DateTime UpdatedAtUtc)
{
    public static MemberView From(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id, member.WorkingName, member.UicIndex is not null, member.BirthYear, member.NationalityCode, MemberLanguages.Split(member.Languages),
            member.CityCode, member.ContactChannel, member.Contact, member.Notes, member.ServicesConsent, member.CreatedAtUtc, member.UpdatedAtUtc);
    }
}

internal sealed record MemberPage(int Total, int Page, IReadOnlyList<MemberView> Items);

/// <summary>What "find a member" sends: an exact working name, or the four UIC parts (not stored).</summary>
internal sealed record MemberQuery(string? WorkingName, UicSex? Sex, int? BirthYear, string? MotherName, string? FatherName);

internal sealed record FoundMember(Guid Id, string? WorkingName);

/// <summary>409: possibly the same woman; the message says to check, or to repeat with <c>despiteDuplicates=true</c>.</summary>
/// <param name="Duplicates">Working names of the possible duplicates the caller may open.</param>
/// <param name="OutsideScope">How many others exist outside the caller's scope (never named: a coordinator can look).</param>
internal sealed record DuplicateProblem(int Status, string Title, IReadOnlyList<string> Duplicates, int OutsideScope, string? Detail);

internal sealed record MemberServiceView(Guid Id, string Code, DateOnly GivenOn, int? Nights, string? Provider, string? Note, Guid? IncidentId)
{
    public static MemberServiceView From(ServiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.Code, record.GivenOn, record.Nights, record.Provider, record.Note, record.IncidentId);
    }
}
