using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Care;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Open referrals to follow up, overdue first: for a coordinator all of them, for an outreach worker those of
/// the members she may open. The member link is encrypted, so the open referrals are read and kept in memory
/// only for members in scope (their number is small: open ones only).
/// </summary>
[RequirePermission(Permission.FindMember)]
internal sealed class ReferralsModel(AmanatDbContext db, ReferralRecorder recorder) : PageModel
{
    public IReadOnlyList<Referral> Open { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> ProviderNames { get; private set; } = new Dictionary<Guid, string>();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DateOnly Today => recorder.Today;

    public async Task OnGetAsync()
    {
        (Open, Names) = await recorder.OpenInScopeAsync(User.RequiredUserId(), User.Roles());
        var providerIds = Open.Select(r => r.ProviderId).Distinct().ToList();
        ProviderNames = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.Response).ToListAsync());
    }
}
