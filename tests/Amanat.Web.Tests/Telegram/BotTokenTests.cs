using System.Net;
using System.Text;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Telegram;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Telegram;

/// <summary>
/// The token set by an administrator: tried with Telegram, stored encrypted, used at once; the bot stops
/// while sealed and comes back (with the messages that waited) on unsealing; removing it stops the bot.
/// </summary>
public sealed class BotTokenTests : IAsyncLifetime
{
    private const string Passphrase = "river stone lantern morning";
    private readonly FakeBotApi api = FakeBotApi.Start();
    private readonly AmanatApp app;

    public BotTokenTests()
    {
        var settings = api.Settings;
        settings.Remove("Amanat:Telegram:Token");
        app = new AmanatApp(DatabaseProvider.Sqlite, settings);
    }

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task TheTokenIsTriedStoredEncryptedAndUsed_StopsWhileSealed_AndCanBeRemoved()
    {
        const long chat = 880_300;
        var bot = app.Services.GetRequiredService<TelegramBot>();
        var admin = await StaffClient.SignInNewAsync(app, StaffRoles.Admin);
        var page = await admin.Http.GetStringAsync(new Uri("/staff/admin/telegram?lang=ru", UriKind.Relative));
        Assert.Contains("Бот выключен: у него нет токена.", page, StringComparison.Ordinal);
        Assert.Null(bot.Client);

        using var malformed = await admin.PostFormAsync("/staff/admin/telegram?lang=uz", new() { ["Token"] = "not a token" });
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Contains("Bu bot tokeni emas", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var rejected = await admin.PostFormAsync("/staff/admin/telegram?lang=en", new() { ["Token"] = "123456:revoked-long-ago" });
        Assert.Contains("Telegram rejected this token", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.BotTokens.CountAsync()));

        using var saved = await admin.PostFormAsync("/staff/admin/telegram?lang=en", new() { ["Token"] = " " + FakeBotApi.Token + " " });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(BotTokenSource.Stored, bot.Source);
        api.Send(chat, "/start");
        await api.WaitForMessageAsync(chat, t => t.StartsWith("Здравствуйте! Выберите язык.", StringComparison.Ordinal));
        page = await admin.Http.GetStringAsync(new Uri("/staff/admin/telegram?lang=en", UriKind.Relative));
        Assert.Contains("stored encrypted", page, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotApi.Token, page, StringComparison.Ordinal);

        // Encrypted at rest: the secret half of the token is in no database file.
        var raw = string.Join("\n", (await app.CopyDatabaseFilesAsync()).Select(b => Encoding.UTF8.GetString(b) + Encoding.Latin1.GetString(b)));
        Assert.DoesNotContain(FakeBotApi.Token.Split(':')[1], raw, StringComparison.Ordinal);

        using var removed = await admin.PostFormAsync("/staff/admin/telegram", [], "/staff/admin/telegram?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(bot.Client);
        Assert.Equal(0, await app.WithDbAsync(db => db.BotTokens.CountAsync()));

        // Set again; sealed, the bot lets go of it; a message sent meanwhile waits at Telegram, then is answered.
        using var again = await admin.PostFormAsync("/staff/admin/telegram", new() { ["Token"] = FakeBotApi.Token });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var vault = app.Services.GetRequiredService<KeyVault>();
        vault.UsePassphrase(Passphrase);
        await app.Services.GetRequiredService<Sealing>().SealAsync(AuditSource.System);
        Assert.Null(bot.Client);
        await api.WaitUntilNotPollingAsync(); // the poll in flight ends, and no other starts
        var before = api.MessagesTo(chat + 1).Count;
        var polls = api.Polls;
        api.Send(chat + 1, "/start", "kk");
        // A running bot polls again as soon as a poll ends (each lasts at most PollSeconds, one second here):
        // in one poll period a bot that had not let go of the token would have asked for the message.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(polls, api.Polls);
        Assert.Equal(before, api.MessagesTo(chat + 1).Count);
        Assert.Equal(UnsealOutcome.Unsealed, (await app.Services.GetRequiredService<Sealing>().UnsealAsync(Passphrase, AuditSource.System, webAddress: null)).Outcome);
        await api.WaitForMessageAsync(chat + 1, t => t.StartsWith("Сәлеметсіз бе", StringComparison.Ordinal) || t.Contains("Тілді таңдаңыз", StringComparison.Ordinal));
        Assert.Equal(BotTokenSource.Stored, bot.Source);

        var audited = await app.WithDbAsync(db => db.Set<AuditEvent>().Where(e => e.Type == AuditEventType.BotTokenSet || e.Type == AuditEventType.BotTokenRemoved).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync());
        Assert.Equal([AuditEventType.BotTokenSet, AuditEventType.BotTokenRemoved, AuditEventType.BotTokenSet], audited);
    }
}

/// <summary>Webhook mode: the bot registers its address with a fresh secret; only calls with that secret are taken.</summary>
public sealed class BotWebhookTests : IAsyncLifetime
{
    private readonly FakeBotApi api = FakeBotApi.Start();
    private readonly AmanatApp app;

    public BotWebhookTests()
    {
        var settings = api.Settings;
        settings["Amanat:Telegram:WebhookUrl"] = "https://centre.example/telegram/webhook";
        app = new AmanatApp(DatabaseProvider.Sqlite, settings);
    }

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task TelegramDeliversToTheWebhook_WithTheSecret_AndNothingElseGetsIn()
    {
        const long chat = 880_400;
        var registered = await WaitForCallAsync("setWebhook");
        Assert.Equal("https://centre.example/telegram/webhook", registered.Body["url"]?.ToString());
        var secret = registered.Body["secret_token"]!.ToString();
        Assert.True(secret.Length >= 32);
        Assert.DoesNotContain(api.Calls, c => c.Method == "getUpdates");

        var update = $$$"""{"update_id":1,"message":{"message_id":5,"date":1764370000,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"T","language_code":"uz"},"text":"/start"}}""";
        using var client = app.Client();
        foreach (var (header, body) in new[] { ((string?)null, update), ("wrong-secret", update), (secret, "{not json"), (secret, "[]") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (header is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", header);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Empty(api.MessagesTo(chat));
        using var good = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Path) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        good.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var answered = await client.SendAsync(good);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.StartsWith("Assalomu alaykum! Tilni tanlang.", Assert.Single(api.MessagesTo(chat)).Text, StringComparison.Ordinal);
    }

    private async Task<BotCall> WaitForCallAsync(string method)
    {
        for (var i = 0; i < 100; i++)
        {
            if (api.Calls.FirstOrDefault(c => c.Method == method) is { } call)
            {
                return call;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("The bot never called " + method);
    }
}
