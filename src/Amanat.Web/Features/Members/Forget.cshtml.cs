using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Members;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Members;

/// <summary>
/// "Forget me", done by a coordinator when a member asks: says what goes and what stays counted, asks her to
/// tick that the member asked and that it cannot be undone, then destroys the member's key and rows.
/// </summary>
[RequirePermission(Permission.AssignAndHandOver)]
internal sealed class ForgetMemberModel(AmanatDbContext db, MemberForgetting forgetting, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public Member? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id);
        return Member is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id);
        if (Member is null)
        {
            return NotFound();
        }

        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), localizer["Forget.Error.Confirm"]);
            return Page();
        }

        await forgetting.ForgetAsync(Id, new AuditSource(User.UserId(), AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress)), cancellationToken: HttpContext.RequestAborted);
        return Redirect("/staff/members?forgotten=true");
    }
}
