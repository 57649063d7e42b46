using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Backups;
using Amanat.Web.Infrastructure;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Admin;

/// <summary>One backup file as listed: its name, size, when it was made and the audit head it carries.</summary>
internal sealed record BackupListing(string Name, long Bytes, DateTime CreatedAtUtc, long AuditSequence, string AuditHead);

/// <summary>
/// The backups in the scheduled directory (administrators): when, how big, which audit head; "back up now".
/// Files are not offered for download here — they leave the machine with the operator's own tools.
/// </summary>
[RequirePermission(Permission.Administer)]
internal sealed class BackupsModel(BackupMaker maker, AuditTrail audit, DataDirectory data, IOptions<AmanatOptions> options, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? Made { get; set; }

    public string Folder => ScheduledBackups.Directory(options.Value.Backup, data);

    public BackupOptions Schedule => options.Value.Backup;

    public IReadOnlyList<BackupListing> Files { get; private set; } = [];

    public void OnGet() => Files = List();

    public async Task<IActionResult> OnPostAsync()
    {
        string path;
        BackupSummary summary;
        try
        {
            (path, summary) = await maker.CreateInAsync(Folder, null, HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // pg_dump missing or failing, a folder that cannot be written: said, never a 500
            ModelState.AddModelError(string.Empty, localizer["Backups.Failed", e.GetType().Name]);
            Files = List();
            return Page();
        }

        ScheduledBackups.Prune(Folder, Schedule.Keep);
        await audit.RecordAsync(AuditEventType.BackupCreated, value: summary.Bytes);
        Made = Path.GetFileName(path);
        return RedirectToPage();
    }

    private List<BackupListing> List()
    {
        var folder = new DirectoryInfo(Folder);
        if (!folder.Exists)
        {
            return [];
        }

        var list = new List<BackupListing>();
        foreach (var file in folder.GetFiles("amanat-*.amb").OrderByDescending(f => f.Name, StringComparer.Ordinal))
        {
            try
            {
                var (header, _) = BackupRestorer.ReadHeader(file.FullName);
                list.Add(new BackupListing(file.Name, file.Length, header.CreatedAtUtc, header.AuditSequence, header.AuditHead));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException or EndOfStreamException)
            {
                list.Add(new BackupListing(file.Name, file.Length, file.LastWriteTimeUtc, -1, string.Empty));
            }
        }

        return list;
    }
}
