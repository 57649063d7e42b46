using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Core.Stay;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Stay;

/// <summary>
/// Her documents (where each is, since when, with history) and her movements, with what the stay rules make
/// of them: days used, the last lawful day, registration and host-notification deadlines, the earliest
/// re-entry after a ban — guidance, not legal advice; unknown rules are shown as unknown.
/// </summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class StayModel(AmanatDbContext db, AuditTrail audit, Amanat.Web.Features.Stay.StayRuleStore store, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Member Member { get; private set; } = null!;

    public IReadOnlyList<DocumentRecord> Documents { get; private set; } = [];

    public IReadOnlyList<(MovementRecord Record, Movement Movement)> Movements { get; private set; } = [];

    public StayGuidance Guidance { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public bool CanRecord => Permissions.Allows(User.Roles(), Permission.CreateRecords);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditEventType.MemberRead, Id);
        return Page();
    }

    public async Task<IActionResult> OnPostDocumentAsync(string? typeCode, string? whereabouts, DateOnly? since)
    {
        if (!CanRecord || !await LoadAsync())
        {
            return NotFound();
        }

        if (typeCode is null || !DocumentTypes.All.Contains(typeCode))
        {
            ModelState.AddModelError("typeCode", localizer["Rule.Required"]);
        }

        if (whereabouts is null || !DocumentTypes.Whereabouts.Contains(whereabouts))
        {
            ModelState.AddModelError("whereabouts", localizer["Rule.Required"]);
        }

        if (since is { } s && s > Today)
        {
            ModelState.AddModelError("since", localizer["Rule.FutureDate"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.DocumentRecords.Add(new DocumentRecord(Id, typeCode!, whereabouts!, since ?? Today, User.RequiredUserId(), clock.GetUtcNow().UtcDateTime));
        await SaveAsync(AuditEventType.DocumentRecorded);
        return Redirect($"/staff/members/{Id}/stay#documents");
    }

    public async Task<IActionResult> OnPostMovementAsync(MovementKind? kind, DateOnly? on)
    {
        if (!CanRecord || !await LoadAsync())
        {
            return NotFound();
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            ModelState.AddModelError("kind", localizer["Rule.Required"]);
        }

        if (on is not { } date)
        {
            ModelState.AddModelError("on", localizer["Rule.Required"]);
        }
        else if (date > Today)
        {
            ModelState.AddModelError("on", localizer["Rule.FutureDate"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.MovementRecords.Add(new MovementRecord(Id, new Movement(kind!.Value, on!.Value), User.RequiredUserId(), clock.GetUtcNow().UtcDateTime));
        await SaveAsync(AuditEventType.MovementRecorded);
        return Redirect($"/staff/members/{Id}/stay#movements");
    }

    public string Date(DateOnly date) => date.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A deadline in words: its date (and "to check" when the calendar is not confirmed), or why it is unknown.</summary>
    public string Show(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Date is { } date
            ? Date(date) + (deadline.Uncertain ? " " + localizer["Stay.Uncertain"].Value : string.Empty)
            : localizer[deadline.UnknownBecause ?? StayCalculator.UnknownRule].Value;
    }

    private async Task SaveAsync(AuditEventType type)
    {
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(type, Id);
        await transaction.CommitAsync();
    }

    private async Task<bool> LoadAsync()
    {
        var (userId, roles) = (User.RequiredUserId(), User.Roles());
        var member = await db.Members.AsNoTracking().VisibleTo(userId, roles, await MemberScope.AssignedMemberIdsAsync(db, userId, roles)).SingleOrDefaultAsync(m => m.Id == Id);
        if (member is null)
        {
            return false;
        }

        Member = member;
        Documents = await db.DocumentRecords.AsNoTracking().Where(d => d.MemberId == Id).OrderBy(d => d.TypeCode).ThenByDescending(d => d.Since).ThenByDescending(d => d.RecordedAtUtc).ToListAsync();
        var movements = await db.MovementRecords.AsNoTracking().Where(m => m.MemberId == Id).OrderBy(m => m.RecordedAtUtc).ThenBy(m => m.Id).ToListAsync();
        Movements = [.. movements.Select(m => (m, m.Movement)).Where(x => x.Movement is not null).Select(x => (x.m, x.Movement!)).OrderBy(x => x.Item2.On)];
        var (rules, _) = await store.CurrentAsync();
        Guidance = StayGuidance.For([.. movements.Select(m => m.Movement).OfType<Movement>()], rules.For(member.NationalityCode), rules.WorkingDays, Today);
        return true;
    }
}
