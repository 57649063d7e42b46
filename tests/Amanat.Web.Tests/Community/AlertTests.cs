using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amanat.Core.Alerts;
using Amanat.Core.Auditing;
using Amanat.Core.Community;
using Amanat.Core.Staff;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Community;

/// <summary>
/// Alerts from incidents with ALERT consent, approved by a second coordinator, published; the number check
/// finds them in any format, shows place and month only behind two reports, refuses bad codes; the feed.
/// </summary>
public abstract class AlertTests(AmanatApp app) : IntegrationTest(app)
{
    public static List<KeyValuePair<string, string>> ClientIncident(DateOnly occurredOn, string phone = "87011234567", string alert = "Yes") =>
    [
        new("Input.OccurredOn", occurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.CityCode", "ALA"),
        new("Input.People[0].WorkingName", "Сауле"),
        new("Input.People[0].Consents[ALERT]", alert),
        new("Input.People[0].Consents[STATS]", "Yes"),
        new("Input.Violations", "CL-PHY"),
        new("Input.Violations", "CL-ROB"),
        new("Input.Perpetrators[0].CategoryCode", "CLI"),
        new("Input.Perpetrators[0].Phones", phone),
        new("Input.Perpetrators[0].Plate", "777 KZA 02"),
        new("Input.SourceCode", "SELF"),
        new("Input.ReliabilityCode", "FIRST"),
        new("Input.Status", "Open"),
        new("Input.Narrative", "canary-alert-story избил"),
    ];

    /// <summary>Writes an alert from an incident through the form as prefilled, then approves (as the other coordinator) and publishes it.</summary>
    public static async Task<Guid> PublishFromAsync(StaffClient author, StaffClient approver, Guid incident, string description = "Белая машина, называет себя Сашей")
    {
        var form = await author.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={incident}&lang=ru", UriKind.Relative));
        var fields = Html.FormFields(form, "novalidate").Where(f => f.Key != "__af").ToList();
        fields.RemoveAll(f => f.Key == "Input.Descriptions[ru]");
        fields.Add(new("Input.Descriptions[ru]", description));
        using var saved = await author.PostFieldsAsync($"/staff/alerts/new?incident={incident}", fields, "/staff/alerts/new");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('?')[0]["/staff/alerts/".Length..]);
        using var approved = await approver.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using var published = await author.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return id;
    }

    public static async Task<string> IssueCodeAsync(AmanatApp app, Guid staffId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccessCodeDesk>().IssueAsync(1, null, staffId))[0].Code;
    }

    public static async Task<HttpResponseMessage> CheckAsync(HttpClient client, string? code, string q, string lang = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/check?lang={lang}") { Content = new StringContent(JsonSerializer.Serialize(new { q }), System.Text.Encoding.UTF8, "application/json") };
        if (code is not null)
        {
            request.Headers.Add("X-Access-Code", code);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnAlert_NeedsASecondCoordinator_ThenTheCheckFindsItInAnyFormat_WithoutPlaceForALoneReport()
    {
        var first = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var second = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(first, ClientIncident(App.Today.AddDays(-10)));

        var form = await first.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={incident}&lang=ru", UriKind.Relative));
        var fields = Html.FormFields(form, "novalidate");
        Assert.Contains(new("Input.Phones", "87011234567"), fields);
        Assert.Contains(new("Input.Codes", "VI"), fields);
        Assert.Contains(new("Input.Codes", "RB"), fields);
        Assert.Contains(new("Input.CategoryCode", "CLI"), fields);

        // Without a description it is refused, and what was typed stays.
        using var refused = await first.PostFieldsAsync("/staff/alerts/new?lang=en", fields.Where(f => f.Key != "__af"), "/staff/alerts/new?lang=en");
        Assert.Contains("Write what to look out for in at least one language.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Alerts.CountAsync()));

        var fieldsWithText = fields.Where(f => f.Key is not "__af" and not "Input.Descriptions[ru]").Append(new("Input.Descriptions[ru]", "Белая машина")).ToList();
        using var saved = await first.PostFieldsAsync("/staff/alerts/new", fieldsWithText, "/staff/alerts/new");
        var id = await App.WithDbAsync(db => db.Alerts.Select(a => a.Id).SingleAsync());
        using var own = await first.PostFormAsync("/staff/account", [], $"/staff/alerts/{id}?handler=Approve&lang=en");
        Assert.Contains("Another coordinator must approve", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var approved = await second.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Approve");
        using var published = await first.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Publish");
        Assert.Equal(AlertStatus.Published, await App.WithDbAsync(db => db.Alerts.Select(a => a.Status).SingleAsync()));

        var code = await IssueCodeAsync(App, first.User.Id);
        using var community = App.Client();
        foreach (var typed in new[] { "+7 701 123 4567", "8 (701) 123-45-67", "77011234567", "777 kza 02" })
        {
            using var found = await CheckAsync(community, code.ToLowerInvariant(), typed);
            var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement;
            Assert.True(body.GetProperty("found").GetBoolean(), typed);
            Assert.Equal(1, body.GetProperty("reports").GetInt32());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("cityCode").ValueKind); // a lone report: no place, no month
            Assert.Equal(JsonValueKind.Null, body.GetProperty("month").ValueKind);
            Assert.Equal(["VI", "RB"], body.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
            Assert.DoesNotContain("избил", body.ToString(), StringComparison.Ordinal);
        }

        using var nothing = await CheckAsync(community, code, "+7 701 000 0000");
        Assert.False(JsonDocument.Parse(await nothing.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean());
        Assert.Equal(5, await App.WithDbAsync(db => db.AccessCodes.Select(c => c.Uses).SingleAsync()));

        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.SubjectId == id).Select(e => e.Type).ToListAsync());
        Assert.Equal([AuditEventType.AlertDrafted, AuditEventType.AlertApproved, AuditEventType.AlertPublished], audit);
    }

    [Fact]
    public async Task TwoReports_ShowTheLatestCityAndMonth_AndAWithdrawnAlertIsNoLongerFound()
    {
        var first = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var second = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var one = await Situations.RecordAsync(first, ClientIncident(App.Today.AddDays(-3)));
        var two = await Situations.RecordAsync(first, ClientIncident(App.Today.AddDays(-2)));
        var form = await first.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={one}&lang=ru", UriKind.Relative));
        var fields = Html.FormFields(form, "novalidate").Where(f => f.Key is not "__af" and not "Input.Incidents" && !f.Key.StartsWith("Input.Descriptions", StringComparison.Ordinal)).ToList();
        fields.AddRange([new("Input.Incidents", one.ToString()), new("Input.Incidents", two.ToString()), new("Input.Descriptions[uz]", "Oq mashina")]);
        using var saved = await first.PostFieldsAsync("/staff/alerts/new", fields, "/staff/alerts/new");
        var page = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, page);
        var id = await App.WithDbAsync(db => db.Alerts.Select(a => a.Id).SingleAsync());
        using var approved = await second.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Approve");
        using var published = await second.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Publish");

        var code = await IssueCodeAsync(App, first.User.Id);
        using var community = App.Client();
        using var found = await CheckAsync(community, code, "+77011234567");
        var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, body.GetProperty("reports").GetInt32());
        Assert.Equal("ALA", body.GetProperty("cityCode").GetString());
        Assert.Equal(App.Today.AddDays(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("month").GetString());

        using var feedRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/alerts?city=ALA&lang=uz");
        feedRequest.Headers.Add("X-Access-Code", code);
        using var feed = await community.SendAsync(feedRequest);
        var alert = Assert.Single(JsonDocument.Parse(await feed.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal("Oq mashina", alert.GetProperty("description").GetString());
        Assert.Equal("uz", alert.GetProperty("descriptionLanguage").GetString());
        Assert.Equal(App.Today.AddDays(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), alert.GetProperty("when").GetString());
        Assert.Equal(["+7 701 ••• •• 67"], alert.GetProperty("phones").EnumerateArray().Select(p => p.GetString())); // masked: the full number only through the check
        Assert.Equal(["••• ••• 02"], alert.GetProperty("plates").EnumerateArray().Select(p => p.GetString()));

        using var withdrawn = await first.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Withdraw");
        using var gone = await CheckAsync(community, code, "+77011234567");
        Assert.False(JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task BadCodes_AreRefusedClearly_AndAnIncidentWithoutAlertConsent_CannotBackAnAlert()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var community = App.Client();

        using var none = await CheckAsync(community, null, "+77011234567");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        using var unknown = await CheckAsync(community, "AAAA-AAAA-AAAA", "+77011234567");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("We do not know this code", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var revoke = await coordinator.PostFormAsync("/staff/access-codes", new() { ["Serial"] = "1" }, "/staff/access-codes?handler=Revoke");
        using var revoked = await CheckAsync(community, code, "+77011234567", "uz");
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Contains("Bu kartochka endi amal qilmaydi", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = await IssueCodeAsync(App, coordinator.User.Id);
        using var notANumber = await CheckAsync(community, fresh, "!!");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);

        var incident = await Situations.RecordAsync(coordinator, ClientIncident(App.Today.AddDays(-1), alert: "No"));
        var details = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{incident}?lang=ru", UriKind.Relative));
        Assert.DoesNotContain("/staff/alerts/new?incident=", details, StringComparison.Ordinal);
        var form = await coordinator.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={incident}&lang=en", UriKind.Relative));
        var fields = Html.FormFields(form, "novalidate").Where(f => f.Key is not "__af" and not "Input.Descriptions[en]").Append(new("Input.Descriptions[en]", "White car")).ToList();
        using var refused = await coordinator.PostFieldsAsync("/staff/alerts/new?lang=en", fields, "/staff/alerts/new?lang=en");
        Assert.Contains("only incidents where she agreed to ALERT", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Alerts.CountAsync()));
    }

    [Fact]
    public async Task TheCheckAndFeedPages_WorkWithATypedCode_AndRememberItOnlyWhenAsked()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(coordinator, ClientIncident(App.Today.AddDays(-4)));
        var single = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        await PublishFromAsync(coordinator, single, incident);
        var code = await IssueCodeAsync(App, coordinator.User.Id);

        using var community = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var check = new FormUrlEncodedContent([new("Code", code), new("Q", "8 701 123 45 67")]);
        using var answer = await community.PostPublicAsync("/check?lang=ru", check);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Осторожно: сообщений об этом номере: 1", html, StringComparison.Ordinal);
        Assert.Contains("насилие", html, StringComparison.Ordinal);
        Assert.False(answer.Headers.Contains("Set-Cookie"));

        using var remember = new FormUrlEncodedContent([new("Code", code), new("Q", "+7 700 000 0000"), new("Remember", "true")]);
        using var remembered = await community.PostPublicAsync("/check?lang=ru", remember);
        Assert.Contains("По этому номеру записей нет.", await remembered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(".Amanat.Code=", string.Join(";", remembered.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);

        var feed = await community.GetStringAsync(new Uri("/alerts?lang=ru&theme=dark", UriKind.Relative));
        Assert.Contains("Белая машина, называет себя Сашей", feed, StringComparison.Ordinal);
        Assert.Contains("class=\"dark\"", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Today.AddDays(-4).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), feed, StringComparison.Ordinal); // a lone report: the year only
        Assert.DoesNotContain(code, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnAlertConsent_TakesEffectAtOnce_AndAnAlertLeftWithNoReportIsWithdrawn()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(coordinator, ClientIncident(App.Today.AddDays(-6)));
        var id = await PublishFromAsync(coordinator, coordinator, incident);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var community = App.Client();
        using var before = await CheckAsync(community, code, "+77011234567");
        Assert.True(JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean());

        var edit = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{incident}/edit", UriKind.Relative));
        var fields = Html.FormFields(edit, "incident-form").Where(f => f.Key is not "__af" and not "Input.People[0].Consents[ALERT]").Append(new("Input.People[0].Consents[ALERT]", "No")).ToList();
        using var saved = await coordinator.PostFieldsAsync($"/staff/incidents/{incident}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var after = await CheckAsync(community, code, "+77011234567");
        Assert.False(JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean());
        Assert.Equal(AlertStatus.Withdrawn, await App.WithDbAsync(db => db.Alerts.Select(a => a.Status).SingleAsync()));
        Assert.Contains(AuditEventType.AlertWithdrawn, await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.SubjectId == id).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task Checks_AreLimitedPerCard_WithAKindTryLater()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var limited = App.WithTestEndpoints(null, ("Amanat:Community:ChecksPerCodePerHour", "2"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await CheckAsync(client, code, "+77011234567");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await CheckAsync(client, code, "+77011234567", "ru");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Слишком много проверок", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.AccessCodes.Select(c => c.Uses).SingleAsync()));
    }

    [Fact]
    public async Task ThePublicCheckEndpoint_AnswersHostileInputWith4xx_NeverA5xx()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var client = App.Client();
        var failures = new List<string>();
        string[] bodies = ["", "{", "[]", "null", "{\"q\":1}", "{\"q\":[\"x\"]}", "{\"q\":null}", "{\"q\":\"\"}", "{\"q\":\"" + new string('9', 5000) + "\"}", "{\"q\":\"\\u0000\\u0000\\u0000\"}", "{\"q\":\"<script>\"}", "{\"q\":\"' OR 1=1 --\"}", "{\"q\":{}}"];
        string?[] codes = [null, "", "x", new string('A', 500), "AAAA-AAAA-AAAA", "\u0000", "K7PA-3XWD-RMCT"];
        foreach (var body in bodies)
        {
            foreach (var header in codes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/check") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                if (header is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-Access-Code", header);
                }

                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode is < 400 or >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} ← {body[..Math.Min(body.Length, 30)]} / {header?[..Math.Min(header.Length, 10)]}");
                }
            }

            using var valid = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/check") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            valid.Headers.Add("X-Access-Code", code);
            using var answered = await client.SendAsync(valid);
            if ((int)answered.StatusCode >= 500 || (int)answered.StatusCode == 200 && body is not "{\"q\":\"<script>\"}" and not "{\"q\":\"' OR 1=1 --\"}")
            {
                failures.Add($"{(int)answered.StatusCode} ← valid code, {body[..Math.Min(body.Length, 30)]}");
            }
        }

        foreach (var city in new[] { "", "<x>", new string('x', 3000), "'; DROP TABLE \"Alerts\"; --" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/alerts?city=" + Uri.EscapeDataString(city));
            request.Headers.Add("X-Access-Code", code);
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} ← alerts city {city[..Math.Min(city.Length, 10)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public static async Task<HttpResponseMessage> FeedAsync(HttpClient client, string code, string lang = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/alerts?lang={lang}");
        request.Headers.Add("X-Access-Code", code);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheFeed_ShowsPhonesAndPlatesOnlyMasked_AndTheFullNumberOnlyThroughTheCheck()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var other = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(coordinator, ClientIncident(App.Today.AddDays(-5), "8 701 123 45 67, +998 90 765 43 21"));
        await PublishFromAsync(coordinator, other, incident);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var community = App.Client();

        using var feed = await FeedAsync(community, code);
        var alert = Assert.Single(JsonDocument.Parse(await feed.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal(["+7 701 ••• •• 67", "+998 90 ••• •• 21"], alert.GetProperty("phones").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["••• ••• 02"], alert.GetProperty("plates").EnumerateArray().Select(p => p.GetString()));
        using var page = await community.PostPublicAsync("/alerts?lang=ru", new FormUrlEncodedContent([new("Code", code)]));
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("+7 701 ••• •• 67", html, StringComparison.Ordinal);
        Assert.Contains("••• ••• 02", html, StringComparison.Ordinal);
        foreach (var text in new[] { alert.ToString(), html })
        {
            foreach (var full in new[] { "1234567", "123 45 67", "7654321", "765 43 21", "KZA" })
            {
                Assert.DoesNotContain(full, text, StringComparison.Ordinal);
            }
        }

        // The staff page and the check still know the whole number.
        var details = await coordinator.Http.GetStringAsync(new Uri($"/staff/alerts/{await App.WithDbAsync(db => db.Alerts.Select(a => a.Id).SingleAsync())}?lang=en", UriKind.Relative));
        Assert.Contains("+998 90 765 43 21", System.Net.WebUtility.HtmlDecode(details), StringComparison.Ordinal);
        foreach (var typed in new[] { "+998907654321", "777KZA02" })
        {
            using var found = await CheckAsync(community, code, typed);
            Assert.True(JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement.GetProperty("found").GetBoolean(), typed);
        }
    }

    [Fact]
    public async Task TheCheck_CountsTheReportsBehindTheNumberItFound_NotEveryReportOfItsAlert()
    {
        var first = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var second = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var one = await Situations.RecordAsync(first, ClientIncident(App.Today.AddDays(-3), "87011112233"));
        var two = await Situations.RecordAsync(first, ClientIncident(App.Today.AddDays(-2), "87014445566"));
        var form = await first.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={one}&lang=ru", UriKind.Relative));
        var fields = Html.FormFields(form, "novalidate").Where(f => f.Key is not "__af" and not "Input.Incidents" && !f.Key.StartsWith("Input.Descriptions", StringComparison.Ordinal)).ToList();
        fields.RemoveAll(f => f.Key == "Input.Phones");
        fields.AddRange([new("Input.Incidents", one.ToString()), new("Input.Incidents", two.ToString()), new("Input.Descriptions[ru]", "Белая машина"), new("Input.Phones", "87011112233\n87014445566")]);
        using var saved = await first.PostFieldsAsync("/staff/alerts/new", fields, "/staff/alerts/new");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = await App.WithDbAsync(db => db.Alerts.Select(a => a.Id).SingleAsync());
        using (await second.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Approve"))
        using (await second.PostFormAsync($"/staff/alerts/{id}", [], $"/staff/alerts/{id}?handler=Publish"))
        {
        }

        Assert.Equal(2, await App.WithDbAsync(db => db.Alerts.Select(a => a.Reports).SingleAsync()));
        var code = await IssueCodeAsync(App, first.User.Id);
        using var community = App.Client();
        foreach (var phone in new[] { "+7 701 111 22 33", "+7 701 444 55 66" })
        {
            // One report stands behind each number: "1 report", and no city or month that could point at her.
            using var found = await CheckAsync(community, code, phone);
            var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(1, body.GetProperty("reports").GetInt32());
            Assert.All(body.GetProperty("codes").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("reports").GetInt32()));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("cityCode").ValueKind);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("month").ValueKind);
        }

        // The plate both reports name: two, with the latest city and month.
        using var plate = await CheckAsync(community, code, "777 KZA 02");
        var both = JsonDocument.Parse(await plate.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, both.GetProperty("reports").GetInt32());
        Assert.Equal("ALA", both.GetProperty("cityCode").GetString());
        Assert.Equal(App.Today.AddDays(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), both.GetProperty("month").GetString());
    }

    [Fact]
    public async Task AnAlertDraftedFromIncidents_PrefillsOnePhonePerLine_AndItsOwnFormAcceptsThem()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var other = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        // Two numbers in the perpetrator's one field, separated only by a space, as people type them.
        var incident = await Situations.RecordAsync(coordinator, ClientIncident(App.Today.AddDays(-4), "87011234567 87017654321"));
        var form = await coordinator.Http.GetStringAsync(new Uri($"/staff/alerts/new?incident={incident}&lang=en", UriKind.Relative));
        Assert.Contains(new("Input.Phones", "87011234567\n87017654321"), Html.FormFields(form, "novalidate"));

        await PublishFromAsync(coordinator, other, incident);
        Assert.Equal(["87011234567", "87017654321"], await App.WithDbAsync(async db => (await db.Alerts.SingleAsync()).PhoneList));
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        using var community = App.Client();
        foreach (var phone in new[] { "+7 701 123 45 67", "+7 701 765 43 21" })
        {
            using var found = await CheckAsync(community, code, phone);
            var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement;
            Assert.True(body.GetProperty("found").GetBoolean(), phone);
            Assert.Equal(1, body.GetProperty("reports").GetInt32());
        }
    }

    [Fact]
    public async Task RememberMyCode_KeepsARandomHandleNotTheCode_ThePageNeverShowsTheCode_AndRevokingTheCardEndsIt()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await IssueCodeAsync(App, coordinator.User.Id);
        string[] spellings = [code, ReadableCode.Normalise(code)!, code.Replace("-", string.Empty, StringComparison.Ordinal)];
        using var community = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var remembered = await community.PostPublicAsync("/check?lang=en", new FormUrlEncodedContent([new("Code", code), new("Q", "+7 700 000 0000"), new("Remember", "true")]));
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        var cookie = Assert.Single(remembered.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SavedCode.CookieName + "=", StringComparison.Ordinal));
        var handle = cookie[(SavedCode.CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.True(handle.Length >= 40, handle);
        var stored = await App.WithDbAsync(db => db.SavedCards.SingleAsync());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(handle)), stored.HandleHash); // only the handle's hash is kept

        // Typed without "remember", the code is not written back into the page either.
        using var typed = await community.PostPublicAsync("/check?lang=en", new FormUrlEncodedContent([new("Code", code), new("Q", "+7 700 000 0001")]));
        var typedPage = await typed.Content.ReadAsStringAsync();
        Assert.Contains("No record", typedPage, StringComparison.Ordinal);

        // The handle alone lets her in.
        using var again = await CheckWithCookieAsync(community, handle);
        var againPage = await again.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Using the code saved on this phone.", againPage, StringComparison.Ordinal);
        using (var feedRequest = new HttpRequestMessage(HttpMethod.Get, "/alerts?lang=en"))
        {
            // The feed says so too, and offers to forget it.
            feedRequest.Headers.Add("Cookie", SavedCode.CookieName + "=" + handle);
            using var feed = await community.SendAsync(feedRequest);
            var feedPage = await feed.Content.ReadAsStringAsync();
            Assert.Contains("Using the code saved on this phone.", feedPage, StringComparison.Ordinal);
            Assert.Contains("Forget my code on this phone", feedPage, StringComparison.Ordinal);
        }

        foreach (var spelling in spellings)
        {
            Assert.DoesNotContain(spelling, cookie, StringComparison.OrdinalIgnoreCase);
            foreach (var page in new[] { await remembered.Content.ReadAsStringAsync(), typedPage, againPage })
            {
                Assert.DoesNotContain(spelling, page, StringComparison.OrdinalIgnoreCase);
            }
        }

        // A cookie that holds the code itself (as it used to) opens nothing, and is deleted.
        using var legacy = await CheckWithCookieAsync(community, ReadableCode.Normalise(code)!);
        Assert.Equal(HttpStatusCode.Unauthorized, legacy.StatusCode);
        Assert.Contains(legacy.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SavedCode.CookieName + "=;", StringComparison.Ordinal));

        // Revoking the card ends the handle: refused as the card is, then forgotten on the phone and on the server.
        using (await coordinator.PostFormAsync("/staff/access-codes", new() { ["Serial"] = "1" }, "/staff/access-codes?handler=Revoke"))
        {
        }

        using var revoked = await CheckWithCookieAsync(community, handle);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Contains(revoked.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SavedCode.CookieName + "=;", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.SavedCards.CountAsync()));
        using var gone = await CheckWithCookieAsync(community, handle);
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode); // nothing remembered: "type your code"
    }

    private static async Task<HttpResponseMessage> CheckWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/check?lang=en") { Content = new FormUrlEncodedContent([new("Q", "+7 700 000 0000")]) };
        request.Headers.Add("Cookie", SavedCode.CookieName + "=" + cookie);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AlertTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AlertTests(app);
}
