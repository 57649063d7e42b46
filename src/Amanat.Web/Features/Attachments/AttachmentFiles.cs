using System.Text;
using Amanat.Core.Attachments;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Attachments;

internal enum AttachmentPart
{
    Original,
    View,
    Thumbnail,
}

/// <summary>
/// The files of attachments, in <c>data/attachments/</c>, each AES-256-GCM-sealed under its incident's record
/// key with the attachment id and part as associated data (a file swapped for another fails to open). File
/// names are the attachment id only; owner-only permissions; written to a temporary name and renamed.
/// </summary>
internal sealed class AttachmentFiles(DataDirectory data, AmanatDbContext db, KeyVault vault)
{
    public const string FolderName = "attachments";

    public async Task WriteAsync(Attachment attachment, AttachmentPart part, byte[] plain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var key = await KeyAsync(attachment);
        byte[] sealedBytes;
        try
        {
            sealedBytes = Aead.Seal(key, plain, AssociatedData(attachment, part));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }

        var path = PathOf(attachment, part);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(temporary, options))
        {
            await file.WriteAsync(sealedBytes, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The decrypted file, or null when it does not exist.</summary>
    public async Task<byte[]?> ReadAsync(Attachment attachment, AttachmentPart part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var path = PathOf(attachment, part);
        if (!File.Exists(path))
        {
            return null;
        }

        var sealedBytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var key = await KeyAsync(attachment);
        try
        {
            return Aead.Open(key, sealedBytes, AssociatedData(attachment, part));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Deletes every file of the attachment (those that exist).</summary>
    public void Delete(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        foreach (var part in Enum.GetValues<AttachmentPart>())
        {
            File.Delete(PathOf(attachment, part));
        }
    }

    public string PathOf(Attachment attachment, AttachmentPart part)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var suffix = part switch
        {
            AttachmentPart.Original => "o",
            AttachmentPart.View => "v",
            _ => "t",
        };
        return Path.Combine(data.Subdirectory(FolderName).FullName, $"{attachment.Id:N}.{suffix}");
    }

    private async Task<byte[]> KeyAsync(Attachment attachment)
    {
        var row = await db.RecordKeys.AsNoTracking().SingleOrDefaultAsync(k => k.OwnerId == attachment.IncidentId)
            ?? throw new System.Security.Cryptography.CryptographicException("The incident's key is missing (forgotten or not restored).");
        return row.Unwrap(vault.Keys);
    }

    private static byte[] AssociatedData(Attachment attachment, AttachmentPart part) =>
        Encoding.UTF8.GetBytes($"attachment|{attachment.Id:N}|{part}");
}
