using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Api;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Incidents;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// <c>/api/v1/incidents</c>: the same records, rules, messages, scopes and audit as the pages. JSON bodies
/// only (a cross-site form cannot send one), so cookie-authenticated calls are not open to forgery.
/// </summary>
internal static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents")
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.ReadRecords))
            .AddOpenApiOperationTransformer(IncidentsApiExamples.AddAsync);
        api.MapGet("/", ListAsync).WithSummary("Incidents the caller may see, newest first; the filters of the list page; 25 per page.");
        api.MapGet("/{id:guid}", ReadAsync).WithSummary("One incident, decrypted; the read is audited.");
        api.MapPost("/", CreateAsync)
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.CreateRecords))
            .WithSummary("Records an incident. Refused input answers 400 with a localized message per field.");
        api.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replaces an incident's content: a new version in its history.");
        return endpoints;
    }

    private static async Task<Ok<IncidentPage>> ListAsync(
        HttpContext http, AmanatDbContext db, DateOnly? from, DateOnly? to, string? city, string? violation, string? perpetrator, IncidentStatus? status, int page = 1)
    {
        var query = db.Incidents.AsNoTracking().VisibleTo(http.User.RequiredUserId(), http.User.Roles())
            .Filtered(new IncidentFilter(from, to, city, violation, perpetrator, status));
        var total = await query.CountAsync();
        page = Math.Max(1, page);
        var rows = await query.OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.Id)
            .Skip((page - 1) * 25).Take(25)
            .Select(x => new IncidentSummary(x.Id, x.OccurredOn, x.CityCode, x.Status, x.Violations.Select(v => v.Code).ToList(), x.People.Count + x.UnnamedPeople))
            .ToListAsync();
        return TypedResults.Ok(new IncidentPage(total, page, rows));
    }

    private static async Task<Results<Ok<IncidentView>, NotFound>> ReadAsync(Guid id, HttpContext http, AmanatDbContext db, AuditTrail audit)
    {
        if (await FindAsync(db, http, id, tracked: false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditEventType.IncidentRead, id);
        return TypedResults.Ok(await ViewAsync(db, incident));
    }

    private static async Task<Results<Created<IncidentView>, ValidationProblem>> CreateAsync(
        IncidentDraft draft, HttpContext http, AmanatDbContext db, SaveIncident save, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    {
        var userId = http.User.RequiredUserId();
        var incident = Incident.Start(userId, clock.GetUtcNow().UtcDateTime);
        var errors = await save.RunAsync(incident, draft, userId);
        return errors.Count > 0
            ? RuleProblems.From(errors, localizer)
            : TypedResults.Created($"/api/v1/incidents/{incident.Id}", await ViewAsync(db, incident));
    }

    private static async Task<Results<Ok<IncidentView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, IncidentDraft draft, HttpContext http, AmanatDbContext db, SaveIncident save, IStringLocalizer<SharedResource> localizer)
    {
        if (await FindAsync(db, http, id, tracked: true) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var errors = await save.RunAsync(incident, draft, http.User.RequiredUserId());
        return errors.Count > 0 ? RuleProblems.From(errors, localizer) : TypedResults.Ok(await ViewAsync(db, incident));
    }

    private static Task<Incident?> FindAsync(AmanatDbContext db, HttpContext http, Guid id, bool tracked)
    {
        var query = db.Incidents.VisibleTo(http.User.RequiredUserId(), http.User.Roles()).WithContent();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(x => x.Id == id);
    }

    private static async Task<IncidentView> ViewAsync(AmanatDbContext db, Incident incident)
    {
        var memberIds = incident.People.Select(p => p.MemberId).OfType<Guid>().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName);
        var services = await db.ServiceRecords.AsNoTracking().Where(x => x.IncidentId == incident.Id).OrderBy(x => x.GivenOn).ToListAsync();
        return IncidentView.From(incident, names, services);
    }
}

internal sealed record IncidentSummary(Guid Id, DateOnly OccurredOn, string CityCode, IncidentStatus Status, IReadOnlyList<string> Violations, int People);

internal sealed record IncidentPage(int Total, int Page, IReadOnlyList<IncidentSummary> Items);

internal sealed record PersonView(Guid Id, Guid? MemberId, string? WorkingName, IReadOnlyDictionary<string, ConsentValue> Consents);

internal sealed record ServiceView(string Code, DateOnly GivenOn, int? Nights, string? Provider, string? Note);

/// <summary>An incident as the API returns it: the draft's fields, plus ids, version and the services given.</summary>
internal sealed record IncidentView(Guid Id, int Version, IncidentStatus Status, IncidentDraft Content, IReadOnlyList<PersonView> People, IReadOnlyList<ServiceView> Services, Guid? AssignedLawyerId)
{
    public static IncidentView From(Incident incident, IReadOnlyDictionary<Guid, string?> names, IReadOnlyList<ServiceRecord> services)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(services);
        var people = incident.People.Select(p => new PersonView(
            p.Id, p.MemberId, p.MemberId is { } m ? names.GetValueOrDefault(m) : null,
            p.Consents.Select(c => c.Scope).Distinct(StringComparer.Ordinal).ToDictionary(s => s, p.Consent))).ToList();
        var content = incident.ToDraft();
        return new IncidentView(incident.Id, incident.Version, incident.Status, content, people,
            [.. services.Select(s => new ServiceView(s.Code, s.GivenOn, s.Nights, s.Provider, s.Note))], incident.AssignedLawyerId);
    }
}
