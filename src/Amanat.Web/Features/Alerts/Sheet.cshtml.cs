using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>The live alerts as a sheet to print for outreach, in the chosen language, for a city or all.</summary>
[RequirePermission(Permission.IssueAccessCodes)]
internal sealed class AlertSheetModel(AmanatDbContext db, CommunityChannel channel) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DateOnly Today => channel.Today;

    public async Task OnGetAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync());
        Alerts = await channel.PublishedAsync(City, Localization.Languages.Current.Code);
    }
}
