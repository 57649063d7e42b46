using Amanat.Core.Auditing;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Features.Incidents;
using Amanat.Web.Infrastructure;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Incidents;

/// <summary>
/// The hash of each incident version (kept with the version and in the audit) is keyed: a copy of the
/// database alone cannot test a guessed phone number against it. Versions hashed before keys were used are
/// keyed at the first unseal, and the audit chain is re-sealed, only over a chain that verifies.
/// </summary>
public abstract class RevisionHashTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task TheDatabase_HoldsNoPlainDigestOfAVersion_OnlyItsKeyedHash_AndTheChainVerifies()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(App.Today.AddDays(-3)));
        var digest = await App.WithDbAsync(async db => IncidentRevision.SnapshotDigest(await db.Incidents.WithContent().SingleAsync(i => i.Id == id)));
        var keyed = IncidentRevision.KeyedHash(App.Services.GetRequiredService<KeyVault>().Keys, digest);

        var revision = await App.WithDbAsync(db => db.IncidentRevisions.SingleAsync(r => r.IncidentId == id));
        var auditHashes = await App.WithDbAsync(db => db.Set<AuditEvent>().Where(e => e.DataHash != null).Select(e => e.DataHash!).ToListAsync());

        Assert.True(revision.HashKeyed);
        Assert.Equal(keyed, revision.Hash);
        Assert.Equal(keyed, Assert.Single(auditHashes));
        Assert.NotEqual(digest, keyed);
        if (App.Provider == DatabaseProvider.Sqlite)
        {
            // As someone with a copy of the disk would search it: the plain digest is nowhere, the keyed hash is.
            var files = await App.CopyDatabaseFilesAsync();
            Assert.DoesNotContain(files, bytes => bytes.AsSpan().IndexOf(digest) >= 0);
            Assert.Contains(files, bytes => bytes.AsSpan().IndexOf(keyed) >= 0);
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task VersionsHashedBeforeKeys_GetTheirKeyedHash_AndTheChainIsResealedAndVerifies()
    {
        var (id, digest) = await AnOldVersionAsync();
        var vault = App.Services.GetRequiredService<KeyVault>();

        Assert.True(await App.Services.GetRequiredService<RevisionHashKeying>().RunAsync(CancellationToken.None));

        var keyed = IncidentRevision.KeyedHash(vault.Keys, digest);
        var revision = await App.WithDbAsync(db => db.IncidentRevisions.SingleAsync(r => r.IncidentId == id));
        var entries = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(e => e.Sequence).ToListAsync());
        Assert.True(revision.HashKeyed);
        Assert.Equal(keyed, revision.Hash);
        Assert.DoesNotContain(entries, e => e.DataHash is { } hash && hash.AsSpan().SequenceEqual(digest));
        Assert.All(entries, e => Assert.True(e.DataHashKeyed));
        Assert.Equal(2, entries.Count(e => e.DataHash is { } hash && hash.AsSpan().SequenceEqual(keyed)));
        Assert.Equal(1, entries[^1].Value is { } value && entries[^1].Type == AuditEventType.RevisionHashesKeyed ? value : -1);
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, $"{verification.Break} at {verification.BrokenAt}");

        // Once is enough: a second run finds nothing to do and writes nothing.
        Assert.True(await App.Services.GetRequiredService<RevisionHashKeying>().RunAsync(CancellationToken.None));
        Assert.Equal(entries.Count, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync()));
    }

    [Fact]
    public async Task OverABrokenChain_NothingIsResealed_AndTheBreakStillShows()
    {
        var (id, digest) = await AnOldVersionAsync();
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 1"));

        Assert.True(await App.Services.GetRequiredService<RevisionHashKeying>().RunAsync(CancellationToken.None));

        var revision = await App.WithDbAsync(db => db.IncidentRevisions.SingleAsync(r => r.IncidentId == id));
        Assert.False(revision.HashKeyed);
        Assert.Equal(digest, revision.Hash);
        Assert.Equal(AuditBreak.Missing, (await VerifyAsync()).Break);
        Assert.Contains(App.Logs.Lines, l => l.Contains("audit chain does not verify", StringComparison.Ordinal));
    }

    /// <summary>An incident whose version and audit entry hold the plain digest, as they were written before hashes were keyed (with an intact chain).</summary>
    private async Task<(Guid Id, byte[] Digest)> AnOldVersionAsync()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(App.Today.AddDays(-3)));
        var digest = await App.WithDbAsync(async db => IncidentRevision.SnapshotDigest(await db.Incidents.WithContent().SingleAsync(i => i.Id == id)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The old entry: the same type, chained over the plain digest.
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditEventType.IncidentCreated, AuditSource.System, id, 1, dataHash: digest);
        }

        await App.WithDbAsync(async db =>
        {
            await db.Set<AuditEvent>().Where(e => e.DataHash != null).OrderByDescending(e => e.Sequence).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.DataHashKeyed, false));
            return await db.IncidentRevisions.Where(r => r.IncidentId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Hash, digest).SetProperty(r => r.HashKeyed, false));
        });
        return (id, digest);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : RevisionHashTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : RevisionHashTests(app);
}
