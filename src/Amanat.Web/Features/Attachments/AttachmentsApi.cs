using Amanat.Core.Attachments;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Attachments;

/// <summary>
/// <c>/api/v1/incidents/{id}/attachments</c>: evidence files of an incident the caller may read. Uploads take
/// multipart form data and, unlike JSON, a cross-site form can send that: so they need a bearer token (the
/// browser uses the incident page's form, which has anti-forgery). The original is for a coordinator or
/// the assigned lawyer only, and every download of it is audited; viewing copies and thumbnails carry no
/// metadata. Every file is served <c>no-store</c>, never from a public path.
/// </summary>
internal static class AttachmentsApi
{
    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/incidents/{id:guid}/attachments").WithTags("Attachments")
            .RequireAuthorization(RequirePermissionAttribute.PolicyName(Permission.ReadRecords))
            .AddOpenApiOperationTransformer(AttachmentsApiExamples.AddAsync);
        api.MapGet("/", ListAsync).WithSummary("The incident's evidence files, oldest first.");
        api.MapPost("/", UploadAsync)
            .DisableAntiforgery()
            .Accepts<AttachmentUpload>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Adds a JPEG, PNG, HEIC or PDF (form field `file`, optional `note`). Type by content; 413 when too large, 415 for other types.");
        api.MapGet("/{attachmentId:guid}", ReadAsync).WithSummary("One evidence file's description.");
        api.MapDelete("/{attachmentId:guid}", DeleteAsync).WithSummary("Deletes the file and its copies (a coordinator or who uploaded it).");
        api.MapGet("/{attachmentId:guid}/original", OriginalAsync).WithSummary("The original, byte for byte (coordinator or assigned lawyer; audited).");
        api.MapGet("/{attachmentId:guid}/view", (Guid id, Guid attachmentId, HttpContext http, AmanatDbContext db, AttachmentFiles files) => CopyAsync(id, attachmentId, AttachmentPart.View, http, db, files))
            .WithSummary("The viewing copy: JPEG re-encoded without metadata.");
        api.MapGet("/{attachmentId:guid}/thumbnail", (Guid id, Guid attachmentId, HttpContext http, AmanatDbContext db, AttachmentFiles files) => CopyAsync(id, attachmentId, AttachmentPart.Thumbnail, http, db, files))
            .WithSummary("The thumbnail: JPEG re-encoded without metadata.");
        return endpoints;
    }

    private static async Task<Results<Ok<List<AttachmentView>>, NotFound>> ListAsync(Guid id, HttpContext http, AmanatDbContext db)
    {
        if (await IncidentAsync(db, http, id) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Attachments.AsNoTracking().Where(x => x.IncidentId == id).OrderBy(x => x.UploadedAtUtc).ToListAsync();
        return TypedResults.Ok(rows.Select(AttachmentView.From).ToList());
    }

    private static async Task<Results<Ok<AttachmentView>, NotFound>> ReadAsync(Guid id, Guid attachmentId, HttpContext http, AmanatDbContext db) =>
        await IncidentAsync(db, http, id) is not null && await FindAsync(db, id, attachmentId, tracked: false) is { } attachment
            ? TypedResults.Ok(AttachmentView.From(attachment))
            : TypedResults.NotFound();

    private static async Task<Results<Created<AttachmentView>, NotFound, ProblemHttpResult>> UploadAsync(
        Guid id, HttpContext http, AmanatDbContext db, AttachmentRecorder recorder, IStringLocalizer<SharedResource> localizer)
    {
        if (await IncidentAsync(db, http, id) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Refused(new UploadRefusal("Attachment.Error.TokenOnly", StatusCodes.Status403Forbidden), localizer);
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused(new UploadRefusal("Attachment.Error.Missing", StatusCodes.Status400BadRequest), localizer);
        }

        // Kept in memory, never buffered to a temporary file in the clear; refused above the limit.
        var limit = recorder.Limits.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + (1024 * 1024);
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MemoryBufferThreshold = (int)Math.Min(int.MaxValue, limit + (1024 * 1024)),
            MultipartBodyLengthLimit = limit + 1,
        }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Refused(new UploadRefusal("Attachment.Error.TooLarge", StatusCodes.Status413PayloadTooLarge), localizer);
        }
        catch (IOException)
        {
            // The multipart body ended before its closing boundary: the file did not arrive whole.
            return Refused(new UploadRefusal("Attachment.Error.Missing", StatusCodes.Status400BadRequest), localizer);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Refused(new UploadRefusal("Attachment.Error.Missing", StatusCodes.Status400BadRequest), localizer);
        }

        await using var stream = file.OpenReadStream();
        var (attachment, refusal) = await recorder.AddAsync(incident, stream, file.Length, file.FileName, form["note"], http.User.RequiredUserId());
        return refusal is not null
            ? Refused(refusal, localizer)
            : TypedResults.Created($"/api/v1/incidents/{id}/attachments/{attachment!.Id}", AttachmentView.From(attachment));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteAsync(Guid id, Guid attachmentId, HttpContext http, AmanatDbContext db, AttachmentRecorder recorder)
    {
        if (await IncidentAsync(db, http, id) is null || await FindAsync(db, id, attachmentId, tracked: true) is not { } attachment)
        {
            return TypedResults.NotFound();
        }

        var userId = http.User.RequiredUserId();
        if (!AttachmentAccess.MayDelete(userId, http.User.Roles(), attachment))
        {
            return TypedResults.Forbid();
        }

        await recorder.DeleteAsync(attachment, userId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> OriginalAsync(Guid id, Guid attachmentId, HttpContext http, AmanatDbContext db, AttachmentFiles files, AuditTrail audit)
    {
        if (await IncidentAsync(db, http, id) is not { } incident || await FindAsync(db, id, attachmentId, tracked: false) is not { } attachment)
        {
            return TypedResults.NotFound();
        }

        if (!AttachmentAccess.MayDownloadOriginal(http.User.RequiredUserId(), http.User.Roles(), incident))
        {
            return TypedResults.Forbid();
        }

        if (await files.ReadAsync(attachment, AttachmentPart.Original) is not { } bytes)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(AuditEventType.AttachmentOriginalDownloaded, attachment.Id);
        NoStore(http);
        return TypedResults.File(bytes, FileTypes.MediaType(attachment.Type), $"evidence-{attachment.Id:N}{FileTypes.Extension(attachment.Type)}");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> CopyAsync(Guid id, Guid attachmentId, AttachmentPart part, HttpContext http, AmanatDbContext db, AttachmentFiles files)
    {
        if (await IncidentAsync(db, http, id) is null || await FindAsync(db, id, attachmentId, tracked: false) is not { HasViewingCopy: true } attachment
            || await files.ReadAsync(attachment, part) is not { } bytes)
        {
            return TypedResults.NotFound();
        }

        NoStore(http);
        return TypedResults.File(bytes, "image/jpeg");
    }

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    /// <summary>Problem details with the reason under <c>errors.file</c>, as the incidents API gives its per-field messages.</summary>
    private static ProblemHttpResult Refused(UploadRefusal refusal, IStringLocalizer localizer) =>
        TypedResults.Problem(statusCode: refusal.Status, extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["file"] = [localizer[refusal.MessageKey].Value] },
        });

    private static Task<Incident?> IncidentAsync(AmanatDbContext db, HttpContext http, Guid id) =>
        db.Incidents.AsNoTracking().VisibleTo(http.User.RequiredUserId(), http.User.Roles()).SingleOrDefaultAsync(x => x.Id == id);

    private static Task<Attachment?> FindAsync(AmanatDbContext db, Guid incidentId, Guid attachmentId, bool tracked)
    {
        var query = db.Attachments.Where(x => x.Id == attachmentId && x.IncidentId == incidentId);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }
}

/// <summary>The multipart form an upload sends: the file, and a note on what it shows.</summary>
internal sealed record AttachmentUpload(IFormFile File, string? Note);

/// <summary>An evidence file as the API describes it.</summary>
internal sealed record AttachmentView(Guid Id, string Type, long OriginalBytes, string? Sha256, string? UploadedName, string? Note, DateTime UploadedAtUtc, bool HasViewingCopy, int? Width, int? Height)
{
    public static AttachmentView From(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new(attachment.Id, FileTypes.MediaType(attachment.Type), attachment.OriginalBytes, attachment.Sha256, attachment.UploadedName, attachment.Note,
            attachment.UploadedAtUtc, attachment.HasViewingCopy, attachment.ViewWidth, attachment.ViewHeight);
    }
}
