using Amanat.Core.Alerts;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>One alert as the community will see it, the incidents behind it, and the next step: approve, publish, withdraw (coordinators write and approve alike).</summary>
[RequirePermission(Permission.WriteAlerts)]
internal sealed class AlertDetailsModel(AmanatDbContext db, AlertDesk desk, PublishAlert publish, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Alert Alert { get; private set; } = default!;

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public int Coordinators { get; private set; }

    public DateOnly Today => desk.Today;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id) => ActAsync(id, alert => desk.ApproveAsync(alert, User.RequiredUserId()));

    public async Task<IActionResult> OnPostPublishAsync(Guid id) => await publish.PublishAsync(id) switch
    {
        PublishOutcome.NotFound => NotFound(),
        PublishOutcome.Refused(var messageKey) => await RefusedAsync(id, messageKey),
        _ => Redirect($"/staff/alerts/{id}?saved=true"),
    };

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ActAsync(id, desk.WithdrawAsync);

    public bool MayApprove => Alert.Status == AlertStatus.Draft && (Coordinators <= 1 || Alert.CreatedById != User.UserId());

    private async Task<IActionResult> ActAsync(Guid id, Func<Alert, Task> action)
    {
        if (await desk.FindAsync(id) is not { } alert)
        {
            return NotFound();
        }

        try
        {
            await action(alert);
        }
        catch (DomainException e)
        {
            return await RefusedAsync(id, e.MessageKey);
        }

        return Redirect($"/staff/alerts/{id}?saved=true");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string messageKey)
    {
        ModelState.AddModelError(string.Empty, localizer[messageKey]);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await desk.FindAsync(id) is not { } alert)
        {
            return false;
        }

        Alert = alert;
        Coordinators = await desk.ActiveCoordinatorsAsync();
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync());
        return true;
    }
}
