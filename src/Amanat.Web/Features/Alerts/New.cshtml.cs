using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>A new alert, started from an incident (its category, codes, city, month, phones and plates suggested).</summary>
[RequirePermission(Permission.WriteAlerts)]
internal sealed class NewAlertModel(AmanatDbContext db, AlertDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : AlertFormPage(db, desk, localizer)
{
    [BindProperty(SupportsGet = true, Name = "incident")]
    public Guid? FromIncident { get; set; }

    public async Task OnGetAsync()
    {
        var incidents = FromIncident is { } id ? new List<Guid> { id } : [];
        Input = AlertInput.From(incidents.Count > 0 ? await Desk.SuggestAsync(incidents) : new AlertDraft { ExpiresOn = Desk.Today.AddMonths(6), Year = Desk.Today.Year, Month = Desk.Today.Month }, incidents);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var alert = new Alert(User.RequiredUserId(), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(alert, isNew: true) ? Redirect($"/staff/alerts/{alert.Id}?saved=true") : Page();
    }
}
