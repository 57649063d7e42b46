using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Amanat.Web.Tests.Security;

/// <summary>
/// The staff session against the classic attacks, each through HTTP with cookies kept by hand so that a test can
/// plant, copy and forge them as an attacker would: session fixation (signing in issues a cookie never seen
/// before; planted, copied, forged or signed-out cookies open nothing), the cookies' flags, cross-site request
/// forgery (no token, another session's token, a token from before sign-in, a cross-site post, a JSON API call a
/// cross-site form could make), and the lock-out after wrong passwords, which the right password does not
/// lift before its time. Wrong authenticator codes, idle expiry and sign-out everywhere are in <c>SessionTests</c>.
/// </summary>
public abstract class SessionSecurityTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Password = "correct horse battery";
    private const string StaffCookie = ".Amanat.Staff";
    private const string PendingCookie = ".Amanat.Pending";
    private const string WrongAnswer = "The username or password is wrong — or there were too many attempts";
    private const string AntiforgeryCookie = ".Amanat.Antiforgery";

    [Fact]
    public async Task SigningIn_IssuesASessionCookieNeverSeenBefore_AndPlantedCopiedOrForgedCookiesOpenNothing()
    {
        var (user, key, _) = await StaffClient.CreateUserAsync(App, "fixation", Password, StaffRoles.Coordinator);

        // The attacker opens the sign-in page and plants his cookies in her browser; she signs in with them there.
        var attacker = NewBrowser();
        using (await attacker.GetAsync("/staff/signin"))
        {
        }

        var planted = new Dictionary<string, string>(attacker.Cookies);
        var victim = NewBrowser();
        foreach (var (name, value) in planted)
        {
            victim.Cookies[name] = value;
        }

        using var afterPassword = await victim.PostFormAsync("/staff/signin", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = Password });
        var pending = victim.Cookies[PendingCookie];
        var beforeSession = victim.Received.Select(c => c.Value.ToString()).Concat(planted.Values).ToHashSet(StringComparer.Ordinal);
        using var signedIn = await victim.PostFormAsync("/staff/signin/code", new() { ["Code"] = StaffClient.CurrentCode(key) });

        Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        Assert.False(victim.Cookies.ContainsKey(PendingCookie)); // the half-way cookie is deleted at the end
        var session = victim.Cookies[StaffCookie];
        Assert.DoesNotContain(session, beforeSession);
        using (var open = await victim.GetAsync("/staff"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        // What the attacker holds opens nothing: his own pre-sign-in cookies, her pending cookie, a forged session cookie.
        Assert.True(await IsSentToSignInAsync(planted));
        Assert.True(await IsSentToSignInAsync(new() { [PendingCookie] = pending }));
        Assert.True(await IsSentToSignInAsync(new() { [StaffCookie] = "CfDJ8" + new string('A', 200) }));
        Assert.True(await IsSentToSignInAsync(new() { [StaffCookie] = Flip(session) }));

        // A second sign-in is a second session with its own cookie, not the first one re-used.
        var second = NewBrowser();
        using (await SignInAsync(second, user.UserName!, key))
        {
        }

        Assert.NotEqual(session, second.Cookies[StaffCookie]);
        Assert.Equal(2, await App.WithDbAsync(db => db.StaffSessions.CountAsync(s => s.UserId == user.Id && s.EndedAtUtc == null)));

        // Signed out, a copy of her cookie (from a shared phone, a proxy log) is refused by the server, not only forgotten by the browser.
        using (var signedOut = await victim.PostFormAsync("/staff/signout", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.True(await IsSentToSignInAsync(new() { [StaffCookie] = session }));
        var ended = await App.WithDbAsync(db => db.StaffSessions.Where(s => s.UserId == user.Id && s.EndedAtUtc != null).Select(s => s.EndReason).ToListAsync());
        Assert.Equal([SessionEndReason.SignedOut], ended);
    }

    [Fact]
    public async Task EveryCookie_IsHttpOnlyAndSameSiteStrict_SecureOverHttps_AndTheSessionCookieIsNotPersistent()
    {
        var (user, key, _) = await StaffClient.CreateUserAsync(App, "cookie-flags", Password, StaffRoles.Coordinator);
        var browser = NewBrowser(new Uri("https://localhost"));
        using (await browser.GetAsync("/staff/signin?lang=en"))
        {
        }

        using (await SignInAsync(browser, user.UserName!, key))
        {
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var code = (await scope.ServiceProvider.GetRequiredService<AccessCodeDesk>().IssueAsync(1, null, user.Id))[0].Code;
            using var check = await browser.PostAsync("/check", new() { ["Code"] = code, ["Q"] = "8 701 123 45 67", ["Remember"] = "true" }, ("Sec-Fetch-Site", "same-origin"));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        }

        var set = browser.Received.Where(c => c.Value.Length > 0 && (c.Expires is null || c.Expires > DateTimeOffset.UtcNow)).ToList();
        Assert.Superset(
            new HashSet<string>([AntiforgeryCookie, ".Amanat.Language", PendingCookie, StaffCookie, SavedCode.CookieName]),
            set.Select(c => c.Name.ToString()).ToHashSet());
        Assert.All(set, c =>
        {
            Assert.True(c.HttpOnly, $"{c.Name} is readable by script");
            Assert.True(c.Secure, $"{c.Name} would travel without TLS");
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, c.SameSite);
        });
        var session = set.Single(c => c.Name == StaffCookie);
        Assert.Null(session.Expires); // a browser session cookie: closing the browser forgets it
        Assert.Null(session.MaxAge);
        Assert.Equal("/staff/signin", set.First(c => c.Name == PendingCookie).Path.ToString());

        // Over plain HTTP the cookies cannot be Secure (the browser would drop them); behind a trusted TLS proxy they are.
        var plain = NewBrowser();
        using (await plain.GetAsync("/staff/signin"))
        {
        }

        Assert.False(plain.Received.Single(c => c.Name == AntiforgeryCookie).Secure);
        using var proxied = App.WithTestEndpoints(IPAddress.Parse("10.9.8.7"), ("Amanat:ReverseProxy:KnownProxies:0", "10.9.8.7"));
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/staff/signin");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        using var behindProxy = await proxied.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(viaProxy);
        Assert.Contains(behindProxy.Headers.GetValues("Set-Cookie").Select(h => SetCookieHeaderValue.Parse(h)), c => c.Name == AntiforgeryCookie && c.Secure && c.HttpOnly);
    }

    [Fact]
    public async Task AStaffPost_WithoutItsToken_WithAnotherSessionsToken_OrFromAnotherSite_Is400_AndChangesNothing()
    {
        var (victimUser, victimKey, _) = await StaffClient.CreateUserAsync(App, "csrf-victim", Password, StaffRoles.Coordinator);
        var (attackerUser, attackerKey, _) = await StaffClient.CreateUserAsync(App, "csrf-attacker", Password, StaffRoles.Coordinator);
        var victim = NewBrowser();
        var attacker = NewBrowser();

        // A token taken before signing in (an anonymous one) is not valid for the session that follows.
        var beforeSignIn = StaffClient.AntiforgeryToken(await (await victim.GetAsync("/staff/signin")).Content.ReadAsStringAsync());
        using (await SignInAsync(victim, victimUser.UserName!, victimKey))
        {
        }

        using (await SignInAsync(attacker, attackerUser.UserName!, attackerKey))
        {
        }

        var attackersToken = await TokenOfAsync(attacker);
        const string Create = "/staff/account/tokens?handler=Create";
        Task<HttpResponseMessage> CreateToken(Browser browser, string? token, params (string Name, string Value)[] headers) =>
            browser.PostAsync(Create, token is null ? new() { ["Name"] = "forged" } : new() { ["Name"] = "forged", ["__af"] = token }, headers);

        using var noToken = await CreateToken(victim, null);
        using var othersToken = await CreateToken(victim, attackersToken);
        using var earlierToken = await CreateToken(victim, beforeSignIn);
        using var forgedToken = await CreateToken(victim, "CfDJ8" + new string('B', 150));
        using var crossSite = await CreateToken(victim, null, ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Referer", "https://evil.example/"));

        // The attacker's whole anti-forgery pair (his cookie and his token) planted beside her session cookie.
        var planted = NewBrowser();
        planted.Cookies[StaffCookie] = victim.Cookies[StaffCookie];
        planted.Cookies[AntiforgeryCookie] = attacker.Cookies[AntiforgeryCookie];
        using var plantedPair = await CreateToken(planted, attackersToken);

        // A cross-site form can send text/plain but not application/json: the cookie-authenticated API refuses it.
        using var textPlain = await victim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents")
        {
            Content = new StringContent("{\"occurredOn\":\"2026-01-01\",\"cityCode\":\"ALA\",\"violations\":[\"ST-DEP\"],\"unnamedPeople\":1}", System.Text.Encoding.UTF8, "text/plain"),
        });
        using var formToApi = await victim.PostAsync("/api/v1/incidents", new() { ["occurredOn"] = "2026-01-01", ["cityCode"] = "ALA" });

        foreach (var refused in new[] { noToken, othersToken, earlierToken, forgedToken, crossSite, plantedPair })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textPlain.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formToApi.StatusCode);
        Assert.Empty(await App.WithDbAsync(db => db.ApiTokens.ToListAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));

        // The same post with her own token goes through: the refusals were the token's doing, not the form's.
        using var genuine = await CreateToken(victim, await TokenOfAsync(victim));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(victimUser.Id, (await App.WithDbAsync(db => db.ApiTokens.SingleAsync())).UserId);
    }

    [Theory]
    [InlineData("/report", "Input.What=OTHER&Input.Story=cross-site")]
    [InlineData("/report/withdraw", "Reference=ABCD-EFGH-JKLM")]
    [InlineData("/check", "Code=ABCD-EFGH&Q=87011234567&Remember=true")]
    [InlineData("/alerts", "Code=ABCD-EFGH&Remember=true")]
    public async Task APublicFormPostedFromAnotherSite_Is400_StoresNothing_AndSetsNoCookie(string path, string body)
    {
        var staff = await StaffClient.CreateUserAsync(App, "issuer", Password, StaffRoles.Coordinator);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var code = (await scope.ServiceProvider.GetRequiredService<AccessCodeDesk>().IssueAsync(1, null, staff.User.Id))[0].Code;
            body = body.Replace("ABCD-EFGH", code, StringComparison.Ordinal);
        }

        foreach (var headers in new[] { new[] { ("Sec-Fetch-Site", "cross-site") }, [("Origin", "https://evil.example")] })
        {
            var browser = NewBrowser();
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var response = await browser.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain(browser.Received, c => c.Name == SavedCode.CookieName);
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AccessCodes.SumAsync(c => c.Uses)));
    }

    [Fact]
    public async Task WrongPasswords_LockNothing_TheRightOneWaitsForTheDelay_AndEveryFailureIsAudited()
    {
        var (user, key, _) = await StaffClient.CreateUserAsync(App, "slowed-by-password", Password, StaffRoles.Outreach);
        var browser = NewBrowser();
        for (var attempt = 0; attempt < SignInThrottle.FreeFailuresPerAddress; attempt++)
        {
            using var wrong = await browser.PostFormAsync("/staff/signin?lang=en", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = "wrong password " + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(WrongAnswer, ErrorText(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The right password before the delay has passed: the same answer, and no half-way sign-in.
        using (var early = await browser.PostFormAsync("/staff/signin?lang=en", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains(WrongAnswer, ErrorText(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.False(browser.Cookies.ContainsKey(PendingCookie));
        }

        // Nothing is locked in the account itself; once the delay has passed (two seconds after five failures), she is in.
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        App.Clock.Advance(SignInThrottle.Delay(SignInThrottle.FreeFailuresPerAddress, SignInThrottle.FreeFailuresPerAddress));
        using (var signedIn = await SignInAsync(browser, user.UserName!, key))
        {
            Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        }

        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.SubjectId == user.Id || e.ActorId == user.Id).Select(e => e.Type).ToListAsync());
        Assert.DoesNotContain(AuditEventType.LockedOut, audit);
        Assert.Equal(SignInThrottle.FreeFailuresPerAddress + 1, audit.Count(t => t == AuditEventType.SignInFailed));
        Assert.Equal(AuditEventType.SignedIn, audit[^1]);
    }

    [Fact]
    public async Task AnUnknownUsername_GetsTheSameAnswerAsAWrongPassword()
    {
        var (user, _, _) = await StaffClient.CreateUserAsync(App, "known-name", Password, StaffRoles.Outreach);
        var browser = NewBrowser();
        using var wrongPassword = await browser.PostFormAsync("/staff/signin?lang=en", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = "not her password" });
        using var unknownName = await browser.PostFormAsync("/staff/signin?lang=en", new() { ["Input.UserName"] = "no-such-person", ["Input.Password"] = "not her password" });

        Assert.Equal(wrongPassword.StatusCode, unknownName.StatusCode);
        Assert.Equal(ErrorText(await wrongPassword.Content.ReadAsStringAsync()), ErrorText(await unknownName.Content.ReadAsStringAsync()));
        Assert.Contains(WrongAnswer, ErrorText(await unknownName.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static string ErrorText(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "The username or password is wrong[^<]*").Value;

    /// <summary>Whether these cookies alone, sent to the staff home page, are sent to sign in rather than let in.</summary>
    private async Task<bool> IsSentToSignInAsync(Dictionary<string, string> cookies)
    {
        var browser = NewBrowser();
        foreach (var (name, value) in cookies)
        {
            browser.Cookies[name] = value;
        }

        using var response = await browser.GetAsync("/staff");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().StartsWith("/staff/signin", StringComparison.Ordinal) == true;
    }

    /// <summary>The value with one character of its middle changed.</summary>
    private static string Flip(string value)
    {
        var chars = value.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static async Task<string> TokenOfAsync(Browser browser)
    {
        using var page = await browser.GetAsync("/staff/account/tokens");
        return StaffClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, string userName, string key)
    {
        using var afterPassword = await browser.PostFormAsync("/staff/signin", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal("/staff/signin/code", afterPassword.Headers.Location?.ToString());
        return await browser.PostFormAsync("/staff/signin/code", new() { ["Code"] = StaffClient.CurrentCode(key) });
    }

    private Browser NewBrowser(Uri? baseAddress = null) =>
        new(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = baseAddress ?? new Uri("http://localhost") }));

    /// <summary>A browser whose cookie jar the test can read and write: what the attacker plants, copies or forges.</summary>
    private sealed class Browser(HttpClient http)
    {
        /// <summary>The cookies it sends with every request (paths ignored: an attacker sends what he likes).</summary>
        public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

        /// <summary>Every cookie the server set, deletions included, with its flags.</summary>
        public List<SetCookieHeaderValue> Received { get; } = [];

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, params (string Name, string Value)[] headers)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            return SendAsync(request);
        }

        /// <summary>GETs the page for its anti-forgery token, then posts the form (to <paramref name="action"/> if given).</summary>
        public async Task<HttpResponseMessage> PostFormAsync(string page, Dictionary<string, string> fields, string? action = null)
        {
            using var form = await GetAsync(page);
            fields["__af"] = StaffClient.AntiforgeryToken(await form.Content.ReadAsStringAsync());
            return await PostAsync(action ?? page, fields);
        }

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            ArgumentNullException.ThrowIfNull(request);
            using (request)
            {
                if (Cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await http.SendAsync(request);
                foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
                {
                    var cookie = SetCookieHeaderValue.Parse(header);
                    Received.Add(cookie);
                    if (cookie.Value.Length == 0 || cookie.Expires < DateTimeOffset.UtcNow)
                    {
                        Cookies.Remove(cookie.Name.ToString());
                    }
                    else
                    {
                        Cookies[cookie.Name.ToString()] = cookie.Value.ToString();
                    }
                }

                return response;
            }
        }
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SessionSecurityTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SessionSecurityTests(app);
}
