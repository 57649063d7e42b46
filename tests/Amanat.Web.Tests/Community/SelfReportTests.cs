using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Amanat.Core.Community;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Community;

/// <summary>
/// The anonymous self-report: the form without cookies or JavaScript, sealed on arrival (no plaintext in the
/// database), kept when refused, withdrawn by its reference, and the API twin.
/// </summary>
public abstract partial class SelfReportTests(AmanatApp app) : IntegrationTest(app)
{
    private const string StoryCanary = "canary-story-5f1d9a";
    private const string PhoneCanary = "+7 701 555 0199";

    public static List<KeyValuePair<string, string>> Report(string story = StoryCanary) =>
    [
        new("Input.What", "BEATEN"),
        new("Input.What", "MONEY"),
        new("Input.Who", "CLI"),
        new("Input.CityCode", "ALA"),
        new("Input.Phone", PhoneCanary),
        new("Input.Story", story),
        new("Input.Needs", "DOCTOR"),
        new("Input.ContactChannel", "Telegram"),
        new("Input.Contact", "@canary_contact_77"),
        new("Input.Consents", "STATS"),
        new("Input.Consents", "ALERT"),
    ];

    public static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, string lang = "ru")
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostPublicAsync($"/report?lang={lang}", content);
    }

    public static string ReferenceIn(string html) => ReferencePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No reference in: " + html);

    [Fact]
    public async Task TheForm_SetsNoCookie_AndAReport_IsSealed_WithNoPlaintextInTheDatabase()
    {
        using var client = App.Client();
        using var form = await client.GetAsync(new Uri("/report?lang=kk", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
        Assert.Contains("no-store", form.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Не болғанын айтыңыз", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__af", html, StringComparison.Ordinal);

        using var sent = await PostReportAsync(client, Report(), "kk");
        var answer = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var reference = ReferenceIn(answer);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", reference);

        var report = await App.WithDbAsync(db => db.SelfReports.SingleAsync());
        Assert.Equal(SelfReportStatus.New, report.Status);
        Assert.Equal(SelfReportChannel.Web, report.Channel);
        foreach (var canary in new[] { StoryCanary, "canary_contact_77", "555 0199", "5550199", reference, reference.Replace("-", "", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(canary, await RawDatabaseTextAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(StoryCanary, StringComparison.Ordinal) || l.Contains(reference, StringComparison.Ordinal));

        var content = await OpenAsync(report);
        Assert.Equal("kk", content.Language);
        Assert.Equal(["BEATEN", "MONEY"], content.What);
        Assert.Equal(StoryCanary, content.Story);
        Assert.True(content.Consented("ALERT"));
        Assert.False(content.Consented("AUTHORITIES"));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearMessage_KeepsWhatWasTyped_AndStoresNothing()
    {
        using var client = App.Client();
        using var empty = await PostReportAsync(client, [new("Input.Phone", PhoneCanary), new("Input.When", App.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], "en");
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Tick at least one thing that happened", html, StringComparison.Ordinal);
        Assert.Contains("The date cannot be in the future.", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(PhoneCanary).Replace("+", "&#x2B;", StringComparison.Ordinal), html, StringComparison.Ordinal);

        using var unknown = await PostReportAsync(client, [new("Input.What", "EVIL"), new("Input.Who", "<script>"), new("Input.ContactChannel", "Pigeon")], "en");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var noChannel = await PostReportAsync(client, [new("Input.What", "OTHER"), new("Input.Contact", "0701")], "en");
        Assert.Contains("Choose how to use this contact", await noChannel.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
    }

    [Fact]
    public async Task TheHoneypot_AndAPostFromAnotherSite_StoreNothing()
    {
        using var client = App.Client();
        using var bot = await PostReportAsync(client, [.. Report(), new("Input.Website", "http://spam.example")]);
        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);
        ReferenceIn(await bot.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/report?lang=ru") { Content = new FormUrlEncodedContent(Report()) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var crossSite = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);

        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
    }

    [Fact]
    public async Task APostThatDoesNotShowItCameFromThisSite_IsRefused_UnlessTheBrowserSaysSameOrigin()
    {
        using var client = App.Client();
        (string Name, string Value)[][] crossSite =
        [
            [("Origin", "null")],
            [("Referer", "https://evil.example/form")],
            [],
            [("Origin", "null"), ("Referer", "http://localhost/report")],
            [("Origin", "https://evil.example")],
            [("Sec-Fetch-Site", "same-site"), ("Origin", "null")],
        ];
        foreach (var headers in crossSite)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/report?lang=en") { Content = new FormUrlEncodedContent(Report()) };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var refused = await client.SendAsync(request);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, string.Join(", ", headers.Select(h => h.Name + ": " + h.Value)));
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));

        // What browsers on this site send: Sec-Fetch-Site (Chrome may still say Origin "null" after a redirect), or, in an older browser, this site's Origin (our same-origin referrer policy lets it send the real one).
        foreach (var headers in new[] { new[] { ("Sec-Fetch-Site", "same-origin"), ("Origin", "null") }, [("Origin", "http://localhost")] })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/report?lang=en") { Content = new FormUrlEncodedContent(Report()) };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var accepted = await client.SendAsync(request);
            ReferenceIn(await accepted.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
    }

    [Fact]
    public async Task Withdraw_DeletesAnUnreviewedReport_AndEmptiesAReviewedOne()
    {
        using var client = App.Client();
        var first = ReferenceIn(await (await PostReportAsync(client, Report())).Content.ReadAsStringAsync());
        var second = ReferenceIn(await (await PostReportAsync(client, Report("second"))).Content.ReadAsStringAsync());
        var reviewer = await StaffClient.SignInNewAsync(App, Core.Staff.StaffRoles.Coordinator);
        await App.WithDbAsync(async db =>
        {
            var hash = ReadableCode.Hash(ReadableCode.Normalise(second)!, SelfReport.ReferencePurpose);
            (await db.SelfReports.SingleAsync(r => r.ReferenceHash == hash)).Discard("TEST", reviewer.User.Id, TestClock.UtcNow);
            return await db.SaveChangesAsync();
        });

        // Typed loosely: lower case, spaces, Cyrillic look-alikes.
        using var gone = await WithdrawAsync(client, first.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        Assert.Contains("сообщение удалено", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await WithdrawAsync(client, first);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Сообщения с таким номером нет", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var emptied = await WithdrawAsync(client, second);
        Assert.Contains("сообщение отозвано", await emptied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kept = await App.WithDbAsync(db => db.SelfReports.SingleAsync());
        Assert.Equal(SelfReportStatus.Withdrawn, kept.Status);
        Assert.Null(kept.SealedContent);
    }

    [Fact]
    public async Task TheApi_AcceptsAReport_AndAnswersBadInputWithProblemDetails()
    {
        using var client = App.Client();
        using var created = await client.PostJsonAsync("/api/v1/public/reports?lang=en",
            """{"what":["DETAINED","DOCUMENTS"],"who":"POL","cityCode":"ALA","unit":"District 5","needs":["LAWYER"],"contactChannel":"NotToBeContacted","consents":["STATS"]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reference = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString()!;
        Assert.Null(created.Headers.Location);
        var report = await App.WithDbAsync(db => db.SelfReports.SingleAsync());
        Assert.Equal(SelfReportChannel.Api, report.Channel);
        Assert.Equal("en", (await OpenAsync(report)).Language);

        using var bad = await client.PostJsonAsync("/api/v1/public/reports?lang=en", """{"what":[],"who":"NOPE"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Tick at least one thing that happened, or write a few words.", errors.GetProperty("what")[0].GetString());
        Assert.True(errors.TryGetProperty("who", out _));

        using var withdrawn = await client.PostJsonAsync("/api/v1/public/reports/withdraw", JsonSerializer.Serialize(new { reference }));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
    }

    [Fact]
    public async Task TooManyReports_FromOneAddress_GetAKindTryLater_AndTheFormKeepsWhatWasTyped()
    {
        using var limited = App.WithTestEndpoints(null, ("Amanat:Community:ReportsPerAddressPerHour", "2"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await PostReportAsync(client, Report());
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await PostReportAsync(client, Report("third story"), "uz");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("daqiqadan keyin qayta urinib koʻring", html, StringComparison.Ordinal);
        Assert.Contains("third story", html, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
    }

    private async Task<SelfReportContent> OpenAsync(SelfReport report)
    {
        using var key = App.Services.GetRequiredService<KeyVault>().SelfReportPrivateKey();
        return report.Open(key)!;
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, string reference)
    {
        using var content = new FormUrlEncodedContent([new("Reference", reference)]);
        return await client.PostPublicAsync("/report/withdraw?lang=ru", content);
    }

    private async Task<string> RawDatabaseTextAsync()
    {
        if (App.Provider == DatabaseProvider.Sqlite)
        {
            return string.Join("\n", (await App.CopyDatabaseFilesAsync()).Select(b => Encoding.UTF8.GetString(b) + Encoding.Latin1.GetString(b)));
        }

        return (await App.ScalarAsync("SELECT string_agg(encode(\"SealedContent\", 'escape'), '|') FROM \"SelfReports\""))?.ToString() ?? string.Empty;
    }

    [GeneratedRegex(@"class=""secret reference"">([A-Z0-9-]+)<")]
    private static partial Regex ReferencePattern();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SelfReportTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SelfReportTests(app);
}

/// <summary>A report sent while the server is sealed is accepted, and readable once it is unsealed.</summary>
public sealed class SealedSelfReportTests : IAsyncLifetime
{
    private const string Passphrase = "river stone lantern morning";
    private readonly AmanatApp app = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task AReportSentWhileSealed_IsStored_AndReadableAfterUnsealing()
    {
        var vault = app.Services.GetRequiredService<KeyVault>();
        vault.UsePassphrase(Passphrase);
        await app.Services.GetRequiredService<Sealing>().SealAsync(Core.Auditing.AuditSource.System);
        Assert.True(vault.IsSealed);

        using var client = app.Client();
        using var form = await client.GetAsync(new Uri("/report?lang=uz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var sent = await SelfReportTests.PostReportAsync(client, SelfReportTests.Report("sent while sealed"), "uz");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reference = SelfReportTests.ReferenceIn(await sent.Content.ReadAsStringAsync());
        using var api = await client.PostJsonAsync("/api/v1/public/reports", """{"what":["OTHER"]}""");
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);

        // The number check cannot look at codes while sealed: "unavailable", never "no record".
        using var checkRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/check?lang=en") { Content = new StringContent("""{"q":"+77011234567"}""", Encoding.UTF8, "application/json") };
        checkRequest.Headers.Add("X-Access-Code", "K7PA-3XWD-RMCT");
        using var check = await client.SendAsync(checkRequest);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, check.StatusCode);
        Assert.Contains("The check is unavailable right now", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var checkPage = await client.PostPublicAsync("/check?lang=ru", new FormUrlEncodedContent([new("Code", "K7PA-3XWD-RMCT"), new("Q", "+77011234567")]));
        var checkHtml = await checkPage.Content.ReadAsStringAsync();
        Assert.Contains("Проверка сейчас недоступна", checkHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("записей нет", checkHtml, StringComparison.Ordinal);

        Assert.True(vault.TryUnseal(Passphrase));
        var reports = await app.WithDbAsync(db => db.SelfReports.ToListAsync());
        Assert.Equal(2, reports.Count);
        using var key = vault.SelfReportPrivateKey();
        Assert.Equal("sent while sealed", reports.Single(r => r.Channel == SelfReportChannel.Web).Open(key)!.Story);
        Assert.NotEmpty(reference);
    }
}
