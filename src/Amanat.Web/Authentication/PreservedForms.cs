using System.Text.Json;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace Amanat.Web.Authentication;

/// <summary>
/// A staff form posted after the session expired is not lost: its fields (never files, never the
/// anti-forgery token) are kept encrypted, and after signing in again the page opens with them filled in.
/// The URL carries only an opaque id.
/// </summary>
internal static class PreservedForms
{
    public const string QueryKey = "restore";
    public const string RestoredFlag = "amanat:form-restored";
    private const int MaxFormLength = 64 * 1024;

    /// <summary>Keeps the posted form of someone whose session just expired; returns its id.</summary>
    public static async Task<Guid?> CaptureAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType
            || context.Items[SessionValidator.ExpiredUserKey] is not Guid userId
            || context.Request.ContentLength is null or > MaxFormLength)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A form that cannot be read is not kept; she is still sent to sign in.
            return null;
        }

        var antiforgery = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.FormFieldName;
        var fields = form
            .Where(x => !string.Equals(x.Key, antiforgery, StringComparison.Ordinal) && !IsSecretField(x.Key))
            .ToDictionary(x => x.Key, x => x.Value.ToArray());
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(now);
        var db = services.GetRequiredService<AmanatDbContext>();
        db.PreservedForms.Add(new PreservedForm(id, userId, context.Request.Path.Value ?? "/", JsonSerializer.Serialize(fields), now));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Passwords and passphrases are never kept, whatever the field's prefix (Password, Input.Password, Input.ConfirmPassphrase).</summary>
    internal static bool IsSecretField(string key) =>
        key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.Contains("Passphrase", StringComparison.OrdinalIgnoreCase);

    /// <summary>On a staff page opened with <c>?restore=</c>, puts the kept fields back into the form.</summary>
    internal sealed class RestoreFilter(AmanatDbContext db, TimeProvider clock) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method)
                && Guid.TryParse(http.Request.Query[QueryKey], out var id)
                && http.User.UserId() is { } userId)
            {
                var kept = await db.PreservedForms.SingleOrDefaultAsync(x => x.Id == id);
                var now = clock.GetUtcNow().UtcDateTime;
                if (kept is not null && kept.IsUsableBy(userId, http.Request.Path.Value ?? "/", now))
                {
                    var fields = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(kept.Fields ?? "{}") ?? [];
                    foreach (var (key, values) in fields)
                    {
                        var value = new StringValues(values);
                        context.ModelState.SetModelValue(key, new ValueProviderResult(value), value.ToString());
                    }

                    http.Items[RestoredFlag] = true;
                }

                if (kept is not null)
                {
                    db.PreservedForms.Remove(kept);
                    await db.SaveChangesAsync();
                }
            }

            await next();
        }
    }
}
