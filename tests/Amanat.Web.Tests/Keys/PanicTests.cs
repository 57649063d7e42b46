using System.Net;
using System.Text;
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
/// The panic lock on a server of its own: a coordinator's password and one button end every session, lock
/// every staff page and take the keys out of memory; the raw files hold no canary; after the passphrase the
/// old cookies stay dead. An administrator's wipe needs the box and the word, then destroys the keys.
/// </summary>
public sealed class PanicTests : IAsyncLifetime
{
    private const string Passphrase = "panic test passphrase, long enough";
    private const string Canary = "canary-panic-3b9f20";
    private readonly AmanatApp app = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OnePasswordAndOneButton_EndEverySession_LockEveryStaffPage_AndLeaveNoCanary()
    {
        app.Services.GetRequiredService<KeyVault>().UsePassphrase(Passphrase);
        var coordinator = await StaffClient.SignInNewAsync(app, StaffRoles.Coordinator);
        var lawyer = await StaffClient.SignInNewAsync(app, StaffRoles.Lawyer);
        var admin = await StaffClient.SignInNewAsync(app, StaffRoles.Admin);
        var fields = Situations.DocumentCheck(app.Today.AddDays(-2), Canary + "-name").Where(f => f.Key != "Input.Narrative").Append(new("Input.Narrative", Canary + " story")).ToList();
        var id = await Situations.RecordAsync(coordinator, fields);

        var page = await coordinator.Http.GetStringAsync(new Uri("/staff/panic?lang=ru", UriKind.Relative));
        Assert.Contains("Экстренная блокировка", page, StringComparison.Ordinal);
        Assert.DoesNotContain("panic-wipe", page, StringComparison.Ordinal); // wiping is for administrators
        using (var wrong = await coordinator.PostFormAsync("/staff/panic?lang=ru", new() { ["Password"] = "not her password" }, "/staff/panic?handler=Lock&lang=ru"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.False(app.Services.GetRequiredService<KeyVault>().IsSealed);
        }

        using (var locked = await coordinator.PostFormAsync("/staff/panic?lang=ru", new() { ["Password"] = coordinator.Password }, "/staff/panic?handler=Lock&lang=ru"))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
            Assert.Equal("/staff/unlock", locked.Headers.Location?.ToString());
        }

        Assert.True(app.Services.GetRequiredService<KeyVault>().IsSealed);
        foreach (var staff in new[] { coordinator, lawyer, admin })
        {
            foreach (var path in new[] { "/staff", $"/staff/incidents/{id}", "/staff/incidents", "/staff/members", "/staff/statistics", "/staff/admin/users", "/api/v1/incidents" })
            {
                using var response = await staff.Http.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode}");
                Assert.DoesNotContain(Canary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var stored = new StringBuilder();
        foreach (var bytes in await app.CopyDatabaseFilesAsync())
        {
            stored.Append(Encoding.Latin1.GetString(bytes)).Append(Encoding.UTF8.GetString(bytes));
        }

        foreach (var file in Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sock", StringComparison.Ordinal)))
        {
            stored.Append(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
        }

        Assert.Contains("ST-DET", stored.ToString(), StringComparison.Ordinal); // the search reads the files
        Assert.DoesNotContain(Canary, stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, app.Logs.All, StringComparison.Ordinal);

        Assert.Equal(UnsealOutcome.Unsealed, (await app.Services.GetRequiredService<Sealing>().UnsealAsync(Passphrase, AuditSource.System, webAddress: null)).Outcome);
        foreach (var staff in new[] { coordinator, lawyer, admin })
        {
            using var after = await staff.Http.GetAsync(new Uri("/staff", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/staff/signin", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.StaffSessions.CountAsync(s => s.EndedAtUtc == null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Type == AuditEventType.PanicLocked && e.ActorId == coordinator.User.Id)));
    }

    [Fact]
    public async Task AWipe_NeedsTheBoxAndTheWord_ThenNoKeyIsLeftOnTheMachine()
    {
        var vault = app.Services.GetRequiredService<KeyVault>();
        vault.UsePassphrase(Passphrase);
        var admin = await StaffClient.SignInNewAsync(app, StaffRoles.Admin);
        var page = await admin.Http.GetStringAsync(new Uri("/staff/panic?lang=kk", UriKind.Relative));
        Assert.Contains("Растау үшін ЖОЮ деп жазыңыз", page, StringComparison.Ordinal);

        using (var noBox = await admin.PostFormAsync("/staff/panic?lang=kk", new() { ["Password"] = admin.Password, ["Word"] = "жою" }, "/staff/panic?handler=Wipe&lang=kk"))
        {
            var html = await noBox.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, noBox.StatusCode);
            Assert.Contains("Салдарын түсінетініңізді белгілеңіз.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"жою\"", html, StringComparison.Ordinal); // what she typed stays
        }

        using (var wrongWord = await admin.PostFormAsync("/staff/panic?lang=kk", new() { ["Password"] = admin.Password, ["Understood"] = "true", ["Word"] = "yes" }, "/staff/panic?handler=Wipe&lang=kk"))
        {
            Assert.Contains("ЖОЮ деп дәл жазыңыз.", await wrongWord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(vault.IsSealed);
        var keys = Path.Combine(app.DataDirectory, "keys");
        Assert.True(File.Exists(Path.Combine(keys, "keystore.json")));

        using (var wiped = await admin.PostFormAsync("/staff/panic?lang=kk", new() { ["Password"] = admin.Password, ["Understood"] = "true", ["Word"] = "жою" }, "/staff/panic?handler=Wipe&lang=kk"))
        {
            Assert.Equal(HttpStatusCode.Redirect, wiped.StatusCode);
        }

        Assert.True(vault.IsSealed && vault.IsWiped);
        Assert.False(File.Exists(Path.Combine(keys, "keystore.json")));
        Assert.False(File.Exists(Path.Combine(keys, "amanat.key")));
        Assert.False(vault.TryUnseal(Passphrase));
        var unlock = await admin.Http.GetStringAsync(new Uri("/staff/unlock?lang=ru", UriKind.Relative));
        Assert.Contains("Ключи на этом сервере уничтожены", unlock, StringComparison.Ordinal);
        Assert.Equal(UnsealOutcome.Wrong, (await app.Services.GetRequiredService<Sealing>().UnsealAsync(Passphrase, AuditSource.System, webAddress: null)).Outcome);
    }
}
