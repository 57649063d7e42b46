using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// The incidents she may see, newest first, filtered by period, city, violation, perpetrator category and
/// status. Only coded fields are read: the list never decrypts a story.
/// </summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class IncidentsModel(AmanatDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Violation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Perpetrator { get; set; }

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<IncidentRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public bool CanCreate => Permissions.Allows(User.Roles(), Permission.CreateRecords);

    public async Task OnGetAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());
        var query = db.Incidents.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles())
            .Filtered(new IncidentFilter(From, To, City, Violation, Perpetrator, Status));

        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query
            .OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new IncidentRow(x.Id, x.OccurredOn, x.CityCode, x.Status, x.Violations.Select(v => v.Code).ToList(), x.People.Count + x.UnnamedPeople))
            .ToListAsync();
    }

    /// <summary>The current filters with another page number, for the pager links.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        return "/staff/incidents?" + string.Join('&', query.Append($"page={page}"));
    }
}

internal sealed record IncidentRow(Guid Id, DateOnly OccurredOn, string CityCode, IncidentStatus Status, IReadOnlyList<string> Violations, int People);
