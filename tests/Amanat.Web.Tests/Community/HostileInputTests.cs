using System.Net;
using System.Text.Json;
using System.Text;
using Amanat.Core.SelfReports;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Community;

/// <summary>
/// The public report endpoints against a generated corpus of hostile and malformed input: every answer is
/// a 4xx (problem details from the API), never a 5xx, and nothing is stored.
/// </summary>
public abstract class HostileInputTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly string[] CodeFields = ["what", "who", "cityCode", "needs", "consents", "contactChannel", "when"];
    private static readonly string[] TextFields = ["phone", "plate", "name", "unit", "description", "story", "contact"];

    private static readonly string[] BadCodes =
    [
        "EVIL", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u0000", "ALA\u0000", "%00", "ＢＥＡＴＥＮ", "beaten", "", " ", "NOTHING;DROP TABLE",
    ];

    private static readonly string[] BadTexts =
    [
        new string('x', 3_001), "a\u0000b", "\u001b[31mred", "bell\u0007", new string('я', 600), "\u0001\u0002\u0003",
    ];

    /// <summary>JSON bodies each wrong in at least one way.</summary>
    public static IEnumerable<string> ApiCorpus()
    {
        string[] malformed =
        [
            "", "{", "}", "[]", "null", "1", "\"report\"", "{\"what\":", "{\"what\":[\"BEATEN\"]", "{what:[\"BEATEN\"]}", "{'what':['BEATEN']}",
            "{\"what\":[\"BEATEN\"],}", "\u0000", "{\"what\":[\"BEATEN\"]}garbage", new string('[', 200) + new string(']', 200), "{\"what\":" + new string('[', 100) + new string(']', 100) + "}",
            "{\"when\":\"2026-13-45\",\"what\":[\"OTHER\"]}", "{\"when\":\"yesterday\",\"what\":[\"OTHER\"]}", "{\"when\":20261101,\"what\":[\"OTHER\"]}", "{\"when\":\"9999-12-31\",\"what\":[\"OTHER\"]}",
            "{\"when\":\"1900-01-01\",\"what\":[\"OTHER\"]}", "{\"what\":\"BEATEN\"}", "{\"what\":[1,2]}", "{\"what\":[null]}", "{\"what\":{}}", "{\"what\":true}", "{\"needs\":\"DOCTOR\",\"what\":[\"OTHER\"]}",
            "{\"consents\":{\"STATS\":true},\"what\":[\"OTHER\"]}", "{\"contactChannel\":99,\"what\":[\"OTHER\"]}", "{\"contactChannel\":\"Pigeon\",\"what\":[\"OTHER\"]}", "{\"contactChannel\":{},\"what\":[\"OTHER\"]}",
            "{\"story\":123}", "{\"story\":[\"a\"]}", "{\"story\":null}", "{}", "{\"what\":[]}", "{\"needs\":[\"NOTHING\",\"DOCTOR\"],\"what\":[\"OTHER\"]}", "{\"contact\":\"0701\",\"what\":[\"OTHER\"]}",
            "{\"contactChannel\":\"Phone\",\"what\":[\"OTHER\"]}", "{\"what\":[\"OTHER\"],\"cityCode\":123}", "{\"what\":[\"OTHER\"],\"who\":[\"CLI\"]}", "{\"what\":[\"OTHER\"],\"phone\":{\"$ne\":null}}",
        ];
        foreach (var body in malformed)
        {
            yield return body;
        }

        foreach (var field in CodeFields)
        {
            // A blank single choice means "not known", which is allowed.
            foreach (var bad in BadCodes.Where(b => b.Trim().Length > 0 || field is "what" or "when" or "contactChannel"))
            {
                var value = field is "what" or "needs" or "consents" ? (object)new[] { bad } : bad;
                var report = new Dictionary<string, object> { ["what"] = new[] { "OTHER" }, [field] = value };
                if (field == "what")
                {
                    report["what"] = new[] { bad };
                }

                yield return JsonSerializer.Serialize(report);
            }
        }

        foreach (var field in TextFields)
        {
            foreach (var bad in BadTexts.Where(b => b.Length <= SelfReportRules.MaxDescriptionLength || b.Length > SelfReportRules.MaxStoryLength || field != "story"))
            {
                var report = new Dictionary<string, object> { ["what"] = new[] { "OTHER" }, [field] = bad };
                if (field == "contact")
                {
                    report["contactChannel"] = "Telegram";
                }

                yield return JsonSerializer.Serialize(report);
            }
        }
    }

    /// <summary>Form posts each wrong in at least one way.</summary>
    public static IEnumerable<List<KeyValuePair<string, string>>> FormCorpus()
    {
        var formNames = new Dictionary<string, string>
        {
            ["what"] = "Input.What", ["who"] = "Input.Who", ["cityCode"] = "Input.CityCode", ["needs"] = "Input.Needs", ["consents"] = "Input.Consents",
            ["contactChannel"] = "Input.ContactChannel", ["when"] = "Input.When", ["phone"] = "Input.Phone", ["plate"] = "Input.Plate", ["name"] = "Input.Name",
            ["unit"] = "Input.Unit", ["description"] = "Input.Description", ["story"] = "Input.Story", ["contact"] = "Input.Contact",
        };
        foreach (var field in CodeFields)
        {
            foreach (var bad in BadCodes.Where(b => b.Trim().Length > 0 || field is "what"))
            {
                List<KeyValuePair<string, string>> fields = field == "what" ? [] : [new("Input.What", "OTHER")];
                fields.Add(new(formNames[field], bad));
                yield return fields;
            }
        }

        foreach (var field in TextFields)
        {
            foreach (var bad in BadTexts.Where(b => b.Length <= SelfReportRules.MaxDescriptionLength || b.Length > SelfReportRules.MaxStoryLength || field != "story"))
            {
                List<KeyValuePair<string, string>> fields = [new("Input.What", "OTHER"), new(formNames[field], bad)];
                if (field == "contact")
                {
                    fields.Add(new("Input.ContactChannel", "Telegram"));
                }

                yield return fields;
            }
        }

        yield return [new("Input.What", "OTHER"), new("Input.When", "2026-02-30")];
        yield return [new("Input.What", "OTHER"), new("Input.When", "not a date")];
        yield return [new("Input.What", "OTHER"), new("Input.ContactChannel", "99")];
        yield return [new("Input.What[0]", "OTHER"), new("Input.What[x]", "BEATEN"), new("Input.Needs", "NOTHING"), new("Input.Needs", "DOCTOR")];
        yield return [new("Input", "x"), new("Input.Story", "")];
        yield return [];
    }

    [Fact]
    public async Task TheApi_AnswersEveryHostileCaseWith4xxProblemDetails_AndStoresNothing()
    {
        using var client = App.Client();
        var failures = new List<string>();
        var count = 0;
        foreach (var body in ApiCorpus())
        {
            count++;
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/v1/public/reports?lang=en", UriKind.Relative), content);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{status} {response.Content.Headers.ContentType?.MediaType} ← {Shorten(body)}");
            }
        }

        foreach (var (mediaType, body) in new[] { ("text/plain", "what=OTHER"), ("application/x-www-form-urlencoded", "what=OTHER"), ("application/xml", "<what>OTHER</what>") })
        {
            count++;
            using var content = new StringContent(body, Encoding.UTF8, mediaType);
            using var response = await client.PostAsync(new Uri("/api/v1/public/reports", UriKind.Relative), content);
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{(int)response.StatusCode} ← {mediaType}");
            }
        }

        using (var huge = new StringContent("{\"what\":[\"OTHER\"],\"story\":\"" + new string('x', 40_000) + "\"}", Encoding.UTF8, "application/json"))
        using (var response = await client.PostAsync(new Uri("/api/v1/public/reports", UriKind.Relative), huge))
        {
            count++;
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(count > 150, $"only {count} cases");
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("fail:", StringComparison.OrdinalIgnoreCase) || l.Contains("Unhandled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheForm_AnswersEveryHostileCaseWith4xx_AndStoresNothing()
    {
        using var client = App.Client();
        var failures = new List<string>();
        var count = 0;
        foreach (var fields in FormCorpus())
        {
            count++;
            using var response = await SelfReportTests.PostReportAsync(client, fields, "en");
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{(int)response.StatusCode} ← {string.Join("&", fields.Select(f => f.Key + "=" + Shorten(f.Value)))}");
            }
        }

        foreach (var body in new[] { new string('a', 40_000), "Input.What=%E0%A4%A", "%%%%", "Input.What=OTHER&Input.Story=%FF%FE" })
        {
            count++;
            using var content = new StringContent(body, Encoding.Latin1, "application/x-www-form-urlencoded");
            using var response = await client.PostPublicAsync("/report", content);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} ← raw {Shorten(body)}");
            }
        }

        using var withdraw = new FormUrlEncodedContent([new("Reference", new string('Z', 5_000))]);
        using var withdrawn = await client.PostPublicAsync("/report/withdraw", withdraw);
        Assert.Equal(HttpStatusCode.NotFound, withdrawn.StatusCode);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(count > 100, $"only {count} cases");
        Assert.True(await App.WithDbAsync(db => db.SelfReports.CountAsync()) <= 1); // the raw "Story=%FF%FE" post is a valid report with odd text
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : HostileInputTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : HostileInputTests(app);
}
