using System.Net;
using System.Text.RegularExpressions;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// An authenticator code works once (RFC 6238, section 5.2): a code seen over someone's shoulder, or caught by a
/// phishing page after she used it, opens nothing, at sign-in or after enrolment.
/// </summary>
public abstract partial class OneTimeCodeTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task SignIn_TheSameCodeTwice_IsRefusedTheSecondTime_AndTheNextCodeWorks()
    {
        var (_, key, _) = await StaffClient.CreateUserAsync(App, "once", Password, StaffRoles.Outreach);
        var code = StaffClient.CodeNow(key);

        using var first = App.Client();
        using var accepted = await PasswordThenCodeAsync(first, "once", code);
        using var second = App.Client();
        using var replayed = await PasswordThenCodeAsync(second, "once", code);
        using var next = await StaffClient.PostFormAsync(second, "/staff/signin/code?lang=en", new() { ["Code"] = NextCode(key) });

        Assert.Equal("/staff", accepted.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("The code is wrong or too old", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/staff", next.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Enrolment_TheCodeThatConfirmedIt_IsRefusedAtTheNextSignIn()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var (_, created) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("enrols", Password, StaffRoles.Outreach);
            Assert.True(created.Succeeded);
        }

        using var browser = App.Client();
        using var afterPassword = await StaffClient.PostFormAsync(browser, "/staff/signin", new() { ["Input.UserName"] = "enrols", ["Input.Password"] = Password });
        Assert.Equal("/staff/signin/enrol", afterPassword.Headers.Location?.ToString());
        var key = SecretPattern().Match(await browser.GetStringAsync(new Uri("/staff/signin/enrol", UriKind.Relative))).Groups["key"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var code = StaffClient.CodeNow(key);
        using var enrolled = await StaffClient.PostFormAsync(browser, "/staff/signin/enrol", new() { ["Code"] = code });
        Assert.Contains("recovery-codes", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var other = App.Client();
        using var replayed = await PasswordThenCodeAsync(other, "enrols", code);
        using var next = await StaffClient.PostFormAsync(other, "/staff/signin/code?lang=en", new() { ["Code"] = NextCode(key) });

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("The code is wrong or too old", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/staff", next.Headers.Location?.ToString());
    }

    private static async Task<HttpResponseMessage> PasswordThenCodeAsync(HttpClient http, string userName, string code)
    {
        using var afterPassword = await StaffClient.PostFormAsync(http, "/staff/signin", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal("/staff/signin/code", afterPassword.Headers.Location?.ToString());
        return await StaffClient.PostFormAsync(http, "/staff/signin/code?lang=en", new() { ["Code"] = code });
    }

    /// <summary>The code of the next 30-second step (the phone's, half a minute from now).</summary>
    private static string NextCode(string key) => new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    [GeneratedRegex("<code class=\"secret\">(?<key>[^<]+)</code>")]
    private static partial Regex SecretPattern();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : OneTimeCodeTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : OneTimeCodeTests(app);
}
