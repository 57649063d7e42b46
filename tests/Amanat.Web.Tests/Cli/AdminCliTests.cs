using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Cli;

/// <summary>The administration commands, run as a separate process of the same executable on the same database.</summary>
public abstract class AdminCliTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task UsersAdd_ReadsThePasswordFromStdin_PrintsTheTotpKeyOnce_AndSheCanSignIn()
    {
        var (code, output, _) = await RunAsync("correct horse battery staple", "users", "add", "cli-admin", "--roles", "admin,coordinator");

        Assert.Equal(0, code);
        var key = output.Split('\n').Single(l => l.StartsWith("TOTP key", StringComparison.Ordinal)).Split(':').Last().Trim();
        using var http = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await StaffClient.SignInAsync(http, "cli-admin", "correct horse battery staple", key);

        Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        Assert.True((await App.WithDbAsync(db => db.Installations.SingleAsync())).IsSetUp);
    }

    [Fact]
    public async Task UsersAdd_BadInput_FailsWithAClearMessage_AndStoresNothing()
    {
        var (shortCode, _, shortError) = await RunAsync("short", "users", "add", "someone", "--roles", "outreach");
        var (roleCode, _, roleError) = await RunAsync("long enough password", "users", "add", "someone", "--roles", "boss");

        Assert.Equal(1, shortCode);
        Assert.Contains("12 characters", shortError, StringComparison.Ordinal);
        Assert.Equal(1, roleCode);
        Assert.Contains("Unknown role", roleError, StringComparison.Ordinal);
        Assert.Empty(await App.WithDbAsync(db => db.Users.ToListAsync()));
    }

    [Fact]
    public async Task TokensCreate_PrintsAWorkingToken_AndResetTwoFactor_SendsHerBackToEnrolment()
    {
        var (addCode, _, addError) = await RunAsync("correct horse battery staple", "users", "add", "cli-lawyer", "--roles", "lawyer");
        Assert.True(addCode == 0, addError);

        var (code, token, _) = await RunAsync(null, "tokens", "create", "cli-lawyer", "--name", "case export");
        using var client = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var me = await client.SendAsync(request);
        var (resetCode, _, _) = await RunAsync(null, "users", "reset-2fa", "cli-lawyer");
        var user = await App.WithDbAsync(db => db.Users.SingleAsync());

        Assert.Equal(0, code);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("lawyer", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, resetCode);
        Assert.False(user.TwoFactorEnabled);
    }

    [Fact]
    public async Task AuditVerify_ReportsAnIntactChain_AndABrokenOne()
    {
        await StaffClient.SignInNewAsync(App, Amanat.Core.Staff.StaffRoles.Admin);

        var (intactCode, intact, _) = await RunAsync(null, "audit", "verify");
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2"));
        var (brokenCode, broken, _) = await RunAsync(null, "audit", "verify");

        Assert.Equal(0, intactCode);
        Assert.Contains("intact: 3 entries", intact, StringComparison.Ordinal);
        Assert.Equal(2, brokenCode);
        Assert.Contains("BROKEN (Missing) at entry 2", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SealAndUnseal_ReachTheRunningServerThroughItsControlSocket()
    {
        using var client = App.Client();

        var (sealCode, sealOutput, sealError) = await RunAsync(null, "seal");
        using var whileSealed = await client.GetAsync(new Uri("/staff/signin", UriKind.Relative));
        var (unsealCode, unsealOutput, _) = await RunAsync(null, "unseal");
        using var afterwards = await client.GetAsync(new Uri("/staff/signin", UriKind.Relative));

        Assert.True(sealCode == 0, sealError);
        Assert.Contains("Sealed", sealOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileSealed.StatusCode);
        Assert.Equal(0, unsealCode);
        Assert.Contains("Unsealed.", unsealOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        var types = await App.WithDbAsync(db => db.Set<Amanat.Core.Auditing.AuditEvent>().OrderBy(x => x.Sequence).Select(x => x.Type).ToListAsync());
        Assert.Equal([Amanat.Core.Auditing.AuditEventType.Sealed, Amanat.Core.Auditing.AuditEventType.Unsealed], types);
    }

    [Fact]
    public async Task KeysRotate_AsksTheRunningServer_FollowsTheProgress_AndTheOldGenerationIsDestroyed()
    {
        await StaffClient.SignInNewAsync(App, Amanat.Core.Staff.StaffRoles.Outreach);
        var vault = App.Services.GetRequiredService<Amanat.Core.Security.KeyVault>();
        var before = vault.DataKeyVersions.Single();

        var (code, output, error) = await RunAsync(null, "keys", "rotate");

        Assert.True(code == 0, error);
        Assert.Contains($"Data-key generation {before + 1} created", output, StringComparison.Ordinal);
        Assert.Contains("record keys under generation", error, StringComparison.Ordinal);
        Assert.Contains($"Done: every record key is under generation {before + 1}", output, StringComparison.Ordinal);
        Assert.Equal([before + 1], vault.DataKeyVersions);
        Assert.All(await App.WithDbAsync(db => db.RecordKeys.ToListAsync()), k => Assert.Equal(before + 1, k.Version));
    }

    private Task<(int Code, string Output, string Error)> RunAsync(string? input, params string[] args) =>
        CliProcess.RunAsync(App.Environment, input, args);

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AdminCliTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AdminCliTests(app);
}
