using System.Globalization;
using Amanat.Web.Features.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Features.SelfReports;

/// <summary>
/// Withdraw a self-report with its reference: an unreviewed one is deleted; a reviewed one loses its
/// content and keeps the fact. Works while sealed; limited per address so references cannot be guessed.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class WithdrawModel(WithdrawSelfReport withdraw) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    public WithdrawOutcome? Outcome { get; private set; }

    public int? RetryMinutes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PublicRequests.IsSameOrigin(Request))
        {
            return BadRequest();
        }

        var result = await withdraw.WithdrawAsync(Reference, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress));
        if (result is { Outcome: WithdrawOutcome.TooMany, RetryAfter: var wait })
        {
            RetryMinutes = PublicLimits.Minutes(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        Outcome = result.Outcome;
        if (Outcome == WithdrawOutcome.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            Reference = null;
        }

        return Page();
    }
}
