using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>Changes a draft; an approved or published alert is withdrawn and written again instead.</summary>
[RequirePermission(Permission.WriteAlerts)]
internal sealed class EditAlertModel(AmanatDbContext db, AlertDesk desk, IStringLocalizer<SharedResource> localizer) : AlertFormPage(db, desk, localizer)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Desk.FindAsync(id) is not { Status: AlertStatus.Draft } alert)
        {
            return NotFound();
        }

        Input = AlertInput.From(alert);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await Desk.FindAsync(id) is not { Status: AlertStatus.Draft } alert)
        {
            return NotFound();
        }

        return await SaveAsync(alert, isNew: false) ? Redirect($"/staff/alerts/{alert.Id}?saved=true") : Page();
    }
}
