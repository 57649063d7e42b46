using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Providers;

[RequirePermission(Permission.ManageReferenceData)]
internal sealed class NewProviderModel(AmanatDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : ProviderFormPage(db, audit, clock, localizer)
{
    public async Task OnGetAsync() => await LoadVocabularyAsync();

    public async Task<IActionResult> OnPostAsync() =>
        await SaveAsync(null) is { } provider ? Redirect($"/staff/directory?city={provider.CityCode}") : Page();
}
