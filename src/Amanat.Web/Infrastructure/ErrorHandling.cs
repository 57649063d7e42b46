using System.Globalization;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// Errors never show a stack trace. The API answers with RFC 9457 problem details whose title is a
/// localized, human sentence; pages show a localized error page.
/// </summary>
internal static class ErrorHandling
{
    /// <summary>Set on a request whose endpoint wrote its own localized title (a refusal with a reason), so that it is kept.</summary>
    public const string OwnTitle = "amanat:own-problem-title";

    /// <summary>A problem whose localized title says exactly why (kept as written).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(HttpContext http, string title, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[OwnTitle] = true;
        return TypedResults.Problem(title: title, statusCode: status);
    }

    public static IServiceCollection AddAmanatProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.HttpContext.Items[OwnTitle] is not true)
            {
                context.ProblemDetails.Title = context.HttpContext.Items[Keys.SealedGate.SealedFlag] is true
                    ? localizer["Sealed.Message"]
                    : StatusMessage(localizer, status);
            }

            context.ProblemDetails.Detail = null;
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

    public static IApplicationBuilder UseAmanatErrorHandling(this IApplicationBuilder app)
    {
        app.UseWhen(
            context => AreaPaths.IsApi(context.Request.Path),
            api => api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor }).UseStatusCodePages());
        app.UseWhen(
            context => !AreaPaths.IsApi(context.Request.Path),
            pages => pages
                .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StatusFor })
                .UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    public static string StatusMessage(IStringLocalizer localizer, int status)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var message = localizer["Status." + status.ToString(CultureInfo.InvariantCulture)];
        return message.ResourceNotFound ? localizer["Status.Other"] : message;
    }

    /// <summary>Bad input that reached the framework's parsers is the client's fault, not the server's.</summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // A multipart body over the form limits: too large, not a fault of the server.
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        Amanat.Core.Security.SealedException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
