using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Web.Auditing;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Account;

/// <summary>Personal API tokens: created here, shown once, revocable; they carry her own roles.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class TokensModel(AmanatDbContext db, TimeProvider clock, AuditTrail audit, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ApiToken.MaxNameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tokens.Name")]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid && User.UserId() is { } userId)
        {
            try
            {
                var (token, secret) = ApiToken.Create(userId, Name, clock.GetUtcNow().UtcDateTime);
                db.ApiTokens.Add(token);
                await using var transaction = await audit.BeginAsync();
                await db.SaveChangesAsync();
                transaction.Add(AuditEventType.TokenCreated, token.Id);
                await transaction.CommitAsync();
                NewSecret = secret;
                Name = null;
                ModelState.Clear();
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(nameof(Name), localizer[error.MessageKey]);
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var userId = User.UserId();
        var token = await db.ApiTokens.SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.TokenRevoked, token.Id);
        await transaction.CommitAsync();
        return RedirectToPage();
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        Tokens = await db.ApiTokens.Where(x => x.UserId == userId).OrderByDescending(x => x.CreatedAtUtc).ToListAsync();
    }
}
