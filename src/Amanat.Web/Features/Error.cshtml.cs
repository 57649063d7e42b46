using System.Globalization;
using Amanat.Web.Infrastructure;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features;

/// <summary>A localized error page without technical detail; shown for every error status of a page.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    /// <summary>The server is sealed: the page explains and links to the unlock page.</summary>
    public bool Sealed { get; private set; }

    // No parameters and no bound properties: the error page never reads the request's body, which may be the
    // very thing that failed (a form in a charset nobody can decode, a truncated upload). The code comes from the route.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        // Reached directly (not re-executed after an error): answer with the status it describes.
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = status;
        }

        Message = ErrorHandling.StatusMessage(localizer, Response.StatusCode);
        Sealed = Response.StatusCode == StatusCodes.Status503ServiceUnavailable
            && HttpContext.RequestServices.GetRequiredService<Amanat.Core.Security.KeyVault>().IsSealed;
        if (Sealed)
        {
            Message = localizer["Sealed.Message"];
        }
    }
}
