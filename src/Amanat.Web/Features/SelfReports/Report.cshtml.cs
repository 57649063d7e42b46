using System.Globalization;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.SelfReports;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Community;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SelfReports;

/// <summary>
/// The anonymous self-report: no login, no code, no cookie; works with JavaScript off and while the server
/// is sealed (the report is sealed to the public key on arrival). The answer is a reference to quote or
/// to withdraw it with — shown once, never put in a URL.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ReportModel(AmanatDbContext db, ReceiveSelfReport receive, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public string? Reference { get; private set; }

    public int? RetryMinutes { get; private set; }

    public DateOnly Today => receive.Today;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PublicRequests.IsSameOrigin(Request))
        {
            return BadRequest();
        }

        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A bot filled the hidden field: it looks accepted, nothing is stored.
            Reference = ReadableCode.Create();
            return Page();
        }

        await LoadAsync();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var receipt = await receive.ReceiveAsync(Input.ToContent(Languages.Current.Code), SelfReportChannel.Web, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress));
        switch (receipt)
        {
            case SelfReportReceipt.Problems problems:
                foreach (var problem in problems.List)
                {
                    ModelState.AddModelError("Input." + problem.Field, localizer[problem.MessageKey]);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case SelfReportReceipt.TooMany(var wait):
                RetryMinutes = PublicLimits.Minutes(wait);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                break;
            case SelfReportReceipt.Received(var reference):
                Reference = reference;
                break;
        }

        return Page();
    }

    private async Task LoadAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking()
            .Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator || v.Kind == VocabularyKind.Consent).ToListAsync());
}
