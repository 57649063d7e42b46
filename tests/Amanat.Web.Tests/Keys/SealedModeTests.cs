using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Keys;

/// <summary>
/// Sealed mode across real restarts of the server on the same data directory and database: locked
/// staff pages and API, the unlock page and its limit, and switching key file ↔ passphrase.
/// </summary>
public abstract class SealedModeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Passphrase = "river stone lantern morning";
    private readonly AmanatApp first = new(provider);
    private readonly List<AmanatApp> restarts = [];

    public Task InitializeAsync() => first.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in restarts)
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }

        await ((IAsyncLifetime)first).DisposeAsync();
    }

    [Fact]
    public async Task Restart_InSealedMode_LocksStaffPagesAndApi_UntilThePassphrase_AndEveryValueIsReadableAfter()
    {
        var admin = await StaffClient.SignInNewAsync(first, StaffRoles.Admin, "keeper");
        using var chosen = await admin.PostFormAsync("/staff/admin/keys", new() { ["Input.Passphrase"] = Passphrase, ["Input.ConfirmPassphrase"] = Passphrase }, "/staff/admin/keys?handler=Passphrase");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        var app = await RestartAsync(first);
        using var client = app.Client();

        using var page = await client.GetAsync(new Uri("/staff/signin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("href=\"/staff/unlock", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await client.GetAsync(new Uri("/api/v1/me?lang=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("locked", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        using var unlocked = await UnlockAsync(client, Passphrase);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using var signedIn = await StaffClient.SignInAsync(client, "keeper", admin.Password, admin.TotpKey);
        Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task WrongPassphrases_AreRefused_ThenLimited_AndAuditedOnceUnlocked()
    {
        await StaffClient.SignInNewAsync(first, StaffRoles.Admin);
        first.Services.GetRequiredService<Core.Security.KeyVault>().UsePassphrase(Passphrase);
        var app = await RestartAsync(first);
        using var client = app.Client();

        for (var attempt = 0; attempt < Core.Security.UnlockThrottle.MaxFailures; attempt++)
        {
            using var wrong = await UnlockAsync(client, "not the passphrase at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("error", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var limited = await UnlockAsync(client, Passphrase);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);

        app.Clock.Advance(Core.Security.UnlockThrottle.Window);
        using var unlocked = await UnlockAsync(client, Passphrase);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var types = await app.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(x => x.Sequence).Select(x => x.Type).ToListAsync());
        Assert.Equal(Core.Security.UnlockThrottle.MaxFailures, types.Count(x => x == AuditEventType.UnsealFailed));
        Assert.Equal(AuditEventType.Unsealed, types[^1]);
    }

    [Fact]
    public async Task StrangersWrongPassphrases_DoNotStopTheAdministratorAtAnotherAddress_NorTheUnsealCommand()
    {
        const string stranger = "198.51.100.7";
        await StaffClient.SignInNewAsync(first, StaffRoles.Admin);
        first.Services.GetRequiredService<Core.Security.KeyVault>().UsePassphrase(Passphrase);
        await first.StopAsync();
        var restarted = first.Restarted();
        restarts.Add(restarted);
        using var app = restarted.BehindProxy();
        using var fromStranger = app.From(stranger);
        using var fromAdmin = app.From("203.0.113.5");

        await GuessFiveTimesAsync(fromStranger);
        using (var limited = await UnlockAsync(fromStranger, Passphrase))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        using (var unlocked = await UnlockAsync(fromAdmin, Passphrase))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        // Sealed again, the stranger's address full again: the unseal command on the server is not counted.
        var socket = ControlSocket.PathIn(app.Services.GetRequiredService<DataDirectory>());
        Assert.True((await ControlClient.SendAsync(socket, new ControlRequest("seal")))?.Ok);
        await GuessFiveTimesAsync(fromStranger);
        using (var limitedAgain = await UnlockAsync(fromStranger, Passphrase))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limitedAgain.StatusCode);
        }

        var reply = await ControlClient.SendAsync(socket, new ControlRequest("unseal", Passphrase));
        Assert.True(reply?.Ok, reply?.Message);
        Assert.False(app.Services.GetRequiredService<Core.Security.KeyVault>().IsSealed);
    }

    private static async Task GuessFiveTimesAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < Core.Security.UnlockThrottle.MaxFailures; attempt++)
        {
            using var wrong = await UnlockAsync(client, "not the passphrase at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
    }

    [Fact]
    public async Task SwitchingToPassphraseAndBack_KeepsEveryValueReadable_AndTheServerStartsUnsealedAgain()
    {
        var admin = await StaffClient.SignInNewAsync(first, StaffRoles.Admin, "switcher");
        using var toPassphrase = await admin.PostFormAsync("/staff/admin/keys", new() { ["Input.Passphrase"] = Passphrase, ["Input.ConfirmPassphrase"] = Passphrase }, "/staff/admin/keys?handler=Passphrase");
        using var toKeyFile = await admin.PostFormAsync("/staff/admin/keys", [], "/staff/admin/keys?handler=KeyFile");
        Assert.Equal(HttpStatusCode.Redirect, toKeyFile.StatusCode);

        var app = await RestartAsync(first);
        using var client = app.Client();

        using var signedIn = await StaffClient.SignInAsync(client, "switcher", admin.Password, admin.TotpKey);
        Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        var modes = await app.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(x => x.Type == AuditEventType.UnlockModeChanged).Select(x => x.Value).ToListAsync());
        Assert.Equal([1L, 0L], modes);
    }

    [Fact]
    public async Task PassphraseForm_BadInput_IsRefusedWithAClearMessage_AndNothingChanges()
    {
        var admin = await StaffClient.SignInNewAsync(first, StaffRoles.Admin);

        using var tooShort = await admin.PostFormAsync("/staff/admin/keys?lang=en", new() { ["Input.Passphrase"] = "short", ["Input.ConfirmPassphrase"] = "short" }, "/staff/admin/keys?handler=Passphrase&lang=en");
        using var differ = await admin.PostFormAsync("/staff/admin/keys?lang=en", new() { ["Input.Passphrase"] = Passphrase, ["Input.ConfirmPassphrase"] = Passphrase + "x" }, "/staff/admin/keys?handler=Passphrase&lang=en");

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 16 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not the same", await differ.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Core.Security.UnlockMode.KeyFile, first.Services.GetRequiredService<Core.Security.KeyVault>().Mode);
    }

    [Fact]
    public async Task Seal_EndsEverySession_LocksStaffPages_AndTheControlSocketUnseals()
    {
        var admin = await StaffClient.SignInNewAsync(first, StaffRoles.Admin);
        var worker = await StaffClient.SignInNewAsync(first, StaffRoles.Outreach);

        using var sealedNow = await admin.PostFormAsync("/staff/admin/keys", [], "/staff/admin/keys?handler=Seal");
        Assert.Equal("/staff/unlock", sealedNow.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await worker.Http.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);
        using (var unlockPage = await worker.Http.GetAsync(new Uri("/staff/unlock?lang=en", UriKind.Relative)))
        {
            Assert.Contains("key file", await unlockPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var socket = ControlSocket.PathIn(first.Services.GetRequiredService<DataDirectory>());
        var reply = await ControlClient.SendAsync(socket, new ControlRequest("unseal"));

        Assert.True(reply?.Ok, reply?.Message);
        using var afterwards = await worker.Http.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/staff/signin", afterwards.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var again = await StaffClient.SignInAsync(worker.Http, worker.User.UserName!, worker.Password, worker.TotpKey);
        Assert.Equal("/staff", again.Headers.Location?.ToString());
        Assert.Equal(0, await first.WithDbAsync(db => db.StaffSessions.CountAsync(x => x.EndedAtUtc == null && x.UserId == admin.User.Id)));
    }

    private static async Task<HttpResponseMessage> UnlockAsync(HttpClient client, string passphrase)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Passphrase"] = passphrase });
        return await client.PostAsync(new Uri("/staff/unlock?lang=en", UriKind.Relative), content);
    }

    private async Task<AmanatApp> RestartAsync(AmanatApp app)
    {
        await app.StopAsync();
        var restarted = app.Restarted();
        restarts.Add(restarted);
        await restarted.InitializeAsync();
        return restarted;
    }

    public sealed class Sqlite() : SealedModeTests(DatabaseProvider.Sqlite);

    public sealed class Postgres() : SealedModeTests(DatabaseProvider.Postgres);
}
