using Amanat.Core.Data;
using Amanat.Core.Providers;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Providers;

/// <summary>The friendly providers, by city and kind; coordinators and administrators keep the list.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class DirectoryModel(AmanatDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProviderKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    public IReadOnlyList<Provider> Providers { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public bool CanManage => Permissions.Allows(User.Roles(), Permission.ManageReferenceData);

    public async Task OnGetAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City).ToListAsync());
        var query = db.Providers.AsNoTracking().Where(p => Retired ? p.RetiredAtUtc != null : p.RetiredAtUtc == null);
        query = string.IsNullOrEmpty(City) ? query : query.Where(p => p.CityCode == City);
        query = Kind is { } kind ? query.Where(p => p.Kind == kind) : query;
        Providers = await query.OrderBy(p => p.CityCode).ThenBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync();
    }
}
