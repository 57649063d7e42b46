using System.Text;
using System.Xml.Linq;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Authentication;

/// <summary>
/// Canaries: unique strings put into every encrypted value that exists so far (authenticator key, recovery
/// codes, a form kept across an expired session, the unlock passphrase) are nowhere in a copy of the data
/// — database (and SQLite's write-ahead log), key store, Data Protection key ring — nor in the logs.
/// </summary>
public abstract class SecretsAtRestTests(AmanatApp app) : IntegrationTest(app)
{
    private const string FormCanary = "canary-form-7f3a9c";
    private const string PassphraseCanary = "canary passphrase 5d2e81b4";

    [Fact]
    public async Task Canaries_InEveryEncryptedValue_AreNotInTheDataNorTheLogs()
    {
        var (user, key, codes) = await StaffClient.CreateUserAsync(App, "canary-user", "a long enough password", StaffRoles.Admin);
        Assert.Equal(10, codes.Count);
        await KeepAFormAcrossAnExpiredSessionAsync();
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        await admin.PostFormAsync("/staff/admin/keys", new() { ["Input.Passphrase"] = PassphraseCanary, ["Input.ConfirmPassphrase"] = PassphraseCanary }, "/staff/admin/keys?handler=Passphrase");
        Assert.Equal(1, await App.WithDbAsync(db => Task.FromResult(db.PreservedForms.Count())));

        var stored = await StoredContentAsync() + FilesContent();
        var logs = App.Logs.All;

        Assert.Contains("canary-user", stored, StringComparison.Ordinal); // the copy is readable: the search is real
        foreach (var canary in codes.Append(key).Append(FormCanary).Append(PassphraseCanary))
        {
            Assert.DoesNotContain(canary, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(canary, logs, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(user.Id, (await App.WithDbAsync(db => Task.FromResult(db.Users.First(x => x.UserName == "canary-user")))).Id);

        // The shared server goes back to key-file mode, as the other tests expect after a restart.
        App.Services.GetRequiredService<Amanat.Core.Security.KeyVault>().UseKeyFile();
    }

    [Fact]
    public async Task Canaries_InEveryEncryptedIncidentField_AreNotInTheDataNorTheLogs()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var canaries = new Dictionary<string, string>
        {
            ["Input.PlaceNote"] = "cnry-place-note",
            ["Input.Narrative"] = "cnry-narrative",
            ["Input.Injuries"] = "cnry-injuries",
            ["Input.ComplaintNote"] = "cnry-complaint-note",
            ["Input.People[0].WorkingName"] = "cnry-working-name",
            ["Input.Perpetrators[0].Name"] = "cnry-perp-name",
            ["Input.Perpetrators[0].Rank"] = "cnry-rank",
            ["Input.Perpetrators[0].Badge"] = "cnry-badge",
            ["Input.Perpetrators[0].Phones"] = "+7 777 010 20 30",
            ["Input.Perpetrators[0].Plate"] = "cnry-plate",
            ["Input.Perpetrators[0].Vehicle"] = "cnry-vehicle",
            ["Input.Perpetrators[0].Description"] = "cnry-description",
        };
        var fields = Incidents.Situations.DocumentCheck(DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-3)))
            .Where(f => !canaries.ContainsKey(f.Key))
            .Concat(canaries)
            .ToList();
        using var created = await staff.PostFieldsAsync("/staff/incidents/new", fields);
        var location = created.Headers.Location!.ToString();
        var id = location[..location.IndexOf('?', StringComparison.Ordinal)];
        await staff.PostFormAsync(id, new() { ["Service.Code"] = "PSY", ["Service.Provider"] = "cnry-provider", ["Service.Note"] = "cnry-service-note" }, id + "?handler=Response");
        // An edit, so that the history's before/after values exist too.
        var edited = fields.Where(f => f.Key != "Input.Narrative").Append(new("Input.Narrative", "cnry-narrative-2")).ToList();
        var incident = await App.WithDbAsync(db => db.Incidents.Include(x => x.People).SingleAsync());
        edited.RemoveAll(f => f.Key == "Input.People[0].WorkingName");
        edited.Add(new("Input.People[0].Id", incident.People[0].Id.ToString()));
        edited.Add(new("Input.People[0].MemberId", incident.People[0].MemberId!.Value.ToString()));
        using var saved = await staff.PostFieldsAsync(id + "/edit", edited);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        await staff.Http.GetStringAsync(new Uri(id, UriKind.Relative));

        var stored = await StoredContentAsync();
        var logs = App.Logs.All;

        Assert.Contains("ST-RAP", stored, StringComparison.Ordinal); // coded facts stay in the clear: the search is real
        foreach (var canary in canaries.Values.Append("cnry-provider").Append("cnry-service-note").Append("cnry-narrative-2").Append("77770102030"))
        {
            Assert.DoesNotContain(canary, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(canary, logs, StringComparison.OrdinalIgnoreCase);
        }

        // The link between her and the incident: her member id is nowhere in the people-affected rows.
        var memberId = incident.People[0].MemberId!.Value;
        var people = Convert.ToString(await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"AffectedPeople\" t"
            : "SELECT group_concat(Id || coalesce(MemberLink, '') || coalesce(hex(MemberLinkIndex), ''), '|') FROM AffectedPeople"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.Contains(incident.People[0].Id.ToString(), people, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(memberId.ToString("N"), people, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(memberId.ToString(), people, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Canaries_InUploadedFiles_AreNotInTheAttachmentsFolder_TheDatabase_NorTheLogs()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Incidents.Situations.RecordAsync(staff, Incidents.Situations.DocumentCheck(DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-3))));
        var uploads = new[]
        {
            (Bytes: TestFiles.JpegWithExif(48, 48, orientation: 1, description: "cnry-exif-description"), Name: "cnry-photo-name.jpg", Note: "cnry-photo-note"),
            (Bytes: TestFiles.Pdf("cnry-pdf-text"), Name: "cnry-pdf-name.pdf", Note: "cnry-pdf-note"),
        };
        foreach (var (bytes, name, note) in uploads)
        {
            var page = await staff.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments", UriKind.Relative));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(StaffClient.AntiforgeryToken(page)), "__af" },
                { new StringContent(note), "Note" },
                { new ByteArrayContent(bytes), "Upload", name },
            };
            using var posted = await staff.Http.PostAsync(new Uri($"/staff/incidents/{id}/attachments?handler=Upload", UriKind.Relative), form);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        }

        var shown = await staff.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments", UriKind.Relative));
        var folder = Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments"));
        var raw = string.Concat(folder.Select(f => File.ReadAllBytes(f)).Select(b => Encoding.Latin1.GetString(b) + Encoding.UTF8.GetString(b)));
        var stored = await StoredContentAsync();
        var logs = App.Logs.All;

        Assert.Equal(4, folder.Length); // photo: original, viewing copy, thumbnail; PDF: original only
        Assert.Contains("cnry-photo-note", shown, StringComparison.Ordinal); // the values are there to be found
        Assert.Contains("cnry-pdf-name.pdf", shown, StringComparison.Ordinal);
        foreach (var canary in new[] { "cnry-exif-description", "cnry-pdf-text", "cnry-photo-name", "cnry-pdf-name", "cnry-photo-note", "cnry-pdf-note", "%PDF-", "Exif" })
        {
            Assert.DoesNotContain(canary, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Canaries_InEveryEncryptedMemberField_AndTheUicParts_AreNotInTheDataNorTheLogs()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var created = await staff.PostFormAsync("/staff/members/new", new()
        {
            ["Input.WorkingName"] = "cnry-member-name",
            ["Input.BirthYear"] = "1990",
            ["Input.CityCode"] = "SHY",
            ["Input.ContactChannel"] = "Telegram",
            ["Input.Contact"] = "@cnry_member_contact",
            ["Input.Notes"] = "cnry-member-notes",
            ["Input.Sex"] = "Female",
            ["Input.MotherName"] = "Cnrymothername",
            ["Input.FatherName"] = "Cnryfathername",
            ["Input.ServicesConsent"] = "Yes",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        using var service = await staff.PostFormAsync($"/staff/members/{id}", new() { ["Service.Code"] = "PSY", ["Service.Provider"] = "cnry-member-provider" }, $"/staff/members/{id}?handler=Service");
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var provider = await coordinator.PostFormAsync("/staff/directory/new", Care.DirectoryTests.Clinic());
        var providerId = await App.WithDbAsync(db => db.Providers.Select(p => p.Id).SingleAsync());
        using var referral = await staff.PostFormAsync($"/staff/members/{id}", new() { ["Refer.ProviderId"] = providerId.ToString(), ["Refer.ServiceCode"] = "MED-STI", ["Refer.Note"] = "cnry-referral-note" }, $"/staff/members/{id}?handler=Refer");
        using var stay = await staff.PostFormAsync($"/staff/members/{id}", new(), $"/staff/members/{id}?handler=CheckIn");
        var shown = await staff.Http.GetStringAsync(new Uri($"/staff/members/{id}", UriKind.Relative));
        Assert.Contains("cnry-referral-note", shown, StringComparison.Ordinal);

        var stored = await StoredContentAsync();
        var logs = App.Logs.All;

        Assert.Contains("cnry-member-notes", shown, StringComparison.Ordinal); // the values are there to be read
        Assert.Contains("SHY", stored, StringComparison.Ordinal); // coded facts stay in the clear: the search is real
        foreach (var canary in new[] { "cnry-member-name", "cnry_member_contact", "cnry-member-notes", "cnry-member-provider", "Cnrymothername", "Cnryfathername", "CNCN290", "cnry-referral-note" })
        {
            Assert.DoesNotContain(canary, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(canary, logs, StringComparison.OrdinalIgnoreCase);
        }

        // Which services she received: her id is nowhere in the services' rows.
        var services = Convert.ToString(await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"ServiceRecords\" t"
            : "SELECT group_concat(Id || coalesce(MemberLink, ''), '|') FROM ServiceRecords"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.DoesNotContain(id.ToString("N"), services, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id.ToString(), services, StringComparison.OrdinalIgnoreCase);
        var referrals = Convert.ToString(await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"Referrals\" t"
            : "SELECT group_concat(Id || coalesce(MemberLink, '') || ProviderId, '|') FROM Referrals"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.Contains(providerId.ToString(), referrals, StringComparison.OrdinalIgnoreCase); // the rows were read
        Assert.DoesNotContain(id.ToString("N"), referrals, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id.ToString(), referrals, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Canaries_InTheBotsChats_DialogueState_AndToken_AreNotInTheData()
    {
        // What the bot keeps of a chat (id, language, its message ids, the check session, the subscribed city) and its token.
        const long chatId = 6_123_987_450;
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        var card = Guid.CreateVersion7();
        await App.WithDbAsync(async db =>
        {
            var vault = App.Services.GetRequiredService<Amanat.Core.Security.KeyVault>();
            var chat = new Amanat.Core.Community.BotChat(chatId, Amanat.Core.Security.BlindIndex.Compute(vault.Keys, new Amanat.Core.Community.ChatIdNormaliser(), chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))!, TestClock.UtcNow);
            chat.Choose("uz");
            chat.UseCard(card, TestClock.UtcNow, TimeSpan.FromHours(12));
            chat.Await(Amanat.Core.Community.BotStep.Number);
            chat.Subscribe("TUR");
            chat.Sent(987_654_321);
            db.BotChats.Add(chat);
            db.BotTokens.Add(new Amanat.Core.Community.BotToken("4242:cnry-bot-token-secret", admin.User.Id, TestClock.UtcNow));
            return await db.SaveChangesAsync();
        });

        var stored = await StoredContentAsync();
        var rows = Convert.ToString(await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"BotChats\" t"
            : "SELECT group_concat(Id || ChatId || Language || SentMessages || State || AlertCity, '|') FROM BotChats"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.Contains("uz", rows, StringComparison.Ordinal); // the row was read
        foreach (var canary in new[] { chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), "987654321", card.ToString("N"), card.ToString(), "cnry-bot-token-secret" })
        {
            Assert.DoesNotContain(canary, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(canary, App.Logs.All, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var canary in new[] { "number", "TUR" })
        {
            Assert.DoesNotContain(canary, rows, StringComparison.Ordinal);
        }

        var chats = await App.WithDbAsync(db => db.BotChats.ToListAsync());
        Assert.Equal((chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), "TUR", Amanat.Core.Community.BotStep.Number), (chats.Single().ChatId, chats.Single().AlertCity, chats.Single().Awaiting));
    }

    [Fact]
    public async Task DataProtectionKeys_AreEncryptedUnderTheRootKey_SoCookiesCannotBeForgedFromACopiedDisk()
    {
        await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        var files = Directory.GetFiles(Path.Combine(App.DataDirectory, "data-protection"), "*.xml");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var xml = XDocument.Load(file);
            Assert.DoesNotContain(xml.Descendants(), x => x.Name.LocalName == "masterKey");
            Assert.Single(xml.Descendants(), x => x.Name.LocalName == "encryptedSecret");
        });
    }

    protected abstract Task<string> StoredContentAsync();

    /// <summary>Every other file of the data directory: key store, Data Protection key ring.</summary>
    private string FilesContent()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(App.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("amanat.db", StringComparison.Ordinal) && !f.EndsWith(".sock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            text.Append(Encoding.Latin1.GetString(bytes)).Append(Encoding.UTF8.GetString(bytes));
        }

        return text.ToString();
    }

    private async Task KeepAFormAcrossAnExpiredSessionAsync()
    {
        var staff = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var form = await staff.Http.GetStringAsync(new Uri("/staff/account/tokens", UriKind.Relative));
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = StaffClient.AntiforgeryToken(form),
            ["Name"] = FormCanary,
        });
        using var posted = await staff.Http.PostAsync(new Uri("/staff/account/tokens?handler=Create", UriKind.Relative), content);
        Assert.StartsWith("/staff/signin?ReturnUrl=", posted.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SecretsAtRestTests(app)
    {
        /// <summary>The raw bytes of the database file and its write-ahead log, as copied from the disk.</summary>
        protected override async Task<string> StoredContentAsync()
        {
            var text = new StringBuilder();
            foreach (var bytes in await App.CopyDatabaseFilesAsync())
            {
                text.Append(Encoding.Latin1.GetString(bytes)).Append(Encoding.UTF8.GetString(bytes));
            }

            return text.ToString();
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SecretsAtRestTests(app)
    {
        /// <summary>Every row of every table, read with plain SQL.</summary>
        protected override async Task<string> StoredContentAsync()
        {
            var text = new StringBuilder();
            var tables = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(x => x.GetTableName()).Distinct().ToList()));
            foreach (var table in tables)
            {
                text.Append(await App.ScalarAsync($"SELECT coalesce(string_agg(t::text, '|'), '') FROM \"{table}\" t"));
            }

            return text.ToString();
        }
    }
}
