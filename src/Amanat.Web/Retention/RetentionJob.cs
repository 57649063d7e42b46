using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Retention;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Features.Members;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Retention;

/// <summary>
/// Retention: once a day (and on "run now" from the retention page) each kind of data whose keeping period an
/// administrator set is deleted where due, one transaction per kind, each run with deletions audited with its
/// count; on SQLite a truncating checkpoint follows (<see cref="DeletedData"/>). Needs the keys: a sealed server
/// waits for the next day.
/// </summary>
internal sealed partial class RetentionJob(IServiceScopeFactory scopes, KeyVault vault, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>The periods in force: the administrator's, or the defaults.</summary>
    public static async Task<Dictionary<RetentionKind, int>> PeriodsAsync(AmanatDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = await db.RetentionPolicies.AsNoTracking().ToDictionaryAsync(p => p.Kind, p => p.Days, cancellationToken);
        return RetentionPolicy.Kinds.ToDictionary(k => k, k => set.TryGetValue(k, out var days) ? days : RetentionPolicy.DefaultDays(k));
    }

    /// <summary>One run over every kind; returns how many of each were deleted (kinds kept are absent).</summary>
    public async Task<IReadOnlyDictionary<RetentionKind, int>> RunAsync(AuditSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await running.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AmanatDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var done = new Dictionary<RetentionKind, int>();
            foreach (var (kind, days) in await PeriodsAsync(db, cancellationToken))
            {
                if (RetentionPolicy.Cutoff(days, now) is not { } cutoff)
                {
                    continue;
                }

                await using var transaction = await services.GetRequiredService<AuditLog>().BeginAsync(source, cancellationToken);
                var count = kind switch
                {
                    RetentionKind.Narratives => await RemoveStoriesAsync(db, cutoff, cancellationToken),
                    RetentionKind.Attachments => await DeleteAttachmentsAsync(db, services.GetRequiredService<AttachmentFiles>(), cutoff, cancellationToken),
                    RetentionKind.InactiveMembers => await ForgetInactiveMembersAsync(db, services.GetRequiredService<MemberForgetting>(), cutoff, cancellationToken),
                    RetentionKind.UnreviewedSelfReports => await DeleteUnreviewedAsync(db, cutoff, cancellationToken),
                    RetentionKind.BotChats => await DeleteQuietChatsAsync(db, cutoff, cancellationToken),
                    RetentionKind.AuditDetail => await RemoveAuditDetailAsync(db, cutoff, cancellationToken),
                    _ => 0,
                };
                if (count > 0)
                {
                    transaction.Add(AuditType(kind), value: count);
                }

                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                done[kind] = count;
            }

            if (done.Values.Any(c => c > 0))
            {
                await DeletedData.CheckpointAsync(db, cancellationToken);
            }

            var total = done.Values.Sum();
            LogRun(logger, total);
            return done;
        }
        finally
        {
            running.Release();
        }
    }

    public static AuditEventType AuditType(RetentionKind kind) => kind switch
    {
        RetentionKind.Narratives => AuditEventType.NarrativesExpired,
        RetentionKind.Attachments => AuditEventType.AttachmentsExpired,
        RetentionKind.InactiveMembers => AuditEventType.InactiveMembersForgotten,
        RetentionKind.UnreviewedSelfReports => AuditEventType.SelfReportsExpired,
        RetentionKind.BotChats => AuditEventType.BotChatsExpired,
        _ => AuditEventType.AuditDetailExpired,
    };

    public override void Dispose()
    {
        running.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real days, not the application's clock; the first run a few minutes after start.
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            using var timer = new PeriodicTimer(Every);
            do
            {
                if (vault.IsSealed)
                {
                    continue;
                }

                try
                {
                    await RunAsync(AuditSource.System, stoppingToken);
                }
                catch (Exception e) when (e is SealedException or DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
                {
                    LogFailed(logger, e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // the server is stopping
        }
    }

    /// <summary>Closed incidents not changed since the cutoff lose their story, notes and descriptions; their versions lose the values.</summary>
    private static async Task<int> RemoveStoriesAsync(AmanatDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        var ids = await db.Incidents.Where(i => i.Status == IncidentStatus.Closed && i.UpdatedAtUtc < cutoff)
            .Where(i => EF.Property<string?>(i, "NarrativeCipher") != null || EF.Property<string?>(i, "PlaceNoteCipher") != null
                || EF.Property<string?>(i, "InjuriesCipher") != null || EF.Property<string?>(i, "ComplaintNoteCipher") != null)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(200))
        {
            foreach (var incident in await db.Incidents.Include(i => i.Perpetrators).Where(i => chunk.Contains(i.Id)).ToListAsync(cancellationToken))
            {
                incident.RemoveStory();
            }

            foreach (var revision in await db.IncidentRevisions.Where(r => chunk.Contains(r.IncidentId)).ToListAsync(cancellationToken))
            {
                revision.RemoveValues();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    /// <summary>Evidence files of closed incidents uploaded before the cutoff: rows deleted, then the files overwritten and removed.</summary>
    private static async Task<int> DeleteAttachmentsAsync(AmanatDbContext db, AttachmentFiles files, DateTime cutoff, CancellationToken cancellationToken)
    {
        var closed = db.Incidents.Where(i => i.Status == IncidentStatus.Closed).Select(i => i.Id);
        var due = await db.Attachments.Where(a => a.UploadedAtUtc < cutoff && closed.Contains(a.IncidentId)).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(due);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var attachment in due)
        {
            files.Delete(attachment);
        }

        return due.Count;
    }

    /// <summary>Members with nothing since the cutoff — no change, service, referral, incident, document or movement — are forgotten.</summary>
    private async Task<int> ForgetInactiveMembersAsync(AmanatDbContext db, MemberForgetting forgetting, DateTime cutoff, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(cutoff);
        var candidates = await db.Members.Where(m => m.UpdatedAtUtc < cutoff && m.CreatedAtUtc < cutoff).Select(m => m.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var column = BlindIndex.Of(nameof(ServiceRecord.MemberLink));
        var recentLinks = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<byte[]?> indexes) => recentLinks.UnionWith(indexes.Where(x => x is not null).Select(x => Convert.ToHexString(x!)));
        Add(await db.ServiceRecords.Where(s => s.GivenOn >= since || (s.EndedOn == null && s.Code == ServiceRecord.ShelterCode)).Select(s => EF.Property<byte[]?>(s, column)).ToListAsync(cancellationToken));
        Add(await db.Referrals.Where(r => r.StatusChangedAtUtc >= cutoff || r.SentOn >= since).Select(r => EF.Property<byte[]?>(r, column)).ToListAsync(cancellationToken));
        var recentIncidents = db.Incidents.Where(i => i.UpdatedAtUtc >= cutoff || i.OccurredOn >= since).Select(i => i.Id);
        Add(await db.Set<AffectedPerson>().Where(p => recentIncidents.Contains(p.IncidentId)).Select(p => EF.Property<byte[]?>(p, column)).ToListAsync(cancellationToken));
        var recentRecords = (await db.DocumentRecords.Where(d => d.RecordedAtUtc >= cutoff).Select(d => d.MemberId).ToListAsync(cancellationToken))
            .Concat(await db.MovementRecords.Where(m => m.RecordedAtUtc >= cutoff).Select(m => m.MemberId).ToListAsync(cancellationToken))
            .ToHashSet();

        var keys = vault.Keys;
        var normaliser = new MemberLinkNormaliser();
        var forgotten = 0;
        foreach (var id in candidates.Where(id => !recentRecords.Contains(id)))
        {
            if (!recentLinks.Contains(Convert.ToHexString(BlindIndex.Compute(keys, normaliser, id.ToString("N"))!)))
            {
                await forgetting.ForgetInTransactionAsync(id, cancellationToken);
                forgotten++;
            }
        }

        return forgotten;
    }

    /// <summary>Self-reports nobody reviewed (no decision, no contact recorded) that arrived before the cutoff.</summary>
    private static async Task<int> DeleteUnreviewedAsync(AmanatDbContext db, DateTime cutoff, CancellationToken cancellationToken) =>
        await db.SelfReports.Where(r => r.Status == SelfReportStatus.New && r.ReceivedAtUtc < cutoff && !r.Contacts.Any()).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Bot chats whose person last wrote before the cutoff, with their keys.</summary>
    private static async Task<int> DeleteQuietChatsAsync(AmanatDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        var ids = await db.BotChats.Where(c => c.LastSeenAtUtc < cutoff).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            await db.BotChats.Where(c => chunk.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.RecordKeys.Where(k => chunk.Contains(k.OwnerId)).ExecuteDeleteAsync(cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>Audit entries before the cutoff lose who, what and from where (those written with a detail MAC).</summary>
    private static async Task<int> RemoveAuditDetailAsync(AmanatDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var batch = await db.Set<AuditEvent>().Where(e => e.AtUtc < cutoff && e.DetailMac != null && !e.DetailRemoved).OrderBy(e => e.Sequence).Take(1_000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var entry in batch)
            {
                entry.RemoveDetail();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: {Count} items deleted or stripped.")]
    private static partial void LogRun(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed ({Error}); it runs again tomorrow.")]
    private static partial void LogFailed(ILogger logger, string error);
}
