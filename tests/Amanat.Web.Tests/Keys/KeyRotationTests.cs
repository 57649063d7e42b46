using System.Net;
using System.Security.Cryptography;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Keys;

/// <summary>
/// Key rotation stepped through on a server of its own (background re-wrapping off): new data keys, record
/// keys re-wrapped in batches while every record stays readable and new ones use the new keys; a seal in the
/// middle and the rotation resumes; at the end the old generation is gone from memory and the key store, so a
/// copy of an old wrapped key opens nothing. The stopped server's rotation by the CLI resumes where it was.
/// </summary>
public abstract class KeyRotationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly AmanatApp app = new(provider, new Dictionary<string, string?> { ["Amanat:Keys:RotateInBackground"] = "false" });
    private AmanatApp? restarted;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (restarted is not null)
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }

        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task Rotation_ReWrapsInBatches_ReadingWorksThroughout_ResumesAfterASeal_AndDestroysTheOldKeys()
    {
        var outreach = await StaffClient.SignInNewAsync(app, StaffRoles.Outreach);
        var first = await Situations.RecordAsync(outreach, Situations.LeavingAPimp(app.Today.AddDays(-20)));
        var second = await Situations.RecordAsync(outreach, Situations.DocumentCheck(app.Today.AddDays(-10)));
        var admin = await StaffClient.SignInNewAsync(app, StaffRoles.Admin);
        var before = await app.WithDbAsync(db => db.RecordKeys.AsNoTracking().ToListAsync());
        var oldIncidentKey = before.Single(k => k.OwnerId == first);
        var vault = app.Services.GetRequiredService<KeyVault>();
        var rotation = app.Services.GetRequiredService<KeyRotation>();
        Assert.All(before, k => Assert.Equal(1, k.Version));

        using var started = await admin.PostFormAsync("/staff/admin/keys?lang=en", [], "/staff/admin/keys?handler=Rotate");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var running = await admin.Http.GetStringAsync(new Uri("/staff/admin/keys?lang=en", UriKind.Relative));
        Assert.Contains($"Rotation running: 0 of {before.Count} record keys re-wrapped.", running, StringComparison.Ordinal);
        Assert.Equal([1, 2], vault.DataKeyVersions);

        // Half-way: both generations in the table, both readable; a new record gets the new generation.
        Assert.Equal(2, await rotation.RunAsync(maxBatches: 1, batchSize: 2));
        var third = await Situations.RecordAsync(outreach, Situations.Raid(app.Today.AddDays(-5)));
        var halfway = await app.WithDbAsync(db => db.RecordKeys.AsNoTracking().ToListAsync());
        Assert.Equal(2, halfway.Single(k => k.OwnerId == third).Version);
        Assert.Contains(halfway, k => k.Version == 1);
        foreach (var id in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, (await outreach.Http.GetAsync(new Uri($"/staff/incidents/{id}", UriKind.Relative))).StatusCode);
        }

        Assert.Contains("Ножевые ранения у обеих", await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{first}", UriKind.Relative)), StringComparison.Ordinal);

        // Sealed in the middle: the next unseal reads both generations from the key store and the work resumes.
        var sealing = app.Services.GetRequiredService<Sealing>();
        await sealing.SealAsync(AuditSource.System);
        await Assert.ThrowsAsync<SealedException>(() => rotation.RunAsync());
        Assert.Equal(UnsealOutcome.Unsealed, (await sealing.UnsealWithKeyFileAsync(AuditSource.System)).Outcome);
        var rest = await rotation.RunAsync(batchSize: 2);

        var after = await app.WithDbAsync(db => db.RecordKeys.AsNoTracking().ToListAsync());
        Assert.Equal(halfway.Count(k => k.Version == 1), rest);
        Assert.All(after, k => Assert.Equal(2, k.Version));
        Assert.Equal([2], vault.DataKeyVersions);
        Assert.Equal([2], KeyStoreFile.Load(Path.Combine(app.DataDirectory, "keys", KeyStoreFile.FileName))!.DataKeyGenerations.Keys);
        Assert.Throws<CryptographicException>(() => oldIncidentKey.Unwrap(vault.Keys));
        var types = await app.WithDbAsync(db => db.Set<AuditEvent>().Where(e => e.Type >= AuditEventType.KeyRotationStarted && e.Type <= AuditEventType.KeyGenerationDestroyed).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([AuditEventType.KeyRotationStarted, AuditEventType.KeyRotationFinished, AuditEventType.KeyGenerationDestroyed], types.Select(e => e.Type));
        Assert.Equal(2, types[0].Value);
        Assert.Equal(after.Count, types[1].Value);
        Assert.Equal(1, types[2].Value);

        // Everything reads after a restart on the new key store alone.
        await app.StopAsync();
        restarted = app.Restarted();
        await restarted.InitializeAsync();
        using var reader = restarted.Client();
        using var again = await StaffClient.SignInAsync(reader, outreach.User.UserName!, outreach.Password, outreach.TotpKey);
        Assert.Contains("Ножевые ранения у обеих", await reader.GetStringAsync(new Uri($"/staff/incidents/{first}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("The data keys are in generation 2.", await SignedInAdminPageAsync(restarted, admin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_WithTheServerStopped_ResumesAStartedRotation_AndFinishesIt()
    {
        var outreach = await StaffClient.SignInNewAsync(app, StaffRoles.Outreach);
        await Situations.RecordAsync(outreach, Situations.DocumentCheck(app.Today.AddDays(-3)));
        var rotation = app.Services.GetRequiredService<KeyRotation>();
        await rotation.StartAsync(AuditSource.System);
        await rotation.RunAsync(maxBatches: 1, batchSize: 1);
        var environment = app.Environment;
        await app.StopAsync();

        var (code, output, error) = await CliProcess.RunAsync(environment, null, "keys", "rotate");

        Assert.True(code == 0, error);
        Assert.Contains("Resuming the rotation to generation 2", error, StringComparison.Ordinal);
        Assert.Contains("Done: every record key is under generation 2", output, StringComparison.Ordinal);
        restarted = app.Restarted();
        await restarted.InitializeAsync();
        Assert.All(await restarted.WithDbAsync(db => db.RecordKeys.ToListAsync()), k => Assert.Equal(2, k.Version));
        Assert.Equal([2], restarted.Services.GetRequiredService<KeyVault>().DataKeyVersions);
        Assert.Contains(AuditEventType.KeyGenerationDestroyed, await restarted.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Select(e => e.Type).ToListAsync()));
    }

    private static async Task<string> SignedInAdminPageAsync(AmanatApp server, StaffClient admin)
    {
        using var client = server.Client();
        using var signedIn = await StaffClient.SignInAsync(client, admin.User.UserName!, admin.Password, admin.TotpKey);
        return await client.GetStringAsync(new Uri("/staff/admin/keys?lang=en", UriKind.Relative));
    }

    public sealed class Sqlite() : KeyRotationTests(DatabaseProvider.Sqlite);

    public sealed class Postgres() : KeyRotationTests(DatabaseProvider.Postgres);
}
