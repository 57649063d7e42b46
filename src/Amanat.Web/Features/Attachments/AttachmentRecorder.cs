using System.Security.Cryptography;
using Amanat.Core.Attachments;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Web.Auditing;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Attachments;

/// <summary>Why an upload was refused: a message key and the HTTP status the API answers with.</summary>
internal sealed record UploadRefusal(string MessageKey, int Status);

/// <summary>
/// Adds and deletes evidence files the same way for the form and the API: size limit, type by content,
/// pixel limit before decoding, the original kept byte for byte with its SHA-256, a clean viewing copy and
/// thumbnail for images, all encrypted; the row, the files and the audit entry together or not at all.
/// </summary>
internal sealed class AttachmentRecorder(AmanatDbContext db, AttachmentFiles files, AuditTrail audit, TimeProvider clock, IOptions<AmanatOptions> options)
{
    public AttachmentOptions Limits => options.Value.Attachments;

    public async Task<(Attachment? Attachment, UploadRefusal? Refusal)> AddAsync(Incident incident, Stream content, long length, string? fileName, string? note, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
        {
            return (null, new UploadRefusal("Attachment.Error.Empty", StatusCodes.Status400BadRequest));
        }

        if (length > Limits.MaxBytes)
        {
            return (null, new UploadRefusal("Attachment.Error.TooLarge", StatusCodes.Status413PayloadTooLarge));
        }

        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, cancellationToken);
        var original = buffer.ToArray();
        var type = FileTypes.Detect(original.AsSpan(0, Math.Min(original.Length, FileTypes.HeaderLength)));
        if (type == FileType.Unknown)
        {
            return (null, new UploadRefusal("Attachment.Error.Type", StatusCodes.Status415UnsupportedMediaType));
        }

        ViewingCopyResult? copy = null;
        if (type is FileType.Jpeg or FileType.Png)
        {
            copy = ViewingCopy.Make(original, type, new ImageLimits(Limits.MaxPixels, Limits.MaxSide, Limits.ViewSide, Limits.ThumbSide));
            if (copy.RefusedKey is { } refused)
            {
                return (null, new UploadRefusal(refused, refused == "Attachment.Error.TooManyPixels" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest));
            }
        }

        var attachment = new Attachment(incident.Id, type, original.Length, Convert.ToHexStringLower(SHA256.HashData(original)), Path.GetFileName(fileName), note, userId, clock.GetUtcNow().UtcDateTime);
        if (copy?.View is not null)
        {
            attachment.SetViewingCopy(copy.Width, copy.Height);
        }

        await using var transaction = await audit.BeginAsync(userId, cancellationToken);
        try
        {
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(cancellationToken);
            await files.WriteAsync(attachment, AttachmentPart.Original, original, cancellationToken);
            if (copy is { View: { } view, Thumbnail: { } thumbnail })
            {
                await files.WriteAsync(attachment, AttachmentPart.View, view, cancellationToken);
                await files.WriteAsync(attachment, AttachmentPart.Thumbnail, thumbnail, cancellationToken);
            }

            transaction.Add(AuditEventType.AttachmentAdded, attachment.Id, original.Length);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            files.Delete(attachment);
            throw;
        }

        return (attachment, null);
    }

    public async Task DeleteAsync(Attachment attachment, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.AttachmentDeleted, attachment.Id);
        await transaction.CommitAsync();
        files.Delete(attachment);
    }
}
