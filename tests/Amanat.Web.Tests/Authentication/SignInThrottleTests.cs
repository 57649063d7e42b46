using System.Net;
using System.Text.RegularExpressions;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// No account oracle and no lock-out weapon: an unknown name, a wrong password and an account that must wait get
/// the same page, byte for byte; a stranger's guesses slow only his own address, and even there the real person
/// gets in once the delay has passed.
/// </summary>
public abstract partial class SignInThrottleTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Name = "nargiza";
    private const string Password = "correct horse battery";
    private const string Stranger = "198.51.100.7";

    [Fact]
    public async Task UnknownWrongAndWaiting_GetTheSameAnswer_AndTheRealPersonGetsInAtHerAddress_AndAtHisAfterTheDelay()
    {
        using var app = App.BehindProxy();

        // The name before the account exists, then a wrong password for it, each from an address of its own.
        using var first = app.From("203.0.113.1");
        using var unknown = await PasswordAsync(first, Password);
        var (_, key, _) = await StaffClient.CreateUserAsync(App, Name, Password, StaffRoles.Outreach);
        using var second = app.From("203.0.113.2");
        using var wrong = await PasswordAsync(second, "not her password");

        // A stranger guesses from his address until it must wait; then even the right password gets the same page.
        using var stranger = app.From(Stranger);
        for (var attempt = 0; attempt < SignInThrottle.FreeFailuresPerAddress; attempt++)
        {
            using var guess = await PasswordAsync(stranger, "guess number " + attempt);
        }

        using var waiting = await PasswordAsync(stranger, Password);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(unknown.StatusCode, waiting.StatusCode);
        var expected = WithoutAntiforgeryToken(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("too many attempts", expected, StringComparison.Ordinal);
        Assert.Equal(expected, WithoutAntiforgeryToken(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(expected, WithoutAntiforgeryToken(await waiting.Content.ReadAsStringAsync()));

        // She, at her own address, is not slowed by him at all.
        using var hers = app.From("203.0.113.9");
        using (var signedIn = await StaffClient.SignInAsync(hers, Name, Password, key))
        {
            Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        }

        // At his address (a shared Wi-Fi), once the delay has passed: the right password and code open it.
        App.Clock.Advance(SignInThrottle.Delay(SignInThrottle.FreeFailuresPerAddress, SignInThrottle.FreeFailuresPerAddress));
        using var sameWifi = app.From(Stranger);
        using (var signedIn = await StaffClient.SignInAsync(sameWifi, Name, Password, key))
        {
            Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task StrangersFailingAgainstHerName_NeverMakeHerWait_ToTypeHerPasswordAgainInHerOwnSession()
    {
        // The panic lock and re-confirmation ask for the password inside her session: in an emergency nobody
        // elsewhere may have made her wait, however many addresses failed against her account.
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var throttle = App.Services.GetRequiredService<SignInThrottle>();
        var account = coordinator.User.NormalizedUserName!;
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount + 5; i++)
        {
            throttle.RecordFailure($"192.0.2.{i}", account);
        }

        Assert.True(throttle.WaitBeforeNextAttempt("203.0.113.50", account) > TimeSpan.Zero);
        using var confirmed = await coordinator.PostFormAsync("/staff/confirm-password", new() { ["Password"] = coordinator.Password, ["ReturnUrl"] = "/staff/tasks" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/staff/tasks", confirmed.Headers.Location?.OriginalString);
    }

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient http, string password) =>
        StaffClient.PostFormAsync(http, "/staff/signin?lang=en", new() { ["Input.UserName"] = Name, ["Input.Password"] = password });

    private static string WithoutAntiforgeryToken(string html) => AntiforgeryToken().Replace(html, "name=\"__af\" type=\"hidden\" value=\"\"");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryToken();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SignInThrottleTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SignInThrottleTests(app);
}
