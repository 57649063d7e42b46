using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// One incident as recorded, its responses and its history. Every opening is audited. Responses are
/// recorded here; a coordinator assigns the lawyer here.
/// </summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class IncidentModel(AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, Amanat.Web.Features.Care.ServiceRecorder services, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public ResponseInput Service { get; set; } = new();

    [BindProperty]
    public Guid? LawyerId { get; set; }

    /// <summary>Which named person the help went to (empty: someone not named, or all of them).</summary>
    [BindProperty]
    public Guid? ForMemberId { get; set; }

    public Incident Incident { get; private set; } = null!;

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public IReadOnlyDictionary<Guid, string> WorkingNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<ServiceRecord> Responses { get; private set; } = [];

    public IReadOnlyList<IncidentRevision> History { get; private set; } = [];

    public IReadOnlyList<StaffUser> Lawyers { get; private set; } = [];

    /// <summary>Evidence files, shown as thumbnails with a link to the page that adds and opens them.</summary>
    public IReadOnlyList<Amanat.Core.Attachments.Attachment> Attachments { get; private set; } = [];

    /// <summary>Other incidents she may read that share a phone, plate, badge, name or station with this one.</summary>
    public IReadOnlyList<Amanat.Core.Identifiers.PossibleMatch> Matches { get; private set; } = [];

    public bool CanAssign => Permissions.Allows(User.Roles(), Permission.AssignAndHandOver);

    public bool CanRecordResponse => Permissions.Allows(User.Roles(), Permission.CreateRecords);

    /// <summary>Earlier values in the history are shown to coordinators; others see which fields changed.</summary>
    public bool SeesHistoryValues => User.Roles().HasFlag(StaffRoles.Coordinator);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditEventType.IncidentRead, Id);
        return Page();
    }

    public async Task<IActionResult> OnPostResponseAsync()
    {
        if (!CanRecordResponse || !await LoadAsync())
        {
            return NotFound();
        }

        if (ForMemberId is { } member && !WorkingNames.ContainsKey(member))
        {
            ModelState.AddModelError(nameof(ForMemberId), localizer["Rule.UnknownCode"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (_, errors) = await services.AddAsync(Service.ToDraft(Id), ForMemberId, User.RequiredUserId(), Vocabulary);
        ModelState.AddRuleErrors(nameof(Service), errors, localizer);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return Redirect($"/staff/incidents/{Id}#responses");
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (!CanAssign || !await LoadAsync())
        {
            return NotFound();
        }

        if (LawyerId is { } lawyer && Lawyers.All(x => x.Id != lawyer))
        {
            ModelState.AddModelError(nameof(LawyerId), localizer["Rule.UnknownCode"]);
            return Page();
        }

        var tracked = await db.Incidents.SingleAsync(x => x.Id == Id);
        tracked.AssignLawyer(LawyerId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.LawyerAssigned, Id);
        await transaction.CommitAsync();
        return Redirect($"/staff/incidents/{Id}");
    }

    public string Date(DateOnly date) => date.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public string Label(VocabularyKind kind, string? code) => Vocabulary.Label(kind, code, Amanat.Web.Localization.Languages.Current.Code);

    private async Task<bool> LoadAsync()
    {
        var incident = await db.Incidents.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles()).WithContent().SingleOrDefaultAsync(x => x.Id == Id);
        if (incident is null)
        {
            return false;
        }

        Incident = incident;
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());
        var memberIds = incident.People.Select(p => p.MemberId).OfType<Guid>().ToList();
        WorkingNames = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName ?? string.Empty);
        Responses = await db.ServiceRecords.AsNoTracking().Where(x => x.IncidentId == Id).OrderBy(x => x.GivenOn).ThenBy(x => x.Id).ToListAsync();
        Attachments = await db.Attachments.AsNoTracking().Where(x => x.IncidentId == Id).OrderBy(x => x.UploadedAtUtc).ThenBy(x => x.Id).ToListAsync();
        History = await db.IncidentRevisions.AsNoTracking().Where(x => x.IncidentId == Id).OrderByDescending(x => x.Version).ToListAsync();
        var staffIds = History.Select(h => h.ChangedById).Concat(Responses.Select(r => r.GivenById)).Append(incident.CreatedById)
            .Concat(incident.AssignedLawyerId is { } l ? [l] : []).Distinct().ToList();
        StaffNames = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? string.Empty);
        if (CanAssign)
        {
            var users = await db.Users.AsNoTracking().Where(u => u.DisabledAtUtc == null).OrderBy(u => u.UserName).ToListAsync();
            Lawyers = [.. users.Where(u => u.Roles.HasFlag(StaffRoles.Lawyer))];
        }

        LawyerId ??= incident.AssignedLawyerId;
        Matches = await Amanat.Core.Identifiers.PerpetratorMatching.FindAsync(db, incident, db.Incidents.VisibleTo(User.RequiredUserId(), User.Roles()));
        return true;
    }
}

/// <summary>The service form of the incident and member pages (checked by <see cref="ServiceRules"/>).</summary>
internal sealed class ResponseInput
{
    public string? Code { get; set; }

    public DateOnly? GivenOn { get; set; }

    public int? Nights { get; set; }

    public string? Provider { get; set; }

    public string? Note { get; set; }

    public ServiceDraft ToDraft(Guid? incidentId) => new() { Code = Code, GivenOn = GivenOn, Nights = Nights, Provider = Provider, Note = Note, IncidentId = incidentId };
}
