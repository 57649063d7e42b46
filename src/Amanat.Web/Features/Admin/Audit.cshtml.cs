using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Admin;

/// <summary>The audit trail, newest first, with the chain head to note down and a "verify" action.</summary>
[RequirePermission(Permission.Administer)]
internal sealed class AuditModel(AmanatDbContext db, AuditChain chain, AuditTrail audit, DisplayTimeZone zone) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public AuditHead? Head { get; private set; }

    public AuditVerification? Verification { get; private set; }

    public long? NextBefore { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        Verification = await chain.VerifyAsync(HttpContext.RequestAborted);
        await audit.RecordAsync(AuditEventType.AuditVerified, value: Verification.Verified);
        Before = null;
        await LoadAsync();
        return Page();
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public string NameOf(Guid? id) => id switch
    {
        null => "—",
        { } known when Names.TryGetValue(known, out var name) => name,
        { } other => other.ToString("N")[..8],
    };

    private async Task LoadAsync()
    {
        Head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync();
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (Before is { } before)
        {
            query = query.Where(x => x.Sequence < before);
        }

        Events = await query.OrderByDescending(x => x.Sequence).Take(PageSize).ToListAsync();
        var ids = Events.SelectMany(x => new[] { x.ActorId, x.SubjectId }).OfType<Guid>().Distinct().ToList();
        Names = await db.Users.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.UserName ?? string.Empty);
        NextBefore = Events.Count == PageSize && Events[^1].Sequence > 1 ? Events[^1].Sequence : null;
    }
}
