using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
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

namespace Amanat.Web.Features.Members;

/// <summary>
/// One member: what the centre knows, the incidents she is in (those the reader may open), the services she
/// received, and a quick form to record a service now. Every opening is audited.
/// </summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class MemberModel(AmanatDbContext db, AuditTrail audit, KeyVault vault, Amanat.Web.Features.Care.ServiceRecorder services, Amanat.Web.Features.Care.ReferralRecorder referrals, Amanat.Web.Features.Care.ShelterDesk shelter, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public Incidents.ResponseInput Service { get; set; } = new();

    /// <summary>The incident this help answers, if any: one of hers that the reader may open.</summary>
    [BindProperty]
    public Guid? ServiceIncidentId { get; set; }

    [BindProperty]
    public ReferralInput Refer { get; set; } = new();

    public Member Member { get; private set; } = null!;

    public IReadOnlyList<Referral> Referrals { get; private set; } = [];

    /// <summary>Providers still on the list (for a new referral) and the names of all her referrals' providers.</summary>
    public IReadOnlyList<Amanat.Core.Providers.Provider> Providers { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ProviderNames { get; private set; } = new Dictionary<Guid, string>();

    public DateOnly Today => referrals.Today;

    /// <summary>Her open shelter stay, if she is in the shelter now.</summary>
    public ServiceRecord? Stay { get; private set; }

    public bool HasShelter => shelter.Settings.Beds > 0;

    /// <summary>Shown after "all beds are taken": tick to check her in all the same.</summary>
    public bool AskDespiteFull { get; private set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public IReadOnlyList<ServiceRecord> Services { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public bool CanRecord => Permissions.Allows(User.Roles(), Permission.CreateRecords);

    /// <summary>Coordinators forget a member when she asks.</summary>
    public bool CanForget => Permissions.Allows(User.Roles(), Permission.AssignAndHandOver);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditEventType.MemberRead, Id);
        return Page();
    }

    public async Task<IActionResult> OnPostServiceAsync()
    {
        if (!CanRecord || !await LoadAsync())
        {
            return NotFound();
        }

        if (ServiceIncidentId is { } linked && Incidents.All(i => i.Id != linked))
        {
            ModelState.AddModelError(nameof(ServiceIncidentId), localizer["Rule.UnknownCode"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (_, errors) = await services.AddAsync(Service.ToDraft(ServiceIncidentId), Id, User.RequiredUserId(), Vocabulary);
        ModelState.AddRuleErrors(nameof(Service), errors, localizer);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return Redirect($"/staff/members/{Id}#services");
    }

    public async Task<IActionResult> OnPostReferAsync()
    {
        if (!CanRecord || !await LoadAsync())
        {
            return NotFound();
        }

        if (Refer.IncidentId is { } linked && Incidents.All(i => i.Id != linked))
        {
            ModelState.AddModelError("Refer.IncidentId", localizer["Rule.UnknownCode"]);
        }

        if (ModelState.IsValid)
        {
            var (_, errors) = await referrals.AddAsync(Member, Refer.ToDraft(), User.RequiredUserId());
            ModelState.AddRuleErrors(nameof(Refer), errors, localizer);
        }

        return ModelState.IsValid ? Redirect($"/staff/members/{Id}#referrals") : Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(DateOnly? arrivedOn, Guid? stayIncidentId, bool despiteFull)
    {
        if (!CanRecord || !await LoadAsync())
        {
            return NotFound();
        }

        if (stayIncidentId is { } linked && Incidents.All(i => i.Id != linked))
        {
            ModelState.AddModelError("Shelter.IncidentId", localizer["Rule.UnknownCode"]);
            return Page();
        }

        var errors = await shelter.CheckInAsync(Id, arrivedOn, stayIncidentId, despiteFull, User.RequiredUserId());
        ModelState.AddRuleErrors("Shelter", errors, localizer);
        AskDespiteFull = errors.Any(e => e.Field == "DespiteFull");
        return ModelState.IsValid ? Redirect($"/staff/members/{Id}#shelter") : Page();
    }

    public async Task<IActionResult> OnPostCheckOutAsync(DateOnly? leftOn)
    {
        if (!CanRecord || !await LoadAsync() || Stay is null)
        {
            return NotFound();
        }

        if (await shelter.CheckOutAsync(Stay.Id, leftOn, User.RequiredUserId()) is { } error)
        {
            ModelState.AddModelError("Shelter.LeftOn", localizer[error]);
            return Page();
        }

        return Redirect($"/staff/members/{Id}#shelter");
    }

    /// <summary>Follows a referral up: its new status, and a new date when it takes longer.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(Guid referralId, ReferralStatus status, DateOnly? dueOn)
    {
        if (!CanRecord || !await LoadAsync() || Referrals.All(r => r.Id != referralId))
        {
            return NotFound();
        }

        var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
        if (await referrals.UpdateAsync(referral, status, dueOn, User.RequiredUserId()) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error]);
            return Page();
        }

        return Redirect($"/staff/members/{Id}#referrals");
    }

    public string Date(DateOnly date) => date.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    public string Label(VocabularyKind kind, string? code) => code is null ? "—" : Vocabulary.Label(kind, code, Localization.Languages.Current.Code);

    private async Task<bool> LoadAsync()
    {
        var assigned = await MemberScope.AssignedMemberIdsAsync(db, User.RequiredUserId(), User.Roles());
        var member = await db.Members.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles(), assigned).SingleOrDefaultAsync(x => x.Id == Id);
        if (member is null)
        {
            return false;
        }

        Member = member;
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());
        var link = BlindIndex.Compute(vault.Keys, new MemberLinkNormaliser(), Id.ToString("N"));
        var linkColumn = BlindIndex.Of(nameof(AffectedPerson.MemberLink));
        var incidentIds = await db.Set<AffectedPerson>().Where(p => EF.Property<byte[]>(p, linkColumn) == link).Select(p => p.IncidentId).ToListAsync();
        Incidents = await db.Incidents.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles())
            .Where(i => incidentIds.Contains(i.Id)).OrderByDescending(i => i.OccurredOn).ToListAsync();
        Services = await db.ServiceRecords.AsNoTracking().ForMember(vault.Keys, Id)
            .OrderByDescending(s => s.GivenOn).ThenBy(s => s.Id).ToListAsync();
        Referrals = await referrals.ForMemberAsync(Id);
        Stay = Services.FirstOrDefault(s => s.IsOpenStay);
        var used = Referrals.Select(r => r.ProviderId).ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => p.RetiredAtUtc == null || used.Contains(p.Id)).OrderBy(p => p.CityCode).ThenBy(p => p.Name).ToListAsync();
        Providers = [.. providers.Where(p => !p.IsRetired)];
        ProviderNames = providers.ToDictionary(p => p.Id, p => p.Name);
        var staffIds = Services.Select(s => s.GivenById).Append(member.CreatedById).Distinct().ToList();
        StaffNames = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? string.Empty);
        return true;
    }
}

internal sealed class ReferralInput
{
    public Guid? ProviderId { get; set; }

    public string? ServiceCode { get; set; }

    public DateOnly? SentOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public string? Note { get; set; }

    public Guid? IncidentId { get; set; }

    public ReferralDraft ToDraft() => new() { ProviderId = ProviderId, ServiceCode = ServiceCode, SentOn = SentOn, DueOn = DueOn, Note = Note, IncidentId = IncidentId };
}
