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
public static class ErrorHandling
{
    public static IServiceCollection AddAmanatProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Title = context.HttpContext.Items[Keys.SealedGate.SealedFlag] is true
                ? localizer["Sealed.Message"]
                : StatusMessage(localizer, status);
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
