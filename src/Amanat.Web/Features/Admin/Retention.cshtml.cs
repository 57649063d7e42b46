using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Retention;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Amanat.Web.Retention;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Admin;

/// <summary>
/// How long each kind of data is kept (days; 0: until someone deletes it), and "run now". Every change is
/// audited with its kind and days; the daily job's deletions are audited with their counts.
/// </summary>
[RequirePermission(Permission.Administer)]
internal sealed class RetentionModel(AmanatDbContext db, RetentionJob job, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Days per kind as typed (kept as text so that a wrong entry is shown back as it was).</summary>
    [BindProperty]
    public Dictionary<RetentionKind, string?> Input { get; set; } = [];

    [TempData]
    public string? Done { get; set; }

    /// <summary>The last "run now": kind=count pairs.</summary>
    [TempData]
    public string? Ran { get; set; }

    public IReadOnlyList<(RetentionKind Kind, int Count)> RanCounts =>
        Ran is null ? [] : [.. Ran.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => (Enum.Parse<RetentionKind>(p[0]), int.Parse(p[1], CultureInfo.InvariantCulture)))];

    public async Task OnGetAsync()
    {
        var periods = await RetentionJob.PeriodsAsync(db, HttpContext.RequestAborted);
        Input = periods.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var chosen = new Dictionary<RetentionKind, int>();
        foreach (var kind in RetentionPolicy.Kinds)
        {
            var typed = Input.GetValueOrDefault(kind)?.Trim();
            if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && RetentionPolicy.IsValid(days))
            {
                chosen[kind] = days;
            }
            else
            {
                ModelState.AddModelError($"Input[{kind}]", localizer["Retention.Error.Days", RetentionPolicy.MinDays, RetentionPolicy.MaxDays]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await RetentionJob.PeriodsAsync(db, HttpContext.RequestAborted);
        var stored = await db.RetentionPolicies.ToDictionaryAsync(p => p.Kind, HttpContext.RequestAborted);
        var changed = chosen.Where(c => current[c.Key] != c.Value).ToList();
        foreach (var (kind, days) in changed)
        {
            if (stored.TryGetValue(kind, out var policy))
            {
                policy.Change(days, User.UserId(), now);
            }
            else
            {
                db.RetentionPolicies.Add(new RetentionPolicy(kind, days, User.UserId(), now));
            }
        }

        await using var transaction = await audit.BeginAsync(cancellationToken: HttpContext.RequestAborted);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        foreach (var (kind, days) in changed)
        {
            transaction.Add(AuditEventType.RetentionChanged, value: ((long)kind * 100_000) + days);
        }

        await transaction.CommitAsync(HttpContext.RequestAborted);

        Done = "Retention.Saved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        var counts = await job.RunAsync(new AuditSource(User.UserId(), AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress)), HttpContext.RequestAborted);
        Ran = string.Join(';', counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}"))) + ";";
        return RedirectToPage();
    }
}
