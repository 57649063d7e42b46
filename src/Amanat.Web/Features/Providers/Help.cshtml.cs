using Amanat.Core.Data;
using Amanat.Core.Providers;
using Amanat.Core.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Providers;

/// <summary>
/// Friendly services anyone may see: the providers the centre made public, by city and kind. No sign-in, no
/// cookie, nothing about her; light and printable; works while the server is sealed (nothing is encrypted here).
/// </summary>
internal sealed class HelpModel(AmanatDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public IReadOnlyList<Provider> Providers { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    /// <summary>The cities that have at least one public provider, for the choice at the top.</summary>
    public IReadOnlyList<string> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City).ToListAsync());
        var published = db.Providers.AsNoTracking().Where(p => p.IsPublic && p.RetiredAtUtc == null);
        Cities = await published.Select(p => p.CityCode).Distinct().ToListAsync();
        var query = string.IsNullOrEmpty(City) ? published : published.Where(p => p.CityCode == City);
        Providers = await query.OrderBy(p => p.CityCode).ThenBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync();
    }
}
