using Amanat.Core.Data;
using Amanat.Core.Providers;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Providers;

/// <summary>Changes a provider; retiring hides it from new referrals and from /help, and keeps old referrals readable.</summary>
[RequirePermission(Permission.ManageReferenceData)]
internal sealed class EditProviderModel(AmanatDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : ProviderFormPage(db, audit, clock, localizer)
{
    private readonly TimeProvider time = clock;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Provider Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await FindAsync())
        {
            return NotFound();
        }

        Input = ProviderInput.From(Provider);
        await LoadVocabularyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() =>
        !await FindAsync() ? NotFound()
        : await SaveAsync(Provider) is { } saved ? Redirect($"/staff/directory?city={saved.CityCode}") : Page();

    public async Task<IActionResult> OnPostRetireAsync(bool restore)
    {
        if (!await FindAsync())
        {
            return NotFound();
        }

        if (restore)
        {
            Provider.Restore();
        }
        else
        {
            Provider.Retire(time.GetUtcNow().UtcDateTime);
        }

        await SaveWithAuditAsync(Provider);
        return Redirect("/staff/directory");
    }

    private async Task<bool> FindAsync()
    {
        Provider = (await Db.Providers.SingleOrDefaultAsync(p => p.Id == Id))!;
        return Provider is not null;
    }
}
