using System.Globalization;
using System.Text.RegularExpressions;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Telegram;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Telegram;

[CollectionDefinition(Name)]
public sealed class TelegramCollection : ICollectionFixture<TelegramApp>
{
    public const string Name = "Telegram";
}

/// <summary>
/// Staff who opt in get "items due soon: N" by Telegram once a day — a count, never a name — through the
/// real bot talking to a fake Bot API server on loopback.
/// </summary>
[Collection(TelegramCollection.Name)]
public sealed partial class StaffRemindersTests(TelegramApp app) : IntegrationTest(app)
{
    private const long Chat = 777_001;

    private FakeBotApi Bot => app.Bot;

    [Fact]
    public async Task AStaffMemberLinksHerChat_AndGetsOnlyACount_OnceADay()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var account = await outreach.Http.GetStringAsync(new Uri("/staff/account?lang=uz", UriKind.Relative));
        Assert.Contains("Telegram eslatmalarini yoqish", account, StringComparison.Ordinal);

        var code = await TurnOnAsync(outreach, "uz");
        Bot.Send(Chat, "/start " + code, "en");
        await Bot.WaitForMessageAsync(Chat, t => t.StartsWith("Tayyor", StringComparison.Ordinal)); // in her interface language

        // The chat id is stored encrypted; the code only as a hash and never again usable.
        var stored = await App.ScalarAsync("SELECT \"ChatId\" FROM \"StaffTelegramLinks\"");
        Assert.DoesNotContain(Chat.ToString(CultureInfo.InvariantCulture), stored?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Bot.Send(Chat + 1, "/start " + code, "kk");
        await Bot.WaitForMessageAsync(Chat + 1, t => t.Contains("код енді жарамсыз", StringComparison.Ordinal));

        // A member of hers with an entry 25 days ago: registration is due in 4 days.
        using var created = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Мохира", ["Input.NationalityCode"] = "UZ" });
        var memberId = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var entered = App.Today.AddDays(-25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var entry = await outreach.PostFormAsync($"/staff/members/{memberId}/stay", new() { ["kind"] = "Entry", ["on"] = entered }, $"/staff/members/{memberId}/stay?handler=Movement");

        Assert.Equal(1, await SendDueAsync());
        var reminder = Assert.Single(Bot.MessagesTo(Chat), c => c.Text!.StartsWith("Muddati", StringComparison.Ordinal));
        Assert.Equal("Muddati yaqin ishlar: 1.", reminder.Text);
        Assert.Equal(0, await SendDueAsync()); // once a day
        Assert.Equal(2, Bot.MessagesTo(Chat).Count);

        account = await outreach.Http.GetStringAsync(new Uri("/staff/account?lang=ru", UriKind.Relative));
        Assert.Contains("Напоминания включены с", account, StringComparison.Ordinal);
        using var off = await outreach.PostFormAsync("/staff/account", [], "/staff/account?handler=TelegramOff");
        Assert.Equal(0, await App.WithDbAsync(db => db.StaffTelegramLinks.CountAsync()));
        var audited = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Select(e => e.Type).ToListAsync());
        Assert.Contains(AuditEventType.TelegramLinked, audited);
        Assert.Contains(AuditEventType.TelegramUnlinked, audited);
        Assert.DoesNotContain(App.Logs.Lines, m => m.Contains(Chat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) || m.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingDue_SendsNothing_AndABlockedBotEndsTheLink()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await TurnOnAsync(coordinator, "ru");
        Bot.Send(Chat + 10, "/start " + code, "ru");
        await Bot.WaitForMessageAsync(Chat + 10, t => t.StartsWith("Готово", StringComparison.Ordinal));

        Assert.Equal(0, await SendDueAsync());
        Assert.Single(Bot.MessagesTo(Chat + 10));

        // Something due (an incident needing follow-up), but she has blocked the bot: the dead link is removed.
        await Situations.RecordAsync(coordinator, Situations.DocumentCheck(App.Today.AddDays(-3)));
        await App.WithDbAsync(db => db.StaffTelegramLinks.ExecuteUpdateAsync(x => x.SetProperty(l => l.LastSentOn, (DateOnly?)null)));
        Bot.Block(Chat + 10);
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.StaffTelegramLinks.CountAsync()));
    }

    [Fact]
    public async Task AnExpiredCode_IsRefused_AndOtherMessagesGoToTheCommunityBot()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var code = await TurnOnAsync(coordinator, "en");
        App.Clock.Advance(StaffTelegramLink.CodeLifetime + TimeSpan.FromMinutes(1));
        Bot.Send(Chat + 20, "/start " + code, "en");
        await Bot.WaitForMessageAsync(Chat + 20, t => t.StartsWith("This code is not valid", StringComparison.Ordinal));
        Bot.Send(Chat + 20, "hello", "uz");
        await Bot.WaitForMessageAsync(Chat + 20, t => t.StartsWith("Assalomu alaykum! Tilni tanlang.", StringComparison.Ordinal));
        Assert.False(await App.WithDbAsync(db => db.StaffTelegramLinks.AnyAsync(l => l.LinkedAtUtc != null)));
    }

    private static async Task<string> TurnOnAsync(StaffClient staff, string language)
    {
        using var response = await staff.PostFormAsync($"/staff/account?lang={language}", [], $"/staff/account?handler=TelegramOn&lang={language}");
        var html = await response.Content.ReadAsStringAsync();
        var match = StartCommand().Match(html);
        Assert.True(match.Success, html);
        Assert.Contains(FakeBotApi.UserName, html, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffReminders>().SendDueAsync(CancellationToken.None);
    }

    [GeneratedRegex(@"/start (s_[A-Za-z0-9_-]+)")]
    private static partial Regex StartCommand();
}
