using System.Net;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Authentication;

public abstract class SessionTests(AmanatApp app) : IntegrationTest(app)
{
    private const string WrongCode = "The code is wrong or too old.";

    [Fact]
    public async Task IdleFor15Minutes_TheSessionEnds()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        App.Clock.Advance(TimeSpan.FromMinutes(14));
        using (var stillIn = await staff.Http.GetAsync(new Uri("/staff", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(16));
        using var expired = await staff.Http.GetAsync(new Uri("/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/staff/signin", expired.Headers.Location?.ToString(), StringComparison.Ordinal);
        var session = await App.WithDbAsync(db => db.StaffSessions.SingleAsync());
        Assert.Equal(SessionEndReason.Expired, session.EndReason);
    }

    [Fact]
    public async Task FormPostedAfterExpiry_IsShownFilledInAfterSigningInAgain()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var form = await staff.Http.GetStringAsync(new Uri("/staff/account/tokens", UriKind.Relative));
        App.Clock.Advance(TimeSpan.FromMinutes(20));

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = StaffClient.AntiforgeryToken(form),
            ["Name"] = "weekly export script",
        });
        using var posted = await staff.Http.PostAsync(new Uri("/staff/account/tokens?handler=Create", UriKind.Relative), content);
        var signInUrl = posted.Headers.Location!.ToString();
        var returnUrl = Uri.UnescapeDataString(signInUrl[(signInUrl.IndexOf("ReturnUrl=", StringComparison.Ordinal) + 10)..]);
        using var signedIn = await staff.SignInAsync();
        var restored = await staff.Http.GetStringAsync(new Uri(returnUrl, UriKind.Relative));

        Assert.StartsWith("/staff/signin?ReturnUrl=", signInUrl, StringComparison.Ordinal);
        Assert.StartsWith("/staff/account/tokens?restore=", returnUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly", signInUrl, StringComparison.Ordinal);
        Assert.Contains("value=\"weekly export script\"", restored, StringComparison.Ordinal);
        Assert.Empty(await App.WithDbAsync(db => db.PreservedForms.ToListAsync()));
        Assert.Empty(await App.WithDbAsync(db => db.ApiTokens.ToListAsync()));
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("Input.Password", true)]
    [InlineData("Input.ConfirmPassword", true)]
    [InlineData("Input.UserName", false)]
    [InlineData("Name", false)]
    public void PreservedForms_NeverKeepPasswordFields(string field, bool secret) =>
        Assert.Equal(secret, Amanat.Web.Authentication.PreservedForms.IsSecretField(field));

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherBrowsersSession()
    {
        var first = await StaffClient.SignInNewAsync(App, StaffRoles.Lawyer, "two-browsers");
        var second = await SignInSecondAsync(first);

        using (await first.PostFormAsync("/staff/account", [], "/staff/account?handler=EverywhereSignOut"))
        {
        }

        using var afterFirst = await first.Http.GetAsync(new Uri("/staff", UriKind.Relative));
        using var afterSecond = await second.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSecond.StatusCode);
        Assert.All(await App.WithDbAsync(db => db.StaffSessions.ToListAsync()), s => Assert.Equal(SessionEndReason.SignedOutEverywhere, s.EndReason));
    }

    [Fact]
    public async Task AdminResetsTwoFactor_HerSessionsEnd_AndSheIsToldAtNextSignIn()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin, "the-admin");
        var worker = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach, "the-worker");

        using var reset = await admin.PostFormAsync($"/staff/admin/users/{worker.User.Id}", [], $"/staff/admin/users/{worker.User.Id}?handler=ResetTwoFactor");
        using var kicked = await worker.Http.GetAsync(new Uri("/staff", UriKind.Relative));
        using var password = await worker.PostFormAsync("/staff/signin", new() { ["Input.UserName"] = "the-worker", ["Input.Password"] = worker.Password });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, kicked.StatusCode);
        Assert.Equal("/staff/signin/enrol", password.Headers.Location?.ToString());
        var notice = await App.WithDbAsync(db => db.StaffNotices.SingleAsync());
        Assert.Equal(StaffNoticeKind.TwoFactorReset, notice.Kind);
        Assert.Equal(worker.User.Id, notice.UserId);
    }

    [Fact]
    public async Task WrongCodes_MakeHerWait_WithTheSameAnswer_ThenTheRightCodeWorks()
    {
        var (_, key, _) = await StaffClient.CreateUserAsync(App, "slowed-down", "a long enough password", StaffRoles.Outreach);
        using var http = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var afterPassword = await StaffClient.PostFormAsync(http, "/staff/signin", new() { ["Input.UserName"] = "slowed-down", ["Input.Password"] = "a long enough password" });
        for (var attempt = 0; attempt < SignInThrottle.FreeFailuresPerAddress; attempt++)
        {
            using var response = await StaffClient.PostFormAsync(http, "/staff/signin/code?lang=en", new() { ["Code"] = "000000" });
            Assert.Contains(WrongCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var early = await StaffClient.PostFormAsync(http, "/staff/signin/code?lang=en", new() { ["Code"] = StaffClient.CurrentCode(key) });
        App.Clock.Advance(SignInThrottle.Delay(SignInThrottle.FreeFailuresPerAddress, SignInThrottle.FreeFailuresPerAddress));
        using var inTime = await StaffClient.PostFormAsync(http, "/staff/signin/code?lang=en", new() { ["Code"] = StaffClient.CurrentCode(key) });

        Assert.Equal("/staff/signin/code", afterPassword.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains(WrongCode, await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/staff", inTime.Headers.Location?.ToString());
    }

    private async Task<HttpClient> SignInSecondAsync(StaffClient first)
    {
        var http = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var done = await StaffClient.SignInAsync(http, first.User.UserName!, first.Password, first.TotpKey);
        Assert.Equal("/staff", done.Headers.Location?.ToString());
        return http;
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SessionTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SessionTests(app);
}
